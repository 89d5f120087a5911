// Package tracer binds the loop to the printers: it places breakpoints on
// the system calls asked for and prints each call and its return through
// an output writer. The CLI and the tests drive it the same way.
package tracer

import (
	"context"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/loop"
	"github.com/guestrace/guestrace/pkg/output"
)

// Decoders is one OS's table of system-call printers.
type Decoders interface {
	// Lookup is the printer of a guest kernel's system-call function
	// (its name and ABI: "openat" x64, "NtClose" nt).
	Lookup(sc *guestos.Syscall) (output.Decoder, bool)
	// Raw prints a call the table does not know, with raw arguments.
	Raw(sc *guestos.Syscall) output.Decoder
	// Known reports whether users may name a call in a filter.
	Known(name string) bool
}

// Tracer traces system calls of one guest.
type Tracer struct {
	loop     *loop.Loop
	out      *output.Text
	closed   bool
	closeErr error
}

// entry is what a call's breakpoint carries to its callbacks.
type entry struct {
	name  string
	dec   output.Decoder
	nargs int // arguments to capture at the call
}

// argCounter is a decoder that says how many arguments its call takes;
// without it, six are read.
type argCounter interface{ NArgs() int }

// New traces with l, printing to out.
func New(l *loop.Loop, out *output.Text) *Tracer {
	t := &Tracer{loop: l, out: out}
	l.OnUnfinished(t.onLost)
	return t
}

// Loop is the tracing loop.
func (t *Tracer) Loop() *loop.Loop { return t.loop }

// Instrument places breakpoints on the calls for which want returns true,
// printed by dec, and returns how many it placed.
func (t *Tracer) Instrument(calls []guestos.Syscall, want func(*guestos.Syscall) bool, dec Decoders) (int, error) {
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
		if c, ok := d.(argCounter); ok {
			e.nargs = min(max(c.NArgs(), 0), guestos.MaxArgs)
		}
		cb := loop.Callback{Func: sc.Symbol, OnCall: t.onCall, UserData: e}
		if !d.NoReturn() {
			cb.OnReturn = t.onReturn
		}
		table = append(table, cb)
	}
	return t.loop.SetCallbacks(table)
}

// Run traces until ctx ends, Quit, or the guest goes away.
func (t *Tracer) Run(ctx context.Context) error { return t.loop.Run(ctx) }

// Close detaches: the calls in progress are printed as detached, every
// breakpoint is removed, the guest runs on, and the output is flushed.
// Calling it again returns the first call's result.
func (t *Tracer) Close() error {
	if t.closed {
		return t.closeErr
	}
	t.closed = true
	t.closeErr = t.loop.Close()
	if ferr := t.out.Flush(); t.closeErr == nil {
		t.closeErr = ferr
	}
	return t.closeErr
}

func (t *Tracer) onCall(s *loop.State, ud any) any {
	e := ud.(*entry)
	var args output.Args
	// Unreadable arguments print as zeros: the call still shows.
	if r, ok := s.OS().(guestos.ArgsReader); ok && e.nargs > 6 {
		_ = r.ArgsN(s.Regs(), args[:e.nargs])
	} else {
		_ = s.Args((*[6]uint64)(args[:6]))
	}
	c := t.out.Call(&s.Thread, e.name, e.dec, &args, s)
	t.out.Flush() //nolint:errcheck // reported by Close
	if c == nil {
		return nil
	}
	return c
}

func (t *Tracer) onReturn(s *loop.State, data, _ any) {
	c, ok := data.(*output.Call)
	if !ok {
		return
	}
	t.out.Return(c, s.ReturnValue(), s)
	t.out.Flush() //nolint:errcheck
}

func (t *Tracer) onLost(_ *guestos.Thread, _ *loop.Func, data any) {
	c, ok := data.(*output.Call)
	if !ok {
		return
	}
	why := "unfinished"
	if t.closed {
		why = "detached"
	}
	t.out.Lost(c, why)
}

// Counts is what has been printed so far.
func (t *Tracer) Counts() output.Counts { return t.out.Counts() }
