package linux

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/vmi"
)

var layouts = []struct {
	name  string
	la57  bool
	slide uint64
}{
	{"4-level", false, 0x1e200000},
	{"5-level", true, 0x0c400000},
	{"nokaslr", false, 0},
}

func TestAttach(t *testing.T) {
	for _, c := range layouts {
		t.Run(c.name, func(t *testing.T) {
			s := newSynth(t, c.la57, c.slide)
			l, err := Attach(s.target, s.profile)
			require.NoError(t, err)
			assert.Equal(t, c.slide, l.Slide())
			assert.Equal(t, c.la57, l.LA57())
			assert.Equal(t, s.kpt.Root, l.KernelRoot())
			assert.Equal(t, "6.1.0-56-cloud-amd64", l.Release())
			assert.Equal(t, guestos.Linux, l.Type())
			assert.Equal(t, 1, s.target.Pauses)
			assert.Equal(t, 1, s.target.Unpauses)
			assert.False(t, s.target.Paused)

			addr, ok := l.Symbol("__x64_sys_openat")
			require.True(t, ok)
			assert.Equal(t, linkOpenat+c.slide, addr)
			addr, ok = l.Symbol("current_task")
			require.True(t, ok)
			assert.Equal(t, uint64(percpuCurrent), addr, "per-CPU offsets do not move")
			_, ok = l.Symbol("no_such_symbol")
			assert.False(t, ok)
		})
	}
}

// TestAttachFromUserMode: only the vCPU stopped in user mode, under its
// KPTI user table (which does not map init_task).
func TestAttachFromUserMode(t *testing.T) {
	s := newSynth(t, false, 0x1e200000)
	s.target.VCPU = s.target.VCPU[1:]
	l, err := Attach(s.target, s.profile)
	require.NoError(t, err)
	assert.Equal(t, uint64(0x1e200000), l.Slide())
	assert.Equal(t, s.kpt.Root, l.KernelRoot())

	var th guestos.Thread
	require.NoError(t, l.Current(&s.target.VCPU[0], &th))
	assert.Equal(t, uint32(1), th.PID)
	assert.Equal(t, "init", string(th.Name()))
}

func TestSyscalls(t *testing.T) {
	s := newSynth(t, false, 0x1e200000)
	l, err := Attach(s.target, s.profile)
	require.NoError(t, err)
	var got []string
	for _, sc := range l.Syscalls() {
		got = append(got, fmt.Sprintf("%s %s %s %#x", sc.Name, sc.ABI, sc.Symbol, sc.Addr))
	}
	assert.Equal(t, []string{
		"getppid x64 __x64_sys_getppid 0xffffffff9f2b2c10",
		"openat compat __ia32_compat_sys_openat 0xffffffff9f50a130",
		"openat ia32 __ia32_sys_openat 0xffffffff9f50a0f0",
		"openat x64 __x64_sys_openat 0xffffffff9f50a0b0",
	}, got)
}

func TestCurrentAndArgs(t *testing.T) {
	for _, c := range layouts {
		t.Run(c.name, func(t *testing.T) {
			s := newSynth(t, c.la57, c.slide)
			l, err := Attach(s.target, s.profile)
			require.NoError(t, err)
			regs := s.bpOpenat

			var th guestos.Thread
			require.NoError(t, l.Current(&regs, &th))
			assert.Equal(t, uint32(43), th.PID)
			assert.Equal(t, uint32(44), th.TID)
			assert.Equal(t, "gt-fileops", string(th.Name()))
			assert.Equal(t, s.thread.va, th.Key)

			var args [6]uint64
			require.NoError(t, l.Args(&regs, &args))
			assert.Equal(t, [6]uint64{0xffffffffffffff9c, s.userPath, 0x241, 0o640, 0x8888, 0x9999}, args)

			path := make([]byte, 7)
			n, err := l.ReadVirt(&regs, args[1], path)
			require.NoError(t, err)
			assert.Equal(t, 7, n)
			assert.Equal(t, "/tmp/x\x00", string(path))

			ret, err := l.ReturnAddress(&regs)
			require.NoError(t, err)
			assert.Equal(t, s.retAddr, ret)
			regs.RAX = 0xfffffffffffffffe
			assert.Equal(t, int64(-2), l.ReturnValue(&regs))

			// ia32: bx, cx, dx, si, di, bp, 32 bits wide.
			ia := s.bpIA32Openat
			require.NoError(t, l.Args(&ia, &args))
			assert.Equal(t, [6]uint64{0xffffff9c, 0x11112222, 0x241, uint64(uint32(s.userPath)), 0xffffff9c, 0x5555}, args)
		})
	}
}

