package libvmi

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/vmi"
)

// The defects a review against Xen 4.17 and libvmi 0.15 found, each
// against the fake modelling the Xen or libvmi behaviour in question.

// A breakpoint whose page cannot be trapped must not take the others with
// it. Models Xen 4.17 xen/arch/x86/mm/p2m.c: p2m_change_altp2m_gfn widens
// the view's remapped range to every frame mapped into it, and
// p2m_altp2m_propagate_change resets the whole view (p2m_reset_altp2m)
// when a frame of that range is freed. The failed frame is kept and
// reused; frames are freed after the view is destroyed (DRAKVUF's
// vmi.c close_vmi frees its frames after destroying its views).
func TestFailedShadowKeepsOtherBreakpoints(t *testing.T) {
	tg, f := newTestTarget(t, false)
	require.NoError(t, tg.InsertBreakpoint(bpVA))
	f.setFail("vmi_set_mem_event", errors.New("xc_altp2m_set_mem_access failed"))
	require.Error(t, tg.InsertBreakpoint(bp2VA))
	f.setFail("vmi_set_mem_event", nil)

	assert.Equal(t, byte(0xcc), f.guestByte(0, bpPA), "the first breakpoint's shadow is still mapped")
	assert.Contains(t, f.state(), "restricted=1 ", "the first page is still execute-only")
	assert.NotContains(t, f.takeCalls(), "vmi_free_gfn 0x20001")

	// The frame is reused for the next page.
	require.NoError(t, tg.InsertBreakpoint(bp2VA))
	calls := f.takeCalls()
	assert.NotContains(t, calls, "vmi_alloc_gfn 0x20002")
	assert.Contains(t, calls, "vmi_slat_change_gfn 1 0x1001 0x20001")
	assert.Equal(t, byte(0xcc), f.guestByte(0, bp2PA))
	assert.Equal(t, byte(0xcc), f.guestByte(0, bpPA))

	require.NoError(t, tg.Close())
	assert.Equal(t, cleanState, f.state())
}

// mapAlias maps a second kernel address to textGFN, as the kernel's
// direct map does for its text.
const aliasVA = 0xffff888001000000 + 0x40

func mapAlias(f *fakeDriver) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pt[kernelPGD][aliasVA>>pageShift] = textGFN
}

// A vCPU reaching one of our int3s through an address no breakpoint
// stands for must step over it in view 0, not re-run it forever. Models
// libvmi's xen_events.c process_software_breakpoint: an int3 answered
// without reinjection or a view switch resumes at the same rip, which in
// the shadow view is the 0xCC again.
func TestAliasHitStepsInView0(t *testing.T) {
	tg, f := newTestTarget(t, false)
	mapAlias(f)
	require.NoError(t, tg.InsertBreakpoint(bpVA))
	require.NoError(t, tg.InsertBreakpoint(aliasVA))
	require.NoError(t, tg.RemoveBreakpoint(aliasVA))
	assert.Equal(t, byte(0xcc), f.guestByte(0, bpPA), "bpVA keeps the shared 0xCC")

	f.inject(&event{kind: evInt3, vcpu: 1, gla: aliasVA, regs: &vmi.Regs{RIP: aliasVA}})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	assert.True(t, errors.Is(tg.Wait(ctx, &vmi.Event{}), context.DeadlineExceeded), "not for Wait")
	assert.Equal(t, []string{"int3 vcpu=1 0xffff888001000040 -> toggle-singlestep,slat=0"}, f.takeAnswers())
	assert.Equal(t, byte(0x50), f.guestByte(1, bpPA), "vCPU 1 runs the original byte")

	// Through the address still placed, the hit is a breakpoint.
	f.inject(&event{kind: evInt3, vcpu: 0, gla: bpVA, regs: &vmi.Regs{RIP: bpVA}})
	var ev vmi.Event
	require.NoError(t, tg.Wait(context.Background(), &ev))
	assert.Equal(t, uint64(bpVA), ev.Addr)
	require.NoError(t, tg.Resume(&ev))
}

