package windows_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	winos "github.com/guestrace/guestrace/pkg/guestos/windows"
	"github.com/guestrace/guestrace/pkg/guestos/windows/wintest"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/loop"
	oswindows "github.com/guestrace/guestrace/pkg/oses/windows"
	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/guestrace/guestrace/pkg/tracer"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// TestWindowsSyntheticGuest traces a synthetic Windows guest through the
// loop, the tracer and the text writer, as guestrace does: inputs print
// as they were at the call though the guest changes them before the
// return, in-out arguments print "[in => out]", warnings still show what
// the kernel wrote, a call the kernel makes itself is marked, a call
// without a row prints the service table's count of arguments, and a
// thread or process ending itself ends "= ?".
func TestWindowsSyntheticGuest(t *testing.T) {
	assert.Equal(t, strings.Join([]string{
		`[pid 6700/760 malware.exe] NtWriteFile(0x1c4, NULL, NULL, NULL, {Status=STATUS_SUCCESS, Information=4}, "MZ\220\0", 4, NULL, NULL) = STATUS_SUCCESS`,
		`[pid 6700/760 malware.exe] NtAllocateVirtualMemory(NtCurrentProcess(), [NULL => 0x1f0000], 0, [4660 => 8192], MEM_COMMIT|MEM_RESERVE, PAGE_READWRITE) = STATUS_SUCCESS`,
		`[pid 6700/760 malware.exe] NtProtectVirtualMemory(NtCurrentProcess(), [0x1f0000 => 0x1f0000], [8192 => 8192], PAGE_EXECUTE_READ, [PAGE_READWRITE|PAGE_GUARD]) = STATUS_SUCCESS`,
		`[pid 6700/760 malware.exe] NtReadVirtualMemory(0x1c8, 0x7ff612340000, "secret", 6, NULL) = STATUS_SUCCESS`,
		`[pid 6700/760 malware.exe] NtReadFile(0x1c4, NULL, NULL, NULL, {Status=STATUS_BUFFER_OVERFLOW, Information=16}, "0123456789abcdef", 16, NULL, NULL) = STATUS_BUFFER_OVERFLOW`,
		`[pid 6700/760 malware.exe] [kernel] NtOpenKey([0xffffffff80000124], KEY_READ, {Root=NULL, Name="\\Registry\\Machine\\SYSTEM", Attributes=OBJ_CASE_INSENSITIVE|OBJ_KERNEL_HANDLE}) = STATUS_SUCCESS`,
		`[pid 6700/760 malware.exe] NtCreateProfileEx(0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9, 0xa) = STATUS_ACCESS_DENIED`,
		`[pid 6700/760 malware.exe] NtDeviceIoControlFile(0x1d0, NULL, NULL, NULL, {Status=STATUS_SUCCESS, Information=8}, IOCTL_STORAGE_QUERY_PROPERTY, "request!", 8, "response", 8) = STATUS_SUCCESS`,
		`[pid 6700/760 malware.exe] NtTerminateThread(NtCurrentThread(), 259) = ?`,
		`[pid 6700/760 malware.exe] NtTerminateProcess(NtCurrentProcess(), 1) = ?`,
		``}, "\n"), windowsTrace(t, tracer.Config{}))
}

// TestWindowsModeFilter: -e mode=user leaves out the calls the kernel
// makes itself, mode=kernel keeps only them.
func TestWindowsModeFilter(t *testing.T) {
	user := windowsTrace(t, tracer.Config{Mode: tracer.ModeUser})
	assert.NotContains(t, user, "[kernel]")
	assert.Contains(t, user, "NtWriteFile(")
	assert.Equal(t, 9, strings.Count(user, "\n"))
	kernel := windowsTrace(t, tracer.Config{Mode: tracer.ModeKernel})
	assert.Equal(t, 1, strings.Count(kernel, "\n"))
	assert.Contains(t, kernel, "[kernel] NtOpenKey(")
}

