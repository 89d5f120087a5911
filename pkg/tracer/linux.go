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

func (linuxTable) Lookup(sc *guestos.Syscall) (output.Decoder, bool) {
	s, ok := linux.Lookup(sc.Name)
	if !ok {
		return nil, false
	}
	return linuxRow{s}, true
}

// Raw prints a call the table lacks with its six arguments in hex, as
// strace prints a call it does not know.
func (linuxTable) Raw(sc *guestos.Syscall) output.Decoder { return &rawLinux{name: sc.Name} }

func (linuxTable) Known(name string) bool {
	_, ok := linux.Lookup(name)
	return ok
}

// linuxRow adapts a row to output.Decoder: Linux calls take six
// arguments, the first six of the captured ones.
type linuxRow struct{ s *linux.Syscall }

func (r linuxRow) Enter(b []byte, a *output.Args, m printers.Mem, o *printers.Options) []byte {
	return r.s.Enter(b, (*[6]uint64)(a[:6]), m, o)
}

func (r linuxRow) Exit(b []byte, a *output.Args, ret int64, m printers.Mem, o *printers.Options) []byte {
	return r.s.Exit(b, (*[6]uint64)(a[:6]), ret, m, o)
}

func (r linuxRow) NoReturn() bool { return r.s.NoReturn() }

type rawLinux struct{ name string }

func (r *rawLinux) Enter(b []byte, a *output.Args, _ printers.Mem, _ *printers.Options) []byte {
	return linux.Raw(b, r.name, (*[6]uint64)(a[:6]), 6)
}

func (r *rawLinux) Exit(b []byte, _ *output.Args, ret int64, _ printers.Mem, o *printers.Options) []byte {
	return linux.RawExit(b, ret, o)
}

func (r *rawLinux) NoReturn() bool { return false }
