package linuxgen

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cilium/ebpf/btf"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/stretchr/testify/require"
)

// guestFiles returns the lab guest's kernel outputs; without them the
// test fails (they are what `make test` builds first), unless -short.
func guestFiles(t *testing.T) Files {
	if testing.Short() {
		t.Skip("needs the lab guest's kernel files (-short)")
	}
	f := Files{
		Kallsyms: filepath.Join(guestDir, "kallsyms"),
		BTF:      filepath.Join(guestDir, "vmlinux.btf"),
		Banner:   filepath.Join(guestDir, "version"),
	}
	for _, p := range []string{f.Kallsyms, f.BTF, f.Banner} {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("%v: run make guest", err)
		}
	}
	return f
}

// TestGuestProfile makes the Debian guest kernel's profile from its real
// /proc/kallsyms, BTF and /proc/version, and checks what the OS layer
// and Volatility3 read from it.
func TestGuestProfile(t *testing.T) {
	files := guestFiles(t)
	p, err := GenerateFiles(files)
	require.NoError(t, err)

	version, err := os.ReadFile(files.Banner)
	require.NoError(t, err)
	require.Equal(t, strings.TrimRight(string(version), "\n"), p.Banner())
	release, err := os.ReadFile(filepath.Join(guestDir, "VERSION"))
	require.NoError(t, err)
	require.Equal(t, strings.TrimSpace(string(release)), p.Release())
	require.Equal(t, append(bytes.TrimRight(version, "\n"), '\n', 0), p.Symbols["linux_banner"].ConstantData)

	raw, err := os.ReadFile(files.BTF)
	require.NoError(t, err)
	spec, err := btf.LoadSpecFromReader(bytes.NewReader(raw))
	require.NoError(t, err)
	var task *btf.Struct
	require.NoError(t, spec.TypeByName("task_struct", &task))
	found := 0
	for _, m := range task.Members {
		switch m.Name {
		case "pid", "tgid", "comm", "mm", "tasks":
			got, err := p.FieldOffset("task_struct", m.Name)
			require.NoError(t, err)
			require.Equal(t, uint64(m.Offset/8), got, m.Name)
			found++
		}
	}
	require.Equal(t, 5, found)

	// current_task is per-cpu: kallsyms' absolute address is the BTF
	// section offset, and the symbol has its type.
	var percpu *btf.Datasec
	require.NoError(t, spec.TypeByName(".data..percpu", &percpu))
	for _, v := range percpu.Vars {
		if v.Type.TypeName() == "current_task" {
			sym := p.Symbols["current_task"]
			require.Equal(t, uint64(v.Offset), sym.Address)
			require.Equal(t, &isf.Type{Kind: isf.KindPointer, Subtype: &isf.Type{Kind: isf.KindStruct, Name: "task_struct"}}, sym.Type)
		}
	}
	addr, ok := p.SymbolAddress("__x64_sys_openat")
	require.True(t, ok)
	require.Equal(t, uint64(0xffffffff81000000), addr&^0xffffff)
}

// TestGuestKallsymsWithHostBTF pairs the guest's real kallsyms (6.1) with
// the host's real BTF (another kernel): rejected, and the other way too.
func TestGuestKallsymsWithHostBTF(t *testing.T) {
	files := guestFiles(t)
	if _, err := os.Stat(hostBTFPath); err != nil {
		t.Skipf("no host BTF to pair with the guest's kallsyms: %v", err)
	}
	_, err := GenerateFiles(Files{Kallsyms: files.Kallsyms, BTF: hostBTFPath})
	requireOneLine(t, err, "kallsyms "+files.Kallsyms+" and btf "+hostBTFPath+": files from different kernels: ", "functions")
	require.ErrorIs(t, err, ErrMismatch)

	host := Input{Kallsyms: nil, KallsymsName: "synthetic"}
	host.BTF, err = os.ReadFile(files.BTF)
	require.NoError(t, err)
	hostRaw, _ := hostBTF(t)
	host.Kallsyms = syntheticKallsyms(t, hostRaw)
	host.BTFName = files.BTF
	_, err = Generate(host)
	requireOneLine(t, err, "kallsyms synthetic and btf "+files.BTF+": files from different kernels: ")
	require.ErrorIs(t, err, ErrMismatch)
}