// windowsTrace runs the script of TestWindowsSyntheticGuest with cfg and
// returns the text trace.
func windowsTrace(t *testing.T, cfg tracer.Config) string {
	t.Helper()
	g, tg, w, th, top := syntheticWindows(t)
	call := func(fn string, args ...uint64) wintest.Step {
		a, ok := w.Symbol(fn)
		require.True(t, ok, fn)
		return g.Call(0, top, a, args...)
	}
	const (
		self           = ^uint64(0) // NtCurrentProcess()
		thisThread     = ^uint64(1) // NtCurrentThread()
		bufferOverflow = 0x80000005
	)
	iosb := g.UserAlloc(16)
	data := g.UserAlloc(16)
	g.WriteVirt(data, []byte("MZ\x90\x00"))
	write := call("NtWriteFile", 0x1c4, 0, 0, 0, iosb, data, 4, 0, 0)

	base, size, old := g.UserAlloc(8), g.UserAlloc(8), g.UserAlloc(8)
	g.Put64(size, 0x1234)
	alloc := call("NtAllocateVirtualMemory", self, base, 0, size, 0x3000, 0x4)
	protect := call("NtProtectVirtualMemory", self, base, size, 0x20, old)

	remote := g.UserAlloc(16)
	readVM := call("NtReadVirtualMemory", 0x1c8, 0x7ff612340000, remote, 6, 0)

	out := g.UserAlloc(16)
	readFile := call("NtReadFile", 0x1c4, 0, 0, 0, iosb, out, 16, 0, 0)

	keyOut := g.UserAlloc(8)
	oa := g.ObjectAttributes(0, `\Registry\Machine\SYSTEM`, 0x240)
	openKey := call("NtOpenKey", keyOut, 0x20019, oa)

	raw := call("NtCreateProfileEx", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)

	// METHOD_BUFFERED: the driver writes its output over the input.
	io := g.UserAlloc(16)
	g.WriteVirt(io, []byte("request!"))
	ioctl := call("NtDeviceIoControlFile", 0x1d0, 0, 0, 0, iosb, 0x2d1400, io, 8, io, 8)

	tg.Script = []wintest.Step{
		write,
		wintest.Return(write, 0, func() {
			g.Put64(iosb, 0)
			g.Put64(iosb+8, 4)
			g.WriteVirt(data, []byte("XXXX")) // the caller reuses its buffer
		}),
		alloc,
		wintest.Return(alloc, 0, func() {
			g.Put64(base, 0x1f0000)
			g.Put64(size, 0x2000)
		}),
		protect,
		wintest.Return(protect, 0, func() { g.Put32(old, 0x104) }),
		readVM,
		wintest.Return(readVM, 0, func() { g.WriteVirt(remote, []byte("secret")) }),
		readFile,
		wintest.Return(readFile, bufferOverflow, func() {
			g.Put64(iosb, bufferOverflow)
			g.Put64(iosb+8, 16)
			g.WriteVirt(out, []byte("0123456789abcdef"))
		}),
		{VCPU: -1, Before: func() { g.SetKernelMode(th, true) }},
		openKey,
		wintest.Return(openKey, 0, func() { g.Put64(keyOut, 0xffffffff80000124) }), // a kernel handle,
		{VCPU: -1, Before: func() { g.SetKernelMode(th, false) }},
		raw,
		wintest.Return(raw, 0xc0000022, nil),
		ioctl,
		wintest.Return(ioctl, 0, func() {
			g.Put64(iosb, 0)
			g.Put64(iosb+8, 8)
			g.WriteVirt(io, []byte("response"))
		}),
		call("NtTerminateThread", thisThread, 259),
		call("NtTerminateProcess", self, 1),
	}

	l, err := loop.NewWithOS(tg, w)
	require.NoError(t, err)
	var buf bytes.Buffer
	tr := tracer.NewConfig(l, output.NewText(&buf, printers.Options{}), cfg)
	_, err = tr.Instrument(w.Syscalls(), nil, oswindows.Table)
	require.NoError(t, err)
	require.ErrorIs(t, tr.Run(context.Background()), vmi.ErrGuestGone)
	require.NoError(t, tr.Close())
	assert.Zero(t, tr.Counts().Unfinished, "a call that ends its caller is not lost")
	return buf.String()
}

