//go:build linux && amd64

package linux

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// programs are the C programs of testdata/ run against strace, with the
// options given to both.
var programs = []struct {
	name       string
	straceArgs []string
	opts       *printers.Options
	extra      []string // programs without a C library built beside it
}{
	{name: "files"},
	{name: "more"},
	{name: "siginfo"},
	{name: "longtail"}, // (guest/workloads/gt-longtail.c)
	{name: "verbose", straceArgs: []string{"-v", "-s", "8"}, opts: &printers.Options{StringLimit: 8, Verbose: true}, extra: []string{"exit7"}},
}

// TestAgainstStrace runs each test program under strace and under this
// package's decoders, and wants the same lines.
func TestAgainstStrace(t *testing.T) {
	if testing.Short() {
		t.Skip("builds C programs and runs strace")
	}
	for _, p := range programs {
		t.Run(p.name, func(t *testing.T) {
			dir := t.TempDir()
			bin := buildProg(t, p.name, dir, true)
			for _, e := range p.extra {
				buildProg(t, e, dir, false)
			}
			want := normalizeIDs(normalizePIDs(fromMarker(t, straceRun(t, bin, t.TempDir(), p.straceArgs...))))
			recs := ptraceRun(t, bin, t.TempDir(), p.opts)
			var lines []string
			for _, r := range recs {
				lines = append(lines, r.line)
			}
			start := len(lines) - len(fromMarker(t, lines))
			got := normalizeIDs(normalizePIDs(lines[start:]))
			for i := 0; i < max(len(want), len(got)); i++ {
				var w, g string
				if i < len(want) {
					w = want[i]
				}
				if i < len(got) {
					g = got[i]
				}
				if w != g {
					t.Errorf("line %d:\nstrace: %s\ngot:    %s", i, w, g)
				}
			}
			t.Logf("%d lines compared", len(want))
			if *update && !t.Failed() {
				writeGolden(t, filepath.Join("testdata", p.name+".golden"), p.opts, recs[start:])
			}
		})
	}
}

// TestGolden replays recorded calls through a fake memory and wants
// strace's lines.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.golden")
	require.NoError(t, err)
	require.NotEmpty(t, files, "no testdata/*.golden")
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".golden"), func(t *testing.T) {
			o, recs := readGolden(t, f)
			for _, r := range recs {
				assert.Equal(t, r.line, string(replay(nil, &r, o)))
			}
		})
	}
}
