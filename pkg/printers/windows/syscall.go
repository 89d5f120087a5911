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
// and so is every argument after the first out one, as strace does.
type dir uint8

const (
	in dir = iota
	out
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
}

// NArgs is how many arguments the call takes.
func (s *Syscall) NArgs() int { return len(s.args) }

// NoReturn reports a call that does not return when it succeeds
// (NtContinue): its whole line is printed at the call.
func (s *Syscall) NoReturn() bool { return s.noReturn }

// split is the index of the first argument printed at the return.
func (s *Syscall) split() int {
	if s.noReturn {
		return len(s.args)
	}
	for i, a := range s.args {
		if a.d != in {
			return i
		}
	}
	return len(s.args)
}

// EnterArgs appends the start of the call's line: its name and the
// arguments known at the call ("NtReadFile(0x1c, NULL, NULL, NULL"). For
// a NoReturn call it appends the whole call, closing parenthesis included.
func (s *Syscall) EnterArgs(b []byte, a *Args, m printers.Mem, o *printers.Options) []byte {
	return s.enter(b, &ctx{a: a, n: MaxArgs, m: m, o: o})
}

// ExitArgs appends the rest of the line: the arguments known at the
// return, the closing parenthesis, padding to the alignment column
// (counted from the start of the last line in b, so b should hold the line
// so far) and " = " with the NTSTATUS; for a NoReturn call, " = ?".
func (s *Syscall) ExitArgs(b []byte, a *Args, ret int64, m printers.Mem, o *printers.Options) []byte {
	return s.exit(b, &ctx{a: a, n: MaxArgs, m: m, o: o, exiting: true, ret: ret})
}

// Enter is EnterArgs for a caller that captured only the first six
// arguments (the shape of the Linux printers): the others print as "?".
func (s *Syscall) Enter(b []byte, args *[6]uint64, m printers.Mem, o *printers.Options) []byte {
	var a Args
	copy(a[:], args[:])
	return s.enter(b, &ctx{a: &a, n: len(args), m: m, o: o})
}

// Exit is ExitArgs for a caller that captured only six arguments.
func (s *Syscall) Exit(b []byte, args *[6]uint64, ret int64, m printers.Mem, o *printers.Options) []byte {
	var a Args
	copy(a[:], args[:])
	return s.exit(b, &ctx{a: &a, n: len(args), m: m, o: o, exiting: true, ret: ret})
}

func (s *Syscall) enter(b []byte, c *ctx) []byte {
	b = append(b, s.Name...)
	b = append(b, '(')
	n := s.split()
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = c.format(b, &s.args[i], i)
	}
	if s.noReturn {
		b = append(b, ')')
	}
	return b
}

func (s *Syscall) exit(b []byte, c *ctx) []byte {
	if !s.noReturn {
		for i := s.split(); i < len(s.args); i++ {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = c.format(b, &s.args[i], i)
		}
		b = append(b, ')')
	}
	if col := c.o.Col(); col > 0 {
		start := bytes.LastIndexByte(b, '\n') + 1
		for len(b)-start < col {
			b = append(b, ' ')
		}
	}
	if s.noReturn {
		return append(b, " = ?"...)
	}
	b = append(b, " = "...)
	return AppendStatus(b, uint32(c.ret))
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
