//go:build libvmi

package libvmi_test

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/linux"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/isf/linuxmem"
	"github.com/guestrace/guestrace/pkg/isf/sysmap"
	"github.com/guestrace/guestrace/pkg/libvmiconf"
	"github.com/guestrace/guestrace/pkg/vmi"
	"github.com/guestrace/guestrace/pkg/vmi/libvmi"
	"github.com/guestrace/guestrace/pkg/vmi/qemu"
)

// Without Xen, the libvmi backend is run live on libvmi's file driver: a
// raw dump of the paused lab guest. The same paused guest is read through
// the QEMU backend, and everything read through libvmi must equal it.

// TestFileReadsSynthetic reads a dump with known contents: libvmi's file
// driver, through the backend, across page boundaries, and past the end.
func TestFileReadsSynthetic(t *testing.T) {
	path := filepath.Join(t.TempDir(), "synthetic.raw")
	data := make([]byte, 64*pageSize)
	rand.New(rand.NewSource(1)).Read(data)
	require.NoError(t, os.WriteFile(path, data, 0o644))

	tg, err := libvmi.Open(context.Background(), path, libvmi.Options{File: true, NoSignals: true})
	require.NoError(t, err)
	defer tg.Close()
	for _, r := range []struct{ pa, n uint64 }{{0, 8}, {pageSize - 3, 7}, {5*pageSize + 100, 3 * pageSize}, {uint64(len(data)) - 16, 16}} {
		buf := make([]byte, r.n)
		require.NoError(t, tg.ReadPhys(r.pa, buf), "%#x", r.pa)
		assert.Equal(t, data[r.pa:r.pa+r.n], buf, "%#x+%d", r.pa, r.n)
	}
	err = tg.ReadPhys(uint64(len(data)), make([]byte, 8))
	assert.Error(t, err, "past the end of the dump")
	require.NoError(t, tg.Close())
}

const pageSize = 4096

// frozen keeps the QEMU target paused while the OS layer attaches (Attach
// pauses and resumes the guest around its reads unless the target cannot
// pause), so that it reads the state the dump holds.
type frozen struct{ vmi.Target }

func (frozen) Pause() error   { return vmi.ErrUnsupported }
func (frozen) Unpause() error { return vmi.ErrUnsupported }

// osView is what the OS layer sees of a guest.
type osView struct {
	slide   uint64
	release string
	current []string // per vCPU: "pid tid comm", or Current's error
	procs   []linux.Process
}

func viewOf(t *testing.T, tg vmi.Target, p *isf.Profile, regs []vmi.Regs) osView {
	t.Helper()
	l, err := linux.Attach(tg, p)
	require.NoError(t, err)
	v := osView{slide: l.Slide(), release: l.Release()}
	for i := range regs {
		// A vCPU paused in the kernel's entry code before its swapgs
		// has no current task to find yet: both backends must then
		// fail alike.
		var th guestos.Thread
		if err := l.Current(&regs[i], &th); err != nil {
			v.current = append(v.current, "error: "+err.Error())
			continue
		}
		v.current = append(v.current, fmt.Sprintf("%d %d %s", th.PID, th.TID, th.Name()))
	}
	v.procs, err = l.Processes()
	require.NoError(t, err)
	return v
}

