package windows

import (
	"encoding/binary"
	"fmt"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/x86"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// Current fills th from the KPCR at the vCPU's kernel GS base:
// KPRCB.CurrentThread is the ETHREAD, whose Cid holds the process and
// thread ids and whose KTHREAD names the EPROCESS with ImageFileName.
// The loop calls it first at every event: it also drops the translations
// cached for the previous one, since the guest ran in between.
func (w *Windows) Current(regs *vmi.Regs, th *guestos.Thread) error {
	w.w.Invalidate()
	kpcr := kpcrOf(regs)
	if kpcr == 0 {
		return fmt.Errorf("no KPCR: GS base %#x, kernel GS base %#x: %w", regs.GSBase, regs.KernelGSBase, guestos.ErrBadGuestData)
	}
	thread, err := w.read64(regs, kpcr+w.l.currentThread)
	if err != nil {
		return fmt.Errorf("KPRCB.CurrentThread: %w", err)
	}
	if !x86.Kernel(thread) {
		return fmt.Errorf("KPRCB.CurrentThread is %#x: %w", thread, guestos.ErrBadGuestData)
	}
	pid, tid, kernelMode, err := w.threadIDs(regs, thread)
	if err != nil {
		return err
	}
	proc, err := w.read64(regs, thread+w.l.process)
	if err != nil {
		return fmt.Errorf("%s: %w", w.l.processWhat, err)
	}
	if !x86.Kernel(proc) {
		return fmt.Errorf("%s is %#x: %w", w.l.processWhat, proc, guestos.ErrBadGuestData)
	}
	*th = guestos.Thread{PID: uint32(pid), TID: uint32(tid), Key: thread, KernelMode: kernelMode}
	const nameLen = 15 // EPROCESS.ImageFileName is UCHAR[15]
	if _, err := w.ReadVirt(regs, proc+w.l.imageFileName, th.Comm[:nameLen]); err != nil {
		clear(th.Comm[:])
	}
	return nil
}

// maxSpan bounds one read that takes ETHREAD.Cid and KTHREAD.PreviousMode
// together: one round trip to the guest instead of two.
const maxSpan = 1024

// threadIDs reads a thread's ids (ETHREAD.Cid) and whether the call it
// makes is the kernel's own (KTHREAD.PreviousMode is KernelMode, 0: a
// driver's Zw* call re-entering the service dispatcher).
func (w *Windows) threadIDs(regs *vmi.Regs, thread uint64) (pid, tid uint64, kernel bool, err error) {
	cid, mode := w.l.cid, w.l.previousMode
	lo, hi := cid, cid+16
	if w.l.hasMode {
		lo, hi = min(lo, mode), max(hi, mode+1)
	}
	buf := w.span[:]
	if hi-lo > maxSpan {
		lo, hi = cid, cid+16 // far apart: the mode is read on its own
	}
	if _, err := w.ReadVirt(regs, thread+lo, buf[:hi-lo]); err != nil {
		return 0, 0, false, fmt.Errorf("ETHREAD.Cid: %w", err)
	}
	// Ids are handle values: small, multiples of four.
	pid = binary.LittleEndian.Uint64(buf[cid-lo:])
	tid = binary.LittleEndian.Uint64(buf[cid-lo+8:])
	if !w.l.hasMode {
		return pid, tid, false, nil
	}
	if mode >= lo && mode < hi {
		return pid, tid, buf[mode-lo] == 0, nil
	}
	var m [1]byte
	if _, err := w.ReadVirt(regs, thread+mode, m[:]); err != nil {
		return pid, tid, false, nil // ids known; the mode is a detail
	}
	return pid, tid, m[0] == 0, nil
}

// Register arguments of the x64 calling convention; the rest are on the
// stack above the return address and the callee's 32-byte home area.
const stackArgs = 0x28

// Args reads the first six arguments at a function's entry: rcx, rdx, r8,
// r9, then [rsp+0x28] and [rsp+0x30].
func (w *Windows) Args(regs *vmi.Regs, args *[6]uint64) error {
	return w.ArgsN(regs, args[:])
}

// ArgsN reads the first len(args) arguments, at most guestos.MaxArgs.
func (w *Windows) ArgsN(regs *vmi.Regs, args []uint64) error {
	if len(args) > guestos.MaxArgs {
		args = args[:guestos.MaxArgs]
	}
	reg := [4]uint64{regs.RCX, regs.RDX, regs.R8, regs.R9}
	n := copy(args, reg[:])
	if n == len(args) {
		return nil
	}
	var stack [(guestos.MaxArgs - 4) * 8]byte
	rest := stack[:(len(args)-n)*8]
	got, err := w.ReadVirt(regs, regs.RSP+stackArgs, rest)
	for i := n; i < len(args); i++ {
		off := (i - n) * 8
		args[i] = 0
		if off+8 <= got {
			args[i] = binary.LittleEndian.Uint64(rest[off:])
		}
	}
	if err != nil {
		return fmt.Errorf("stack arguments at %#x: %w", regs.RSP+stackArgs, err)
	}
	return nil
}

// ReturnAddress reads the return address at a function's entry ([rsp]).
func (w *Windows) ReturnAddress(regs *vmi.Regs) (uint64, error) {
	return w.read64(regs, regs.RSP)
}

// ReturnValue is the NTSTATUS in eax, sign-extended: errors are negative.
func (w *Windows) ReturnValue(regs *vmi.Regs) int64 { return int64(int32(uint32(regs.RAX))) }
