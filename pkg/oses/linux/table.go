// Package linux registers Linux guests with pkg/oses: the OS layer of
// pkg/guestos/linux and the system-call table of pkg/printers/linux.
package linux

import (
	"github.com/guestrace/guestrace/pkg/guestos"
	glinux "github.com/guestrace/guestrace/pkg/guestos/linux"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/oses"
	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/guestrace/guestrace/pkg/printers/linux"
	"github.com/guestrace/guestrace/pkg/vmi"
)

func init() {
	oses.Register(&oses.OS{
		Name:       "linux",
		DefaultABI: glinux.ABIX64,
		// Profiles without OS metadata (System.map-made ones) are Linux's.
		Matches:    func(p *isf.Profile) bool { return p.OS() == "linux" || p.OS() == "" },
		Fallback:   true,
		Attach:     func(t vmi.Target, p *isf.Profile) (guestos.OS, error) { return glinux.Attach(t, p) },
		Calls:      Table,
		Class:      class,
		List:       list,
		FromMemory: fromMemory,
	})
}

// Table is the Linux system-call table.
var Table oses.Table = table{}

type table struct{}

// abis maps the OS layer's ABIs to the printers' tables.
var abis = map[guestos.ABI]linux.ABI{
	glinux.ABIX64:    linux.ABIX64,
	glinux.ABIIA32:   linux.ABIIA32,
	glinux.ABICompat: linux.ABICompat,
}

// Lookup finds the row of a kernel entry point by its ABI: __x64_sys_newstat
// is stat, __ia32_compat_sys_ia32_fstat64 is i386's fstat64.
func (table) Lookup(sc *guestos.Syscall) (output.Decoder, bool) {
	s, ok := rowOf(sc)
	if !ok {
		return nil, false
	}
	switch {
	case s.Name == "rt_sigreturn" || s.Name == "sigreturn":
		return sigreturnRow{row{s}}, true
	case s.IsMultiplexer():
		return muxRow{row{s}}, true
	}
	return row{s}, true
}

// Subcalls names the calls of a multiplexer (i386's socketcall, ipc).
func (table) Subcalls(sc *guestos.Syscall) []string {
	if s, ok := rowOf(sc); ok {
		return s.Subcalls()
	}
	return nil
}

