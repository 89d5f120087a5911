package libvmi

import "github.com/guestrace/guestrace/pkg/vmi"

// The event callbacks, after the original guestrace's _breakpoint_cb,
// _singlestep_cb and _mem_rw_cb, and libvmi's breakpoint examples:
//
//   - int3 on one of our breakpoints: not reinjected; hand the event to
//     Wait and hold it until Resume; then switch the vCPU to view 0 (the
//     original code) and single-step it.
//   - int3 we did not place: reinjected, the guest's own.
//   - single step done: switch the vCPU back to the shadow view, stop
//     stepping.
//   - read or write of a shadowed page in the shadow view: switch the vCPU
//     to view 0 for one step; after a write, refresh the shadow.

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

func (t *Target) onInt3(e *event) response {
	s := &t.s
	pa, placed := s.placed[e.gla]
	if !placed || t.guestInt3(pa) {
		return response{reinject: true}
	}
	if s.bps[e.gla] == nil || s.closing {
		// Removed while the hit was on its way: the vCPU runs the
		// instruction again, now without the breakpoint.
		return response{}
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
		// Teardown removed the shadow pages: the vCPU runs the
		// original instruction in view 0.
		return response{}
	}
	rsp := response{singleStep: true, setSLAT: true, slat: 0}
	if h.regsChanged {
		*e.regs = h.ev.Regs
		rsp.setRegs = true
	}
	return rsp
}

// guestInt3 reports whether the original page holds an int3 at pa: the
// guest's own (Linux patches its text through int3), to be reinjected even
// where we have a breakpoint too.
func (t *Target) guestInt3(pa uint64) bool {
	var b [1]byte
	return t.drv.readPA(pa, b[:]) == nil && b[0] == int3
}

func (t *Target) onSingleStep(e *event) response {
	s := &t.s
	if gfn, ok := s.resync[e.vcpu]; ok {
		delete(s.resync, e.vcpu)
		if pg := s.pages[gfn]; pg != nil {
			// An error leaves the shadow stale until the next write;
			// nothing better can be done from a callback.
			_ = t.syncShadow(pg)
		}
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
		s.resync[e.vcpu] = e.gfn
	}
	return response{singleStep: true, setSLAT: true, slat: 0}
}
