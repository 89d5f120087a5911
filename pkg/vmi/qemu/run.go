package qemu

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/guestrace/guestrace/pkg/vmi"
)

// ensureStopped stops a running guest before a request (any byte would
// stop it anyway, and the request would be lost) and reports whether it
// was running, for restore.
func (t *Target) ensureStopped() (bool, error) {
	if t.state != stateRunning {
		return false, nil
	}
	if err := t.stopGuest(); err != nil {
		return false, err
	}
	return true, nil
}

// restore lets the guest run again after a request made while it ran,
// unless it stopped at a breakpoint meanwhile: that stop is kept for the
// next Wait. It returns err, or the error of continuing.
func (t *Target) restore(wasRunning bool, err error) error {
	if !wasRunning || t.hasPnd || t.c.err != nil {
		return err
	}
	// The guest ran before this operation stopped it: it runs again.
	if cerr := t.cont(pktContinue); cerr != nil && err == nil {
		err = cerr
	}
	return err
}

// cont sends a continue packet (no reply until the guest stops).
func (t *Target) cont(pkt []byte) error {
	if err := t.c.send(pkt); err != nil {
		return err
	}
	t.state = stateRunning
	t.extPaused = false
	t.invalidate()
	return nil
}

// contPaused lets the guest run again after stopGuest, unless another
// monitor had it paused already: that monitor continues it, and the stop
// of the next breakpoint hit comes then as after a continue.
func (t *Target) contPaused() error {
	if t.extPaused {
		t.extPaused = false
		t.state = stateRunning
		return nil
	}
	return t.cont(pktContinue)
}

// stopGuest interrupts the running guest and takes the stop it reports:
// either our interrupt, or a breakpoint hit that raced it (then ^C is
// ignored and that hit becomes the pending event).
func (t *Target) stopGuest() error {
	if err := t.c.interrupt(); err != nil {
		return err
	}
	deadline := time.Now().Add(min(interruptWait, t.c.timeout))
	for {
		err := t.c.waitByte(deadline)
		if errors.Is(err, os.ErrDeadlineExceeded) {
			// No stop came: the guest was already stopped (by another
			// monitor), and the stub ignored ^C. A harmless query
			// synchronises: its answer if the guest is stopped, or, if it
			// was running after all, the stop its first byte causes.
			// Not '?': QEMU removes every breakpoint on '?'.
			reply, err := t.c.exchange(pktCurrentThread)
			if err != nil {
				return err
			}
			if isStopReply(reply) {
				if _, err = t.takeStop(reply, true); err != nil {
					return err
				}
				// A ^C that a busy QEMU took late stops the guest before
				// the query is read, and the query is then answered too.
				return t.dropCurrentThreadReply()
			}
			t.state = statePaused
			t.extPaused = true
			t.gcpu = -1
			t.invalidate()
			return nil
		}
		if err != nil {
			return err
		}
		reply, err := t.c.recv()
		if err != nil {
			return err
		}
		out, err := t.takeStop(reply, true)
		if err != nil || !out {
			return err
		}
	}
}

// dropCurrentThreadReply reads past the answer to a qC that may still
// come: it asks another question and reads up to its answer.
func (t *Target) dropCurrentThreadReply() error {
	reply, err := t.c.exchange(pktAttached)
	for err == nil && bytes.HasPrefix(reply, []byte("QC")) {
		reply, err = t.c.recv()
	}
	return err
}

