// Package linux decodes x86-64 Linux system calls the way strace prints them.
//
// Each row of the table (table.go) names a call, its number, its classes
// (strace's %file, %process...) and how each argument is printed. Calls whose
// arguments depend on one another have a decoder of their own, written in the
// file of their domain (file.go, process.go, net.go...), in the manner of
// strace's SYS_FUNCs: called once at entry and once at exit.
package linux

import (
	"sync"

	"github.com/guestrace/guestrace/pkg/printers"
)

// Class is a set of strace's system-call classes (-e trace=%file...).
type Class uint32

const (
	ClassDesc       Class = 1 << iota // %desc: takes or returns a descriptor
	ClassFile                         // %file: takes a file name
	ClassIPC                          // %ipc
	ClassNetwork                      // %network (%net)
	ClassProcess                      // %process
	ClassSignal                       // %signal
	ClassMemory                       // %memory
	ClassStat                         // %stat
	ClassLstat                        // %lstat
	ClassFstat                        // %fstat
	ClassStatLike                     // %%stat
	ClassStatfs                       // %statfs
	ClassFstatfs                      // %fstatfs
	ClassStatfsLike                   // %%statfs
	ClassPure                         // %pure: no arguments, never fails
	ClassCreds                        // %creds
	ClassClock                        // %clock
)

var classNames = []string{"desc", "file", "ipc", "network", "process", "signal",
	"memory", "stat", "lstat", "fstat", "%stat", "statfs", "fstatfs",
	"%statfs", "pure", "creds", "clock"}

// ParseClass returns the class strace calls name ("file", "%file", "net"
// and "%%stat" are accepted).
func ParseClass(name string) (Class, bool) {
	if len(name) > 0 && name[0] == '%' {
		name = name[1:]
	}
	if name == "net" {
		name = "network"
	}
	for i, n := range classNames {
		if n == name {
			return 1 << i, true
		}
	}
	return 0, false
}

// String lists the classes in c, joined by '|'.
func (c Class) String() string {
	var b []byte
	for i, n := range classNames {
		if c&(1<<i) != 0 {
			if len(b) > 0 {
				b = append(b, '|')
			}
			b = append(b, n...)
		}
	}
	return string(b)
}

// RetKind says how a successful return value is printed.
type RetKind uint8

const (
	RetDecimal  RetKind = iota // signed decimal: = 3
	RetHex                     // = 0x7f1234560000 (mmap, brk)
	RetOctal                   // = 022 (umask)
	RetUnsigned                // unsigned decimal
	RetNone                    // = ? (the call does not return)
)

// Arg is how one argument is printed.
type Arg struct {
	Kind printers.ArgKind
	// Out says the argument is printed at exit, from memory as the call
	// left it. It and every argument after it wait for the exit.
	Out bool
	fn  func(c *ctx, v uint64)
	// skip, when set and true, leaves the argument out (open's mode
	// without O_CREAT).
	skip func(c *ctx) bool
}

// Syscall is one row of the system-call table.
type Syscall struct {
	Name  string
	Nr    int
	NArgs int
	Class Class
	// Args says how each argument is printed, for rows without a decoder
	// of their own.
	Args []Arg
	Ret  RetKind
	// NeverFails: the return value is never an error (getpid).
	NeverFails bool
	// dec, when set, prints the arguments at entry and at exit in place
	// of Args.
	dec func(c *ctx)
	// ret, when set, prints the successful return value in place of Ret,
	// after "= ".
	ret   func(c *ctx)
	split int  // index of the first argument printed at exit
	raw   bool // no decoder: arguments in hex
	// layout: the widths of an i386 call's values (compat.go); the zero
	// value is x86-64's.
	layout
	// fix, when set, rearranges a copy of the arguments before they are
	// printed (i386's 64-bit values in two registers).
	fix func(a *[6]uint64)
	// sub, when set, is a multiplexer's (i386's socketcall, ipc, old mmap): it
	// returns the row of the call that the arguments select, its
	// arguments in c.a, or nil to print the multiplexer itself.
	sub func(c *ctx) *Syscall
}

// NoReturn reports whether the call never returns (exit, exit_group): its
// line is printed whole at entry, ending in " = ?".
func (s *Syscall) NoReturn() bool { return s.Ret == RetNone }

