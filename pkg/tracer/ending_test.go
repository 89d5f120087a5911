package tracer

import (
	"bytes"
	"context"
	"syscall"
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

// closedPipe is an output whose reader went away after n bytes.
type closedPipe struct{ n int }

func (p *closedPipe) Write(b []byte) (int, error) {
	if len(b) > p.n {
		return p.n, syscall.EPIPE
	}
	p.n -= len(b)
	return len(b), nil
}

func newScripted(t *testing.T, script *vmitest.Script, w output.Writer) *Tracer {
	t.Helper()
	calls := []guestos.Syscall{{Name: "close", Symbol: "__x64_sys_close", Addr: fnClose, ABI: "x64"}}
	l, err := loop.NewWithOS(script, &guestostest.RegsOS{Syms: map[string]uint64{"__x64_sys_close": fnClose}, Comm: "w"})
	require.NoError(t, err)
	tr := New(l, w)
	_, err = tr.Instrument(calls, nil, testTable{})
	require.NoError(t, err)
	return tr
}

// TestWriteFailureEndsTrace: when the output cannot be written (the
// reader closed the pipe), the trace ends by itself instead of stopping
// the guest for lines nobody reads, and the error is kept.
func TestWriteFailureEndsTrace(t *testing.T) {
	var events []vmi.Event
	for i := range 100 {
		events = append(events, evPID(fnClose, 40, 41, uint64(i), 0, rsp), evPID(retSite, 40, 41, 0, 0, rsp+8))
	}
	script := vmitest.NewScript(events...)
	tr := newScripted(t, script, output.NewText(&closedPipe{n: 10}, printers.Options{}))
	require.NoError(t, tr.Run(context.Background()), "Run ends without the script blocking")
	require.NoError(t, tr.Close())
	assert.ErrorIs(t, tr.WriteErr(), syscall.EPIPE)
	assert.Less(t, tr.Counts().Calls, uint64(100), "the trace stopped early")
	assert.True(t, script.Closed, "the guest was let go")
}

// TestGuestGoneLeavesCallsUnfinished: calls in progress when the guest
// went away print as unfinished, not detached.
func TestGuestGoneLeavesCallsUnfinished(t *testing.T) {
	script := vmitest.NewScript(evPID(fnClose, 40, 41, 3, 0, rsp))
	script.Gone = true
	var out bytes.Buffer
	tr := newScripted(t, script, output.NewText(&out, printers.Options{}))
	assert.ErrorIs(t, tr.Run(context.Background()), vmi.ErrGuestGone)
	tr.Close()
	assert.Equal(t, "[pid 40/41 w] close(3 <unfinished ...>\n", out.String())
	assert.NoError(t, tr.WriteErr())
}
