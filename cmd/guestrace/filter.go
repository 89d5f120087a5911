package main

import (
	"regexp"
	"strings"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/oses"
	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/tracer"
)

// filters are what the -e expressions ask for.
type filters struct {
	calls callSelection
	// keep, when set, says which calls of a multiplexer selected for one
	// of its calls are printed (tracer.Config.Keep).
	keep   func(name string) bool
	status output.Status // 0: every call
	mode   tracer.Mode   // 0: calls of user and kernel mode
	dumps  *tracer.Dumps // -e read=, -e write=; nil: none
}

// parseExprs reads the -e expressions, as strace does: "trace=SET" (or
// just "SET") and "status=SET". A later expression of a kind replaces an
// earlier one.
func parseExprs(exprs []string, o *oses.OS) (filters, error) {
	f := filters{calls: abiOnly(o.DefaultABI)}
	for _, e := range exprs {
		kind, set := "trace", e
		if k, v, ok := strings.Cut(e, "="); ok {
			kind, set = k, v
		}
		var err error
		switch kind {
		case "trace", "t":
			f.calls, f.keep, err = parseTraceSet(e, set, o)
		case "status":
			f.status, err = parseStatusSet(e, set)
		case "mode":
			f.mode, err = parseMode(e, set)
		case "read", "write":
			if f.dumps == nil {
				f.dumps = &tracer.Dumps{}
			}
			dst := &f.dumps.Read
			if kind == "write" {
				dst = &f.dumps.Write
			}
			*dst, err = parseFDSet(e, set)
		default:
			err = usagef("-e %s: unknown qualifier %q (this guestrace knows trace=, status=, mode=, read= and write=)", e, kind)
		}
		if err != nil {
			return filters{}, err
		}
	}
	return f, nil
}

// parseMode reads which calls mode= keeps: "user" the calls programs
// make, "kernel" those the kernel makes itself (Windows drivers' Zw*
// calls), "all" both.
func parseMode(expr, set string) (tracer.Mode, error) {
	switch set {
	case "all":
		return tracer.ModeAll, nil
	case "user":
		return tracer.ModeUser, nil
	case "kernel":
		return tracer.ModeKernel, nil
	}
	return 0, usagef("-e %s: unknown mode %q (user, kernel or all)", expr, set)
}

// parseTraceSet reads a set of system calls: a list of names, classes
// (%file), regular expressions (/^open), "all" and "none"; a leading '!'
// takes the complement. Names select the call's entry points of every
// ABI; "all" and complements are those of the default selection.
func parseTraceSet(expr, set string, o *oses.OS) (callSelection, func(string) bool, error) {
	negate := strings.HasPrefix(set, "!")
	set = strings.TrimPrefix(set, "!")
	var (
		table   = o.Calls
		names   = map[string]bool{}
		classes []func(string) bool
		res     []*regexp.Regexp
		all     bool
	)
	for _, tok := range strings.Split(set, ",") {
		tok = strings.TrimSpace(tok)
		optional := strings.HasPrefix(tok, "?")
		tok = strings.TrimPrefix(tok, "?")
		switch {
		case tok == "":
			return nil, nil, usagef("-e %s: empty system call name", expr)
		case tok == "all":
			all = true
		case tok == "none":
		case tok[0] == '%':
			if o.Class == nil {
				return nil, nil, usagef("-e %s: %s: %s has no system-call classes", expr, tok, o.Name)
			}
			in, ok := o.Class(tok)
			if !ok {
				return nil, nil, usagef("-e %s: unknown class %q (%%file %%process %%network %%signal %%ipc %%desc %%memory ...)", expr, tok)
			}
			classes = append(classes, in)
		case tok[0] == '/':
			re, err := regexp.Compile(tok[1:])
			if err != nil {
				return nil, nil, usagef("-e %s: %s: %v", expr, tok, err)
			}
			res = append(res, re)
		case table.Known(tok):
			names[tok] = true
		case !optional:
			return nil, nil, usagef("-e %s: unknown system call %q", expr, tok)
		}
	}
	match := func(name string) bool {
		if all || names[name] {
			return true
		}
		for _, in := range classes {
			if in(name) {
				return true
			}
		}
		for _, re := range res {
			if re.MatchString(name) {
				return true
			}
		}
		return false
	}
	dflt := abiOnly(o.DefaultABI)
	if negate {
		return func(sc *guestos.Syscall) bool { return dflt(sc) && !match(table.CallName(sc)) }, nil, nil
	}
	if all {
		return dflt, nil, nil
	}
	mux, _ := table.(oses.Multiplexed)
	return func(sc *guestos.Syscall) bool {
		if match(table.CallName(sc)) {
			return true
		}
		if mux != nil {
			for _, sub := range mux.Subcalls(sc) {
				if match(sub) {
					return true
				}
			}
		}
		return false
	}, match, nil
}

// parseStatusSet reads strace's status set: successful, failed,
// unfinished (calls that never return: exit_group, a thread's death),
// detached, all, none; '!' takes the complement.
func parseStatusSet(expr, set string) (output.Status, error) {
	negate := strings.HasPrefix(set, "!")
	set = strings.TrimPrefix(set, "!")
	var st output.Status
	for _, tok := range strings.Split(set, ",") {
		tok = strings.TrimSpace(tok)
		if tok == "none" {
			continue
		}
		s, ok := output.ParseStatus(tok)
		if !ok {
			return 0, usagef("-e %s: unknown status %q (successful, failed, unfinished, detached, all)", expr, tok)
		}
		st |= s
	}
	if negate {
		st = output.StatusAll &^ st
	}
	if st == 0 {
		return 0, usagef("-e %s: no call can match", expr)
	}
	return st, nil
}

// abiOnly selects the entry points of one ABI (Linux's x86-64 calls):
// what guestrace traces by default.
func abiOnly(abi guestos.ABI) callSelection {
	return func(sc *guestos.Syscall) bool { return sc.ABI == abi }
}

// callSelection is a filter over the guest kernel's system calls.
type callSelection = func(*guestos.Syscall) bool