// ctx is the state of one decoding: the arguments, the memory and where the
// output goes.
type ctx struct {
	b       []byte
	a       *[6]uint64
	m       printers.Mem
	o       *printers.Options
	exiting bool
	layout  // the call's (compat.go)
	ret     int64
	failed  bool
	st      *State
	buf     []byte // scratch space for guest memory, kept across calls
	// fixed lives in the pooled ctx so that a pointer to it does not
	// move a caller's locals to the heap.
	fixed [6]uint64 // arguments rearranged by the row's fix
}

// State carries what a few decoders read at entry to the exit of the
// same call; without it those values are printed as the call left them.
type State = printers.CallState

// save stores values read at entry.
func (c *ctx) save(a, b uint64) {
	if c.st != nil {
		c.st.V = [2]uint64{a, b}
		c.st.Valid = true
	}
}

// saved returns the values stored at entry.
func (c *ctx) saved() (a, b uint64, ok bool) {
	if c.st == nil || !c.st.Valid {
		return 0, 0, false
	}
	return c.st.V[0], c.st.V[1], true
}

// ctxPool keeps decoding states, with their scratch buffers, so that
// decoding allocates nothing once warm.
var ctxPool = sync.Pool{New: func() any { return &ctx{buf: make([]byte, 8192)} }}

// newCtx returns a decoding state from the pool.
func newCtx(b []byte, a *[6]uint64, m printers.Mem, o *printers.Options, st *State) *ctx {
	c := ctxPool.Get().(*ctx)
	*c = ctx{b: b, a: a, m: m, o: o, st: st, buf: c.buf}
	return c
}

// finish returns the output and puts c back in the pool.
func (c *ctx) finish() []byte {
	b := c.b
	*c = ctx{buf: c.buf}
	ctxPool.Put(c)
	return b
}

// mem returns a buffer of n bytes from the scratch space; n is bounded by the
// callers (string limit, PATH_MAX, structure sizes).
func (c *ctx) mem(n int) []byte {
	if n > len(c.buf) {
		c.buf = make([]byte, n)
	}
	return c.buf[:n]
}

func (c *ctx) sep()          { c.b = append(c.b, ", "...) }
func (c *ctx) str(s string)  { c.b = append(c.b, s...) }
func (c *ctx) name(n string) { c.b = append(c.b, n...); c.b = append(c.b, '=') }
func (c *ctx) limit() int    { return c.o.Limit() }
func (c *ctx) verbose() bool { return c.o.IsVerbose() }

// nameAfter appends " (NAME)" when x names v, after v printed as a
// number: = 1 (SCHED_FIFO).
func (c *ctx) nameAfter(x *printers.Xlat, v uint64) {
	if name, ok := x.Lookup(v); ok {
		c.str(" (")
		c.str(name)
		c.b = append(c.b, ')')
	}
}

// Enter appends what strace prints when the call is entered: the name, '('
// and the arguments known at entry, with the ", " that strace prints before
// an argument only known at exit. A call with no such argument ends without
// a separator: "close(3". Memory is read through m as it is at entry.
func (s *Syscall) Enter(b []byte, args *[6]uint64, m printers.Mem, o *printers.Options) []byte {
	return s.EnterState(b, args, m, o, nil)
}

// EnterState is Enter keeping in st what the exit of this call needs.
func (s *Syscall) EnterState(b []byte, args *[6]uint64, m printers.Mem, o *printers.Options, st *State) []byte {
	if st != nil {
		*st = State{Frame: st.Frame} // (the tracer's, for the row)
	}
	c := newCtx(b, args, m, o, st)
	s.enter(c)
	return c.finish()
}

// refix applies the row's fix to a copy of the arguments.
func (s *Syscall) refix(c *ctx) {
	if s.fix != nil {
		c.fixed = *c.a
		s.fix(&c.fixed)
		c.a = &c.fixed
	}
}

// IsMultiplexer reports whether the row serves several calls (i386's
// socketcall, ipc, old mmap), named by CallName.
func (s *Syscall) IsMultiplexer() bool { return s.sub != nil }

// CallName is the name of the call that a multiplexer's arguments (and
// the memory they point to) select, as its line names it.
func (s *Syscall) CallName(args *[6]uint64, m printers.Mem) string {
	c := newCtx(nil, args, m, nil, nil)
	name := s.Name
	if sub := s.subcall(c); sub != nil {
		name = sub.Name
	}
	c.finish()
	return name
}

// subcall is the row of the call a multiplexer's arguments select.
func (s *Syscall) subcall(c *ctx) *Syscall {
	if s.sub == nil {
		return nil
	}
	c.layout = s.layout
	return s.sub(c)
}

