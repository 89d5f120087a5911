package libvmi

import (
	"context"
	"errors"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/vmi"
)

const (
	kernelPGD = 0x1000000
	textVA    = 0xffffffff81000000
	textGFN   = 0x1000
	bpVA      = textVA + 0x40 // byte 0x50 in the fake's page
	bpPA      = textGFN<<12 + 0x40
	bp2VA     = textVA + 0x1080 // second page, byte 0xa0
	bp2PA     = (textGFN+1)<<12 + 0x80
	shadow1   = 0x20000 // the fake's first free frame
	shadow2   = 0x20001
)

// cleanState is the domain as before Open (and as Close must leave it).
const cleanState = "pauses=0 altp2m=false views=0 restricted=0 events=[] extra-frames=[] vcpu-views=[0 0] stepping=[false false] blocked=0 memlimit=own gone=true"

func newTestTarget(t *testing.T, altp2mOn bool) (*Target, *fakeDriver) {
	t.Helper()
	f := newFake(2)
	f.altp2m = altp2mOn
	f.mapPage(kernelPGD, textVA, textGFN, 0x10)
	f.mapPage(kernelPGD, textVA+pageSize, textGFN+1, 0x20)
	for v := range f.vregs {
		f.vregs[v].CR3 = kernelPGD
	}
	tg, err := newTarget(f, "dom", Options{NoSignals: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = tg.Close() })
	return tg, f
}

// The setup and teardown sequences, against libvmi's
// breakpoint-recoil-example.c (pause, register int3 and single-step,
// resume; at the end pause, restore, drain pending events, clear the
// events, resume, destroy) and switch-view-example.c (slat control,
// create, switch; switch 0, destroy).
func TestOpenCloseSequence(t *testing.T) {
	tg, f := newTestTarget(t, false)
	assert.Equal(t, []string{
		"vmi_pause_vm",
		"xc_domain_setmaxmem 18446744073709551615",
		"vmi_slat_state",
		"vmi_slat_control true",
		"vmi_slat_create",
		"vmi_register_event int3",
		"vmi_register_event singlestep/0",
		"vmi_register_event singlestep/1",
		"vmi_register_event mem",
		"vmi_slat_switch 1",
	}, f.takeCalls())
	assert.Equal(t, "pauses=1 altp2m=true views=1 restricted=0 events=[int3 mem singlestep/0 singlestep/1] extra-frames=[] vcpu-views=[1 1] stepping=[false false] blocked=0 memlimit=lifted gone=false", f.state())
	assert.Equal(t, 2, tg.NumVCPUs())

	require.NoError(t, tg.Close())
	assert.Equal(t, []string{
		"vmi_slat_switch 0",
		"vmi_are_events_pending",
		"vmi_clear_event int3",
		"vmi_clear_event singlestep/0",
		"vmi_clear_event singlestep/1",
		"vmi_clear_event mem",
		"vmi_slat_destroy 1",
		"vmi_slat_control false",
		"vmi_resume_vm",
		"vmi_destroy",
		"xc_domain_setmaxmem 525312",
	}, f.takeCalls())
	assert.Equal(t, cleanState, f.state())

	require.NoError(t, tg.Close(), "second Close")
	assert.Empty(t, f.takeCalls())
	var r vmi.Regs
	assert.True(t, errors.Is(tg.Regs(0, &r), vmi.ErrClosed))
	assert.True(t, errors.Is(tg.Wait(context.Background(), &vmi.Event{}), vmi.ErrClosed))
}

func TestAltp2mAlreadyOnStaysOn(t *testing.T) {
	tg, f := newTestTarget(t, true)
	assert.NotContains(t, f.takeCalls(), "vmi_slat_control true")
	require.NoError(t, tg.Close())
	assert.NotContains(t, f.takeCalls(), "vmi_slat_control false")
	assert.Contains(t, f.state(), "altp2m=true views=0")
}

