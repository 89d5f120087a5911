package printers

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The expected strings are what strace 6.1 printed for the same bytes
// (strace -x, -xx, -y, -X, -e write=).

func TestQuotedHex(t *testing.T) {
	for _, tc := range []struct {
		in   string
		hex  HexStrings
		want string
	}{
		// -x: printable ASCII and white space stay as they are...
		{"hello, world\n", HexNonASCII, `"hello, world\n"`},
		{"a\tb\v\f\r", HexNonASCII, `"a\tb\v\f\r"`},
		// ...any other byte turns the whole string to hex.
		{"/tmp/optx/f\xe9x", HexNonASCII, `"\x2f\x74\x6d\x70\x2f\x6f\x70\x74\x78\x2f\x66\xe9\x78"`},
		{"hi\n\tab\x01z", HexNonASCII, `"\x68\x69\x0a\x09\x61\x62\x01\x7a"`},
		{"\x00", HexNonASCII, `"\x00"`},
		// -xx: every string.
		{"x", HexAll, `"\x78"`},
		{"", HexAll, `""`},
		{"hi\x01", HexNone, `"hi\1"`},
	} {
		assert.Equal(t, tc.want, string(AppendQuotedHex(nil, []byte(tc.in), 32, false, tc.hex)), "%q %d", tc.in, tc.hex)
	}
	assert.Equal(t, `"\x61\x62"...`, string(AppendQuotedHex(nil, []byte("abc"), 2, false, HexAll)))
}

func TestHexDump(t *testing.T) {
	want, err := os.ReadFile("testdata/hexdump.golden")
	require.NoError(t, err)
	data := make([]byte, 100)
	for i := range data {
		data[i] = byte(i * 7)
	}
	assert.Equal(t, string(want), string(AppendHexDump(nil, data, 0)))
	assert.Equal(t, " | 00000  62 61 64                                          bad              |\n", string(AppendHexDump(nil, []byte("bad"), 0)))
	assert.Empty(t, AppendHexDump(nil, nil, 0))
	assert.Equal(t, " | 100000  78", string(AppendHexDump(nil, []byte("x"), 1<<20)[:13]))
}

// fdMem answers FDPath from a map.
type fdMem map[int32]FDDesc

func (fdMem) ReadVirt(uint64, []byte) (int, error) { return 0, ErrShortRead }
func (m fdMem) FDPath(fd int32) (FDDesc, bool)     { d, ok := m[fd]; return d, ok }

func TestAppendFD(t *testing.T) {
	m := fdMem{
		3: {Path: []byte("/tmp/optx/f\xe9x")},
		4: {Path: []byte("/dev/null"), Char: true, Major: 1, Minor: 3},
		5: {Path: []byte("pipe:[35011]")},
		8: {Path: []byte("/memfd:gt-memfd"), Deleted: true},
		9: {Path: []byte("/a<b>")},
	}
	y, yy := &Options{FDPaths: 1}, &Options{FDPaths: 2}
	for _, tc := range []struct {
		fd   int32
		o    *Options
		want string
	}{
		{3, nil, "3"},
		{3, y, `3</tmp/optx/f\351x>`},
		{3, &Options{FDPaths: 1, Hex: HexNonASCII}, `3<\x2f\x74\x6d\x70\x2f\x6f\x70\x74\x78\x2f\x66\xe9\x78>`},
		{4, y, "4</dev/null>"},
		{4, yy, "4</dev/null<char 1:3>>"},
		{5, yy, "5<pipe:[35011]>"},
		{8, y, "8</memfd:gt-memfd>(deleted)"},
		{9, y, `9</a\74b\76>`},
		{7, y, "7"},
		{-1, y, "-1"},
	} {
		assert.Equal(t, tc.want, string(AppendFD(nil, tc.fd, m, tc.o)), "%d", tc.fd)
	}
}

func TestXlatStyles(t *testing.T) {
	open := &Xlat{Entries: []XlatEntry{{Val: 1, Name: "O_WRONLY"}, {Val: 0o100, Name: "O_CREAT"}, {Val: 0o1000, Name: "O_TRUNC"}, {Val: 0, Name: "O_RDONLY"}}}
	af := &Xlat{Entries: []XlatEntry{{Val: 2, Name: "AF_INET"}}}
	for _, tc := range []struct {
		style XlatStyle
		got   []byte
		want  string
	}{
		{XlatRaw, AppendFlagsStyle(nil, open, 0x241, "O_???", XlatRaw), "0x241"},
		{XlatVerbose, AppendFlagsStyle(nil, open, 0x241, "O_???", XlatVerbose), "0x241 /* O_WRONLY|O_CREAT|O_TRUNC */"},
		{XlatVerbose, AppendFlagsStyle(nil, open, 0, "O_???", XlatVerbose), "0 /* O_RDONLY */"},
		{XlatRaw, AppendFlagsStyle(nil, open, 0, "O_???", XlatRaw), "0"},
		{XlatAbbrev, AppendFlagsStyle(nil, open, 0x241, "O_???", XlatAbbrev), "O_WRONLY|O_CREAT|O_TRUNC"},
		{XlatRaw, AppendXvalStyle(nil, af, 2, "AF_???", Hex, XlatRaw), "0x2"},
		{XlatVerbose, AppendXvalStyle(nil, af, 2, "AF_???", Hex, XlatVerbose), "0x2 /* AF_INET */"},
		{XlatVerbose, AppendXvalStyle(nil, af, 99, "AF_???", Hex, XlatVerbose), "0x63 /* AF_??? */"}, // (as strace -X verbose prints socket(99, ...))
		{XlatRaw, AppendXvalStyle(nil, &Xlat{Entries: []XlatEntry{{Val: 1<<64 - 100, Name: "AT_FDCWD"}}}, 1<<64-100, "", Decimal, XlatRaw), "-100"},
	} {
		assert.Equal(t, tc.want, string(tc.got), "style %d", tc.style)
	}
	s, ok := ParseXlatStyle("verbose")
	assert.True(t, ok)
	assert.Equal(t, XlatVerbose, s)
	_, ok = ParseXlatStyle("full")
	assert.False(t, ok)
}
