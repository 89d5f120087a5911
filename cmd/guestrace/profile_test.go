package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/stretchr/testify/require"
)

const mini = "../../pkg/isf/linuxgen/testdata/"

// profileRun runs the command line and returns its exit status and what
// it printed on standard error.
func profileRun(t *testing.T, args ...string) (int, string) {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	require.NoError(t, err)
	saved := os.Stderr
	os.Stderr = f
	code := run(args)
	os.Stderr = saved
	out, err := os.ReadFile(f.Name())
	require.NoError(t, err)
	require.NoError(t, f.Close())
	return code, string(out)
}

func TestProfile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "profile.json")
	code, stderr := profileRun(t, "profile", "--kallsyms", mini+"mini.kallsyms", "--btf", mini+"mini.btf", "--banner", mini+"mini.version", "-o", out)
	require.Equal(t, "", stderr)
	require.Equal(t, exitOK, code)
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	golden, err := os.ReadFile(mini + "mini.golden")
	require.NoError(t, err)
	require.Equal(t, string(golden), string(got))
	p, err := isf.Load(out)
	require.NoError(t, err)
	require.Equal(t, "6.1.0-mini", p.Release())
	st, err := os.Stat(out)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o644), st.Mode().Perm())
}

func TestProfileErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	out := filepath.Join(dir, "profile.json")
	ks, bt, bn := mini+"mini.kallsyms", mini+"mini.btf", mini+"mini.version"
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no kallsyms", []string{"--btf", bt, "-o", out}, exitUsage, "guestrace: profile: --kallsyms is required"},
		{"no btf", []string{"--kallsyms", ks, "-o", out}, exitUsage, "guestrace: profile: --btf is required"},
		{"no output", []string{"--kallsyms", ks, "--btf", bt}, exitUsage, "guestrace: profile: -o is required"},
		{"missing kallsyms", []string{"--kallsyms", dir + "/nope", "--btf", bt, "-o", out}, exitUsage, "guestrace: profile: --kallsyms " + dir + "/nope: no such file"},
		{"missing banner", []string{"--kallsyms", ks, "--btf", bt, "--banner", dir + "/nope", "-o", out}, exitUsage, "guestrace: profile: --banner " + dir + "/nope: no such file"},
		{"directory", []string{"--kallsyms", ks, "--btf", dir, "-o", out}, exitUsage, "guestrace: profile: --btf " + dir + ": is a directory"},
		{"unknown flag", []string{"--kallsym", ks}, exitUsage, "guestrace: unknown flag: --kallsym"},
		{"argument", []string{"--kallsyms", ks, "--btf", bt, "-o", out, "extra"}, exitUsage, `guestrace: unknown command "extra" for "guestrace profile"`},
		{"empty kallsyms", []string{"--kallsyms", empty, "--btf", bt, "-o", out}, exitGuest, "guestrace: profile: kallsyms " + empty + ": empty file"},
		{"empty btf", []string{"--kallsyms", ks, "--btf", empty, "-o", out}, exitGuest, "guestrace: profile: btf " + empty + ": empty file"},
		{"empty banner", []string{"--kallsyms", ks, "--btf", bt, "--banner", empty, "-o", out}, exitGuest, "guestrace: profile: banner " + empty + ": empty file"},
		{"btf is kallsyms", []string{"--kallsyms", ks, "--btf", ks, "-o", out}, exitGuest, "guestrace: profile: btf " + ks + ": not valid BTF (truncated or corrupt): "},
		{"qemu and files", []string{"--qemu", "unix:/x", "--kallsyms", ks, "-o", out}, exitUsage, "guestrace: profile: a running guest and --kallsyms/--btf/--banner: give one source"},
		{"qemu and domain", []string{"--qemu", "unix:/x", "-d", "vm1", "-o", out}, exitUsage, "guestrace: profile: --qemu and -d each name a guest: give one"},
		{"domain unknown backend", []string{"-d", "vm1", "--backend", "nosuch", "-o", out}, exitUsage, `guestrace: --backend nosuch: unknown backend "nosuch"`},
		{"domain no daemon", []string{"-d", "vm1", "--backend", "libvirt", "--connect", "qemu:///system?socket=" + dir + "/none.sock", "-o", out}, exitGuest, "guestrace: -d vm1: "},
		{"qemu no output", []string{"--qemu", "unix:/x"}, exitUsage, "guestrace: profile: -o is required"},
		{"qemu unreachable", []string{"--qemu", "unix:" + dir + "/gdb.sock", "-o", out}, exitGuest, "guestrace: --qemu unix:" + dir + "/gdb.sock: "},
		{"output dir", []string{"--kallsyms", ks, "--btf", bt, "--banner", bn, "-o", dir + "/nope/p.json"}, exitGuest, "guestrace: profile: -o " + dir + "/nope/p.json: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stderr := profileRun(t, append([]string{"profile"}, tc.args...)...)
			require.Equal(t, tc.code, code, stderr)
			require.True(t, strings.HasPrefix(stderr, tc.want), "stderr %q, want prefix %q", stderr, tc.want)
			require.Equal(t, 1, strings.Count(stderr, "\n"), "one line: %q", stderr)
			_, err := os.Stat(out)
			require.True(t, os.IsNotExist(err), "no profile written")
		})
	}
}

func TestProfileStdout(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "stdout")
	require.NoError(t, err)
	saved := os.Stdout
	os.Stdout = f
	code, stderr := profileRun(t, "profile", "--kallsyms", mini+"mini.kallsyms", "--btf", mini+"mini.btf", "--banner", mini+"mini.version", "-o", "-")
	os.Stdout = saved
	require.NoError(t, f.Close())
	require.Equal(t, exitOK, code, stderr)
	got, err := os.ReadFile(f.Name())
	require.NoError(t, err)
	golden, err := os.ReadFile(mini + "mini.golden")
	require.NoError(t, err)
	require.Equal(t, string(golden), string(got))
}
