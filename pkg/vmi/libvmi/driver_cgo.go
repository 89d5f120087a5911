//go:build libvmi

package libvmi

/*
#cgo pkg-config: libvmi
#include "shim.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"runtime/cgo"
	"time"
	"unsafe"

	"github.com/guestrace/guestrace/pkg/vmi"
)

// cdriver is the driver over libvmi. Its methods are the libvmi calls of
// the same names and do nothing else; the logic is in the Target.
type cdriver struct {
	vmi    C.vmi_instance_t
	h      handler
	handle cgo.Handle
	nvcpu  int

	domid   uint32
	origKiB uint64 // the memory limit before vmi_init

	int3 *C.vmi_event_t
	ss   []*C.vmi_event_t
	mem  *C.vmi_event_t
}

// errFailed is libvmi's VMI_FAILURE: libvmi says why on stderr only.
var errFailed = errors.New("libvmi call failed")

func failed(call string, st C.status_t) error {
	if st == C.VMI_SUCCESS {
		return nil
	}
	return fmt.Errorf("%s: %w", call, errFailed)
}

func (d *cdriver) setHandler(h handler) { d.h = h }
func (d *cdriver) numVCPUs() int        { return d.nvcpu }

func (d *cdriver) readPA(pa uint64, buf []byte) error {
	if len(buf) == 0 {
		return nil
	}
	var n C.size_t
	st := C.vmi_read_pa(d.vmi, C.addr_t(pa), C.size_t(len(buf)), unsafe.Pointer(&buf[0]), &n)
	if st != C.VMI_SUCCESS || int(n) != len(buf) {
		return fmt.Errorf("vmi_read_pa: %d of %d bytes: %w", n, len(buf), errFailed)
	}
	return nil
}

func (d *cdriver) writePA(pa uint64, buf []byte) error {
	if len(buf) == 0 {
		return nil
	}
	var n C.size_t
	st := C.vmi_write_pa(d.vmi, C.addr_t(pa), C.size_t(len(buf)), unsafe.Pointer(&buf[0]), &n)
	if st != C.VMI_SUCCESS || int(n) != len(buf) {
		return fmt.Errorf("vmi_write_pa: %d of %d bytes: %w", n, len(buf), errFailed)
	}
	return nil
}

func (d *cdriver) regs(vcpu int, r *vmi.Regs) error {
	var regs C.registers_t
	if err := failed("vmi_get_vcpuregs", C.vmi_get_vcpuregs(d.vmi, &regs, C.ulong(vcpu))); err != nil {
		return err
	}
	fromX86(C.gt_x86(&regs), r)
	return nil
}

func (d *cdriver) setRegs(vcpu int, r *vmi.Regs) error {
	var regs C.registers_t
	if err := failed("vmi_get_vcpuregs", C.vmi_get_vcpuregs(d.vmi, &regs, C.ulong(vcpu))); err != nil {
		return err
	}
	x := C.gt_x86(&regs)
	toX86(r, x)
	x.cr0, x.cr2, x.cr3, x.cr4 = C.uint64_t(r.CR0), C.uint64_t(r.CR2), C.uint64_t(r.CR3), C.uint64_t(r.CR4)
	x.msr_efer = C.uint64_t(r.EFER)
	x.fs_base, x.gs_base, x.shadow_gs = C.uint64_t(r.FSBase), C.uint64_t(r.GSBase), C.uint64_t(r.KernelGSBase)
	return failed("vmi_set_vcpuregs", C.vmi_set_vcpuregs(d.vmi, &regs, C.ulong(vcpu)))
}

// fromX86 copies libvmi's registers into guestrace's.
func fromX86(x *C.x86_registers_t, r *vmi.Regs) {
	*r = vmi.Regs{
		RAX: uint64(x.rax), RBX: uint64(x.rbx), RCX: uint64(x.rcx), RDX: uint64(x.rdx),
		RSI: uint64(x.rsi), RDI: uint64(x.rdi), RBP: uint64(x.rbp), RSP: uint64(x.rsp),
		R8: uint64(x.r8), R9: uint64(x.r9), R10: uint64(x.r10), R11: uint64(x.r11),
		R12: uint64(x.r12), R13: uint64(x.r13), R14: uint64(x.r14), R15: uint64(x.r15),
		RIP: uint64(x.rip), RFLAGS: uint64(x.rflags),
		CS: uint64(x.cs_sel), SS: uint64(x.ss_sel),
		CR0: uint64(x.cr0), CR2: uint64(x.cr2), CR3: uint64(x.cr3), CR4: uint64(x.cr4),
		EFER:   uint64(x.msr_efer),
		FSBase: uint64(x.fs_base), GSBase: uint64(x.gs_base), KernelGSBase: uint64(x.shadow_gs),
	}
}

// toX86 copies what an event's answer may change (VMI_EVENT_RESPONSE_SET_REGISTERS
// sets the general registers, rip and rflags).
func toX86(r *vmi.Regs, x *C.x86_registers_t) {
	x.rax, x.rbx, x.rcx, x.rdx = C.uint64_t(r.RAX), C.uint64_t(r.RBX), C.uint64_t(r.RCX), C.uint64_t(r.RDX)
	x.rsi, x.rdi, x.rbp, x.rsp = C.uint64_t(r.RSI), C.uint64_t(r.RDI), C.uint64_t(r.RBP), C.uint64_t(r.RSP)
	x.r8, x.r9, x.r10, x.r11 = C.uint64_t(r.R8), C.uint64_t(r.R9), C.uint64_t(r.R10), C.uint64_t(r.R11)
	x.r12, x.r13, x.r14, x.r15 = C.uint64_t(r.R12), C.uint64_t(r.R13), C.uint64_t(r.R14), C.uint64_t(r.R15)
	x.rip, x.rflags = C.uint64_t(r.RIP), C.uint64_t(r.RFLAGS)
}

func (d *cdriver) translate(dtb, va uint64) (uint64, error) {
	var pa C.addr_t
	if err := failed("vmi_pagetable_lookup", C.vmi_pagetable_lookup(d.vmi, C.addr_t(dtb), C.addr_t(va), &pa)); err != nil {
		return 0, err
	}
	return uint64(pa), nil
}

func (d *cdriver) pause() error  { return failed("vmi_pause_vm", C.vmi_pause_vm(d.vmi)) }
func (d *cdriver) resume() error { return failed("vmi_resume_vm", C.vmi_resume_vm(d.vmi)) }

func (d *cdriver) slatState() (bool, error) {
	var on C.bool
	err := failed("vmi_slat_state", C.vmi_slat_state(d.vmi, &on))
	return bool(on), err
}

func (d *cdriver) slatControl(on bool) error {
	return failed("vmi_slat_control", C.vmi_slat_control(d.vmi, C.bool(on)))
}

func (d *cdriver) slatCreate() (uint16, error) {
	var view C.uint16_t
	err := failed("vmi_slat_create", C.vmi_slat_create(d.vmi, &view))
	return uint16(view), err
}

func (d *cdriver) slatSwitch(view uint16) error {
	return failed("vmi_slat_switch", C.vmi_slat_switch(d.vmi, C.uint16_t(view)))
}

func (d *cdriver) slatDestroy(view uint16) error {
	return failed("vmi_slat_destroy", C.vmi_slat_destroy(d.vmi, C.uint16_t(view)))
}

func (d *cdriver) slatChangeGFN(view uint16, old, new uint64) error {
	return failed("vmi_slat_change_gfn", C.vmi_slat_change_gfn(d.vmi, C.uint16_t(view), C.addr_t(old), C.addr_t(new)))
}

func (d *cdriver) nextFreeGFN() (uint64, error) {
	gfn := uint64(C.vmi_get_next_available_gfn(d.vmi))
	if gfn == 0 {
		return 0, fmt.Errorf("vmi_get_next_available_gfn: %w", errFailed)
	}
	return gfn, nil
}

func (d *cdriver) allocGFN(gfn uint64) error {
	return failed("vmi_alloc_gfn", C.vmi_alloc_gfn(d.vmi, C.uint64_t(gfn)))
}

func (d *cdriver) freeGFN(gfn uint64) error {
	return failed("vmi_free_gfn", C.vmi_free_gfn(d.vmi, C.uint64_t(gfn)))
}

func (d *cdriver) setMemAccess(gfn uint64, a memAccess, view uint16) error {
	return failed("vmi_set_mem_event", C.vmi_set_mem_event(d.vmi, C.addr_t(gfn), C.vmi_mem_access_t(a), C.uint16_t(view)))
}

func (d *cdriver) register(name string, e *C.vmi_event_t) error {
	if e == nil {
		return fmt.Errorf("%s: out of memory", name)
	}
	return failed("vmi_register_event ("+name+")", C.vmi_register_event(d.vmi, e))
}

func (d *cdriver) registerInt3() error {
	d.int3 = C.gt_int3_event(C.uintptr_t(d.handle))
	return d.register("int3", d.int3)
}

func (d *cdriver) registerSingleStep(vcpu int) error {
	for len(d.ss) <= vcpu {
		d.ss = append(d.ss, nil)
	}
	d.ss[vcpu] = C.gt_singlestep_event(C.uint32_t(vcpu), C.uintptr_t(d.handle))
	return d.register("single-step", d.ss[vcpu])
}

func (d *cdriver) registerMemAccess() error {
	d.mem = C.gt_mem_event(C.uintptr_t(d.handle))
	return d.register("memory access", d.mem)
}

// clear clears a registered event. Its memory is freed in destroy, after
// vmi_destroy: libvmi may hold it until then.
func (d *cdriver) clear(name string, e *C.vmi_event_t) error {
	if e == nil {
		return nil
	}
	return failed("vmi_clear_event ("+name+")", C.vmi_clear_event(d.vmi, e, nil))
}

func (d *cdriver) clearInt3() error { return d.clear("int3", d.int3) }
func (d *cdriver) clearSingleStep(vcpu int) error {
	if vcpu >= len(d.ss) {
		return nil
	}
	return d.clear("single-step", d.ss[vcpu])
}
func (d *cdriver) clearMemAccess() error { return d.clear("memory access", d.mem) }

func (d *cdriver) eventsPending() (int, error) {
	n := int(C.vmi_are_events_pending(d.vmi))
	if n < 0 {
		return 0, fmt.Errorf("vmi_are_events_pending: %w", errFailed)
	}
	return n, nil
}

func (d *cdriver) listen(timeout time.Duration) error {
	return failed("vmi_events_listen", C.vmi_events_listen(d.vmi, C.uint32_t(timeout.Milliseconds())))
}

func (d *cdriver) destroy() error {
	err := failed("vmi_destroy", C.vmi_destroy(d.vmi))
	for _, e := range append([]*C.vmi_event_t{d.int3, d.mem}, d.ss...) {
		if e != nil {
			C.free(unsafe.Pointer(e))
		}
	}
	d.int3, d.mem, d.ss = nil, nil, nil
	d.handle.Delete()
	return err
}

// gtEvent is called by the shim's callback, on the goroutine running
// vmi_events_listen.
//
//export gtEvent
func gtEvent(ev *C.gt_event_t, rsp *C.gt_response_t, h C.uintptr_t) {
	d := cgo.Handle(h).Value().(*cdriver)
	var regs vmi.Regs
	if ev.regs != nil {
		fromX86(ev.regs, &regs)
	}
	e := event{
		kind:   eventKind(ev.kind),
		vcpu:   int(ev.vcpu),
		slat:   uint16(ev.slat),
		gla:    uint64(ev.gla),
		gfn:    uint64(ev.gfn),
		access: memAccess(ev.access),
		regs:   &regs,
	}
	r := d.h.handle(&e)
	var flags C.uint32_t
	if r.singleStep {
		flags |= C.VMI_EVENT_RESPONSE_TOGGLE_SINGLESTEP
	}
	if r.setSLAT {
		flags |= C.VMI_EVENT_RESPONSE_SLAT_ID
		rsp.slat = C.uint16_t(r.slat)
	}
	if r.setRegs && ev.regs != nil {
		toX86(&regs, ev.regs)
		flags |= C.VMI_EVENT_RESPONSE_SET_REGISTERS
	}
	if r.reinject {
		rsp.reinject = 1
	}
	rsp.flags = flags
}
