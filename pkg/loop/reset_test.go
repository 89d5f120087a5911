package loop

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/guestostest"
	"github.com/guestrace/guestrace/pkg/vmi"
	"github.com/guestrace/guestrace/pkg/vmi/vmitest"
)

// resetOS is a guest whose kernel is replaced: events whose GS base is
// newGS come from the new kernel, and CheckKernel fails once reset is set.
type resetOS struct {
	guestostest.RegsOS
	reset        atomic.Bool
	kernelChecks atomic.Int32
}

const newGS = 0xffff999900000000

func (o *resetOS) CheckEvent(regs *vmi.Regs) error {
	if regs.GSBase == newGS {
		return fmt.Errorf("per-CPU base %#x: %w", regs.GSBase, guestos.ErrGuestReset)
	}
	return nil
}

func (o *resetOS) CheckKernel() error {
	o.kernelChecks.Add(1)
	if o.reset.Load() {
		return fmt.Errorf("init_task moved: %w", guestos.ErrGuestReset)
	}
	return nil
}

func resetLoop(t *testing.T, ft *vmitest.Script, os *resetOS) (*Loop, *[]string) {
	os.Syms = map[string]uint64{"__x64_sys_openat": fnOpen}
	l, err := NewWithOS(ft, os)
	require.NoError(t, err)
	var out []string
	_, err = l.SetCallback("__x64_sys_openat", func(s *State, _ any) any {
		out = append(out, fmt.Sprintf("call tid=%d", s.Thread.TID))
		return nil
	}, func(*State, any, any) {}, nil)
	require.NoError(t, err)
	return l, &out
}

// TestResetSeenAtAnEvent: an event of the new kernel is neither handled
// nor resumed past; Run returns ErrGuestReset with the guest stopped
// there, and Close removes every breakpoint.
func TestResetSeenAtAnEvent(t *testing.T) {
	bogus := callAt(0, fnOpen, 8, stackB, 2)
	bogus.Regs.GSBase = newGS
	ft := vmitest.NewScript(callAt(0, fnOpen, 7, stackA, 1), bogus, callAt(0, fnOpen, 9, stackA, 3))
	l, out := resetLoop(t, ft, &resetOS{})
	err := l.Run(context.Background())
	require.ErrorIs(t, err, guestos.ErrGuestReset)
	assert.Equal(t, []string{"call tid=7"}, *out)
	assert.Equal(t, 1, ft.Resumes, "not resumed past the new kernel's event")
	assert.Equal(t, uint64(1), l.Stats().Resets)
	require.NoError(t, l.Close())
	assert.Empty(t, ft.Inserted())
}

// TestResetSeenWhileWaiting: with no event, the kernel is checked every
// CheckInterval, and a reset found ends Run.
func TestResetSeenWhileWaiting(t *testing.T) {
	ft := vmitest.NewScript(callAt(0, fnOpen, 7, stackA, 1))
	os := &resetOS{}
	l, _ := resetLoop(t, ft, os)
	done := make(chan error, 1)
	go func() { done <- l.Run(context.Background()) }()
	time.Sleep(CheckInterval + CheckInterval/2)
	select {
	case err := <-done:
		t.Fatalf("Run ended without a reset: %v", err)
	default:
	}
	os.reset.Store(true)
	select {
	case err := <-done:
		require.ErrorIs(t, err, guestos.ErrGuestReset)
	case <-time.After(5 * CheckInterval):
		t.Fatal("Run did not notice the reset")
	}
	assert.GreaterOrEqual(t, os.kernelChecks.Load(), int32(2))
}

// TestNoCheckerNoCheck: an OS layer that cannot tell a reset is not
// checked, and Run waits on the caller's context alone.
func TestNoCheckerNoCheck(t *testing.T) {
	ft := vmitest.NewScript()
	l, err := NewWithOS(ft, &guestostest.RegsOS{})
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), CheckInterval+CheckInterval/2)
	defer cancel()
	require.NoError(t, l.Run(ctx))
	assert.Zero(t, l.Stats().Resets)
}

// paced delivers its script's events gap apart, as a guest making calls
// at that pace would; a Wait whose context ends first is an interrupt of
// the running guest (a stop of the tracer's own).
type paced struct {
	*vmitest.Script
	gap        time.Duration
	interrupts int
}

func (p *paced) Wait(ctx context.Context, ev *vmi.Event) error {
	if len(p.Events) > 0 {
		select {
		case <-ctx.Done():
			p.interrupts++
			return ctx.Err()
		case <-time.After(p.gap):
		}
	}
	return p.Script.Wait(ctx, ev)
}

// TestEventsPostponeTheCheck: while events come (each checked as it
// comes), the guest is never interrupted for a kernel check; once they
// stop, the checks every CheckInterval resume. (An event late by more
// than 0.4 CheckInterval would be an interrupt: the gap leaves room for
// a loaded machine.)
func TestEventsPostponeTheCheck(t *testing.T) {
	const n = 30
	var evs []vmi.Event
	for i := range n {
		evs = append(evs, callAt(0, fnOpen, 7, stackA, uint64(i)))
	}
	ft := &paced{Script: vmitest.NewScript(evs...), gap: CheckInterval / 10}
	os := &resetOS{}
	l, out := resetLoop(t, ft.Script, os)
	l.t = ft
	ctx, cancel := context.WithTimeout(context.Background(), n*ft.gap+2*CheckInterval+CheckInterval/2)
	defer cancel()
	require.NoError(t, l.Run(ctx))
	require.Len(t, *out, n)
	assert.Zero(t, ft.interrupts, "interrupted while events came")
	assert.GreaterOrEqual(t, os.kernelChecks.Load(), int32(2), "checked once events stopped")
}
