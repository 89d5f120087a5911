// Package output writes traces: the strace-like text form, with the
// prefix that says who made each call.
package output

import (
	"strconv"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/printers"
)

// Args are a call's arguments as captured at its entry: Linux uses six,
// Windows' NT calls up to guestos.MaxArgs.
type Args = [guestos.MaxArgs]uint64

// Decoder prints one system call: Enter what strace prints at entry, Exit
// the rest at return. The tracer adapts each OS's printer rows to it.
type Decoder interface {
	Enter(b []byte, args *Args, m printers.Mem, o *printers.Options) []byte
	Exit(b []byte, args *Args, ret int64, m printers.Mem, o *printers.Options) []byte
	NoReturn() bool
}

// Call is a call between its entry and its return.
type Call struct {
	dec    Decoder
	name   string
	args   Args
	thread guestos.Thread
}

// AppendPrefix writes the line prefix "[pid PID/TID COMM] ". COMM is the
// guest's process name escaped so that it holds no space, "]", backslash
// or control byte (those become \xNN), so the prefix always parses with
// `^\[pid (\d+)/(\d+) (\S+)\] `. An empty name prints as "?".
func AppendPrefix(b []byte, th *guestos.Thread) []byte {
	b = append(b, "[pid "...)
	b = strconv.AppendUint(b, uint64(th.PID), 10)
	b = append(b, '/')
	b = strconv.AppendUint(b, uint64(th.TID), 10)
	b = append(b, ' ')
	b = AppendComm(b, th.Name())
	return append(b, "] "...)
}

// AppendComm escapes a guest process name for the prefix.
func AppendComm(b []byte, name []byte) []byte {
	const hex = "0123456789abcdef"
	if len(name) == 0 {
		return append(b, '?')
	}
	for _, c := range name {
		if c > ' ' && c < 0x7f && c != '\\' && c != ']' {
			b = append(b, c)
			continue
		}
		b = append(b, '\\', 'x', hex[c>>4], hex[c&15])
	}
	return b
}
