// Package windows registers Windows guests with pkg/oses: the OS layer of
// pkg/guestos/windows and the NT system-call table of pkg/printers/windows.
package windows

import (
	"github.com/guestrace/guestrace/pkg/guestos"
	gwindows "github.com/guestrace/guestrace/pkg/guestos/windows"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/oses"
	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/guestrace/guestrace/pkg/printers/windows"
	"github.com/guestrace/guestrace/pkg/vmi"
)

func init() {
	oses.Register(&oses.OS{
		Name:       "windows",
		DefaultABI: gwindows.ABINT,
		Matches:    func(p *isf.Profile) bool { return p.OS() == "windows" },
		Attach:     func(t vmi.Target, p *isf.Profile) (guestos.OS, error) { return gwindows.Attach(t, p) },
		Calls:      Table,
		List:       list,
	})
}

// Table is the NT system-call table.
var Table oses.Table = table{}

type table struct{}

func (table) Lookup(sc *guestos.Syscall) (output.Decoder, bool) {
	s, ok := windows.Lookup(sc.Name)
	if !ok {
		return nil, false
	}
	return row{s}, true
}

// Raw prints an NT call the table lacks: its arguments in hex, as many
// as the service table says (four, those passed in registers, when it
// does not).
func (table) Raw(sc *guestos.Syscall) output.Decoder {
	n := sc.NArgs
	if n <= 0 {
		n = 4
	}
	return row{windows.Raw(sc.Name, n)}
}

func (table) CallName(sc *guestos.Syscall) string { return sc.Name }

func (table) Known(name string) bool {
	_, ok := windows.Lookup(name)
	return ok
}

func list() []oses.Listed {
	var l []oses.Listed
	for _, s := range windows.All() {
		l = append(l, oses.Listed{Name: s.Name})
	}
	return l
}

// calls keeps what the entries of calls in progress read for their
// returns (inputs are read at the call), under a token in their
// CallState.
var calls windows.Calls

// row adapts a row to output.Decoder with all its arguments, captured at
// the call (the callee may reuse its stack slots).
type row struct{ s *windows.Syscall }

func (r row) Enter(b []byte, a *output.Args, st *printers.CallState, m printers.Mem, o *printers.Options) []byte {
	return calls.Enter(r.s, b, (*windows.Args)(a), st, m, o)
}

func (r row) Exit(b []byte, a *output.Args, st *printers.CallState, ret int64, m printers.Mem, o *printers.Options) []byte {
	return calls.Exit(r.s, b, (*windows.Args)(a), st, ret, m, o)
}

func (r row) NoReturn() bool { return r.s.NoReturn() }
func (r row) NArgs() int     { return r.s.NArgs() }

// EndsCaller: NtTerminateProcess(NtCurrentProcess()) prints "= ?" at the
// call (output.Ender).
func (r row) EndsCaller(a *output.Args) bool { return r.s.EndsCaller((*windows.Args)(a)) }

// AppendError: an NT call fails when its NTSTATUS is a warning or an
// error (NT_SUCCESS is false).
func (r row) AppendError(b []byte, ret int64) ([]byte, bool) {
	if int32(ret) >= 0 {
		return b, false
	}
	return windows.AppendStatus(b, uint32(ret)), true
}
