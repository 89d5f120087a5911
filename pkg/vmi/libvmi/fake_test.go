package libvmi

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/guestrace/guestrace/pkg/vmi"
)

// fakeDriver stands for libvmi and a Xen domain: it records the libvmi
// calls the backend makes, in libvmi's names, and models what they do to
// the domain (pause count, altp2m views, per-vCPU view and single-step,
// page access, allocated frames, registered events) so that tests check
// both the call sequence and the state Close leaves.
type fakeDriver struct {
	mu    sync.Mutex
	calls []string
	h     handler

	vcpus    int
	mem      map[uint64]*[pageSize]byte // host view: gfn -> page
	pt       map[uint64]map[uint64]uint64
	vregs    []vmi.Regs
	maxGFN   uint64
	fail     map[string]error
	altp2m   bool
	views    map[uint16]map[uint64]uint64 // view -> gfn -> mapped gfn
	access   map[uint16]map[uint64]memAccess
	vcpuView []uint16
	stepping []bool
	pauses   int
	events   map[string]bool // registered events
	queue    chan *event
	answers  []string // event -> response, in delivery order
	nextView uint16
	gone     bool
	blocked  int // vCPUs waiting for an answer nobody will give (a dead tracer's)

	// remapped is each view's remapped range, [min, max] of the frames
	// p2m_change_altp2m_gfn mapped into it (Xen 4.17
	// xen/arch/x86/mm/p2m.c; min_remapped_gfn, max_remapped_gfn).
	remapped map[uint16][2]uint64
	// racer, when set, is a write another vCPU makes to the original
	// page when the domain is not paused at vmi_slat_change_gfn.
	racer *[2]uint64 // pa, byte
	// onCall runs a hook after the call of that name is recorded.
	onCall map[string]func()

	// The domain's memory limit in KiB (Xen's max_pages * 4): vmi_init
	// has lifted it to ~0, as libvmi's xen_init_vmi does.
	memKiB uint64
}

// fakeMemKiB is the fake domain's own memory limit, and fakeLibvmiKiB
// what libvmi's xen_destroy sets it to: max_gpfn * XC_PAGE_SIZE, bytes
// passed to xc_domain_setmaxmem as KiB.
const (
	fakeMemKiB    = 0x20000*4 + 1024
	fakeLibvmiKiB = (0x20000 - 1) * pageSize
)

func (f *fakeDriver) memLimit() uint64 { return fakeMemKiB }

func (f *fakeDriver) setMemLimit(kib uint64) error {
	if err := f.record("xc_domain_setmaxmem %d", kib); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.memKiB = kib
	return nil
}

// monitorOff models xc_monitor_software_breakpoint and
// xc_monitor_singlestep off, XEN_DOMCTL_DEBUG_OP_SINGLE_STEP_OFF on each
// vCPU, and xc_monitor_disable (Xen 4.17 xen/common/vm_event.c
// vm_event_disable: the ring goes, the vCPUs blocked on it are unpaused).
func (f *fakeDriver) monitorOff(nvcpu int) error {
	if err := f.record("xc_monitor_disable %d", nvcpu); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.events = map[string]bool{}
	for v := range f.stepping {
		f.stepping[v] = false
	}
	f.blocked = 0
	return nil
}

func newFake(vcpus int) *fakeDriver {
	return &fakeDriver{
		vcpus:    vcpus,
		mem:      map[uint64]*[pageSize]byte{},
		pt:       map[uint64]map[uint64]uint64{},
		vregs:    make([]vmi.Regs, vcpus),
		maxGFN:   0x20000, // 512 MiB of RAM
		fail:     map[string]error{},
		views:    map[uint16]map[uint64]uint64{},
		access:   map[uint16]map[uint64]memAccess{},
		vcpuView: make([]uint16, vcpus),
		stepping: make([]bool, vcpus),
		events:   map[string]bool{},
		queue:    make(chan *event, 16),
		nextView: 1,
		remapped: map[uint16][2]uint64{},
		onCall:   map[string]func(){},
		memKiB:   unlimitedKiB,
	}
}

