#!/usr/bin/env bash
# The libvirt daemons the live libvirt tests need, on machines without
# systemd:
#   scripts/libvirt.sh deps   installs libvirt-daemon-system and
#                             libvirt-clients when missing (root)
#   scripts/libvirt.sh start  starts virtlogd and libvirtd as root unless one
#                             already runs, and waits until libvirtd answers
#   scripts/libvirt.sh stop   stops the daemons that "start" started, and
#                             only those (it leaves a marker next to each PID)
set -euo pipefail

# The PID files the daemons write, and our markers that we started them.
LIBVIRTD_PID=/run/libvirtd.pid
VIRTLOGD_PID=/run/virtlogd.pid
SOCKET=/var/run/libvirt/libvirt-sock
MARK_SUFFIX=.guestrace-started

running() { # running PIDFILE: the daemon in PIDFILE is alive
	[ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

deps() {
	local need=()
	for pkg in libvirt-daemon-system libvirt-clients; do
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
	done
	if [ ${#need[@]} -gt 0 ]; then
		echo "libvirt: installing ${need[*]}" >&2
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
	fi
}

# start_one NAME PIDFILE: starts the daemon unless it runs (by its PID file,
# or for a daemon started some other way, by its name).
start_one() {
	local name=$1 pidfile=$2
	if running "$pidfile" || pgrep -x "$name" >/dev/null; then
		echo "libvirt: $name already runs; leaving it alone" >&2
		return 0
	fi
	echo "libvirt: starting $name" >&2
	"$name" --daemon
	for _ in $(seq 100); do
		running "$pidfile" && break
		sleep 0.1
	done
	running "$pidfile" || { echo "libvirt: $name did not start" >&2; return 1; }
	cat "$pidfile" >"$pidfile$MARK_SUFFIX"
}

start() {
	if [ "$(id -u)" != 0 ]; then
		echo "libvirt: starting the daemons needs root" >&2
		return 1
	fi
	if ! command -v libvirtd >/dev/null; then
		echo "libvirt: libvirtd is not installed: run make deps (or $0 deps)" >&2
		return 1
	fi
	start_one virtlogd "$VIRTLOGD_PID"
	start_one libvirtd "$LIBVIRTD_PID"
	# libvirtd answers once it has probed QEMU's capabilities.
	for _ in $(seq 600); do
		virsh -q -c qemu:///system version >/dev/null 2>&1 && return 0
		sleep 0.1
	done
	echo "libvirt: libvirtd does not answer on $SOCKET" >&2
	return 1
}

# stop_one PIDFILE: stops the daemon only if our marker names its PID.
stop_one() {
	local pidfile=$1 mark=$1$MARK_SUFFIX pid
	[ -s "$mark" ] || return 0
	pid=$(cat "$mark")
	rm -f "$mark"
	if [ -s "$pidfile" ] && [ "$(cat "$pidfile")" = "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill "$pid"
		for _ in $(seq 100); do
			kill -0 "$pid" 2>/dev/null || return 0
			sleep 0.1
		done
		echo "libvirt: pid $pid did not exit" >&2
	fi
}

stop() {
	stop_one "$LIBVIRTD_PID"
	stop_one "$VIRTLOGD_PID"
}

case "${1:-}" in
deps) deps ;;
start) start ;;
stop) stop ;;
*) echo "usage: $0 deps|start|stop" >&2; exit 2 ;;
esac
