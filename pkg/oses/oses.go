// Package oses is the registry of the guest operating systems guestrace
// traces. Each OS registers itself from its package under pkg/oses (see
// pkg/oses/linux): its name, how to recognise its profiles, how to attach
// its OS layer, and its system-call table with the printers of its calls.
// The CLI, the tracer and the output know OSes only through this package,
// as gVisor's strace knows them through one SyscallMap each.
//
// Adding an OS: a new package pkg/oses/NAME that calls Register from its
// init, and one import line in cmd/guestrace/builtin.go.
package oses

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// Table is one OS's system calls as the tracer and the filters see them.
type Table interface {
	// Lookup is the printer of a guest kernel's system-call function.
	Lookup(sc *guestos.Syscall) (output.Decoder, bool)
	// Raw prints a call the table does not know, with raw arguments.
	Raw(sc *guestos.Syscall) output.Decoder
	// Known reports whether users may name a call in a filter.
	Known(name string) bool
	// CallName is the name a call goes by in filters and output, strace's
	// ("stat" for Linux's __x64_sys_newstat).
	CallName(sc *guestos.Syscall) string
}

// Multiplexed is a Table some of whose functions serve several calls
// (i386's socketcall): a selection of one of those calls selects the
// function, and the tracer keeps its calls of the selected ones.
type Multiplexed interface {
	Subcalls(sc *guestos.Syscall) []string
}

// Listed is one line of `guestrace syscalls`.
type Listed struct {
	Name  string
	Class string // "" for an OS without classes
}

// OS is one guest operating system.
type OS struct {
	// Name is how users (--os) and profiles' metadata name it.
	Name string
	// DefaultABI is the ABI whose entry points are traced when the user
	// names no call (x86-64 calls, not i386 ones, on Linux).
	DefaultABI guestos.ABI
	// Matches reports whether a profile describes this OS's kernels.
	Matches func(p *isf.Profile) bool
	// Fallback OSes are asked last, so that a profile another OS claims
	// goes to it (Linux takes profiles without OS metadata).
	Fallback bool
	// Attach attaches the OS layer to a guest as the profile describes it.
	Attach func(t vmi.Target, p *isf.Profile) (guestos.OS, error)
	// Calls is the system-call table.
	Calls Table
	// Class returns the predicate over call names of a class of calls
	// (%file); nil for an OS without classes.
	Class func(name string) (func(call string) bool, bool)
	// List is what `guestrace syscalls` prints, in order.
	List func() []Listed
	// FromMemory builds the profile of a running guest from its memory,
	// or reads it from a cache in cacheDir ("" for none); from says where
	// it came from, for the status line. nil where the OS cannot.
	FromMemory func(ctx context.Context, t vmi.Target, cacheDir string) (p *isf.Profile, from string, err error)
}

// ErrUnknown means an OS name that no package registered.
var ErrUnknown = errors.New("unknown guest OS")

var (
	mu  sync.RWMutex
	all []*OS
)

// Register adds an OS. It panics on a second OS of the same name: a
// programming error, found by any test that links both.
func Register(o *OS) {
	mu.Lock()
	defer mu.Unlock()
	if o.Name == "" || o.Attach == nil || o.Calls == nil || o.Matches == nil {
		panic("oses: Register needs Name, Matches, Attach and Calls")
	}
	for _, x := range all {
		if x.Name == o.Name {
			panic("oses: " + o.Name + " registered twice")
		}
	}
	all = append(all, o)
	slices.SortFunc(all, func(a, b *OS) int { return strings.Compare(a.Name, b.Name) })
}

// Lookup finds an OS by name.
func Lookup(name string) (*OS, error) {
	mu.RLock()
	defer mu.RUnlock()
	for _, o := range all {
		if o.Name == name {
			return o, nil
		}
	}
	return nil, fmt.Errorf("%w %q (this guestrace knows %s)", ErrUnknown, name, strings.Join(namesLocked(), ", "))
}

// Names lists the registered OSes, sorted.
func Names() []string {
	mu.RLock()
	defer mu.RUnlock()
	return namesLocked()
}

func namesLocked() []string {
	n := make([]string, len(all))
	for i, o := range all {
		n[i] = o.Name
	}
	return n
}

// ForProfile is the OS a profile describes.
func ForProfile(p *isf.Profile) (*OS, error) {
	mu.RLock()
	defer mu.RUnlock()
	for _, fallback := range []bool{false, true} {
		for _, o := range all {
			if o.Fallback == fallback && o.Matches(p) {
				return o, nil
			}
		}
	}
	return nil, fmt.Errorf("profile of a %q kernel: %w", p.OS(), ErrUnknown)
}

// Attach attaches the OS layer of the OS a profile describes.
func Attach(t vmi.Target, p *isf.Profile) (guestos.OS, *OS, error) {
	o, err := ForProfile(p)
	if err != nil {
		return nil, nil, err
	}
	g, err := o.Attach(t, p)
	if err != nil {
		return nil, nil, err
	}
	return g, o, nil
}
