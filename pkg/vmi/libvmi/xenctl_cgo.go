//go:build libvmi

package libvmi

/*
#cgo LDFLAGS: -lxenctrl -lxenstore
#include <stdlib.h>
#include "xenctl.h"
*/
import "C"

import (
	"fmt"
	"unsafe"
)

// domainMemLimit finds a domain's id and its memory limit, before
// vmi_init lifts the limit.
func domainMemLimit(domain string) (domid uint32, kib uint64, err error) {
	name := C.CString(domain)
	defer C.free(unsafe.Pointer(name))
	var id C.uint32_t
	switch C.gt_xen_domid(name, &id) {
	case 0:
	case -2:
		return 0, 0, fmt.Errorf("%s: cannot reach xenstore (run as root in dom0, with xenstored running)", domain)
	default:
		return 0, 0, fmt.Errorf("%s: no such Xen domain (see xl list)", domain)
	}
	var k C.uint64_t
	if C.gt_xen_maxmem(id, &k) != 0 || k == 0 {
		return 0, 0, fmt.Errorf("%s: cannot read the domain's memory limit (xc_domain_getinfolist)", domain)
	}
	return uint32(id), uint64(k), nil
}

func (d *cdriver) memLimit() uint64 { return d.origKiB }

func (d *cdriver) setMemLimit(kib uint64) error {
	if C.gt_xen_setmaxmem(C.uint32_t(d.domid), C.uint64_t(kib)) != 0 {
		return fmt.Errorf("xc_domain_setmaxmem %d KiB: %w", kib, errFailed)
	}
	return nil
}

func (d *cdriver) monitorOff(nvcpu int) error {
	if C.gt_xen_monitor_off(C.uint32_t(d.domid), C.uint32_t(nvcpu)) != 0 {
		return fmt.Errorf("xc_monitor_disable and its kin: %w", errFailed)
	}
	return nil
}
