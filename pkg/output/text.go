package output

import (
	"bufio"
	"bytes"
	"io"
	"time"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/printers"
)

// Text writes the trace the way strace does: a call whose return comes
// next is one line; a call that other events interleave is ended with
// " <unfinished ...>" and finished later by a "<... NAME resumed>" line.
//
// Every line starts with the prefix "[pid PID/TID COMM] " (see
// AppendPrefix); what follows it is what strace prints for the call, time
// stamp included, so strace's alignment of " = " is counted from after
// the prefix.
type Text struct {
	w   *bufio.Writer
	cfg Config

	line   []byte // the text of the open line, without its prefix
	prefix []byte
	errb   []byte
	dump   []byte // -e read=, -e write= dumps
	spans  []Span

	open  *Call              // entry printed, line not ended
	state printers.CallState // the entry's state until its call is made
	last  time.Time          // -r: the time of the previous line
	pool  callPool

	stats Counts
}

// Counts is what a writer printed.
type Counts struct {
	Calls      uint64 // calls reported
	Returns    uint64 // returns reported
	Unfinished uint64 // calls reported lost (detach, thread death)
}

// NewText writes to w with the given printing options.
func NewText(w io.Writer, opts printers.Options) *Text {
	return NewTextConfig(w, Config{Print: opts})
}

// NewTextConfig writes to w as cfg says.
func NewTextConfig(w io.Writer, cfg Config) *Text {
	return &Text{
		w:      bufio.NewWriterSize(w, 64<<10),
		cfg:    cfg,
		line:   make([]byte, 0, 1024),
		prefix: make([]byte, 0, 64),
		errb:   make([]byte, 0, 64),
		spans:  make([]Span, 0, guestos.MaxArgs+2),
	}
}

// Counts returns what was printed so far.
func (t *Text) Counts() Counts { return t.stats }

// Options are the printing options in force.
func (t *Text) Options() *printers.Options { return &t.cfg.Print }

// Call is CallAt now, on vCPU 0.
func (t *Text) Call(th *guestos.Thread, name string, dec Decoder, args *Args, m printers.Mem) *Call {
	ev := Event{Time: t.cfg.now()}
	return t.CallAt(&ev, th, name, dec, args, m)
}

// Return is ReturnAt now.
func (t *Text) Return(c *Call, ret int64, m printers.Mem) {
	ev := Event{Time: t.cfg.now()}
	t.ReturnAt(&ev, c, ret, m)
}

// CallAt prints a call's entry and returns what its return needs, or nil
// for a call that never returns (printed whole, with "= ?"). Under a
// status filter nothing is printed until the call has ended.
func (t *Text) CallAt(ev *Event, th *guestos.Thread, name string, dec Decoder, args *Args, m printers.Mem) *Call {
	t.stats.Calls++
	if t.cfg.filtered() {
		c := t.newCall(ev, th, name, dec, args)
		c.entry = t.stamp(c.entry, ev.Time)
		c.entryAt = len(c.entry)
		c.entry, c.reread = enter(dec, c.entry, ev, &c.args, &c.state, m, &t.cfg.Print)
		if !noReturn(dec, &c.args) {
			return c
		}
		if t.cfg.Status&StatusUnfinished != 0 {
			c.entry = dec.Exit(c.entry, &c.args, &c.state, 0, m, &t.cfg.Print)
			t.writePrefix(th)
			t.writeText(c.entry, name, -1)
			t.w.WriteByte('\n') //nolint:errcheck // Flush reports write errors
		}
		t.pool.release(c)
		return nil
	}
	t.endOpen()
	t.line = t.stamp(t.line[:0], ev.Time)
	// Enter keeps its state in t.state, copied into the call after.
	at := len(t.line)
	var reread bool
	t.line, reread = enter(dec, t.line, ev, args, &t.state, m, &t.cfg.Print)
	if noReturn(dec, args) {
		t.line = dec.Exit(t.line, args, &t.state, 0, m, &t.cfg.Print)
		t.writePrefix(th)
		t.writeText(t.line, name, -1)
		t.w.WriteByte('\n') //nolint:errcheck
		return nil
	}
	c := t.newCall(ev, th, name, dec, args)
	c.state, c.reread, c.entryAt = t.state, reread, at
	if !reread {
		t.writeOpen(c)
	}
	t.open = c
	return c
}

