package output

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/guestrace/guestrace/pkg/printers/linux"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// rowDec prints like the Linux printers: "NAME(" and the entry arguments
// (then ", " when more come at exit), and at exit the other arguments,
// ") ", the alignment and the return, errors as strace prints them.
type rowDec struct {
	name     string
	in, out  []string
	noReturn bool
}

func (d *rowDec) Enter(b []byte, _ *Args, _ *printers.CallState, _ printers.Mem, _ *printers.Options) []byte {
	b = append(append(b, d.name...), '(')
	b = appendJoined(b, d.in)
	if len(d.out) > 0 && len(d.in) > 0 {
		b = append(b, ", "...)
	}
	return b
}

func (d *rowDec) Exit(b []byte, _ *Args, _ *printers.CallState, ret int64, _ printers.Mem, o *printers.Options) []byte {
	b = appendJoined(b, d.out)
	b = append(b, ") "...)
	b = printers.AppendAlign(b, o.Col())
	switch {
	case d.noReturn:
		return append(b, "= ?"...)
	case linux.IsError(ret):
		return linux.AppendErrorReturn(b, uint64(-ret))
	}
	return printers.AppendInt(append(b, "= "...), ret)
}

// appendJoined is strings.Join without its allocation.
func appendJoined(b []byte, args []string) []byte {
	for i, a := range args {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, a...)
	}
	return b
}

func (d *rowDec) NoReturn() bool { return d.noReturn }
func (d *rowDec) NArgs() int     { return len(d.in) + len(d.out) }

func (d *rowDec) AppendError(b []byte, ret int64) ([]byte, bool) {
	if d.noReturn || !linux.IsError(ret) {
		return b, false
	}
	name, _ := linux.ErrnoName(uint64(-ret))
	return append(b, name...), true
}

var (
	decOpenat = &rowDec{name: "openat", in: []string{"AT_FDCWD", `"/etc/passwd"`, "O_RDONLY"}}
	decRead   = &rowDec{name: "read", in: []string{"3"}, out: []string{`"root:x:0:0:root:/root:/bin/sh\n"...`, "4096"}}
	decClose  = &rowDec{name: "close", in: []string{"-1"}}
	decExit   = &rowDec{name: "exit_group", in: []string{"0"}, noReturn: true}
	// Separators inside strings, comments and brackets, and guest bytes.
	decWrite = &rowDec{name: "write", in: []string{"1", `"a, b\")} /* \377"...`, `{st_mode=S_IFREG|0644, st_size=[1, 2], ...}`, "0x1 /* x, y */"}}
	decWait  = &rowDec{name: "wait4", in: []string{"-1"}, out: []string{"[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]", "0", "NULL"}}
)

// script runs the same events through a writer: calls that return at
// once, interleaved calls, a failure, a call that never returns, a
// hostile process name, and calls lost at detach.
func script(w Writer) {
	base := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	tick := 0
	ev := func(vcpu int) *Event {
		tick++
		return &Event{Time: base.Add(time.Duration(tick) * 1234567 * time.Nanosecond), VCPU: vcpu}
	}
	sh, sh2 := thread(41, 41, "sh"), thread(41, 42, "sh")
	evil := thread(50, 50, "ev\"il]\\ \xff\x1b")
	args := &Args{3, 0x7ffc0000, 4096}

	c := w.CallAt(ev(0), sh, "openat", decOpenat, &Args{0xffffff9c, 0x5000, 0}, nil)
	w.ReturnAt(ev(0), c, 3, nil)
	c1 := w.CallAt(ev(0), sh, "read", decRead, args, nil)
	c2 := w.CallAt(ev(1), sh2, "close", decClose, &Args{^uint64(0)}, nil)
	w.ReturnAt(ev(1), c2, -9, nil)
	w.ReturnAt(ev(0), c1, 31, nil)
	if w.CallAt(ev(1), sh2, "exit_group", decExit, &Args{}, nil) != nil {
		panic("exit_group returned a call")
	}
	c = w.CallAt(ev(0), evil, "write", decWrite, &Args{1, 0x4000, 0x7ffd0000, 1}, nil)
	w.ReturnAt(ev(0), c, -2, nil)
	c3 := w.CallAt(ev(0), sh, "wait4", decWait, &Args{^uint64(0), 0x7ffc0010}, nil)
	w.ReturnAt(ev(0), c3, 42, nil)
	c4 := w.CallAt(ev(0), sh, "read", decRead, args, nil)
	c5 := w.CallAt(ev(1), thread(60, 61, "cat"), "read", decRead, args, nil)
	w.Lost(c4, "detached")
	w.Lost(c5, "detached")
	c6 := w.CallAt(ev(0), sh, "read", decRead, args, nil)
	w.Lost(c6, "unfinished")
}

