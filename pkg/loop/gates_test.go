package loop

import (
	"context"
	"strings"
	"testing"

	"github.com/guestrace/guestrace/pkg/guestos/guestostest"
	"github.com/guestrace/guestrace/pkg/vmi"
	"github.com/guestrace/guestrace/pkg/vmi/vmitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	fnOpen32 = 0xffffffff81400000
	fnGate   = 0xffffffff81500000
)

// gatedOS puts __ia32_* behind one dispatcher, as Linux does.
type gatedOS struct{ guestostest.RegsOS }

func (*gatedOS) Gates(fn string) []string {
	if strings.HasPrefix(fn, "__ia32_") {
		return []string{"ia32_sys_call"}
	}
	return nil
}

func TestGateArmsOnFirstUse(t *testing.T) {
	ft := vmitest.NewScript(
		callAt(0, fnOpen, 7, stackA, 1),
		retAt(0, 7, stackA, 3),
		callAt(0, fnGate, 8, stackB, 0), // a 32-bit call passes the dispatcher
		callAt(0, fnOpen32, 8, stackB, 2),
		retAt(0, 8, stackB, 4),
	)
	ft.Gone = true
	os := &gatedOS{guestostest.RegsOS{Syms: map[string]uint64{
		"__x64_sys_openat": fnOpen, "__ia32_sys_openat": fnOpen32, "ia32_sys_call": fnGate,
	}}}
	l, err := NewWithOS(ft, os)
	require.NoError(t, err)
	var out []string
	onCall := func(s *State, _ any) any { out = append(out, "call "+s.Func.Name); return nil }
	onRet := func(s *State, _, _ any) { out = append(out, "ret "+s.Func.Name) }
	n, err := l.SetCallbacks([]Callback{
		{Func: "__x64_sys_openat", OnCall: onCall, OnReturn: onRet},
		{Func: "__ia32_sys_openat", OnCall: onCall, OnReturn: onRet},
	})
	require.NoError(t, err)
	assert.Equal(t, 2, n, "a function behind a gate counts as set")
	// Only the 64-bit entry and the gate are armed before any 32-bit call.
	assert.Equal(t, []string{"Z 0xffffffff81100000", "Z 0xffffffff81500000"}, ft.Log[:2])

	require.ErrorIs(t, l.Run(context.Background()), vmi.ErrGuestGone)
	assert.Equal(t, []string{
		"call __x64_sys_openat", "ret __x64_sys_openat",
		"call __ia32_sys_openat", "ret __ia32_sys_openat",
	}, out)
	assert.Equal(t, []string{
		"Z 0xffffffff81100000", "Z 0xffffffff81500000", // attach: the 64-bit entry, the gate
		"Z 0xffffffff81001234", // openat's return
		"Z 0xffffffff81400000", // the gate opens: the 32-bit entry
		"z 0xffffffff81001234", // (openat's return, stale, goes)
		"Z 0xffffffff81001234", // the 32-bit openat's return
		"z 0xffffffff81500000", // and the gate goes, at the next stop
	}, ft.Log)
	assert.EqualValues(t, 1, l.Stats().Gates)
}

func TestNoGatesArmsAtOnce(t *testing.T) {
	ft := vmitest.NewScript()
	ft.Gone = true
	os := &guestostest.RegsOS{Syms: map[string]uint64{"__ia32_sys_openat": fnOpen32}}
	l, err := NewWithOS(ft, os)
	require.NoError(t, err)
	_, err = l.SetCallbacks([]Callback{{Func: "__ia32_sys_openat", OnCall: func(*State, any) any { return nil }}})
	require.NoError(t, err)
	assert.Equal(t, []string{"Z 0xffffffff81400000"}, ft.Log)

	// A gate the kernel lacks: armed at once too.
	ft2 := vmitest.NewScript()
	gos := &gatedOS{guestostest.RegsOS{Syms: map[string]uint64{"__ia32_sys_openat": fnOpen32}}}
	l2, err := NewWithOS(ft2, gos)
	require.NoError(t, err)
	_, err = l2.SetCallbacks([]Callback{{Func: "__ia32_sys_openat", OnCall: func(*State, any) any { return nil }}})
	require.NoError(t, err)
	assert.Equal(t, []string{"Z 0xffffffff81400000"}, ft2.Log)
}