func TestAltp2mUnavailable(t *testing.T) {
	f := newFake(1)
	f.setFail("vmi_slat_control", errors.New("xc_altp2m_set_domain_state: Operation not supported"))
	_, err := newTarget(f, "dom", Options{NoSignals: true})
	require.Error(t, err)
	assert.Equal(t, `dom: cannot enable altp2m (boot Xen with altp2m=1 and give the domain altp2m = "external"): xc_altp2m_set_domain_state: Operation not supported`, err.Error())
	assert.Equal(t, []string{
		"vmi_pause_vm",
		"xc_domain_setmaxmem 18446744073709551615",
		"vmi_slat_state",
		"vmi_slat_control true",
		"vmi_resume_vm",
		"vmi_destroy",
		"xc_domain_setmaxmem 525312",
	}, f.takeCalls())
	assert.Equal(t, "pauses=0 altp2m=false views=0 restricted=0 events=[] extra-frames=[] vcpu-views=[0] stepping=[false] blocked=0 memlimit=own gone=true", f.state())
}

// A breakpoint goes into a shadow copy of its page, mapped in the view
// the vCPUs run in (the original guestrace's _setup_mem_trap): the guest
// executing there meets 0xCC, while the host's view, which ReadPhys and the
// guest's own reads use, keeps the original byte.
func TestInsertBreakpointShadowPage(t *testing.T) {
	tg, f := newTestTarget(t, false)
	f.takeCalls()
	require.NoError(t, tg.InsertBreakpoint(bpVA))
	assert.Equal(t, []string{
		"vmi_pagetable_lookup 0x1000000 0xffffffff81000040",
		"vmi_get_next_available_gfn",
		"vmi_alloc_gfn 0x20000",
		"vmi_write_pa 0x20000000 len=4096",
		"vmi_slat_change_gfn 1 0x1000 0x20000",
		"vmi_set_mem_event 0x1000 RW 1",
		"vmi_write_pa 0x20000040 0xcc",
	}, f.takeCalls())

	assert.Equal(t, byte(0xcc), f.guestByte(0, bpPA), "shadow view")
	assert.Equal(t, byte(0x4f), f.guestByte(0, bpPA-1), "shadow view, next to the breakpoint")
	var b [2]byte
	require.NoError(t, tg.ReadPhys(bpPA-1, b[:]))
	assert.Equal(t, [2]byte{0x4f, 0x50}, b, "host view")

	// A second breakpoint in the same page reuses the shadow.
	require.NoError(t, tg.InsertBreakpoint(bpVA+8))
	assert.Equal(t, []string{
		"vmi_pagetable_lookup 0x1000000 0xffffffff81000048",
		"vmi_write_pa 0x20000048 0xcc",
	}, f.takeCalls())
	// Inserting again is a no-op.
	require.NoError(t, tg.InsertBreakpoint(bpVA+8))
	assert.Empty(t, f.takeCalls())

	require.NoError(t, tg.RemoveBreakpoint(bpVA+8))
	assert.Equal(t, []string{"vmi_write_pa 0x20000048 0x58"}, f.takeCalls())
	assert.Equal(t, byte(0x58), f.guestByte(0, bpPA+8))
	assert.True(t, errors.Is(tg.RemoveBreakpoint(bpVA+8), vmi.ErrNoBreakpoint))
}

// Under page-table isolation a vCPU paused in user mode has the user
// copy of the top-level table in CR3; kernel text is found through the
// kernel's, one page below.
func TestInsertBreakpointKPTIUserCR3(t *testing.T) {
	tg, f := newTestTarget(t, false)
	f.vregs[0].CR3 = kernelPGD | 1<<12 | 0x5 // user PGD, PCID 5
	f.takeCalls()
	require.NoError(t, tg.InsertBreakpoint(bpVA))
	calls := f.takeCalls()
	assert.Equal(t, []string{
		"vmi_pagetable_lookup 0x1001000 0xffffffff81000040",
		"vmi_pagetable_lookup 0x1000000 0xffffffff81000040",
	}, calls[:2])

	err := tg.InsertBreakpoint(0xffffffff82000000)
	assert.Equal(t, "dom: translating 0xffffffff82000000 (CR3 0x1001005): vmi_pagetable_lookup failed", err.Error())
}

