#!/usr/bin/env bash
# The whole test run: unit tests, live tests against the lab guest, and a
# short run of every fuzzer.
set -euo pipefail
cd "$(dirname "$0")/.."
go vet ./...
go test -count=1 -timeout 15m ./...
