package linux

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/guestos"
)

// TestCurrentBeforeSwapgs: a vCPU stopped in kernel mode between an entry
// from user mode and its swapgs still has the user's GS base (0 here) in
// GSBase; the kernel's is in KernelGSBase.
func TestCurrentBeforeSwapgs(t *testing.T) {
	s := newSynth(t, false, 0x1e000000)
	l, err := Attach(s.target, s.profile)
	require.NoError(t, err)
	regs := s.bpOpenat
	regs.GSBase, regs.KernelGSBase = 0, s.gs0

	var th guestos.Thread
	require.NoError(t, l.Current(&regs, &th))
	assert.Equal(t, uint32(43), th.PID)
	assert.Equal(t, uint32(44), th.TID)
	assert.Equal(t, "gt-fileops", string(th.Name()))

	// Neither base a kernel address: still refused, never guessed.
	regs.KernelGSBase = 0x7f0000001000
	assert.ErrorIs(t, l.Current(&regs, &th), guestos.ErrBadGuestData)
}
