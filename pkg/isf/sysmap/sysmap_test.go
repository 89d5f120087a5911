package sysmap

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/isf/linuxgen"
	"github.com/guestrace/guestrace/pkg/libvmiconf"
)

// miniOffsets are libvmi's offsets of Debian's 6.1.0-56-cloud-amd64.
var miniOffsets = libvmiconf.LinuxOffsets{Tasks: 0x890, MM: 0x8e0, PID: 0x970, Name: 0xba0}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return data
}

func TestLoad(t *testing.T) {
	off := miniOffsets
	off.PGD, off.HasPGD = 0x48, true
	p, err := Load("testdata/mini.map", off)
	require.NoError(t, err)

	for _, f := range []struct {
		typ, field string
		want       uint64
	}{
		{"task_struct", "pid", 0x970},
		{"task_struct", "tgid", 0x974},
		{"task_struct", "comm", 0xba0},
		{"task_struct", "tasks", 0x890},
		{"task_struct", "mm", 0x8e0},
		{"mm_struct", "pgd", 0x48},
		{"list_head", "next", 0x0},
		{"list_head", "prev", 0x8},
		{"pt_regs", "r15", 0x0},
		{"pt_regs", "r14", 0x8},
		{"pt_regs", "r13", 0x10},
		{"pt_regs", "r12", 0x18},
		{"pt_regs", "bp", 0x20},
		{"pt_regs", "bx", 0x28},
		{"pt_regs", "r11", 0x30},
		{"pt_regs", "r10", 0x38},
		{"pt_regs", "r9", 0x40},
		{"pt_regs", "r8", 0x48},
		{"pt_regs", "ax", 0x50},
		{"pt_regs", "cx", 0x58},
		{"pt_regs", "dx", 0x60},
		{"pt_regs", "si", 0x68},
		{"pt_regs", "di", 0x70},
		{"pt_regs", "orig_ax", 0x78},
		{"pt_regs", "ip", 0x80},
		{"pt_regs", "cs", 0x88},
		{"pt_regs", "flags", 0x90},
		{"pt_regs", "sp", 0x98},
		{"pt_regs", "ss", 0xa0},
	} {
		got, err := p.FieldOffset(f.typ, f.field)
		require.NoError(t, err)
		assert.Equal(t, f.want, got, "%s.%s", f.typ, f.field)
	}
	assert.Len(t, p.UserTypes["pt_regs"].Fields, 21)
	size, err := p.TypeSize("pt_regs")
	require.NoError(t, err)
	assert.Equal(t, uint64(0xa8), size)
	assert.Equal(t, []string{"list_head", "mm_struct", "pt_regs", "task_struct"}, sortedKeys(p.UserTypes))
	assert.False(t, p.HasField("task_struct", "real_parent"), "not in a System.map")

	for name, want := range map[string]uint64{
		"current_task":     0x1fb80,
		"_text":            0xffffffff81000000,
		"__x64_sys_openat": 0xffffffff81001000,
		"init_task":        0xffffffff82a1aa40,
		"helper":           0xffffffff81003000, // the first of a name
		"init_top_pgt":     0xffffffff8200a000,
	} {
		got, ok := p.SymbolAddress(name)
		require.True(t, ok, name)
		assert.Equal(t, want, got, name)
	}
	assert.Len(t, p.Symbols, 16)
	assert.Equal(t, "", p.Banner(), "a System.map has no banner")
	assert.Equal(t, "linux", p.OS())

	sum := sha256.Sum256(readTestdata(t, "mini.map"))
	assert.Equal(t, []isf.Source{{Kind: "system-map", Name: "mini.map", HashType: "sha256", HashValue: hex.EncodeToString(sum[:])}}, p.Metadata.Linux.Symbols)

	// It is ISF that reads back as it was written.
	var buf bytes.Buffer
	require.NoError(t, p.Write(&buf))
	q, err := isf.Parse(buf.Bytes())
	require.NoError(t, err)
	assert.Equal(t, p.Symbols, q.Symbols)
	assert.Equal(t, p.UserTypes, q.UserTypes)
	assert.Equal(t, p.BaseTypes, q.BaseTypes)
	assert.Equal(t, p.Metadata.Linux.Symbols, q.Metadata.Linux.Symbols)
}

func TestNoPGD(t *testing.T) {
	p, err := Build(readTestdata(t, "mini.map"), "mini.map", miniOffsets)
	require.NoError(t, err)
	assert.False(t, p.HasField("mm_struct", "pgd"))
	assert.NotNil(t, p.UserTypes["mm_struct"].Fields)
}

