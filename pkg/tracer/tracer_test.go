package tracer

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/guestostest"
	"github.com/guestrace/guestrace/pkg/loop"
	"github.com/guestrace/guestrace/pkg/oses"
	oslinux "github.com/guestrace/guestrace/pkg/oses/linux"
	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/guestrace/guestrace/pkg/vmi"
	"github.com/guestrace/guestrace/pkg/vmi/vmitest"
)

// testTable knows "close" (one argument) and "exit" (never returns).
type testTable struct{}

type testRow struct {
	name     string
	noReturn bool
}

func (r *testRow) Enter(b []byte, a *output.Args, _ *printers.CallState, _ printers.Mem, _ *printers.Options) []byte {
	b = append(b, r.name+"("...)
	return strconv.AppendUint(b, a[0], 10)
}

func (r *testRow) Exit(b []byte, _ *output.Args, _ *printers.CallState, ret int64, _ printers.Mem, _ *printers.Options) []byte {
	if r.noReturn {
		return append(b, ") = ?"...)
	}
	return strconv.AppendInt(append(b, ") = "...), ret, 10)
}

func (r *testRow) NoReturn() bool { return r.noReturn }

func (r *testRow) AppendError(b []byte, ret int64) ([]byte, bool) {
	return append(b, "E"...), ret < 0
}

func (testTable) Lookup(sc *guestos.Syscall) (output.Decoder, bool) {
	switch sc.Name {
	case "close":
		return &testRow{name: "close"}, true
	case "exit":
		return &testRow{name: "exit", noReturn: true}, true
	}
	return nil, false
}

func (testTable) Raw(sc *guestos.Syscall) output.Decoder { return &testRow{name: "raw_" + sc.Name} }

func (testTable) Known(name string) bool { return name == "close" || name == "exit" }

func (testTable) CallName(sc *guestos.Syscall) string { return sc.Name }

const (
	fnClose = 0xffffffff81000100
	fnExit  = 0xffffffff81000200
	fnOther = 0xffffffff81000300
	fnSkip  = 0xffffffff81000400
	retSite = 0xffffffff81000f00
	rsp     = 0xffffc90000003f58
)

func ev(addr, tid, rdi, rax, sp uint64) vmi.Event {
	return vmi.Event{Addr: addr, Regs: vmi.Regs{RIP: addr, RSP: sp, RDI: rdi, RAX: rax, R15: tid, R14: 40, R13: tid, R12: retSite}}
}

func TestTracerPrintsCallsAndDetaches(t *testing.T) {
	calls := []guestos.Syscall{
		{Name: "close", Symbol: "__x64_sys_close", Addr: fnClose, ABI: "x64"},
		{Name: "exit", Symbol: "__x64_sys_exit", Addr: fnExit, ABI: "x64"},
		{Name: "newcall", Symbol: "__x64_sys_newcall", Addr: fnOther, ABI: "x64"},
		{Name: "skipped", Symbol: "__x64_sys_skipped", Addr: fnSkip, ABI: "x64"},
	}
	syms := map[string]uint64{}
	for _, c := range calls {
		syms[c.Symbol] = c.Addr
	}
	script := vmitest.NewScript(
		ev(fnClose, 41, 3, 0, rsp),
		ev(retSite, 41, 0, 0, rsp+8),
		ev(fnSkip, 41, 0, 0, rsp), // not asked for: no breakpoint, never seen
		ev(fnOther, 42, 7, 0, rsp),
		ev(fnExit, 41, 1, 0, rsp),
		ev(fnClose, 43, 5, 0, rsp), // still in close at detach
	)
	script.Blocked = make(chan struct{})
	blocked := script.Blocked
	l, err := loop.NewWithOS(script, &guestostest.RegsOS{Syms: syms, Comm: "w"})
	require.NoError(t, err)
	var out bytes.Buffer
	tr := New(l, output.NewText(&out, printers.Options{}))
	n, err := tr.Instrument(calls, func(sc *guestos.Syscall) bool { return sc.Name != "skipped" }, testTable{})
	require.NoError(t, err)
	assert.Equal(t, 3, n)

	done := make(chan error, 1)
	go func() { done <- tr.Run(context.Background()) }()
	<-blocked
	l.Quit()
	require.NoError(t, <-done)
	require.NoError(t, tr.Close())
	// Calls in progress at detach are reported in thread order.
	assert.Equal(t, ""+
		"[pid 40/41 w] close(3) = 0\n"+
		"[pid 40/42 w] raw_newcall(7 <unfinished ...>\n"+
		"[pid 40/41 w] exit(1) = ?\n"+
		"[pid 40/43 w] close(5 <unfinished ...>\n"+
		"[pid 40/42 w] <... newcall resumed> <detached ...>\n"+
		"[pid 40/43 w] <... close resumed> <detached ...>\n",
		out.String())
	assert.Equal(t, output.Counts{Calls: 4, Returns: 1, Unfinished: 2}, tr.Counts())
	assert.True(t, script.Closed)
}

