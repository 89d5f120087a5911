package linuxgen

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/cilium/ebpf/btf"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/stretchr/testify/require"
)

// Real kernels' files: the host's BTF, and the lab guest's outputs.
const (
	hostBTFPath = "/sys/kernel/btf/vmlinux"
	guestDir    = "../../../build/guest"
)

// hostBTF returns the running kernel's BTF, or the lab guest's when the
// host has none.
func hostBTF(t testing.TB) ([]byte, string) {
	for _, p := range []string{hostBTFPath, filepath.Join(guestDir, "vmlinux.btf")} {
		if raw, err := os.ReadFile(p); err == nil {
			return raw, p
		}
	}
	t.Skipf("no real BTF: neither %s nor %s/vmlinux.btf (run make guest)", hostBTFPath, guestDir)
	return nil, ""
}

// syntheticKallsyms makes the kallsyms of a BTF's kernel from the BTF
// itself: its functions at made-up text addresses and its per-cpu
// variables at their section offsets. It stands in for /proc/kallsyms,
// which a test cannot rely on reading with addresses.
func syntheticKallsyms(t testing.TB, raw []byte) []byte {
	spec, err := btf.LoadSpecFromReader(bytes.NewReader(raw))
	require.NoError(t, err)
	var b bytes.Buffer
	fmt.Fprintf(&b, "%016x A __per_cpu_start\n", 0)
	addr := uint64(0xffffffff81000000)
	seen := map[string]bool{}
	for typ, err := range spec.All() {
		require.NoError(t, err)
		switch typ := typ.(type) {
		case *btf.Func:
			if !seen[typ.Name] {
				seen[typ.Name] = true
				fmt.Fprintf(&b, "%016x T %s\n", addr, typ.Name)
				addr += 0x40
			}
		case *btf.Datasec:
			if typ.Name == ".data..percpu" {
				for _, v := range typ.Vars {
					fmt.Fprintf(&b, "%016x A %s\n", v.Offset, v.Type.TypeName())
				}
			}
		}
	}
	return b.Bytes()
}

// TestHostBTF makes the profile of the real kernel and checks the task
// fields the OS layer reads against cilium/ebpf's own reading of the
// BTF, through a write and load round trip.
func TestHostBTF(t *testing.T) {
	raw, name := hostBTF(t)
	in := Input{Kallsyms: syntheticKallsyms(t, raw), KallsymsName: "synthetic", BTF: raw, BTFName: name}
	p, err := Generate(in)
	require.NoError(t, err)

	path := filepath.Join(t.TempDir(), "profile.json")
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, p.Write(f))
	require.NoError(t, f.Close())
	back, err := isf.Load(path)
	require.NoError(t, err)

	spec, err := btf.LoadSpecFromReader(bytes.NewReader(raw))
	require.NoError(t, err)
	var task *btf.Struct
	require.NoError(t, spec.TypeByName("task_struct", &task))
	size, err := back.TypeSize("task_struct")
	require.NoError(t, err)
	require.Equal(t, uint64(task.Size), size)
	fields := []string{"pid", "tgid", "comm", "mm", "tasks"}
	for _, m := range task.Members {
		if !slices.Contains(fields, m.Name) {
			continue
		}
		got, err := back.FieldOffset("task_struct", m.Name)
		require.NoError(t, err)
		require.Equal(t, uint64(m.Offset/8), got, m.Name)
		fields = slices.DeleteFunc(fields, func(s string) bool { return s == m.Name })
		t.Logf("task_struct.%s at %#x", m.Name, got)
	}
	require.Empty(t, fields, "members cilium/ebpf did not find directly in task_struct")
	// Every per-cpu variable is a symbol with its type.
	var percpu *btf.Datasec
	require.NoError(t, spec.TypeByName(".data..percpu", &percpu))
	for _, v := range percpu.Vars {
		s, ok := back.Symbols[v.Type.TypeName()]
		require.True(t, ok, v.Type.TypeName())
		require.Equal(t, uint64(v.Offset), s.Address)
		require.NotNil(t, s.Type)
	}
}
