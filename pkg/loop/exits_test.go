package loop

import (
	"context"
	"encoding/binary"
	"fmt"
	"testing"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/guestostest"
	"github.com/guestrace/guestrace/pkg/vmi"
	"github.com/guestrace/guestrace/pkg/vmi/vmitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A guest whose functions are caught at their exits.
const (
	fnClose   = 0xffffffff81400000 // returns by ret or by the return thunk
	fnPread   = 0xffffffff81500000 // tail-calls shared code
	fnRestart = 0xffffffff81600000 // jumps through a register
	shared    = 0xffffffff81700000 // code other kernel functions call too
	thunk     = 0xffffffff81e01ef0 // __x86_return_thunk
	elsewhere = 0xffffffff81234567 // a return address outside the dispatcher
)

// Exits of the code below.
const (
	closeThunkExit = fnClose + 9
	closeRetExit   = fnClose + 14
	sharedExit     = shared + 2
)

// rel32 encodes a jump's displacement from the end of its instruction.
func rel32(from, to uint64) []byte {
	return binary.LittleEndian.AppendUint32(nil, uint32(int32(to-from)))
}

func exitsOS() *guestostest.ExitsOS {
	closeCode := append([]byte{
		0x0f, 0x1f, 0x44, 0x00, 0x00, // nop (ftrace)
		0x85, 0xff, // test edi, edi
		0x74, 0x05, // je +5 (to the ret)
		0xe9, // jmp __x86_return_thunk
	}, rel32(fnClose+14, thunk)...)
	closeCode = append(closeCode, 0xc3, 0xcc) // ret; int3
	preadCode := append([]byte{0x0f, 0x1f, 0x44, 0x00, 0x00, 0xe9}, rel32(fnPread+10, shared)...)
	return &guestostest.ExitsOS{
		RegsOS: guestostest.RegsOS{
			Syms: map[string]uint64{"__x64_sys_close": fnClose, "__x64_sys_pread64": fnPread, "__x64_sys_restart_syscall": fnRestart},
			Mem: map[uint64][]byte{
				fnClose:   closeCode,
				fnPread:   preadCode,
				fnRestart: {0xff, 0xe0, 0xcc, 0xcc}, // jmp rax
				shared:    {0x31, 0xc0, 0xc3, 0xcc}, // xor eax, eax; ret
			},
		},
		Ends: map[uint64]uint64{
			fnClose: fnClose + uint64(len(closeCode)), fnPread: fnPread + uint64(len(preadCode)),
			fnRestart: fnRestart + 4, shared: shared + 4,
		},
		Jumps:      map[uint64]guestos.JumpKind{thunk: guestos.JumpReturn},
		Dispatcher: retSite,
	}
}

// exitAt is thread key at an exit: its stack pointer is its entry's, the
// word there is ret, and the call's arguments are still readable.
func exitAt(vcpu int, addr, key, rsp, ret, arg0, rax uint64) vmi.Event {
	return vmi.Event{VCPU: vcpu, Addr: addr, Regs: vmi.Regs{RIP: addr, RSP: rsp, R15: key, R14: key, R13: key, R12: ret, RDI: arg0, RAX: rax}}
}

// newExitLoop instruments close and pread64 (exitOnly as asked) and
// restart_syscall, and records what the callbacks see.
func newExitLoop(t *testing.T, ft *vmitest.Script, exitOnly bool) (*Loop, *[]string) {
	t.Helper()
	l, err := NewWithOS(ft, exitsOS())
	require.NoError(t, err)
	var out []string
	onCall := func(s *State, _ any) any {
		var a [6]uint64
		require.NoError(t, s.Args(&a))
		out = append(out, fmt.Sprintf("call %s tid=%d arg=%d exit=%v", s.Func.Name, s.Thread.TID, a[0], s.AtExit()))
		return a[0]
	}
	onRet := func(s *State, data, _ any) {
		out = append(out, fmt.Sprintf("ret %s tid=%d = %d arg=%v", s.Func.Name, s.Thread.TID, s.ReturnValue(), data))
	}
	var table []Callback
	for _, fn := range []string{"__x64_sys_close", "__x64_sys_pread64", "__x64_sys_restart_syscall"} {
		table = append(table, Callback{Func: fn, OnCall: onCall, OnReturn: onRet, ExitOnly: exitOnly})
	}
	n, err := l.SetCallbacks(table)
	require.NoError(t, err)
	require.Equal(t, 3, n)
	l.OnUnfinished(func(th *guestos.Thread, f *Func, data any) {
		out = append(out, fmt.Sprintf("unfinished %s tid=%d arg=%v", f.Name, th.TID, data))
	})
	return l, &out
}

// TestExitOnlyCallsStopOnce: a call is reported whole at its function's
// exit, one stop per call; the shared return site is never armed; a
// function whose exits cannot all be found keeps its entry and return
// address.
func TestExitOnlyCallsStopOnce(t *testing.T) {
	ft := vmitest.NewScript(
		exitAt(0, closeThunkExit, 7, stackA, retSite, 3, 0),
		exitAt(1, closeRetExit, 8, stackB, retSite, 4, ^uint64(8)),
		exitAt(0, sharedExit, 7, stackA-0x100, elsewhere, 0, 0), // shared code called by something else
		// Another system call that ends in the same shared code, returning
		// to the dispatcher just as pread64 would (access and faccessat2
		// in do_faccessat): not pread64's, since no entry was seen.
		exitAt(0, sharedExit, 7, stackA, retSite, 6, 0),
		callAt(0, fnPread, 7, stackA, 5),
		exitAt(0, sharedExit, 7, stackA, retSite, 5, 42), // pread64's return
	)
	ft.Gone = true
	l, out := newExitLoop(t, ft, true)
	assert.ElementsMatch(t, []uint64{closeThunkExit, closeRetExit, fnRestart, sharedExit, fnPread}, ft.Inserted(),
		"close has no entry breakpoint; pread64, which ends in shared code, and restart_syscall keep theirs")
	require.ErrorIs(t, l.Run(context.Background()), vmi.ErrGuestGone)
	assert.Equal(t, []string{
		"call __x64_sys_close tid=7 arg=3 exit=true",
		"ret __x64_sys_close tid=7 = 0 arg=3",
		"call __x64_sys_close tid=8 arg=4 exit=true",
		"ret __x64_sys_close tid=8 = -9 arg=4",
		"call __x64_sys_pread64 tid=7 arg=5 exit=false",
		"ret __x64_sys_pread64 tid=7 = 42 arg=5",
	}, *out)
	assert.Equal(t, Stats{Calls: 3, Returns: 3, ExitOnly: 2, Unmatched: 2, Stops: 6}, l.Stats())
	assert.NotContains(t, ft.Log, fmt.Sprintf("Z %#x", uint64(retSite)))
}

// TestEntryAndExit: a callback that needs the entry stops there and at
// the exit, matched by thread and stack pointer; other threads' passes
// through shared code are not matched.
func TestEntryAndExit(t *testing.T) {
	ft := vmitest.NewScript(
		callAt(0, fnPread, 7, stackA, 5),
		exitAt(1, sharedExit, 8, stackB, retSite, 0, 1), // thread 8, pread64 not seen at entry
		callAt(1, fnClose, 8, stackB, 4),
		exitAt(1, closeRetExit, 8, stackB, retSite, 0, 0),
		exitAt(0, sharedExit, 7, stackA, retSite, 0, 42),
		callAt(0, fnRestart, 7, stackA, 1), // caught at the return address
		retAt(0, 7, stackA, 0),
	)
	ft.Gone = true
	l, out := newExitLoop(t, ft, false)
	require.ErrorIs(t, l.Run(context.Background()), vmi.ErrGuestGone)
	assert.Equal(t, []string{
		"call __x64_sys_pread64 tid=7 arg=5 exit=false",
		"call __x64_sys_close tid=8 arg=4 exit=false",
		"ret __x64_sys_close tid=8 = 0 arg=4",
		"ret __x64_sys_pread64 tid=7 = 42 arg=5",
		"call __x64_sys_restart_syscall tid=7 arg=1 exit=false",
		"ret __x64_sys_restart_syscall tid=7 = 0 arg=1",
	}, *out)
	assert.Equal(t, Stats{Calls: 3, Returns: 3, Unmatched: 1, Stops: 7}, l.Stats())
	assert.Empty(t, l.pending)
}

// TestExitScanFallsBack: code that cannot be followed leaves the function
// at its return address; so does code that cannot be read.
func TestExitScanFallsBack(t *testing.T) {
	for name, mutate := range map[string]func(*guestostest.ExitsOS){
		"indirect jump":   func(*guestostest.ExitsOS) {},
		"unreadable code": func(o *guestostest.ExitsOS) { delete(o.Mem, fnRestart) },
		"no bounds":       func(o *guestostest.ExitsOS) { delete(o.Ends, fnRestart) },
		"indirect thunk": func(o *guestostest.ExitsOS) {
			o.Mem[fnRestart] = append([]byte{0xe9}, rel32(fnRestart+5, thunk)...)
			o.Ends[fnRestart] = fnRestart + 5
			o.Jumps[thunk] = guestos.JumpIndirect
		},
		"code the kernel shares": func(o *guestostest.ExitsOS) {
			o.Mem[fnRestart] = append([]byte{0xe9}, rel32(fnRestart+5, shared)...)
			o.Ends[fnRestart] = fnRestart + 5
			o.Jumps[shared] = guestos.JumpShared
		},
		"conditional return": func(o *guestostest.ExitsOS) {
			o.Mem[fnRestart] = append([]byte{0x0f, 0x84}, rel32(fnRestart+6, thunk)...)
			o.Ends[fnRestart] = fnRestart + 6
		},
	} {
		t.Run(name, func(t *testing.T) {
			o := exitsOS()
			mutate(o)
			l, err := NewWithOS(vmitest.NewScript(), o)
			require.NoError(t, err)
			ok, err := l.SetCallback("__x64_sys_restart_syscall", nil, func(*State, any, any) {}, nil)
			require.NoError(t, err)
			require.True(t, ok)
			assert.Equal(t, returnAddr, l.byName["__x64_sys_restart_syscall"].mode)
		})
	}
}

// TestExitOnlyPathAllocatesNothing: once warm, a call reported at its
// exit costs the loop no allocation.
func TestExitOnlyPathAllocatesNothing(t *testing.T) {
	l, err := NewWithOS(vmitest.NewScript(), exitsOS())
	require.NoError(t, err)
	var args [6]uint64
	n, err := l.SetCallbacks([]Callback{{
		Func:     "__x64_sys_close",
		OnCall:   func(s *State, _ any) any { _ = s.Args(&args); return nil },
		OnReturn: func(*State, any, any) {},
		ExitOnly: true,
	}})
	require.NoError(t, err)
	require.Equal(t, 1, n)
	ev := exitAt(0, closeRetExit, 7, stackA, retSite, 3, 0)
	cycle := func() {
		l.ev = ev
		require.NoError(t, l.handle())
		l.removeStale()
	}
	cycle()
	assert.Zero(t, testing.AllocsPerRun(1000, cycle))
	assert.Equal(t, uint64(1002), l.Stats().ExitOnly)
}
