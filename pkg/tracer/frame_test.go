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

// frameOS reads a call's number from rax and its stack pointer from rsp,
// as guestos.SyscallFrameReader.
type frameOS struct{ guestostest.RegsOS }

func (frameOS) SyscallFrame(r *vmi.Regs) (nr, sp uint64, err error) { return r.RAX, r.RSP, nil }

// TestFrameReachesTheDecoder: the number the tracer reads at a call of
// sys_ni_syscall names the line, on the entry and after a call of
// another thread came between entry and return.
func TestFrameReachesTheDecoder(t *testing.T) {
	calls := []guestos.Syscall{
		{Name: "ni_syscall", Symbol: "__x64_sys_ni_syscall", Addr: fnOther, ABI: "x64"},
		{Name: "close", Symbol: "__x64_sys_close", Addr: fnClose, ABI: "x64"},
	}
	script := vmitest.NewScript(
		ev(fnOther, 41, 1, 183, rsp), // afs_syscall
		ev(fnClose, 42, 3, 0, rsp),
		ev(retSite, 42, 0, 0, rsp+8),
		ev(retSite, 41, 0, ^uint64(37), rsp+8), // -ENOSYS
	)
	script.Gone = true
	os := &frameOS{guestostest.RegsOS{Syms: map[string]uint64{"__x64_sys_ni_syscall": fnOther, "__x64_sys_close": fnClose}, Comm: "w"}}
	l, err := loop.NewWithOS(script, os)
	require.NoError(t, err)
	var out bytes.Buffer
	tr := New(l, output.NewText(&out, printers.Options{}))
	_, err = tr.Instrument(calls, nil, oslinux.Table)
	require.NoError(t, err)
	require.ErrorIs(t, tr.Run(context.Background()), vmi.ErrGuestGone)
	require.NoError(t, tr.Close())
	assert.Equal(t, ""+
		"[pid 40/41 w] afs_syscall(0x1, 0, 0, 0, 0 <unfinished ...>\n"+
		"[pid 40/42 w] close(3)                                = 0\n"+
		"[pid 40/41 w] <... afs_syscall resumed>)              = -1 ENOSYS (Function not implemented)\n",
		out.String())
}
