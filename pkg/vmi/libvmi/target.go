package libvmi

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/guestrace/guestrace/pkg/vmi"
)

// listenSlice bounds one vmi_events_listen call, and so how long a
// cancelled Wait or a Close takes to be noticed while the guest runs.
const listenSlice = 100 * time.Millisecond

// maxVCPUs is the most vCPUs a domain may have: libvmi's single-step
// event names its vCPUs in a 32-bit mask (events.h vmi_event_t
// ss_event.vcpus, SETUP_SINGLESTEP_EVENT; shim.c's 1u << vcpu), as the
// original guestrace's limit was.
const maxVCPUs = 32

// Options of Open.
type Options struct {
	// File opens a raw physical-memory dump (QEMU's pmemsave, a
	// /dev/mem copy) with libvmi's file driver instead of a Xen domain;
	// Open's domain argument is then the dump's path. A dump has memory
	// only: no events, so no breakpoints, and no registers of its own.
	File bool
	// RegsFile gives a dump its vCPU registers: a file written by
	// SaveRegs when the dump was taken. Without it Regs fails in file
	// mode.
	RegsFile string
	// NoSignals leaves SIGINT, SIGTERM and SIGHUP alone. By default they
	// no longer kill the program while the target is open, and the
	// target closes itself if the program has not closed it 2 s after
	// one (or at a second one): the guest is restored however the
	// program ends.
	NoSignals bool
	// StateDir is where the rescue record is kept (record.go); Open
	// uses DefaultStateDir when empty.
	StateDir string
}

// Target is a Xen domain (or a memory dump) through libvmi. It
// implements vmi.Target.
//
// libvmi is driven from one goroutine locked to its OS thread. libvmi
// calls back into Go from vmi_events_listen when a vCPU hits a
// breakpoint, and the vCPU waits for the callback's answer; so the
// callback hands the event to Wait and, until Resume, serves the
// target's other calls (reads, registers, breakpoints) itself, nested in
// the callback, where libvmi allows them.
type Target struct {
	drv   driver
	name  string // domain name or dump path, for messages
	file  bool
	nvcpu int

	fileRegs []vmi.Regs

	reqs    chan request
	events  chan *hit  // a callback hands its event to Wait
	waitErr chan error // the listener failed while a Wait ran
	exited  chan struct{}

	stateDir string // rescue record's directory; none when empty

	closeOnce   sync.Once
	closeErr    error
	stopSignals func()

	s state // owned by the driver's goroutine
}

// state is touched only on the driver's goroutine.
type state struct {
	paused  bool // we hold one pause of the domain
	waiting bool // a Wait wants the next event
	cur     *hit // the event a callback is holding
	closing bool // teardown started: callbacks answer at once
	done    bool // the driver goroutine ends after this request

	// altp2m.
	view       uint16
	viewOn     bool                   // view created
	altp2mByUs bool                   // altp2m was off and we enabled it
	registered bool                   // events registered
	bps        map[uint64]uint64      // breakpoints: virtual -> physical address
	pages      map[uint64]*shadowPage // by original gfn
	placed     map[uint64]bool        // every physical address ever given a breakpoint
	wrote      map[int]bool           // vCPUs stepping a write in view 0
	frames     []uint64               // every shadow frame allocated, freed after the view
	spare      []uint64               // allocated frames no page uses (a shadow that failed)
	finishErr  error
	memLimit   uint64 // KiB, the domain's limit before Open; 0: unknown
	mapping    uint64 // the frame being mapped to a shadow, for the record
	recordErr  error  // the first failure to write the rescue record
}

// hit is a breakpoint event held by its callback.
type hit struct {
	ev          vmi.Event
	delivered   bool // Wait returned it
	resumed     bool // Resume answered it
	regsChanged bool
}

type request struct {
	fn   func() error
	done chan error
}

var _ vmi.Target = (*Target)(nil)

