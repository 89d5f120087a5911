package qemu

import (
	"context"
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/arch/x86/x86asm"

	"github.com/guestrace/guestrace/internal/guestlab"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// The instructions guestrace breaks on in the lab kernel, read from the
// running guest (ftrace and alternatives rewrite code at boot): every
// __x64_sys_* entry, and the return site in do_syscall_64 that every
// system call returns to.

// returnSite breaks once on __x64_sys_close while the guest closes
// something and returns the return address on the stack.
func returnSite(tb testing.TB, g *guestlab.Guest, tg *Target, closeFn uint64) uint64 {
	require.NoError(tb, tg.InsertBreakpoint(closeFn))
	done := execAsync(g, "cat /proc/version")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var ev vmi.Event
	require.NoError(tb, tg.Wait(ctx, &ev))
	var b [8]byte
	require.NoError(tb, tg.readVirt(ev.VCPU, ev.Regs.RSP, b[:]))
	require.NoError(tb, tg.RemoveBreakpoint(closeFn))
	require.NoError(tb, tg.Resume(&ev))
	require.NoError(tb, (<-done).err)
	return binary.LittleEndian.Uint64(b[:])
}

// describe disassembles the instruction at the start of code.
func describe(code []byte) string {
	in, err := x86asm.Decode(code, 64)
	if err != nil {
		return fmt.Sprintf("(% x: %v)", code[:min(len(code), 4)], err)
	}
	return fmt.Sprintf("%s [% x]", x86asm.GNUSyntax(in, 0, nil), code[:in.Len])
}

func TestLiveBreakSites(t *testing.T) {
	if testing.Short() {
		t.Skip("boots the lab guest (skipped under -short)")
	}
	const vcpus = 2
	g := guestlab.Boot(t, guestlab.Options{VCPUs: vcpus})
	prof := loadProfile(t, g.Profile)
	slide := kaslrSlide(t, g, prof)
	tg := dialLab(t, g)
	defer tg.Close()

	t.Run("system call entries", func(t *testing.T) {
		byKind := map[string]int{}
		byInsn := map[string]int{}
		var stepped []string
		for name, s := range prof.Symbols {
			if !strings.HasPrefix(name, "__x64_sys_") || strings.Contains(name, ".") {
				continue // .cold parts are not entries
			}
			var code [16]byte
			require.NoError(t, tg.readVirt(0, s.Address+slide, code[:]), name)
			in := classify(code[:])
			byKind[in.kind.String()]++
			byInsn[describe(code[:])]++
			if in.kind == emuNone {
				stepped = append(stepped, name+": "+describe(code[:]))
			}
		}
		for _, k := range slices.Sorted(maps.Keys(byInsn)) {
			t.Logf("%5d  %s", byInsn[k], k)
		}
		t.Logf("by resume: %v", byKind)
		assert.Greater(t, byKind["nop"], 400)
		assert.Empty(t, stepped, "entries that would be single-stepped")
	})

	closeFn := prof.sym(t, "__x64_sys_close") + slide
	ret := returnSite(t, g, tg, closeFn)
	doSyscall := prof.sym(t, "do_syscall_64") + slide
	t.Run("return site", func(t *testing.T) {
		var code [16]byte
		require.NoError(t, tg.readVirt(0, ret, code[:]))
		t.Logf("__x64_sys_close returns to do_syscall_64+%#x: %s", ret-doSyscall, describe(code[:]))
		assert.Less(t, ret-doSyscall, uint64(0x100), "inside do_syscall_64")
		// mov %rax,0x50(%rbx): the return value into pt_regs->ax.
		assert.Equal(t, []byte{0x48, 0x89, 0x43, 0x50}, code[:4])
		assert.Equal(t, insn{kind: emuStore, len: 4, src: rRAX, mem: memOperand{base: rRBX, index: regNone, scale: 1, disp: 0x50}}, classify(code[:]))
	})

	t.Run("every return emulated", func(t *testing.T) {
		// With a breakpoint on the return site every system call of the
		// guest stops there: the shell's, the console's, the
		// workload's. Each result reaches user space only through the
		// emulated store, and gt-closeloop -v writes each one down.
		require.NoError(t, tg.InsertBreakpoint(ret))
		kind, err := tg.BreakpointKind(ret)
		require.NoError(t, err)
		require.Equal(t, "mov m64,r64", kind)
		before := tg.Stats()
		done := execAsync(g, "gt-closeloop 1000 -v >/tmp/out; grep -c 'close(-1) = -1 EBADF (Bad file descriptor)$' /tmp/out; grep -o '^CLOSELOOP n=1000 ' /tmp/out")
		wctx, wcancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer wcancel()
		var res execResult
		go func() { res = <-done; wcancel() }()
		hits, kernelRBX := 0, 0
		perVCPU := make([]int, vcpus)
		for {
			var ev vmi.Event
			if err := tg.Wait(wctx, &ev); err != nil {
				require.ErrorIs(t, err, context.Canceled)
				break
			}
			require.Equal(t, ret, ev.Regs.RIP)
			hits++
			perVCPU[ev.VCPU]++
			if onKernelStack(&ev.Regs, ev.Regs.RSP, ev.Regs.RBX+0x50) {
				kernelRBX++
			}
			require.NoError(t, tg.Resume(&ev))
		}
		require.NoError(t, res.err)
		assert.Equal(t, "1000\nCLOSELOOP n=1000 \n", res.out, "the workload saw every result")
		st := tg.Stats()
		t.Logf("%d returns (per vCPU %v), stats %+v", hits, perVCPU, st)
		assert.Greater(t, hits, 2000, "the workload's calls and its writes")
		assert.Equal(t, hits, kernelRBX, "pt_regs->ax on the live kernel stack every time")
		assert.Equal(t, uint64(hits), st.Emulated-before.Emulated)
		assert.Equal(t, before.Stepped, st.Stepped)
		require.NoError(t, tg.RemoveBreakpoint(ret))
	})
}

// benchReturns measures hits at the return site of every system call
// while gt-closeloop runs, resuming by emulating the store or by single
// step.
func benchReturns(b *testing.B, step bool) {
	g := benchGuest(b)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	tg := dialLab(b, g)
	defer tg.Close()
	ret := returnSite(b, g, tg, benchLab.prof.sym(b, "__x64_sys_close")+benchLab.slide)
	out, status, err := g.Exec(ctx, "gt-closeloop 1000000000 >/dev/null &")
	require.NoError(b, err)
	require.Equal(b, 0, status, out)
	defer func() {
		g.Exec(ctx, "killall gt-closeloop")
	}()
	require.NoError(b, tg.InsertBreakpoint(ret))
	if step {
		tg.bps[ret].insn = insn{kind: emuNone}
	}
	var ev vmi.Event
	before := tg.Stats()
	// Resume's own share: the packets that get past the instruction
	// (the rest of a hit is the stop, 'g', and the guest retranslating
	// what it runs after QEMU flushed its code).
	var resume time.Duration
	n := 0
	measure(b, "hit", 200, func() {
		if err := tg.Wait(ctx, &ev); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := tg.Resume(&ev); err != nil {
			b.Fatal(err)
		}
		resume += time.Since(start)
		n++
	})
	b.ReportMetric(float64(resume.Nanoseconds())/float64(n), "resume-ns/hit")
	st := tg.Stats()
	b.ReportMetric(float64(st.Emulated-before.Emulated), "emulated")
	b.ReportMetric(float64(st.Stepped-before.Stepped), "stepped")
	require.NoError(b, tg.RemoveBreakpoint(ret))
}

func BenchmarkLiveReturnEmulated(b *testing.B) { benchReturns(b, false) }
func BenchmarkLiveReturnStepped(b *testing.B)  { benchReturns(b, true) }
