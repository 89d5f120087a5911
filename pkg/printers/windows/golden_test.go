package windows

import (
	"bytes"
	"encoding/binary"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/printers"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// line prints a whole call as a tracer does: EnterState at the call,
// then the kernel runs (kernel), then ExitState with ret.
func line(s *Syscall, a *Args, ret int64, m *fakeMem, o *printers.Options) string {
	var st State
	b := s.EnterState(nil, a, m, o, &st)
	kernel(s, a, ret, m)
	return string(s.ExitState(b, a, ret, m, o, &st))
}

// kernel changes memory between a call and its return: what in-out
// arguments point to, when the call succeeds (a base address rounded, a
// size grown), and the input buffers printed at the return, which the
// caller may reuse (they must print as they were at the call).
func kernel(s *Syscall, a *Args, ret int64, m *fakeMem) {
	put := func(va uint64, b []byte) {
		if va >= m.base && va-m.base+uint64(len(b)) <= uint64(len(m.data)) {
			copy(m.data[va-m.base:], b)
		}
	}
	for i, ar := range s.args {
		va := a[i]
		switch {
		case ar.d == inout && ret == 0:
			if v, ok := (&ctx{m: m}).read64(va); ok {
				put(va, binary.LittleEndian.AppendUint64(nil, v*2+0x10000))
			}
		case ar.d == in && i >= s.split():
			n := map[kind]uint64{kBuf: a[ar.ref], kFileInfo: a[ar.aux], kContext: 0x100, kPortMsg: 0x28}[ar.k]
			put(va, bytes.Repeat([]byte{0xee}, int(min(n, 4096))))
		}
	}
}

// TestGoldenRows prints every row with example arguments, once as a call
// that succeeded and once as one that failed (out arguments then show as
// addresses), and compares with testdata/rows.golden.
func TestGoldenRows(t *testing.T) {
	var out strings.Builder
	o := &printers.Options{}
	for _, s := range All() {
		for _, ret := range []int64{0, -0x3fffffde /* STATUS_ACCESS_DENIED */} {
			m := newFakeMem(0x7ff700000000, 1<<16)
			a := example(s, m)
			out.WriteString(line(s, a, ret, m, o))
			out.WriteByte('\n')
			if s.NoReturn() {
				break
			}
		}
	}
	golden(t, "testdata/rows.golden", out.String())
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create it")
	assert.Equal(t, string(want), got)
}

func TestEveryRowHasGoldenLines(t *testing.T) {
	want, err := os.ReadFile("testdata/rows.golden")
	require.NoError(t, err)
	for _, s := range All() {
		assert.Contains(t, string(want), "\n"+s.Name+"(", s.Name)
	}
	assert.GreaterOrEqual(t, len(All()), 170, "guestrace syscalls --os windows lists at least 170 calls")
}
