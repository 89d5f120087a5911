package qemu

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// Live tests: the backend against QEMU's real stub and the lab's Debian
// kernel under TCG.

// labProfile is what the live tests need from build/guest/profile.json
// (a Volatility3 ISF profile).
type labProfile struct {
	Symbols map[string]struct {
		Address uint64 `json:"address"`
	} `json:"symbols"`
	UserTypes map[string]struct {
		Fields map[string]struct {
			Offset uint64 `json:"offset"`
		} `json:"fields"`
	} `json:"user_types"`
}

func loadProfile(t testing.TB, path string) *labProfile {
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var p labProfile
	require.NoError(t, json.Unmarshal(data, &p))
	return &p
}

func (p *labProfile) sym(t testing.TB, name string) uint64 {
	s, ok := p.Symbols[name]
	require.True(t, ok, "profile has no symbol %s", name)
	return s.Address
}

// kaslrSlide reads the running kernel's _text from /proc/kallsyms (the
// guest must be running) and returns its distance from the profile's.
func kaslrSlide(t testing.TB, g *guestlab.Guest, p *labProfile) uint64 {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, status, err := g.Exec(ctx, "echo 0 >/proc/sys/kernel/kptr_restrict; grep ' _text$' /proc/kallsyms")
	require.NoError(t, err)
	require.Equal(t, 0, status, out)
	f := strings.Fields(out)
	require.Len(t, f, 3, "kallsyms line %q", out)
	text, err := strconv.ParseUint(f[0], 16, 64)
	require.NoError(t, err)
	return text - p.sym(t, "_text")
}

// virtToPhys walks 4-level page tables from cr3 with physical reads.
func virtToPhys(tg vmi.Target, cr3, va uint64) (uint64, error) {
	const addrMask = 0x000ffffffffff000
	table := cr3 & addrMask
	var b [8]byte
	for level := 3; level >= 0; level-- {
		shift := 12 + 9*uint(level)
		idx := (va >> shift) & 0x1ff
		if err := tg.ReadPhys(table+idx*8, b[:]); err != nil {
			return 0, err
		}
		e := binary.LittleEndian.Uint64(b[:])
		if e&1 == 0 {
			return 0, fmt.Errorf("%#x not mapped at level %d (entry %#x)", va, level+1, e)
		}
		if level > 0 && level < 3 && e&0x80 != 0 { // 1 GiB or 2 MiB page
			size := uint64(1) << shift
			return (e & addrMask &^ (size - 1)) | va&(size-1), nil
		}
		table = e & addrMask
	}
	return table | va&0xfff, nil
}

// cString is b up to its first NUL.
func cString(b []byte) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return string(b[:i])
	}
	return string(b)
}

func dialLab(t testing.TB, g *guestlab.Guest) *Target {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	tg, err := Dial(ctx, "unix:"+g.GDBSocket)
	require.NoError(t, err)
	return tg
}

func qmpStatus(t testing.TB, g *guestlab.Guest) string {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	st, err := g.QMPStatus(ctx)
	require.NoError(t, err)
	return st
}