// A RemoveBreakpoint that fails to restore the byte leaves the
// breakpoint listed (the 0xCC is still there), so that a hit is still
// answered as a breakpoint and a second remove finishes the job.
func TestRemoveFailureKeepsBreakpoint(t *testing.T) {
	tg, f := newTestTarget(t, false)
	require.NoError(t, tg.InsertBreakpoint(bpVA))
	f.setFail("vmi_write_pa", errors.New("xc_map_foreign_range failed"))
	require.Error(t, tg.RemoveBreakpoint(bpVA))
	f.setFail("vmi_write_pa", nil)

	f.inject(&event{kind: evInt3, vcpu: 0, gla: bpVA, regs: &vmi.Regs{RIP: bpVA}})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	var ev vmi.Event
	require.NoError(t, tg.Wait(ctx, &ev), "the hit is a breakpoint's")
	require.NoError(t, tg.Resume(&ev))
	require.Eventually(t, func() bool { return f.answered() == 1 }, time.Second, time.Millisecond)
	assert.Equal(t, []string{"int3 vcpu=0 0xffffffff81000040 -> toggle-singlestep,slat=0"}, f.takeAnswers())
	require.NoError(t, tg.Pause())

	require.NoError(t, tg.RemoveBreakpoint(bpVA))
	assert.Equal(t, byte(0x50), f.guestByte(1, bpPA), "the original byte is back in the shadow")
}

// A shadow page is made with the domain paused: another vCPU's write to
// the page between its copy and its mapping would otherwise be missing
// from the shadow. Models Xen's altp2m: vmi_slat_change_gfn
// (xc_altp2m_change_gfn, p2m_change_altp2m_gfn) maps the copy as it is,
// and writes in view 0 to a page not yet trapped raise no event. DRAKVUF
// pauses around inject_trap_pa (libdrakvuf/vmi.c).
func TestShadowMadePaused(t *testing.T) {
	tg, f := newTestTarget(t, false)
	require.NoError(t, tg.Unpause())
	f.takeCalls()
	f.mu.Lock()
	f.racer = &[2]uint64{bpPA + 1, 0x90}
	f.mu.Unlock()
	require.NoError(t, tg.InsertBreakpoint(bpVA))
	var orig [1]byte
	require.NoError(t, tg.ReadPhys(bpPA+1, orig[:]))
	assert.Equal(t, orig[0], f.guestByte(0, bpPA+1), "shadow and original agree")
	calls := f.takeCalls()
	require.NotEmpty(t, calls)
	assert.Equal(t, "vmi_pause_vm", calls[1], "paused before the frame is taken: %v", calls)
	assert.Equal(t, "vmi_resume_vm", calls[len(calls)-2], "resumed once made: %v", calls)
	assert.Contains(t, f.state(), "pauses=0 ")

	// Paused already: no second pause.
	require.NoError(t, tg.Pause())
	f.takeCalls()
	require.NoError(t, tg.InsertBreakpoint(bp2VA))
	assert.NotContains(t, f.takeCalls(), "vmi_pause_vm")
}

// One instruction stepped in view 0 after a write trap may write more
// than the page that trapped (a string move, a store across a page
// boundary); every shadow whose original changed is refreshed. Models
// Xen's altp2m: in view 0 (the host p2m) the shadowed pages carry no
// access restriction, so the other writes raise no event
// (p2m_mem_access_check runs only on a violation of the view's access).
func TestStepWriteResyncsEveryPage(t *testing.T) {
	tg, f := newTestTarget(t, false)
	require.NoError(t, tg.InsertBreakpoint(bpVA))
	require.NoError(t, tg.InsertBreakpoint(bp2VA))
	f.inject(&event{kind: evMemAccess, vcpu: 0, gfn: textGFN, gla: textVA + pageSize - 2, access: memW, regs: &vmi.Regs{}})
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	done, _ := waitAsync(tg, ctx)
	require.Eventually(t, func() bool { return f.answered() == 1 }, time.Second, time.Millisecond)
	// The 4-byte store crossing into the next page, made in view 0.
	for i, b := range []byte{1, 2, 3, 4} {
		f.hostWrite(textGFN<<pageShift+pageSize-2+uint64(i), b)
	}
	f.inject(&event{kind: evSingleStep, vcpu: 0, regs: &vmi.Regs{}})
	<-done
	assert.Equal(t, []byte{1, 2, 3, 4}, []byte{
		f.guestByte(0, textGFN<<pageShift+pageSize-2), f.guestByte(0, textGFN<<pageShift+pageSize-1),
		f.guestByte(0, (textGFN+1)<<pageShift), f.guestByte(0, (textGFN+1)<<pageShift+1),
	}, "both shadows have the write")
	assert.Equal(t, byte(0xcc), f.guestByte(0, bpPA))
	assert.Equal(t, byte(0xcc), f.guestByte(0, bp2PA))
}