// writeOpen writes the entry of the open line, c's, held back until now
// when it is to be decoded again at the return (reread.go).
func (t *Text) writeOpen(c *Call) {
	t.writePrefix(&c.thread)
	t.writeText(t.line, c.name, -1)
}

func (t *Text) newCall(ev *Event, th *guestos.Thread, name string, dec Decoder, args *Args) *Call {
	c := t.pool.alloc()
	c.dec, c.name, c.args, c.thread, c.start = dec, name, *args, *th, *ev
	return c
}

// ReturnAt prints the return of a call CallAt printed.
func (t *Text) ReturnAt(ev *Event, c *Call, ret int64, m printers.Mem) {
	t.stats.Returns++
	var bad bool
	t.errb, bad = failed(c.dec, t.errb[:0], ret)
	switch {
	case t.cfg.filtered():
		if t.cfg.Status&statusOf(bad) != 0 {
			if c.reread {
				c.entry = reenter(c, c.entry[:c.entryAt], m, &t.cfg.Print)
			}
			c.entry = c.dec.Exit(c.entry, &c.args, &c.state, ret, m, &t.cfg.Print)
			t.writePrefix(&c.thread)
			t.writeText(c.entry, c.name, t.errAt(c.entry, bad))
			t.endLine(ev, c)
			t.writeDump(c, ret, bad, m)
		}
	case t.open == c:
		if c.reread {
			t.line = reenter(c, t.line[:c.entryAt], m, &t.cfg.Print)
			t.writeOpen(c)
		}
		// Same line: the decoder sees the entry text, for alignment.
		n := len(t.line)
		t.line = c.dec.Exit(t.line, &c.args, &c.state, ret, m, &t.cfg.Print)
		if at := t.errAt(t.line, bad); at >= n {
			t.writeColored(t.line[n:at], t.line[at:], t.cfg.Colors.Error)
		} else {
			t.w.Write(t.line[n:]) //nolint:errcheck
		}
		t.open = nil
		t.endLine(ev, c)
		t.writeDump(c, ret, bad, m)
	default:
		t.endOpen()
		t.line = t.stamp(t.line[:0], ev.Time)
		t.line = appendResumed(t.line, c.name)
		t.line = c.dec.Exit(t.line, &c.args, &c.state, ret, m, &t.cfg.Print)
		t.writePrefix(&c.thread)
		t.writeText(t.line, c.name, t.errAt(t.line, bad))
		t.endLine(ev, c)
		t.writeDump(c, ret, bad, m)
	}
	t.pool.release(c)
}

// endLine ends a returned call's line, with its duration under -T.
func (t *Text) endLine(ev *Event, c *Call) {
	if t.cfg.Durations {
		t.errb = appendDuration(t.errb[:0], ev.Time.Sub(c.start.Time))
		t.w.Write(t.errb) //nolint:errcheck
	}
	t.w.WriteByte('\n') //nolint:errcheck
}

func statusOf(bad bool) Status {
	if bad {
		return StatusFailed
	}
	return StatusSuccessful
}

// Lost reports a call whose return will not be seen; why is "detached"
// when guestrace let go of the guest, "unfinished" when the thread died.
func (t *Text) Lost(c *Call, why string) {
	t.stats.Unfinished++
	switch {
	case t.cfg.filtered():
		if t.cfg.Status&lostStatus(why) != 0 {
			t.writePrefix(&c.thread)
			t.writeText(c.entry, c.name, -1)
			t.writeLost(why)
		}
	case t.open == c:
		if c.reread {
			t.writeOpen(c)
		}
		t.open = nil
		t.writeLost(why)
	default:
		t.endOpen()
		t.line = t.stamp(t.line[:0], t.cfg.now())
		t.line = appendResumed(t.line, c.name)
		t.writePrefix(&c.thread)
		t.writeText(t.line, c.name, -1)
		t.writeLost(why)
	}
	t.pool.release(c)
}

