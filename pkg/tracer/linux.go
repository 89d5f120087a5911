package tracer

import (
	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/loop"
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
	if s.Name == "rt_sigreturn" && !s.Is32() {
		return sigreturnRow{linuxRow{s}}, true
	}
	return linuxRow{s}, true
}

// niSyscall is the kernel function behind every number the kernel does
// not implement (afs_syscall, tuxcall, _sysctl...).
const niSyscall = "ni_syscall"

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
	abi32 := sc.ABI == "ia32" || sc.ABI == "compat"
	if sc.Name == niSyscall {
		return &niLinux{rawLinux{name: sc.Name, abi32: abi32}}
	}
	return &rawLinux{name: sc.Name, abi32: abi32}
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

func (r *rawLinux) ABI() string {
	if r.abi32 {
		return "i386"
	}
	return ""
}

// byNumber is a decoder that needs the number of the call and the user
// stack pointer, which the tracer reads at the call into Args[nrAt] and
// Args[nrAt+2] (and 1 into Args[nrAt+1]).
type byNumber interface{ byNumber() }

// nrAt is where the call's number goes among the captured arguments:
// after the six of a Linux call, before the state words at stateAt.
const nrAt = 6

// readNumber captures the call's number and stack pointer when the OS
// can read them.
func readNumber(s *loop.State, args *output.Args) {
	r, ok := s.OS().(guestos.SyscallFrameReader)
	if !ok {
		return
	}
	if nr, sp, err := r.SyscallFrame(s.Regs()); err == nil {
		args[nrAt], args[nrAt+1], args[nrAt+2] = nr, 1, sp
	}
}

// sigreturnRow is rt_sigreturn, which prints the signal mask its frame
// restores: the row takes the user stack pointer as its first argument.
type sigreturnRow struct{ linuxRow }

func (sigreturnRow) byNumber() {}

func (r sigreturnRow) Enter(b []byte, a *output.Args, m printers.Mem, o *printers.Options) []byte {
	a[0] = 0
	if a[nrAt+1] == 1 {
		a[0] = a[nrAt+2]
	}
	return r.linuxRow.Enter(b, a, m, o)
}

// niLinux prints a call of sys_ni_syscall under the name of its number,
// as strace does: afs_syscall(0x1, 0x2, 0x3, 0x4, 0x5) = -1 ENOSYS. When
// the number is unknown it prints as the raw function.
type niLinux struct{ rawLinux }

func (*niLinux) byNumber() {}

func (r *niLinux) row(a *output.Args) (*linux.Syscall, bool) {
	if a[nrAt+1] != 1 || a[nrAt] > 1<<16 {
		return nil, false
	}
	if r.abi32 {
		return linux.I386ByNumber(int(a[nrAt]))
	}
	return linux.ByNumber(int(a[nrAt]))
}

func (r *niLinux) Enter(b []byte, a *output.Args, m printers.Mem, o *printers.Options) []byte {
	if s, ok := r.row(a); ok {
		return linuxRow{s}.Enter(b, a, m, o)
	}
	if a[nrAt+1] == 1 {
		return linux.Raw(linux.UnknownName(b, int(a[nrAt])), "", (*[6]uint64)(a[:6]), 6)
	}
	return r.rawLinux.Enter(b, a, m, o)
}

func (r *niLinux) Exit(b []byte, a *output.Args, ret int64, m printers.Mem, o *printers.Options) []byte {
	if s, ok := r.row(a); ok {
		return linuxRow{s}.Exit(b, a, ret, m, o)
	}
	return r.rawLinux.Exit(b, a, ret, m, o)
}
