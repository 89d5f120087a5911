package linux

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/guestos"
)

// TestExitArgs: at a function's exit the arguments come from the pt_regs
// below the per-CPU top of the thread's stack, whatever the registers
// hold by then; the same as at the entry, x86-64 and i386.
func TestExitArgs(t *testing.T) {
	s := newSynth(t, false, 0x1e200000)
	l, err := Attach(s.target, s.profile)
	require.NoError(t, err)
	require.True(t, l.ExitsSupported())
	for name, at := range map[string]uint64{"x64": linkOpenat, "ia32": linkIA32Open} {
		regs := s.bpOpenat
		if name == "ia32" {
			regs = s.bpIA32Openat
		}
		var want, got [6]uint64
		require.NoError(t, l.Args(&regs, &want), name)
		regs.RDI, regs.RSI, regs.RIP = 0xdead, 0xbeef, at+s.slide+0x40 // at an exit
		require.NoError(t, l.ExitArgs(&regs, at+s.slide, &got), name)
		assert.Equal(t, want, got, name)
	}
	// A bad top of stack is reported, not followed.
	s.m.Put64(physPercpu0+percpuTop, 0x1000)
	var args [6]uint64
	regs := s.bpOpenat
	assert.ErrorIs(t, l.ExitArgs(&regs, linkOpenat+s.slide, &args), guestos.ErrBadGuestData)
}

// TestExitsWithoutTopOfStack: a profile without the per-CPU top of stack
// leaves calls to their entry.
func TestExitsWithoutTopOfStack(t *testing.T) {
	s := newSynth(t, false, 0x1e200000)
	delete(s.profile.Symbols, "cpu_current_top_of_stack")
	l, err := Attach(s.target, s.profile)
	require.NoError(t, err)
	assert.False(t, l.ExitsSupported())
}

// TestCodeBounds: functions end at the next symbol; jumps to the return
// thunk return, jumps into a system call's own code are followed, jumps
// into code the whole kernel shares are not; return addresses inside
// do_syscall_64 are the dispatcher's.
func TestCodeBounds(t *testing.T) {
	s := newSynth(t, false, 0x1e200000)
	l, err := Attach(s.target, s.profile)
	require.NoError(t, err)
	slide := s.slide
	end, ok := l.CodeEnd(linkOpenat + slide)
	require.True(t, ok)
	assert.Equal(t, linkOpenat+slide+0x40, end, "__ia32_sys_openat follows")
	end, ok = l.CodeEnd(linkOpenat + slide + 0x10) // a jump target inside
	require.True(t, ok)
	assert.Equal(t, linkOpenat+slide+0x40, end)
	assert.Equal(t, guestos.JumpReturn, l.JumpKind(linkText+0xe01ef0+slide))
	assert.Equal(t, guestos.JumpCode, l.JumpKind(linkIA32Open+slide+0x8))
	assert.Equal(t, guestos.JumpShared, l.JumpKind(linkText+0x59ef00+slide+0x20))
	assert.True(t, l.Dispatched(linkOpenat+slide, linkText+0x3ef0+slide+0x60))
	assert.False(t, l.Dispatched(linkOpenat+slide, linkText+0x59ef00+slide))
	assert.False(t, l.Dispatched(linkIA32Open+slide, linkText+0x3ef0+slide+0x60), "i386 calls return elsewhere")
}
