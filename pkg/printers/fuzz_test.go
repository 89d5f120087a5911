package printers

import (
	"bytes"
	"testing"
)

// FuzzAppendQuoted checks that any bytes quote to printable ASCII, within
// four bytes per input byte plus the quotes and ellipsis, and that the
// escapes read back to the input.
func FuzzAppendQuoted(f *testing.F) {
	f.Add([]byte("hello\n\x00\x01\x0012\xff"), 32, false)
	f.Add([]byte{}, 0, true)
	f.Fuzz(func(t *testing.T, s []byte, limit int, truncated bool) {
		limit %= 1 << 12
		out := AppendQuoted(nil, s, limit, truncated)
		if max := 4*min(len(s), max(limit, 0)) + 5; len(out) > max {
			t.Fatalf("%d bytes of output for %d bytes", len(out), len(s))
		}
		for _, c := range out {
			if c < ' ' || c >= 0x7f {
				t.Fatalf("raw byte %#x in %q", c, out)
			}
		}
		end := bytes.LastIndexByte(out, '"')
		if got := unquote(t, out[1:end]); !bytes.Equal(got, s[:min(len(s), max(limit, 0))]) {
			t.Fatalf("%q reads back as %q", s, got)
		}
	})
}

// unquote undoes strace's escapes.
func unquote(t *testing.T, q []byte) []byte {
	var out []byte
	for i := 0; i < len(q); i++ {
		if q[i] != '\\' {
			out = append(out, q[i])
			continue
		}
		i++
		switch q[i] {
		case 'n':
			out = append(out, '\n')
		case 't':
			out = append(out, '\t')
		case 'r':
			out = append(out, '\r')
		case 'v':
			out = append(out, '\v')
		case 'f':
			out = append(out, '\f')
		case '"', '\\':
			out = append(out, q[i])
		default:
			v := 0
			for n := 0; n < 3 && i < len(q) && q[i] >= '0' && q[i] <= '7'; n++ {
				v = v*8 + int(q[i]-'0')
				i++
			}
			i--
			out = append(out, byte(v))
		}
	}
	return out
}

// FuzzAppendFlags checks that the flags printed name every bit of the value.
func FuzzAppendFlags(f *testing.F) {
	f.Add(uint64(0x1b))
	f.Fuzz(func(t *testing.T, v uint64) {
		out := Flags(nil, testFlags, v, "F_???")
		for _, c := range out {
			if c < ' ' || c >= 0x7f {
				t.Fatalf("raw byte %#x in %q", c, out)
			}
		}
		if len(out) == 0 {
			t.Fatalf("nothing printed for %#x", v)
		}
	})
}
