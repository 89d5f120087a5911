package libvmi

import (
	"time"

	"github.com/guestrace/guestrace/pkg/vmi"
)

// driver is the part of libvmi the backend calls, one method per libvmi
// function. driver_cgo.go (build tag libvmi) implements it with libvmi;
// the tests implement it with a fake that records the calls, so that the
// backend's logic (breakpoints in an altp2m view, the single step in the
// original view, teardown) is tested without libvmi or Xen.
//
// Every method is called from one goroutine, locked to its OS thread: the
// one that runs listen, and so the one libvmi's event callbacks run on.
type driver interface {
	setHandler(h handler)
	numVCPUs() int

	readPA(pa uint64, buf []byte) error                      // vmi_read_pa
	writePA(pa uint64, buf []byte) error                     // vmi_write_pa
	regs(vcpu int, r *vmi.Regs) error                        // vmi_get_vcpuregs
	setRegs(vcpu int, r *vmi.Regs) error                     // vmi_set_vcpuregs
	translate(dtb, va uint64) (uint64, error)                // vmi_pagetable_lookup
	pause() error                                            // vmi_pause_vm
	resume() error                                           // vmi_resume_vm
	slatState() (bool, error)                                // vmi_slat_state
	slatControl(on bool) error                               // vmi_slat_control
	slatCreate() (uint16, error)                             // vmi_slat_create
	slatSwitch(view uint16) error                            // vmi_slat_switch
	slatDestroy(view uint16) error                           // vmi_slat_destroy
	slatChangeGFN(view uint16, old, new uint64) error        // vmi_slat_change_gfn
	nextFreeGFN() (uint64, error)                            // vmi_get_next_available_gfn
	allocGFN(gfn uint64) error                               // vmi_alloc_gfn
	freeGFN(gfn uint64) error                                // vmi_free_gfn
	setMemAccess(gfn uint64, a memAccess, view uint16) error // vmi_set_mem_event

	// Events: vmi_register_event / vmi_clear_event of one INT3 event,
	// one single-step event per vCPU (registered disabled) and one
	// generic memory-access event, all delivered to the handler.
	registerInt3() error
	registerSingleStep(vcpu int) error
	registerMemAccess() error
	clearInt3() error
	clearSingleStep(vcpu int) error
	clearMemAccess() error
	eventsPending() (int, error)        // vmi_are_events_pending
	listen(timeout time.Duration) error // vmi_events_listen

	destroy() error // vmi_destroy

	// Xen's own controls, through libxenctrl: libvmi has none for them.
	//
	// memLimit is the domain's memory limit (KiB) as it was before
	// vmi_init, which lifts it (libvmi's xen.c xen_init_vmi:
	// xc_domain_setmaxmem ~0) and whose vmi_destroy does not put it back
	// (xen_destroy passes max_gpfn * page size, in bytes, as KiB).
	memLimit() uint64
	setMemLimit(kib uint64) error // xc_domain_setmaxmem; works after destroy
	// monitorOff is a rescue's way to stop the monitor a dead process
	// left: int3 and single-step monitoring off, single-step off on each
	// vCPU, the vm_event ring disabled (xc_monitor_disable), which wakes
	// the vCPUs that waited for answers (Xen's vm_event_disable).
	monitorOff(nvcpu int) error
}

// unlimitedKiB is the memory limit shadow frames are allocated under, as
// libvmi and DRAKVUF set it (xc_domain_setmaxmem ~0).
const unlimitedKiB = ^uint64(0)

// invalidGFN given to slatChangeGFN restores a page's own mapping in a view
// (Xen's INVALID_GFN).
const invalidGFN = ^uint64(0)

// memAccess is libvmi's vmi_mem_access_t.
type memAccess uint8

const (
	memN  memAccess = 1 << 0 // no restriction: removes the event
	memR  memAccess = 1 << 1
	memW  memAccess = 1 << 2
	memX  memAccess = 1 << 3
	memRW           = memR | memW
)

// eventKind is libvmi's event type, for the kinds the backend registers.
type eventKind int

const (
	evInt3 eventKind = iota
	evSingleStep
	evMemAccess
)

func (k eventKind) String() string {
	switch k {
	case evInt3:
		return "int3"
	case evSingleStep:
		return "singlestep"
	case evMemAccess:
		return "mem"
	}
	return "event?"
}

// event is one libvmi event as the callback passes it on.
type event struct {
	kind   eventKind
	vcpu   int
	slat   uint16    // the view the vCPU ran in
	gla    uint64    // int3: the breakpoint's address; mem: the access's
	gfn    uint64    // the page of gla
	access memAccess // mem: the access made
	regs   *vmi.Regs // the vCPU's registers; written back with setRegs
}

// response is what the callback returns to libvmi.
type response struct {
	reinject   bool   // int3: deliver the interrupt to the guest
	singleStep bool   // VMI_EVENT_RESPONSE_TOGGLE_SINGLESTEP
	setSLAT    bool   // VMI_EVENT_RESPONSE_SLAT_ID: switch the vCPU to slat
	slat       uint16 //
	setRegs    bool   // VMI_EVENT_RESPONSE_SET_REGISTERS: write regs back
}

// handler receives the events the driver's listen delivers, on the
// listening goroutine.
type handler interface {
	handle(e *event) response
}
