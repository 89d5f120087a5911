package isf

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const debianBanner = "Linux version 6.1.0-56-cloud-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.158-1 (2025-10-29)"

// TestLoadDwarf2json reads a profile laid out as dwarf2json writes them
// (indented, its own key order, 64-bit enum constants of both signs).
func TestLoadDwarf2json(t *testing.T) {
	p, err := Load("testdata/dwarf2json.json")
	require.NoError(t, err)
	require.Equal(t, "linux", p.OS())
	require.Equal(t, debianBanner, p.Banner())
	require.Equal(t, "6.1.0-56-cloud-amd64", p.Release())
	require.Equal(t, &Producer{Name: "dwarf2json", Version: "0.8.0"}, p.Metadata.Producer)

	addr, ok := p.SymbolAddress("current_task")
	require.True(t, ok)
	require.Equal(t, uint64(0x1fb80), addr)
	addr, ok = p.SymbolAddress("init_task")
	require.True(t, ok)
	require.Equal(t, uint64(0xffffffff82b0d9c0), addr)
	_, ok = p.SymbolAddress("nope")
	require.False(t, ok)
	require.Equal(t, []string{"__x64_sys_close", "__x64_sys_openat"}, p.SymbolsWithPrefix("__x64_sys_"))
	require.Empty(t, p.SymbolsWithPrefix("__ia32_"))

	for field, want := range map[string]uint64{
		"tasks": 0x890, "mm": 0x8e0, "pid": 0x970, "tgid": 0x974, "comm": 0xba0,
		"in_execve": 2356, "rcu_users": 32, "rcu": 32, "unnamed_field_20": 32,
	} {
		got, err := p.FieldOffset("task_struct", field)
		require.NoError(t, err, field)
		require.Equal(t, want, got, field)
		require.True(t, p.HasField("task_struct", field))
	}
	size, err := p.TypeSize("task_struct")
	require.NoError(t, err)
	require.Equal(t, uint64(9792), size)
	size, err = p.TypeSize("pointer")
	require.NoError(t, err)
	require.Equal(t, uint64(8), size)
	size, err = p.TypeSize("pid_type")
	require.NoError(t, err)
	require.Equal(t, uint64(4), size)
	require.Equal(t, json.Number("18446744073709551615"), p.Enums["wide"].Constants["WIDE_ALL"])
	require.Equal(t, json.Number("-2"), p.Enums["wide"].Constants["WIDE_NEG"])
}

func TestLookupErrors(t *testing.T) {
	p, err := Load("testdata/dwarf2json.json")
	require.NoError(t, err)
	_, err = p.FieldOffset("task_struct", "nope")
	require.EqualError(t, err, "field task_struct.nope: not found")
	require.ErrorIs(t, err, ErrNotFound)
	require.False(t, p.HasField("task_struct", "nope"))
	_, err = p.FieldOffset("nope_struct", "pid")
	require.EqualError(t, err, "type nope_struct: not found")
	require.ErrorIs(t, err, ErrNotFound)
	_, err = p.TypeSize("nope_struct")
	require.EqualError(t, err, "type nope_struct: not found")
	require.ErrorIs(t, err, ErrNotFound)
}

// TestAnonymousCycle: anonymous members that contain each other (only a
// hostile file has them) end the search instead of recursing forever.
func TestAnonymousCycle(t *testing.T) {
	anon := func(name string) map[string]Field {
		return map[string]Field{"unnamed_field_0": {Type: Type{Kind: KindStruct, Name: name}, Anonymous: true}}
	}
	p := &Profile{UserTypes: map[string]UserType{
		"a": {Kind: KindStruct, Fields: anon("b")},
		"b": {Kind: KindStruct, Fields: anon("a")},
	}}
	_, err := p.FieldOffset("a", "x")
	require.ErrorIs(t, err, ErrNotFound)
}

