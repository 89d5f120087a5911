package linuxgen

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseKallsyms(t *testing.T) {
	k, err := ParseKallsyms(readTestdata(t, "mini.kallsyms"))
	require.NoError(t, err)
	require.Len(t, k.Syms, 14, "the module symbol is left out")
	s, ok := k.Lookup("current_task")
	require.True(t, ok)
	require.Equal(t, Sym{Addr: 0x1fb80, Type: 'A', Name: "current_task"}, s)
	s, ok = k.Lookup("helper")
	require.True(t, ok)
	require.Equal(t, uint64(0xffffffff81003000), s.Addr, "the first of a duplicated name")
	require.False(t, k.Unique("helper"))
	require.True(t, k.Unique("do_exit"))
	_, ok = k.Lookup("mod_init")
	require.False(t, ok)
	require.False(t, k.AllZero())
}

func TestParseKallsymsErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "empty file"},
		{"ffffffff81000000 T\n", `line 1: malformed: "ffffffff81000000 T" is not "address type name"`},
		{"ffffffff81000000 T a b c\n", `line 1: malformed: "ffffffff81000000 T a b c" is not "address type name"`},
		{"\nffffffff81000000 TT a\n", `line 2: malformed: symbol type "TT" is not a letter`},
		{"ffffffff81000000 1 a\n", `line 1: malformed: symbol type "1" is not a letter`},
		{"1ffffffff81000000 T a\n", `line 1: malformed: address "1ffffffff81000000" longer than 64 bits`},
		{"-1 T a\n", `line 1: malformed: address "-1" is not hexadecimal`},
		{"ffffffff81000000 T a module\n", `line 1: malformed: "module" is not a [module] column`},
	} {
		_, err := ParseKallsyms([]byte(tc.in))
		require.EqualError(t, err, tc.want, "%q", tc.in)
	}
}

// FuzzParseKallsyms feeds arbitrary text to the parser: it must return a
// result or an error, never panic, and what it returns must be coherent.
func FuzzParseKallsyms(f *testing.F) {
	f.Add(readTestdata(f, "mini.kallsyms"))
	f.Add([]byte("0000000000000000 A x\r\n"))
	f.Add([]byte("ffffffff81000000 t f\t[m]\nzz"))
	f.Fuzz(func(t *testing.T, data []byte) {
		k, err := ParseKallsyms(data)
		if err != nil {
			require.Nil(t, k)
			return
		}
		require.NotEmpty(t, k.Syms)
		for _, s := range k.Syms {
			first, ok := k.Lookup(s.Name)
			require.True(t, ok)
			require.LessOrEqual(t, len(s.Name), maxSymbolName)
			if k.Unique(s.Name) {
				require.Equal(t, s, first)
			}
		}
	})
}

// FuzzGenerate runs the whole generator on a mutated BTF file with the
// mini kernel's symbols: corrupt BTF must be an error, never a panic or
// a hang, and any profile produced must be valid ISF.
func FuzzGenerate(f *testing.F) {
	f.Add(readTestdata(f, "mini.btf"))
	ks := readTestdata(f, "mini.kallsyms")
	f.Fuzz(func(t *testing.T, raw []byte) {
		p, err := Generate(Input{Kallsyms: ks, KallsymsName: "k", BTF: raw, BTFName: "b"})
		if err != nil {
			return
		}
		require.NoError(t, p.Validate())
	})
}
