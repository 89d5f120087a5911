package loop

import (
	"context"
	"fmt"
	"testing"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/guestostest"
	"github.com/guestrace/guestrace/pkg/vmi"
	"github.com/guestrace/guestrace/pkg/vmi/vmitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	fnCreateFile = 0xfffff80000410000
	fnOpenKey    = 0xfffff80000420000
	kstack       = 0xffff8000aa006f00 // a Windows thread's kernel stack
)

// newNTLoop traces NtCreateFile and NtOpenKey at their return address,
// as Windows guests are, and records what the callbacks see.
func newNTLoop(t *testing.T, ft *vmitest.Script) (*Loop, *[]string) {
	t.Helper()
	l, err := NewWithOS(ft, &guestostest.RegsOS{Syms: map[string]uint64{"NtCreateFile": fnCreateFile, "NtOpenKey": fnOpenKey}})
	require.NoError(t, err)
	var out []string
	onCall := func(s *State, _ any) any {
		var a [6]uint64
		require.NoError(t, s.Args(&a))
		out = append(out, fmt.Sprintf("%s(%#x) tid=%d", s.Func.Name, a[0], s.Thread.TID))
		return s.Func.Name
	}
	onRet := func(s *State, data, _ any) {
		out = append(out, fmt.Sprintf("%s = %#x tid=%d", data, s.ReturnValue(), s.Thread.TID))
	}
	for _, fn := range []string{"NtCreateFile", "NtOpenKey"} {
		ok, err := l.SetCallback(fn, onCall, onRet, nil)
		require.NoError(t, err)
		require.True(t, ok)
	}
	l.OnUnfinished(func(th *guestos.Thread, f *Func, _ any) {
		out = append(out, fmt.Sprintf("%s <unfinished> tid=%d", f.Name, th.TID))
	})
	return l, &out
}

// TestNestedKernelCall: a driver's kernel-mode NtOpenKey runs inside a
// user's NtCreateFile on the same thread, deeper on its stack, and
// returns to the same dispatcher site: both calls print, each with its
// own return, and the outer one is not taken for dead.
func TestNestedKernelCall(t *testing.T) {
	ft := vmitest.NewScript(
		callAt(0, fnCreateFile, 7, kstack, 0x1000),
		callAt(1, fnOpenKey, 9, stackB, 0x9),       // another thread meanwhile
		callAt(0, fnOpenKey, 7, kstack-0x5a8, 0x2), // nested, kernel mode
		retAt(0, 7, kstack-0x5a8, 0),               // NtOpenKey returns STATUS_SUCCESS
		retAt(1, 9, stackB, 0xc0000034),
		retAt(0, 7, kstack, 0x103), // NtCreateFile returns STATUS_PENDING
	)
	ft.Gone = true
	l, out := newNTLoop(t, ft)
	require.ErrorIs(t, l.Run(context.Background()), vmi.ErrGuestGone)
	assert.Equal(t, []string{
		"NtCreateFile(0x1000) tid=7",
		"NtOpenKey(0x9) tid=9",
		"NtOpenKey(0x2) tid=7",
		"NtOpenKey = 0x0 tid=7",
		"NtOpenKey = 0xc0000034 tid=9",
		"NtCreateFile = 0x103 tid=7",
	}, *out)
	assert.Equal(t, Stats{Calls: 3, Returns: 3, Stops: 6}, l.Stats())
	assert.Empty(t, l.pending)
}

// TestLeftCalls: a thread whose stack pointer shows it left a call gets
// that call reported unfinished: a new call at the same depth (its task
// reused), a return of the outer call past an inner one that never
// returned, or a new call on another stack altogether.
func TestLeftCalls(t *testing.T) {
	ft := vmitest.NewScript(
		callAt(0, fnCreateFile, 7, kstack, 1),
		callAt(0, fnOpenKey, 7, kstack-0x300, 2),
		retAt(0, 7, kstack, 0), // the outer returns: the inner is over
		callAt(0, fnCreateFile, 7, kstack, 3),
		callAt(0, fnCreateFile, 7, kstack, 4),      // same depth: the first died
		callAt(0, fnOpenKey, 7, kstack-(1<<20), 5), // another stack
		retAt(0, 7, kstack-(1<<20), 0),
	)
	ft.Gone = true
	l, out := newNTLoop(t, ft)
	require.ErrorIs(t, l.Run(context.Background()), vmi.ErrGuestGone)
	assert.Equal(t, []string{
		"NtCreateFile(0x1) tid=7",
		"NtOpenKey(0x2) tid=7",
		"NtOpenKey <unfinished> tid=7",
		"NtCreateFile = 0x0 tid=7",
		"NtCreateFile(0x3) tid=7",
		"NtCreateFile <unfinished> tid=7",
		"NtCreateFile(0x4) tid=7",
		"NtCreateFile <unfinished> tid=7",
		"NtOpenKey(0x5) tid=7",
		"NtOpenKey = 0x0 tid=7",
	}, *out)
	assert.Empty(t, l.pending)
	assert.Zero(t, l.npend)
}

// TestCloseUnwindsNestedCalls: at detach a thread's calls are reported
// innermost first.
func TestCloseUnwindsNestedCalls(t *testing.T) {
	ft := vmitest.NewScript(
		callAt(0, fnCreateFile, 7, kstack, 1),
		callAt(0, fnOpenKey, 7, kstack-0x300, 2),
	)
	ft.Gone = true
	l, out := newNTLoop(t, ft)
	require.ErrorIs(t, l.Run(context.Background()), vmi.ErrGuestGone)
	require.NoError(t, l.Close())
	assert.Equal(t, []string{
		"NtCreateFile(0x1) tid=7",
		"NtOpenKey(0x2) tid=7",
		"NtOpenKey <unfinished> tid=7",
		"NtCreateFile <unfinished> tid=7",
	}, *out)
}
