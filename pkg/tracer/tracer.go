// Package tracer binds the loop to the printers: it places breakpoints on
// the system calls asked for and prints each call and its return through
// an output writer. The CLI and the tests drive it the same way.
package tracer

import (
	"context"
	"errors"
	"time"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/loop"
	"github.com/guestrace/guestrace/pkg/oses"
	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// Tracer traces system calls of one guest.
type Tracer struct {
	loop     *loop.Loop
	out      output.Writer // nil: count only
	cfg      Config
	entries  []*entry
	table    []loop.Callback // what Instrument placed, for Follow
	free     []*pending
	counts   output.Counts
	skipped  uint64
	scratch  []byte
	pm       procMem            // the memory decoders read under -y and -P
	follow   map[followKey]bool // -f: whether a thread descends from a selected one
	pathBuf  []byte             // -P: a path argument
	args     output.Args        // the current call's, reused: writers copy them
	ev       output.Event       // the current event, reused likewise
	closed   bool
	closeErr error
	gone     bool  // the guest went away: calls in progress are unfinished
	writeErr error // the first failed write of the output
}

// Config is what a tracer does besides printing.
type Config struct {
	// PIDs and Comms, when not empty, select the threads traced: those of
	// a process (or the thread) whose id is in PIDs, or of a process named
	// as in Comms. Calls of other threads are not printed nor counted;
	// their breakpoints still stop the guest.
	PIDs  []uint32
	Comms []string
	// Summary counts the calls, errors and time of each system call
	// (strace -c); see Summary.
	Summary bool
	// CallsOnly places no return breakpoints: calls are counted, nothing
	// else (--silent). The writer must be nil.
	CallsOnly bool
	// Now is the clock of events; time.Now when nil.
	Now func() time.Time
	// EntryTimes says the output prints when calls start (-t, -T): every
	// call is then seen at its entry, not at its return alone.
	EntryTimes bool
	// Mode selects calls by who made them (guestos.Thread.KernelMode):
	// programs, the kernel itself, or both (ModeAll).
	Mode Mode
	// Keep, when set, says which calls of a function serving several
	// (output.Namer: i386's socketcall) are traced, by the name of the
	// call made or of the function; nil: all.
	Keep func(name string) bool
	// Follow is strace's -f: with PIDs or Comms, the threads of the
	// processes that descend from the selected ones are traced too.
	Follow bool
	// Paths is strace's -P: when not empty, only calls that name one of
	// these paths, or use a descriptor of a file of that path, are
	// traced.
	Paths []string
	// FDPaths says the printers may ask what descriptors refer to
	// (strace's -y): the memory they get can answer.
	FDPaths bool
}

// Mode selects calls by the mode they were made from.
type Mode uint8

const (
	ModeAll    Mode = iota // every call
	ModeUser               // the calls programs make
	ModeKernel             // the calls the kernel makes itself
)

// entry is what a call's breakpoint carries to its callbacks.
type entry struct {
	name  string
	dec   output.Decoder
	nargs int                // arguments to capture at the call
	kinds []printers.ArgKind // what each argument is, for -P
	// Told once, not asked at every call: the decoder needs the call's
	// frame (output.FrameDecoder), names the call made (output.Namer).
	frame bool
	namer output.Namer

	calls, returns, errors uint64
	time                   time.Duration
}

// pending is a call in progress that the tracer follows.
type pending struct {
	c     *output.Call // nil when not printed
	e     *entry
	start time.Time
}

// entryNeeder is a decoder that says whether its call must be seen at its
// entry (see linux.Syscall.NeedsEntry); without it, it must.
type entryNeeder interface{ NeedsEntry() bool }

// exitOnly reports whether a call may be printed whole from its return:
// the row allows it, nothing printed needs the time it started, and no
// descriptor is looked up (-y, -P: close() has closed its own by then).
func (t *Tracer) exitOnly(d output.Decoder) bool {
	n, ok := d.(entryNeeder)
	return ok && !n.NeedsEntry() && !t.cfg.Summary && !t.cfg.EntryTimes &&
		!t.cfg.FDPaths && len(t.cfg.Paths) == 0
}

// New traces with l, printing to out.
func New(l *loop.Loop, out output.Writer) *Tracer { return NewConfig(l, out, Config{}) }

// NewConfig traces with l as cfg says, printing to out unless it is nil.
func NewConfig(l *loop.Loop, out output.Writer, cfg Config) *Tracer {
	t := &Tracer{loop: l, out: out, cfg: cfg, scratch: make([]byte, 0, 64)}
	l.OnUnfinished(t.onLost)
	return t
}

// Loop is the tracing loop.
func (t *Tracer) Loop() *loop.Loop { return t.loop }

// Instrument places breakpoints on the calls for which want returns true,
// printed by dec, and returns how many it placed.
func (t *Tracer) Instrument(calls []guestos.Syscall, want func(*guestos.Syscall) bool, dec oses.Table) (int, error) {
	var table []loop.Callback
	for i := range calls {
		sc := &calls[i]
		if want != nil && !want(sc) {
			continue
		}
		d, ok := dec.Lookup(sc)
		if !ok {
			d = dec.Raw(sc)
		}
		e := &entry{name: sc.Name, dec: d, nargs: 6}
		if c, ok := d.(output.ArgCounter); ok {
			e.nargs = min(max(c.NArgs(), 0), guestos.MaxArgs)
		}
		if k, ok := d.(argKinder); ok {
			e.kinds = k.ArgKinds()
		}
		_, e.frame = d.(output.FrameDecoder)
		e.namer, _ = d.(output.Namer)
		t.entries = append(t.entries, e)
		cb := loop.Callback{Func: sc.Symbol, OnCall: t.onCall, UserData: e, ExitOnly: t.exitOnly(d)}
		if !d.NoReturn() && !t.cfg.CallsOnly {
			cb.OnReturn = t.onReturn
		}
		table = append(table, cb)
	}
	t.table = append(t.table, table...)
	return t.loop.SetCallbacks(table)
}

// Follow goes on tracing on l, a loop on the same guest's new kernel after
// a reset (Run returned guestos.ErrGuestReset, and Close detached from the
// old one): the calls instrumented before are instrumented again, printed
// to the same output, and counted with those before.
func (t *Tracer) Follow(l *loop.Loop) (int, error) {
	t.loop = l
	t.closed, t.closeErr, t.gone = false, nil, false
	t.pm.socks = printers.SockCache{} // the new kernel numbers its inodes anew
	l.OnUnfinished(t.onLost)
	return l.SetCallbacks(t.table)
}

// Run traces until ctx ends, Quit, a write of the output fails (see
// WriteErr), or the guest goes away.
func (t *Tracer) Run(ctx context.Context) error {
	err := t.loop.Run(ctx)
	// After a reset the calls in progress never return: they are
	// unfinished, not detached.
	t.gone = errors.Is(err, vmi.ErrGuestGone) || errors.Is(err, guestos.ErrGuestReset)
	return err
}

// Close detaches: the calls in progress are printed as detached, every
// breakpoint is removed, the guest runs on, and the output is flushed.
// Calling it again returns the first call's result.
func (t *Tracer) Close() error {
	if t.closed {
		return t.closeErr
	}
	t.closed = true
	t.closeErr = t.loop.Close()
	t.flush()
	return t.closeErr
}

// flush writes out what the writer holds. The first failure (the reader
// closed the pipe, the disk is full) is kept for WriteErr and ends the
// trace: guestrace, like strace, drops no line, so it stops instead.
func (t *Tracer) flush() {
	if t.out == nil {
		return
	}
	if err := t.out.Flush(); err != nil && t.writeErr == nil {
		t.writeErr = err
		t.loop.Quit()
	}
}

// WriteErr is the first error writing the output, or nil.
func (t *Tracer) WriteErr() error { return t.writeErr }

func (t *Tracer) now() time.Time {
	if t.cfg.Now != nil {
		return t.cfg.Now()
	}
	return time.Now()
}

// wanted reports whether the process and mode filters select a thread's
// call, the process filters by the thread itself or (-f) its ancestors.
func (t *Tracer) wanted(s *loop.State) bool {
	th := &s.Thread
	if (t.cfg.Mode == ModeUser && th.KernelMode) || (t.cfg.Mode == ModeKernel && !th.KernelMode) {
		return false
	}
	if len(t.cfg.PIDs) == 0 && len(t.cfg.Comms) == 0 {
		return true
	}
	return t.selected(&s.Thread) || (t.cfg.Follow && t.descends(&s.Thread, s.OS()))
}

func (t *Tracer) onCall(s *loop.State, ud any) any {
	e := ud.(*entry)
	if !t.wanted(s) {
		t.skipped++
		return nil
	}
	m := t.mem(s)
	args := &t.args
	named := e.namer != nil
	if t.out != nil || len(t.cfg.Paths) > 0 || named {
		*args = output.Args{}
		// Unreadable arguments print as zeros: the call still shows.
		if r, ok := s.OS().(guestos.ArgsReader); ok && e.nargs > 6 {
			_ = r.ArgsN(s.Regs(), args[:e.nargs])
		} else {
			_ = s.Args((*[6]uint64)(args[:6]))
		}
	}
	if len(t.cfg.Paths) > 0 && !t.touchesPath(e, args, m) {
		t.skipped++
		return nil
	}
	t.ev = output.Event{Time: t.now(), VCPU: s.Event.VCPU}
	if e.frame && (t.out != nil || named) {
		readFrame(s, &t.ev.Frame)
	}
	name := e.name
	if named {
		if cn, ok := e.namer.CallName(args, &t.ev.Frame, m); ok {
			name = cn
		}
		// A multiplexer selected for some of its calls.
		if keep := t.cfg.Keep; keep != nil && !keep(name) && !keep(e.name) {
			t.skipped++
			return nil
		}
	}
	t.counts.Calls++
	e.calls++
	var c *output.Call
	if t.out != nil {
		c = t.out.CallAt(&t.ev, &s.Thread, name, e.dec, args, m)
		t.flush()
	}
	if c == nil && (!t.cfg.Summary || e.dec.NoReturn() || t.cfg.CallsOnly) {
		return nil
	}
	p := t.alloc()
	p.c, p.e, p.start = c, e, t.ev.Time
	return p
}

func (t *Tracer) onReturn(s *loop.State, data, _ any) {
	p, ok := data.(*pending)
	if !ok {
		return
	}
	t.counts.Returns++
	t.ev = output.Event{Time: t.now(), VCPU: s.Event.VCPU}
	ret := s.ReturnValue()
	if t.cfg.Summary {
		e := p.e
		e.returns++
		e.time += t.ev.Time.Sub(p.start)
		if f, ok := e.dec.(output.Failer); ok {
			var bad bool
			if t.scratch, bad = f.AppendError(t.scratch[:0], ret); bad {
				e.errors++
			}
		}
	}
	if p.c != nil {
		t.out.ReturnAt(&t.ev, p.c, ret, t.mem(s))
		t.flush()
	}
	t.release(p)
}

func (t *Tracer) onLost(_ *guestos.Thread, _ *loop.Func, data any) {
	p, ok := data.(*pending)
	if !ok {
		return
	}
	t.counts.Unfinished++
	if p.c != nil {
		why := "unfinished"
		if t.closed && !t.gone {
			why = "detached"
		}
		t.out.Lost(p.c, why)
	}
	t.release(p)
}

func (t *Tracer) alloc() *pending {
	if n := len(t.free); n > 0 {
		p := t.free[n-1]
		t.free = t.free[:n-1]
		return p
	}
	return new(pending)
}

func (t *Tracer) release(p *pending) {
	*p = pending{}
	t.free = append(t.free, p)
}

// Counts is what has been traced so far: calls of the threads the
// filters select, their returns, and those lost.
func (t *Tracer) Counts() output.Counts { return t.counts }

// Skipped is how many calls the process filters left out.
func (t *Tracer) Skipped() uint64 { return t.skipped }

// Summary is strace's -c table so far: one row per system call that
// returned (entry points of several ABIs together), in strace's order.
func (t *Tracer) Summary() []output.SummaryRow {
	byName := map[string]int{}
	var rows []output.SummaryRow
	for _, e := range t.entries {
		if e.returns == 0 {
			continue
		}
		i, ok := byName[e.name]
		if !ok {
			i = len(rows)
			byName[e.name] = i
			rows = append(rows, output.SummaryRow{Name: e.name})
		}
		rows[i].Calls += e.returns
		rows[i].Errors += e.errors
		rows[i].Time += e.time
	}
	output.SortSummary(rows)
	return rows
}

// CallCounts is how many calls of each system call were traced, for
// --silent: name -> calls.
func (t *Tracer) CallCounts() map[string]uint64 {
	m := map[string]uint64{}
	for _, e := range t.entries {
		if e.calls > 0 {
			m[e.name] += e.calls
		}
	}
	return m
}

// readFrame captures the call's number and user stack pointer for a
// FrameDecoder, when the OS can read them.
func readFrame(s *loop.State, f *printers.Frame) {
	r, ok := s.OS().(guestos.SyscallFrameReader)
	if !ok {
		return
	}
	if nr, sp, err := r.SyscallFrame(s.Regs()); err == nil {
		*f = printers.Frame{Nr: nr, SP: sp, OK: true}
	}
}
