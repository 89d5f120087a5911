package linux

import (
	"fmt"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/x86"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// A reset (or reboot) starts a new kernel at another KASLR slide, with its
// per-CPU areas elsewhere in a direct map that KASLR also moved; the
// breakpoints placed for the old kernel stay in the hypervisor. The
// per-CPU base of each vCPU never changes while one kernel runs, so an
// event with a per-CPU base not seen before is checked against the guest:
// init_task's comm, read through the vCPU's own page tables (not the
// translations kept since attach, which describe the old kernel), must
// still read "swapper".

var _ guestos.ResetChecker = (*Linux)(nil)

// CheckEvent returns an error wrapping guestos.ErrGuestReset when the
// event's vCPU does not run the attached kernel. It reads the guest only
// for a per-CPU base it has not seen.
func (l *Linux) CheckEvent(regs *vmi.Regs) error {
	gs, err := l.gsBase(regs)
	if err != nil {
		return l.checkRegs(regs)
	}
	for _, s := range l.gsSeen {
		if s == gs {
			return nil
		}
	}
	if err := l.checkRegs(regs); err != nil {
		return err
	}
	if len(l.gsSeen) < maxVCPUs {
		l.gsSeen = append(l.gsSeen, gs)
	}
	return nil
}

// CheckKernel checks every vCPU: each must run the attached kernel.
func (l *Linux) CheckKernel() error {
	var r vmi.Regs
	for i := 0; i < min(l.t.NumVCPUs(), maxVCPUs); i++ {
		if err := l.t.Regs(i, &r); err != nil {
			return fmt.Errorf("reading registers of vCPU %d: %w", i, err)
		}
		if err := l.checkRegs(&r); err != nil {
			return fmt.Errorf("vCPU %d: %w", i, err)
		}
	}
	return nil
}

// checkRegs reads init_task's comm at the attached slide through the page
// tables regs point at.
func (l *Linux) checkRegs(regs *vmi.Regs) error {
	if regs.CR3&x86.AddrMask == 0 || (regs.CR0 != 0 && regs.CR0&cr0PG == 0) || (regs.EFER != 0 && regs.EFER&eferLMA == 0) {
		return fmt.Errorf("a vCPU runs without 64-bit paging (CR0 %#x, EFER %#x): %w", regs.CR0, regs.EFER, guestos.ErrGuestReset)
	}
	if l.cw == nil {
		l.cw = x86.NewWalker(l.t)
	}
	l.cw.Flush()
	// A vCPU in user mode under KPTI runs on the user half of a pair,
	// which does not map init_task: its kernel half is the page below.
	root := regs.CR3 & x86.AddrMask
	if l.swapperAt(root, x86.LA57(regs.CR4)) || (root&ptiUser != 0 && l.swapperAt(root&^ptiUser, x86.LA57(regs.CR4))) {
		return nil
	}
	return fmt.Errorf("init_task at %#x (KASLR slide %#x) no longer reads \"swapper\": %w", l.initTask, l.slide, guestos.ErrGuestReset)
}

// swapperAt reports whether init_task's comm reads "swapper" through the
// page tables at root, translated afresh.
func (l *Linux) swapperAt(root uint64, la57 bool) bool {
	var b [16]byte
	n, _ := l.cw.ReadVirt(root, la57, l.initTask+l.lay.comm, b[:])
	return n == len(b) && swapperComm(b[:])
}