// evPID is ev for a thread of process pid.
func evPID(addr, pid, tid, rdi, rax, sp uint64) vmi.Event {
	e := ev(addr, tid, rdi, rax, sp)
	e.Regs.R14 = pid
	return e
}

// runScript traces the events with cfg and returns the trace and tracer.
func runScript(t *testing.T, cfg Config, print bool, events ...vmi.Event) (string, *Tracer) {
	t.Helper()
	os := &guestostest.RegsOS{Syms: map[string]uint64{"__x64_sys_close": fnClose}, Comm: "w"}
	return runScriptOS(t, os, testTable{}, cfg, print, printers.Options{}, events...)
}

// runScriptOS is runScript with an OS, a table and printing options.
func runScriptOS(t *testing.T, os guestos.OS, table oses.Table, cfg Config, print bool, opts printers.Options, events ...vmi.Event) (string, *Tracer) {
	t.Helper()
	calls := []guestos.Syscall{{Name: "close", Symbol: "__x64_sys_close", Addr: fnClose, ABI: "x64"}}
	script := vmitest.NewScript(events...)
	script.Blocked = make(chan struct{})
	blocked := script.Blocked // (Wait sets the field to nil when it closes it)
	l, err := loop.NewWithOS(script, os)
	require.NoError(t, err)
	var out bytes.Buffer
	var w output.Writer
	if print {
		w = output.NewText(&out, opts)
	}
	tick := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	cfg.Now = func() time.Time { tick = tick.Add(time.Millisecond); return tick }
	tr := NewConfig(l, w, cfg)
	_, err = tr.Instrument(calls, nil, table)
	require.NoError(t, err)
	done := make(chan error, 1)
	go func() { done <- tr.Run(context.Background()) }()
	<-blocked
	l.Quit()
	require.NoError(t, <-done)
	require.NoError(t, tr.Close())
	return out.String(), tr
}

// TestProcessFilters: only the threads of the processes asked for are
// printed and counted; the others' returns are not mistaken for theirs.
func TestProcessFilters(t *testing.T) {
	events := []vmi.Event{
		evPID(fnClose, 40, 41, 3, 0, rsp),
		evPID(fnClose, 50, 51, 4, 0, rsp), // another process, same stack
		evPID(retSite, 50, 51, 0, 0, rsp+8),
		evPID(retSite, 40, 41, 0, 0, rsp+8),
		evPID(fnClose, 60, 60, 5, 0, rsp), // thread id 60 asked for
		evPID(retSite, 60, 60, 0, 0, rsp+8),
	}
	out, tr := runScript(t, Config{PIDs: []uint32{40, 60}}, true, events...)
	// The call left out does not split the line of the one around it.
	assert.Equal(t, ""+
		"[pid 40/41 w] close(3) = 0\n"+
		"[pid 60/60 w] close(5) = 0\n", out)
	assert.Equal(t, output.Counts{Calls: 2, Returns: 2}, tr.Counts())
	assert.Equal(t, uint64(1), tr.Skipped())

	out, tr = runScript(t, Config{Comms: []string{"w"}}, true, events...)
	assert.Equal(t, uint64(0), tr.Skipped())
	assert.Contains(t, out, "[pid 50/51 w] close(4) = 0\n")
	out, tr = runScript(t, Config{Comms: []string{"x"}}, true, events...)
	assert.Empty(t, out)
	assert.Equal(t, uint64(3), tr.Skipped())
}

// TestSummaryCounts: -c counts each call at its return, its errors and
// the time from call to return, with or without a trace printed.
func TestSummaryCounts(t *testing.T) {
	events := []vmi.Event{
		evPID(fnClose, 40, 41, 3, 0, rsp),
		evPID(retSite, 40, 41, 0, 0, rsp+8),
		evPID(fnClose, 40, 41, 9, 0, rsp),
		evPID(retSite, 40, 41, 0, ^uint64(8), rsp+8), // -9: EBADF
		evPID(fnClose, 40, 42, 4, 0, rsp),            // in progress at detach
	}
	for _, print := range []bool{false, true} {
		out, tr := runScript(t, Config{Summary: true}, print, events...)
		assert.Equal(t, []output.SummaryRow{{Name: "close", Calls: 2, Errors: 1, Time: 2 * time.Millisecond}}, tr.Summary())
		assert.Equal(t, output.Counts{Calls: 3, Returns: 2, Unfinished: 1}, tr.Counts())
		if print {
			assert.Contains(t, out, "close(9) = -9\n")
		} else {
			assert.Empty(t, out)
		}
	}
}

