package linuxgen

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// requireOneLine checks an error is the one line the command prints.
func requireOneLine(t *testing.T, err error, want ...string) {
	t.Helper()
	require.Error(t, err)
	require.NotContains(t, err.Error(), "\n")
	for _, w := range want {
		require.Contains(t, err.Error(), w)
	}
}

func TestRejectEmpty(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*Input)
		want string
	}{
		{"kallsyms", func(in *Input) { in.Kallsyms = nil }, "kallsyms testdata/mini.kallsyms: empty file"},
		{"kallsyms blank", func(in *Input) { in.Kallsyms = []byte("\n\n  \n") }, "kallsyms testdata/mini.kallsyms: empty file"},
		{"kallsyms modules only", func(in *Input) { in.Kallsyms = []byte("ffffffffc0000000 t f\t[m]\n") }, "kallsyms testdata/mini.kallsyms: empty file"},
		{"btf", func(in *Input) { in.BTF = []byte{} }, "btf testdata/mini.btf: empty file"},
		{"banner", func(in *Input) { in.Banner = []byte("\n") }, "banner testdata/mini.version: empty file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := miniInput(t)
			tc.edit(&in)
			_, err := Generate(in)
			requireOneLine(t, err, tc.want)
			require.ErrorIs(t, err, ErrEmpty)
		})
	}
}

func TestRejectTruncatedBTF(t *testing.T) {
	check := func(t *testing.T, in Input) {
		_, err := Generate(in)
		requireOneLine(t, err, "btf "+in.BTFName+": not valid BTF (truncated or corrupt)")
		require.ErrorIs(t, err, ErrBadBTF)
	}
	full := readTestdata(t, "mini.btf")
	for _, n := range []int{len(full) - 1, len(full) / 2, 30, 10} {
		in := miniInput(t)
		in.BTF = full[:n]
		check(t, in)
	}
	t.Run("host", func(t *testing.T) {
		raw, name := hostBTF(t)
		in := Input{Kallsyms: syntheticKallsyms(t, raw), KallsymsName: "synthetic", BTF: raw[:len(raw)*2/3], BTFName: name}
		check(t, in)
	})
}

func TestRejectZeroAddresses(t *testing.T) {
	in := miniInput(t)
	in.Kallsyms = regexp.MustCompile(`(?m)^[0-9a-f]+`).ReplaceAll(in.Kallsyms, []byte("0000000000000000"))
	_, err := Generate(in)
	requireOneLine(t, err, "kallsyms testdata/mini.kallsyms: all addresses are zero: read it as root with kernel.kptr_restrict=0")
	require.ErrorIs(t, err, ErrNoAddresses)
}

func TestRejectMalformedKallsyms(t *testing.T) {
	in := miniInput(t)
	in.Kallsyms = append(bytes.Clone(in.Kallsyms), "ffffffff8100zz00 T bad\n"...)
	_, err := Generate(in)
	requireOneLine(t, err, `kallsyms testdata/mini.kallsyms: line 16: malformed: address "ffffffff8100zz00" is not hexadecimal`)
	require.ErrorIs(t, err, ErrMalformed)
}

func TestRejectMalformedBanner(t *testing.T) {
	in := miniInput(t)
	in.Banner = []byte("6.1.0-mini\n")
	_, err := Generate(in)
	requireOneLine(t, err, `banner testdata/mini.version: malformed: not one "Linux version ..." line as /proc/version has`)
}

func TestRejectMismatch(t *testing.T) {
	const both = "kallsyms testdata/mini.kallsyms and btf testdata/mini.btf: files from different kernels: "
	for _, tc := range []struct {
		name string
		edit func(*Input)
		want string
	}{
		{"functions", func(in *Input) {
			in.Kallsyms = bytes.ReplaceAll(in.Kallsyms, []byte(" do_exit"), []byte(" do_exit_old"))
		}, both + "1 of BTF's 2 functions (e.g. do_exit) are not in kallsyms"},
		{"per-cpu", func(in *Input) {
			in.Kallsyms = bytes.ReplaceAll(in.Kallsyms, []byte("1fb80 A current_task"), []byte("1fbc0 A current_task"))
		}, both + "1 of 2 per-cpu variables are elsewhere (current_task is at 0x1fbc0 in kallsyms but 0x1fb80 in BTF)"},
		{"banner", func(in *Input) {
			in.Banner = []byte("Linux version 6.1.0-other (builder@lab) (gcc 12.2.0) #2 SMP PREEMPT_DYNAMIC Debian 6.1.0-other (2024-01-01)\n")
		}, "banner testdata/mini.version (release 6.1.0-other) and kallsyms testdata/mini.kallsyms: files from different kernels: the banner is 109 bytes but linux_banner in kallsyms spans 96"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := miniInput(t)
			tc.edit(&in)
			_, err := Generate(in)
			requireOneLine(t, err, tc.want)
			require.ErrorIs(t, err, ErrMismatch)
		})
	}
}

// TestRejectHostBTFWithOtherKallsyms pairs the host's real BTF with the
// symbols of another kernel (the mini one): nothing lines up.
func TestRejectHostBTFWithOtherKallsyms(t *testing.T) {
	raw, name := hostBTF(t)
	in := miniInput(t)
	in.BTF, in.BTFName, in.Banner, in.BannerName = raw, name, nil, ""
	_, err := Generate(in)
	requireOneLine(t, err, "kallsyms testdata/mini.kallsyms and btf "+name+": files from different kernels: ")
	require.True(t, strings.Contains(err.Error(), "functions"), err.Error())
}
