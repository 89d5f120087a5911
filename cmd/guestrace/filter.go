package main

import (
	"strings"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/tracer"
)

// parseTraceExprs reads the -e expressions: "trace=NAME,NAME" or just
// "NAME,NAME". Every name must be a system call the guest's table knows.
func parseTraceExprs(exprs []string, table tracer.Decoders, abi string) (callSelection, error) {
	if len(exprs) == 0 {
		return abiOnly(abi, nil), nil
	}
	names := map[string]bool{}
	for _, e := range exprs {
		list := e
		if k, v, ok := strings.Cut(e, "="); ok {
			if k != "trace" {
				return nil, usagef("-e %s: unknown qualifier %q (this guestrace knows trace=)", e, k)
			}
			list = v
		}
		for _, name := range strings.Split(list, ",") {
			name = strings.TrimSpace(name)
			if name == "" {
				return nil, usagef("-e %s: empty system call name", e)
			}
			if !table.Known(name) {
				return nil, usagef("-e %s: unknown system call %q", e, name)
			}
			names[name] = true
		}
	}
	return abiOnly(abi, names), nil
}

// abiOnly selects the entry points of one ABI (Linux "x64", Windows
// "nt"), of the named calls when names is not nil.
func abiOnly(abi string, names map[string]bool) callSelection {
	return func(sc *guestos.Syscall) bool {
		return sc.ABI == abi && (names == nil || names[sc.Name])
	}
}

// callSelection is a filter over the guest kernel's system calls.
type callSelection = func(*guestos.Syscall) bool

// tableOf is the printer table and ABI of the OS a profile describes.
func tableOf(osName string) (tracer.Decoders, string) {
	if osName == "windows" {
		return tracer.Windows, "nt"
	}
	return tracer.Linux, "x64"
}
