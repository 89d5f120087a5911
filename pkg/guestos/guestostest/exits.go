package guestostest

import (
	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// ExitsOS is a RegsOS whose system-call functions can be caught at their
// exits (guestos.Exits): their code is in Mem, Ends bounds each piece of
// code, Jumps names the thunks, and at an exit the arguments are read
// from the registers as at the entry.
type ExitsOS struct {
	RegsOS
	Ends       map[uint64]uint64 // code start -> end (the next symbol)
	Jumps      map[uint64]guestos.JumpKind
	Dispatcher uint64 // the return address of calls from the dispatcher
}

var _ guestos.Exits = (*ExitsOS)(nil)

func (o *ExitsOS) ExitsSupported() bool { return true }

func (o *ExitsOS) CodeEnd(addr uint64) (uint64, bool) {
	end, ok := o.Ends[addr]
	return end, ok
}

func (o *ExitsOS) JumpKind(t uint64) guestos.JumpKind { return o.Jumps[t] }

func (o *ExitsOS) Dispatched(_, ret uint64) bool { return ret == o.Dispatcher }

func (o *ExitsOS) ExitArgs(r *vmi.Regs, _ uint64, a *[6]uint64) error { return o.Args(r, a) }
