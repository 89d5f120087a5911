package libvmiconf

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseTestdata(t *testing.T) {
	data, err := os.ReadFile("testdata/libvmi.conf")
	require.NoError(t, err)
	entries, err := Parse(data)
	require.NoError(t, err)

	var names []string
	for _, e := range entries {
		names = append(names, e.Name)
	}
	assert.Equal(t, []string{"win7-sp1", "debian-12", "lab", "mem.raw", "lab"}, names)

	deb, ok := Lookup(entries, "debian-12")
	require.True(t, ok)
	assert.Equal(t, 8, deb.Line)
	assert.Equal(t, map[string]string{
		"ostype":   "Linux",
		"sysmap":   "/boot/System.map-6.1.0-56-cloud-amd64",
		"pagemode": "VMI_PM_IA32E",
	}, deb.Strings)
	assert.Equal(t, map[string]uint64{
		"linux_tasks": 0x890, "linux_mm": 0x8e0, "linux_pid": 0x970,
		"linux_name": 0xba0, "linux_pgd": 0x48, "kpgd": 0x1c0c000,
	}, deb.Numbers)

	// The later "lab" replaces the earlier, as in libvmi.
	lab, ok := Lookup(entries, "lab")
	require.True(t, ok)
	assert.Equal(t, map[string]string{"ostype": "Linux", "volatility_ist": "/var/lib/guestrace/lab.json"}, lab.Strings)

	raw, ok := Lookup(entries, "mem.raw")
	require.True(t, ok)
	assert.Equal(t, "profile.json", raw.Strings["volatility_ist"])

	_, ok = Lookup(entries, "nope")
	assert.False(t, ok)
}

func TestParseValues(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want uint64
	}{
		{"0x10", 16},
		{"0XfF", 255}, // the scanner's NUM wants a lower-case x: "0XfF" is a WORD, see TestParseErrors
		{"10", 10},
		{"010", 8}, // C's base 0: leading zero is octal
		{"09", 0},  // strtoull stops at the 9
		{"0x", 0},  // not reached through the scanner, but strtoull's answer
		{"18446744073709551615", 1<<64 - 1},
		{"18446744073709551616", 1<<64 - 1}, // saturates like strtoull
		{"0x1ffffffffffffffff", 1<<64 - 1},
	} {
		assert.Equal(t, tc.want, strtoull(tc.in), tc.in)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"slash in name", "my/vm { ostype = \"Linux\"; }", `libvmi.conf syntax error: line 1: expected a domain name, found file name "my/vm"`},
		{"single-letter name", "a { }", `libvmi.conf syntax error: line 1: expected a domain name, found file name "a"`},
		{"keyword as name", "sysmap { }", `libvmi.conf syntax error: line 1: expected a domain name, found keyword "sysmap"`},
		{"missing semicolon", "vm {\n ostype = \"Linux\"\n}", `libvmi.conf syntax error: line 3: expected ';', found '}'`},
		{"unknown key", "vm {\n\n foo = 1;\n}", `libvmi.conf syntax error: line 3: expected a setting or '}', found word "foo"`},
		{"number quoted", "vm { kpgd = \"0x10\"; }", `libvmi.conf syntax error: line 1: expected a number for kpgd, found '"'`},
		{"string unquoted", "vm { ostype = Linux; }", `libvmi.conf syntax error: line 1: expected '"' for ostype, found word "Linux"`},
		{"upper-case hex", "vm { kpgd = 0XFF; }", `libvmi.conf syntax error: line 1: expected a number for kpgd, found word "0XFF"`},
		{"unterminated", "vm { ostype = \"Linux\";", `libvmi.conf syntax error: line 1: expected a setting or '}', found end of file`},
		{"path with space", "vm { sysmap = \"/a b\"; }", `libvmi.conf syntax error: line 1: expected closing '"' for sysmap, found file name "b"`},
		{"error in another entry", "ok { }\nbad { kpgd = ; }\n", `libvmi.conf syntax error: line 2: expected a number for kpgd, found ';'`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.in))
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrSyntax))
			assert.Equal(t, tc.want, err.Error())
		})
	}
}

func TestParseLikeFlex(t *testing.T) {
	// Bytes no rule matches are skipped (CR of CRLF files, stray commas);
	// a comment at the very end needs no newline; empty assignments and
	// an empty file are fine.
	entries, err := Parse([]byte("vm {\r\n ostype = \"Linux\";;\r\n kpgd = 0x1000,;\r\n}\r\n# end"))
	require.NoError(t, err)
	require.Len(t, entries, 1)
	assert.Equal(t, uint64(0x1000), entries[0].Numbers["kpgd"])

	entries, err = Parse(nil)
	require.NoError(t, err)
	assert.Empty(t, entries)

	// '_' belongs to words; a keyword with more letters is a word.
	entries, err = Parse([]byte("my_vm { ostype = \"VMI_PM_IA32E\"; }\nlinux_tasksx { }"))
	require.NoError(t, err)
	assert.Equal(t, "my_vm", entries[0].Name)
	assert.Equal(t, "linux_tasksx", entries[1].Name)

	// linux_addr is accepted and dropped, as libvmi does.
	entries, err = Parse([]byte("vm { linux_addr = 0x10; }"))
	require.NoError(t, err)
	assert.Empty(t, entries[0].Numbers)
}

