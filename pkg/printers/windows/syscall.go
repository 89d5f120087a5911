// Package windows prints the NT system calls of Windows guests the way
// strace prints Linux ones: NtCreateFile([0x1c], FILE_GENERIC_READ,
// {Root=NULL, Name="\\??\\C:\\x.txt"}, ...) = STATUS_SUCCESS.
//
// The calls are rows of data (table.go): a name and the kinds of its
// arguments; decoders for the structures of each domain live in their own
// files. NT calls take up to 17 arguments, the first four in registers and
// the rest on the stack: a tracer captures all NArgs of them at the call
// (guestos.ArgsReader) and hands the same Args to Enter and Exit.
package windows

import (
	"bytes"
	"sort"

	"github.com/guestrace/guestrace/pkg/printers"
)

// MaxArgs is the most arguments an NT call takes (guestos.MaxArgs).
const MaxArgs = 17

// Args are a call's arguments as captured at its entry.
type Args [MaxArgs]uint64

// dir says when an argument is printed: an in argument at the call, an
// out or in-out one (a pointer the kernel writes through) at the return,
// and so is every argument after the first out one, as strace does (an in
// argument among them is still read at the call: see State).
type dir uint8

const (
	in dir = iota
	out
	inout // read at the call and at the return: "[in => out]"
)

// arg is one argument of a row: how to print it and, for some kinds, the
// index of another argument it depends on (a length, a class, a type).
type arg struct {
	k   kind
	d   dir
	x   *printers.Xlat
	ref int
	aux int
}

// Syscall is one NT system call.
type Syscall struct {
	Name     string
	args     []arg
	noReturn bool
	// ends, when set, says from its arguments whether a call ends its
	// own thread or process and so never returns (NtTerminateProcess of
	// NtCurrentProcess()).
	ends func(a *Args) bool
}

// NArgs is how many arguments the call takes.
func (s *Syscall) NArgs() int { return len(s.args) }

// NoReturn reports a call that does not return when it succeeds
// (NtContinue): its whole line is printed at the call.
func (s *Syscall) NoReturn() bool { return s.noReturn }

// EndsCaller reports whether this call, with these arguments, never
// returns: a NoReturn call, or one that ends its caller (NtTerminateThread
// of the current thread). Its line is printed whole at the call, ending
// in " = ?".
func (s *Syscall) EndsCaller(a *Args) bool {
	return s.noReturn || (s.ends != nil && s.ends(a))
}

// split is the index of the first argument printed at the return.
func (s *Syscall) split() int {
	for i, a := range s.args {
		if a.d != in {
			return i
		}
	}
	return len(s.args)
}

// State is what a call's entry read for its exit, as strace reads a
// call's inputs at the call and its outputs at the return: the in
// arguments printed after the first out one (NtWriteFile's buffer), and
// what in-out arguments held before the call (a base address and a size,
// printed "[in => out]"). The caller keeps one per call in progress;
// without it those are read at the return.
type State struct {
	text  []byte
	at    [MaxArgs + 1]uint16 // argument i's text is text[at[i]:at[i+1]]
	valid bool
}

// EnterArgs appends the start of the call's line: its name and the
// arguments known at the call ("NtReadFile(0x1c, NULL, NULL, NULL"). For
// a call that never returns it appends the whole call, closing
// parenthesis included.
func (s *Syscall) EnterArgs(b []byte, a *Args, m printers.Mem, o *printers.Options) []byte {
	return s.enter(b, &ctx{a: a, n: MaxArgs, m: m, o: o}, nil)
}

// ExitArgs appends the rest of the line: the arguments known at the
// return, the closing parenthesis, padding to the alignment column
// (counted from the start of the last line in b, so b should hold the line
// so far) and " = " with the NTSTATUS; for a call that never returns,
// " = ?".
func (s *Syscall) ExitArgs(b []byte, a *Args, ret int64, m printers.Mem, o *printers.Options) []byte {
	return s.exit(b, &ctx{a: a, n: MaxArgs, m: m, o: o, exiting: true, ret: ret}, nil)
}

// EnterState is EnterArgs keeping in st what the exit needs.
func (s *Syscall) EnterState(b []byte, a *Args, m printers.Mem, o *printers.Options, st *State) []byte {
	return s.enter(b, &ctx{a: a, n: MaxArgs, m: m, o: o}, st)
}

// ExitState is ExitArgs with the State its EnterState filled.
func (s *Syscall) ExitState(b []byte, a *Args, ret int64, m printers.Mem, o *printers.Options, st *State) []byte {
	return s.exit(b, &ctx{a: a, n: MaxArgs, m: m, o: o, exiting: true, ret: ret}, st)
}

