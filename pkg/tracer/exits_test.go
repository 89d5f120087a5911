package tracer

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/guestostest"
	"github.com/guestrace/guestrace/pkg/loop"
	oslinux "github.com/guestrace/guestrace/pkg/oses/linux"
	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/guestrace/guestrace/pkg/vmi"
	"github.com/guestrace/guestrace/pkg/vmi/vmitest"
)

// TestExitOnlyPrintsTheSameLines: a guest whose calls can be caught at
// their exits. close is printed whole from its exit (one stop); wait4's
// row reads its entry, so it keeps its entry stop; the lines are those of
// a trace that stops at both.
func TestExitOnlyPrintsTheSameLines(t *testing.T) {
	const (
		fnWait4  = fnOther
		closeRet = fnClose + 5 // nop; ret
		wait4Ret = fnWait4 + 5
	)
	code := []byte{0x0f, 0x1f, 0x44, 0x00, 0x00, 0xc3}
	calls := []guestos.Syscall{
		{Name: "close", Symbol: "__x64_sys_close", Addr: fnClose, ABI: "x64"},
		{Name: "wait4", Symbol: "__x64_sys_wait4", Addr: fnWait4, ABI: "x64"},
	}
	run := func(entryTimes bool) (string, []uint64, loop.Stats) {
		events := []vmi.Event{ev(fnWait4, 42, ^uint64(0), 0, rsp)}
		if entryTimes {
			events = append(events, ev(fnClose, 41, 3, 0, rsp))
		}
		events = append(events,
			ev(closeRet, 41, 3, 0, rsp), // at close's exit: its argument is still read from rdi
			ev(wait4Ret, 42, ^uint64(0), ^uint64(9), rsp))
		script := vmitest.NewScript(events...)
		script.Gone = true
		os := &guestostest.ExitsOS{
			RegsOS: guestostest.RegsOS{
				Syms: map[string]uint64{"__x64_sys_close": fnClose, "__x64_sys_wait4": fnWait4},
				Comm: "w",
				Mem:  map[uint64][]byte{fnClose: code, fnWait4: code},
			},
			Ends: map[uint64]uint64{fnClose: fnClose + uint64(len(code)), fnWait4: fnWait4 + uint64(len(code))},
		}
		l, err := loop.NewWithOS(script, os)
		require.NoError(t, err)
		var out bytes.Buffer
		tr := NewConfig(l, output.NewText(&out, printers.Options{}), Config{EntryTimes: entryTimes})
		n, err := tr.Instrument(calls, nil, oslinux.Table)
		require.NoError(t, err)
		require.Equal(t, 2, n)
		placed := script.Inserted()
		require.ErrorIs(t, tr.Run(context.Background()), vmi.ErrGuestGone)
		require.NoError(t, tr.Close())
		return out.String(), placed, l.Stats()
	}
	exitOnly, placed, st := run(false)
	assert.NotContains(t, placed, uint64(fnClose), "close has no entry breakpoint")
	assert.Contains(t, placed, uint64(fnWait4))
	assert.Equal(t, loop.Stats{Calls: 2, Returns: 2, ExitOnly: 1, Stops: 3}, st)
	both, placed, st := run(true)
	assert.Contains(t, placed, uint64(fnClose))
	assert.Equal(t, loop.Stats{Calls: 2, Returns: 2, Stops: 4}, st)
	assert.Equal(t, ""+
		"[pid 40/42 w] wait4(-1,  <unfinished ...>\n"+
		"[pid 40/41 w] close(3)                                = 0\n"+
		"[pid 40/42 w] <... wait4 resumed>NULL, 0, NULL)       = -1 ECHILD (No child processes)\n",
		exitOnly)
	assert.Equal(t, exitOnly, both)
}
