#!/usr/bin/env bash
# [KERNEL=SERIES] make-guest.sh [OUT]: builds the lab guest in OUT (default
# build/guest) for Debian's cloud kernel of SERIES (5.10, 6.1 - the
# default -, 6.12 or 7.2: scripts/kernels.list), reusing what is there:
#   vmlinuz, VERSION   Debian's cloud kernel (version resolved at build
#                      time from the suite's linux-image-cloud-amd64
#                      metapackage) and its release
#   workloads/gt-*     static workload programs from guest/workloads/*.c
#   initramfs.cpio.gz  busybox-static, guest/init and the workloads
#   kallsyms, vmlinux.btf, version
#                      dumped by the guest itself, booted once with nokaslr
#   profile.json       the kernel's profile, from `guestrace profile`
# Needs root on a fresh machine (apt-get, mknod); see scripts/deps.sh.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
qemu=${QEMU:-qemu-system-x86_64}
# KERNEL is the kernel series (scripts/kernels.list); 6.1 is the default lab.
kernel=${KERNEL:-6.1}

log() { echo "make-guest: [$SECONDS s] $*" >&2; }
die() { log "error: $*"; exit 1; }

series=$(awk '/^[0-9]/ { print $1 }' "$root/scripts/kernels.list" | uniq | paste -sd ' ')
[[ " $series " == *" $kernel "* ]] || die "KERNEL=$kernel: no such series in scripts/kernels.list (have: $series)"
out=${1:-$root/build/guest}
mkdir -p "$out"
out=$(cd "$out" && pwd)

# newer TARGET SOURCES...: true if TARGET is missing or older than a source.
newer() {
	local t=$1
	shift
	[ -e "$t" ] || return 0
	local s
	for s in "$@"; do
		[ "$s" -nt "$t" ] && return 0
	done
	return 1
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# apt_kernel ARGS...: apt-get (or apt-cache, when ARGS start with
# "cache") on the sources of $kernel only, with lists and caches of its own.
apt_kernel() {
	local tool=apt-get
	[ "$1" = cache ] && { tool=apt-cache; shift; }
	"$tool" -o Dir::Etc::sourcelist="$tmp/apt/sources.list" -o Dir::Etc::sourceparts=- \
		-o Dir::State::lists="$tmp/apt/lists" -o Dir::Cache="$tmp/apt/cache" "$@"
}

# kernel_path RELEASE DIR: where an extracted package keeps the image
# (newer suites split linux-image-* into a stub and linux-binary-*, which
# ships it under /usr/lib/modules).
kernel_path() {
	local f
	for f in "$2/boot/vmlinuz-$1" "$2/usr/lib/modules/$1/vmlinuz" "$2/lib/modules/$1/vmlinuz"; do
		[ -s "$f" ] && { echo "$f"; return 0; }
	done
	return 1
}

fetch_kernel() {
	local meta=linux-image-cloud-amd64 pkg
	mkdir -p "$tmp/apt/lists/partial" "$tmp/apt/cache/archives/partial" "$tmp/deb"
	# apt's sandbox user downloads into these
	chmod 755 "$tmp" "$tmp/apt" "$tmp/apt/cache" "$tmp/apt/cache/archives"
	chown _apt "$tmp/apt/lists/partial" "$tmp/apt/cache/archives/partial" "$tmp/deb" 2>/dev/null || true
	awk -v k="$kernel" '$1 == k { $1 = ""; sub(/^ /, ""); print }' "$root/scripts/kernels.list" >"$tmp/apt/sources.list"
	log "apt-get update (sources of $kernel)"
	apt_kernel update -qq || die "apt-get update for KERNEL=$kernel failed"
	pkg=$(apt_kernel cache depends "$meta" | awk '$1 == "Depends:" && $2 ~ /^linux-image-[0-9]/ { print $2; exit }')
	[ -n "$pkg" ] || die "cannot resolve the kernel package from $meta (KERNEL=$kernel)"
	local release=${pkg#linux-image-}
	case $release in
	"$kernel".*) ;;
	*) die "KERNEL=$kernel: $meta names $pkg, not a $kernel kernel" ;;
	esac
	log "downloading $pkg ($(apt_kernel cache show --no-all-versions "$pkg" | awk '$1 == "Version:" { print $2; exit }'))"
	(cd "$tmp/deb" && apt_kernel download -qq "$pkg") || die "apt-get download $pkg failed"
	dpkg-deb -x "$tmp"/deb/"$pkg"_*.deb "$tmp/kernel"
	local image
	if ! image=$(kernel_path "$release" "$tmp/kernel"); then
		local bin=linux-binary-$release
		log "$pkg has no image: downloading $bin"
		(cd "$tmp/deb" && apt_kernel download -qq "$bin") || die "apt-get download $bin failed"
		dpkg-deb -x "$tmp"/deb/"$bin"_*.deb "$tmp/kernel"
		image=$(kernel_path "$release" "$tmp/kernel") || die "neither $pkg nor $bin has a vmlinuz for $release"
	fi
	cp "$image" "$out/vmlinuz.tmp"
	mv "$out/vmlinuz.tmp" "$out/vmlinuz"
	echo "$release" >"$out/VERSION"
	# A new kernel makes everything dumped from the old one stale.
	rm -f "$out/kallsyms" "$out/vmlinux.btf" "$out/version" "$out/profile.json"
}