func (f *fakeDriver) record(format string, args ...any) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, fmt.Sprintf(format, args...))
	name := strings.Fields(f.calls[len(f.calls)-1])[0]
	if hook := f.onCall[name]; hook != nil {
		delete(f.onCall, name)
		f.mu.Unlock()
		hook()
		f.mu.Lock()
	}
	return f.fail[name]
}

// takeCalls returns the calls recorded since the last takeCalls.
func (f *fakeDriver) takeCalls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	c := f.calls
	f.calls = nil
	return c
}

func (f *fakeDriver) takeAnswers() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	a := f.answers
	f.answers = nil
	return a
}

func (f *fakeDriver) answered() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.answers)
}

func (f *fakeDriver) vcpuRegs(v int) vmi.Regs {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.vregs[v]
}

func (f *fakeDriver) setFail(name string, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fail[name] = err
}

// mapPage backs gfn with a page filled with fill, mapped at kernel va
// (page-aligned) under dtb.
func (f *fakeDriver) mapPage(dtb, va, gfn uint64, fill byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var p [pageSize]byte
	for i := range p {
		p[i] = fill + byte(i)
	}
	f.mem[gfn] = &p
	if f.pt[dtb] == nil {
		f.pt[dtb] = map[uint64]uint64{}
	}
	f.pt[dtb][va>>pageShift] = gfn
}

// guestByte is what vCPU v reads at pa through the view it runs in.
func (f *fakeDriver) guestByte(v int, pa uint64) byte {
	f.mu.Lock()
	defer f.mu.Unlock()
	gfn := pa >> pageShift
	if m, ok := f.views[f.vcpuView[v]][gfn]; ok {
		gfn = m
	}
	return f.mem[gfn][pa&(pageSize-1)]
}

// hostWrite changes the original page, as a guest write in view 0 does.
func (f *fakeDriver) hostWrite(pa uint64, b byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.mem[pa>>pageShift][pa&(pageSize-1)] = b
}

func (f *fakeDriver) inject(e *event) { f.queue <- e }

// state summarises what the domain is left with.
func (f *fakeDriver) state() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var ev []string
	for k, on := range f.events {
		if on {
			ev = append(ev, k)
		}
	}
	sort.Strings(ev)
	var extra []string
	for gfn := range f.mem {
		if gfn >= 0x20000 {
			extra = append(extra, fmt.Sprintf("%#x", gfn))
		}
	}
	sort.Strings(extra)
	restricted := 0
	for _, m := range f.access {
		restricted += len(m)
	}
	limit := fmt.Sprint(f.memKiB)
	switch f.memKiB {
	case fakeMemKiB:
		limit = "own"
	case unlimitedKiB:
		limit = "lifted"
	}
	return fmt.Sprintf("pauses=%d altp2m=%v views=%d restricted=%d events=%v extra-frames=%v vcpu-views=%v stepping=%v blocked=%d memlimit=%s gone=%v",
		f.pauses, f.altp2m, len(f.views), restricted, ev, extra, f.vcpuView, f.stepping, f.blocked, limit, f.gone)
}

func (f *fakeDriver) setHandler(h handler) { f.h = h }
func (f *fakeDriver) numVCPUs() int        { return f.vcpus }

func (f *fakeDriver) readPA(pa uint64, buf []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range buf {
		p := f.mem[(pa+uint64(i))>>pageShift]
		if p == nil {
			return errors.New("vmi_read_pa failed")
		}
		buf[i] = p[(pa+uint64(i))&(pageSize-1)]
	}
	return nil
}

func (f *fakeDriver) writePA(pa uint64, buf []byte) error {
	if len(buf) == 1 {
		if err := f.record("vmi_write_pa %#x %#02x", pa, buf[0]); err != nil {
			return err
		}
	} else if err := f.record("vmi_write_pa %#x len=%d", pa, len(buf)); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, b := range buf {
		p := f.mem[(pa+uint64(i))>>pageShift]
		if p == nil {
			return errors.New("vmi_write_pa failed")
		}
		p[(pa+uint64(i))&(pageSize-1)] = b
	}
	return nil
}

func (f *fakeDriver) regs(vcpu int, r *vmi.Regs) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	*r = f.vregs[vcpu]
	return nil
}