// Enter is EnterArgs for a caller that captured only the first six
// arguments (the shape of the Linux printers): the others print as "?".
func (s *Syscall) Enter(b []byte, args *[6]uint64, m printers.Mem, o *printers.Options) []byte {
	var a Args
	copy(a[:], args[:])
	return s.enter(b, &ctx{a: &a, n: len(args), m: m, o: o}, nil)
}

// Exit is ExitArgs for a caller that captured only six arguments.
func (s *Syscall) Exit(b []byte, args *[6]uint64, ret int64, m printers.Mem, o *printers.Options) []byte {
	var a Args
	copy(a[:], args[:])
	return s.exit(b, &ctx{a: &a, n: len(args), m: m, o: o, exiting: true, ret: ret}, nil)
}

func (s *Syscall) enter(b []byte, c *ctx, st *State) []byte {
	b = append(b, s.Name...)
	b = append(b, '(')
	ends := s.EndsCaller(c.a)
	n := s.split()
	if ends {
		n = len(s.args)
	}
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = c.format(b, &s.args[i], i)
	}
	if ends {
		return append(b, ')')
	}
	if st != nil {
		// What the exit prints of the inputs, read now.
		st.text = st.text[:0]
		for i := range s.args {
			st.at[i] = uint16(len(st.text))
			if i >= n {
				st.text = c.formatEntry(st.text, &s.args[i], i)
			}
		}
		st.at[len(s.args)] = uint16(len(st.text))
		st.valid = len(st.text) <= 0xffff
	}
	return b
}

// saved is argument i's text kept at the entry.
func (st *State) saved(i int) ([]byte, bool) {
	if st == nil || !st.valid || i+1 >= len(st.at) || st.at[i+1] < st.at[i] {
		return nil, false
	}
	return st.text[st.at[i]:st.at[i+1]], true
}

func (s *Syscall) exit(b []byte, c *ctx, st *State) []byte {
	ends := s.EndsCaller(c.a)
	if !ends {
		for i := s.split(); i < len(s.args); i++ {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = c.formatExit(b, &s.args[i], i, st)
		}
		b = append(b, ')')
	}
	if col := c.o.Col(); col > 0 {
		start := bytes.LastIndexByte(b, '\n') + 1
		for len(b)-start < col {
			b = append(b, ' ')
		}
	}
	if ends {
		return append(b, " = ?"...)
	}
	b = append(b, " = "...)
	return AppendStatus(b, uint32(c.ret))
}

// formatEntry is what the entry keeps of argument i for the exit: an in
// argument whole, and the value an in-out one held ("[in").
func (c *ctx) formatEntry(b []byte, a *arg, i int) []byte {
	switch a.d {
	case in:
		return c.format(b, a, i)
	case inout:
		return c.appendInOut(b, a, c.arg(i))
	}
	return b
}

// formatExit prints argument i at the return: what its entry kept for an
// in argument, "[in => out]" for an in-out one.
func (c *ctx) formatExit(b []byte, a *arg, i int, st *State) []byte {
	kept, ok := st.saved(i)
	switch {
	case !ok || a.d == out:
		return c.format(b, a, i)
	case a.d == in:
		return append(b, kept...)
	}
	// In-out: the value before, and after when the kernel wrote it.
	if len(kept) < 2 || kept[0] != '[' || kept[len(kept)-1] != ']' {
		return c.format(b, a, i)
	}
	b = append(b, kept[:len(kept)-1]...)
	if c.filled() {
		if after := c.appendInOut(nil, a, c.arg(i)); len(after) > 1 && after[0] == '[' {
			b = append(b, " => "...)
			return append(b, after[1:]...)
		}
	}
	return append(b, ']')
}

// Raw makes a row for a call no row describes: nargs arguments in hex.
func Raw(name string, nargs int) *Syscall {
	s := &Syscall{Name: name, args: make([]arg, min(max(nargs, 0), MaxArgs))}
	for i := range s.args {
		s.args[i] = arg{k: kHex}
	}
	return s
}

var byName = func() map[string]*Syscall {
	m := make(map[string]*Syscall, len(table))
	for i := range table {
		if _, dup := m[table[i].Name]; dup {
			panic("windows: row " + table[i].Name + " twice")
		}
		m[table[i].Name] = &table[i]
	}
	return m
}()

// All lists the calls this package prints, by name.
func All() []*Syscall {
	out := make([]*Syscall, 0, len(table))
	for i := range table {
		out = append(out, &table[i])
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Lookup finds a call by name ("NtCreateFile").
func Lookup(name string) (*Syscall, bool) {
	s, ok := byName[name]
	return s, ok
}
