package tracer

import (
	"bytes"
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/guestostest"
	"github.com/guestrace/guestrace/pkg/loop"
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

func (r *testRow) Enter(b []byte, a *output.Args, _ printers.Mem, _ *printers.Options) []byte {
	b = append(b, r.name+"("...)
	return strconv.AppendUint(b, a[0], 10)
}

func (r *testRow) Exit(b []byte, _ *output.Args, ret int64, _ printers.Mem, _ *printers.Options) []byte {
	if r.noReturn {
		return append(b, ") = ?"...)
	}
	return strconv.AppendInt(append(b, ") = "...), ret, 10)
}

func (r *testRow) NoReturn() bool { return r.noReturn }

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