func TestProfile(t *testing.T) {
	parse := func(s string) *Entry {
		t.Helper()
		entries, err := Parse([]byte(s))
		require.NoError(t, err)
		require.Len(t, entries, 1)
		return entries[0]
	}

	p, err := parse(`vm { ostype = "Linux"; volatility_ist = "/p.json"; rekall_profile = "/r.json"; kpgd = 0x2000; }`).Profile()
	require.NoError(t, err)
	assert.Equal(t, Profile{OSType: "Linux", ISF: "/p.json", KPGD: 0x2000, HasKPGD: true}, p)

	_, err = parse(`vm { ostype = "Windows"; rekall_profile = "/r.json"; }`).Profile()
	assert.True(t, errors.Is(err, ErrRekall))
	assert.Equal(t, `libvmi.conf entry "vm": rekall_profile is not supported: convert the Rekall profile to a Volatility3 ISF (or generate one with guestrace profile) and name it with volatility_ist`, err.Error())

	_, err = parse(`vm { ostype = "Linux"; }`).Profile()
	assert.True(t, errors.Is(err, ErrNoProfile))
	assert.Equal(t, `libvmi.conf entry "vm" names no volatility_ist or sysmap: add one, or pass --profile`, err.Error())

	p, err = parse(`vm { sysmap = "/boot/System.map"; linux_tasks = 0x890; linux_mm = 0x8e0; linux_pid = 0x970; linux_name = 0xba0; }`).Profile()
	require.NoError(t, err)
	assert.Equal(t, Profile{SysMap: "/boot/System.map", Linux: LinuxOffsets{Tasks: 0x890, MM: 0x8e0, PID: 0x970, Name: 0xba0}}, p)

	_, err = parse(`vm { sysmap = "/boot/System.map"; linux_tasks = 0x890; linux_pid = 0x970; }`).Profile()
	assert.True(t, errors.Is(err, ErrMissingOffset))
	assert.Equal(t, `libvmi.conf entry "vm": sysmap needs linux_tasks, linux_mm, linux_pid and linux_name (missing [linux_mm linux_name])`, err.Error())
}

func TestFindIn(t *testing.T) {
	dir := t.TempDir()
	first := filepath.Join(dir, "a.conf")
	second := filepath.Join(dir, "b.conf")
	require.NoError(t, os.WriteFile(first, []byte("one { ostype = \"Linux\"; }\n"), 0o644))
	require.NoError(t, os.WriteFile(second, []byte("two { ostype = \"Windows\"; }\n"), 0o644))

	// A missing file is passed over; the first file found is the one read.
	e, path, err := FindIn([]string{filepath.Join(dir, "missing"), first, second}, "one")
	require.NoError(t, err)
	assert.Equal(t, first, path)
	assert.Equal(t, "Linux", e.Strings["ostype"])

	// Like libvmi, a found file without the entry ends the search.
	_, path, err = FindIn([]string{first, second}, "two")
	assert.True(t, errors.Is(err, ErrNoEntry))
	assert.Equal(t, first, path)
	assert.Equal(t, first+`: no entry for the domain "two"`, err.Error())

	_, _, err = FindIn([]string{filepath.Join(dir, "missing")}, "one")
	assert.True(t, errors.Is(err, ErrNoFile))

	require.NoError(t, os.WriteFile(first, []byte("one { ostype = Linux; }\n"), 0o644))
	_, _, err = FindIn([]string{first}, "one")
	assert.Equal(t, first+`: libvmi.conf syntax error: line 1: expected '"' for ostype, found word "Linux"`, err.Error())
}

func TestPaths(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("HOME", "/home/someone")
	t.Setenv("SUDO_USER", "")
	assert.Equal(t, []string{
		filepath.Join(dir, "libvmi.conf"),
		"/home/someone/etc/libvmi.conf",
		"/etc/libvmi.conf",
	}, Paths())

	t.Setenv("SUDO_USER", "root")
	assert.Equal(t, []string{
		filepath.Join(dir, "libvmi.conf"),
		"/root/etc/libvmi.conf",
		"/home/someone/etc/libvmi.conf",
		"/etc/libvmi.conf",
	}, Paths())
}

func TestFormatRoundTrip(t *testing.T) {
	data, err := os.ReadFile("testdata/libvmi.conf")
	require.NoError(t, err)
	entries, err := Parse(data)
	require.NoError(t, err)
	out, err := Format(entries...)
	require.NoError(t, err)
	again, err := Parse(out)
	require.NoError(t, err)
	require.Len(t, again, len(entries))
	for i := range entries {
		entries[i].Line, again[i].Line = 0, 0
		assert.True(t, reflect.DeepEqual(entries[i], again[i]), "entry %d", i)
	}

	e := &Entry{Name: "a/b"}
	_, err = Format(e)
	assert.Equal(t, `libvmi.conf syntax error: domain name "a/b" is not a libvmi word`, err.Error())
	e = &Entry{Name: "vm", Strings: map[string]string{"sysmap": "/a b"}}
	_, err = Format(e)
	assert.Equal(t, `libvmi.conf syntax error: sysmap = "/a b" cannot be written`, err.Error())
}
