package output

import "github.com/guestrace/guestrace/pkg/printers"

// A call's inputs may be unreadable at its entry: a path in a page the
// process has not touched yet, which the kernel faults in during the call
// (strace, reading through ptrace, faults it in itself). When a read
// failed while the entry was decoded and the entry has not been printed
// yet, the writer decodes the entry again at the return, with the memory
// as the call left it, rather than print the input's address.

// enter decodes a call's entry into b, with st new but for the frame the
// tracer read (ev.Frame), and reports whether a read of m failed
// meanwhile (m a printers.Faulter).
func enter(dec Decoder, b []byte, ev *Event, args *Args, st *printers.CallState, m printers.Mem, o *printers.Options) ([]byte, bool) {
	*st = printers.CallState{Frame: ev.Frame}
	n := printers.Faults(m)
	b = dec.Enter(b, args, st, m, o)
	return b, printers.Faults(m) != n
}

// reenter decodes c's entry again into b, which holds what precedes it
// (the time stamp), with m as the call left it. The state the first
// decoding kept is kept for the exit.
func reenter(c *Call, b []byte, m printers.Mem, o *printers.Options) []byte {
	c.reread = false
	c.scratch = printers.CallState{Frame: c.state.Frame}
	return c.dec.Enter(b, &c.args, &c.scratch, m, o)
}
