package tracer

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/guestostest"
	"github.com/guestrace/guestrace/pkg/loop"
	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/guestrace/guestrace/pkg/vmi"
	"github.com/guestrace/guestrace/pkg/vmi/vmitest"
)

// resetOS tells events with GS base newGS as the new kernel's.
type resetOS struct{ guestostest.RegsOS }

const newGS = 0xffff999900000000

func (o *resetOS) CheckEvent(regs *vmi.Regs) error {
	if regs.GSBase == newGS {
		return fmt.Errorf("per-CPU base moved: %w", guestos.ErrGuestReset)
	}
	return nil
}

func (o *resetOS) CheckKernel() error { return nil }

// TestFollowAfterReset: a reset ends Run with ErrGuestReset, the call in
// progress is unfinished (not detached), and Follow traces the same calls
// on the new kernel's loop into the same output, counting both.
func TestFollowAfterReset(t *testing.T) {
	calls := []guestos.Syscall{{Name: "close", Symbol: "__x64_sys_close", Addr: fnClose, ABI: "x64"}}
	syms := map[string]uint64{"__x64_sys_close": fnClose}
	bogus := ev(fnClose, 99, 9, 0, rsp)
	bogus.Regs.GSBase = newGS
	old := vmitest.NewScript(ev(fnClose, 41, 3, 0, rsp), bogus)
	l, err := loop.NewWithOS(old, &resetOS{guestostest.RegsOS{Syms: syms, Comm: "w"}})
	require.NoError(t, err)
	var out bytes.Buffer
	tr := New(l, output.NewText(&out, printers.Options{}))
	_, err = tr.Instrument(calls, nil, testTable{})
	require.NoError(t, err)
	require.ErrorIs(t, tr.Run(context.Background()), guestos.ErrGuestReset)
	require.NoError(t, tr.Close())
	assert.True(t, old.Closed)
	assert.Empty(t, old.Inserted(), "every breakpoint removed")

	const newClose = fnClose + 0x200000 // another slide
	next := vmitest.NewScript(ev(newClose, 51, 4, 0, rsp), ev(retSite, 51, 0, 0, rsp+8))
	next.Blocked = make(chan struct{})
	blocked := next.Blocked
	l2, err := loop.NewWithOS(next, &guestostest.RegsOS{Syms: map[string]uint64{"__x64_sys_close": newClose}, Comm: "w"})
	require.NoError(t, err)
	n, err := tr.Follow(l2)
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	done := make(chan error, 1)
	go func() { done <- tr.Run(context.Background()) }()
	<-blocked
	l2.Quit()
	require.NoError(t, <-done)
	require.NoError(t, tr.Close())
	assert.Equal(t, ""+
		"[pid 40/41 w] close(3 <unfinished ...>\n"+
		"[pid 40/51 w] close(4) = 0\n",
		out.String())
	assert.Equal(t, output.Counts{Calls: 2, Returns: 1, Unfinished: 1}, tr.Counts())
}
