package windows_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/windows"
	"github.com/guestrace/guestrace/pkg/guestos/windows/wintest"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/vmi"
)

const fixture = "testdata/win10-19041-x64.json"

func profile(t testing.TB) *isf.Profile {
	t.Helper()
	p, err := isf.Load(fixture)
	require.NoError(t, err)
	return p
}

func guest(t testing.TB, p *isf.Profile) (*wintest.Guest, *wintest.Target) {
	t.Helper()
	g, err := wintest.New(p, 2)
	require.NoError(t, err)
	return g, wintest.NewTarget(g, 2)
}

func TestAttachFindsKernelThroughIDT(t *testing.T) {
	p := profile(t)
	_, tg := guest(t, p)
	// Both vCPUs in user mode: only the IDT, through the swapped GS base,
	// leads to the kernel. The handler sits past the discarded pages.
	for i := range tg.VCPU {
		r := &tg.VCPU[i]
		r.KernelGSBase, r.GSBase = r.GSBase, 0x7ff6000
		r.RIP, r.CS = 0x7ff712340000, 0x33
	}
	w, err := windows.Attach(tg, p)
	require.NoError(t, err)
	assert.Equal(t, uint64(wintest.KernelBase), w.Base())
	assert.Equal(t, uint64(wintest.KernelBase), w.Slide())
	guid, age, name := w.PDB()
	assert.Equal(t, "9E1F6F3A2B4C4D5E8F60718293A4B5C6", guid)
	assert.Equal(t, uint32(1), age)
	assert.Equal(t, "ntkrnlmp.pdb", name)
	assert.Equal(t, "10.0.19041", w.Release())
	assert.Equal(t, guestos.Windows, w.Type())
	a, ok := w.Symbol("NtCreateFile")
	require.True(t, ok)
	assert.Equal(t, uint64(wintest.KernelBase+0x101000), a)
	_, ok = w.Symbol("NtNoSuchCall")
	assert.False(t, ok)
}

func TestAttachFromKernelRIPAlone(t *testing.T) {
	p := profile(t)
	_, tg := guest(t, p)
	delete(p.UserTypes["_KPCR"].Fields, "IdtBase")
	tg.VCPU[0].RIP = wintest.KernelBase + 0x7ffff0 // last page, past the hole
	tg.VCPU[1].RIP = 0x7ff712340000
	w, err := windows.Attach(tg, p)
	require.NoError(t, err)
	assert.Equal(t, uint64(wintest.KernelBase), w.Base())
}

func TestSyscallsFromServiceTable(t *testing.T) {
	p := profile(t)
	_, tg := guest(t, p)
	w, err := windows.Attach(tg, p)
	require.NoError(t, err)
	var names []string
	for _, s := range w.Syscalls() {
		assert.Equal(t, 4+int(wintest.StackArgs[s.Name]), s.NArgs, s.Name)
		assert.Equal(t, windows.ABINT, s.ABI)
		assert.Equal(t, s.Name, s.Symbol)
		a, _ := w.Symbol(s.Name)
		assert.Equal(t, a, s.Addr)
		names = append(names, s.Name)
	}
	// Nt* variables (NtBuildNumber, NtGlobalFlag) are not services.
	assert.Equal(t, []string{"NtAllocateVirtualMemory", "NtClose", "NtCreateFile", "NtCreateProfileEx",
		"NtCreateThreadEx", "NtDeleteFile", "NtDeviceIoControlFile", "NtOpenFile", "NtOpenKey", "NtOpenKeyEx",
		"NtOpenProcess", "NtProtectVirtualMemory", "NtQuerySystemTime", "NtReadFile", "NtReadVirtualMemory",
		"NtSetValueKey", "NtTerminateProcess", "NtTerminateThread", "NtWriteFile", "NtWriteVirtualMemory"}, names)
}

func TestAttachRejects(t *testing.T) {
	t.Run("other PDB", func(t *testing.T) {
		p := profile(t)
		g, tg := guest(t, p)
		guid := append([]byte(nil), g.GUID...)
		guid[15] ^= 1
		g.WritePE(guid, g.Age, "ntkrnlmp.pdb")
		_, err := windows.Attach(tg, p)
		require.ErrorIs(t, err, guestos.ErrProfileMismatch)
		assert.Contains(t, err.Error(), "was built with ntkrnlmp.pdb 9E1F6F3A2B4C4D5E8F60718293A4B5C7/1; the profile is for ntkrnlmp.pdb 9E1F6F3A2B4C4D5E8F60718293A4B5C6/1")
	})
	t.Run("other age", func(t *testing.T) {
		p := profile(t)
		g, tg := guest(t, p)
		g.WritePE(g.GUID, 2, "ntkrnlmp.pdb")
		_, err := windows.Attach(tg, p)
		require.ErrorIs(t, err, guestos.ErrProfileMismatch)
	})
	t.Run("no PDB in profile, not a kernel", func(t *testing.T) {
		p := profile(t)
		p.Metadata.Windows = json.RawMessage(`{"pe": {"major": 10, "minor": 0, "revision": 19041}}`)
		g, tg := guest(t, p)
		g.WritePE(g.GUID, 1, "tcpip.pdb")
		_, err := windows.Attach(tg, p)
		require.ErrorIs(t, err, guestos.ErrProfileMismatch)
		assert.Contains(t, err.Error(), "is tcpip.pdb")
	})
	t.Run("no PDB in profile, a kernel", func(t *testing.T) {
		p := profile(t)
		p.Metadata.Windows = json.RawMessage(`{}`)
		_, tg := guest(t, p)
		w, err := windows.Attach(tg, p)
		require.NoError(t, err)
		assert.Equal(t, "build 19041", w.Release())
	})
	t.Run("linux profile", func(t *testing.T) {
		p := profile(t)
		p.Metadata.Windows = nil
		p.Metadata.Linux = &isf.UnixMetadata{}
		_, tg := guest(t, p)
		_, err := windows.Attach(tg, p)
		require.ErrorIs(t, err, guestos.ErrProfileMismatch)
		assert.EqualError(t, err, "profile does not match the running guest: profile is for linux, not windows")
	})
	t.Run("missing field", func(t *testing.T) {
		p := profile(t)
		delete(p.UserTypes["_ETHREAD"].Fields, "Cid")
		_, tg := guest(t, p)
		_, err := windows.Attach(tg, p)
		assert.EqualError(t, err, "profile does not match the running guest: profile lacks _ETHREAD.Cid")
	})
	t.Run("no header", func(t *testing.T) {
		p := profile(t)
		g, tg := guest(t, p)
		g.WriteVirt(wintest.KernelBase, []byte("XX"))
		_, err := windows.Attach(tg, p)
		require.ErrorIs(t, err, guestos.ErrProfileMismatch)
		assert.Contains(t, err.Error(), "no PE image header within 32 MiB below 0xfffff8034b3f0010")
	})
	t.Run("no kernel address", func(t *testing.T) {
		p := profile(t)
		_, tg := guest(t, p)
		for i := range tg.VCPU {
			tg.VCPU[i] = vmi.Regs{RIP: 0x401000}
		}
		_, err := windows.Attach(tg, p)
		require.ErrorIs(t, err, guestos.ErrProfileMismatch)
	})
}