// waitAsync runs Wait in a goroutine.
func waitAsync(tg *Target, ctx context.Context) (<-chan error, *vmi.Event) {
	ev := new(vmi.Event)
	ch := make(chan error, 1)
	go func() { ch <- tg.Wait(ctx, ev) }()
	return ch, ev
}

// A hit: int3 not reinjected, the event held until Resume, then one
// single step in view 0 (the original guestrace's _breakpoint_cb); the
// step's end switches back to the shadow view (_singlestep_cb).
func TestBreakpointHitAndStep(t *testing.T) {
	tg, f := newTestTarget(t, false)
	require.NoError(t, tg.InsertBreakpoint(bpVA))
	require.NoError(t, tg.InsertBreakpoint(bp2VA))
	f.takeCalls()

	regs := vmi.Regs{RIP: bpVA, RSP: 0xffffc90000013f00, RDI: 7, CR3: kernelPGD}
	f.inject(&event{kind: evInt3, vcpu: 1, gla: bpVA, gfn: textGFN, regs: &regs})
	done, ev := waitAsync(tg, context.Background())
	require.NoError(t, <-done)
	assert.Equal(t, vmi.Event{VCPU: 1, Addr: bpVA, Regs: regs}, *ev)
	assert.Equal(t, []string{"vmi_resume_vm"}, f.takeCalls(), "Wait unpaused the domain")

	// While the event is held, the target serves calls.
	var r vmi.Regs
	require.NoError(t, tg.Regs(1, &r))
	assert.Equal(t, regs, r)
	var b [1]byte
	require.NoError(t, tg.ReadPhys(bpPA, b[:]))
	assert.Equal(t, byte(0x50), b[0])
	assert.Empty(t, f.takeAnswers(), "no answer before Resume")
	assert.Error(t, tg.Wait(context.Background(), &vmi.Event{}), "Wait before Resume")

	ev.Regs.RAX = 42
	ev.RegsChanged = true
	require.NoError(t, tg.Resume(ev))
	require.Eventually(t, func() bool { return f.answered() == 1 }, time.Second, time.Millisecond)
	assert.Equal(t, []string{"int3 vcpu=1 0xffffffff81000040 -> toggle-singlestep,slat=0,set-registers"}, f.takeAnswers())
	assert.Equal(t, uint64(42), f.vcpuRegs(1).RAX)
	assert.Contains(t, f.state(), "vcpu-views=[1 0] stepping=[false true]")
	assert.Equal(t, byte(0x50), f.guestByte(1, bpPA), "vCPU 1 steps over the original instruction")

	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	f.inject(&event{kind: evSingleStep, vcpu: 1, gla: bpVA + 5, regs: &vmi.Regs{RIP: bpVA + 5}})
	done, _ = waitAsync(tg, ctx)
	assert.True(t, errors.Is(<-done, context.DeadlineExceeded))
	assert.Equal(t, []string{"singlestep vcpu=1 0xffffffff81000045 -> toggle-singlestep,slat=1"}, f.takeAnswers())
	assert.Contains(t, f.state(), "pauses=1 ", "a cancelled Wait leaves the guest paused")
	assert.Contains(t, f.state(), "vcpu-views=[1 1] stepping=[false false]")
	assert.Equal(t, byte(0xcc), f.guestByte(1, bpPA))
}

// Two vCPUs hitting at once: each event is held in turn, Wait returns
// them one after the other.
func TestSimultaneousHits(t *testing.T) {
	tg, f := newTestTarget(t, false)
	require.NoError(t, tg.InsertBreakpoint(bpVA))
	require.NoError(t, tg.InsertBreakpoint(bp2VA))
	f.inject(&event{kind: evInt3, vcpu: 0, gla: bpVA, regs: &vmi.Regs{RIP: bpVA}})
	f.inject(&event{kind: evInt3, vcpu: 1, gla: bp2VA, regs: &vmi.Regs{RIP: bp2VA}})

	var ev vmi.Event
	require.NoError(t, tg.Wait(context.Background(), &ev))
	assert.Equal(t, 0, ev.VCPU)
	require.NoError(t, tg.Resume(&ev))
	require.NoError(t, tg.Wait(context.Background(), &ev))
	assert.Equal(t, 1, ev.VCPU)
	assert.Equal(t, uint64(bp2VA), ev.Addr)
	require.NoError(t, tg.Resume(&ev))
	require.Eventually(t, func() bool { return f.answered() == 2 }, time.Second, time.Millisecond)
	assert.Equal(t, []string{
		"int3 vcpu=0 0xffffffff81000040 -> toggle-singlestep,slat=0",
		"int3 vcpu=1 0xffffffff81001080 -> toggle-singlestep,slat=0",
	}, f.takeAnswers())
	assert.Error(t, tg.Resume(&ev), "Resume twice")
}

