package wintest

import (
	"context"
	"fmt"

	"github.com/guestrace/guestrace/pkg/guestos/x86/x86test"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// Step is one scripted stop: a vCPU arriving at Addr with Regs. Before, if
// set, runs first, as the guest would have run up to the stop (a kernel
// writing results into user memory before it returns).
type Step struct {
	VCPU   int
	Regs   vmi.Regs
	Before func()
}

// Target is a vmi.Target over the guest's memory that plays a script:
// a step is delivered only when a breakpoint is inserted at its rip, as
// a real guest would hit it; the others are run through silently. After
// the script it reports that the guest went away.
type Target struct {
	*x86test.Target
	Script  []Step
	Resumes int
}

var _ vmi.Target = (*Target)(nil)

// NewTarget makes a target for g with vcpus vCPUs in their initial state.
func NewTarget(g *Guest, vcpus int) *Target {
	regs := make([]vmi.Regs, vcpus)
	for i := range regs {
		regs[i] = g.Regs(i)
	}
	return &Target{Target: x86test.NewTarget(g.Mem, regs...)}
}

func (t *Target) Wait(ctx context.Context, ev *vmi.Event) error {
	for len(t.Script) > 0 {
		s := t.Script[0]
		t.Script = t.Script[1:]
		if s.Before != nil {
			s.Before()
		}
		if s.VCPU >= 0 && s.VCPU < len(t.VCPU) {
			t.VCPU[s.VCPU] = s.Regs
		}
		if t.Breakpoints[s.Regs.RIP] {
			*ev = vmi.Event{VCPU: s.VCPU, Addr: s.Regs.RIP, Regs: s.Regs}
			return nil
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return fmt.Errorf("wintest: end of script: %w", vmi.ErrGuestGone)
}

func (t *Target) Resume(*vmi.Event) error {
	t.Resumes++
	return nil
}

// RetSite is where the system-call dispatcher (KiSystemServiceCopyEnd)
// resumes after an Nt function returns.
const RetSite = KernelBase + 0x300200

// Call is a vCPU's arrival at the entry of the function at fn with args,
// on a thread whose kernel stack ends at stackTop: the dispatcher has just
// pushed the return address and copied the stack arguments (Before).
func (g *Guest) Call(vcpu int, stackTop, fn uint64, args ...uint64) Step {
	r := g.Regs(vcpu)
	r.RIP, r.RSP = fn, stackTop-0x200
	regs := []*uint64{&r.RCX, &r.RDX, &r.R8, &r.R9}
	for i := 0; i < len(args) && i < len(regs); i++ {
		*regs[i] = args[i]
	}
	return Step{VCPU: vcpu, Regs: r, Before: func() {
		g.Put64(r.RSP, RetSite)
		for i := 4; i < len(args); i++ {
			g.Put64(r.RSP+0x28+8*uint64(i-4), args[i])
		}
	}}
}

// Return is the return of the call at with the NTSTATUS status; before,
// if set, runs first, as the kernel writing its results.
func Return(at Step, status uint64, before func()) Step {
	r := at.Regs
	r.RIP, r.RSP, r.RAX = RetSite, at.Regs.RSP+8, status
	return Step{VCPU: at.VCPU, Regs: r, Before: before}
}
