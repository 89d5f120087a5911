package printers

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAppendQuoted(t *testing.T) {
	for _, tc := range []struct {
		in        string
		limit     int
		truncated bool
		want      string
	}{
		{"hello\n", 32, false, `"hello\n"`},
		{"\x00\x01\x012", 32, false, `"\0\1\0012"`},
		{"\x00\x0012", 32, false, `"\0\00012"`},
		{"\"\\\t\v\f\r", 32, false, `"\"\\\t\v\f\r"`},
		{"\x7f\xff\x1b", 32, false, `"\177\377\33"`},
		{"\x1b7", 32, false, `"\0337"`},
		{"\x1b8", 32, false, `"\338"`},
		{"abcdef", 3, false, `"abc"...`},
		{"abc", 3, true, `"abc"...`},
		{"\x01", 1, false, `"\1"`},
		// The look-ahead stops at the limit: strace does not see past it.
		{"\x017", 1, false, `"\1"...`},
		{"", 32, false, `""`},
	} {
		assert.Equal(t, tc.want, string(AppendQuoted(nil, []byte(tc.in), tc.limit, tc.truncated)), "%q", tc.in)
	}
}

func TestAppendHexQuoted(t *testing.T) {
	assert.Equal(t, `"\x00\xff\x41"...`, string(AppendHexQuoted(nil, []byte{0, 0xff, 'A', 1}, 3, false)))
}

var testFlags = &Xlat{Entries: []XlatEntry{
	{Val: 0, Name: "F_ZERO"},
	{Val: 3, Name: "F_BOTH"},
	{Val: 1, Name: "F_ONE"},
	{Val: 2, Name: "F_TWO"},
	{Val: 8, Name: "F_EIGHT"},
}}

func TestAppendFlags(t *testing.T) {
	for _, tc := range []struct {
		v    uint64
		dflt string
		want string
	}{
		{0, "F_???", "F_ZERO"},
		{3, "F_???", "F_BOTH"},
		{9, "F_???", "F_ONE|F_EIGHT"},
		{0x1b, "F_???", "F_BOTH|F_EIGHT|0x10"},
		{0x10, "F_???", "0x10 /* F_??? */"},
		{0x10, "", "0x10"},
	} {
		assert.Equal(t, tc.want, string(Flags(nil, testFlags, tc.v, tc.dflt)), "%#x", tc.v)
	}
	noZero := &Xlat{Entries: testFlags.Entries[1:]}
	assert.Equal(t, "0", string(Flags(nil, noZero, 0, "F_???")))
	b, ok := AppendFlags(nil, noZero, 0, "")
	assert.False(t, ok)
	assert.Empty(t, b)
}

func TestAppendXval(t *testing.T) {
	sorted := &Xlat{Sorted: true, Entries: []XlatEntry{{1, "A"}, {5, "B"}, {9, "C"}}}
	assert.Equal(t, "B", string(AppendXval(nil, sorted, 5, "X_???")))
	assert.Equal(t, "C", string(AppendXval(nil, sorted, 9, "X_???")))
	assert.Equal(t, "0x6 /* X_??? */", string(AppendXval(nil, sorted, 6, "X_???")))
	assert.Equal(t, "-2 /* X_??? */", string(AppendXvalBase(nil, sorted, ^uint64(1), "X_???", Decimal)))
}

func TestAppendAlign(t *testing.T) {
	assert.Equal(t, "close(3) "+"                               ", string(AppendAlign([]byte("close(3) "), 40)))
	assert.Equal(t, "x\nab ", string(AppendAlign([]byte("x\nab "), 3)))
	assert.Equal(t, "abc", string(AppendAlign([]byte("abc"), -1)))
}

func TestNumbers(t *testing.T) {
	assert.Equal(t, "000", string(AppendMode(nil, 0)))
	assert.Equal(t, "005", string(AppendMode(nil, 5)))
	assert.Equal(t, "010", string(AppendMode(nil, 8)))
	assert.Equal(t, "0640", string(AppendMode(nil, 0o640)))
	assert.Equal(t, "04755", string(AppendMode(nil, 0o4755)))
	assert.Equal(t, "0", string(AppendHex(nil, 0)))
	assert.Equal(t, "NULL", string(AppendPtr(nil, 0)))
	assert.Equal(t, "0x7f", string(AppendPtr(nil, 0x7f)))
}

// pages is a memory of two readable pages at 0x1000 followed by a hole.
type pages []byte

func (p pages) ReadVirt(va uint64, buf []byte) (int, error) {
	if va < 0x1000 || va >= 0x1000+uint64(len(p)) {
		return 0, errors.New("unmapped")
	}
	n := copy(buf, p[va-0x1000:])
	if n < len(buf) {
		return n, errors.New("unmapped")
	}
	return n, nil
}

func TestReadString(t *testing.T) {
	mem := make(pages, 0x2000)
	copy(mem[0x1ffc:], "abc\x00")
	buf := make([]byte, 100)
	n, nul, err := ReadString(mem, 0x2ffc, buf)
	assert.NoError(t, err)
	assert.True(t, nul)
	assert.Equal(t, 3, n)
	copy(mem[0x1ffc:], "abcd")
	_, _, err = ReadString(mem, 0x2ffc, buf)
	assert.Error(t, err)
	n, nul, err = ReadString(mem, 0x2ffc, buf[:2])
	assert.NoError(t, err)
	assert.False(t, nul)
	assert.Equal(t, 2, n)
	assert.Error(t, ReadFull(mem, 0x2ff0, buf[:32]))
	assert.NoError(t, ReadFull(mem, 0x2fe0, buf[:32]))
}