func (f *fakeDriver) setRegs(vcpu int, r *vmi.Regs) error {
	if err := f.record("vmi_set_vcpuregs %d rip=%#x", vcpu, r.RIP); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.vregs[vcpu] = *r
	return nil
}

func (f *fakeDriver) translate(dtb, va uint64) (uint64, error) {
	if err := f.record("vmi_pagetable_lookup %#x %#x", dtb, va); err != nil {
		return 0, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	gfn, ok := f.pt[dtb][va>>pageShift]
	if !ok {
		return 0, errors.New("vmi_pagetable_lookup failed")
	}
	return gfn<<pageShift | va&(pageSize-1), nil
}

func (f *fakeDriver) pause() error {
	if err := f.record("vmi_pause_vm"); err != nil {
		return err
	}
	f.mu.Lock()
	f.pauses++
	f.mu.Unlock()
	return nil
}

func (f *fakeDriver) resume() error {
	if err := f.record("vmi_resume_vm"); err != nil {
		return err
	}
	f.mu.Lock()
	f.pauses--
	f.mu.Unlock()
	return nil
}

func (f *fakeDriver) slatState() (bool, error) {
	err := f.record("vmi_slat_state")
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.altp2m, err
}

func (f *fakeDriver) slatControl(on bool) error {
	if err := f.record("vmi_slat_control %v", on); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.altp2m = on
	return nil
}

func (f *fakeDriver) slatCreate() (uint16, error) {
	if err := f.record("vmi_slat_create"); err != nil {
		return 0, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	v := f.nextView
	f.nextView++
	f.views[v] = map[uint64]uint64{}
	f.access[v] = map[uint64]memAccess{}
	return v, nil
}

func (f *fakeDriver) slatSwitch(view uint16) error {
	if err := f.record("vmi_slat_switch %d", view); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.vcpuView {
		f.vcpuView[i] = view
	}
	return nil
}

func (f *fakeDriver) slatDestroy(view uint16) error {
	if err := f.record("vmi_slat_destroy %d", view); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.views, view)
	delete(f.access, view)
	delete(f.remapped, view)
	return nil
}

func (f *fakeDriver) slatChangeGFN(view uint16, old, new uint64) error {
	if err := f.record("vmi_slat_change_gfn %d %#x %#x", view, old, new); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.racer != nil && f.pauses == 0 {
		f.mem[f.racer[0]>>pageShift][f.racer[0]&(pageSize-1)] = byte(f.racer[1])
		f.racer = nil
	}
	if new == invalidGFN {
		delete(f.views[view], old)
		return nil
	}
	f.views[view][old] = new
	r, ok := f.remapped[view]
	if !ok {
		r = [2]uint64{new, new}
	}
	f.remapped[view] = [2]uint64{min(r[0], new), max(r[1], new)}
	return nil
}

func (f *fakeDriver) nextFreeGFN() (uint64, error) {
	err := f.record("vmi_get_next_available_gfn")
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.maxGFN, err
}

func (f *fakeDriver) allocGFN(gfn uint64) error {
	if err := f.record("vmi_alloc_gfn %#x", gfn); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.mem[gfn] = &[pageSize]byte{}
	f.maxGFN = max(f.maxGFN, gfn+1)
	return nil
}

func (f *fakeDriver) freeGFN(gfn uint64) error {
	if err := f.record("vmi_free_gfn %#x", gfn); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.mem, gfn)
	// Xen 4.17 p2m_altp2m_propagate_change: a frame dropped from the
	// host's p2m inside a view's remapped range resets that view
	// (p2m_reset_altp2m): every remapping and access setting is gone.
	for v, r := range f.remapped {
		if gfn >= r[0] && gfn <= r[1] {
			f.views[v] = map[uint64]uint64{}
			f.access[v] = map[uint64]memAccess{}
			delete(f.remapped, v)
		}
	}
	return nil
}

func (f *fakeDriver) setMemAccess(gfn uint64, a memAccess, view uint16) error {
	if err := f.record("vmi_set_mem_event %#x %s %d", gfn, accessName(a), view); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if a == memN {
		delete(f.access[view], gfn)
	} else {
		f.access[view][gfn] = a
	}
	return nil
}

