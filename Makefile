# guestrace — see README.md. `make test` is what CI runs.
GO       ?= go
BUILD    := build
# KERNEL is the lab's kernel series (scripts/kernels.list): the default,
# 6.1, is built into build/guest, the others into build/guest-$(KERNEL).
# MATRIX are the other series `make test` also runs on (docs/testing.md).
KERNEL   ?= 6.1
MATRIX   := 5.10 6.12 7.2
GUEST    := $(BUILD)/guest$(if $(filter-out 6.1,$(KERNEL)),-$(KERNEL))
# FUZZTIME is how much `make test` runs each fuzzer (a count of inputs:
# a time limit makes Go's fuzzer fail now and then with "context deadline
# exceeded"); `make fuzz` runs each for 5 minutes.
FUZZTIME ?= 1000x

.PHONY: all build build-xen deps guest guests test test-short fuzz bench soak demo clean

all: build

build:
	$(GO) build -o $(BUILD)/guestrace ./cmd/guestrace

# build-xen needs libvmi installed (pkg-config libvmi): see docs/xen.md.
build-xen:
	$(GO) build -tags libvmi -o $(BUILD)/guestrace ./cmd/guestrace

# deps installs what building the lab and testing need (apt-get, as root).
deps:
	scripts/deps.sh

guest: deps build
	KERNEL=$(KERNEL) scripts/make-guest.sh $(GUEST)

# guests builds the default lab and the lab of every kernel of the matrix.
guests: guest
	for k in $(MATRIX); do KERNEL=$$k scripts/make-guest.sh $(BUILD)/guest-$$k || exit 1; done

test: guests
	FUZZTIME=$(FUZZTIME) scripts/test.sh

test-short:
	$(GO) test -short ./...

fuzz:
	FUZZTIME=5m scripts/fuzz.sh

# bench measures tracing against the lab guest: the GDB stub's own round
# trips, and close() untraced vs traced (see docs/performance.md).
bench: guest
	$(GO) test -run '^$$' -bench . -benchtime 1x -timeout 30m ./test/e2e ./pkg/vmi/qemu ./pkg/isf/linuxmem

# soak traces the lab's busiest workloads, every call on 2 vCPUs, for
# SOAKTIME (default 30m) and reports memory and goroutines at both ends.
SOAKTIME ?= 30m
soak: guest
	GUESTRACE_SOAK=$(SOAKTIME) $(GO) test -count=1 -run '^TestSoak$$' -v -timeout 3h ./test/e2e

demo: guest
	scripts/demo.sh

clean:
	rm -rf $(BUILD)
