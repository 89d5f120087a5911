package libvmi

import (
	"errors"
	"fmt"
)

// ErrAttached means another guestrace has the domain.
var ErrAttached = errors.New("already traced")

// rescueDomain undoes what the record of a guestrace that died says it
// changed in the domain, over a driver open opens (libvmi without events:
// the dead process's monitor ring is still enabled, and Xen lets one
// ring per domain). Without a record there is nothing to undo.
// A record whose process still runs is a live guestrace's: left alone.
func rescueDomain(dir, domain string, alive func(pid int) bool, open func() (driver, error)) error {
	r, ok, err := readRecord(dir, domain)
	if err != nil || !ok {
		return err
	}
	if alive(r.PID) {
		return fmt.Errorf("%s: %w: guestrace (pid %d) is attached to it (if that process is not guestrace, remove %s)", domain, ErrAttached, r.PID, recordPath(dir, domain))
	}
	drv, err := open()
	if err != nil {
		return err
	}
	if err := rescue(drv, domain, r); err != nil {
		return err
	}
	return removeRecord(dir, domain)
}

// rescue is Close's teardown for a domain whose tracer is gone, in the
// same order: paused, the monitor off (which wakes the vCPUs that waited
// for answers; they run on once the domain is unpaused), the vCPUs back
// in view 0, the shadows unmapped, the view destroyed, then the frames
// freed, altp2m off if the tracer turned it on, the pause the tracer held
// released, libvmi closed, the memory limit put back.
func rescue(drv driver, domain string, r record) error {
	var errs []error
	fail := func(err error, format string, args ...any) bool {
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %s: %w", domain, fmt.Sprintf(format, args...), err))
		}
		return err != nil
	}
	paused := !fail(drv.pause(), "pausing")
	if r.Monitor {
		fail(drv.monitorOff(r.VCPUs), "turning the monitor off")
	}
	viewGone := !r.ViewOn
	if r.ViewOn {
		fail(drv.slatSwitch(0), "switching back to view 0")
		for _, gfn := range r.Mapped {
			fail(drv.slatChangeGFN(r.View, gfn, invalidGFN), "unmapping the shadow of frame %#x", gfn)
		}
		viewGone = !fail(drv.slatDestroy(r.View), "destroying view %d", r.View)
	}
	if viewGone {
		for _, f := range r.Frames {
			fail(drv.freeGFN(f), "freeing shadow frame %#x", f)
		}
		if r.Altp2mByUs {
			fail(drv.slatControl(false), "disabling altp2m")
		}
	}
	if paused {
		fail(drv.resume(), "resuming")
	}
	if r.Paused {
		fail(drv.resume(), "releasing the dead tracer's pause")
	}
	fail(drv.destroy(), "closing libvmi")
	if r.MemLimitKiB != 0 {
		fail(drv.setMemLimit(r.MemLimitKiB), "restoring the memory limit of %d KiB", r.MemLimitKiB)
	}
	return errors.Join(errs...)
}