// TestPcpuHot: 6.2 to 6.14 have no current_task symbol; it is pcpu_hot's
// first member.
func TestPcpuHot(t *testing.T) {
	p, err := Build(readTestdata(t, "pcpu_hot.map"), "pcpu_hot.map", miniOffsets)
	require.NoError(t, err)
	off, err := p.FieldOffset("pcpu_hot", "current_task")
	require.NoError(t, err)
	assert.Equal(t, uint64(0), off)
	addr, _ := p.SymbolAddress("pcpu_hot")
	assert.Equal(t, uint64(0x32000), addr)
	_, ok := p.SymbolAddress("current_task")
	assert.False(t, ok)
}

func TestErrors(t *testing.T) {
	mini := string(readTestdata(t, "mini.map"))
	without := func(name string) string {
		var out []string
		for _, line := range strings.SplitAfter(mini, "\n") {
			if !strings.HasSuffix(line, " "+name+"\n") {
				out = append(out, line)
			}
		}
		return strings.Join(out, "")
	}
	overlap := miniOffsets
	overlap.Name = miniOffsets.PID + 4
	far := miniOffsets
	far.Tasks = 1 << 16
	farPGD := miniOffsets
	farPGD.PGD, farPGD.HasPGD = 1<<20, true

	for _, c := range []struct {
		name string
		data string
		off  libvmiconf.LinuxOffsets
		is   error
		msg  string
	}{
		{"debian stub", string(readTestdata(t, "debian-stub.map")), miniOffsets, ErrStub,
			"sysmap x.map is a placeholder, not a System.map: install the kernel's -dbg package for its System.map, or make a full profile with guestrace profile and name it with volatility_ist (or pass --profile)"},
		{"no init_task", without("init_task"), miniOffsets, ErrMissing,
			"sysmap x.map: cannot make a profile from a System.map: it lacks the symbol init_task (the head of the task list): make a full profile with guestrace profile and name it with volatility_ist (or pass --profile)"},
		{"no current task", without("current_task"), miniOffsets, ErrMissing,
			"sysmap x.map: cannot make a profile from a System.map: it has neither current_task nor pcpu_hot, the per-CPU current task: make a full profile with guestrace profile and name it with volatility_ist (or pass --profile)"},
		{"32-bit", "c1000000 T _text\nc1a00000 D init_task\n00003000 D current_task\n", miniOffsets, ErrNotX86,
			"sysmap x.map: not an x86-64 kernel's System.map: init_task at 0xc1a00000 is not in the kernel image at 0xffffffff80000000"},
		{"overlap", mini, overlap, ErrBadOffset,
			"sysmap x.map: bad libvmi.conf offset: linux_name = 0x974 overlaps linux_pid = 0x970"},
		{"far", mini, far, ErrBadOffset,
			"sysmap x.map: bad libvmi.conf offset: linux_tasks = 0x10000 is past any task_struct (0x10000 bytes)"},
		{"far pgd", mini, farPGD, ErrBadOffset,
			"sysmap x.map: bad libvmi.conf offset: linux_pgd = 0x100000 is past any mm_struct (0x10000 bytes)"},
		{"malformed", mini + "ffffffff8300000 D\n", miniOffsets, linuxgen.ErrMalformed,
			`sysmap x.map: line 18: malformed: "ffffffff8300000 D" is not "address type name"`},
		{"empty", "\n\n", miniOffsets, linuxgen.ErrEmpty, "sysmap x.map: empty file"},
		{"zeros", "0000000000000000 D init_task\n0000000000000000 D current_task\n", miniOffsets, linuxgen.ErrNoAddresses,
			"sysmap x.map: all addresses are zero: read it as root with kernel.kptr_restrict=0"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := Build([]byte(c.data), "x.map", c.off)
			require.ErrorIs(t, err, c.is)
			assert.EqualError(t, err, c.msg)
			assert.Nil(t, p)
		})
	}

	_, err := Load("testdata/none.map", miniOffsets)
	assert.EqualError(t, err, "sysmap: open testdata/none.map: no such file or directory")
}

// TestOffsets: Offsets inverts Build on the members libvmi names.
func TestOffsets(t *testing.T) {
	off := miniOffsets
	off.PGD, off.HasPGD = 0x48, true
	p, err := Build(readTestdata(t, "mini.map"), "mini.map", off)
	require.NoError(t, err)
	got, err := Offsets(p)
	require.NoError(t, err)
	assert.Equal(t, off, got)

	delete(p.UserTypes, "task_struct")
	_, err = Offsets(p)
	assert.EqualError(t, err, "profile: type task_struct: not found")
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