// int3s we did not place are the guest's: reinjected (libvmi's
// interrupt-event-example.c, the original guestrace's "assume we didn't
// emplace interrupt"); so is one at our address when the guest's own code
// has an int3 there too (Linux patching its text). A hit on a breakpoint
// removed meanwhile is not the guest's: the vCPU steps over the original
// instruction in view 0.
func TestInt3NotOursReinjected(t *testing.T) {
	tg, f := newTestTarget(t, false)
	require.NoError(t, tg.InsertBreakpoint(bpVA))
	require.NoError(t, tg.InsertBreakpoint(bpVA+0x10))
	require.NoError(t, tg.RemoveBreakpoint(bpVA+0x10))
	f.hostWrite(bp2PA, 0xcc)
	require.NoError(t, tg.InsertBreakpoint(bp2VA))

	f.inject(&event{kind: evInt3, vcpu: 0, gla: 0xffffffff81000999, regs: &vmi.Regs{}})
	f.inject(&event{kind: evInt3, vcpu: 0, gla: bp2VA, regs: &vmi.Regs{}})
	f.inject(&event{kind: evInt3, vcpu: 1, gla: bpVA + 0x10, regs: &vmi.Regs{}})
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	err := tg.Wait(ctx, &vmi.Event{})
	assert.True(t, errors.Is(err, context.DeadlineExceeded), "nothing for Wait: %v", err)
	assert.Equal(t, []string{
		"int3 vcpu=0 0xffffffff81000999 -> reinject",
		"int3 vcpu=0 0xffffffff81001080 -> reinject",
		"int3 vcpu=1 0xffffffff81000050 -> toggle-singlestep,slat=0",
	}, f.takeAnswers())
}

// The guest reading or writing a shadowed page from the shadow view
// traps; it does so in view 0 for one step (the original guestrace's
// _mem_rw_cb), and after a write the shadow is refreshed with the
// breakpoints kept.
func TestShadowPageReadWriteStealth(t *testing.T) {
	tg, f := newTestTarget(t, false)
	require.NoError(t, tg.InsertBreakpoint(bpVA))
	f.takeCalls()

	f.inject(&event{kind: evMemAccess, vcpu: 0, gfn: textGFN, gla: bpVA, access: memR, regs: &vmi.Regs{}})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	done, _ := waitAsync(tg, ctx)
	require.Eventually(t, func() bool { return f.answered() == 1 }, time.Second, time.Millisecond)
	assert.Equal(t, byte(0x50), f.guestByte(0, bpPA), "the read sees the original")
	f.inject(&event{kind: evSingleStep, vcpu: 0, regs: &vmi.Regs{}})

	// A write: the guest changes a byte next to the breakpoint.
	f.inject(&event{kind: evMemAccess, vcpu: 1, gfn: textGFN, gla: bpVA + 1, access: memW, regs: &vmi.Regs{}})
	require.Eventually(t, func() bool { return f.answered() == 3 }, time.Second, time.Millisecond)
	f.hostWrite(bpPA+1, 0x90) // the write done in view 0
	f.inject(&event{kind: evSingleStep, vcpu: 1, regs: &vmi.Regs{}})
	assert.True(t, errors.Is(<-done, context.DeadlineExceeded))

	assert.Equal(t, []string{
		"mem vcpu=0 0xffffffff81000040 -> toggle-singlestep,slat=0",
		"singlestep vcpu=0 0x0 -> toggle-singlestep,slat=1",
		"mem vcpu=1 0xffffffff81000041 -> toggle-singlestep,slat=0",
		"singlestep vcpu=1 0x0 -> toggle-singlestep,slat=1",
	}, f.takeAnswers())
	assert.Equal(t, []string{
		"vmi_resume_vm",
		"vmi_write_pa 0x20000000 len=4096",
		"vmi_pause_vm",
	}, f.takeCalls())
	assert.Equal(t, byte(0xcc), f.guestByte(1, bpPA))
	assert.Equal(t, byte(0x90), f.guestByte(1, bpPA+1))
}

