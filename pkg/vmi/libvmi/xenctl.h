// Xen controls libvmi does not offer: the domain's memory limit and
// turning off a monitor a dead process left behind. See driver.go.
#ifndef GUESTRACE_LIBVMI_XENCTL_H
#define GUESTRACE_LIBVMI_XENCTL_H

#include <stdint.h>

// gt_xen_domid finds the id of the domain named name in xenstore
// (/local/domain/ID/name), as xl does. 0 on success, -1 when there is no
// such domain, -2 when xenstore cannot be reached.
int gt_xen_domid(const char *name, uint32_t *domid);
// gt_xen_maxmem reads the domain's memory limit in KiB (max_pages * 4).
int gt_xen_maxmem(uint32_t domid, uint64_t *kib);
// gt_xen_setmaxmem is xc_domain_setmaxmem.
int gt_xen_setmaxmem(uint32_t domid, uint64_t kib);
// gt_xen_monitor_off turns int3 and single-step monitoring off, stops
// single-stepping every vCPU and disables the monitor ring. It tries every
// step; 0 when all succeeded.
int gt_xen_monitor_off(uint32_t domid, uint32_t nvcpu);

#endif