func TestLabDump(t *testing.T) {
	g := guestlab.Boot(t, guestlab.Options{VCPUs: 2})
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	p, err := isf.Load(g.Profile)
	require.NoError(t, err, "the lab's profile: run make guest")

	// Processes to find, with names of their own: busybox under other
	// names ("busybox-*" runs its argument as an applet; the shell would
	// run a plain applet without exec, keeping its own name). A sleeper,
	// and a spinner per vCPU so that the vCPUs run a known process.
	out, status, err := g.Exec(ctx, "cp /bin/busybox /tmp/busybox-marker && cp /bin/busybox /tmp/busybox-spin && "+
		"{ /tmp/busybox-marker sleep 3600 & p=$!; for i in 1 2; do /tmp/busybox-spin sh -c 'while :; do :; done' & done; "+
		"until [ \"$(cat /proc/$p/comm)\" = busybox-marker ]; do :; done; echo $p; }")
	require.NoError(t, err)
	require.Equal(t, 0, status, out)
	marker, err := strconv.ParseUint(strings.TrimSpace(out), 10, 32)
	require.NoError(t, err, out)

	// Pause through the GDB stub, save the registers, dump the memory.
	qt, err := qemu.Dial(ctx, "unix:"+g.GDBSocket)
	require.NoError(t, err)
	defer qt.Close()
	regs := make([]vmi.Regs, qt.NumVCPUs())
	for v := range regs {
		require.NoError(t, qt.Regs(v, &regs[v]))
	}
	dir := t.TempDir()
	// The profile made from the guest's own memory, as guestrace makes it
	// with no --profile: libvmi must read the dump with it too.
	built, err := linuxmem.Build(qt)
	require.NoError(t, err)
	memProfile := filepath.Join(dir, "memory.json")
	mf, err := os.Create(memProfile)
	require.NoError(t, err)
	require.NoError(t, built.Profile.Write(mf))
	require.NoError(t, mf.Close())
	dump := filepath.Join(dir, "lab.raw")
	regsFile := filepath.Join(dir, "lab.regs.json")
	require.NoError(t, libvmi.SaveRegs(regsFile, regs))
	start := time.Now()
	require.NoError(t, g.DumpMemory(ctx, dump))
	t.Logf("dumped %d MiB in %v", fileSize(t, dump)>>20, time.Since(start).Round(time.Millisecond))

	lt, err := libvmi.Open(ctx, dump, libvmi.Options{File: true, RegsFile: regsFile, NoSignals: true})
	require.NoError(t, err)
	defer lt.Close()
	require.Equal(t, len(regs), lt.NumVCPUs())

	t.Run("registers", func(t *testing.T) {
		for v := range regs {
			var r vmi.Regs
			require.NoError(t, lt.Regs(v, &r))
			assert.Equal(t, regs[v], r, "vCPU %d", v)
		}
	})

	t.Run("physical reads equal QEMU's", func(t *testing.T) {
		// Pages all over RAM, each read through both backends, plus the
		// ends and a read across a page boundary.
		size := fileSize(t, dump)
		rng := rand.New(rand.NewSource(7))
		ranges := []struct{ pa, n uint64 }{{0, pageSize}, {size - pageSize, pageSize}, {0x100000 - 8, 16}}
		for _, r := range regs { // the page tables in use
			ranges = append(ranges, struct{ pa, n uint64 }{r.CR3 & 0x000f_ffff_ffff_f000, pageSize})
		}
		for i := 0; i < 128; i++ {
			ranges = append(ranges, struct{ pa, n uint64 }{uint64(rng.Int63n(int64(size/pageSize))) * pageSize, pageSize})
		}
		nonzero := 0
		for _, r := range ranges {
			a, b := make([]byte, r.n), make([]byte, r.n)
			require.NoError(t, qt.ReadPhys(r.pa, a), "qemu %#x", r.pa)
			require.NoError(t, lt.ReadPhys(r.pa, b), "libvmi %#x", r.pa)
			require.True(t, bytes.Equal(a, b), "%#x+%#x differs", r.pa, r.n)
			if bytes.ContainsFunc(a, func(r rune) bool { return r != 0 }) {
				nonzero++
			}
		}
		// A small guest's RAM is mostly zero pages; enough are not.
		assert.Greater(t, nonzero, 16, "compared pages holding data")
	})

	fromQEMU := viewOf(t, frozen{qt}, p, regs)
	t.Run("OS layer on the dump", func(t *testing.T) {
		fromDump := viewOf(t, lt, p, regs)
		assert.NotZero(t, fromDump.slide, "KASLR is on in the lab")
		assert.Equal(t, fromQEMU.slide, fromDump.slide)
		assert.Equal(t, g.Release, fromDump.release)
		assert.Equal(t, fromQEMU.current, fromDump.current)
		assert.Equal(t, fromQEMU.procs, fromDump.procs)
		require.GreaterOrEqual(t, len(fromDump.procs), 3)
		assert.Equal(t, "swapper/0", string(fromDump.procs[0].Name()))
		assert.Equal(t, uint32(1), fromDump.procs[1].PID)
		assert.Contains(t, procLines(fromDump.procs), fmt.Sprintf("%d busybox-marker", marker))
		spinning := 0
		for v, cur := range fromDump.current {
			t.Logf("vCPU %d: %s", v, cur)
			if strings.HasSuffix(cur, " busybox-spin") {
				spinning++
			}
		}
		assert.Greater(t, spinning, 0, "a vCPU runs a spinner")
		t.Logf("slide %#x, %d processes", fromDump.slide, len(fromDump.procs))
	})

	t.Run("libvmi lists the same processes from our profile", func(t *testing.T) {
		// libvmi names a dump's entry by the dump's file name, and
		// reads its kernel page tables from kpgd: vCPU 0's CR3 (the
		// kernel's half of every page table maps the kernel; bit 12
		// picks the user copy under page-table isolation).
		entry := labEntry(dump, regs, map[string]string{"volatility_ist": g.Profile}, nil)
		conf := writeConf(t, filepath.Join(dir, "ist"), entry)
		// Our parser reads back what libvmi is given.
		prof := readConf(t, conf, entry.Name)
		assert.Equal(t, g.Profile, prof.ISF)
		assert.Equal(t, procAddrs(fromQEMU.procs), libvmiProcs(t, lt, conf))
	})

	t.Run("libvmi lists the same processes from the profile made from memory", func(t *testing.T) {
		// A libvmi of its own, so that nothing of the other entries'
		// initialisation is reused.
		mt, err := libvmi.Open(ctx, dump, libvmi.Options{File: true, RegsFile: regsFile, NoSignals: true})
		require.NoError(t, err)
		defer mt.Close()
		entry := labEntry(dump, regs, map[string]string{"volatility_ist": memProfile}, nil)
		conf := writeConf(t, filepath.Join(dir, "mem"), entry)
		assert.Equal(t, procAddrs(fromQEMU.procs), libvmiProcs(t, mt, conf))
	})

	t.Run("libvmi and guestrace list the same processes from a System.map entry", func(t *testing.T) {
		// The lab's kallsyms, dumped from a boot without KASLR, is its
		// System.map; the offsets are the full profile's.
		off, err := sysmap.Offsets(p)
		require.NoError(t, err)
		entry := labEntry(dump, regs, map[string]string{"sysmap": filepath.Join(g.LabDir, "kallsyms")}, map[string]uint64{
			"linux_tasks": off.Tasks, "linux_mm": off.MM, "linux_pid": off.PID, "linux_name": off.Name,
		})
		conf := writeConf(t, filepath.Join(dir, "sysmap"), entry)
		prof := readConf(t, conf, entry.Name)
		fromMap, err := sysmap.Load(prof.SysMap, prof.Linux)
		require.NoError(t, err)
		ours := viewOf(t, lt, fromMap, regs)
		assert.Equal(t, fromQEMU.slide, ours.slide)
		assert.Equal(t, fromQEMU.current, ours.current)
		assert.Equal(t, fromQEMU.procs, ours.procs, "parents included")
		// A second libvmi instance: its OS support is set up once.
		lt2, err := libvmi.Open(ctx, dump, libvmi.Options{File: true, RegsFile: regsFile, NoSignals: true})
		require.NoError(t, err)
		defer lt2.Close()
		got := libvmiProcs(t, lt2, conf)
		assert.Equal(t, procAddrs(fromQEMU.procs), got)
		assert.Equal(t, procAddrs(ours.procs), got)
	})
}

