package qemu

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseStop(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want stopReply
		err  string
	}{
		{in: "T05thread:p01.02;", want: stopReply{kind: stopSignal, signal: 5, thread: 2}},
		{in: "T02thread:p01.01;", want: stopReply{kind: stopSignal, signal: 2, thread: 1}},
		{in: "T05thread:0a;", want: stopReply{kind: stopSignal, signal: 5, thread: 10}},
		{in: "T05watch:ffffffff81000000;thread:p1.3;", want: stopReply{kind: stopSignal, signal: 5, thread: 3}},
		{in: "T0506:0000000000000000;thread:p01.01;core:0;", want: stopReply{kind: stopSignal, signal: 5, thread: 1}},
		{in: "T05", want: stopReply{kind: stopSignal, signal: 5}},
		{in: "S05", want: stopReply{kind: stopSignal, signal: 5}},
		{in: "S02", want: stopReply{kind: stopSignal, signal: 2}},
		{in: "W00", want: stopReply{kind: stopExited}},
		{in: "W01;process:1", want: stopReply{kind: stopExited, signal: 1}},
		{in: "X09", want: stopReply{kind: stopExited, signal: 9}},
		{in: "O48690a", want: stopReply{kind: stopOutput}},
		{in: "", err: "empty stop reply"},
		{in: "OK", err: `stop reply "OK": bad console output`},
		{in: "E14", err: `stub answered "E14" instead of a stop reply`},
		{in: "T5", err: `stop reply "T5" too short`},
		{in: "Tzzthread:1;", err: "bad signal"},
		{in: "S05x", err: "junk after the signal"},
		{in: "T05thread:p01.02", err: "field without ';'"},
		{in: "T05thread;", err: "field without ':'"},
		{in: "T05thread:p02.01;", err: "process is not 1"},
		{in: "T05thread:p01;", err: "without '.'"},
		{in: "T05thread:p01.00;", err: "bad thread id"},
		{in: "T05thread:p01.-1;", err: "bad thread id"},
		{in: "T05thread:ffffffffffffffffff;", err: "bad thread id"},
		{in: "O4", err: "bad console output"},
		{in: "?", err: "unknown stop reply"},
	} {
		var got stopReply
		err := parseStop([]byte(tt.in), &got)
		if tt.err != "" {
			require.Error(t, err, tt.in)
			assert.ErrorIs(t, err, ErrProtocol, tt.in)
			assert.Contains(t, err.Error(), tt.err, tt.in)
			continue
		}
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
}

func TestParseStopAllocs(t *testing.T) {
	p := []byte("T05thread:p01.02;")
	var s stopReply
	allocs := testing.AllocsPerRun(100, func() { _ = parseStop(p, &s) })
	assert.Zero(t, allocs)
}

func FuzzParseStop(f *testing.F) {
	for _, s := range []string{"T05thread:p01.02;", "S05", "W00", "X09", "O4869", "T05watch:1000;thread:02;", "T02thread:p1.1;core:0;"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		var s stopReply
		if err := parseStop(p, &s); err != nil {
			return
		}
		if s.kind == stopSignal && (s.thread < 0 || s.thread > maxVCPUs) {
			t.Fatalf("thread %d out of range for %q", s.thread, p)
		}
		if s.kind == 0 {
			t.Fatalf("no kind for %q", p)
		}
	})
}