func TestLive(t *testing.T) {
	if testing.Short() {
		t.Skip("boots the lab guest (skipped under -short)")
	}
	const vcpus = 2
	g := guestlab.Boot(t, guestlab.Options{VCPUs: vcpus})
	prof := loadProfile(t, g.Profile)
	slide := kaslrSlide(t, g, prof)
	t.Logf("KASLR slide %#x", slide)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	version, status, err := g.Exec(ctx, "cat /proc/version")
	require.NoError(t, err)
	require.Equal(t, 0, status)

	openat := prof.sym(t, "__x64_sys_openat") + slide

	tg := dialLab(t, g)
	defer tg.Close()
	require.Equal(t, vcpus, tg.NumVCPUs())
	assert.Equal(t, "paused", qmpStatus(t, g), "Dial leaves the guest paused")

	var cr3 uint64
	t.Run("registers", func(t *testing.T) {
		for v := range vcpus {
			var r vmi.Regs
			require.NoError(t, tg.Regs(v, &r))
			t.Logf("vCPU %d: rip %#x cs %#x cr0 %#x cr3 %#x cr4 %#x efer %#x gs %#x kgs %#x", v, r.RIP, r.CS, r.CR0, r.CR3, r.CR4, r.EFER, r.GSBase, r.KernelGSBase)
			assert.NotZero(t, r.CR0&(1<<31), "CR0.PG")
			assert.NotZero(t, r.EFER&(1<<10), "EFER.LMA")
			assert.Zero(t, r.CR3&0xfff, "cr3 page aligned (no PCID on qemu64)")
			assert.NotZero(t, r.CR3)
			assert.Less(t, r.CR3, uint64(512)<<20, "cr3 within RAM")
			// The kernel's per-CPU base is gs_base in the kernel and
			// k_gs_base (swapped) in user mode; so it is in kernel mode
			// between an entry from user mode and its swapgs (a vCPU
			// stopped on entry_SYSCALL_64's first instruction).
			kgs := r.GSBase
			if r.CS&3 == 3 || r.GSBase < 0xffff800000000000 {
				kgs = r.KernelGSBase
			}
			assert.GreaterOrEqual(t, kgs, uint64(0xffff800000000000), "kernel gs base")
			if r.CS&3 == 0 {
				assert.GreaterOrEqual(t, r.RIP, uint64(0xffff800000000000), "kernel rip")
			}
			cr3 = r.CR3
		}
	})

	t.Run("linux_banner", func(t *testing.T) {
		va := prof.sym(t, "linux_banner") + slide
		pa, err := virtToPhys(tg, cr3, va)
		require.NoError(t, err)
		phys := make([]byte, 256)
		require.NoError(t, tg.ReadPhys(pa, phys))
		virt := make([]byte, 256)
		require.NoError(t, tg.readVirt(0, va, virt))
		assert.Equal(t, virt, phys, "virtual read through the stub == physical read after our walk")
		assert.Equal(t, strings.TrimRight(version, "\n"), strings.TrimRight(cString(phys), "\n"))
		assert.True(t, strings.HasPrefix(cString(phys), "Linux version "+g.Release+" "), "%q", cString(phys))
	})

	t.Run("init_task comm", func(t *testing.T) {
		va := prof.sym(t, "init_task") + slide + prof.UserTypes["task_struct"].Fields["comm"].Offset
		pa, err := virtToPhys(tg, cr3, va)
		require.NoError(t, err)
		comm := make([]byte, 16)
		require.NoError(t, tg.ReadPhys(pa, comm))
		assert.Equal(t, "swapper/0", cString(comm))
	})

	var code [16]byte
	require.NoError(t, tg.readVirt(0, openat, code[:]))
	t.Logf("__x64_sys_openat at %#x: % x", openat, code)

	t.Run("breakpoint hit", func(t *testing.T) {
		require.NoError(t, tg.InsertBreakpoint(openat))
		kind, err := tg.BreakpointKind(openat)
		require.NoError(t, err)
		assert.Equal(t, "nop", kind)
		done := execAsync(g, "cat /proc/version")
		var ev vmi.Event
		wctx, wcancel := context.WithTimeout(ctx, time.Minute)
		defer wcancel()
		require.NoError(t, tg.Wait(wctx, &ev))
		assert.Equal(t, openat, ev.Addr)
		assert.Equal(t, openat, ev.Regs.RIP)
		assert.Zero(t, ev.Regs.CS&3, "stopped in the kernel")
		assert.Less(t, ev.VCPU, vcpus)
		// Wait's registers are those of the vCPU that hit.
		var r vmi.Regs
		require.NoError(t, tg.Regs(ev.VCPU, &r))
		assert.Equal(t, ev.Regs, r)
		require.NoError(t, tg.RemoveBreakpoint(openat))
		require.NoError(t, tg.Resume(&ev))
		res := <-done
		require.NoError(t, res.err)
		assert.Equal(t, version, res.out)
	})

	t.Run("thousand hits emulated", func(t *testing.T) {
		// QEMU 7.2 flushes its translated code at every breakpoint stop,
		// so a hit costs as much as retranslating what the guest runs
		// between hits: a tight close() loop keeps that small. With -v
		// the workload writes each call's result, which must be EBADF
		// every time.
		closeFn := prof.sym(t, "__x64_sys_close") + slide
		before := tg.Stats()
		require.NoError(t, tg.InsertBreakpoint(closeFn))
		kind, err := tg.BreakpointKind(closeFn)
		require.NoError(t, err)
		assert.Equal(t, "nop", kind)
		done := execAsync(g, "gt-closeloop 1000 -v >/tmp/out; grep -c 'close(-1) = -1 EBADF (Bad file descriptor)$' /tmp/out; grep -o '^CLOSELOOP n=1000 ' /tmp/out")
		hits := 0
		wctx, wcancel := context.WithCancel(ctx)
		defer wcancel()
		var res execResult
		go func() { res = <-done; wcancel() }()
		for {
			var ev vmi.Event
			if err := tg.Wait(wctx, &ev); err != nil {
				require.ErrorIs(t, err, context.Canceled)
				require.NoError(t, res.err)
				assert.Equal(t, "1000\nCLOSELOOP n=1000 \n", res.out, "the workload saw nothing")
				break
			}
			require.Equal(t, closeFn, ev.Regs.RIP)
			hits++
			require.NoError(t, tg.Resume(&ev))
		}
		st := tg.Stats()
		t.Logf("%d hits, stats %+v", hits, st)
		assert.GreaterOrEqual(t, hits, 1000)
		assert.Equal(t, uint64(hits), st.Emulated-before.Emulated)
		assert.Equal(t, before.Stepped, st.Stepped)
		require.NoError(t, tg.RemoveBreakpoint(closeFn))
	})

	t.Run("single step", func(t *testing.T) {
		// The instruction after the ftrace NOP cannot be emulated here
		// (or is not at the start): the breakpoint is stepped over.
		at := openat + 5
		require.NoError(t, tg.InsertBreakpoint(at))
		kind, _ := tg.BreakpointKind(at)
		if kind != "step" {
			tg.bps[at].insn = insn{kind: emuNone}
		}
		before := tg.Stats()
		done := execAsync(g, "cat /proc/version")
		var ev vmi.Event
		wctx, wcancel := context.WithTimeout(ctx, time.Minute)
		defer wcancel()
		require.NoError(t, tg.Wait(wctx, &ev))
		assert.Equal(t, at, ev.Regs.RIP)
		require.NoError(t, tg.Resume(&ev))
		// Removed while the guest runs: interrupt, remove, continue.
		require.NoError(t, tg.RemoveBreakpoint(at))
		res := <-done
		require.NoError(t, res.err)
		assert.Equal(t, version, res.out)
		assert.Equal(t, before.Stepped+1, tg.Stats().Stepped)
	})

	t.Run("close leaves the guest running with its code", func(t *testing.T) {
		closeFn := prof.sym(t, "__x64_sys_close") + slide
		require.NoError(t, tg.InsertBreakpoint(openat))
		require.NoError(t, tg.InsertBreakpoint(closeFn))
		// Stopped at an event when closing.
		done := execAsync(g, "cat /proc/version")
		var ev vmi.Event
		wctx, wcancel := context.WithTimeout(ctx, time.Minute)
		defer wcancel()
		require.NoError(t, tg.Wait(wctx, &ev))
		require.NoError(t, tg.Close())
		res := <-done
		require.NoError(t, res.err)
		assert.Equal(t, version, res.out)
		assert.Equal(t, "running", qmpStatus(t, g))
		out, status, err := g.Exec(ctx, "echo still here")
		require.NoError(t, err)
		assert.Equal(t, 0, status)
		assert.Equal(t, "still here\n", out)

		// A new connection sees the same code and no breakpoint.
		tg2 := dialLab(t, g)
		var after [16]byte
		require.NoError(t, tg2.readVirt(0, openat, after[:]))
		assert.Equal(t, code, after)
		require.NoError(t, tg2.Close())
		assert.Equal(t, "running", qmpStatus(t, g))
	})

	t.Run("client gone without detaching", func(t *testing.T) {
		// QEMU 7.2 keeps the breakpoints of a client that disappears: the
		// guest stops at the next hit and stays stopped.
		closeFn := prof.sym(t, "__x64_sys_close") + slide
		tg3 := dialLab(t, g)
		require.NoError(t, tg3.InsertBreakpoint(closeFn))
		require.NoError(t, tg3.Unpause())
		tg3.nc.Close()
		done := execAsync(g, "echo unstuck")
		require.Eventually(t, func() bool {
			st, err := g.QMPStatus(ctx)
			return err == nil && st == "debug"
		}, time.Minute, 50*time.Millisecond)
		// A new client clears them; closing it lets the guest run on.
		tg4 := dialLab(t, g)
		require.NoError(t, tg4.Close())
		res := <-done
		require.NoError(t, res.err)
		assert.Equal(t, "unstuck\n", res.out)
		assert.Equal(t, "running", qmpStatus(t, g))
	})
}

type execResult struct {
	out    string
	status int
	err    error
}

// execAsync runs a command in the guest while the test drives the stub.
func execAsync(g *guestlab.Guest, cmd string) <-chan execResult {
	ch := make(chan execResult, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		out, status, err := g.Exec(ctx, cmd)
		if err == nil && status != 0 {
			err = fmt.Errorf("%q exited with %d: %s", cmd, status, out)
		}
		ch <- execResult{out, status, err}
	}()
	return ch
}
