package qemu

import (
	"errors"

	"github.com/guestrace/guestrace/pkg/vmi"
)

// stackBlock is the size and alignment of an x86-64 Linux kernel stack
// (THREAD_SIZE without KASAN).
const stackBlock = 16 << 10

// emulate applies the effect of the instruction under the breakpoint to
// the stopped vCPU and continues it past the instruction. It reports false
// (having changed nothing) when the instruction must be stepped instead.
func (t *Target) emulate(ev *vmi.Event, in *insn) (bool, error) {
	vcpu := ev.VCPU
	next := ev.Addr + uint64(in.len)
	switch in.kind {
	case emuNop:
	case emuMovRR:
		if err := t.setReg(vcpu, in.dst, t.regOf(ev, in.src)); err != nil {
			return false, err
		}
	case emuMovImm:
		if err := t.setReg(vcpu, in.dst, uint64(in.imm)); err != nil {
			return false, err
		}
	case emuPush:
		rsp := t.regOf(ev, rRSP)
		var b [8]byte
		putLE64(b[:], t.regOf(ev, in.src)) // push rsp pushes the old value
		if ok, err := t.store(vcpu, rsp-8, b[:]); !ok {
			return false, err
		}
		if err := t.setReg(vcpu, rRSP, rsp-8); err != nil {
			return false, err
		}
	case emuStore:
		addr := effAddr(&ev.Regs, &in.mem)
		if !stackStore(&ev.Regs, addr) {
			return false, nil
		}
		var b [8]byte
		putLE64(b[:], t.regOf(ev, in.src))
		if ok, err := t.store(vcpu, addr, b[:]); !ok {
			return false, err
		}
	default:
		return false, nil
	}
	t.stats.Emulated++
	return true, t.contAt(vcpu, next)
}

// store writes guest virtual memory through vcpu's page tables. Memory the
// stub cannot write (not mapped) is left to the vCPU, which faults if it
// must: store reports false with a nil error.
func (t *Target) store(vcpu int, va uint64, b []byte) (bool, error) {
	err := t.writeVirt(vcpu, va, b)
	if errors.Is(err, ErrRefused) {
		return false, nil
	}
	return err == nil, err
}

// effAddr is the address of a memory operand for the registers r.
func effAddr(r *vmi.Regs, m *memOperand) uint64 {
	a := uint64(int64(m.disp))
	if m.base != regNone {
		a += *regPtr(r, m.base)
	}
	if m.index != regNone {
		a += *regPtr(r, m.index) * uint64(m.scale)
	}
	return a
}

// stackStore vouches for an 8-byte store at addr: the stub's write ignores
// page protections and drops writes to device memory, so a store is
// emulated only where the vCPU's own would certainly land in writable RAM:
// in the kernel stack the vCPU runs on (the aligned block holding rsp, in
// the kernel half, at CPL 0), within one page. Stores to the pt_regs at the
// top of the stack and to stack frames pass; anything else is stepped.
func stackStore(r *vmi.Regs, addr uint64) bool {
	rsp := r.RSP
	return r.CS&3 == 0 &&
		rsp>>63 == 1 &&
		addr/stackBlock == rsp/stackBlock &&
		addr&0xfff <= 0x1000-8
}