// TestOldConvention: a kernel before 4.17 has sys_NAME called from C.
func TestOldConvention(t *testing.T) {
	s := newSynth(t, false, 0x1e200000)
	for _, name := range []string{"__x64_sys_openat", "__x64_sys_getppid", "__ia32_sys_openat", "__ia32_compat_sys_openat", "__x64_sys_not_code", "__x64_sys_getppid.cold"} {
		delete(s.profile.Symbols, name)
	}
	s.profile.Symbols["sys_openat"] = s.profile.Symbols["_stext"]
	delete(s.profile.UserTypes, "pt_regs")
	l, err := Attach(s.target, s.profile)
	require.NoError(t, err)
	require.Len(t, l.Syscalls(), 1, "sys_call_table is data, not a system call")
	assert.Equal(t, guestos.Syscall{Name: "openat", Symbol: "sys_openat", Addr: linkText + 0x1e200000, ABI: "x64"}, l.Syscalls()[0])
	regs := vmi.Regs{RDI: 1, RSI: 2, RDX: 3, RCX: 4, R10: 40, R8: 5, R9: 6}
	var args [6]uint64
	require.NoError(t, l.Args(&regs, &args))
	assert.Equal(t, [6]uint64{1, 2, 3, 4, 5, 6}, args)
}

func TestProcesses(t *testing.T) {
	for _, c := range layouts {
		t.Run(c.name, func(t *testing.T) {
			s := newSynth(t, c.la57, c.slide)
			l, err := Attach(s.target, s.profile)
			require.NoError(t, err)
			procs, err := l.Processes()
			require.NoError(t, err)
			var got []string
			for _, p := range procs {
				got = append(got, fmt.Sprintf("%d %d %s", p.PID, p.PPID, p.Name()))
			}
			assert.Equal(t, []string{"0 0 swapper/0", "1 0 init", "42 1 sh", "43 42 gt-fileops"}, got)
		})
	}
}

// TestPerEventReads pins the cost of one event in physical reads (each is
// a round trip to the hypervisor), with and without the translations
// kept across events.
func TestPerEventReads(t *testing.T) {
	for _, c := range layouts {
		t.Run(c.name, func(t *testing.T) {
			s := newSynth(t, c.la57, c.slide)
			l, err := Attach(s.target, s.profile)
			require.NoError(t, err)
			event := func() int {
				s.m.Reads = 0
				var th guestos.Thread
				var args [6]uint64
				regs := s.bpOpenat
				require.NoError(t, l.Current(&regs, &th))
				require.NoError(t, l.Args(&regs, &args))
				_, err := l.ReturnAddress(&regs)
				require.NoError(t, err)
				return s.m.Reads
			}
			levels := 4
			if c.la57 {
				levels = 5
			}
			// Cold: GS base (direct map, 1 GiB page: levels-2 entries),
			// current_task, the task (same 1 GiB page: cached), its
			// fields, the stack (levels entries), pt_regs, the stack's
			// lower page (its page-table entry only), the return address.
			cold := event()
			assert.Equal(t, (levels-2)+1+1+levels+1+1+1, cold)
			// Warm: direct map and top-level entries kept.
			warm := event()
			assert.Equal(t, 1+1+(levels-1)+1+1+1, warm)
			t.Logf("%s: reads per event (Current, Args, ReturnAddress): cold %d, warm %d", c.name, cold, warm)

			l.SetKeepKernel(false)
			assert.Equal(t, cold, event())
		})
	}
}

func TestCurrentAllocationFree(t *testing.T) {
	s := newSynth(t, false, 0x1e200000)
	l, err := Attach(s.target, s.profile)
	require.NoError(t, err)
	regs := s.bpOpenat
	var th guestos.Thread
	var args [6]uint64
	allocs := testing.AllocsPerRun(100, func() {
		if l.Current(&regs, &th) != nil || l.Args(&regs, &args) != nil {
			t.Fatal("event failed")
		}
		if _, err := l.ReturnAddress(&regs); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs)
}
