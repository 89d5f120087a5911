package linux

import (
	"encoding/binary"
	"fmt"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/x86"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// Current fills th with the task running on the vCPU of regs: the per-CPU
// current task pointer, reached through the kernel's GS base, then the
// task's tgid, pid and comm. It is the first call of an event: it drops
// the previous event's cached translations. It allocates nothing.
func (l *Linux) Current(regs *vmi.Regs, th *guestos.Thread) error {
	l.w.Invalidate()
	gs := l.kernelGS(regs)
	if l.zeroBased && !x86.Kernel(gs) {
		return fmt.Errorf("kernel GS base %#x is not a kernel address: %w", gs, guestos.ErrBadGuestData)
	}
	ptr := gs + l.currentOff
	if !x86.Kernel(ptr) {
		return fmt.Errorf("%s at %#x is not a kernel address: %w", l.lay.currentWhat, ptr, guestos.ErrBadGuestData)
	}
	task, err := l.read64(ptr)
	if err != nil {
		return fmt.Errorf("reading %s: %w", l.lay.currentWhat, err)
	}
	if !x86.Kernel(task) {
		return fmt.Errorf("current task %#x is not a kernel address: %w", task, guestos.ErrBadGuestData)
	}
	return l.readTask(task, th)
}

// readTask reads a task's identity in one read of the span holding tgid,
// pid and comm.
func (l *Linux) readTask(task uint64, th *guestos.Thread) error {
	lay := &l.lay
	b := l.buf[:lay.taskHi-lay.taskLo]
	if _, err := l.w.ReadVirt(l.kroot, l.la57, task+lay.taskLo, b); err != nil {
		return fmt.Errorf("reading task_struct at %#x: %w", task, err)
	}
	th.PID = binary.LittleEndian.Uint32(b[lay.tgid-lay.taskLo:])
	th.TID = binary.LittleEndian.Uint32(b[lay.pid-lay.taskLo:])
	copy(th.Comm[:], b[lay.comm-lay.taskLo:])
	th.Key = task
	return nil
}

// read64 reads a kernel pointer.
func (l *Linux) read64(va uint64) (uint64, error) {
	b := l.buf[:8]
	if _, err := l.w.ReadVirt(l.kroot, l.la57, va, b); err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint64(b), nil
}

// Args reads the six arguments at the entry of a system-call function:
// from the struct pt_regs its first argument points at (Linux 4.17+), or
// from the registers of a C call (older kernels). ia32 and compat
// functions take the i386 registers, 32 bits wide.
func (l *Linux) Args(regs *vmi.Regs, args *[6]uint64) error {
	_, bits32 := l.abiAt[regs.RIP] // only 32-bit entry points are listed
	if l.conv == cRegsConv {
		*args = [6]uint64{regs.RDI, regs.RSI, regs.RDX, regs.RCX, regs.R8, regs.R9}
		if bits32 {
			truncate(args)
		}
		return nil
	}
	r := &l.lay.regs
	b := l.buf[:r.hi-r.lo]
	if _, err := l.w.ReadVirt(l.kroot, l.la57, regs.RDI+r.lo, b); err != nil {
		return fmt.Errorf("reading pt_regs at %#x: %w", regs.RDI, err)
	}
	get := func(off uint64) uint64 { return binary.LittleEndian.Uint64(b[off-r.lo:]) }
	if !bits32 {
		*args = [6]uint64{get(r.di), get(r.si), get(r.dx), get(r.r10), get(r.r8), get(r.r9)}
		return nil
	}
	*args = [6]uint64{get(r.bx), get(r.cx), get(r.dx), get(r.si), get(r.di), get(r.bp)}
	truncate(args)
	return nil
}

// SyscallFrame reads the number of the system call being entered and the
// user stack pointer, from pt_regs->orig_ax and pt_regs->sp (Linux
// 4.17+): what names a call whose kernel function serves many numbers
// (sys_ni_syscall), and where rt_sigreturn finds its signal frame.
func (l *Linux) SyscallFrame(regs *vmi.Regs) (nr, sp uint64, err error) {
	r := &l.lay.regs
	if l.conv != ptRegsConv || !r.hasOrigAX {
		return 0, 0, fmt.Errorf("%w: no pt_regs in this kernel's convention", guestos.ErrUnsupported)
	}
	b := l.buf[:8]
	if _, err := l.w.ReadVirt(l.kroot, l.la57, regs.RDI+r.origAX, b); err != nil {
		return 0, 0, fmt.Errorf("reading pt_regs->orig_ax at %#x: %w", regs.RDI, err)
	}
	nr = binary.LittleEndian.Uint64(b)
	if _, err := l.w.ReadVirt(l.kroot, l.la57, regs.RDI+r.sp, b); err != nil {
		return 0, 0, fmt.Errorf("reading pt_regs->sp at %#x: %w", regs.RDI, err)
	}
	return nr, binary.LittleEndian.Uint64(b), nil
}

func truncate(args *[6]uint64) {
	for i := range args {
		args[i] = uint64(uint32(args[i]))
	}
}

// ReturnAddress reads the return address at the entry of a function: the
// word at the stack pointer.
func (l *Linux) ReturnAddress(regs *vmi.Regs) (uint64, error) {
	b := l.buf[:8]
	if _, err := l.ReadVirt(regs, regs.RSP, b); err != nil {
		return 0, fmt.Errorf("reading the return address at %#x: %w", regs.RSP, err)
	}
	return binary.LittleEndian.Uint64(b), nil
}

// ReturnValue is rax at the function's return address.
func (l *Linux) ReturnValue(regs *vmi.Regs) int64 { return int64(regs.RAX) }

// ReadVirt reads guest virtual memory: kernel addresses through the
// kernel's page tables, user addresses through the vCPU's CR3.
func (l *Linux) ReadVirt(regs *vmi.Regs, va uint64, buf []byte) (int, error) {
	if x86.Kernel(va) {
		return l.w.ReadVirt(l.kroot, l.la57, va, buf)
	}
	return l.w.ReadVirt(regs.CR3, l.la57, va, buf)
}
