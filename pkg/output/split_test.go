package output

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/printers/linux"
)

func split(s string) ([]string, int) {
	b := []byte(s)
	spans, end := SplitArgs(b, strings.IndexByte(s, '(')+1, nil)
	var out []string
	for _, sp := range spans {
		out = append(out, s[sp.Start:sp.End])
	}
	return out, end
}

func TestSplitArgs(t *testing.T) {
	for _, tc := range []struct {
		line string
		args []string
		end  int
	}{
		{`close(3) = 0`, []string{"3"}, 8},
		{`close(3`, []string{"3"}, -1},
		{`read(3, `, []string{"3"}, -1},
		{`getpid()                                = 7`, nil, 8},
		{`pipe(`, nil, -1},
		{`openat(AT_FDCWD, "a,b\"),", O_RDONLY) = 3`, []string{"AT_FDCWD", `"a,b\"),"`, "O_RDONLY"}, 37},
		{`execve("/bin/sh", ["sh", "-c"], 0x7ffc /* 3 vars, 1 odd */) = 0`, []string{`"/bin/sh"`, `["sh", "-c"]`, "0x7ffc /* 3 vars, 1 odd */"}, 59},
		{`fstat(3, {st_mode=S_IFREG|0640, st_size=281, ...}) = 0`, []string{"3", "{st_mode=S_IFREG|0640, st_size=281, ...}"}, 50},
		{`mknodat(AT_FDCWD, "n", S_IFCHR|0600, makedev(0x1, 0x3)) = 0`, []string{"AT_FDCWD", `"n"`, "S_IFCHR|0600", "makedev(0x1, 0x3)"}, 55},
		{`accept(3, {sa_family=AF_INET}, [110 => 16]) = 4`, []string{"3", "{sa_family=AF_INET}", "[110 => 16]"}, 43},
		// Unbalanced or cut text still ends, in bounds.
		{`x("unterminated, ) = 0`, []string{`"unterminated, ) = 0`}, -1},
		{`x(a]], b) = 0`, []string{"a]]", "b"}, 9},
		{`x(/* open, `, []string{"/* open, "}, -1},
		{`x("\`, []string{`"\`}, -1},
	} {
		args, end := split(tc.line)
		assert.Equal(t, tc.args, args, tc.line)
		assert.Equal(t, tc.end, end, tc.line)
	}
}

// TestSplitPrinterLines splits every line of the Linux printers' golden
// files (each checked against strace's own): the arguments are found
// whole, as many as the call has, and joined with ", " they give the
// line back.
func TestSplitPrinterLines(t *testing.T) {
	files, err := filepath.Glob("../printers/linux/testdata/*.golden")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			line, ok := strings.CutPrefix(sc.Text(), "line ")
			if !ok {
				continue
			}
			n++
			open := strings.IndexByte(line, '(')
			row, known := linux.Lookup(line[:open])
			args, end := split(line)
			if !assert.Greater(t, end, open, line) {
				continue
			}
			assert.Equal(t, line[open+1:end-1], strings.Join(args, ", "), line)
			assert.Regexp(t, `^ *= `, line[end:], line)
			if known {
				// strace leaves out arguments a call does not use
				// (open's mode, futex's, prctl's).
				assert.LessOrEqual(t, len(args), row.NArgs, line)
			}
		}
	}
	t.Logf("%d lines", n)
}

func FuzzSplitArgs(f *testing.F) {
	f.Add([]byte(`execve("/bin/sh", ["sh", "-c"], 0x7ffc /* 3 vars */) = 0`), 7)
	f.Add([]byte(`x("\`), 2)
	f.Add([]byte(`x(/*`), 2)
	f.Fuzz(func(t *testing.T, line []byte, start int) {
		if start < 0 || start > len(line) {
			return
		}
		spans, end := SplitArgs(line, start, nil)
		prev := start
		for _, s := range spans {
			if s.Start < prev || s.End < s.Start || s.End > len(line) {
				t.Fatalf("span %v out of order or bounds in %q (after %d)", s, line, prev)
			}
			prev = s.End
		}
		if end > len(line) || (end >= 0 && end < prev) {
			t.Fatalf("end %d for %q", end, line)
		}
	})
}