// TestCallsOnly: --silent places no return breakpoints and counts calls.
func TestCallsOnly(t *testing.T) {
	_, tr := runScript(t, Config{CallsOnly: true},
		false, evPID(fnClose, 40, 41, 3, 0, rsp), evPID(fnClose, 40, 41, 4, 0, rsp))
	assert.Equal(t, map[string]uint64{"close": 2}, tr.CallCounts())
	assert.Equal(t, output.Counts{Calls: 2}, tr.Counts())
}

// frameOS reads a call's number from rax and its stack pointer from rsp,
// as guestos.SyscallFrameReader.
type frameOS struct{ guestostest.RegsOS }

func (frameOS) SyscallFrame(r *vmi.Regs) (nr, sp uint64, err error) { return r.RAX, r.RSP, nil }

// TestFrameReachesTheDecoder: the number the tracer reads at a call of
// sys_ni_syscall names the line, on the entry and after a call of
// another thread came between entry and return.
func TestFrameReachesTheDecoder(t *testing.T) {
	calls := []guestos.Syscall{
		{Name: "ni_syscall", Symbol: "__x64_sys_ni_syscall", Addr: fnOther, ABI: "x64"},
		{Name: "close", Symbol: "__x64_sys_close", Addr: fnClose, ABI: "x64"},
	}
	script := vmitest.NewScript(
		ev(fnOther, 41, 1, 183, rsp), // afs_syscall
		ev(fnClose, 42, 3, 0, rsp),
		ev(retSite, 42, 0, 0, rsp+8),
		ev(retSite, 41, 0, ^uint64(37), rsp+8), // -ENOSYS
	)
	script.Gone = true
	os := &frameOS{guestostest.RegsOS{Syms: map[string]uint64{"__x64_sys_ni_syscall": fnOther, "__x64_sys_close": fnClose}, Comm: "w"}}
	l, err := loop.NewWithOS(script, os)
	require.NoError(t, err)
	var out bytes.Buffer
	tr := New(l, output.NewText(&out, printers.Options{}))
	_, err = tr.Instrument(calls, nil, oslinux.Table)
	require.NoError(t, err)
	require.ErrorIs(t, tr.Run(context.Background()), vmi.ErrGuestGone)
	require.NoError(t, tr.Close())
	assert.Equal(t, ""+
		"[pid 40/41 w] afs_syscall(0x1, 0, 0, 0, 0 <unfinished ...>\n"+
		"[pid 40/42 w] close(3)                                = 0\n"+
		"[pid 40/41 w] <... afs_syscall resumed>)              = -1 ENOSYS (Function not implemented)\n",
		out.String())
}

// TestKeepSubcalls: i386's socketcall selected for socket prints its
// socket calls, by that name, and drops its connect calls.
func TestKeepSubcalls(t *testing.T) {
	calls := []guestos.Syscall{{Name: "socketcall", Symbol: "__ia32_compat_sys_socketcall", Addr: fnOther, ABI: "compat"}}
	args := []byte{2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0} // AF_INET, SOCK_DGRAM, 0
	script := vmitest.NewScript(
		ev(fnOther, 41, 3, 0, rsp), // SYS_CONNECT
		ev(retSite, 41, 0, 0, rsp+8),
		ev(fnOther, 41, 1, 0, rsp), // SYS_SOCKET
		ev(retSite, 41, 0, 3, rsp+8),
	)
	for i := range script.Events {
		script.Events[i].Regs.RSI = 0x1000
	}
	script.Gone = true
	os := &guestostest.RegsOS{Syms: map[string]uint64{"__ia32_compat_sys_socketcall": fnOther}, Comm: "w", Mem: map[uint64][]byte{0x1000: args}}
	l, err := loop.NewWithOS(script, os)
	require.NoError(t, err)
	var out bytes.Buffer
	tr := NewConfig(l, output.NewText(&out, printers.Options{}), Config{Keep: func(n string) bool { return n == "socket" }})
	_, err = tr.Instrument(calls, nil, oslinux.Table)
	require.NoError(t, err)
	require.ErrorIs(t, tr.Run(context.Background()), vmi.ErrGuestGone)
	require.NoError(t, tr.Close())
	assert.Equal(t, "[pid 40/41 w] socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3\n", strings.Join(strings.Fields(out.String()), " ")+"\n")
	assert.Equal(t, output.Counts{Calls: 1, Returns: 1}, tr.Counts())
}
