package output

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeDec prints NAME(arg0 at entry, and at return ", arg1) = RET"
// aligned the way strace aligns.
type fakeDec struct {
	name     string
	noReturn bool
}

func (d fakeDec) Enter(b []byte, a *Args, _ *printers.CallState, _ printers.Mem, _ *printers.Options) []byte {
	b = append(b, d.name...)
	b = append(b, '(')
	return strconv.AppendUint(b, a[0], 10)
}

func (d fakeDec) Exit(b []byte, a *Args, _ *printers.CallState, ret int64, _ printers.Mem, o *printers.Options) []byte {
	b = append(b, ", "...)
	b = strconv.AppendUint(b, a[1], 10)
	b = append(b, ')')
	b = printers.AppendAlign(b, o.Col())
	if d.noReturn {
		return append(b, "= ?"...)
	}
	b = append(b, "= "...)
	return strconv.AppendInt(b, ret, 10)
}

func (d fakeDec) NoReturn() bool { return d.noReturn }

func thread(pid, tid uint32, comm string) *guestos.Thread {
	th := &guestos.Thread{PID: pid, TID: tid, Key: uint64(tid)}
	copy(th.Comm[:], comm)
	return th
}

func TestTextLines(t *testing.T) {
	read := fakeDec{name: "read"}
	exit := fakeDec{name: "exit_group", noReturn: true}
	a, b := thread(41, 41, "sh"), thread(41, 42, "sh")
	args := &Args{3, 7}

	var out bytes.Buffer
	w := NewText(&out, printers.Options{})
	c := w.Call(a, "read", read, args, nil)
	w.Return(c, 5, nil)
	c1 := w.Call(a, "read", read, args, nil)
	c2 := w.Call(b, "read", read, &Args{4, 8}, nil)
	w.Return(c1, 1, nil)
	w.Return(c2, -1, nil)
	require.Nil(t, w.Call(b, "exit_group", exit, &Args{0, 9}, nil))
	c3 := w.Call(a, "read", read, args, nil)
	w.Lost(c3, "detached")
	c4 := w.Call(a, "read", read, args, nil)
	w.Call(b, "read", read, args, nil)
	w.Lost(c4, "detached")
	require.NoError(t, w.Flush())

	assert.Equal(t, ""+
		"[pid 41/41 sh] read(3, 7)                              = 5\n"+
		"[pid 41/41 sh] read(3 <unfinished ...>\n"+
		"[pid 41/42 sh] read(4 <unfinished ...>\n"+
		"[pid 41/41 sh] <... read resumed>, 7)                  = 1\n"+
		"[pid 41/42 sh] <... read resumed>, 8)                  = -1\n"+
		"[pid 41/42 sh] exit_group(0, 9)                        = ?\n"+
		"[pid 41/41 sh] read(3 <detached ...>\n"+
		"[pid 41/41 sh] read(3 <unfinished ...>\n"+
		"[pid 41/42 sh] read(3 <unfinished ...>\n"+
		"[pid 41/41 sh] <... read resumed> <detached ...>\n",
		out.String())
	assert.Equal(t, Counts{Calls: 7, Returns: 3, Unfinished: 2}, w.Counts())
}

func TestPrefixEscapesHostileNames(t *testing.T) {
	for _, tc := range []struct{ comm, want string }{
		{"bash", "[pid 1/2 bash] "},
		{"", "[pid 1/2 ?] "},
		{"a b]\\", `[pid 1/2 a\x20b\x5d\x5c] `},
		{"\x1b[2J\n\xff", `[pid 1/2 \x1b[2J\x0a\xff] `},
		{"0123456789abcdef", "[pid 1/2 0123456789abcdef] "}, // no NUL: all 16 bytes
	} {
		th := thread(1, 2, tc.comm)
		assert.Equal(t, tc.want, string(AppendPrefix(nil, th)), "%q", tc.comm)
	}
}

func TestTextAllocatesNothingPerCall(t *testing.T) {
	w := NewText(&bytes.Buffer{}, printers.Options{})
	th := thread(1, 1, "x")
	dec := &fakeDec{name: "close"} // rows are pointers: no boxing
	args := &Args{1, 2}
	allocs := testing.AllocsPerRun(1000, func() {
		c := w.Call(th, "close", dec, args, nil)
		w.Return(c, 0, nil)
		_ = w.Flush()
	})
	assert.Zero(t, allocs)
}