func rowOf(sc *guestos.Syscall) (*linux.Syscall, bool) {
	abi, ok := abis[sc.ABI]
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
func (table) Raw(sc *guestos.Syscall) output.Decoder {
	r := raw{name: sc.Name, abi32: sc.ABI == glinux.ABIIA32 || sc.ABI == glinux.ABICompat}
	if sc.Name == niSyscall {
		return &niRow{r}
	}
	return &r
}

// Known reports whether name is an x86-64 or i386 system call.
func (table) Known(name string) bool {
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
func (table) CallName(sc *guestos.Syscall) string {
	if s, ok := rowOf(sc); ok {
		return s.Name
	}
	return sc.Name
}

// class is strace's classes of calls (%file, %network, ...).
func class(name string) (func(string) bool, bool) {
	c, ok := linux.ParseClass(name)
	if !ok {
		return nil, false
	}
	return func(call string) bool {
		row, ok := linux.Lookup(call)
		return ok && row.Class&c != 0
	}, true
}

func list() []oses.Listed {
	var l []oses.Listed
	for _, s := range linux.All() {
		l = append(l, oses.Listed{Name: s.Name, Class: s.Class.String()})
	}
	return l
}

// row adapts a row to output.Decoder: Linux calls take six arguments, the
// first six of the captured ones.
type row struct{ s *linux.Syscall }

func (r row) Enter(b []byte, a *output.Args, st *printers.CallState, m printers.Mem, o *printers.Options) []byte {
	return r.s.EnterState(b, (*[6]uint64)(a[:6]), m, o, st)
}

func (r row) Exit(b []byte, a *output.Args, st *printers.CallState, ret int64, m printers.Mem, o *printers.Options) []byte {
	return r.s.ExitState(b, (*[6]uint64)(a[:6]), ret, m, o, st)
}

func (r row) NoReturn() bool { return r.s.NoReturn() }

// NeedsEntry: the row says whether it reads its call's entry (tracer
// chooses a one-stop trace of the others where the guest allows it).
func (r row) NeedsEntry() bool { return r.s.NeedsEntry() }

// ABI is "i386" for the calls of 32-bit processes, "" for x86-64 ones
// (strace marks a process that changes between them).
func (r row) ABI() string {
	if r.s.Is32() {
		return "i386"
	}
	return ""
}

// AppendError: a Linux call fails when it returns -errno, unless it never
// fails (getpid) or never returns.
func (r row) AppendError(b []byte, ret int64) ([]byte, bool) {
	if r.s.NeverFails || r.s.NoReturn() {
		return b, false
	}
	return appendErrno(b, ret)
}

func (r row) NArgs() int { return r.s.NArgs }

type raw struct {
	name  string
	abi32 bool
}

func (r *raw) Enter(b []byte, a *output.Args, _ *printers.CallState, _ printers.Mem, _ *printers.Options) []byte {
	return linux.Raw(b, r.name, (*[6]uint64)(a[:6]), 6)
}

func (r *raw) Exit(b []byte, _ *output.Args, _ *printers.CallState, ret int64, _ printers.Mem, o *printers.Options) []byte {
	return linux.RawExit(b, ret, o)
}

func (r *raw) NoReturn() bool { return false }

func (r *raw) NeedsEntry() bool { return false }

func (r *raw) ABI() string {
	if r.abi32 {
		return "i386"
	}
	return ""
}

func (r *raw) AppendError(b []byte, ret int64) ([]byte, bool) { return appendErrno(b, ret) }

func (r *raw) NArgs() int { return 6 }

func appendErrno(b []byte, ret int64) ([]byte, bool) {
	if !linux.IsError(ret) {
		return b, false
	}
	if name, ok := linux.ErrnoName(uint64(-ret)); ok {
		return append(b, name...), true
	}
	return printers.AppendInt(append(b, "errno "...), -ret), true
}

// niSyscall is the kernel function behind every number the kernel does
// not implement (afs_syscall, tuxcall, _sysctl...).
const niSyscall = "ni_syscall"

// niRow prints a call of sys_ni_syscall under the name of its number, as
// strace does: afs_syscall(0x1, 0x2, 0x3, 0x4, 0x5) = -1 ENOSYS. Without
// the number it prints as the raw function.
type niRow struct{ raw }

func (*niRow) NeedsFrame() {}

// CallName names the call by its number, as its line does.
func (r *niRow) CallName(_ *output.Args, f *printers.Frame, _ printers.Mem) (string, bool) {
	if s, ok := r.row(f); ok {
		return s.Name, true
	}
	if f.OK {
		return string(linux.UnknownName(nil, int(f.Nr))), true
	}
	return "", false
}

func (r *niRow) row(f *printers.Frame) (*linux.Syscall, bool) {
	if !f.OK || f.Nr > 1<<16 {
		return nil, false
	}
	if r.abi32 {
		return linux.I386ByNumber(int(f.Nr))
	}
	return linux.ByNumber(int(f.Nr))
}

func (r *niRow) Enter(b []byte, a *output.Args, st *printers.CallState, m printers.Mem, o *printers.Options) []byte {
	if s, ok := r.row(&st.Frame); ok {
		return row{s}.Enter(b, a, st, m, o)
	}
	if st.Frame.OK {
		return linux.Raw(linux.UnknownName(b, int(st.Frame.Nr)), "", (*[6]uint64)(a[:6]), 6)
	}
	return r.raw.Enter(b, a, st, m, o)
}

func (r *niRow) Exit(b []byte, a *output.Args, st *printers.CallState, ret int64, m printers.Mem, o *printers.Options) []byte {
	if s, ok := r.row(&st.Frame); ok {
		return row{s}.Exit(b, a, st, ret, m, o)
	}
	return r.raw.Exit(b, a, st, ret, m, o)
}

// muxRow is a multiplexer (i386's socketcall, ipc, old mmap): its line
// and its name are the call its arguments select.
type muxRow struct{ row }

func (r muxRow) CallName(a *output.Args, _ *printers.Frame, m printers.Mem) (string, bool) {
	return r.s.CallName((*[6]uint64)(a[:6]), m), true
}

// sigreturnRow is rt_sigreturn (and i386's sigreturn), which prints the
// signal mask its frame restores: the row takes the user stack pointer as
// its first argument.
type sigreturnRow struct{ row }

func (sigreturnRow) NeedsFrame() {}

func (r sigreturnRow) Enter(b []byte, a *output.Args, st *printers.CallState, m printers.Mem, o *printers.Options) []byte {
	a[0] = 0
	if st.Frame.OK {
		a[0] = st.Frame.SP
	}
	return r.row.Enter(b, a, st, m, o)
}

// ArgKinds lists what each argument of the call is, for the path filter
// (-P); a row with a decoder of its own lists none, and its first
// argument is taken to be a descriptor when the call is of class %desc.
func (r row) ArgKinds() []printers.ArgKind {
	kinds := make([]printers.ArgKind, 0, len(r.s.Args))
	for _, a := range r.s.Args {
		kinds = append(kinds, a.Kind)
	}
	if len(kinds) == 0 && r.s.Class&linux.ClassDesc != 0 {
		kinds = append(kinds, printers.KindFD)
	}
	return kinds
}
