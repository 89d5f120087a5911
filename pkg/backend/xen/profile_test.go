package xen

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/backend"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/libvmiconf"
)

// A System.map of the symbols guestrace needs, as Debian's 6.1 has them.
const testSysmap = `000000000001fb80 D current_task
ffffffff81000000 T _text
ffffffff8130a0b0 T __x64_sys_openat
ffffffff82a1aa40 D init_task
`

// TestEntryProfile: each kind of libvmi.conf entry, as -d reads it.
func TestEntryProfile(t *testing.T) {
	dir := t.TempDir()
	smap := filepath.Join(dir, "System.map")
	require.NoError(t, os.WriteFile(smap, []byte(testSysmap), 0o644))
	conf := filepath.Join(dir, "libvmi.conf")
	require.NoError(t, os.WriteFile(conf, []byte(`
sm { ostype = "Linux"; sysmap = "`+smap+`"; linux_tasks = 0x890; linux_mm = 0x8e0; linux_pid = 0x970; linux_name = 0xba0; }
ist { ostype = "Linux"; volatility_ist = "`+filepath.Join(dir, "ist.json")+`"; }
rk { ostype = "Linux"; rekall_profile = "/x.json"; }
gone { sysmap = "`+filepath.Join(dir, "none")+`"; linux_tasks = 0x890; linux_mm = 0x8e0; linux_pid = 0x970; linux_name = 0xba0; }
win { ostype = "Windows"; sysmap = "`+smap+`"; linux_tasks = 0x890; linux_mm = 0x8e0; linux_pid = 0x970; linux_name = 0xba0; }
half { sysmap = "`+smap+`"; linux_tasks = 0x890; }
`), 0o644))
	load := func(name string) (*isf.Profile, error) {
		e, path, err := libvmiconf.FindIn([]string{conf}, name)
		require.NoError(t, err)
		return entryProfile(name, path, e)
	}

	p, err := load("sm")
	require.NoError(t, err)
	tgid, err := p.FieldOffset("task_struct", "tgid")
	require.NoError(t, err)
	assert.Equal(t, uint64(0x974), tgid)
	di, err := p.FieldOffset("pt_regs", "di")
	require.NoError(t, err)
	assert.Equal(t, uint64(0x70), di)
	addr, _ := p.SymbolAddress("init_task")
	assert.Equal(t, uint64(0xffffffff82a1aa40), addr)

	// The same profile as an ISF file.
	f, err := os.Create(filepath.Join(dir, "ist.json"))
	require.NoError(t, err)
	require.NoError(t, p.Write(f))
	require.NoError(t, f.Close())
	q, err := load("ist")
	require.NoError(t, err)
	assert.Equal(t, p.Symbols, q.Symbols)

	for _, c := range []struct{ name, msg string }{
		{"rk", `-d rk: ` + conf + `: libvmi.conf entry "rk": rekall_profile is not supported: convert the Rekall profile to a Volatility3 ISF (or generate one with guestrace profile) and name it with volatility_ist`},
		{"gone", `-d gone: ` + conf + `: entry "gone": sysmap: open ` + filepath.Join(dir, "none") + `: no such file or directory`},
		{"win", `-d win: ` + conf + `: entry "win": ostype is "Windows", but a sysmap with linux_* offsets describes a Linux kernel`},
		{"half", `-d half: ` + conf + `: libvmi.conf entry "half": sysmap needs linux_tasks, linux_mm, linux_pid and linux_name (missing [linux_mm linux_pid linux_name])`},
	} {
		_, err := load(c.name)
		assert.EqualError(t, err, c.msg)
		assert.ErrorAs(t, err, new(backend.ConfigError), "exit status 2")
	}
	require.NoError(t, os.Remove(filepath.Join(dir, "ist.json")))
	_, err = load("ist")
	assert.EqualError(t, err, `-d ist: `+conf+`: entry "ist": volatility_ist: profile: open `+filepath.Join(dir, "ist.json")+`: no such file or directory`)
}