func attached(t *testing.T) (*wintest.Guest, *wintest.Target, *windows.Windows) {
	t.Helper()
	p := profile(t)
	g, tg := guest(t, p)
	w, err := windows.Attach(tg, p)
	require.NoError(t, err)
	return g, tg, w
}

func TestCurrent(t *testing.T) {
	for _, viaApcState := range []bool{false, true} {
		p := profile(t)
		if viaApcState {
			delete(p.UserTypes["_KTHREAD"].Fields, "Process")
		}
		g, tg := guest(t, p)
		w, err := windows.Attach(tg, p)
		require.NoError(t, err)
		proc := g.Process(0x1a2c, "malware.exe-with-a-long-name")
		th, _ := g.Thread(proc, 0x1a2c, 0x2f8)
		g.SetCurrent(1, th)
		regs := g.Regs(1)
		var cur guestos.Thread
		require.NoError(t, w.Current(&regs, &cur))
		assert.Equal(t, uint32(0x1a2c), cur.PID)
		assert.Equal(t, uint32(0x2f8), cur.TID)
		assert.Equal(t, th, cur.Key)
		assert.Equal(t, "malware.exe-wit", string(cur.Name()), "ImageFileName keeps 15 bytes")
		assert.False(t, cur.KernelMode)

		// A driver's Zw* call: KTHREAD.PreviousMode is KernelMode.
		g.SetKernelMode(th, true)
		require.NoError(t, w.Current(&regs, &cur))
		assert.True(t, cur.KernelMode)
		assert.Equal(t, uint32(0x2f8), cur.TID)
		g.SetKernelMode(th, false)

		// In user mode the KPCR is in the swapped GS base.
		regs.KernelGSBase, regs.GSBase = regs.GSBase, 0x10000
		require.NoError(t, w.Current(&regs, &cur))
		assert.Equal(t, uint32(0x2f8), cur.TID)

		// No thread on the vCPU: an error, not a zero thread.
		g.SetCurrent(0, 0)
		regs = g.Regs(0)
		assert.ErrorIs(t, w.Current(&regs, &cur), guestos.ErrBadGuestData)
		regs.GSBase, regs.KernelGSBase = 0, 0
		assert.ErrorIs(t, w.Current(&regs, &cur), guestos.ErrBadGuestData)
	}
}

func TestArgs(t *testing.T) {
	g, _, w := attached(t)
	_, top := g.Thread(g.Process(4, "System"), 4, 8)
	rsp := top - 0x100
	g.Put64(rsp, 0xfffff8034ac12345) // return address
	for i := uint64(0); i < 13; i++ {
		g.Put64(rsp+0x28+8*i, 0x500+i)
	}
	regs := g.Regs(0)
	regs.RSP, regs.RCX, regs.RDX, regs.R8, regs.R9 = rsp, 1, 2, 3, 4
	var six [6]uint64
	require.NoError(t, w.Args(&regs, &six))
	assert.Equal(t, [6]uint64{1, 2, 3, 4, 0x500, 0x501}, six)
	all := make([]uint64, guestos.MaxArgs)
	require.NoError(t, w.ArgsN(&regs, all))
	assert.Equal(t, []uint64{1, 2, 3, 4, 0x500, 0x501, 0x502, 0x503, 0x504, 0x505, 0x506, 0x507, 0x508, 0x509, 0x50a, 0x50b, 0x50c}, all)
	ret, err := w.ReturnAddress(&regs)
	require.NoError(t, err)
	assert.Equal(t, uint64(0xfffff8034ac12345), ret)

	// A stack running into an unmapped page: what was read is kept.
	regs.RSP = wintest.PoolBase + 0x200000 - 0x40
	all = make([]uint64, 11)
	err = w.ArgsN(&regs, all)
	require.ErrorIs(t, err, guestos.ErrUnmapped)
	assert.Equal(t, []uint64{1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0}, all)

	regs.RAX = 0xffffffffc0000034 // STATUS_OBJECT_NAME_NOT_FOUND
	assert.Equal(t, int64(-0x3fffffcc), w.ReturnValue(&regs))
	regs.RAX = 0x12300000103 // STATUS_PENDING, garbage above eax
	assert.Equal(t, int64(0x103), w.ReturnValue(&regs))
}
