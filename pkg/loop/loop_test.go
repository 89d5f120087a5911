package loop

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/guestostest"
	"github.com/guestrace/guestrace/pkg/vmi"
	"github.com/guestrace/guestrace/pkg/vmi/vmitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	fnOpen  = 0xffffffff81100000
	fnRead  = 0xffffffff81200000
	fnExit  = 0xffffffff81300000
	retSite = 0xffffffff81001234 // the one place do_syscall_64 returns to
	stackA  = 0xffffc90000010f58
	stackB  = 0xffffc90000020f58
)

// callAt is thread key's entry into fn on vcpu with rsp, arg0 in rdi.
func callAt(vcpu int, fn, key, rsp, arg0 uint64) vmi.Event {
	return vmi.Event{VCPU: vcpu, Addr: fn, Regs: vmi.Regs{RIP: fn, RSP: rsp, R15: key, R14: key, R13: key, R12: retSite, RDI: arg0}}
}

// retAt is thread key's arrival at the return site, rsp one slot up.
func retAt(vcpu int, key, rspAtCall, rax uint64) vmi.Event {
	return vmi.Event{VCPU: vcpu, Addr: retSite, Regs: vmi.Regs{RIP: retSite, RSP: rspAtCall + 8, R15: key, R14: key, R13: key, RAX: rax}}
}

func newTestLoop(t *testing.T, ft *vmitest.Script) (*Loop, *[]string) {
	t.Helper()
	os := &guestostest.RegsOS{Syms: map[string]uint64{"__x64_sys_openat": fnOpen, "__x64_sys_read": fnRead, "__x64_sys_exit_group": fnExit}}
	l, err := NewWithOS(ft, os)
	require.NoError(t, err)
	var out []string
	onCall := func(s *State, ud any) any {
		var a [6]uint64
		require.NoError(t, s.Args(&a))
		out = append(out, fmt.Sprintf("call %s tid=%d arg=%d ud=%v", s.Func.Name, s.Thread.TID, a[0], ud))
		return fmt.Sprintf("data-%d-%d", s.Thread.TID, a[0])
	}
	onRet := func(s *State, data, ud any) {
		out = append(out, fmt.Sprintf("ret %s tid=%d = %d data=%v", s.Func.Name, s.Thread.TID, s.ReturnValue(), data))
	}
	ok, err := l.SetCallback("__x64_sys_openat", onCall, onRet, "u1")
	require.NoError(t, err)
	require.True(t, ok)
	ok, err = l.SetCallback("__x64_sys_read", onCall, onRet, "u2")
	require.NoError(t, err)
	require.True(t, ok)
	ok, err = l.SetCallback("__x64_sys_exit_group", onCall, nil, "u3")
	require.NoError(t, err)
	require.True(t, ok)
	l.OnUnfinished(func(th *guestos.Thread, f *Func, data any) {
		out = append(out, fmt.Sprintf("unfinished %s tid=%d data=%v", f.Name, th.TID, data))
	})
	return l, &out
}

func TestCallReturnMatchedAcrossVCPUs(t *testing.T) {
	ft := vmitest.NewScript(
		callAt(0, fnOpen, 7, stackA, 1),
		callAt(1, fnRead, 8, stackB, 2),
		retAt(1, 8, stackB, 20), // B returns first, on another vCPU
		retAt(0, 7, stackA, 3),
	)
	ft.Gone = true
	l, out := newTestLoop(t, ft)
	err := l.Run(context.Background())
	require.ErrorIs(t, err, vmi.ErrGuestGone)
	assert.Equal(t, []string{
		"call __x64_sys_openat tid=7 arg=1 ud=u1",
		"call __x64_sys_read tid=8 arg=2 ud=u2",
		"ret __x64_sys_read tid=8 = 20 data=data-8-2",
		"ret __x64_sys_openat tid=7 = 3 data=data-7-1",
	}, *out)
	assert.Equal(t, Stats{Calls: 2, Returns: 2, Stops: 4}, l.Stats())
	assert.Equal(t, 4, ft.Resumes)
}

func TestReturnBreakpointLifetime(t *testing.T) {
	ft := vmitest.NewScript(
		callAt(0, fnOpen, 7, stackA, 1),
		retAt(0, 7, stackA, 3),
		callAt(0, fnOpen, 7, stackA, 1), // re-uses the still-inserted breakpoint
		retAt(0, 7, stackA, 3),
		callAt(0, fnExit, 7, stackA, 0), // a later stop: the stale one goes
	)
	ft.Gone = true
	l, _ := newTestLoop(t, ft)
	require.ErrorIs(t, l.Run(context.Background()), vmi.ErrGuestGone)
	// Inserted once, removed once, and only at a stop after the return.
	assert.Equal(t, []string{
		"Z 0xffffffff81100000", "Z 0xffffffff81200000", "Z 0xffffffff81300000",
		"Z 0xffffffff81001234", "z 0xffffffff81001234",
	}, ft.Log)
	assert.Equal(t, []uint64{fnOpen, fnRead, fnExit}, ft.Inserted())
}

