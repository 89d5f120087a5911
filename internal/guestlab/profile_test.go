package guestlab

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cilium/ebpf/btf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/isf"
)

// loadProfile loads build/guest/profile.json, failing with "run make guest".
func loadProfile(t *testing.T) *isf.Profile {
	t.Helper()
	dir, err := Dir()
	if err != nil {
		if testing.Short() {
			t.Skip(err)
		}
		t.Fatal(err)
	}
	path := filepath.Join(dir, "profile.json")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("%v: run make guest", err)
	}
	p, err := isf.Load(path)
	require.NoError(t, err)
	return p
}

// testProfileKASLR checks the profile's addresses against the running
// guest: after removing this boot's KASLR slide they equal /proc/kallsyms.
func testProfileKASLR(ctx context.Context, t *testing.T, g *Guest) {
	p := loadProfile(t)
	syms := []string{"_text", "__x64_sys_openat", "init_task"}
	out, st, err := g.Exec(ctx, "echo 0 > /proc/sys/kernel/kptr_restrict && grep -E ' ("+strings.Join(syms, "|")+")$' /proc/kallsyms")
	require.NoError(t, err)
	require.Equal(t, 0, st, out)
	runtime := map[string]uint64{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Fields(line)
		require.Len(t, f, 3, "kallsyms line %q", line)
		addr, err := strconv.ParseUint(f[0], 16, 64)
		require.NoError(t, err)
		runtime[f[2]] = addr
	}
	profText, ok := p.SymbolAddress("_text")
	require.True(t, ok, "_text in profile")
	require.Contains(t, runtime, "_text")
	slide := runtime["_text"] - profText
	t.Logf("KASLR slide of this boot: %#x", slide)
	for _, s := range syms {
		addr, ok := p.SymbolAddress(s)
		require.True(t, ok, "%s in profile", s)
		require.Contains(t, runtime, s)
		assert.Equal(t, runtime[s], addr+slide, "%s: runtime %#x, profile %#x + slide %#x", s, runtime[s], addr, slide)
	}
}

// TestProfileTaskStruct checks task_struct's offsets in the profile
// against the kernel's own BTF.
func TestProfileTaskStruct(t *testing.T) {
	p := loadProfile(t)
	dir, _ := Dir()
	f, err := os.Open(filepath.Join(dir, "vmlinux.btf"))
	require.NoError(t, err)
	defer f.Close()
	spec, err := btf.LoadSpecFromReader(f)
	require.NoError(t, err)
	var ts *btf.Struct
	require.NoError(t, spec.TypeByName("task_struct", &ts))
	for _, field := range []string{"pid", "tgid", "comm", "mm", "tasks"} {
		want, ok := memberOffset(ts.Members, field)
		require.True(t, ok, "task_struct.%s in BTF", field)
		got, err := p.FieldOffset("task_struct", field)
		require.NoError(t, err)
		assert.Equal(t, want, got, "task_struct.%s", field)
	}
}

// memberOffset finds a member by name, looking into anonymous structs
// and unions, and returns its byte offset.
func memberOffset(members []btf.Member, name string) (uint64, bool) {
	for _, m := range members {
		if m.Name == name {
			return uint64(m.Offset.Bytes()), true
		}
		if m.Name != "" {
			continue
		}
		var inner []btf.Member
		switch t := btf.UnderlyingType(m.Type).(type) {
		case *btf.Struct:
			inner = t.Members
		case *btf.Union:
			inner = t.Members
		}
		if off, ok := memberOffset(inner, name); ok {
			return uint64(m.Offset.Bytes()) + off, true
		}
	}
	return 0, false
}
