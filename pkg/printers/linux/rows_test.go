package linux

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/printers"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden (from live runs for the C programs)")

// rowLines prints every row of rows with its example arguments, once as a
// call that succeeded and once as one that failed (out arguments then show
// as addresses); a call that never returns, or never fails, once.
func rowLines(rows []*Syscall) string {
	var out strings.Builder
	var b []byte
	for _, s := range rows {
		e := exampleOf(s)
		rets := []int64{e.ok, -int64(e.errno)}
		if s.NoReturn() || s.NeverFails {
			rets = rets[:1]
		}
		for _, ret := range rets {
			var st State
			b = s.EnterState(b[:0], &e.args, e.mem, nil, &st)
			b = s.ExitState(b, &e.args, ret, e.mem, nil, &st)
			out.Write(b)
			out.WriteByte('\n')
		}
	}
	return out.String()
}

// TestGoldenRows drives every x86-64 and i386 row's decoder from a fake
// guest memory and compares with testdata/rows*.golden.
func TestGoldenRows(t *testing.T) {
	goldenFile(t, "testdata/rows.golden", rowLines(All()))
	goldenFile(t, "testdata/rows-i386.golden", rowLines(I386()))
}

func goldenFile(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -run TestGoldenRows -update to create it")
	assert.Equal(t, string(want), got, path)
}

// TestEveryRowHasGoldenLines: a new row without lines in the golden files
// fails.
func TestEveryRowHasGoldenLines(t *testing.T) {
	for path, rows := range map[string][]*Syscall{"testdata/rows.golden": All(), "testdata/rows-i386.golden": I386()} {
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		lines := "\n" + string(b)
		for _, s := range rows {
			assert.Contains(t, lines, "\n"+s.Name+"(", "%s: %s", path, s.Name)
		}
	}
}

// TestRowExamples: each hand-written example names a row, so that renaming
// a row does not silently leave its example unused.
func TestRowExamples(t *testing.T) {
	for name := range rowExamples {
		_, x := Lookup(name)
		_, i := lookupI386(name)
		assert.True(t, x || i, name)
	}
}

func lookupI386(name string) (*Syscall, bool) {
	for _, s := range I386() {
		if s.Name == name {
			return s, true
		}
	}
	return nil, false
}

var _ printers.Mem = (*rowMem)(nil)
