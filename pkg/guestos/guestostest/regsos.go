// Package guestostest has a guestos.OS for unit tests that takes
// everything from registers, so a test states each event in one place.
package guestostest

import (
	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// RegsOS reads who runs and the call's frame from registers: R15 is the
// thread key (0: undecodable), R14 the pid, R13 the tid, R12 the return
// address at a function's entry (0: unreadable); RDI, RSI, RDX, R10, R8,
// R9 the arguments; RAX the return value. Mem serves ReadVirt.
type RegsOS struct {
	Syms  map[string]uint64
	Calls []guestos.Syscall
	Comm  string
	Mem   map[uint64][]byte // guest virtual address -> bytes there
}

var _ guestos.OS = (*RegsOS)(nil)

func (o *RegsOS) Type() guestos.Type          { return guestos.Linux }
func (o *RegsOS) Release() string             { return "test" }
func (o *RegsOS) Slide() uint64               { return 0 }
func (o *RegsOS) Syscalls() []guestos.Syscall { return o.Calls }

func (o *RegsOS) Symbol(name string) (uint64, bool) {
	a, ok := o.Syms[name]
	return a, ok
}

func (o *RegsOS) Current(r *vmi.Regs, th *guestos.Thread) error {
	if r.R15 == 0 {
		return guestos.ErrBadGuestData
	}
	*th = guestos.Thread{PID: uint32(r.R14), TID: uint32(r.R13), Key: r.R15}
	copy(th.Comm[:], o.Comm)
	return nil
}

func (o *RegsOS) Args(r *vmi.Regs, a *[6]uint64) error {
	*a = [6]uint64{r.RDI, r.RSI, r.RDX, r.R10, r.R8, r.R9}
	return nil
}

func (o *RegsOS) ReturnAddress(r *vmi.Regs) (uint64, error) {
	if r.R12 == 0 {
		return 0, guestos.ErrUnmapped
	}
	return r.R12, nil
}

func (o *RegsOS) ReturnValue(r *vmi.Regs) int64 { return int64(r.RAX) }

// ReadVirt serves reads that fall inside one of Mem's ranges.
func (o *RegsOS) ReadVirt(_ *vmi.Regs, va uint64, buf []byte) (int, error) {
	for base, data := range o.Mem {
		if va >= base && va < base+uint64(len(data)) {
			n := copy(buf, data[va-base:])
			if n < len(buf) {
				return n, guestos.ErrUnmapped
			}
			return n, nil
		}
	}
	return 0, guestos.ErrUnmapped
}
