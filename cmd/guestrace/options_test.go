package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/printers"
)

// TestPrintFlags: strace's spellings of the printing options reach the
// printers' options.
func TestPrintFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want printers.Options
	}{
		{[]string{"-x"}, printers.Options{StringLimit: 32, Hex: printers.HexNonASCII}},
		{[]string{"-xx"}, printers.Options{StringLimit: 32, Hex: printers.HexAll}},
		{[]string{"-x", "-x", "-x"}, printers.Options{StringLimit: 32, Hex: printers.HexAll}},
		{normalizeArgs([]string{"--strings-in-hex"}), printers.Options{StringLimit: 32, Hex: printers.HexAll}},
		{[]string{"--strings-in-hex=non-ascii"}, printers.Options{StringLimit: 32, Hex: printers.HexNonASCII}},
		{[]string{"-y"}, printers.Options{StringLimit: 32, FDPaths: 1}},
		{[]string{"-yy", "-s", "64"}, printers.Options{StringLimit: 64, FDPaths: 2}},
		{[]string{"--decode-fds"}, printers.Options{StringLimit: 32, FDPaths: 1}},
		{[]string{"--decode-fds=all"}, printers.Options{StringLimit: 32, FDPaths: 2}},
		{[]string{"-X", "raw", "-v"}, printers.Options{StringLimit: 32, Xlat: printers.XlatRaw, Verbose: true}},
		{[]string{"--const-print-style=verbose", "--no-abbrev"}, printers.Options{StringLimit: 32, Xlat: printers.XlatVerbose, Verbose: true}},
	} {
		f := parseFlags(t, tc.args...)
		require.NoError(t, f.validate2(), "%q", tc.args)
		assert.Equal(t, tc.want, f.writerConfig(0).Print, "%q", tc.args)
	}
	f := parseFlags(t, "-r", "-f", "-P", "/tmp/a", "--trace-path", "/b")
	require.NoError(t, f.validate2())
	assert.True(t, f.writerConfig(0).Relative)
	assert.True(t, f.follow)
	assert.Equal(t, []string{"/tmp/a", "/b"}, f.paths)
	assert.Equal(t, []string{"--", "--strings-in-hex"}, normalizeArgs([]string{"--", "--strings-in-hex"}))
}

// TestPrintFlagErrors: each bad value is refused naming the flag.
func TestPrintFlagErrors(t *testing.T) {
	for msg, args := range map[string][]string{
		"-X full: unknown style (raw, abbrev or verbose)":                       {"-X", "full"},
		"-r=ms: this guestrace prints relative times in microseconds only (us)": {"-r=ms"},
		"-P: empty path": {"-P", ""},
	} {
		f := parseFlags(t, args...)
		assert.EqualError(t, f.validate2(), msg)
	}
	cmd := newRootCmd()
	cmd.SetArgs([]string{"--strings-in-hex=some"})
	assert.ErrorContains(t, cmd.Execute(), "--strings-in-hex=some: unknown value (none, non-ascii, all)")
}

// TestDumpSets: -e read=SET and -e write=SET, and their long forms.
func TestDumpSets(t *testing.T) {
	f := parseFlags(t, "-e", "read=3,5", "--write=all", "-e", "trace=read")
	filt, err := parseExprs(f.printFlags.exprs(f.exprs), osNamed(t, "linux"))
	require.NoError(t, err)
	require.NotNil(t, filt.dumps)
	assert.True(t, filt.dumps.Read.Has(5))
	assert.False(t, filt.dumps.Read.Has(4))
	assert.True(t, filt.dumps.Write.Has(4))
	assert.False(t, filt.dumps.Write.Has(-1))

	filt, err = parseExprs([]string{"write=!1,2"}, osNamed(t, "linux"))
	require.NoError(t, err)
	assert.True(t, filt.dumps.Write.Has(3))
	assert.False(t, filt.dumps.Write.Has(2))
	assert.False(t, filt.dumps.Read.Has(3))

	_, err = parseExprs([]string{"read=x"}, osNamed(t, "linux"))
	assert.EqualError(t, err, `-e read=x: "x" is not a file descriptor`)
}
