package output

import (
	"bytes"
	"strconv"
	"testing"
	"time"

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

// enderDec is a decoder whose call ends its caller when its first
// argument is 1 (NtTerminateThread(NtCurrentThread(), ...)).
type enderDec struct{ fakeDec }

func (d enderDec) EndsCaller(a *Args) bool { return a[0] == 1 }

func (d enderDec) Exit(b []byte, a *Args, st *printers.CallState, ret int64, m printers.Mem, o *printers.Options) []byte {
	return fakeDec{name: d.name, noReturn: d.EndsCaller(a)}.Exit(b, a, st, ret, m, o)
}

// TestKernelModeAndEnders: a call the kernel made itself is marked after
// the prefix, in text and in JSON; a call that ends its caller is printed
// whole at the call, like exit_group.
func TestKernelModeAndEnders(t *testing.T) {
	kern := thread(4, 8, "System")
	kern.KernelMode = true
	term := enderDec{fakeDec{name: "NtTerminateThread"}}

	var out bytes.Buffer
	w := NewText(&out, printers.Options{})
	w.Return(w.Call(kern, "NtOpenKey", fakeDec{name: "NtOpenKey"}, &Args{3, 7}, nil), 0, nil)
	require.Nil(t, w.Call(thread(4, 9, "a.exe"), "NtTerminateThread", term, &Args{1, 259}, nil))
	w.Return(w.Call(thread(4, 9, "a.exe"), "NtTerminateThread", term, &Args{2, 259}, nil), 0, nil)
	require.NoError(t, w.Flush())
	assert.Equal(t, ""+
		"[pid 4/8 System] [kernel] NtOpenKey(3, 7)                         = 0\n"+
		"[pid 4/9 a.exe] NtTerminateThread(1, 259)               = ?\n"+
		"[pid 4/9 a.exe] NtTerminateThread(2, 259)               = 0\n", out.String())

	out.Reset()
	j := NewJSON(&out, Config{})
	ev := &Event{Time: time.Unix(0, 0)}
	j.ReturnAt(ev, j.CallAt(ev, kern, "NtOpenKey", fakeDec{name: "NtOpenKey"}, &Args{3, 7}, nil), 0, nil)
	j.ReturnAt(ev, j.CallAt(ev, thread(4, 9, "a.exe"), "NtClose", fakeDec{name: "NtClose"}, &Args{3, 7}, nil), 0, nil)
	require.Nil(t, j.CallAt(ev, thread(4, 9, "a.exe"), "NtTerminateThread", term, &Args{1, 259}, nil))
	require.NoError(t, j.Flush())
	lines := bytes.Split(bytes.TrimSpace(out.Bytes()), []byte("\n"))
	require.Len(t, lines, 3)
	assert.Contains(t, string(lines[0]), `,"kernel":true,`)
	assert.NotContains(t, string(lines[1]), `"kernel"`)
	assert.Contains(t, string(lines[2]), `"event":"complete"`)
	assert.NotContains(t, string(lines[2]), `"ret"`, "no return to wait for")
}
