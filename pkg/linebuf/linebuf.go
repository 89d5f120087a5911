// Package linebuf lets a trace run ahead of a slow reader: lines go into a
// bounded buffer that a goroutine drains to the real output, and when the
// buffer is full whole lines are dropped, counted, and replaced by one
// marker line saying how many. Without it guestrace, like strace, waits
// for the reader, and the guest waits for guestrace.
package linebuf

import (
	"bytes"
	"io"
	"strconv"
	"sync"
)

// Marker appends the line that stands for n dropped lines (with its
// newline) to dst.
type Marker func(dst []byte, n uint64) []byte

// TextMarker is the marker of the text format:
// "guestrace: N lines dropped (--buffer full)".
func TextMarker(dst []byte, n uint64) []byte {
	dst = append(dst, "guestrace: "...)
	dst = strconv.AppendUint(dst, n, 10)
	return append(dst, " lines dropped (--buffer full)\n"...)
}

// JSONMarker is the marker of the JSON format: {"dropped":N}.
func JSONMarker(dst []byte, n uint64) []byte {
	dst = append(dst, `{"dropped":`...)
	dst = strconv.AppendUint(dst, n, 10)
	return append(dst, "}\n"...)
}

// Buffer is an io.Writer that does not wait for the output: Write keeps
// complete lines (a line is held until its newline arrives) in a buffer of
// at most Size bytes, and a goroutine writes them out. A line that does
// not fit is dropped whole. Write returns the output's first error once
// the goroutine met it. Writes do not allocate once the buffer has grown.
type Buffer struct {
	out    io.Writer
	size   int
	marker Marker

	line    []byte // the line being assembled; only Write touches it
	tooLong bool   // the line being assembled is longer than the buffer
	mark    []byte // a marker line being made

	mu      sync.Mutex
	cond    *sync.Cond // signalled when pending gains lines or closing
	pending []byte     // lines waiting for the goroutine
	unmark  uint64     // lines dropped since the last marker
	dropped uint64     // lines dropped in all
	err     error      // the output's first error
	closing bool
	done    chan struct{}
}

// New starts a buffer of size bytes in front of out.
func New(out io.Writer, size int, marker Marker) *Buffer {
	b := &Buffer{out: out, size: size, marker: marker, done: make(chan struct{})}
	b.cond = sync.NewCond(&b.mu)
	go b.drain()
	return b
}

// Write takes p's complete lines into the buffer, or drops them when it
// is full. It reports the output's first error.
func (b *Buffer) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			b.add(p)
			break
		}
		b.add(p[:i+1])
		p = p[i+1:]
		if err := b.commit(); err != nil {
			return n - len(p), err
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return n, b.err
}

// add appends to the line being assembled; a line longer than the buffer
// is not kept, only remembered as dropped.
func (b *Buffer) add(p []byte) {
	if b.tooLong || len(b.line)+len(p) > b.size {
		b.tooLong = true
		b.line = b.line[:0]
		return
	}
	b.line = append(b.line, p...)
}

// commit moves the assembled line into the buffer, after a marker for the
// lines dropped before it, or drops it.
func (b *Buffer) commit() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	line, tooLong := b.line, b.tooLong
	b.line, b.tooLong = b.line[:0], false
	if b.err != nil {
		return b.err
	}
	need := len(line)
	if b.unmark > 0 {
		b.mark = b.marker(b.mark[:0], b.unmark)
		need += len(b.mark)
	}
	if tooLong || need > b.size-len(b.pending) {
		b.drop()
		return nil
	}
	if b.unmark > 0 {
		b.pending = append(b.pending, b.mark...)
		b.unmark = 0
	}
	b.pending = append(b.pending, line...)
	b.cond.Signal()
	return nil
}

func (b *Buffer) drop() {
	b.unmark++
	b.dropped++
}

// drain writes the buffer out until Close.
func (b *Buffer) drain() {
	defer close(b.done)
	var spare []byte
	for {
		b.mu.Lock()
		for len(b.pending) == 0 && !b.closing {
			b.cond.Wait()
		}
		if len(b.pending) == 0 {
			b.mu.Unlock()
			return
		}
		b.pending, spare = spare[:0], b.pending
		failed := b.err != nil
		b.mu.Unlock()
		if failed {
			continue // nothing more reaches a failed output
		}
		if _, err := b.out.Write(spare); err != nil {
			b.mu.Lock()
			b.err = err
			b.mu.Unlock()
		}
	}
}

// Close writes out what the buffer holds, a marker for lines dropped
// last, and stops the goroutine. It returns how many lines were dropped
// and the output's first error.
func (b *Buffer) Close() (dropped uint64, err error) {
	b.mu.Lock()
	if !b.closing {
		b.closing = true
		if b.unmark > 0 && b.err == nil {
			b.pending = b.marker(b.pending, b.unmark)
			b.unmark = 0
		}
		b.cond.Signal()
	}
	b.mu.Unlock()
	<-b.done
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.dropped, b.err
}