// TestGolden: every output mode and option that changes the output, on
// the same events, against testdata/NAME.golden (go test -update
// rewrites them).
func TestGolden(t *testing.T) {
	clock := func() time.Time { return time.Date(2026, 11, 28, 10, 0, 59, 0, time.UTC) }
	colors := Colors{Name: [2]string{"\x1b[1m", "\x1b[22m"}, Error: [2]string{"\x1b[31m", "\x1b[0m"}}
	for _, tc := range []struct {
		name string
		json bool
		cfg  Config
	}{
		{name: "text", cfg: Config{}},
		{name: "text-t", cfg: Config{Time: TimeSeconds}},
		{name: "text-tt-T", cfg: Config{Time: TimeMicros, Durations: true}},
		{name: "text-ttt", cfg: Config{Time: TimeEpoch}},
		{name: "text-s8-noalign", cfg: Config{Print: printers.Options{StringLimit: 8, Column: -1}}},
		{name: "text-status-failed", cfg: Config{Status: StatusFailed, Durations: true}},
		{name: "text-status-successful", cfg: Config{Status: StatusSuccessful, Time: TimeMicros}},
		{name: "text-status-unfinished-detached", cfg: Config{Status: StatusUnfinished | StatusDetached}},
		{name: "text-color", cfg: Config{Colors: colors, Status: 0}},
		{name: "text-color-failed", cfg: Config{Colors: colors, Status: StatusFailed}},
		{name: "json", json: true, cfg: Config{Time: TimeSeconds, Durations: true, Colors: colors}},
		{name: "json-status-failed-detached", json: true, cfg: Config{Status: StatusFailed | StatusDetached}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			tc.cfg.Now = clock
			var w Writer = NewTextConfig(&out, tc.cfg)
			if tc.json {
				w = NewJSON(&out, tc.cfg)
			}
			script(w)
			require.NoError(t, w.Flush())
			assert.Equal(t, Counts{Calls: 9, Returns: 5, Unfinished: 3}, w.Counts())
			golden(t, tc.name, out.Bytes())
		})
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
}

// TestSummaryGolden: strace's -c table, its column widths and sort, and
// its JSON form.
func TestSummaryGolden(t *testing.T) {
	rows := []SummaryRow{
		{Name: "read", Calls: 7, Time: 127 * time.Microsecond},
		{Name: "openat", Calls: 35, Errors: 17, Time: 779 * time.Microsecond},
		{Name: "close", Calls: 20, Time: 142 * time.Microsecond},
		{Name: "set_tid_address", Calls: 1},
		{Name: "write", Calls: 5, Time: 100 * time.Microsecond},
	}
	SortSummary(rows)
	var out bytes.Buffer
	require.NoError(t, WriteSummary(&out, rows))
	golden(t, "summary", out.Bytes())

	out.Reset()
	require.NoError(t, WriteSummary(&out, []SummaryRow{{Name: "sched_getaffinity", Calls: 1, Time: 8 * time.Microsecond}}))
	golden(t, "summary-wide", out.Bytes())

	out.Reset()
	require.NoError(t, WriteSummary(&out, nil))
	golden(t, "summary-empty", out.Bytes())

	out.Reset()
	require.NoError(t, WriteSummaryJSON(&out, rows))
	golden(t, "summary-json", out.Bytes())
}
