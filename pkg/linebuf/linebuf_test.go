package linebuf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gate is an output that blocks every write until released: a reader
// slower than the trace.
type gate struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	open    chan struct{}
	started chan struct{} // receives once per write begun
	err     error
}

func newGate() *gate {
	return &gate{open: make(chan struct{}), started: make(chan struct{}, 1000)}
}

func (g *gate) Write(p []byte) (int, error) {
	g.started <- struct{}{}
	<-g.open
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.err != nil {
		return 0, g.err
	}
	return g.buf.Write(p)
}

func (g *gate) String() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.buf.String()
}

var marker = regexp.MustCompile(`^guestrace: (\d+) lines dropped \(--buffer full\)$`)

// TestSlowReaderDropsWholeLines: while the output blocks, lines beyond
// the buffer are dropped whole and counted; what is kept comes out in
// order, with one marker per run of dropped lines giving their number.
func TestSlowReaderDropsWholeLines(t *testing.T) {
	g := newGate()
	b := New(g, 100, TextMarker)
	// The first line is taken by the goroutine, which then blocks on it.
	_, err := io.WriteString(b, "line 0\n")
	require.NoError(t, err)
	<-g.started
	const n = 50
	for i := 1; i < n; i++ {
		// Written in pieces, as a call line and its return are.
		_, err := fmt.Fprintf(b, "line %d", i)
		require.NoError(t, err)
		_, err = io.WriteString(b, "\n")
		require.NoError(t, err)
	}
	close(g.open)
	dropped, err := b.Close()
	require.NoError(t, err)

	lines := strings.Split(strings.TrimSuffix(g.String(), "\n"), "\n")
	next, kept, marked := 0, 0, uint64(0)
	for _, l := range lines {
		if m := marker.FindStringSubmatch(l); m != nil {
			k, _ := strconv.ParseUint(m[1], 10, 64)
			marked += k
			next += int(k)
			continue
		}
		assert.Equal(t, fmt.Sprintf("line %d", next), l, "lines whole and in order")
		next++
		kept++
	}
	assert.Equal(t, n, next, "every line kept or counted")
	assert.Equal(t, uint64(n-kept), dropped)
	assert.Equal(t, dropped, marked, "the markers add up to the count")
	assert.Positive(t, dropped)
	assert.LessOrEqual(t, kept, 1+100/len("line 10\n")+1, "the buffer's bound")
}

// TestFastReaderDropsNothing: an output that keeps up loses no line and
// gets no marker.
func TestFastReaderDropsNothing(t *testing.T) {
	var out bytes.Buffer
	var mu sync.Mutex
	w := writerFunc(func(p []byte) (int, error) { mu.Lock(); defer mu.Unlock(); return out.Write(p) })
	b := New(w, 1<<20, JSONMarker)
	var want strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&want, "{\"n\":%d}\n", i)
		fmt.Fprintf(b, "{\"n\":%d}\n", i)
	}
	dropped, err := b.Close()
	require.NoError(t, err)
	assert.Zero(t, dropped)
	assert.Equal(t, want.String(), out.String())
}

// TestLinesLongerThanTheBuffer are dropped, never cut.
func TestLinesLongerThanTheBuffer(t *testing.T) {
	var out bytes.Buffer
	b := New(&out, 24, JSONMarker)
	io.WriteString(b, strings.Repeat("x", 15))
	io.WriteString(b, strings.Repeat("y", 15)+"\n")
	io.WriteString(b, "short\n")
	dropped, err := b.Close()
	require.NoError(t, err)
	assert.Equal(t, uint64(1), dropped)
	assert.Equal(t, "{\"dropped\":1}\nshort\n", out.String())
}

// TestOutputError: the output's error (a reader gone: EPIPE) comes back
// from Write and Close, so that the trace ends as without a buffer.
func TestOutputError(t *testing.T) {
	g := newGate()
	g.err = syscall.EPIPE
	b := New(g, 1<<10, TextMarker)
	_, err := io.WriteString(b, "a\n")
	require.NoError(t, err)
	close(g.open)
	_, cerr := b.Close()
	assert.True(t, errors.Is(cerr, syscall.EPIPE), "%v", cerr)
	_, err = io.WriteString(b, "b\n")
	assert.True(t, errors.Is(err, syscall.EPIPE), "%v", err)
}

// TestWriteAllocatesNothing: the event path's writes do not allocate
// once the buffers have grown, also while dropping.
func TestWriteAllocatesNothing(t *testing.T) {
	b := New(io.Discard, 1<<16, TextMarker)
	defer b.Close()
	line := []byte("[pid 1/1 sh] close(3) = 0\n")
	for range 10000 {
		b.Write(line)
	}
	assert.Zero(t, testing.AllocsPerRun(1000, func() { b.Write(line[:10]); b.Write(line[10:]) }))

	g := newGate()
	full := New(g, 64, TextMarker)
	defer func() { close(g.open); full.Close() }()
	full.Write(line)
	<-g.started
	for range 100 {
		full.Write(line)
	}
	assert.Zero(t, testing.AllocsPerRun(1000, func() { full.Write(line) }))
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// BenchmarkWrite is the cost --buffer adds to each line (a call's head
// and its return written apart), output keeping up.
func BenchmarkWrite(b *testing.B) {
	buf := New(io.Discard, 64<<20, TextMarker)
	defer buf.Close()
	line := []byte("[pid 112/112 gt-closeloop] close(-1) = -1 EBADF (Bad file descriptor)\n")
	b.ReportAllocs()
	for b.Loop() {
		buf.Write(line[:37])
		buf.Write(line[37:])
	}
}

// BenchmarkWriteFull is the cost of a line dropped.
func BenchmarkWriteFull(b *testing.B) {
	g := newGate()
	buf := New(g, 4096, TextMarker)
	defer func() { close(g.open); buf.Close() }()
	line := []byte("[pid 112/112 gt-closeloop] close(-1) = -1 EBADF (Bad file descriptor)\n")
	buf.Write(line)
	<-g.started
	for range 100 {
		buf.Write(line)
	}
	b.ReportAllocs()
	for b.Loop() {
		buf.Write(line)
	}
}
