package libvmi

import "github.com/guestrace/guestrace/pkg/vmi"

// The event callbacks, after the original guestrace's _breakpoint_cb,
// _singlestep_cb and _mem_rw_cb, and libvmi's breakpoint examples:
//
//   - int3 on one of our breakpoints: not reinjected; hand the event to
//     Wait and hold it until Resume; then switch the vCPU to view 0 (the
//     original code) and single-step it.
//   - int3 of ours that no breakpoint stands for any more (removed while
//     the hit was on its way, or reached through another virtual address
//     of the same byte): the same step in view 0, without Wait. Answering
//     nothing would run the 0xCC again, forever.
//   - int3 we did not place: reinjected, the guest's own.
//   - single step done: switch the vCPU back to the shadow view, stop
//     stepping; after a write, refresh the shadows.
//   - read or write of a shadowed page in the shadow view: switch the vCPU
//     to view 0 for one step.

// handle implements handler.
func (t *Target) handle(e *event) response {
	switch e.kind {
	case evInt3:
		return t.onInt3(e)
	case evSingleStep:
		return t.onSingleStep(e)
	case evMemAccess:
		return t.onMemAccess(e)
	}
	return response{}
}

// stepInView0 runs the instruction at rip once in the original view; the
// single-step event's answer switches back.
var stepInView0 = response{singleStep: true, setSLAT: true, slat: 0}

func (t *Target) onInt3(e *event) response {
	s := &t.s
	// Xen reports the breakpoint's frame (vm_event's
	// software_breakpoint.gfn, libvmi's interrupt_event.gfn).
	pa := e.gfn<<pageShift | e.gla&(pageSize-1)
	if !t.ours(pa) {
		return response{reinject: true}
	}
	if s.closing {
		// Teardown removed the shadow pages: the vCPU runs the
		// original instruction in view 0.
		return response{}
	}
	if bp, ok := s.bps[e.gla]; !ok || bp != pa {
		return stepInView0
	}
	h := &hit{ev: vmi.Event{VCPU: e.vcpu, Addr: e.gla, Regs: *e.regs}}
	s.cur = h
	for !h.resumed && !s.closing {
		if !h.delivered && s.waiting {
			select {
			case t.events <- h:
				h.delivered = true
				s.waiting = false
			case r := <-t.reqs:
				t.serve(r)
			}
			continue
		}
		t.serve(<-t.reqs)
	}
	s.cur = nil
	if s.closing {
		return response{}
	}
	rsp := stepInView0
	if h.regsChanged {
		*e.regs = h.ev.Regs
		rsp.setRegs = true
	}
	return rsp
}

// ours reports whether the int3 at pa is one we placed: a breakpoint was
// placed there (it may be gone since), or the shadow of its page holds
// one; and the original page does not hold an int3 there too (the guest's
// own: Linux patches its text through int3), which must be reinjected.
func (t *Target) ours(pa uint64) bool {
	s := &t.s
	var b [1]byte
	if t.drv.readPA(pa, b[:]) == nil && b[0] == int3 {
		return false
	}
	if s.placed[pa] {
		return true
	}
	pg := s.pages[pa>>pageShift]
	return pg != nil && t.drv.readPA(pg.shadow<<pageShift|pa&(pageSize-1), b[:]) == nil && b[0] == int3
}

func (t *Target) onSingleStep(e *event) response {
	s := &t.s
	if s.wrote[e.vcpu] {
		delete(s.wrote, e.vcpu)
		t.resyncChanged()
	}
	if s.closing || !s.viewOn {
		return response{singleStep: true}
	}
	return response{singleStep: true, setSLAT: true, slat: s.view}
}

func (t *Target) onMemAccess(e *event) response {
	s := &t.s
	if s.closing || s.pages[e.gfn] == nil {
		return response{}
	}
	if e.access&memW != 0 {
		s.wrote[e.vcpu] = true
	}
	return stepInView0
}