// labEntry is the libvmi.conf entry of the lab's dump: a Linux guest with
// the given profile keys, and its kernel page table.
func labEntry(dump string, regs []vmi.Regs, strs map[string]string, nums map[string]uint64) *libvmiconf.Entry {
	e := &libvmiconf.Entry{
		Name:    filepath.Base(dump),
		Strings: map[string]string{"ostype": "Linux", "pagemode": "VMI_PM_IA32E"},
		Numbers: map[string]uint64{"kpgd": regs[0].CR3 & 0x000f_ffff_ffff_e000},
	}
	maps.Copy(e.Strings, strs)
	maps.Copy(e.Numbers, nums)
	return e
}

// writeConf writes a libvmi.conf holding entry in a directory of its own.
func writeConf(t *testing.T, dir string, entry *libvmiconf.Entry) string {
	t.Helper()
	data, err := libvmiconf.Format(entry)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(dir, 0o755))
	conf := filepath.Join(dir, "libvmi.conf")
	require.NoError(t, os.WriteFile(conf, data, 0o644))
	return conf
}

// readConf reads an entry back with our parser.
func readConf(t *testing.T, conf, name string) libvmiconf.Profile {
	t.Helper()
	e, _, err := libvmiconf.FindIn([]string{conf}, name)
	require.NoError(t, err)
	prof, err := e.Profile()
	require.NoError(t, err)
	return prof
}

// libvmiProcs lists the tasks with libvmi's own OS support, as "pid name
// address" lines.
func libvmiProcs(t *testing.T, lt *libvmi.Target, conf string) []string {
	t.Helper()
	procs, err := lt.LibVMIProcesses(conf)
	require.NoError(t, err)
	var lines []string
	for _, pr := range procs {
		lines = append(lines, fmt.Sprintf("%d %s %#x", pr.PID, pr.Name, pr.Addr))
	}
	return lines
}

// procAddrs is procs as libvmiProcs lines.
func procAddrs(procs []linux.Process) []string {
	var lines []string
	for _, pr := range procs {
		lines = append(lines, fmt.Sprintf("%d %s %#x", pr.PID, pr.Name(), pr.Task))
	}
	return lines
}

func procLines(procs []linux.Process) []string {
	var s []string
	for _, p := range procs {
		s = append(s, fmt.Sprintf("%d %s", p.PID, p.Name()))
	}
	return s
}

func fileSize(t *testing.T, path string) uint64 {
	t.Helper()
	fi, err := os.Stat(path)
	require.NoError(t, err)
	return uint64(fi.Size())
}
