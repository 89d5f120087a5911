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
		if !onKernelStack(&ev.Regs, rsp-8, rsp-8) {
			return false, nil
		}
		if ok, err := t.store(vcpu, rsp-8, b[:]); !ok {
			return false, err
		}
		if err := t.setReg(vcpu, rRSP, rsp-8); err != nil {
			return false, err
		}
	case emuStore:
		addr := effAddr(&ev.Regs, &in.mem)
		if !onKernelStack(&ev.Regs, ev.Regs.RSP, addr) {
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

// onKernelStack vouches for an 8-byte store at addr by a vCPU whose stack
// pointer is (or, for push, becomes) sp. The stub's write ignores page
// protections (a user page shared copy-on-write would be written for
// every process sharing it) and drops writes to device memory, so a store
// is emulated only where the vCPU's own certainly lands in writable RAM:
// the live part of the kernel stack it runs on (at CPL 0, sp in the
// kernel half, addr at or above sp within sp's aligned 16 KiB block; the
// kernel has no red zone), not crossing a page. Stores to the pt_regs at
// the top of the stack and to stack frames pass; anything else is stepped.
func onKernelStack(r *vmi.Regs, sp, addr uint64) bool {
	return r.CS&3 == 0 &&
		sp>>63 == 1 &&
		addr >= sp &&
		addr/stackBlock == sp/stackBlock &&
		addr&0xfff <= 0x1000-8
}