// TestWriteRoundTrip: writing is deterministic and Parse reads back the
// same profile.
func TestWriteRoundTrip(t *testing.T) {
	p, err := Load("testdata/dwarf2json.json")
	require.NoError(t, err)
	var a, b bytes.Buffer
	require.NoError(t, p.Write(&a))
	back, err := Parse(a.Bytes())
	require.NoError(t, err)
	require.Equal(t, p, back)
	require.NoError(t, back.Write(&b))
	require.Equal(t, a.String(), b.String())

	// encoding/json reads what Write wrote, with the same meaning.
	var generic, orig map[string]any
	require.NoError(t, json.Unmarshal(a.Bytes(), &generic))
	raw, err := os.ReadFile("testdata/dwarf2json.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &orig))
	require.Equal(t, orig, generic)
}

// TestWriteKeepsZeros: an array of 0 and a bit-field at bit 0 keep their
// count and bit_position, which the schema requires.
func TestWriteKeepsZeros(t *testing.T) {
	ty := Type{Kind: KindArray, Subtype: &Type{Kind: KindBitfield, BitLength: 1, Type: &Type{Kind: KindBase, Name: "int"}}}
	out, err := json.Marshal(ty)
	require.NoError(t, err)
	require.Equal(t, `{"kind":"array","count":0,"subtype":{"kind":"bitfield","bit_position":0,"bit_length":1,"type":{"kind":"base","name":"int"}}}`, string(out))
}

func TestWriteEscapes(t *testing.T) {
	require.Equal(t, `"a\"b\\c\n\u0001\u007f\ufffd\u2028é"`, string(appendString(nil, "a\"b\\c\n\x01\x7f\xff\u2028é")))
}

func TestParseErrors(t *testing.T) {
	valid, err := os.ReadFile("testdata/dwarf2json.json")
	require.NoError(t, err)
	for _, tc := range []struct {
		name, in, want string
	}{
		{"empty", "", "invalid ISF profile: empty file"},
		{"blank", " \n", "invalid ISF profile: empty file"},
		{"not json", "{\n\"metadata\": x}", "invalid ISF profile: line 2 column 14: invalid character 'x' looking for beginning of value"},
		{"truncated", string(valid[:1000]), "invalid ISF profile: line 51 column 4: unexpected end of JSON input"},
		{"wrong type", `{"metadata": {"format": "6.2.0"}, "base_types": {}, "user_types": {}, "enums": {}, "symbols": {"x": {"address": "ff"}}}`,
			`invalid ISF profile: symbols.address: string where uint64 was expected`},
		{"negative address", `{"metadata": {"format": "6.2.0"}, "base_types": {}, "user_types": {}, "enums": {}, "symbols": {"x": {"address": -1}}}`,
			`invalid ISF profile: symbols.address: number -1 where uint64 was expected`},
		{"no symbols", `{"metadata": {"format": "6.2.0"}, "base_types": {}, "user_types": {}, "enums": {}}`, `invalid ISF profile: no "symbols" section`},
		{"no format", `{"metadata": {}, "base_types": {}, "user_types": {}, "enums": {}, "symbols": {}}`,
			`invalid ISF profile: metadata.format "" is not a version like "6.2.0"`},
		{"future format", `{"metadata": {"format": "7.0.0"}, "base_types": {}, "user_types": {}, "enums": {}, "symbols": {}}`,
			`invalid ISF profile: metadata.format 7.0.0 is newer than this reader (6.x)`},
		{"two systems", `{"metadata": {"format": "6.2.0", "linux": {}, "windows": {}}, "base_types": {}, "user_types": {}, "enums": {}, "symbols": {}}`,
			`invalid ISF profile: metadata names more than one operating system`},
		{"base kind", `{"metadata": {"format": "6.2.0"}, "base_types": {"x": {"size": 1, "kind": "byte", "signed": false, "endian": "little"}}, "user_types": {}, "enums": {}, "symbols": {}}`,
			`invalid ISF profile: base_types["x"]: kind "byte"`},
		{"endian", `{"metadata": {"format": "6.2.0"}, "base_types": {"x": {"size": 1, "kind": "int", "signed": false, "endian": "middle"}}, "user_types": {}, "enums": {}, "symbols": {}}`,
			`invalid ISF profile: base_types["x"]: endian "middle"`},
		{"user kind", `{"metadata": {"format": "6.2.0"}, "base_types": {}, "user_types": {"s": {"kind": "enum", "size": 4, "fields": {}}}, "enums": {}, "symbols": {}}`,
			`invalid ISF profile: user_types["s"]: kind "enum"`},
		{"no fields", `{"metadata": {"format": "6.2.0"}, "base_types": {}, "user_types": {"s": {"kind": "struct", "size": 4}}, "enums": {}, "symbols": {}}`,
			`invalid ISF profile: user_types["s"]: no fields`},
		{"field kind", `{"metadata": {"format": "6.2.0"}, "base_types": {}, "user_types": {"s": {"kind": "struct", "size": 4, "fields": {"f": {"type": {"kind": "blob"}, "offset": 0}}}}, "enums": {}, "symbols": {}}`,
			`invalid ISF profile: user_types["s"].fields["f"]: type kind "blob"`},
		{"pointer", `{"metadata": {"format": "6.2.0"}, "base_types": {}, "user_types": {"s": {"kind": "struct", "size": 4, "fields": {"f": {"type": {"kind": "pointer"}, "offset": 0}}}}, "enums": {}, "symbols": {}}`,
			`invalid ISF profile: user_types["s"].fields["f"]: pointer type without a subtype`},
		{"bitfield", `{"metadata": {"format": "6.2.0"}, "base_types": {}, "user_types": {"s": {"kind": "struct", "size": 4, "fields": {"f": {"type": {"kind": "bitfield", "bit_position": 63, "bit_length": 0, "type": {"kind": "base", "name": "int"}}, "offset": 0}}}}, "enums": {}, "symbols": {}}`,
			`invalid ISF profile: user_types["s"].fields["f"]: bitfield position 63 length 0`},
		{"enum value", `{"metadata": {"format": "6.2.0"}, "base_types": {}, "user_types": {}, "enums": {"e": {"size": 4, "base": "int", "constants": {"A": 1.5}}}, "symbols": {}}`,
			`invalid ISF profile: enums["e"].constants["A"]: "1.5" is not an integer`},
		{"symbol type", `{"metadata": {"format": "6.2.0"}, "base_types": {}, "user_types": {}, "enums": {}, "symbols": {"x": {"address": 1, "type": {"kind": "struct"}}}}`,
			`invalid ISF profile: symbols["x"]: struct type without a name`},
		{"deep", `{"metadata": {"format": "6.2.0"}, "base_types": {}, "user_types": {}, "enums": {}, "symbols": {"x": {"address": 1, "type": ` +
			strings.Repeat(`{"kind": "pointer", "subtype": `, 100) + `{"kind": "function"}` + strings.Repeat("}", 100) + `}}}`,
			`invalid ISF profile: symbols["x"]: type nested deeper than 64`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.in))
			require.EqualError(t, err, tc.want)
			require.ErrorIs(t, err, ErrInvalid)
		})
	}
}

func TestLoadNamesFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(path, []byte("{"), 0o644))
	_, err := Load(path)
	require.EqualError(t, err, "profile "+path+": invalid ISF profile: line 1 column 2: unexpected end of JSON input")
	_, err = Load(filepath.Join(t.TempDir(), "missing.json"))
	require.ErrorContains(t, err, "missing.json: no such file or directory")
}

// FuzzParse: an untrusted profile must parse or fail, never panic; what
// parses must write, and read back to the same bytes.
func FuzzParse(f *testing.F) {
	valid, err := os.ReadFile("testdata/dwarf2json.json")
	require.NoError(f, err)
	f.Add(valid)
	f.Add([]byte(`{"metadata": {"format": "6.0.0", "windows": {"pe": {"major": 10}}}, "base_types": {}, "user_types": {}, "enums": {}, "symbols": {}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data)
		if err != nil {
			return
		}
		p.Banner()
		p.OS()
		for name, ut := range p.UserTypes {
			for field := range ut.Fields {
				_, err := p.FieldOffset(name, field)
				require.NoError(t, err)
			}
		}
		var a, b bytes.Buffer
		require.NoError(t, p.Write(&a))
		back, err := Parse(a.Bytes())
		require.NoError(t, err, a.String())
		require.NoError(t, back.Write(&b))
		require.Equal(t, a.String(), b.String())
	})
}