// enter and exit print into c; the caller finishes it.
func (s *Syscall) enter(c *ctx) {
	if sub := s.subcall(c); sub != nil {
		sub.enter(c)
		return
	}
	s.refix(c)
	c.layout = s.layout
	c.b = append(c.b, s.Name...)
	c.b = append(c.b, '(')
	if s.dec != nil {
		s.dec(c)
	} else {
		s.enterArgs(c)
	}

}

// Exit appends the rest of the line: the arguments printed at exit (memory
// read through m as the call left it), ')' and the return value aligned at
// the -a column, counted from the start of the line in b: " = 3",
// " = -1 ENOENT (No such file or directory)".
func (s *Syscall) Exit(b []byte, args *[6]uint64, ret int64, m printers.Mem, o *printers.Options) []byte {
	return s.ExitState(b, args, ret, m, o, nil)
}

// ExitState is Exit with the State its EnterState filled.
func (s *Syscall) ExitState(b []byte, args *[6]uint64, ret int64, m printers.Mem, o *printers.Options, st *State) []byte {
	c := newCtx(b, args, m, o, st)
	s.exit(c, ret)
	return c.finish()
}

func (s *Syscall) exit(c *ctx, ret int64) {
	if sub := s.subcall(c); sub != nil {
		sub.exit(c, ret)
		return
	}
	s.refix(c)
	c.layout = s.layout
	c.exiting, c.ret = true, ret
	c.failed = !s.NeverFails && s.Ret != RetNone && IsError(ret)
	if s.Ret != RetNone {
		if s.dec != nil {
			s.dec(c)
		} else {
			s.exitArgs(c)
		}
	}
	c.b = append(c.b, ") "...)
	c.b = printers.AppendAlign(c.b, c.o.Col())
	switch {
	case s.Ret == RetNone:
		c.str("= ?")
	case c.failed:
		c.b = AppendErrorReturn(c.b, uint64(-ret))
	case s.ret != nil:
		c.str("= ")
		s.ret(c)
	case s.retFD(c):
	default:
		c.b = appendRet(c.b, s.Ret, ret)
	}

}

func appendRet(b []byte, k RetKind, ret int64) []byte {
	b = append(b, "= "...)
	switch k {
	case RetHex:
		return printers.AppendHex(b, uint64(ret))
	case RetOctal:
		return printers.AppendMode(b, uint64(ret))
	case RetUnsigned:
		return printers.AppendUint(b, uint64(ret))
	}
	return printers.AppendInt(b, ret)
}

func (s *Syscall) enterArgs(c *ctx) {
	n := 0
	for i := 0; i < s.split; i++ {
		n += s.printArg(c, i, n)
	}
	if s.split < len(s.Args) && n > 0 {
		c.sep()
	}
}

func (s *Syscall) exitArgs(c *ctx) {
	n := 0
	for i := s.split; i < len(s.Args); i++ {
		n += s.printArg(c, i, n)
	}
}

// printArg prints argument i, after a separator unless it is the first one
// printed, and returns how many arguments it printed (0 or 1).
func (s *Syscall) printArg(c *ctx, i, printed int) int {
	a := &s.Args[i]
	if a.skip != nil && a.skip(c) {
		return 0
	}
	if printed > 0 {
		c.sep()
	}
	a.fn(c, c.a[i])
	return 1
}

// Raw appends a call printed without decoding, as strace prints a call it
// does not know: the name, then nargs arguments in hex.
func Raw(b []byte, name string, args *[6]uint64, nargs int) []byte {
	b = append(b, name...)
	b = append(b, '(')
	nargs = min(max(nargs, 0), 6)
	for i := 0; i < nargs; i++ {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = printers.AppendHex(b, args[i])
	}
	return b
}

// RawExit appends the end of a call printed by Raw: ')' and the return.
func RawExit(b []byte, ret int64, o *printers.Options) []byte {
	b = append(b, ") "...)
	b = printers.AppendAlign(b, o.Col())
	if IsError(ret) {
		return AppendErrorReturn(b, uint64(-ret))
	}
	return appendRet(b, RetDecimal, ret)
}

// UnknownName returns the name strace gives a call number it does not know:
// syscall_0x1b6.
func UnknownName(b []byte, nr int) []byte {
	b = append(b, "syscall_"...)
	return printers.AppendHex(b, uint64(nr))
}
