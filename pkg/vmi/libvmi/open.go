//go:build libvmi

package libvmi

/*
#cgo pkg-config: libvmi
#include "shim.h"
*/
import "C"

import (
	"context"
	"errors"
	"fmt"
	"os"
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
	if !opt.File && opt.StateDir == "" {
		opt.StateDir = DefaultStateDir
	}
	if !opt.File {
		// A record left by a guestrace that died and was not rescued:
		// undo it first, or its monitor ring would refuse this one.
		err := rescueDomain(opt.StateDir, domain, processAlive, func() (driver, error) { return openDriver(domain, false, false) })
		if errors.Is(err, ErrAttached) {
			return nil, err
		}
		if err != nil {
			return nil, fmt.Errorf("%s: undoing what a guestrace that died left: %w", domain, err)
		}
	}
	d, err := openDriver(domain, opt.File, true)
	if err != nil {
		return nil, err
	}
	return newTarget(d, domain, opt)
}

// Rescue undoes what a guestrace that died without closing its target
// left in the domain, as its rescue record in opt.StateDir (default
// DefaultStateDir) says: views, shadow frames, the monitor, altp2m, the
// memory limit, its pause. Without a record it does nothing. A record
// whose guestrace still runs is left alone, unless that guestrace is the
// caller's parent: guestrace's guard, its child, runs Rescue when the
// tracer dies or could not close the target.
func Rescue(ctx context.Context, domain string, opt Options) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if opt.StateDir == "" {
		opt.StateDir = DefaultStateDir
	}
	parent := os.Getppid()
	alive := func(pid int) bool { return pid != parent && processAlive(pid) }
	return rescueDomain(opt.StateDir, domain, alive, func() (driver, error) { return openDriver(domain, false, false) })
}

// openDriver opens libvmi on a domain (with its events when events) or a
// dump (file).
func openDriver(domain string, file, events bool) (*cdriver, error) {
	var domid uint32
	var origKiB uint64
	if !file {
		var err error
		if domid, origKiB, err = domainMemLimit(domain); err != nil {
			return nil, err
		}
	}
	// libvmi keeps no per-thread state: the instance made here is used
	// from the driver goroutine's thread afterwards.
	name := C.CString(domain)
	defer C.free(unsafe.Pointer(name))
	mode := C.vmi_mode_t(C.VMI_XEN)
	flags := C.uint64_t(C.VMI_INIT_DOMAINNAME)
	if events {
		flags |= C.VMI_INIT_EVENTS
	}
	if file {
		mode = C.VMI_FILE
		flags = C.VMI_INIT_DOMAINNAME
	}
	var v C.vmi_instance_t
	var ierr C.vmi_init_error_t
	if C.vmi_init(&v, mode, unsafe.Pointer(name), flags, nil, &ierr) != C.VMI_SUCCESS {
		return nil, initError(domain, file, ierr)
	}
	// A rescue (no events) needs no page tables.
	if !file && events && C.vmi_init_paging(v, 0) == C.VMI_PM_UNKNOWN {
		C.vmi_destroy(v)
		return nil, fmt.Errorf("%s: libvmi cannot tell the guest's paging mode (is it an HVM guest past its boot loader?)", domain)
	}
	d := &cdriver{vmi: v, nvcpu: int(C.vmi_get_num_vcpus(v)), domid: domid, origKiB: origKiB}
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
