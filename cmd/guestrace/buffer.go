package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/guestrace/guestrace/pkg/linebuf"
)

// maxBuffer bounds --buffer: the buffer and the block being written are
// each at most this large.
const maxBuffer = 16 << 30

// parseSize reads a --buffer size: bytes, or a number with K, M or G
// (binary multiples, as in 64M).
func parseSize(s string) (int, error) {
	mult := int64(1)
	num := strings.TrimSuffix(strings.ToUpper(s), "B")
	if n := len(num); n > 0 {
		switch num[n-1] {
		case 'K':
			mult = 1 << 10
		case 'M':
			mult = 1 << 20
		case 'G':
			mult = 1 << 30
		}
		if mult > 1 {
			num = num[:n-1]
		}
	}
	v, err := strconv.ParseInt(num, 10, 64)
	if err != nil || v <= 0 {
		return 0, fmt.Errorf("not a size (bytes, or a number with K, M or G, as in 64M)")
	}
	if v > maxBuffer/mult {
		return 0, fmt.Errorf("larger than %dG", maxBuffer>>30)
	}
	return int(v * mult), nil
}

// bufferOut puts a --buffer in front of out when asked; close writes out
// what it holds and returns how many lines it dropped and the output's
// first error.
func (f *traceFlags) bufferOut(out io.Writer) (w io.Writer, close func() (uint64, error)) {
	if f.bufSize == 0 || f.silent || f.summary {
		return out, func() (uint64, error) { return 0, nil }
	}
	mark := linebuf.TextMarker
	if f.format == "json" {
		mark = linebuf.JSONMarker
	}
	b := linebuf.New(out, f.bufSize, mark)
	if out == os.Stdout {
		f.stdoutBuffer = b // colors are for a terminal behind it too
	}
	return b, b.Close
}
