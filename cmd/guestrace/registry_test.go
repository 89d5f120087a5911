package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/backend"
	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/guestostest"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/oses"
	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/guestrace/guestrace/pkg/vmi"
	"github.com/guestrace/guestrace/pkg/vmi/vmitest"
)

// A backend and a guest OS that exist only in this test, each added by one
// Register call, as docs/architecture.md tells a newcomer to add theirs.

const (
	toyOpen = 0xffff800000001000
	toyRet  = 0xffff800000002000
	toySP   = 0xffff900000003f00
	toyABI  = guestos.ABI("toy")
)

// toyEvent is a stop of thread tid at addr, with one argument and a result.
func toyEvent(addr, tid, arg, ret, sp uint64) vmi.Event {
	return vmi.Event{Addr: addr, Regs: vmi.Regs{RIP: addr, RSP: sp, RDI: arg, RAX: ret, R15: tid, R14: 7, R13: tid, R12: toyRet}}
}

func init() {
	backend.Register(&backend.Backend{
		Name:    "toyscript",
		Summary: "a scripted guest (tests)",
		Open: func(_ context.Context, s backend.Spec) (*backend.Guest, error) {
			script := vmitest.NewScript(
				toyEvent(toyOpen, 11, 3, 0, toySP),
				toyEvent(toyRet, 11, 0, 42, toySP+8),
				toyEvent(toyOpen, 12, 4, 0, toySP), // in its call at detach
			)
			return &backend.Guest{Target: script, Desc: "toy script " + s.Guest}, nil
		},
		Profile: func(backend.Spec) (*isf.Profile, error) {
			return &isf.Profile{Symbols: map[string]isf.Symbol{"toyos_banner": {}}}, nil
		},
	})
	oses.Register(&oses.OS{
		Name:       "toyos",
		DefaultABI: toyABI,
		Matches:    func(p *isf.Profile) bool { _, ok := p.Symbols["toyos_banner"]; return ok },
		Attach: func(vmi.Target, *isf.Profile) (guestos.OS, error) {
			return &guestostest.RegsOS{
				Syms:  map[string]uint64{"toy_open": toyOpen},
				Calls: []guestos.Syscall{{Name: "toy_open", Symbol: "toy_open", Addr: toyOpen, ABI: toyABI}},
				Comm:  "toyproc",
			}, nil
		},
		Calls: toyTable{},
		List:  func() []oses.Listed { return []oses.Listed{{Name: "toy_open"}} },
	})
}

type toyTable struct{}

func (toyTable) Lookup(sc *guestos.Syscall) (output.Decoder, bool) {
	return toyDec{}, sc.Name == "toy_open"
}
func (toyTable) Raw(*guestos.Syscall) output.Decoder { return toyDec{} }
func (toyTable) Known(name string) bool              { return name == "toy_open" }
func (toyTable) CallName(sc *guestos.Syscall) string { return sc.Name }

type toyDec struct{}

func (toyDec) Enter(b []byte, a *output.Args, _ *printers.CallState, _ printers.Mem, _ *printers.Options) []byte {
	return printers.AppendUint(append(b, "toy_open("...), a[0])
}

func (toyDec) Exit(b []byte, _ *output.Args, _ *printers.CallState, ret int64, _ printers.Mem, _ *printers.Options) []byte {
	return printers.AppendInt(append(b, ") = "...), ret)
}

func (toyDec) NoReturn() bool { return false }

// TestRegisteredBackendAndOS: the CLI lists a backend and an OS it learnt
// of only through the registries, and the loop traces through them.
func TestRegisteredBackendAndOS(t *testing.T) {
	assert.Contains(t, backend.Names(), "toyscript")
	out := filepath.Join(t.TempDir(), "trace")
	code, stderr := profileRun(t, "--backend", "toyscript", "-d", "toy", "--duration", "300ms", "-o", out)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "guestrace: attached to toy script toy: toyos test")
	assert.Contains(t, stderr, "guestrace: 1 breakpoints placed")
	trace, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"[pid 7/11 toyproc] toy_open(3) = 42",
		"[pid 7/12 toyproc] toy_open(4 <detached ...>",
	}, strings.Split(strings.TrimSpace(string(trace)), "\n"))

	list := filepath.Join(t.TempDir(), "list")
	saved := os.Stdout
	f, err := os.Create(list)
	require.NoError(t, err)
	os.Stdout = f
	code = run([]string{"syscalls", "--os", "toyos"})
	os.Stdout = saved
	require.NoError(t, f.Close())
	require.Equal(t, exitOK, code)
	got, err := os.ReadFile(list)
	require.NoError(t, err)
	assert.Equal(t, "toy_open\n", string(got))

	code, stderr = profileRun(t, "--backend", "nosuch", "-d", "toy")
	assert.Equal(t, exitUsage, code)
	assert.Regexp(t, `^guestrace: --backend nosuch: unknown backend "nosuch" \(this guestrace has .*toyscript.*\)\n$`, stderr)
}
