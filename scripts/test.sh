#!/usr/bin/env bash
# The whole test run (make test): vet, every test including the live ones
# against the lab guest, a short run of every fuzzer, and the libvmi build
# when libvmi is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
go vet ./...
# staticcheck, pinned, through the module proxy.
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
# libvirtd for the libvirt tests: started here unless one runs, and then
# stopped again at the end.
trap 'scripts/libvirt.sh stop' EXIT
scripts/libvirt.sh start
go test -count=1 -p 1 -timeout 40m ./...
scripts/fuzz.sh
if pkg-config --exists libvmi 2>/dev/null; then
	echo "libvmi found: building and testing the Xen backend (-tags libvmi)"
	go vet -tags libvmi ./...
	# The unit tests of the whole module in the libvmi build, and the
	# backend's own tests (live ones on a dump of the lab) in full.
	go test -count=1 -short -tags libvmi ./...
	go test -count=1 -tags libvmi -timeout 15m ./pkg/vmi/libvmi/...
else
	echo "libvmi not installed: skipped the Xen backend's build and tests (-tags libvmi); see docs/xen.md"
fi
