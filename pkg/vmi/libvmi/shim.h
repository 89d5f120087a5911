// Small C helpers for what cgo cannot express of libvmi: its event
// structure's unions, its SETUP_*_EVENT macros, and the event callback
// (a C function pointer) that passes events to Go.
#ifndef GUESTRACE_LIBVMI_SHIM_H
#define GUESTRACE_LIBVMI_SHIM_H

#include <stdint.h>
#include <stdlib.h>
#include <libvmi/libvmi.h>
#include <libvmi/events.h>
#include <libvmi/slat.h>

// Event kinds, equal to the Go side's eventKind.
enum { GT_INT3 = 0, GT_SINGLESTEP = 1, GT_MEM = 2 };

// gt_event_t is one event, flattened for Go.
typedef struct gt_event {
	int kind;
	uint32_t vcpu;
	uint16_t slat;
	uint8_t access;
	uint64_t gla;
	uint64_t gfn;
	x86_registers_t *regs;
} gt_event_t;

// gt_response_t is Go's answer: libvmi response flags, the view to switch
// to with VMI_EVENT_RESPONSE_SLAT_ID, and for int3 whether to reinject.
typedef struct gt_response {
	uint32_t flags;
	uint16_t slat;
	int8_t reinject;
} gt_response_t;

// Events to register, calloc'ed, delivering to Go with handle h in data.
vmi_event_t *gt_int3_event(uintptr_t h);
vmi_event_t *gt_singlestep_event(uint32_t vcpu, uintptr_t h);
vmi_event_t *gt_mem_event(uintptr_t h);

// gt_x86 is the x86 member of registers_t's union.
x86_registers_t *gt_x86(registers_t *r);


// gt_sim_t is what gt_simulate reports of an event after its callback.
typedef struct gt_sim {
	uint32_t flags;
	uint16_t slat;
	int8_t reinject;
	uint32_t insn_length;
} gt_sim_t;

// gt_simulate fills e as libvmi's Xen driver does for an event of kind
// and runs its callback, as vmi_events_listen would (for tests).
void gt_simulate(vmi_event_t *e, uint32_t vcpu, uint16_t slat, uint64_t gla,
		 uint64_t gfn, uint8_t access, x86_registers_t *regs, gt_sim_t *out);

#endif
