package tracer

import (
	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/guestrace/guestrace/pkg/printers/windows"
)

// Windows is the NT system-call table as Decoders.
var Windows Decoders = windowsTable{}

type windowsTable struct{}

func (windowsTable) Lookup(sc *guestos.Syscall) (output.Decoder, bool) {
	s, ok := windows.Lookup(sc.Name)
	if !ok {
		return nil, false
	}
	return windowsRow{s}, true
}

// Raw prints an NT call the table lacks: its arguments in hex, as many
// as the service table says (four, those passed in registers, when it
// does not).
func (windowsTable) Raw(sc *guestos.Syscall) output.Decoder {
	n := sc.NArgs
	if n <= 0 {
		n = 4
	}
	return windowsRow{windows.Raw(sc.Name, n)}
}

func (windowsTable) CallName(sc *guestos.Syscall) string { return sc.Name }

func (windowsTable) Known(name string) bool {
	_, ok := windows.Lookup(name)
	return ok
}

// windowsCalls keeps what the entries of calls in progress read for their
// returns (inputs are read at the call), under a token in the arguments.
var windowsCalls windows.Calls

// windowsRow adapts a row to output.Decoder with all its arguments,
// captured at the call (the callee may reuse its stack slots).
type windowsRow struct{ s *windows.Syscall }

func (r windowsRow) Enter(b []byte, a *output.Args, m printers.Mem, o *printers.Options) []byte {
	return windowsCalls.Enter(r.s, b, (*windows.Args)(a), m, o)
}

func (r windowsRow) Exit(b []byte, a *output.Args, ret int64, m printers.Mem, o *printers.Options) []byte {
	return windowsCalls.Exit(r.s, b, (*windows.Args)(a), ret, m, o)
}

func (r windowsRow) NoReturn() bool { return r.s.NoReturn() }
func (r windowsRow) NArgs() int     { return r.s.NArgs() }

// EndsCaller: NtTerminateProcess(NtCurrentProcess()) prints "= ?" at the
// call (output.Ender).
func (r windowsRow) EndsCaller(a *output.Args) bool { return r.s.EndsCaller((*windows.Args)(a)) }
