package tracer

import (
	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/guestrace/guestrace/pkg/printers/linux"
)

// Linux is the Linux system-call table as Decoders.
var Linux Decoders = linuxTable{}

type linuxTable struct{}

// Lookup finds the row of a kernel entry point by its ABI: __x64_sys_newstat
// is stat, __ia32_compat_sys_ia32_fstat64 is i386's fstat64.
func (linuxTable) Lookup(sc *guestos.Syscall) (output.Decoder, bool) {
	s, ok := rowOf(sc)
	if !ok {
		return nil, false
	}
	return linuxRow{s}, true
}

func rowOf(sc *guestos.Syscall) (*linux.Syscall, bool) {
	abi, ok := linux.ParseABI(sc.ABI)
	if !ok {
		return nil, false
	}
	return linux.ByEntry(abi, sc.Name)
}

// Raw prints a call the table lacks - a kernel function that is no
// system call of its ABI's table, or one newer than the table - under the
// kernel function's name with its six arguments in hex. strace names a
// number it does not know syscall_0x1b6; guestrace knows the function
// rather than the number, and its name says more.
func (linuxTable) Raw(sc *guestos.Syscall) output.Decoder {
	return &rawLinux{name: sc.Name, abi32: sc.ABI == "ia32" || sc.ABI == "compat"}
}

// Known reports whether name is an x86-64 or i386 system call.
func (linuxTable) Known(name string) bool {
	if _, ok := linux.Lookup(name); ok {
		return true
	}
	for _, s := range linux.I386() {
		if s.Name == name {
			return true
		}
	}
	return false
}

// CallName is the name strace gives the call of a kernel entry point
// ("stat" for __x64_sys_newstat), or the function's own name when the
// table lacks it: what a filter (-e trace=stat) should match.
func (linuxTable) CallName(sc *guestos.Syscall) string {
	if s, ok := rowOf(sc); ok {
		return s.Name
	}
	return sc.Name
}

// stateAt is where a row keeps, among a call's captured arguments, what
// its entry read for its exit (linux.State): Linux calls use the first six.
const stateAt = guestos.MaxArgs - 3

// linuxRow adapts a row to output.Decoder: Linux calls take six
// arguments, the first six of the captured ones.
type linuxRow struct{ s *linux.Syscall }

func (r linuxRow) Enter(b []byte, a *output.Args, m printers.Mem, o *printers.Options) []byte {
	return r.s.EnterSaved(b, (*[6]uint64)(a[:6]), m, o, (*[3]uint64)(a[stateAt:]))
}

func (r linuxRow) Exit(b []byte, a *output.Args, ret int64, m printers.Mem, o *printers.Options) []byte {
	return r.s.ExitSaved(b, (*[6]uint64)(a[:6]), ret, m, o, (*[3]uint64)(a[stateAt:]))
}

func (r linuxRow) NoReturn() bool { return r.s.NoReturn() }

func (r linuxRow) NeedsEntry() bool { return r.s.NeedsEntry() }

// ABI is "i386" for the calls of 32-bit processes, "" for x86-64 ones
// (strace marks a process that changes between them).
func (r linuxRow) ABI() string {
	if r.s.Is32() {
		return "i386"
	}
	return ""
}

type rawLinux struct {
	name  string
	abi32 bool
}

func (r *rawLinux) Enter(b []byte, a *output.Args, _ printers.Mem, _ *printers.Options) []byte {
	return linux.Raw(b, r.name, (*[6]uint64)(a[:6]), 6)
}

func (r *rawLinux) Exit(b []byte, _ *output.Args, ret int64, _ printers.Mem, o *printers.Options) []byte {
	return linux.RawExit(b, ret, o)
}

func (r *rawLinux) NoReturn() bool { return false }

func (r *rawLinux) NeedsEntry() bool { return false }

func (r *rawLinux) ABI() string {
	if r.abi32 {
		return "i386"
	}
	return ""
}