func TestWritePhysRefreshesShadow(t *testing.T) {
	tg, f := newTestTarget(t, false)
	require.NoError(t, tg.InsertBreakpoint(bpVA))
	f.takeCalls()
	require.NoError(t, tg.WritePhys(bpPA-2, []byte{1, 2, 3, 4}))
	assert.Equal(t, []string{
		"vmi_write_pa 0x100003e len=4",
		"vmi_write_pa 0x20000000 len=4096",
	}, f.takeCalls())
	var b [4]byte
	require.NoError(t, tg.ReadPhys(bpPA-2, b[:]))
	assert.Equal(t, [4]byte{1, 2, 3, 4}, b)
	assert.Equal(t, byte(0xcc), f.guestByte(0, bpPA))
	assert.Equal(t, byte(2), f.guestByte(0, bpPA-1))
}

// Close restores everything, whatever is in flight: shadows unmapped and
// freed, views gone, events cleared, the domain's pause count as before.
func TestCloseRestoresDomain(t *testing.T) {
	tg, f := newTestTarget(t, false)
	require.NoError(t, tg.InsertBreakpoint(bpVA))
	require.NoError(t, tg.InsertBreakpoint(bp2VA))
	require.NoError(t, tg.Unpause())
	f.takeCalls()
	require.NoError(t, tg.Close())
	assert.Equal(t, []string{
		"vmi_pause_vm",
		"vmi_slat_switch 0",
		"vmi_set_mem_event 0x1000 N 1",
		"vmi_slat_change_gfn 1 0x1000 0xffffffffffffffff",
		"vmi_set_mem_event 0x1001 N 1",
		"vmi_slat_change_gfn 1 0x1001 0xffffffffffffffff",
		"vmi_are_events_pending",
		"vmi_clear_event int3",
		"vmi_clear_event singlestep/0",
		"vmi_clear_event singlestep/1",
		"vmi_clear_event mem",
		"vmi_slat_destroy 1",
		"vmi_free_gfn 0x20000",
		"vmi_free_gfn 0x20001",
		"vmi_slat_control false",
		"vmi_resume_vm",
		"vmi_destroy",
		"xc_domain_setmaxmem 525312",
	}, f.takeCalls())
	assert.Equal(t, cleanState, f.state())
}

// Close while a callback holds an event (the program quit between Wait
// and Resume) and with another event and a single step still queued: the
// held vCPU re-executes the original code, the queued events are
// answered before the events are cleared, nothing is left behind.
func TestCloseWithEventsInFlight(t *testing.T) {
	tg, f := newTestTarget(t, false)
	require.NoError(t, tg.InsertBreakpoint(bpVA))
	f.inject(&event{kind: evInt3, vcpu: 0, gla: bpVA, regs: &vmi.Regs{RIP: bpVA}})
	var ev vmi.Event
	require.NoError(t, tg.Wait(context.Background(), &ev))
	require.NoError(t, tg.Resume(&ev))
	f.inject(&event{kind: evInt3, vcpu: 1, gla: bpVA, regs: &vmi.Regs{RIP: bpVA}})
	require.NoError(t, tg.Wait(context.Background(), &ev))
	assert.Equal(t, 1, ev.VCPU)
	f.inject(&event{kind: evSingleStep, vcpu: 0, regs: &vmi.Regs{}})

	require.NoError(t, tg.Close())
	assert.Equal(t, []string{
		"int3 vcpu=0 0xffffffff81000040 -> toggle-singlestep,slat=0",
		"int3 vcpu=1 0xffffffff81000040 -> none",
		"singlestep vcpu=0 0x0 -> toggle-singlestep",
	}, f.takeAnswers())
	assert.Equal(t, cleanState, f.state())
	assert.True(t, errors.Is(tg.Resume(&ev), vmi.ErrClosed))
}