func accessName(a memAccess) string {
	switch a {
	case memN:
		return "N"
	case memRW:
		return "RW"
	case memR:
		return "R"
	case memW:
		return "W"
	}
	return fmt.Sprint(uint8(a))
}

func (f *fakeDriver) setEvent(name string, on bool) error {
	verb := "vmi_register_event"
	if !on {
		verb = "vmi_clear_event"
	}
	if err := f.record("%s %s", verb, name); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.events[name] = on
	if !on && strings.HasPrefix(name, "singlestep") {
		var v int
		fmt.Sscanf(name, "singlestep/%d", &v)
		f.stepping[v] = false // libvmi stops stepping the event's vCPUs
	}
	return nil
}

func (f *fakeDriver) registerInt3() error { return f.setEvent("int3", true) }
func (f *fakeDriver) registerSingleStep(v int) error {
	return f.setEvent(fmt.Sprintf("singlestep/%d", v), true)
}
func (f *fakeDriver) registerMemAccess() error { return f.setEvent("mem", true) }
func (f *fakeDriver) clearInt3() error         { return f.setEvent("int3", false) }
func (f *fakeDriver) clearSingleStep(v int) error {
	return f.setEvent(fmt.Sprintf("singlestep/%d", v), false)
}
func (f *fakeDriver) clearMemAccess() error { return f.setEvent("mem", false) }

func (f *fakeDriver) eventsPending() (int, error) {
	err := f.record("vmi_are_events_pending")
	return len(f.queue), err
}

// listen delivers the queued events (waiting up to timeout for the
// first), applying each answer as Xen would. It does not record itself:
// the backend calls it in a loop.
func (f *fakeDriver) listen(timeout time.Duration) error {
	f.mu.Lock()
	err := f.fail["vmi_events_listen"]
	f.mu.Unlock()
	if err != nil {
		return err
	}
	var e *event
	if timeout > 0 {
		select {
		case e = <-f.queue:
		case <-time.After(timeout):
			return nil
		}
	}
	for {
		if e == nil {
			select {
			case e = <-f.queue:
			default:
				return nil
			}
		}
		f.deliver(e)
		e = nil
	}
}

func (f *fakeDriver) deliver(e *event) {
	f.mu.Lock()
	if !f.events[kindEvent(e)] {
		f.mu.Unlock()
		panic(fmt.Sprintf("%v event delivered with no event registered", e.kind))
	}
	e.slat = f.vcpuView[e.vcpu]
	if e.kind == evInt3 && e.gfn == 0 {
		// Xen reports the frame of the int3 (vm_event's
		// software_breakpoint.gfn): the page of rip in the guest's tables.
		for _, pt := range f.pt {
			if gfn, ok := pt[e.gla>>pageShift]; ok {
				e.gfn = gfn
			}
		}
	}
	f.mu.Unlock()
	r := f.h.handle(e)
	f.mu.Lock()
	defer f.mu.Unlock()
	if r.setSLAT {
		f.vcpuView[e.vcpu] = r.slat
	}
	if r.singleStep {
		f.stepping[e.vcpu] = !f.stepping[e.vcpu]
	}
	if r.setRegs {
		f.vregs[e.vcpu] = *e.regs
	}
	f.answers = append(f.answers, fmt.Sprintf("%v vcpu=%d %#x -> %s", e.kind, e.vcpu, e.gla, r))
}

func kindEvent(e *event) string {
	switch e.kind {
	case evSingleStep:
		return fmt.Sprintf("singlestep/%d", e.vcpu)
	case evMemAccess:
		return "mem"
	}
	return "int3"
}

func (r response) String() string {
	var parts []string
	if r.reinject {
		parts = append(parts, "reinject")
	}
	if r.singleStep {
		parts = append(parts, "toggle-singlestep")
	}
	if r.setSLAT {
		parts = append(parts, fmt.Sprintf("slat=%d", r.slat))
	}
	if r.setRegs {
		parts = append(parts, "set-registers")
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ",")
}

func (f *fakeDriver) destroy() error {
	err := f.record("vmi_destroy")
	f.mu.Lock()
	f.gone = true
	f.memKiB = fakeLibvmiKiB
	f.mu.Unlock()
	return err
}
