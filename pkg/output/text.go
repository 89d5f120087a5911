package output

import (
	"bufio"
	"io"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/printers"
)

// Text writes the trace the way strace does: a call whose return comes
// next is one line; a call that other events interleave is ended with
// " <unfinished ...>" and finished later by a "<... NAME resumed>" line.
//
// Every line starts with the prefix "[pid PID/TID COMM] " (see
// AppendPrefix); what follows it is what strace prints for the call, so
// strace's alignment of " = " is counted from after the prefix.
type Text struct {
	w    *bufio.Writer
	opts printers.Options

	line   []byte // the decoded text of the open line, without its prefix
	prefix []byte

	open *Call // entry printed, line not ended
	free []*Call

	stats Counts
}

// Counts is what a writer printed.
type Counts struct {
	Calls      uint64 // calls whose entry was printed
	Returns    uint64 // returns printed
	Unfinished uint64 // calls reported lost (detach, thread death)
}

// NewText writes to w with the given printing options.
func NewText(w io.Writer, opts printers.Options) *Text {
	return &Text{
		w:      bufio.NewWriterSize(w, 64<<10),
		opts:   opts,
		line:   make([]byte, 0, 1024),
		prefix: make([]byte, 0, 64),
	}
}

// Counts returns what was printed so far.
func (t *Text) Counts() Counts { return t.stats }

// Options are the printing options in force.
func (t *Text) Options() *printers.Options { return &t.opts }

// Call prints a call's entry and returns what its return needs, or nil for
// a call that never returns (printed whole, with "= ?").
func (t *Text) Call(th *guestos.Thread, name string, dec Decoder, args *Args, m printers.Mem) *Call {
	t.stats.Calls++
	t.endOpen(" <unfinished ...>\n")
	t.line = dec.Enter(t.line[:0], args, m, &t.opts)
	if dec.NoReturn() {
		t.line = dec.Exit(t.line, args, 0, m, &t.opts)
		t.writeLine(th, t.line, true)
		return nil
	}
	t.writeLine(th, t.line, false)
	c := t.alloc()
	*c = Call{dec: dec, name: name, args: *args, thread: *th}
	t.open = c
	return c
}

// Return prints the return of a call Call printed.
func (t *Text) Return(c *Call, ret int64, m printers.Mem) {
	t.stats.Returns++
	if t.open == c {
		// Same line: the decoder sees the entry text, for alignment.
		n := len(t.line)
		t.line = c.dec.Exit(t.line, &c.args, ret, m, &t.opts)
		t.w.Write(t.line[n:]) //nolint:errcheck // Flush reports write errors
		t.w.WriteByte('\n')   //nolint:errcheck
		t.open = nil
	} else {
		t.endOpen(" <unfinished ...>\n")
		t.line = appendResumed(t.line[:0], c.name)
		t.line = c.dec.Exit(t.line, &c.args, ret, m, &t.opts)
		t.writeLine(&c.thread, t.line, true)
	}
	t.release(c)
}

// Lost reports a call whose return will not be seen; why is "detached"
// when guestrace let go of the guest, "unfinished" when the thread died.
func (t *Text) Lost(c *Call, why string) {
	t.stats.Unfinished++
	if t.open == c {
		t.open = nil
		t.w.WriteString(" <" + why + " ...>\n") //nolint:errcheck
	} else {
		t.endOpen(" <unfinished ...>\n")
		t.line = appendResumed(t.line[:0], c.name)
		t.line = append(t.line, " <"...)
		t.line = append(t.line, why...)
		t.line = append(t.line, " ...>"...)
		t.writeLine(&c.thread, t.line, true)
	}
	t.release(c)
}

// Flush writes what is buffered. Callers flush after every event so that
// a reader of a pipe sees lines as they happen.
func (t *Text) Flush() error { return t.w.Flush() }

func (t *Text) endOpen(s string) {
	if t.open != nil {
		t.open = nil
		t.w.WriteString(s) //nolint:errcheck
	}
}

func (t *Text) writeLine(th *guestos.Thread, text []byte, end bool) {
	t.prefix = AppendPrefix(t.prefix[:0], th)
	t.w.Write(t.prefix) //nolint:errcheck
	t.w.Write(text)     //nolint:errcheck
	if end {
		t.w.WriteByte('\n') //nolint:errcheck
	}
}

func appendResumed(b []byte, name string) []byte {
	b = append(b, "<... "...)
	b = append(b, name...)
	return append(b, " resumed>"...)
}

func (t *Text) alloc() *Call {
	if n := len(t.free); n > 0 {
		c := t.free[n-1]
		t.free = t.free[:n-1]
		return c
	}
	return new(Call)
}

func (t *Text) release(c *Call) {
	*c = Call{}
	t.free = append(t.free, c)
}