// A teardown signal the program does not act on: the target closes
// itself after the grace period; a second signal cuts the wait short.
func TestSignalTearsDown(t *testing.T) {
	defer func(g time.Duration) { signalGrace = g }(signalGrace)
	signalGrace = 200 * time.Millisecond
	f := newFake(2)
	tg, err := newTarget(f, "dom", Options{})
	require.NoError(t, err)
	done, _ := waitAsync(tg, context.Background())
	require.NoError(t, syscall.Kill(syscall.Getpid(), syscall.SIGHUP))
	select {
	case err := <-done:
		assert.True(t, errors.Is(err, vmi.ErrClosed), "%v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("Wait did not end on SIGHUP")
	}
	assert.Equal(t, cleanState, f.state())

	signalGrace = time.Hour
	f = newFake(2)
	tg, err = newTarget(f, "dom", Options{})
	require.NoError(t, err)
	done, _ = waitAsync(tg, context.Background())
	require.NoError(t, syscall.Kill(syscall.Getpid(), syscall.SIGTERM))
	time.Sleep(100 * time.Millisecond)
	require.NoError(t, syscall.Kill(syscall.Getpid(), syscall.SIGINT))
	select {
	case err := <-done:
		assert.True(t, errors.Is(err, vmi.ErrClosed), "%v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("a second signal did not end the wait")
	}
	assert.Equal(t, cleanState, f.state())
}

// The program closing the target after the signal, as a tracer does: the
// target does not close itself meanwhile.
func TestSignalProgramCloses(t *testing.T) {
	defer func(g time.Duration) { signalGrace = g }(signalGrace)
	signalGrace = 300 * time.Millisecond
	f := newFake(2)
	tg, err := newTarget(f, "dom", Options{})
	require.NoError(t, err)
	require.NoError(t, syscall.Kill(syscall.Getpid(), syscall.SIGHUP))
	time.Sleep(50 * time.Millisecond)
	assert.Contains(t, f.state(), "gone=false", "closed before the grace period")
	require.NoError(t, tg.Close())
	time.Sleep(400 * time.Millisecond)
	assert.Equal(t, cleanState, f.state())
}

func TestListenFailureIsGuestGone(t *testing.T) {
	tg, f := newTestTarget(t, false)
	f.setFail("vmi_events_listen", errors.New("xc_evtchn_pending failed"))
	err := tg.Wait(context.Background(), &vmi.Event{})
	assert.True(t, errors.Is(err, vmi.ErrGuestGone))
	assert.Equal(t, "dom: listening for events: guest went away: xc_evtchn_pending failed", err.Error())
}

func TestVCPURange(t *testing.T) {
	tg, _ := newTestTarget(t, false)
	var r vmi.Regs
	assert.True(t, errors.Is(tg.Regs(2, &r), vmi.ErrNoVCPU))
	assert.True(t, errors.Is(tg.SetRegs(-1, &r), vmi.ErrNoVCPU))
}

func TestSetRegsOutsideEvent(t *testing.T) {
	tg, f := newTestTarget(t, false)
	f.takeCalls()
	require.NoError(t, tg.SetRegs(1, &vmi.Regs{RIP: 0x1234}))
	assert.Equal(t, []string{"vmi_set_vcpuregs 1 rip=0x1234"}, f.takeCalls())
}

func TestPauseCounted(t *testing.T) {
	tg, f := newTestTarget(t, false)
	require.NoError(t, tg.Pause()) // already paused by Open
	require.NoError(t, tg.Unpause())
	require.NoError(t, tg.Unpause())
	require.NoError(t, tg.Pause())
	require.NoError(t, tg.Pause())
	assert.Contains(t, f.state(), "pauses=1 ")
}
