package qemu

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/vmi"
)

// TestResumeAfterResetWhileStopped: a guest reset while it is stopped at
// an event moves the vCPU to the reset vector; Resume then refuses to
// emulate the old instruction (which would write the old kernel's rip)
// and says the guest was reset; Close removes the breakpoints.
func TestResumeAfterResetWhileStopped(t *testing.T) {
	s, tg := newFakeTarget(t, 1, nil)
	require.NoError(t, tg.InsertBreakpoint(fnNop))
	s.mu.Lock()
	s.hitOnRun = &fakeHit{0, fnNop}
	s.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var ev vmi.Event
	require.NoError(t, tg.Wait(ctx, &ev))
	s.mu.Lock()
	s.hitOnRun = nil
	s.setReg(0, rRIP, 0xfff0) // system_reset
	s.mu.Unlock()
	n0 := len(s.Log())
	err := tg.Resume(&ev)
	require.ErrorIs(t, err, vmi.ErrGuestReset)
	assert.NotContains(t, s.Log()[n0:], "cffffffff80001005", "no resume as the old instruction")
	assert.Equal(t, Stats{Hits: 1}, tg.Stats())
	require.NoError(t, tg.Close())
}
