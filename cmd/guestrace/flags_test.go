package main

import (
	"bytes"
	"testing"

	"github.com/fatih/color"
	"github.com/spf13/cobra"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/printers"
)

func parseFlags(t *testing.T, args ...string) *traceFlags {
	t.Helper()
	var f traceFlags
	cmd := &cobra.Command{}
	addTraceFlags(cmd, &f)
	require.NoError(t, cmd.ParseFlags(args))
	return &f
}

// TestFlagsMakeWriters: each flag that changes the output reaches the
// writer (the writers' golden files show what each setting prints).
func TestFlagsMakeWriters(t *testing.T) {
	for _, tc := range []struct {
		args []string
		json bool
		none bool
		cfg  output.Config
	}{
		{nil, false, false, output.Config{Print: printers.Options{StringLimit: 32}}},
		{[]string{"-s", "100", "-t"}, false, false, output.Config{Print: printers.Options{StringLimit: 100}, Time: output.TimeSeconds}},
		{[]string{"-tt", "-T"}, false, false, output.Config{Print: printers.Options{StringLimit: 32}, Time: output.TimeMicros, Durations: true}},
		{[]string{"-ttt"}, false, false, output.Config{Print: printers.Options{StringLimit: 32}, Time: output.TimeEpoch}},
		{[]string{"-t", "-t", "-t"}, false, false, output.Config{Print: printers.Options{StringLimit: 32}, Time: output.TimeEpoch}},
		{[]string{"--format", "json", "-C"}, true, false, output.Config{Print: printers.Options{StringLimit: 32}}},
		{[]string{"-c"}, false, true, output.Config{}},
		{[]string{"--silent"}, false, true, output.Config{}},
	} {
		f := parseFlags(t, tc.args...)
		require.NoError(t, f.validate2(), "%q", tc.args)
		w := f.writer(&bytes.Buffer{}, 0)
		switch {
		case tc.none:
			assert.Nil(t, w, "%q", tc.args)
			continue
		case tc.json:
			assert.IsType(t, &output.JSON{}, w, "%q", tc.args)
		default:
			assert.IsType(t, &output.Text{}, w, "%q", tc.args)
		}
		assert.Equal(t, tc.cfg, f.writerConfig(0), "%q", tc.args)
	}
}

// validate2 is validate without the guest flags.
func (f *traceFlags) validate2() error {
	f.qemu, f.profile = "unix:/x", "p.json"
	return f.validate()
}

// TestColors: colors only on a terminal (under go test standard output
// is a pipe), and the sequences fatih/color puts around text.
func TestColors(t *testing.T) {
	assert.Equal(t, output.Colors{}, terminalColors())
	assert.Equal(t, [2]string{"\x1b[31m", "\x1b[0m"}, sequences(color.New(color.FgRed)))
	assert.Equal(t, [2]string{"\x1b[1m", "\x1b[22m"}, sequences(color.New(color.Bold)))
}
