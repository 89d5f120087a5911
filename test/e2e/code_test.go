package e2e

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
	"github.com/guestrace/guestrace/pkg/guestos/linux"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/vmi"
	"github.com/guestrace/guestrace/pkg/vmi/qemu"
)

// kernelCode reads the first bytes of kernel functions through a fresh
// connection to the guest's GDB stub, and lets the guest run again.
func kernelCode(t *testing.T, g *guestlab.Guest, funcs ...string) map[string][]byte {
	t.Helper()
	tg, err := qemu.Dial(ctx(t, 30*time.Second), "unix:"+g.GDBSocket)
	require.NoError(t, err)
	defer func() { require.NoError(t, tg.Close()) }()
	p, err := isf.Load(g.Profile)
	require.NoError(t, err)
	l, err := linux.Attach(tg, p)
	require.NoError(t, err)
	require.NoError(t, tg.Pause())
	var regs vmi.Regs
	require.NoError(t, tg.Regs(0, &regs))
	code := map[string][]byte{}
	for _, fn := range funcs {
		addr, ok := l.Symbol(fn)
		require.True(t, ok, fn)
		buf := make([]byte, 16)
		n, err := l.ReadVirt(&regs, addr, buf)
		require.NoError(t, err)
		require.Equal(t, len(buf), n)
		code[fn] = buf
	}
	return code
}
