package libvmi

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"sort"
	"syscall"
	"time"
)

// maxDrain bounds the rounds of answering events still queued at Close.
const maxDrain = 64

// Close implements vmi.Target. It restores the domain as it was: the
// vCPUs back in the host's view, the shadow pages unmapped, the view
// destroyed, the shadow frames freed, altp2m off again if it was off, every event cleared, the
// domain unpaused (its pause count as before Open), libvmi closed. A
// callback holding an event when Close runs answers it at once, after the
// shadows are gone, so that its vCPU runs the original code.
func (t *Target) Close() error {
	t.closeOnce.Do(func() {
		if t.stopSignals != nil {
			t.stopSignals()
		}
		err := t.call(t.teardown)
		<-t.exited
		t.closeErr = errors.Join(err, t.s.finishErr)
	})
	return t.closeErr
}

// teardown runs as a request, possibly nested in a callback: it undoes
// what does not need the event channel, and ends the driver goroutine,
// whose finish does the rest outside any callback.
func (t *Target) teardown() error {
	s := &t.s
	s.closing, s.done, s.waiting = true, true, false
	if t.file {
		return nil
	}
	var errs []error
	if !s.paused {
		if err := t.drv.pause(); err != nil {
			errs = append(errs, fmt.Errorf("pausing %s: %w", t.name, err))
		} else {
			s.paused = true
		}
	}
	if s.viewOn {
		if err := t.drv.slatSwitch(0); err != nil {
			errs = append(errs, fmt.Errorf("%s: switching back to view 0: %w", t.name, err))
		}
	}
	gfns := make([]uint64, 0, len(s.pages))
	for gfn := range s.pages {
		gfns = append(gfns, gfn)
	}
	sort.Slice(gfns, func(i, j int) bool { return gfns[i] < gfns[j] })
	for _, gfn := range gfns {
		pg := s.pages[gfn]
		if err := t.drv.setMemAccess(gfn, memN, s.view); err != nil {
			errs = append(errs, fmt.Errorf("%s: lifting the trap on frame %#x: %w", t.name, gfn, err))
		}
		if err := t.drv.slatChangeGFN(s.view, gfn, invalidGFN); err != nil {
			errs = append(errs, fmt.Errorf("%s: unmapping shadow %#x of frame %#x: %w", t.name, pg.shadow, gfn, err))
		}
	}
	s.pages = map[uint64]*shadowPage{}
	s.bps = map[uint64]uint64{}
	return errors.Join(errs...)
}

// finish runs on the driver goroutine after its last request, outside any
// callback: answer the events still queued, clear the events, destroy the
// view, unpause, close libvmi.
func (t *Target) finish() {
	s := &t.s
	var errs []error
	if !t.file && s.registered {
		for i := 0; i < maxDrain; i++ {
			n, err := t.drv.eventsPending()
			if err != nil || n <= 0 {
				break
			}
			if err := t.drv.listen(0); err != nil {
				errs = append(errs, fmt.Errorf("%s: answering queued events: %w", t.name, err))
				break
			}
		}
		if err := t.drv.clearInt3(); err != nil {
			errs = append(errs, fmt.Errorf("%s: clearing the int3 event: %w", t.name, err))
		}
		for v := 0; v < t.nvcpu; v++ {
			if err := t.drv.clearSingleStep(v); err != nil {
				errs = append(errs, fmt.Errorf("%s: clearing the single-step event of vCPU %d: %w", t.name, v, err))
			}
		}
		if err := t.drv.clearMemAccess(); err != nil {
			errs = append(errs, fmt.Errorf("%s: clearing the memory-access event: %w", t.name, err))
		}
	}
	if s.viewOn {
		if err := t.drv.slatDestroy(s.view); err != nil {
			errs = append(errs, fmt.Errorf("%s: destroying view %d (its %d shadow frames stay allocated): %w", t.name, s.view, len(s.frames), err))
		} else {
			s.viewOn = false
		}
	}
	if !s.viewOn {
		// Only now: freeing a frame a live view once mapped resets
		// the view (shadow.go).
		for _, f := range s.frames {
			if err := t.drv.freeGFN(f); err != nil {
				errs = append(errs, fmt.Errorf("%s: freeing shadow frame %#x: %w", t.name, f, err))
			}
		}
		s.frames, s.spare = nil, nil
	}
	if s.altp2mByUs {
		if err := t.drv.slatControl(false); err != nil {
			errs = append(errs, fmt.Errorf("%s: disabling altp2m: %w", t.name, err))
		}
	}
	if err := t.unpause(); err != nil {
		errs = append(errs, err)
	}
	if err := t.drv.destroy(); err != nil {
		errs = append(errs, fmt.Errorf("%s: closing libvmi: %w", t.name, err))
	}
	if !t.file && s.memLimit != 0 {
		if err := t.drv.setMemLimit(s.memLimit); err != nil {
			errs = append(errs, fmt.Errorf("%s: restoring the memory limit of %d KiB: %w", t.name, s.memLimit, err))
		}
	}
	if len(errs) == 0 && !t.file {
		// Restored: nothing for a rescue to do.
		if err := removeRecord(t.stateDir, t.name); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", t.name, err))
		}
	} else if s.recordErr != nil {
		errs = append(errs, fmt.Errorf("%s: %w", t.name, s.recordErr))
	}
	s.finishErr = errors.Join(errs...)
}

// teardownSignals are the signals on which Open's target makes sure the
// guest is restored.
var teardownSignals = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP}

// signalGrace is how long after a teardown signal the program has to
// close the target itself (it sees the signal too: signal.Notify delivers
// to every channel) before the target closes itself.
var signalGrace = 2 * time.Second

// watchSignals closes the target after one of teardownSignals when the
// program has not closed it within signalGrace, or at a second signal.
// While it watches, the signals do not kill the program: a killed tracer
// would leave vCPUs waiting for answers to events nobody listens to.
func (t *Target) watchSignals() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, teardownSignals...)
	stop := make(chan struct{})
	t.stopSignals = func() {
		signal.Stop(ch)
		close(stop)
	}
	grace := signalGrace
	go func() {
		select {
		case <-ch:
		case <-stop:
			return
		}
		select {
		case <-stop: // the program closed the target
			return
		case <-ch:
		case <-time.After(grace):
		}
		_ = t.Close()
	}()
}
