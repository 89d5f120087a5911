package qemu

import (
	"encoding/binary"
	"fmt"

	"github.com/guestrace/guestrace/pkg/vmi"
)

// regVals holds the registers guestrace uses, by regID.
type regVals [nRegs]uint64

// ptrs returns a pointer to each field of r, in regID order.
func regPtr(r *vmi.Regs, id regID) *uint64 {
	switch id {
	case rRAX:
		return &r.RAX
	case rRBX:
		return &r.RBX
	case rRCX:
		return &r.RCX
	case rRDX:
		return &r.RDX
	case rRSI:
		return &r.RSI
	case rRDI:
		return &r.RDI
	case rRBP:
		return &r.RBP
	case rRSP:
		return &r.RSP
	case rR8:
		return &r.R8
	case rR9:
		return &r.R9
	case rR10:
		return &r.R10
	case rR11:
		return &r.R11
	case rR12:
		return &r.R12
	case rR13:
		return &r.R13
	case rR14:
		return &r.R14
	case rR15:
		return &r.R15
	case rRIP:
		return &r.RIP
	case rRFLAGS:
		return &r.RFLAGS
	case rCS:
		return &r.CS
	case rSS:
		return &r.SS
	case rFSBase:
		return &r.FSBase
	case rGSBase:
		return &r.GSBase
	case rKernelGSBase:
		return &r.KernelGSBase
	case rCR0:
		return &r.CR0
	case rCR2:
		return &r.CR2
	case rCR3:
		return &r.CR3
	case rCR4:
		return &r.CR4
	case rEFER:
		return &r.EFER
	}
	panic("qemu: bad register id")
}

func (v *regVals) toRegs(r *vmi.Regs) {
	for id := range nRegs {
		*regPtr(r, id) = v[id]
	}
}

func (v *regVals) fromRegs(r *vmi.Regs) {
	for id := range nRegs {
		v[id] = *regPtr(r, id)
	}
}

// decodeG fills v from the hex of a 'g' reply, without allocating.
func (l *regLayout) decodeG(v *regVals, g []byte) error {
	if len(g) < 2*l.gLen {
		return fmt.Errorf("'g' reply has %d bytes of registers, the target description needs %d: %w", len(g)/2, l.gLen, ErrProtocol)
	}
	var b [8]byte
	for id := range nRegs {
		off, size := l.off[id], l.size[id]
		if !decodeHex(b[:size], g[2*off:2*(off+size)]) {
			return fmt.Errorf("'g' reply: register %s is not hex: %w", regNames[id], ErrProtocol)
		}
		clear(b[size:])
		v[id] = binary.LittleEndian.Uint64(b[:])
	}
	return nil
}

// appendP appends the 'P' packet that writes one register.
func (l *regLayout) appendP(dst []byte, id regID, val uint64) []byte {
	dst = append(dst, 'P')
	dst = appendUint(dst, uint64(l.num[id]))
	dst = append(dst, '=')
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], val)
	return appendHex(dst, b[:l.size[id]])
}