func TestUntracedReturnsDoNotMatch(t *testing.T) {
	// Thread 7 blocks in read; every other syscall of the guest returns
	// through the same site meanwhile, including thread 7's own signal
	// handler at a deeper stack.
	ft := vmitest.NewScript(
		callAt(0, fnRead, 7, stackA, 0),
		retAt(1, 9, stackB, 0),
		retAt(0, 7, stackA-0x200, 0), // same thread, other stack depth
		retAt(1, 9, stackB, 0),
		retAt(0, 7, stackA, 5),
	)
	ft.Gone = true
	l, out := newTestLoop(t, ft)
	require.ErrorIs(t, l.Run(context.Background()), vmi.ErrGuestGone)
	assert.Equal(t, []string{
		"call __x64_sys_read tid=7 arg=0 ud=u2",
		"ret __x64_sys_read tid=7 = 5 data=data-7-0",
	}, *out)
	assert.Equal(t, uint64(3), l.Stats().Unmatched)
}

func TestThreadDiesInsideCall(t *testing.T) {
	// exit_group has no return callback: nothing waits. Thread 8 dies in
	// read (its return never comes); its task is reused by a new thread
	// that calls openat: the old call is reported unfinished, not matched.
	ft := vmitest.NewScript(
		callAt(0, fnExit, 7, stackA, 0),
		callAt(1, fnRead, 8, stackB, 4),
		callAt(1, fnOpen, 8, stackB, 5),
		retAt(1, 8, stackB, 3),
	)
	ft.Gone = true
	l, out := newTestLoop(t, ft)
	require.ErrorIs(t, l.Run(context.Background()), vmi.ErrGuestGone)
	assert.Equal(t, []string{
		"call __x64_sys_exit_group tid=7 arg=0 ud=u3",
		"call __x64_sys_read tid=8 arg=4 ud=u2",
		"unfinished __x64_sys_read tid=8 data=data-8-4",
		"call __x64_sys_openat tid=8 arg=5 ud=u1",
		"ret __x64_sys_openat tid=8 = 3 data=data-8-5",
	}, *out)
	assert.Empty(t, l.pending)
	assert.Equal(t, Stats{Calls: 3, Returns: 1, Unfinished: 1, Stops: 4}, l.Stats())
}

func TestQuitFromAnotherGoroutineAndClose(t *testing.T) {
	ft := vmitest.NewScript(callAt(0, fnRead, 7, stackA, 0))
	ft.Blocked = make(chan struct{})
	blocked := ft.Blocked
	l, out := newTestLoop(t, ft)
	done := make(chan error, 1)
	go func() { done <- l.Run(context.Background()) }()
	<-blocked // Run is waiting with a call in progress
	l.Quit()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after Quit")
	}
	require.NoError(t, l.Close())
	require.NoError(t, l.Close())
	assert.True(t, ft.Closed)
	assert.Equal(t, []string{
		"call __x64_sys_read tid=7 arg=0 ud=u2",
		"unfinished __x64_sys_read tid=7 data=data-7-0",
	}, *out)
	_, err := l.SetCallback("__x64_sys_openat", nil, nil, nil)
	assert.ErrorIs(t, err, vmi.ErrClosed)
}

func TestQuitBeforeRun(t *testing.T) {
	l, _ := newTestLoop(t, vmitest.NewScript())
	l.Quit()
	require.NoError(t, l.Run(context.Background()))
}

func TestSetCallbacksCountsExisting(t *testing.T) {
	ft := vmitest.NewScript()
	os := &guestostest.RegsOS{Syms: map[string]uint64{"__x64_sys_openat": fnOpen}}
	l, err := NewWithOS(ft, os)
	require.NoError(t, err)
	n, err := l.SetCallbacks([]Callback{{Func: "__x64_sys_openat"}, {Func: "__x64_sys_nosuch"}})
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	assert.Equal(t, 1, l.Breakpoints())
	assert.Equal(t, guestos.Linux, l.OSType())
}

func TestUndecodableThreadIsCountedNotMatched(t *testing.T) {
	bad := callAt(0, fnOpen, 7, stackA, 1)
	bad.Regs.R15 = 0 // the OS layer cannot tell who runs
	ft := vmitest.NewScript(bad)
	ft.Gone = true
	l, out := newTestLoop(t, ft)
	require.True(t, errors.Is(l.Run(context.Background()), vmi.ErrGuestGone))
	assert.Equal(t, []string{
		"call __x64_sys_openat tid=0 arg=1 ud=u1",
		"unfinished __x64_sys_openat tid=0 data=data-0-1",
	}, *out)
	assert.Equal(t, uint64(1), l.Stats().Errors)
}

// TestEventPathAllocatesNothing: once warm, a call and its return cost
// the tracer no allocation.
func TestEventPathAllocatesNothing(t *testing.T) {
	ft := vmitest.NewScript()
	l, err := NewWithOS(ft, &guestostest.RegsOS{Syms: map[string]uint64{"__x64_sys_close": fnOpen}})
	require.NoError(t, err)
	var data = new(int)
	ok, err := l.SetCallback("__x64_sys_close",
		func(*State, any) any { return data },
		func(*State, any, any) {}, nil)
	require.NoError(t, err)
	require.True(t, ok)
	call, ret := callAt(0, fnOpen, 7, stackA, 1), retAt(0, 7, stackA, 0)
	cycle := func() {
		l.ev = call
		require.NoError(t, l.handle())
		l.removeStale()
		l.ev = ret
		require.NoError(t, l.handle())
		l.removeStale()
	}
	cycle()
	assert.Zero(t, testing.AllocsPerRun(1000, cycle))
	// One cycle first, then AllocsPerRun's warm-up run and its 1000.
	assert.Equal(t, Stats{Calls: 1002, Returns: 1002, Stops: 2004}, l.Stats())
}
