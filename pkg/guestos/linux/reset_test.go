package linux

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/guestos"
)

// TestResetCheck: events of the attached kernel pass, reading the guest
// once per per-CPU base; once init_task no longer reads "swapper" at the
// slide found (a new kernel elsewhere), an event with a new per-CPU base
// and the check of every vCPU say the guest was reset; so does a vCPU
// back in real mode.
func TestResetCheck(t *testing.T) {
	s := newSynth(t, false, 0x1e200000)
	l, err := Attach(s.target, s.profile)
	require.NoError(t, err)
	ev := s.bpOpenat
	require.NoError(t, l.CheckEvent(&ev))
	require.NoError(t, l.CheckKernel())
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = l.CheckEvent(&ev) }), "the event path allocates nothing")

	// The reset: the old kernel's init_task is gone from where it was.
	s.m.MustWrite(s.phys(linkInitTask)+offComm, []byte("gt-other\x00"))
	assert.NoError(t, l.CheckEvent(&ev), "a per-CPU base seen before is not read again")
	moved := ev
	moved.GSBase += 0x40000000
	assert.ErrorIs(t, l.CheckEvent(&moved), guestos.ErrGuestReset)
	assert.ErrorIs(t, l.CheckKernel(), guestos.ErrGuestReset)

	real := ev
	real.GSBase, real.CR0, real.CR3 = 0, 0x60000010, 0
	assert.ErrorIs(t, l.CheckEvent(&real), guestos.ErrGuestReset)
}
