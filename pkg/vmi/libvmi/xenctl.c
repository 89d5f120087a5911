//go:build libvmi

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xenctrl.h>
#include <xenstore.h>

#include "xenctl.h"

int gt_xen_domid(const char *name, uint32_t *domid)
{
	struct xs_handle *xs = xs_open(XS_OPEN_READONLY);
	if (!xs)
		return -2;
	unsigned int n = 0;
	char **ids = xs_directory(xs, XBT_NULL, "/local/domain", &n);
	int rc = -1;
	for (unsigned int i = 0; ids && i < n && rc != 0; i++) {
		char path[64];
		snprintf(path, sizeof(path), "/local/domain/%s/name", ids[i]);
		unsigned int len = 0;
		char *v = xs_read(xs, XBT_NULL, path, &len);
		if (v && strlen(name) == len && memcmp(v, name, len) == 0) {
			char *end = NULL;
			unsigned long id = strtoul(ids[i], &end, 10);
			if (end && *end == '\0' && id < UINT32_MAX) {
				*domid = (uint32_t)id;
				rc = 0;
			}
		}
		free(v);
	}
	free(ids);
	xs_close(xs);
	return rc;
}

int gt_xen_maxmem(uint32_t domid, uint64_t *kib)
{
	xc_interface *xch = xc_interface_open(NULL, NULL, 0);
	if (!xch)
		return -1;
	xc_domaininfo_t info;
	int rc = -1;
	if (xc_domain_getinfolist(xch, domid, 1, &info) == 1 && info.domain == domid) {
		*kib = (uint64_t)info.max_pages * (XC_PAGE_SIZE / 1024);
		rc = 0;
	}
	xc_interface_close(xch);
	return rc;
}

int gt_xen_setmaxmem(uint32_t domid, uint64_t kib)
{
	xc_interface *xch = xc_interface_open(NULL, NULL, 0);
	if (!xch)
		return -1;
	int rc = xc_domain_setmaxmem(xch, domid, kib);
	xc_interface_close(xch);
	return rc;
}

int gt_xen_monitor_off(uint32_t domid, uint32_t nvcpu)
{
	xc_interface *xch = xc_interface_open(NULL, NULL, 0);
	if (!xch)
		return -1;
	int rc = 0;
	if (xc_monitor_software_breakpoint(xch, domid, false))
		rc = -1;
	if (xc_monitor_singlestep(xch, domid, false))
		rc = -1;
	for (uint32_t v = 0; v < nvcpu; v++)
		if (xc_domain_debug_control(xch, domid, XEN_DOMCTL_DEBUG_OP_SINGLE_STEP_OFF, v))
			rc = -1;
	if (xc_monitor_disable(xch, domid))
		rc = -1;
	xc_interface_close(xch);
	return rc;
}