// newTarget starts the driver goroutine and prepares the domain: paused,
// altp2m on with an empty shadow view, events registered. The guest stays
// paused until Wait or Unpause.
func newTarget(drv driver, name string, opt Options) (*Target, error) {
	t := &Target{
		drv:      drv,
		name:     name,
		file:     opt.File,
		reqs:     make(chan request),
		events:   make(chan *hit),
		waitErr:  make(chan error, 1),
		exited:   make(chan struct{}),
		stateDir: opt.StateDir,
	}
	t.s.bps = map[uint64]uint64{}
	t.s.pages = map[uint64]*shadowPage{}
	t.s.placed = map[uint64]bool{}
	t.s.wrote = map[int]bool{}
	if opt.RegsFile != "" {
		regs, err := LoadRegs(opt.RegsFile)
		if err != nil {
			_ = drv.destroy()
			return nil, err
		}
		t.fileRegs = regs
	}
	drv.setHandler(t)
	t.nvcpu = drv.numVCPUs()
	if t.file && len(t.fileRegs) > 0 {
		t.nvcpu = len(t.fileRegs)
	}
	if t.nvcpu < 1 {
		t.nvcpu = 1
	}
	if !t.file && t.nvcpu > maxVCPUs {
		_ = drv.destroy()
		return nil, fmt.Errorf("%s: %d vCPUs: guestrace's Xen backend handles at most %d (libvmi's single-step event takes a 32-bit vCPU mask)", name, t.nvcpu, maxVCPUs)
	}
	go t.run()
	if !opt.NoSignals {
		// From before setup: a signal meanwhile must not kill the
		// program with the domain paused and half set up.
		t.watchSignals()
	}
	if err := t.call(t.setup); err != nil {
		_ = t.Close()
		return nil, err
	}
	return t, nil
}

// setup pauses the domain and installs the shadow view and the events,
// as the original guestrace does at start.
func (t *Target) setup() error {
	if t.file {
		return nil
	}
	s := &t.s
	s.memLimit = t.drv.memLimit()
	if err := t.pause(); err != nil {
		return err
	}
	if t.stateDir != "" && s.recordErr != nil {
		return fmt.Errorf("%s: %w (a rescue after a crash needs it: see Options.StateDir)", t.name, s.recordErr)
	}
	// Shadow frames are allocated beyond the domain's memory (libvmi
	// lifts the limit at vmi_init already; this does not depend on it).
	if err := t.drv.setMemLimit(unlimitedKiB); err != nil {
		return fmt.Errorf("%s: lifting the memory limit for shadow pages: %w", t.name, err)
	}
	on, err := t.drv.slatState()
	if err != nil {
		return fmt.Errorf("%s: reading the altp2m state: %w", t.name, err)
	}
	if !on {
		if err := t.drv.slatControl(true); err != nil {
			return fmt.Errorf("%s: cannot enable altp2m (boot Xen with altp2m=1 and give the domain altp2m = \"external\"): %w", t.name, err)
		}
		s.altp2mByUs = true
		t.persist()
	}
	if s.view, err = t.drv.slatCreate(); err != nil {
		return fmt.Errorf("%s: creating an altp2m view: %w", t.name, err)
	}
	s.viewOn = true
	s.registered = true // teardown clears whatever got registered
	t.persist()
	if err := t.drv.registerInt3(); err != nil {
		return fmt.Errorf("%s: registering the int3 event: %w", t.name, err)
	}
	for v := 0; v < t.nvcpu; v++ {
		if err := t.drv.registerSingleStep(v); err != nil {
			return fmt.Errorf("%s: registering the single-step event of vCPU %d: %w", t.name, v, err)
		}
	}
	if err := t.drv.registerMemAccess(); err != nil {
		return fmt.Errorf("%s: registering the memory-access event: %w", t.name, err)
	}
	if err := t.drv.slatSwitch(s.view); err != nil {
		return fmt.Errorf("%s: switching to the altp2m view: %w", t.name, err)
	}
	return nil
}

// run is the driver goroutine: it serves calls and, while a Wait runs,
// listens for events.
func (t *Target) run() {
	runtime.LockOSThread()
	defer close(t.exited)
	for !t.s.done {
		if t.s.waiting {
			select {
			case r := <-t.reqs:
				t.serve(r)
				continue
			default:
			}
			if err := t.drv.listen(listenSlice); err != nil {
				t.s.waiting = false
				t.waitErr <- fmt.Errorf("%s: listening for events: %w: %v", t.name, vmi.ErrGuestGone, err)
			}
			continue
		}
		t.serve(<-t.reqs)
	}
	t.finish()
}

