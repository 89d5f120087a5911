package x86test

import (
	"context"
	"fmt"

	"github.com/guestrace/guestrace/pkg/vmi"
)

// Target is a vmi.Target over a Mem with fixed vCPU registers. It never
// produces events: Wait blocks until its context ends.
type Target struct {
	*Mem
	VCPU []vmi.Regs

	Paused           bool
	Pauses, Unpauses int // calls, to check pause/unpause pairing
	Breakpoints      map[uint64]bool
	closed           bool
}

var _ vmi.Target = (*Target)(nil)

// NewTarget makes a target with the given vCPU registers.
func NewTarget(m *Mem, vcpus ...vmi.Regs) *Target {
	return &Target{Mem: m, VCPU: vcpus, Breakpoints: make(map[uint64]bool)}
}

func (t *Target) NumVCPUs() int { return len(t.VCPU) }

func (t *Target) Regs(vcpu int, r *vmi.Regs) error {
	if vcpu < 0 || vcpu >= len(t.VCPU) {
		return fmt.Errorf("vCPU %d: %w", vcpu, vmi.ErrNoVCPU)
	}
	*r = t.VCPU[vcpu]
	return nil
}

func (t *Target) SetRegs(vcpu int, r *vmi.Regs) error {
	if vcpu < 0 || vcpu >= len(t.VCPU) {
		return fmt.Errorf("vCPU %d: %w", vcpu, vmi.ErrNoVCPU)
	}
	t.VCPU[vcpu] = *r
	return nil
}

func (t *Target) InsertBreakpoint(va uint64) error {
	t.Breakpoints[va] = true
	return nil
}

func (t *Target) RemoveBreakpoint(va uint64) error {
	if !t.Breakpoints[va] {
		return fmt.Errorf("%#x: %w", va, vmi.ErrNoBreakpoint)
	}
	delete(t.Breakpoints, va)
	return nil
}

func (t *Target) Wait(ctx context.Context, ev *vmi.Event) error {
	if t.closed {
		return vmi.ErrClosed
	}
	<-ctx.Done()
	return ctx.Err()
}

func (t *Target) Resume(ev *vmi.Event) error { return nil }

func (t *Target) Pause() error {
	t.Pauses++
	t.Paused = true
	return nil
}

func (t *Target) Unpause() error {
	t.Unpauses++
	t.Paused = false
	return nil
}

func (t *Target) Close() error {
	t.closed = true
	return nil
}
