//go:build libvmi

package libvmi

/*
#cgo pkg-config: libvmi
#include "shim.h"
*/
import "C"

import (
	"context"
	"fmt"
	"runtime/cgo"
	"unsafe"
)

// Built reports whether this guestrace has the libvmi backend.
const Built = true

// Open attaches to the Xen domain named domain through libvmi, events
// enabled, and prepares stealthy breakpoints (altp2m on, an empty shadow
// view the vCPUs run in, int3, single-step and memory-access events
// registered). The domain is left paused until Wait or Unpause. With
// opt.File, domain is the path of a raw memory dump instead.
//
// Open must run as root in dom0. The domain needs altp2m: Xen booted
// with altp2m=1 and altp2m = "external" (Xen 4.11 and later, or
// altp2mhvm = 1 before) in its configuration.
func Open(ctx context.Context, domain string, opt Options) (*Target, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d, err := openDriver(domain, opt.File)
	if err != nil {
		return nil, err
	}
	return newTarget(d, domain, opt)
}

func openDriver(domain string, file bool) (*cdriver, error) {
	// libvmi keeps no per-thread state: the instance made here is used
	// from the driver goroutine's thread afterwards.
	name := C.CString(domain)
	defer C.free(unsafe.Pointer(name))
	mode := C.vmi_mode_t(C.VMI_XEN)
	flags := C.uint64_t(C.VMI_INIT_DOMAINNAME | C.VMI_INIT_EVENTS)
	if file {
		mode = C.VMI_FILE
		flags = C.VMI_INIT_DOMAINNAME
	}
	var v C.vmi_instance_t
	var ierr C.vmi_init_error_t
	if C.vmi_init(&v, mode, unsafe.Pointer(name), flags, nil, &ierr) != C.VMI_SUCCESS {
		return nil, initError(domain, file, ierr)
	}
	if !file && C.vmi_init_paging(v, 0) == C.VMI_PM_UNKNOWN {
		C.vmi_destroy(v)
		return nil, fmt.Errorf("%s: libvmi cannot tell the guest's paging mode (is it an HVM guest past its boot loader?)", domain)
	}
	d := &cdriver{vmi: v, nvcpu: int(C.vmi_get_num_vcpus(v))}
	d.handle = cgo.NewHandle(d)
	return d, nil
}

// initError says why vmi_init failed, naming the domain.
func initError(domain string, file bool, e C.vmi_init_error_t) error {
	if file {
		switch e {
		case C.VMI_INIT_ERROR_VM_NOT_FOUND, C.VMI_INIT_ERROR_DRIVER:
			return fmt.Errorf("%s: libvmi cannot open the memory dump", domain)
		}
		return fmt.Errorf("%s: libvmi cannot open the memory dump (init error %d)", domain, e)
	}
	switch e {
	case C.VMI_INIT_ERROR_DRIVER_NOT_DETECTED, C.VMI_INIT_ERROR_DRIVER:
		return fmt.Errorf("%s: libvmi cannot reach Xen (run as root in dom0, with xenstored running)", domain)
	case C.VMI_INIT_ERROR_VM_NOT_FOUND:
		return fmt.Errorf("%s: no such Xen domain (see xl list)", domain)
	case C.VMI_INIT_ERROR_EVENTS:
		return fmt.Errorf("%s: libvmi cannot enable events on the domain (another introspection tool attached?)", domain)
	}
	return fmt.Errorf("%s: libvmi init failed (error %d)", domain, e)
}