func (t *Target) serve(r request) { r.done <- r.fn() }

// call runs fn on the driver goroutine (nested in a callback if one holds
// an event) and returns its error.
func (t *Target) call(fn func() error) error {
	r := request{fn: fn, done: make(chan error, 1)}
	select {
	case t.reqs <- r:
	case <-t.exited:
		return fmt.Errorf("%s: %w", t.name, vmi.ErrClosed)
	}
	return <-r.done
}

func (t *Target) unsupportedInFile(what string) error {
	return fmt.Errorf("%s: %s: a memory dump has no events: %w", t.name, what, vmi.ErrUnsupported)
}

// NumVCPUs implements vmi.Target.
func (t *Target) NumVCPUs() int { return t.nvcpu }

// ReadPhys implements vmi.Target. It reads the guest's own memory (the
// host's view): breakpoints live in shadow pages and are never seen.
func (t *Target) ReadPhys(pa uint64, buf []byte) error {
	return t.call(func() error {
		if err := t.drv.readPA(pa, buf); err != nil {
			return fmt.Errorf("%s: reading %d bytes at physical %#x: %w", t.name, len(buf), pa, err)
		}
		return nil
	})
}

// WritePhys implements vmi.Target. Shadow copies of the written pages
// are refreshed, keeping their breakpoints.
func (t *Target) WritePhys(pa uint64, buf []byte) error {
	return t.call(func() error {
		if err := t.drv.writePA(pa, buf); err != nil {
			return fmt.Errorf("%s: writing %d bytes at physical %#x: %w", t.name, len(buf), pa, err)
		}
		if len(buf) == 0 {
			return nil
		}
		for gfn := pa >> pageShift; gfn <= (pa+uint64(len(buf))-1)>>pageShift; gfn++ {
			if pg := t.s.pages[gfn]; pg != nil {
				if err := t.syncShadow(pg); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// Regs implements vmi.Target. At an event, the event's vCPU reads as the
// event saw it (with the changes SetRegs made since).
func (t *Target) Regs(vcpu int, r *vmi.Regs) error {
	return t.call(func() error {
		if vcpu < 0 || vcpu >= t.nvcpu {
			return fmt.Errorf("%s: vCPU %d: %w", t.name, vcpu, vmi.ErrNoVCPU)
		}
		if t.file {
			if t.fileRegs == nil {
				return fmt.Errorf("%s: a memory dump has no registers (give Options.RegsFile): %w", t.name, vmi.ErrUnsupported)
			}
			*r = t.fileRegs[vcpu]
			return nil
		}
		if h := t.s.cur; h != nil && h.ev.VCPU == vcpu {
			*r = h.ev.Regs
			return nil
		}
		if err := t.drv.regs(vcpu, r); err != nil {
			return fmt.Errorf("%s: registers of vCPU %d: %w", t.name, vcpu, err)
		}
		return nil
	})
}

// SetRegs implements vmi.Target. At an event, the event's vCPU gets them
// with the event's answer, which sets the general registers, rip and
// rflags only (VMI_EVENT_RESPONSE_SET_REGISTERS: libvmi passes every
// register, Xen's xen/arch/x86/vm_event.c vm_event_set_registers applies
// those).
//
// Outside an event the vCPU's registers are read, changed and written
// back (libvmi's vmi_set_vcpuregs takes all of them) with the domain
// paused, so that the vCPU does not run in between. libvmi's
// xen_set_vcpuregs_hvm (xen.c) does not write KernelGSBase (shadow_gs) nor
// the CS and SS selectors: a change to those is refused with
// vmi.ErrUnsupported rather than silently lost.
func (t *Target) SetRegs(vcpu int, r *vmi.Regs) error {
	return t.call(func() error {
		if vcpu < 0 || vcpu >= t.nvcpu {
			return fmt.Errorf("%s: vCPU %d: %w", t.name, vcpu, vmi.ErrNoVCPU)
		}
		if t.file {
			return fmt.Errorf("%s: a memory dump's registers cannot be set: %w", t.name, vmi.ErrUnsupported)
		}
		if h := t.s.cur; h != nil && h.ev.VCPU == vcpu {
			h.ev.Regs = *r
			h.regsChanged = true
			return nil
		}
		return t.setRegsPaused(vcpu, r)
	})
}

// setRegsPaused is SetRegs outside an event.
func (t *Target) setRegsPaused(vcpu int, r *vmi.Regs) (err error) {
	if !t.s.paused {
		if err := t.pause(); err != nil {
			return err
		}
		defer func() { err = errors.Join(err, t.unpause()) }()
	}
	var cur vmi.Regs
	if err := t.drv.regs(vcpu, &cur); err != nil {
		return fmt.Errorf("%s: registers of vCPU %d: %w", t.name, vcpu, err)
	}
	if cur.KernelGSBase != r.KernelGSBase || cur.CS != r.CS || cur.SS != r.SS {
		return fmt.Errorf("%s: vCPU %d: libvmi cannot set KernelGSBase or the CS and SS selectors: %w", t.name, vcpu, vmi.ErrUnsupported)
	}
	if err := t.drv.setRegs(vcpu, r); err != nil {
		return fmt.Errorf("%s: setting registers of vCPU %d: %w", t.name, vcpu, err)
	}
	return nil
}

// Pause implements vmi.Target.
func (t *Target) Pause() error {
	return t.call(func() error { return t.pause() })
}

// Unpause implements vmi.Target.
func (t *Target) Unpause() error {
	return t.call(func() error { return t.unpause() })
}

// pause takes our one pause of the domain (Xen counts pauses: we never
// hold two, and never release one we do not hold).
func (t *Target) pause() error {
	if t.file || t.s.paused {
		return nil
	}
	// Recorded first: a rescue releasing a pause not taken is refused by
	// Xen (domain_unpause_by_systemcontroller: -EINVAL at count 0), one
	// taken and not recorded would stay.
	t.s.paused = true
	t.persist()
	if err := t.drv.pause(); err != nil {
		t.s.paused = false
		t.persist()
		return fmt.Errorf("pausing %s: %w", t.name, err)
	}
	return nil
}

func (t *Target) unpause() error {
	if t.file || !t.s.paused {
		return nil
	}
	if err := t.drv.resume(); err != nil {
		return fmt.Errorf("resuming %s: %w", t.name, err)
	}
	t.s.paused = false
	t.persist()
	return nil
}

// Wait implements vmi.Target.
func (t *Target) Wait(ctx context.Context, ev *vmi.Event) error {
	if t.file {
		return t.unsupportedInFile("Wait")
	}
	err := t.call(func() error {
		if h := t.s.cur; h != nil && h.delivered {
			return fmt.Errorf("%s: Wait with the event of vCPU %d at %#x not resumed", t.name, h.ev.VCPU, h.ev.Addr)
		}
		select { // a failure no Wait saw is stale now
		case <-t.waitErr:
		default:
		}
		t.s.waiting = true
		return t.unpause()
	})
	if err != nil {
		return err
	}
	select {
	case h := <-t.events:
		*ev = h.ev
		ev.RegsChanged = false
		return nil
	case err := <-t.waitErr:
		return err
	case <-ctx.Done():
		// A callback holding an event meanwhile keeps it for the next
		// Wait: it only hands events over while waiting is set.
		perr := t.call(func() error {
			t.s.waiting = false
			return t.pause()
		})
		if perr != nil && !errors.Is(perr, vmi.ErrClosed) {
			return errors.Join(ctx.Err(), perr)
		}
		return ctx.Err()
	case <-t.exited:
		return fmt.Errorf("%s: %w", t.name, vmi.ErrClosed)
	}
}

// Resume implements vmi.Target: the callback holding ev answers libvmi
// (step once in the original view, registers written back if changed).
func (t *Target) Resume(ev *vmi.Event) error {
	return t.call(func() error {
		h := t.s.cur
		if h == nil || !h.delivered || h.ev.VCPU != ev.VCPU || h.ev.Addr != ev.Addr {
			return fmt.Errorf("%s: Resume: no event of vCPU %d at %#x is pending", t.name, ev.VCPU, ev.Addr)
		}
		if ev.RegsChanged {
			h.ev.Regs = ev.Regs
			h.regsChanged = true
		}
		h.resumed = true
		return nil
	})
}
