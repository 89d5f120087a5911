package linuxmem

import (
	"context"
	"testing"
	"time"

	"github.com/guestrace/guestrace/internal/guestlab"
	"github.com/guestrace/guestrace/pkg/guestos/linux"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/vmi/qemu"
	"github.com/stretchr/testify/require"
)

// bootLab boots the lab guest with KASLR and 2 vCPUs and dials its stub;
// the guest runs when it returns.
func bootLab(t testing.TB) (*guestlab.Guest, *qemu.Target) {
	t.Helper()
	if testing.Short() {
		t.Skip("boots the lab guest (skipped under -short)")
	}
	g := guestlab.Boot(t, guestlab.Options{VCPUs: 2})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	tgt, err := qemu.Dial(ctx, "unix:"+g.GDBSocket)
	require.NoError(t, err)
	t.Cleanup(func() { tgt.Close() })
	require.NoError(t, tgt.Unpause()) // Dial leaves the guest paused
	return g, tgt
}

// TestLiveBuild makes the profile from the running lab guest's memory and
// compares it with the lab's profile.json, made from the same kernel's
// /proc/kallsyms and /sys/kernel/btf/vmlinux: every symbol (address,
// type), every type, the banner. Then the OS layer attaches with it.
// Last, the guest's token table is zeroed: Build fails with the one-line
// error, and the guest is left running.
func TestLiveBuild(t *testing.T) {
	g, tgt := bootLab(t)
	res, err := Build(tgt)
	require.NoError(t, err)
	want, err := isf.Load(g.Profile)
	require.NoError(t, err, "the lab's profile: run make guest")
	t.Logf("%s: %d symbols (%s), BTF %d bytes, slide %#x", res.Banner, res.Syms, res.Layout, res.BTFSize, res.Slide)
	requireSameProfile(t, want, res.Profile)

	l, err := linux.Attach(tgt, res.Profile)
	require.NoError(t, err)
	require.Equal(t, g.Release, l.Release())
	require.Equal(t, res.Slide, l.Slide())
	require.NotEmpty(t, l.Syscalls())

	t.Run("ZeroedTables", func(t *testing.T) { zeroedTables(t, g, tgt) })
}

// requireSameProfile compares everything but the metadata's file names.
func requireSameProfile(t *testing.T, want, got *isf.Profile) {
	t.Helper()
	require.Equal(t, want.Banner(), got.Banner())
	require.Equal(t, len(want.Symbols), len(got.Symbols), "symbol count")
	for name, w := range want.Symbols {
		g, ok := got.Symbols[name]
		require.True(t, ok, "symbol %s missing", name)
		require.Equal(t, w, g, "symbol %s", name)
	}
	require.Equal(t, want.BaseTypes, got.BaseTypes)
	require.Equal(t, len(want.UserTypes), len(got.UserTypes), "user type count")
	for name, w := range want.UserTypes {
		require.Equal(t, w, got.UserTypes[name], "user type %s", name)
	}
	require.Equal(t, want.Enums, got.Enums)
	// Same BTF bytes: the types' source hash is the same.
	require.Equal(t, want.Metadata.Linux.Types[0].HashValue, got.Metadata.Linux.Types[0].HashValue)
}

// zeroedTables zeroes the guest's kallsyms token table: Build fails with
// the one-line error, and the guest is left running.
func zeroedTables(t *testing.T, g *guestlab.Guest, tgt *qemu.Target) {
	require.NoError(t, tgt.Pause())
	img, err := findImage(tgt)
	require.NoError(t, err)
	tab, err := img.scanKallsyms()
	require.NoError(t, err)
	pa, _, err := img.w.Translate(img.root.PA, img.root.LA57, tab.TokenTable)
	require.NoError(t, err)
	require.NoError(t, tgt.WritePhys(pa, make([]byte, 256)))
	require.NoError(t, tgt.Unpause())

	_, err = Build(tgt)
	require.ErrorIs(t, err, ErrNoKallsyms)
	require.Regexp(t, `^no kallsyms found in guest memory: pass --profile \([^\n]*\)$`, err.Error())

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	st, err := g.QMPStatus(ctx)
	require.NoError(t, err)
	require.Equal(t, "running", st)
	out, status, err := g.Exec(ctx, "echo alive")
	require.NoError(t, err)
	require.Equal(t, 0, status)
	require.Equal(t, "alive\n", out)
}
