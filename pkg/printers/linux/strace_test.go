//go:build linux && amd64

package linux

import (
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from live runs")

// programs are the C programs of testdata/ run against strace.
var programs = []string{"files", "more"}

// TestAgainstStrace runs each test program under strace and under this
// package's decoders, and wants the same lines.
func TestAgainstStrace(t *testing.T) {
	if testing.Short() {
		t.Skip("builds C programs and runs strace")
	}
	for _, name := range programs {
		t.Run(name, func(t *testing.T) {
			bin := buildProg(t, name)
			want := normalizePIDs(fromMarker(t, straceRun(t, bin, t.TempDir())))
			recs := ptraceRun(t, bin, t.TempDir())
			var lines []string
			for _, r := range recs {
				lines = append(lines, r.line)
			}
			start := len(lines) - len(fromMarker(t, lines))
			got := normalizePIDs(lines[start:])
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
				writeGolden(t, filepath.Join("testdata", name+".golden"), recs[start:])
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
			for _, r := range readGolden(t, f) {
				assert.Equal(t, r.line, string(replay(nil, &r)))
			}
		})
	}
}
