package windows

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/printers"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// line prints a whole call: EnterArgs, then ExitArgs with ret.
func line(s *Syscall, a *Args, ret int64, m printers.Mem, o *printers.Options) string {
	return string(s.ExitArgs(s.EnterArgs(nil, a, m, o), a, ret, m, o))
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
	assert.GreaterOrEqual(t, len(All()), 80)
}
