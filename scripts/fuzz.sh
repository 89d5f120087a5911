#!/usr/bin/env bash
# Runs every fuzz target of the module for $FUZZTIME each (default 1000x:
# 1000 inputs).
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-1000x}
grep -rl --include='*_test.go' '^func Fuzz' . | sort | while read -r file; do
	dir=$(dirname "$file")
	for name in $(grep -o '^func Fuzz[A-Za-z0-9_]*' "$file" | cut -d' ' -f2); do
		echo "fuzz: $dir $name ($fuzztime)"
		go test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" "$dir" >/tmp/fuzz.$$.log 2>&1 || {
			cat /tmp/fuzz.$$.log; rm -f /tmp/fuzz.$$.log; exit 1; }
	done
done
rm -f /tmp/fuzz.$$.log