func (t *Text) writeLost(why string) {
	t.w.WriteString(" <")      //nolint:errcheck
	t.w.WriteString(why)       //nolint:errcheck
	t.w.WriteString(" ...>\n") //nolint:errcheck
}

// Flush writes what is buffered. Callers flush after every event so that
// a reader of a pipe sees lines as they happen.
func (t *Text) Flush() error { return t.w.Flush() }

func (t *Text) endOpen() {
	if t.open != nil {
		if t.open.reread {
			t.open.reread = false
			t.writeOpen(t.open)
		}
		t.open = nil
		t.w.WriteString(" <unfinished ...>\n") //nolint:errcheck
	}
}

func (t *Text) writePrefix(th *guestos.Thread) {
	t.prefix = AppendPrefix(t.prefix[:0], th)
	t.w.Write(t.prefix) //nolint:errcheck
}

// writeText writes a line's text, the call's name and, from errAt on
// when errAt >= 0, a failed return in color.
func (t *Text) writeText(text []byte, name string, errAt int) {
	col := &t.cfg.Colors
	if !col.on() {
		t.w.Write(text) //nolint:errcheck
		return
	}
	i := indexString(text, name)
	rest := text
	if errAt >= 0 {
		rest = text[:errAt]
	}
	if i >= 0 && i+len(name) <= len(rest) {
		t.writeColored(rest[:i], rest[i:i+len(name)], col.Name)
		rest = rest[i+len(name):]
	}
	if errAt >= 0 {
		t.writeColored(rest, text[errAt:], col.Error)
		return
	}
	t.w.Write(rest) //nolint:errcheck
}

// writeColored writes plain, then colored between the two sequences.
func (t *Text) writeColored(plain, colored []byte, seq [2]string) {
	t.w.Write(plain)        //nolint:errcheck
	t.w.WriteString(seq[0]) //nolint:errcheck
	t.w.Write(colored)      //nolint:errcheck
	t.w.WriteString(seq[1]) //nolint:errcheck
}

// errAt is where the return value of a failed call starts in line ("= -1
// ENOENT..."), or -1: only looked for when failures are colored.
func (t *Text) errAt(line []byte, bad bool) int {
	if !bad || t.cfg.Colors.Error[0] == "" {
		return -1
	}
	// The arguments follow the first '(' of an entry, or the tag of a
	// resumed line, which comes before any '('.
	start := bytes.IndexByte(line, '(') + 1
	if r := bytes.Index(line, resumedTag); r >= 0 && (start == 0 || r < start) {
		start = r + len(resumedTag)
	}
	var end int
	t.spans, end = SplitArgs(line, start, t.spans[:0])
	if end < 0 {
		return -1
	}
	for end < len(line) && line[end] == ' ' {
		end++
	}
	return end
}

var resumedTag = []byte(" resumed>")

// indexString is bytes.Index of a string, without converting it.
func indexString(b []byte, s string) int {
	for i := 0; i+len(s) <= len(b); i++ {
		if string(b[i:i+len(s)]) == s {
			return i
		}
	}
	return -1
}

func appendResumed(b []byte, name string) []byte {
	b = append(b, "<... "...)
	b = append(b, name...)
	return append(b, " resumed>"...)
}

// stamp appends the time stamps that start a line: -t's and -r's.
func (t *Text) stamp(b []byte, now time.Time) []byte {
	if !t.cfg.Relative {
		return appendStamp(b, t.cfg.Time, now)
	}
	if t.last.IsZero() {
		t.last = now
	}
	b = appendRelative(b, t.cfg.Time, now, now.Sub(t.last))
	t.last = now
	return b
}