// takeStop handles a stop reply: the guest is stopped afterwards, and with
// checkBP a SIGTRAP at an inserted breakpoint becomes the pending event
// (after a single step it would be hit again anyway). It reports console
// output (no stop) with true.
func (t *Target) takeStop(reply []byte, checkBP bool) (output bool, err error) {
	var sr stopReply
	if err := parseStop(reply, &sr); err != nil {
		return false, t.c.fail(fmt.Errorf("qemu gdb stub %s: %w", t.addr, err))
	}
	switch sr.kind {
	case stopOutput:
		return true, nil
	case stopExited:
		return false, t.c.fail(fmt.Errorf("qemu gdb stub %s: QEMU is exiting (%s): %w", t.addr, quote(reply), vmi.ErrGuestGone))
	}
	vcpu := t.ccpu
	if sr.thread != 0 {
		vcpu = sr.thread - 1
	}
	if vcpu >= t.nvcpu {
		return false, t.c.fail(fmt.Errorf("qemu gdb stub %s: stop reply %s names vCPU %d of %d: %w", t.addr, quote(reply), vcpu, t.nvcpu, ErrProtocol))
	}
	// The stub points 'g' and 'c' at the vCPU that stopped.
	t.state = statePaused
	t.extPaused = false
	t.ccpu, t.gcpu = vcpu, vcpu
	t.invalidate()
	t.lastSignal = sr.signal
	if sr.signal != sigTrap || !checkBP {
		return false, nil
	}
	if err := t.loadRegs(vcpu); err != nil {
		return false, err
	}
	rip := t.regs[vcpu][rRIP]
	if _, ok := t.bps[rip]; ok {
		t.pend.VCPU, t.pend.Addr, t.pend.RegsChanged = vcpu, rip, false
		t.regs[vcpu].toRegs(&t.pend.Regs)
		t.hasPnd = true
	}
	return false, nil
}

// Wait lets the guest run until a vCPU hits an inserted breakpoint. When
// ctx ends first it interrupts the guest, leaves it paused and returns
// ctx.Err(). If another QEMU monitor pauses the guest meanwhile, Wait
// waits for it to be continued.
func (t *Target) Wait(ctx context.Context, ev *vmi.Event) error {
	if err := t.check(); err != nil {
		return err
	}
	for {
		if t.hasPnd {
			t.hasPnd = false
			if _, ok := t.bps[t.pend.Addr]; ok {
				t.stats.Hits++
				t.state = stateEvent
				t.cur = t.pend
				*ev = t.pend
				return nil
			}
		}
		if err := ctx.Err(); err != nil {
			if _, serr := t.ensureStopped(); serr != nil {
				return serr
			}
			return err
		}
		var err error
		switch t.state {
		case statePaused:
			err = t.contPaused()
		case stateEvent:
			// Wait without Resume: resume the last event as it was.
			t.cur.RegsChanged = false
			err = t.resume(&t.cur)
		}
		if err != nil {
			return err
		}
		if err := t.waitStop(ctx); err != nil {
			return err
		}
	}
}

// waitStop waits for one stop reply while the guest runs, looking at ctx
// every pollInterval. A stop that is neither a breakpoint nor ours (another
// monitor paused the guest) leaves the state running; a SIGTRAP at no
// breakpoint is continued.
func (t *Target) waitStop(ctx context.Context) error {
	for {
		deadline := time.Now().Add(pollInterval)
		if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
			deadline = d
		}
		err := t.c.waitByte(deadline)
		if errors.Is(err, os.ErrDeadlineExceeded) {
			if ctx.Err() != nil {
				return nil // Wait's loop interrupts and returns ctx.Err()
			}
			continue
		}
		if err != nil {
			return err
		}
		reply, err := t.c.recv()
		if err != nil {
			return err
		}
		out, err := t.takeStop(reply, true)
		if err != nil {
			return err
		}
		switch {
		case out:
			continue
		case t.hasPnd:
			return nil
		case t.lastSignal == sigTrap:
			// A breakpoint removed since it was hit, or a stop we did not
			// cause: carry on.
			t.stats.Spurious++
			return t.cont(pktContinue)
		default:
			// Paused by another monitor: it will continue the guest.
			t.state = stateRunning
		}
	}
}

// Resume continues after the event Wait returned: it writes ev.Regs when
// ev.RegsChanged, executes the instruction under the breakpoint (by
// emulating it when it can) and lets the guest run.
func (t *Target) Resume(ev *vmi.Event) error {
	if err := t.check(); err != nil {
		return err
	}
	if t.state != stateEvent || ev.VCPU != t.cur.VCPU || ev.Addr != t.cur.Addr {
		return fmt.Errorf("qemu: Resume of vCPU %d at %#x, but the guest is not stopped at that event", ev.VCPU, ev.Addr)
	}
	return t.resume(ev)
}