build_workloads() {
	mkdir -p "$out/workloads"
	local src bin
	for src in "$root"/guest/workloads/*.c; do
		bin=$out/workloads/$(basename "$src" .c)
		if newer "$bin" "$src" "$root"/guest/workloads/*.h; then
			log "gcc -static $src"
			gcc -static -O2 -Wall -Wextra -Werror -pthread -o "$bin.tmp" "$src"
			mv "$bin.tmp" "$bin"
		fi
	done
	# i386 programs without a C library (int $0x80), for 32-bit processes.
	for src in "$root"/guest/workloads/ia32/*.c; do
		bin=$out/workloads/$(basename "$src" .c)
		if newer "$bin" "$src" "$root"/guest/workloads/ia32/*.h; then
			log "gcc -m32 $src"
			gcc -m32 -nostdlib -static -ffreestanding -fno-pic -fno-stack-protector -O2 -Wall -Wextra -Werror -o "$bin.tmp" "$src"
			mv "$bin.tmp" "$bin"
		fi
	done
}

build_initramfs() {
	local busybox
	busybox=$(command -v busybox) || die "busybox not found (apt-get install busybox-static)"
	busybox=$(readlink -f "$busybox")
	! LC_ALL=C readelf -l "$busybox" | grep -q 'program interpreter' ||
		die "$busybox is not static (apt-get install busybox-static)"
	if ! newer "$out/initramfs.cpio.gz" "$root/guest/init" "$busybox" "$out"/workloads/*; then
		return
	fi
	log "initramfs"
	local r=$tmp/root
	mkdir -p "$r"/{bin,dev,proc,sys,tmp,root}
	cp "$busybox" "$r/bin/busybox"
	# (init makes the applet links at boot: busybox --install)
	cp "$root/guest/init" "$r/init"
	chmod 755 "$r/init"
	cp "$out"/workloads/* "$r/bin/"
	# The kernel opens /dev/console for init before devtmpfs is mounted.
	mknod -m 600 "$r/dev/console" c 5 1 || die "mknod /dev/console failed (run as root)"
	(cd "$r" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --reproducible --quiet) |
		gzip -n -6 >"$out/initramfs.cpio.tmp"
	mv "$out/initramfs.cpio.tmp" "$out/initramfs.cpio.gz"
}

# check_dump NAME FILE: the file's size and SHA-256 must be what the guest reported.
check_dump() {
	local want got
	# (grep -o: the console also carries the firmware's terminal escapes)
	want=$(tr -d '\r' <"$tmp/console.log" | grep -ao "GUESTLAB DUMP $1 .*" | tail -1 || true)
	[ -n "$want" ] || die "the guest did not report $1; see $out/dump-console.log"
	got="GUESTLAB DUMP $1 size=$(wc -c <"$2") sha256=$(sha256sum <"$2" | cut -d' ' -f1)"
	[ "$want" = "$got" ] || die "$1 arrived damaged: guest said '$want', host has '$got'"
}

dump_kernel() {
	# The dump depends on the kernel only (not on the workloads).
	local f stale=
	for f in kallsyms vmlinux.btf version; do
		{ [ -s "$out/$f" ] && ! newer "$out/$f" "$out/vmlinuz"; } || stale=1
	done
	[ -n "$stale" ] || return 0
	log "booting the guest once (nokaslr) to dump kallsyms, BTF and version"
	local rc=0
	timeout 900 "$qemu" -accel tcg -m 512 -smp 1 -cpu qemu64 \
		-nodefaults -nographic -no-reboot -monitor none \
		-kernel "$out/vmlinuz" -initrd "$out/initramfs.cpio.gz" \
		-append "console=ttyS0 nokaslr panic=-1 quiet guestlab.dump=1" \
		-serial "file:$tmp/console.log" \
		-serial "file:$tmp/kallsyms" -serial "file:$tmp/vmlinux.btf" -serial "file:$tmp/version" \
		</dev/null || rc=$?
	cp "$tmp/console.log" "$out/dump-console.log"
	[ "$rc" = 0 ] || { tail -20 "$tmp/console.log" >&2 || true; die "qemu exited with status $rc"; }
	grep -aq "GUESTLAB DUMP DONE" "$tmp/console.log" ||
		{ tail -20 "$tmp/console.log" >&2; die "the guest did not finish its dump"; }
	check_dump kallsyms "$tmp/kallsyms"
	check_dump btf "$tmp/vmlinux.btf"
	check_dump version "$tmp/version"
	mv "$tmp/kallsyms" "$tmp/vmlinux.btf" "$tmp/version" "$out/"
}

make_profile() {
	newer "$out/profile.json" "$out/kallsyms" "$out/vmlinux.btf" "$out/version" || return 0
	local gt=$root/build/guestrace
	[ -x "$gt" ] || die "$gt is missing: run make build"
	"$gt" profile --help >/dev/null 2>&1 ||
		die "$gt has no 'profile' subcommand yet: cannot make $out/profile.json"
	log "profile.json"
	"$gt" profile --kallsyms "$out/kallsyms" --btf "$out/vmlinux.btf" --banner "$out/version" \
		-o "$out/profile.json.tmp"
	mv "$out/profile.json.tmp" "$out/profile.json"
}

# A lab built for another series (or half-built) fetches its kernel anew.
case $(cat "$out/VERSION" 2>/dev/null) in
"$kernel".*) [ -s "$out/vmlinuz" ] || fetch_kernel ;;
*) fetch_kernel ;;
esac
build_workloads
build_initramfs
dump_kernel
make_profile
log "ready: $out ($(cat "$out/VERSION"))"
