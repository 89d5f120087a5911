package windows_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/guestos"
	winos "github.com/guestrace/guestrace/pkg/guestos/windows"
	"github.com/guestrace/guestrace/pkg/guestos/windows/wintest"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/loop"
	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/guestrace/guestrace/pkg/printers/windows"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// pending is a call between its entry and its return.
type pending struct {
	prefix string
	line   []byte
	args   *windows.Args
}

// TestTraceSyntheticGuest drives the loop over a synthetic Windows 10
// guest: breakpoints on the Nt functions of its service table, calls on
// two vCPUs that interleave, arguments from registers and the stack, and
// results the kernel writes before returning.
func TestTraceSyntheticGuest(t *testing.T) {
	p, err := isf.Load("../../guestos/windows/testdata/win10-19041-x64.json")
	require.NoError(t, err)
	g, err := wintest.New(p, 2)
	require.NoError(t, err)
	tg := wintest.NewTarget(g, 2)
	w, err := winos.Attach(tg, p)
	require.NoError(t, err)

	mal := g.Process(0x1a2c, "malware.exe")
	th0, top0 := g.Thread(mal, 0x1a2c, 0x2f8)
	g.SetCurrent(0, th0)
	svc := g.Process(0x3e8, "svchost.exe")
	th1, top1 := g.Thread(svc, 0x3e8, 0x4d0)
	g.SetCurrent(1, th1)

	entry := func(vcpu int, top uint64, fn string, args ...uint64) wintest.Step {
		a, _ := w.Symbol(fn)
		return g.Call(vcpu, top, a, args...)
	}
	exit := wintest.Return

	hOut := g.UserAlloc(8)
	iosb := g.UserAlloc(16)
	oa := g.ObjectAttributes(0, `\??\C:\Users\analyst\AppData\Roaming\payload.dll`, 0x40)
	create := entry(0, top0, "NtCreateFile", hOut, 0x40100080 /* GENERIC_WRITE|SYNCHRONIZE|FILE_READ_ATTRIBUTES */, oa, iosb,
		0, 0x80, 0, 5 /* FILE_OVERWRITE_IF */, 0x60, 0, 0)
	closeBad := entry(1, top1, "NtClose", 0x44)
	data := g.UserAlloc(16)
	g.WriteVirt(data, []byte("MZ\x90\x00\x03\x00\x00\x00"))
	write := entry(0, top0, "NtWriteFile", 0x1c4, 0, 0, 0, iosb, data, 8, 0, 0)

	tg.Script = []wintest.Step{
		create,
		closeBad,
		exit(closeBad, 0xc0000008, nil),
		exit(create, 0, func() {
			g.Put64(hOut, 0x1c4)
			g.Put64(iosb, 0)
			g.Put64(iosb+8, 2) // FILE_CREATED
			// The callee reused its stack parameter slots: what was
			// captured at the call still prints.
			for i := uint64(0); i < 7; i++ {
				g.Put64(create.Regs.RSP+0x28+8*i, 0xdeadbeef)
			}
		}),
		write,
		exit(write, 0, func() { g.Put64(iosb+8, 8) }),
	}

	l, err := loop.NewWithOS(tg, w)
	require.NoError(t, err)
	o := &printers.Options{}
	var lines []string
	onCall := func(s *loop.State, ud any) any {
		row := ud.(*windows.Syscall)
		a := new(windows.Args)
		require.NoError(t, s.OS().(guestos.ArgsReader).ArgsN(s.Regs(), a[:row.NArgs()]))
		// The column of " = " counts from after the prefix, as strace's
		// does from the start of its line.
		prefix := fmt.Sprintf("[pid %d/%d %s] ", s.Thread.PID, s.Thread.TID, s.Thread.Name())
		return &pending{prefix: prefix, line: row.EnterArgs(nil, a, s, o), args: a}
	}
	onReturn := func(s *loop.State, data, ud any) {
		c := data.(*pending)
		lines = append(lines, c.prefix+string(ud.(*windows.Syscall).ExitArgs(c.line, c.args, s.ReturnValue(), s, o)))
	}
	n := 0
	for _, sc := range w.Syscalls() {
		row, ok := windows.Lookup(sc.Name)
		if !ok {
			continue
		}
		placed, err := l.SetCallback(sc.Symbol, onCall, onReturn, row)
		require.NoError(t, err)
		require.True(t, placed)
		n++
	}
	assert.Equal(t, 19, n, "every service of the fixture but NtCreateProfileEx has a row")

	err = l.Run(context.Background())
	require.ErrorIs(t, err, vmi.ErrGuestGone)
	assert.Equal(t, []string{
		"[pid 1000/1232 svchost.exe] NtClose(0x44)                            = STATUS_INVALID_HANDLE",
		`[pid 6700/760 malware.exe] NtCreateFile([0x1c4], FILE_READ_ATTRIBUTES|SYNCHRONIZE|GENERIC_WRITE, {Root=NULL, Name="\\??\\C:\\Users\\analyst\\AppData\\Roaming\\payload.dll", Attributes=OBJ_CASE_INSENSITIVE}, {Status=STATUS_SUCCESS, Information=FILE_CREATED}, NULL, FILE_ATTRIBUTE_NORMAL, 0, FILE_OVERWRITE_IF, FILE_SYNCHRONOUS_IO_NONALERT|FILE_NON_DIRECTORY_FILE, NULL, 0) = STATUS_SUCCESS`,
		`[pid 6700/760 malware.exe] NtWriteFile(0x1c4, NULL, NULL, NULL, {Status=STATUS_SUCCESS, Information=8}, "MZ\220\0\3\0\0\0", 8, NULL, NULL) = STATUS_SUCCESS`,
	}, lines)
	assert.Equal(t, loop.Stats{Calls: 3, Returns: 3, Stops: 6}, l.Stats())
	require.NoError(t, l.Close())
}
