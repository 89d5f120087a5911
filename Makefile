# guestrace — see README.md. `make test` is what CI runs.
GO       ?= go
BUILD    := build
GUEST    := $(BUILD)/guest

.PHONY: all build deps guest test test-short fuzz bench demo clean

all: build

build:
	$(GO) build -o $(BUILD)/guestrace ./cmd/guestrace

# deps installs what building the lab and testing need (apt-get, as root).
deps:
	scripts/deps.sh

guest: deps build
	scripts/make-guest.sh $(GUEST)

test: guest
	scripts/test.sh

test-short:
	$(GO) test -short ./...

clean:
	rm -rf $(BUILD)