func (t *Target) resume(ev *vmi.Event) error {
	vcpu := ev.VCPU
	rip := ev.Addr
	if ev.RegsChanged {
		if err := t.setRegs(vcpu, &ev.Regs); err != nil {
			return err
		}
		rip = ev.Regs.RIP
	}
	bp, ok := t.bps[ev.Addr]
	if !ok || rip != ev.Addr {
		// Removed, or the handler moved rip: nothing to step over.
		return t.cont(pktContinue)
	}
	if bp.insn.kind != emuNone && !ev.RegsChanged {
		if err := t.stillAt(vcpu, ev.Addr); err != nil {
			return err
		}
	}
	if ok, err := t.emulate(ev, &bp.insn); ok || err != nil {
		return err
	}
	if err := t.stepOver(vcpu, bp.addr); err != nil {
		return err
	}
	t.stats.Stepped++
	return t.cont(pktContinue)
}

// regOf is a register of the event's vCPU as the event (and any change the
// handler made) has it.
func (t *Target) regOf(ev *vmi.Event, id regID) uint64 {
	return *regPtr(&ev.Regs, id)
}

// contAt continues with the vCPU's rip set to pc: 'c addr' sets the pc of
// the vCPU that stopped last, one round trip fewer than 'P'.
func (t *Target) contAt(vcpu int, pc uint64) error {
	if vcpu != t.ccpu {
		if err := t.setReg(vcpu, rRIP, pc); err != nil {
			return err
		}
		return t.cont(pktContinue)
	}
	t.buf = append(t.buf[:0], 'c')
	t.buf = appendUint(t.buf, pc)
	return t.cont(t.buf)
}

// stepOver removes the breakpoint at addr, single-steps vcpu alone and
// puts the breakpoint back.
func (t *Target) stepOver(vcpu int, addr uint64) error {
	if err := t.breakpointPacket('z', addr); err != nil {
		return err
	}
	for try := 0; ; try++ {
		if err := t.step(vcpu); err != nil {
			return err
		}
		// A step can end before the instruction ran (QEMU let the vCPU
		// go for another reason first): run it again, or the breakpoint
		// put back would report the same hit twice.
		if err := t.loadRegs(vcpu); err != nil {
			return err
		}
		if t.regs[vcpu][rRIP] != addr || try == 3 {
			break
		}
		t.stats.Restepped++
	}
	return t.breakpointPacket('Z', addr)
}

// step executes one instruction on a vCPU.
func (t *Target) step(vcpu int) error {
	t.buf = append(t.buf[:0], "vCont;s:p1."...)
	t.buf = appendUint(t.buf, uint64(vcpu+1))
	if err := t.c.send(t.buf); err != nil {
		return err
	}
	t.state = stateRunning
	t.invalidate()
	for {
		reply, err := t.c.recv()
		if err != nil {
			return err
		}
		if len(reply) == 0 || isErrorReply(reply) {
			t.state = statePaused
			return t.replyError([]byte("vCont;s"), reply)
		}
		out, err := t.takeStop(reply, false)
		if err != nil {
			return err
		}
		if !out {
			return nil
		}
	}
}

func putLE64(b []byte, v uint64) {
	for i := range 8 {
		b[i] = byte(v >> (8 * i))
	}
}

// breakpointPacket sends Z0 (insert) or z0 (remove) for addr.
func (t *Target) breakpointPacket(op byte, addr uint64) error {
	t.buf = append(t.buf[:0], op, '0', ',')
	t.buf = appendUint(t.buf, addr)
	t.buf = append(t.buf, ",1"...)
	return t.requestOK(t.buf)
}

// InsertBreakpoint places a breakpoint at a guest virtual address. It
// first reads and decodes the instruction there, to know how to resume
// past it. Inserting one that is already there does nothing.
func (t *Target) InsertBreakpoint(va uint64) error {
	if err := t.check(); err != nil {
		return err
	}
	if _, ok := t.bps[va]; ok {
		return nil
	}
	running, err := t.ensureStopped()
	if err != nil {
		return err
	}
	// Read before inserting: under KVM QEMU writes 0xCC there.
	bp := &breakpoint{addr: va, insn: t.readInsn(va)}
	if t.c.err != nil {
		return t.c.err
	}
	err = t.breakpointPacket('Z', va)
	if err == nil {
		t.bps[va] = bp
	}
	return t.restore(running, err)
}

