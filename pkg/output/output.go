// Package output writes traces: the strace-like text form, with the
// prefix that says who made each call, JSON lines, and strace's -c table.
package output

import (
	"strconv"
	"time"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/printers"
)

// Args are a call's arguments as captured at its entry: Linux uses six,
// Windows' NT calls up to guestos.MaxArgs.
type Args = [guestos.MaxArgs]uint64

// Decoder prints one system call: Enter what strace prints at entry, Exit
// the rest at return. Enter may keep in st what Exit needs; the writer
// keeps st with the call in between. Each OS adapts its printer rows to it.
type Decoder interface {
	Enter(b []byte, args *Args, st *printers.CallState, m printers.Mem, o *printers.Options) []byte
	Exit(b []byte, args *Args, st *printers.CallState, ret int64, m printers.Mem, o *printers.Options) []byte
	NoReturn() bool
}

// Ender is a decoder whose calls return or not depending on their
// arguments: NtTerminateProcess returns unless it ends its caller. A call
// that ends its caller is printed whole at the call, like a NoReturn one.
type Ender interface {
	EndsCaller(args *Args) bool
}

// noReturn reports whether a call is printed whole at its entry.
func noReturn(dec Decoder, args *Args) bool {
	if dec.NoReturn() {
		return true
	}
	e, ok := dec.(Ender)
	return ok && e.EndsCaller(args)
}

// Failer is a decoder that tells failed calls from the others; calls of
// a decoder without it never fail.
type Failer interface {
	// AppendError reports whether ret is a failure and appends its name
	// (ENOENT, STATUS_ACCESS_DENIED) to b when it is.
	AppendError(b []byte, ret int64) ([]byte, bool)
}

// Event is when and where the tracer saw a call or a return.
type Event struct {
	Time time.Time // host clock: guest time is not read
	VCPU int
	// Frame: the call's number and stack pointer, read for a
	// FrameDecoder at a call.
	Frame printers.Frame
}

// Writer is a trace format. The tracer reports each call, its return, or
// its loss; the writer decides what to print and when.
type Writer interface {
	// CallAt reports a call; it returns what its return needs, or nil
	// for a call that never returns (printed whole).
	CallAt(ev *Event, th *guestos.Thread, name string, dec Decoder, args *Args, m printers.Mem) *Call
	// ReturnAt reports the return of a call CallAt returned.
	ReturnAt(ev *Event, c *Call, ret int64, m printers.Mem)
	// Lost reports a call whose return will not be seen: why is
	// "detached" when guestrace let go of the guest, "unfinished" when
	// the thread died.
	Lost(c *Call, why string)
	// Flush writes what is buffered.
	Flush() error
	// Counts is what was printed so far.
	Counts() Counts
}

// Call is a call between its entry and its return.
type Call struct {
	dec    Decoder
	name   string
	args   Args
	state  printers.CallState // what the decoder kept at entry for the exit
	thread guestos.Thread
	start  Event
	// entry is the decoded entry text, kept for writers that print it
	// later (status filters, JSON); its buffer is reused.
	entry []byte
	shown bool // an entry was printed on its own (JSON "call")
	// reread says a read failed while the entry was decoded: the entry,
	// from entryAt in its text, is decoded again at the return unless
	// it was printed already (reread.go).
	reread  bool
	entryAt int
	scratch printers.CallState // the state of the second decoding, dropped
}

// callPool keeps the calls in progress of a writer, with their buffers.
type callPool struct{ free []*Call }

func (p *callPool) alloc() *Call {
	if n := len(p.free); n > 0 {
		c := p.free[n-1]
		p.free = p.free[:n-1]
		return c
	}
	return &Call{entry: make([]byte, 0, 256)}
}

func (p *callPool) release(c *Call) {
	e := c.entry[:0]
	*c = Call{entry: e}
	p.free = append(p.free, c)
}

// failed is whether a return is a failure, with its name appended to b.
func failed(dec Decoder, b []byte, ret int64) ([]byte, bool) {
	if f, ok := dec.(Failer); ok {
		return f.AppendError(b, ret)
	}
	return b, false
}

// AppendPrefix writes the line prefix "[pid PID/TID COMM] ". COMM is the
// guest's process name escaped so that it holds no space, "]", backslash
// or control byte (those become \xNN), so the prefix always parses with
// `^\[pid (\d+)/(\d+) (\S+)\] `. An empty name prints as "?". A call
// the kernel made itself (Thread.KernelMode) is marked "[kernel] " after
// the prefix.
func AppendPrefix(b []byte, th *guestos.Thread) []byte {
	b = append(b, "[pid "...)
	b = strconv.AppendUint(b, uint64(th.PID), 10)
	b = append(b, '/')
	b = strconv.AppendUint(b, uint64(th.TID), 10)
	b = append(b, ' ')
	b = AppendComm(b, th.Name())
	b = append(b, "] "...)
	if th.KernelMode {
		b = append(b, "[kernel] "...)
	}
	return b
}

// AppendComm escapes a guest process name for the prefix.
func AppendComm(b []byte, name []byte) []byte {
	const hex = "0123456789abcdef"
	if len(name) == 0 {
		return append(b, '?')
	}
	for _, c := range name {
		if c > ' ' && c < 0x7f && c != '\\' && c != ']' {
			b = append(b, c)
			continue
		}
		b = append(b, '\\', 'x', hex[c>>4], hex[c&15])
	}
	return b
}
