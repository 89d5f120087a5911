package output

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"time"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/printers"
)

// JSON writes one JSON object per line (the schema is in docs/cli.md).
// A call whose return comes next is one object, event "complete"; a call
// that other events interleave is an object "call" with the arguments
// known at entry, then an object "return" with all of them. A call lost
// at detach ends with "unfinished": true and no "ret".
type JSON struct {
	w   *bufio.Writer
	cfg Config

	b     []byte // the object being written
	errb  []byte
	spans []Span
	dump  []byte // -e read=, -e write= dumps

	open *Call // entry decoded, not yet written
	pool callPool

	stats Counts
}

// ArgCounter is a decoder that says how many arguments its call takes
// (raw_args); six when a decoder does not say.
type ArgCounter interface{ NArgs() int }

// NewJSON writes JSON lines to w. The arguments are printed as strace
// prints them, without its alignment; cfg.Time, Durations and Colors do
// not apply (every object has its time and duration).
func NewJSON(w io.Writer, cfg Config) *JSON {
	cfg.Print.Column = -1
	return &JSON{
		w:     bufio.NewWriterSize(w, 64<<10),
		cfg:   cfg,
		b:     make([]byte, 0, 2048),
		errb:  make([]byte, 0, 64),
		spans: make([]Span, 0, guestos.MaxArgs+2),
	}
}

// Counts returns what was reported so far.
func (j *JSON) Counts() Counts { return j.stats }

// Flush writes what is buffered.
func (j *JSON) Flush() error { return j.w.Flush() }

// CallAt decodes a call's entry; its object is written when the next
// event comes.
func (j *JSON) CallAt(ev *Event, th *guestos.Thread, name string, dec Decoder, args *Args, m printers.Mem) *Call {
	j.stats.Calls++
	j.flushOpen()
	c := j.pool.alloc()
	c.dec, c.name, c.args, c.thread, c.start = dec, name, *args, *th, *ev
	c.entry, c.reread = enter(dec, c.entry, ev, &c.args, &c.state, m, &j.cfg.Print)
	if noReturn(dec, &c.args) {
		if !j.cfg.filtered() || j.cfg.Status&StatusUnfinished != 0 {
			c.entry = dec.Exit(c.entry, &c.args, &c.state, 0, m, &j.cfg.Print)
			j.write(&record{event: "complete", at: &c.start, c: c})
		}
		j.pool.release(c)
		return nil
	}
	if !j.cfg.filtered() {
		j.open = c
	}
	return c
}

// ReturnAt writes a call's return: with its entry ("complete") when
// nothing came between, else on its own ("return").
func (j *JSON) ReturnAt(ev *Event, c *Call, ret int64, m printers.Mem) {
	j.stats.Returns++
	if j.open != c {
		j.flushOpen()
	}
	var bad bool
	j.errb, bad = failed(c.dec, j.errb[:0], ret)
	if j.cfg.filtered() && j.cfg.Status&statusOf(bad) == 0 {
		j.pool.release(c)
		return
	}
	r := record{event: "return", at: ev, c: c, hasRet: true, ret: ret, dur: ev.Time.Sub(c.start.Time)}
	if bad {
		r.errno = j.errb
	}
	if j.open == c || !c.shown {
		r.event, r.at = "complete", &c.start
		j.open = nil
		if c.reread {
			c.entry = reenter(c, c.entry[:0], m, &j.cfg.Print)
		}
	}
	c.entry = c.dec.Exit(c.entry, &c.args, &c.state, ret, m, &j.cfg.Print)
	if j.cfg.Dump != nil {
		j.dump = j.cfg.Dump.AppendDump(j.dump[:0], c.name, &c.args, ret, bad, m)
		r.dump = j.dump
	}
	j.write(&r)
	j.pool.release(c)
}

