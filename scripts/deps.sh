#!/usr/bin/env bash
# Installs the Debian packages that building the lab guest and running the
# tests need, when they are missing. Needs root on a fresh machine.
set -euo pipefail
need=()
for pkg in qemu-system-x86 busybox-static cpio gcc libc6-dev strace; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
	echo "deps: installing ${need[*]}" >&2
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# libvirt for the libvirt backend's live tests.
"$(dirname "$0")/libvirt.sh" deps
