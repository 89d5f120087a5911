package output

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/printers"
)

// lazyMem is a process memory whose page holding path is not present
// until the call has run (present false): reads of it fail, and are
// counted as printers.Faulter counts them.
type lazyMem struct {
	path    string
	present bool
	faults  uint64
}

const pathAt = 0x490318

func (m *lazyMem) ReadVirt(va uint64, buf []byte) (int, error) {
	if !m.present || va < pathAt || va >= pathAt+uint64(len(m.path))+1 {
		m.faults++
		return 0, printers.ErrShortRead
	}
	src := m.path[va-pathAt:] + "\x00"
	return copy(buf, src), nil
}

func (m *lazyMem) Faults() uint64 { return m.faults }

// pathDec prints readlink(PATH at entry, and at return ", BUF) = RET"; it
// keeps 7 in its state at entry, as decoders keep entry values.
type pathDec struct{}

var pathBuf [64]byte

func (pathDec) Enter(b []byte, a *Args, st *printers.CallState, m printers.Mem, _ *printers.Options) []byte {
	b = append(b, "readlink("...)
	s := pathBuf[:]
	n, _, err := printers.ReadString(m, a[0], s)
	if err != nil {
		b = printers.AppendPtr(b, a[0])
	} else {
		b = printers.AppendQuoted(b, s[:n], 64, false)
	}
	st.V[0], st.Valid = 7, true
	return b
}

func (pathDec) Exit(b []byte, _ *Args, st *printers.CallState, ret int64, _ printers.Mem, _ *printers.Options) []byte {
	b = append(b, ", "...)
	b = printers.AppendUint(b, st.V[0])
	b = append(b, ") = "...)
	return printers.AppendInt(b, ret)
}

func (pathDec) NoReturn() bool { return false }

// TestEntryReadAgain: a path unreadable at the call's entry is read
// again at its return when the entry is not printed yet (text on one
// line, text under a status filter, JSON), with the entry's state kept
// for the exit; an entry printed already (another event came between)
// keeps the address.
func TestEntryReadAgain(t *testing.T) {
	th := thread(95, 95, "gt-fileops")
	args := &Args{pathAt}
	ev := &Event{Time: time.Unix(0, 0)}
	run := func(w Writer, between bool) {
		m := &lazyMem{path: "/proc/self/exe"}
		c := w.CallAt(ev, th, "readlink", pathDec{}, args, m)
		if between {
			w.ReturnAt(ev, w.CallAt(ev, thread(95, 96, "gt-fileops"), "readlink", pathDec{}, &Args{0}, m), 0, m)
		}
		m.present = true
		w.ReturnAt(ev, c, 15, m)
		require.NoError(t, w.Flush())
	}
	var out bytes.Buffer
	run(NewTextConfig(&out, Config{Print: printers.Options{Column: -1}}), false)
	assert.Equal(t, `[pid 95/95 gt-fileops] readlink("/proc/self/exe", 7) = 15`+"\n", out.String())

	out.Reset()
	run(NewTextConfig(&out, Config{Print: printers.Options{Column: -1}, Time: TimeMicros}), false)
	assert.Regexp(t, `^\[pid 95/95 gt-fileops\] \d\d:\d\d:\d\d\.\d{6} readlink\("/proc/self/exe", 7\) = 15\n$`, out.String())

	out.Reset()
	run(NewTextConfig(&out, Config{Print: printers.Options{Column: -1}, Status: StatusSuccessful}), false)
	assert.Equal(t, `[pid 95/95 gt-fileops] readlink("/proc/self/exe", 7) = 15`+"\n", out.String())

	out.Reset()
	run(NewJSON(&out, Config{}), false)
	assert.Contains(t, out.String(), `"args":["\"/proc/self/exe\"","7"]`)

	out.Reset()
	run(NewTextConfig(&out, Config{Print: printers.Options{Column: -1}}), true)
	lines := strings.Split(out.String(), "\n")
	assert.Equal(t, "[pid 95/95 gt-fileops] readlink(0x490318 <unfinished ...>", lines[0])
	assert.Equal(t, "[pid 95/95 gt-fileops] <... readlink resumed>, 7) = 15", lines[2])

	// Read at entry: printed at once, as before.
	out.Reset()
	w := NewTextConfig(&out, Config{Print: printers.Options{Column: -1}})
	m := &lazyMem{path: "/proc/self/exe", present: true}
	c := w.CallAt(ev, th, "readlink", pathDec{}, args, m)
	require.NoError(t, w.Flush())
	assert.Equal(t, `[pid 95/95 gt-fileops] readlink("/proc/self/exe"`, out.String())
	w.ReturnAt(ev, c, 15, m)

	// No allocation either way.
	m.present = false
	w = NewTextConfig(&bytes.Buffer{}, Config{})
	assert.Zero(t, testing.AllocsPerRun(100, func() {
		m.present = false
		c := w.CallAt(ev, th, "readlink", pathDec{}, args, m)
		m.present = true
		w.ReturnAt(ev, c, 15, m)
		_ = w.Flush()
	}))
}
