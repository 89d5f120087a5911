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