// readInsn reads the instruction at va through the page tables of the
// first vCPU that maps it (a vCPU in user mode under page-table isolation
// may not) and classifies it. Unreadable code is single-stepped.
func (t *Target) readInsn(va uint64) insn {
	var code [16]byte
	// Stay within the page: the next one may be unmapped.
	n := min(len(code), int(0x1000-va&0xfff))
	for i := range t.nvcpu {
		vcpu := (max(t.gcpu, 0) + i) % t.nvcpu
		if err := t.readVirt(vcpu, va, code[:n]); err == nil {
			return classify(code[:n])
		}
		if t.c.err != nil {
			break
		}
	}
	return insn{kind: emuNone}
}

// BreakpointKind says how Resume gets past the breakpoint at va: "nop",
// "push", "mov r64,r64", "mov r64,imm", "mov m64,r64" (emulated) or
// "step".
func (t *Target) BreakpointKind(va uint64) (string, error) {
	bp, ok := t.bps[va]
	if !ok {
		return "", fmt.Errorf("breakpoint at %#x: %w", va, vmi.ErrNoBreakpoint)
	}
	return bp.insn.kind.String(), nil
}

// RemoveBreakpoint removes the breakpoint at va.
func (t *Target) RemoveBreakpoint(va uint64) error {
	if err := t.check(); err != nil {
		return err
	}
	if _, ok := t.bps[va]; !ok {
		return fmt.Errorf("breakpoint at %#x: %w", va, vmi.ErrNoBreakpoint)
	}
	running, err := t.ensureStopped()
	if err != nil {
		return err
	}
	err = t.breakpointPacket('z', va)
	if err == nil {
		delete(t.bps, va)
	}
	return t.restore(running, err)
}

// Pause stops every vCPU.
func (t *Target) Pause() error {
	if err := t.check(); err != nil {
		return err
	}
	_, err := t.ensureStopped()
	return err
}

// Unpause lets a paused guest run. A guest stopped at an event resumes as
// Resume would; a breakpoint hit not yet returned by Wait is hit again.
func (t *Target) Unpause() error {
	if err := t.check(); err != nil {
		return err
	}
	switch t.state {
	case stateEvent:
		t.cur.RegsChanged = false
		return t.resume(&t.cur)
	case statePaused:
		t.hasPnd = false
		return t.contPaused()
	}
	return nil
}

// Close removes every breakpoint, puts 'm' back in virtual mode for the
// next debugger, and detaches, which lets the guest run with its original
// code. It is safe to call more than once.
func (t *Target) Close() error {
	if t.closed {
		return nil
	}
	t.closed = true
	defer t.nc.Close()
	if t.c.err != nil {
		if len(t.bps) == 0 || errors.Is(t.c.err, vmi.ErrGuestGone) {
			return nil
		}
		// QEMU 7.2 keeps the breakpoints of a client that stops talking:
		// the guest stops at the next hit ("debug") until a client
		// connects (Dial clears them) and lets it run.
		return fmt.Errorf("qemu gdb stub %s: close: %d breakpoints may remain in QEMU: %w", t.addr, len(t.bps), t.c.err)
	}
	var errs []error
	if _, err := t.ensureStopped(); err != nil {
		return fmt.Errorf("qemu gdb stub %s: close: %w", t.addr, err)
	}
	for va := range t.bps {
		if err := t.breakpointPacket('z', va); err != nil {
			errs = append(errs, err)
			continue
		}
		delete(t.bps, va)
	}
	if t.phys != 0 {
		if err := t.setPhys(false); err != nil {
			errs = append(errs, err)
		}
	}
	if err := t.requestOK(pktDetach); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("qemu gdb stub %s: close: %w", t.addr, err)
	}
	return nil
}

// stillAt re-reads the registers of the vCPU stopped at addr before its
// instruction is emulated: a reset of the guest while it was stopped there
// (QEMU resets a stopped guest too, and its stub says nothing) has put the
// vCPU at the reset vector, and writing it the old kernel's next rip would
// derail the new boot.
func (t *Target) stillAt(vcpu int, addr uint64) error {
	t.valid[vcpu] = false
	if err := t.loadRegs(vcpu); err != nil {
		return err
	}
	if rip := t.regs[vcpu][rRIP]; rip != addr {
		return fmt.Errorf("qemu gdb stub %s: vCPU %d, stopped at %#x, is now at %#x: %w", t.addr, vcpu, addr, rip, vmi.ErrGuestReset)
	}
	return nil
}
