package output

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/guestrace/guestrace/pkg/printers"
)

// TestRelativeStamps: -r starts each line with the time since the
// previous line, as strace's "%6ld.%06ld "; with -t, after the time.
func TestRelativeStamps(t *testing.T) {
	t0 := time.Date(2026, 12, 2, 18, 58, 51, 0, time.UTC)
	read := fakeDec{name: "read"}
	a := thread(41, 41, "sh")
	for _, tc := range []struct {
		cfg  Config
		want string
	}{
		{Config{Relative: true}, "" +
			"[pid 41/41 sh]      0.000000 read(3, 7)                = 5\n" +
			"[pid 41/41 sh]      0.000140 read(3, 7)                = 5\n" +
			"[pid 41/41 sh]     12.000257 read(3, 7)                = 5\n"},
		{Config{Relative: true, Time: TimeSeconds}, "" +
			"[pid 41/41 sh] 18:58:51 (+     0.000000) read(3, 7)    = 5\n" +
			"[pid 41/41 sh] 18:58:51 (+     0.000140) read(3, 7)    = 5\n" +
			"[pid 41/41 sh] 18:59:03 (+    12.000257) read(3, 7)    = 5\n"},
	} {
		var out bytes.Buffer
		w := NewTextConfig(&out, tc.cfg)
		now := t0
		for _, d := range []time.Duration{0, 140 * time.Microsecond, 12*time.Second + 257*time.Microsecond} {
			now = now.Add(d)
			ev := Event{Time: now}
			c := w.CallAt(&ev, a, "read", read, &Args{3, 7}, nil)
			w.ReturnAt(&ev, c, 5, nil)
		}
		w.Flush() //nolint:errcheck
		assert.Equal(t, tc.want, out.String())
	}
}

// dumpAll dumps every call's first argument as its data.
type dumpAll struct{}

func (dumpAll) AppendDump(b []byte, _ string, a *Args, _ int64, _ bool, _ printers.Mem) []byte {
	b = append(b, " * 1 bytes in buffer 0\n"...)
	return printers.AppendHexDump(b, []byte{byte(a[0])}, 0)
}

// TestDumpLines: dump lines follow their call's line, each with the
// thread's prefix, also when the call's line was a resumed one.
func TestDumpLines(t *testing.T) {
	var out bytes.Buffer
	w := NewTextConfig(&out, Config{Dump: dumpAll{}})
	read := fakeDec{name: "read"}
	a, b := thread(41, 41, "sh"), thread(41, 42, "sh")
	c1 := w.Call(a, "read", read, &Args{'x', 7}, nil)
	c2 := w.Call(b, "read", read, &Args{'y', 8}, nil)
	w.Return(c1, 1, nil)
	w.Return(c2, 1, nil)
	w.Flush() //nolint:errcheck
	assert.Equal(t, ""+
		"[pid 41/41 sh] read(120 <unfinished ...>\n"+
		"[pid 41/42 sh] read(121 <unfinished ...>\n"+
		"[pid 41/41 sh] <... read resumed>, 7)                  = 1\n"+
		"[pid 41/41 sh]  * 1 bytes in buffer 0\n"+
		"[pid 41/41 sh]  | 00000  78                                                x                |\n"+
		"[pid 41/42 sh] <... read resumed>, 8)                  = 1\n"+
		"[pid 41/42 sh]  * 1 bytes in buffer 0\n"+
		"[pid 41/42 sh]  | 00000  79                                                y                |\n",
		out.String())
}

// TestJSONFDPaths: under -y the JSON object lists the paths of the
// descriptors among the arguments and of a returned descriptor; a path
// may hold ',' and ')'.
func TestJSONFDPaths(t *testing.T) {
	line := []byte(`openat(AT_FDCWD</tmp/a,b)>, "x", O_RDONLY) = 3</tmp/a,b)/x>`)
	spans, end := SplitArgs(line, len("openat("), nil)
	assert.Len(t, spans, 3)
	assert.Equal(t, `,"fd_paths":{"AT_FDCWD":"/tmp/a,b)","3":"/tmp/a,b)/x"}`, string(appendFDPaths(nil, line, spans, end)))

	line = []byte(`read(3</dev/null<char 1:3>>, "", 8) = 0`)
	spans, end = SplitArgs(line, len("read("), nil)
	assert.Equal(t, `,"fd_paths":{"3":"/dev/null"}`, string(appendFDPaths(nil, line, spans, end)))

	line = []byte(`write(8</memfd:x>(deleted), "", 0) = 0`)
	spans, end = SplitArgs(line, len("write("), nil)
	assert.Equal(t, `,"fd_paths":{"8":"/memfd:x"}`, string(appendFDPaths(nil, line, spans, end)))

	line = []byte(`close(3) = 0`)
	spans, end = SplitArgs(line, len("close("), nil)
	assert.Empty(t, appendFDPaths(nil, line, spans, end))
}