// More vCPUs than libvmi's 32-bit single-step mask holds (events.h
// SET_VCPU_SINGLESTEP: vcpus |= 1 << x; shim.c gt_singlestep_event) is
// refused at open, the domain untouched.
func TestTooManyVCPUs(t *testing.T) {
	f := newFake(33)
	_, err := newTarget(f, "big", Options{NoSignals: true})
	require.Error(t, err)
	assert.Equal(t, "big: 33 vCPUs: guestrace's Xen backend handles at most 32 (libvmi's single-step event takes a 32-bit vCPU mask)", err.Error())
	assert.Equal(t, []string{"vmi_destroy"}, f.takeCalls())

	f = newFake(32)
	tg, err := newTarget(f, "dom", Options{NoSignals: true})
	require.NoError(t, err)
	require.NoError(t, tg.Close())
}

// SetRegs outside an event reads, changes and writes back all registers
// (libvmi's xen_set_vcpuregs_hvm, xen.c, gets and sets the HVM context):
// the domain is paused in between, and the fields that function does not
// write (shadow_gs, cs_sel, ss_sel) are refused instead of lost.
func TestSetRegsOutsideEventPausedAndChecked(t *testing.T) {
	tg, f := newTestTarget(t, false)
	require.NoError(t, tg.Unpause())
	f.takeCalls()
	r := f.vcpuRegs(1)
	r.RIP = 0x1234
	require.NoError(t, tg.SetRegs(1, &r))
	assert.Equal(t, []string{"vmi_pause_vm", "vmi_set_vcpuregs 1 rip=0x1234", "vmi_resume_vm"}, f.takeCalls())

	for _, change := range []func(*vmi.Regs){
		func(r *vmi.Regs) { r.KernelGSBase = 0xffff888003c00000 },
		func(r *vmi.Regs) { r.CS = 0x33 },
		func(r *vmi.Regs) { r.SS = 0x2b },
	} {
		r := f.vcpuRegs(1)
		change(&r)
		err := tg.SetRegs(1, &r)
		assert.True(t, errors.Is(err, vmi.ErrUnsupported), "%v", err)
	}
	assert.Equal(t, uint64(0x1234), f.vcpuRegs(1).RIP)
	assert.Contains(t, f.state(), "pauses=0 ")
}

// The domain's memory limit: lifted for the shadow frames, put back at
// Close. Models libvmi 0.15's xen.c: xen_init_vmi lifts it
// (xc_domain_setmaxmem ~0) and xen_destroy "restores" max_gpfn *
// XC_PAGE_SIZE, bytes where xc_domain_setmaxmem takes KiB, so after
// vmi_destroy the limit is neither the domain's nor lifted.
func TestMemLimitRestored(t *testing.T) {
	tg, f := newTestTarget(t, false)
	require.NoError(t, tg.InsertBreakpoint(bpVA))
	assert.Contains(t, f.state(), "memlimit=lifted")
	require.NoError(t, tg.Close())
	assert.Contains(t, f.state(), "memlimit=own")
	calls := f.takeCalls()
	assert.Equal(t, []string{"vmi_destroy", "xc_domain_setmaxmem 525312"}, calls[len(calls)-2:], "after libvmi's own restore")
}

// A signal while Open sets the domain up (the library used by a program
// of its own, no handler yet) must not kill the program with the domain
// paused and half set up: the target closes itself after the grace
// period. Models Xen's pause count (xen/common/domain.c
// domain_pause_by_systemcontroller): a pause nobody releases keeps the
// domain stopped.
func TestSignalDuringSetup(t *testing.T) {
	defer func(g time.Duration) { signalGrace = g }(signalGrace)
	signalGrace = 100 * time.Millisecond
	f := newFake(2)
	f.onCall["vmi_slat_create"] = func() { _ = syscall.Kill(syscall.Getpid(), syscall.SIGINT) }
	_, err := newTarget(f, "dom", Options{})
	require.NoError(t, err)
	require.Eventually(t, func() bool { return f.state() == cleanState }, 5*time.Second, 10*time.Millisecond, f.state())
}

