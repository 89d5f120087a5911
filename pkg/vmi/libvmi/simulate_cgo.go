//go:build libvmi

package libvmi

/*
#cgo pkg-config: libvmi
#include "shim.h"
*/
import "C"

import (
	"runtime/cgo"
	"unsafe"

	"github.com/guestrace/guestrace/pkg/vmi"
)

// simResult is what libvmi would act on after an event's callback.
type simResult struct {
	flags      uint32 // VMI_EVENT_RESPONSE_* returned
	slat       uint16 // the event's slat_id afterwards
	reinject   int8   // int3: interrupt_event.reinject
	insnLength uint32 // int3: interrupt_event.insn_length
	regs       vmi.Regs
}

// simulateEvent builds one of the shim's events for handler h, fills it
// as libvmi's Xen driver fills an event, runs the shim's callback and
// reports the answer left for libvmi. It checks the shim against libvmi's
// real structures where no hypervisor delivers events.
func simulateEvent(h handler, kind eventKind, vcpu int, slat uint16, gla, gfn uint64, access memAccess, regs vmi.Regs) simResult {
	d := &cdriver{h: h}
	d.handle = cgo.NewHandle(d)
	defer d.handle.Delete()
	var e *C.vmi_event_t
	switch kind {
	case evInt3:
		e = C.gt_int3_event(C.uintptr_t(d.handle))
	case evSingleStep:
		e = C.gt_singlestep_event(C.uint32_t(vcpu), C.uintptr_t(d.handle))
	default:
		e = C.gt_mem_event(C.uintptr_t(d.handle))
	}
	defer C.free(unsafe.Pointer(e))
	x := (*C.x86_registers_t)(C.calloc(1, C.sizeof_x86_registers_t))
	defer C.free(unsafe.Pointer(x))
	toX86(&regs, x)
	x.cr3, x.cs_sel, x.shadow_gs = C.uint64_t(regs.CR3), C.uint64_t(regs.CS), C.uint64_t(regs.KernelGSBase)
	var out C.gt_sim_t
	C.gt_simulate(e, C.uint32_t(vcpu), C.uint16_t(slat), C.uint64_t(gla), C.uint64_t(gfn), C.uint8_t(access), x, &out)
	r := simResult{flags: uint32(out.flags), slat: uint16(out.slat), reinject: int8(out.reinject), insnLength: uint32(out.insn_length)}
	fromX86(x, &r.regs)
	return r
}