// Lost ends a call whose return will not be seen.
func (j *JSON) Lost(c *Call, why string) {
	j.stats.Unfinished++
	if j.open != c {
		j.flushOpen()
	}
	if !j.cfg.filtered() || j.cfg.Status&lostStatus(why) != 0 {
		r := record{event: "complete", at: &c.start, c: c, unfinished: true}
		if j.open == c {
			j.open = nil
		} else if c.shown {
			now := Event{Time: j.cfg.now(), VCPU: c.start.VCPU}
			r.event, r.at = "return", &now
		}
		j.write(&r)
	}
	j.pool.release(c)
}

// flushOpen writes the entry of a call that another event interrupts.
func (j *JSON) flushOpen() {
	if c := j.open; c != nil {
		j.open = nil
		c.shown = true
		j.write(&record{event: "call", at: &c.start, c: c})
	}
}

// record is one object's fields.
type record struct {
	event      string
	at         *Event
	c          *Call
	hasRet     bool
	ret        int64
	errno      []byte
	dur        time.Duration
	unfinished bool
	dump       []byte // strace's dump lines, each ending in '\n'
}

const jsonTime = "2006-01-02T15:04:05.000000000Z07:00"

func (j *JSON) write(r *record) {
	c := r.c
	b := append(j.b[:0], `{"time":"`...)
	b = r.at.Time.UTC().AppendFormat(b, jsonTime)
	b = append(b, `","event":"`...)
	b = append(b, r.event...)
	b = append(b, `","vcpu":`...)
	b = strconv.AppendInt(b, int64(r.at.VCPU), 10)
	b = append(b, `,"pid":`...)
	b = strconv.AppendUint(b, uint64(c.thread.PID), 10)
	b = append(b, `,"tid":`...)
	b = strconv.AppendUint(b, uint64(c.thread.TID), 10)
	b = append(b, `,"comm":`...)
	b = appendCommJSON(b, c.thread.Name())
	if c.thread.KernelMode {
		b = append(b, `,"kernel":true`...)
	}
	b = append(b, `,"syscall":`...)
	b = AppendJSONString(b, c.name)
	b = append(b, `,"args":[`...)
	var end int
	j.spans, end = SplitArgs(c.entry, bytes.IndexByte(c.entry, '(')+1, j.spans[:0])
	for i, s := range j.spans {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendJSONString(b, c.entry[s.Start:s.End])
	}
	b = append(b, `],"raw_args":[`...)
	n := 6
	if ac, ok := c.dec.(ArgCounter); ok {
		n = min(max(ac.NArgs(), 0), len(c.args))
	}
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendUint(b, c.args[i], 10)
	}
	b = append(b, ']')
	if j.cfg.Print.FDPaths > 0 {
		b = appendFDPaths(b, c.entry, j.spans, end)
	}
	if r.hasRet {
		b = append(b, `,"ret":`...)
		b = strconv.AppendInt(b, r.ret, 10)
		if r.errno != nil {
			b = append(b, `,"errno":`...)
			b = AppendJSONString(b, r.errno)
		}
		b = append(b, `,"duration_ns":`...)
		b = strconv.AppendInt(b, int64(max(r.dur, 0)), 10)
	}
	if r.unfinished {
		b = append(b, `,"unfinished":true`...)
	}
	if len(r.dump) > 0 {
		b = appendDumpJSON(b, r.dump)
	}
	b = append(b, '}', '\n')
	j.w.Write(b) //nolint:errcheck // Flush reports write errors
	j.b = b
}

// appendDumpJSON appends the field "dump": strace's dump lines of the
// call (-e read=, -e write=), one string each, without their newline.
func appendDumpJSON(b []byte, dump []byte) []byte {
	b = append(b, `,"dump":[`...)
	for i := 0; len(dump) > 0; i++ {
		n := bytes.IndexByte(dump, '\n')
		if n < 0 {
			n = len(dump)
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendJSONString(b, dump[:n])
		dump = dump[min(n+1, len(dump)):]
	}
	return append(b, ']')
}
