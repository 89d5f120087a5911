#!/usr/bin/env bash
# make demo: boot the lab guest with a workload running, trace it for 20
# seconds, detach, and leave nothing behind.
set -euo pipefail
cd "$(dirname "$0")/.."
info=$(mktemp)
go build -o build/guestlab ./cmd/guestlab
build/guestlab -vcpus 2 -run 'while true; do d=/tmp/demo-$$-$RANDOM; mkdir $d; /bin/gt-fileops $d; /bin/gt-procops $d; sleep 1; done' >"$info" &
lab=$!
trap 'kill $lab 2>/dev/null; wait $lab 2>/dev/null; rm -f "$info"' EXIT
until grep -q '^PROFILE ' "$info"; do
	kill -0 $lab 2>/dev/null || { echo "demo: the lab guest did not start" >&2; exit 1; }
	sleep 1
done
gdb=$(awk '$1=="GDB"{print $2}' "$info")
# No --profile: guestrace makes the kernel's profile from guest memory.
echo "demo: tracing the lab guest for 20 seconds: build/guestrace --qemu $gdb --duration 20s" >&2
build/guestrace --qemu "$gdb" --duration 20s