// newDyingTarget is a target whose program will die without Close.
func newDyingTarget(t *testing.T, dir string) (*Target, *fakeDriver) {
	f := newFake(2)
	f.mapPage(kernelPGD, textVA, textGFN, 0x10)
	f.mapPage(kernelPGD, textVA+pageSize, textGFN+1, 0x20)
	for v := range f.vregs {
		f.vregs[v].CR3 = kernelPGD
	}
	tg, err := newTarget(f, "dom", Options{NoSignals: true, StateDir: dir})
	require.NoError(t, err)
	require.NoError(t, tg.InsertBreakpoint(bpVA))
	require.NoError(t, tg.InsertBreakpoint(bp2VA))
	return tg, f
}

// rescueFake runs the rescue as a guard would, on the same domain.
func rescueFake(t *testing.T, f *fakeDriver, dir string) error {
	f.mu.Lock()
	f.gone = false // opened again
	f.mu.Unlock()
	f.takeCalls()
	return rescueDomain(dir, "dom", func(int) bool { return false }, func() (driver, error) { return f, nil })
}

// After guestrace is killed (SIGKILL) holding a breakpoint event, a
// rescue restores the domain from the record alone: the monitor off,
// which releases the vCPU that waited for an answer (Xen 4.17
// xen/common/vm_event.c vm_event_disable unpauses the vCPUs blocked on
// the ring), views back to 0, shadows unmapped, the view destroyed
// before its frames are freed (p2m.c p2m_altp2m_propagate_change),
// altp2m off, one unpause, the memory limit as before libvmi lifted it.
func TestRescueAfterDeath(t *testing.T) {
	dir := t.TempDir()
	tg, f := newDyingTarget(t, dir)
	f.inject(&event{kind: evInt3, vcpu: 1, gla: bpVA, regs: &vmi.Regs{RIP: bpVA}})
	var ev vmi.Event
	require.NoError(t, tg.Wait(context.Background(), &ev))
	f.mu.Lock()
	f.blocked = 1 // vCPU 1 waits for the answer the dead program owes
	f.mu.Unlock()
	// SIGKILL: nothing more from the tracer.

	require.NoError(t, rescueFake(t, f, dir))
	assert.Equal(t, []string{
		"vmi_pause_vm",
		"xc_monitor_disable 2",
		"vmi_slat_switch 0",
		"vmi_slat_change_gfn 1 0x1000 0xffffffffffffffff",
		"vmi_slat_change_gfn 1 0x1001 0xffffffffffffffff",
		"vmi_slat_destroy 1",
		"vmi_free_gfn 0x20000",
		"vmi_free_gfn 0x20001",
		"vmi_slat_control false",
		"vmi_resume_vm",
		"vmi_destroy",
		"xc_domain_setmaxmem 525312",
	}, f.takeCalls())
	assert.Equal(t, cleanState, f.state())
	_, err := os.Stat(recordPath(dir, "dom"))
	assert.True(t, errors.Is(err, fs.ErrNotExist), "record removed: %v", err)
	assert.NoError(t, rescueFake(t, f, dir), "nothing left to do")
	assert.Empty(t, f.takeCalls())
}

// Killed while holding the domain paused (between Wait calls): the rescue
// releases that pause too, once.
func TestRescuePausedTracer(t *testing.T) {
	dir := t.TempDir()
	_, f := newDyingTarget(t, dir)
	assert.Contains(t, f.state(), "pauses=1 ")
	require.NoError(t, rescueFake(t, f, dir))
	assert.Equal(t, cleanState, f.state())
}

// A record whose guestrace still runs is not rescued; a clean Close
// leaves none.
func TestRescueLeavesLiveTracer(t *testing.T) {
	dir := t.TempDir()
	tg, f := newDyingTarget(t, dir)
	err := rescueDomain(dir, "dom", processAlive, func() (driver, error) { return f, nil })
	assert.True(t, errors.Is(err, ErrAttached), "%v", err)
	assert.True(t, processAlive(os.Getpid()))
	require.NoError(t, tg.Close())
	_, err = os.Stat(recordPath(dir, "dom"))
	assert.True(t, errors.Is(err, fs.ErrNotExist))
	assert.False(t, processAlive(1<<22+1), "no such pid")
}
