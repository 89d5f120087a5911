//go:build libvmi

#include "shim.h"
#include "_cgo_export.h"

// gt_callback is every event's callback: it flattens the event, asks Go,
// and applies the answer.
static event_response_t gt_callback(vmi_instance_t vmi, vmi_event_t *e)
{
	(void)vmi;
	gt_event_t ev = {0};
	gt_response_t rsp = {0};

	ev.vcpu = e->vcpu_id;
	ev.slat = e->slat_id;
	ev.regs = e->x86_regs;
	switch (e->type) {
	case VMI_EVENT_INTERRUPT:
		ev.kind = GT_INT3;
		ev.gla = e->interrupt_event.gla;
		ev.gfn = e->interrupt_event.gfn;
		break;
	case VMI_EVENT_SINGLESTEP:
		ev.kind = GT_SINGLESTEP;
		ev.gla = e->ss_event.gla;
		ev.gfn = e->ss_event.gfn;
		break;
	case VMI_EVENT_MEMORY:
		ev.kind = GT_MEM;
		ev.gla = e->mem_event.gla;
		ev.gfn = e->mem_event.gfn;
		ev.access = e->mem_event.out_access;
		break;
	default:
		return VMI_EVENT_RESPONSE_NONE;
	}

	gtEvent(&ev, &rsp, (uintptr_t)e->data);

	if (e->type == VMI_EVENT_INTERRUPT) {
		e->interrupt_event.reinject = rsp.reinject;
		// Xen before 4.8 reports no length; an int3 is one byte.
		if (!e->interrupt_event.insn_length)
			e->interrupt_event.insn_length = 1;
	}
	if (rsp.flags & VMI_EVENT_RESPONSE_SLAT_ID)
		e->slat_id = rsp.slat;
	return rsp.flags;
}

vmi_event_t *gt_int3_event(uintptr_t h)
{
	vmi_event_t *e = calloc(1, sizeof(*e));
	if (!e)
		return NULL;
	SETUP_INTERRUPT_EVENT(e, gt_callback);
	e->data = (void *)h;
	return e;
}

vmi_event_t *gt_singlestep_event(uint32_t vcpu, uintptr_t h)
{
	vmi_event_t *e = calloc(1, sizeof(*e));
	if (!e)
		return NULL;
	// Registered disabled: a response toggles it per hit.
	SETUP_SINGLESTEP_EVENT(e, 1u << vcpu, gt_callback, 0);
	e->data = (void *)h;
	return e;
}

vmi_event_t *gt_mem_event(uintptr_t h)
{
	vmi_event_t *e = calloc(1, sizeof(*e));
	if (!e)
		return NULL;
	// Generic: vmi_set_mem_event picks the pages and views.
	SETUP_MEM_EVENT(e, ~0ULL, VMI_MEMACCESS_RWX, gt_callback, 1);
	e->data = (void *)h;
	return e;
}

x86_registers_t *gt_x86(registers_t *r)
{
	return &r->x86;
}

void gt_simulate(vmi_event_t *e, uint32_t vcpu, uint16_t slat, uint64_t gla,
		 uint64_t gfn, uint8_t access, x86_registers_t *regs, gt_sim_t *out)
{
	e->vcpu_id = vcpu;
	e->slat_id = slat;
	e->x86_regs = regs;
	switch (e->type) {
	case VMI_EVENT_INTERRUPT:
		e->interrupt_event.gla = gla;
		e->interrupt_event.gfn = gfn;
		e->interrupt_event.insn_length = 0; // as Xen before 4.8 reports
		break;
	case VMI_EVENT_SINGLESTEP:
		e->ss_event.gla = gla;
		e->ss_event.gfn = gfn;
		break;
	case VMI_EVENT_MEMORY:
		e->mem_event.gla = gla;
		e->mem_event.gfn = gfn;
		e->mem_event.out_access = access;
		break;
	}
	out->flags = e->callback(NULL, e);
	out->slat = e->slat_id;
	if (e->type == VMI_EVENT_INTERRUPT) {
		out->reinject = e->interrupt_event.reinject;
		out->insn_length = e->interrupt_event.insn_length;
	}
}
