package loop

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/linux"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/vmi/qemu"
)

// TestLiveExits runs against the lab guest (Debian's kernel under QEMU):
// the exits of nearly every system-call function are found in its code;
// close() of a guest loop is reported whole at its exit, one stop per
// call, with its argument read from the thread's pt_regs; read() is seen
// at its entry and matched at its exit.
func TestLiveExits(t *testing.T) {
	if testing.Short() {
		t.Skip("boots the lab guest (skipped under -short)")
	}
	g := guestlab.Boot(t, guestlab.Options{VCPUs: 1})
	p, err := isf.Load(g.Profile)
	require.NoError(t, err, "the lab's profile: run make guest")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	tgt, err := qemu.Dial(ctx, "unix:"+g.GDBSocket)
	require.NoError(t, err)
	os, err := linux.Attach(tgt, p)
	if err != nil {
		tgt.Close()
	}
	require.NoError(t, err)
	l, err := NewWithOS(tgt, os)
	require.NoError(t, err)
	defer l.Close()
	ex, ok := l.OS().(guestos.Exits)
	require.True(t, ok)
	require.True(t, ex.ExitsSupported(), "the 6.1 kernel's pt_regs and top of stack")

	// The scan, over every system-call function of the kernel.
	calls := l.OS().Syscalls()
	var found, followed int
	for _, sc := range calls {
		s, err := scanExits(l.codeSource(ex), sc.Addr)
		if err != nil {
			require.ErrorIs(t, err, errNoExits)
			t.Logf("%s: %v", sc.Symbol, err)
			continue
		}
		found++
		if len(s.followed) > 0 {
			followed++
		}
	}
	t.Logf("%d of %d system-call functions caught at their exits, %d of them through tail calls", found, len(calls), followed)
	assert.Greater(t, found, len(calls)*95/100)

	type seen struct {
		args   [6]uint64
		atExit bool
		ret    int64
		comm   string
	}
	var closes, reads []seen
	onCall := func(s *State, _ any) any {
		c := &seen{atExit: s.AtExit(), comm: string(s.Thread.Name())}
		require.NoError(t, s.Args(&c.args))
		return c
	}
	onRet := func(s *State, data, _ any) {
		c := data.(*seen)
		c.ret = s.ReturnValue()
		if s.Func.Name == "__x64_sys_close" {
			closes = append(closes, *c)
		} else {
			reads = append(reads, *c)
		}
	}
	n, err := l.SetCallbacks([]Callback{
		{Func: "__x64_sys_close", OnCall: onCall, OnReturn: onRet, ExitOnly: true},
		{Func: "__x64_sys_read", OnCall: onCall, OnReturn: onRet},
	})
	require.NoError(t, err)
	require.Equal(t, 2, n)
	assert.Equal(t, exitOnly, l.byName["__x64_sys_close"].mode)
	assert.Equal(t, entryExit, l.byName["__x64_sys_read"].mode)

	done := make(chan error, 1)
	go func() { done <- l.Run(ctx) }()
	const loops = 2000
	out, status, err := g.Exec(ctx, "/bin/gt-closeloop 2000")
	require.NoError(t, err)
	require.Equal(t, 0, status, out)
	l.Quit()
	require.NoError(t, <-done)

	var ours int
	for _, c := range closes {
		assert.True(t, c.atExit)
		if c.comm == "gt-closeloop" && uint32(c.args[0]) == 0xffffffff {
			ours++
			assert.Equal(t, int64(-9), c.ret, "EBADF")
		}
	}
	assert.Equal(t, loops, ours, "each close() of the loop reported once")
	assert.NotEmpty(t, reads, "the console's shell reads")
	for _, r := range reads {
		assert.False(t, r.atExit)
	}
	st := l.Stats()
	t.Logf("%+v", st)
	assert.Equal(t, uint64(len(closes)), st.ExitOnly)
	// Each close() one stop, each read() two; nothing else stopped.
	assert.Equal(t, uint64(len(closes)+2*len(reads))+st.Unmatched, st.Stops)
	assert.LessOrEqual(t, st.Unmatched, st.Stops/100)
	assert.False(t, errors.Is(err, context.DeadlineExceeded))
}