// syntheticWindows is a synthetic Windows 10 guest with one thread of
// malware.exe running on vCPU 0: the guest, its target, the attached OS
// layer, the thread and the top of its stack.
func syntheticWindows(t *testing.T) (*wintest.Guest, *wintest.Target, *winos.Windows, uint64, uint64) {
	t.Helper()
	p, err := isf.Load("../../guestos/windows/testdata/win10-19041-x64.json")
	require.NoError(t, err)
	g, err := wintest.New(p, 1)
	require.NoError(t, err)
	tg := wintest.NewTarget(g, 1)
	w, err := winos.Attach(tg, p)
	require.NoError(t, err)
	proc := g.Process(0x1a2c, "malware.exe")
	th, top := g.Thread(proc, 0x1a2c, 0x2f8)
	g.SetCurrent(0, th)
	return g, tg, w, th, top
}

// TestNestedKernelCall: a kernel-mode NtOpenKey made by a driver inside a
// user's NtCreateFile, on the same thread, prints with its own return
// and the [kernel] mark, and the outer call still gets its return.
func TestNestedKernelCall(t *testing.T) {
	g, tg, w, th, top := syntheticWindows(t)
	fn := func(name string) uint64 {
		a, ok := w.Symbol(name)
		require.True(t, ok, name)
		return a
	}
	handle, iosb, keyOut := g.UserAlloc(8), g.UserAlloc(16), g.UserAlloc(8)
	fileOA := g.ObjectAttributes(0, `\??\C:\x.txt`, 0x40)
	keyOA := g.ObjectAttributes(0, `\Registry\Machine\SYSTEM`, 0x240)
	outer := g.Call(0, top, fn("NtCreateFile"), handle, 0x80100080, fileOA, iosb, 0, 0x80, 1, 1, 0x60, 0, 0)
	inner := g.Call(0, top-0x800, fn("NtOpenKey"), keyOut, 0x20019, keyOA) // deeper on the same stack
	tg.Script = []wintest.Step{
		outer,
		{VCPU: -1, Before: func() { g.SetKernelMode(th, true) }},
		inner,
		wintest.Return(inner, 0, func() { g.Put64(keyOut, 0xffffffff80000124) }),
		{VCPU: -1, Before: func() { g.SetKernelMode(th, false) }},
		wintest.Return(outer, 0, func() {
			g.Put64(handle, 0x1c4)
			g.Put64(iosb, 0)
			g.Put64(iosb+8, 2)
		}),
	}
	l, err := loop.NewWithOS(tg, w)
	require.NoError(t, err)
	var buf bytes.Buffer
	tr := tracer.New(l, output.NewText(&buf, printers.Options{Column: -1}))
	_, err = tr.Instrument(w.Syscalls(), nil, oswindows.Table)
	require.NoError(t, err)
	require.ErrorIs(t, tr.Run(context.Background()), vmi.ErrGuestGone)
	require.NoError(t, tr.Close())
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	require.Len(t, lines, 3, buf.String())
	assert.Regexp(t, `^\[pid 6700/760 malware\.exe\] NtCreateFile\(.* <unfinished \.\.\.>$`, lines[0])
	assert.Regexp(t, `^\[pid 6700/760 malware\.exe\] \[kernel\] NtOpenKey\(\[0xffffffff80000124\], KEY_READ, .*\) = STATUS_SUCCESS$`, lines[1])
	assert.Regexp(t, `^\[pid 6700/760 malware\.exe\] <\.\.\. NtCreateFile resumed>.*\) = STATUS_SUCCESS$`, lines[2])
	assert.Equal(t, uint64(0), tr.Counts().Unfinished)
}
