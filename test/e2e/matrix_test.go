package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
)

// attachModes are the ways the kernel matrix attaches guestrace to a
// guest; every kernel is traced once in each. A new way to attach (such
// as one with no profile) is one more line here.
var attachModes = []struct {
	name   string
	args   func(g *guestlab.Guest) []string
	strace bool // compare with strace too (once per kernel keeps make test short)
}{
	{"profile", qemuArgs, false}, // the profile.json made from what the guest dumped
	{"no profile", func(g *guestlab.Guest) []string { // made from the guest's memory
		return []string{"--qemu", "unix:" + g.GDBSocket, "--cache-dir", "none"}
	}, true},
}

// TestKernelMatrix runs a subset of the suite on every kernel of the lab
// other than the one the whole suite runs on (guestlab.Kernel()): boot
// with KASLR on and 2 vCPUs, and per attach mode trace the workloads call
// by call, compare gt-syscalls and gt-longtail with strace on the host
// (but for the calls a kernel lacks), and check that
// each detach left the kernel's code as it was and the guest running.
func TestKernelMatrix(t *testing.T) {
	for _, k := range guestlab.Kernels {
		if k == guestlab.Kernel() {
			continue
		}
		t.Run(k, func(t *testing.T) {
			g := guestlab.Boot(t, guestlab.Options{Kernel: k, VCPUs: 2})
			require.True(t, strings.HasPrefix(g.Release, k+"."), "lab of %s runs %s", k, g.Release)
			funcs := []string{"__x64_sys_openat", "__x64_sys_close", "__x64_sys_write"}
			before := kernelCode(t, g, funcs...)
			for _, m := range attachModes {
				t.Run(m.name, func(t *testing.T) {
					t.Run("Workloads", func(t *testing.T) {
						traceWorkloads(t, g, m.args(g))
						checkDetached(t, g, before)
					})
					if !m.strace {
						return
					}
					t.Run("Strace", func(t *testing.T) {
						names := matchStrace(t, g, m.args(g), "gt-syscalls")
						assert.Equal(t, syscallsDistinct, len(names), "distinct calls compared")
						checkDetached(t, g, before)
					})
					t.Run("Longtail", func(t *testing.T) {
						names := matchStrace(t, g, m.args(g), "gt-longtail")
						lacking := len(lackedCalls(t, g.Release))
						t.Logf("%d distinct calls compared; %d the kernel lacks", len(names), lacking)
						assert.Equal(t, longtailDistinct-lacking, beyondSyscalls(t, names), "distinct calls gt-syscalls does not make")
						checkDetached(t, g, before)
					})
				})
			}
		})
	}
}

// checkDetached wants the guest running and answering, and the code of
// the kernel functions in before unchanged.
func checkDetached(t *testing.T, g *guestlab.Guest, before map[string][]byte) {
	t.Helper()
	var funcs []string
	for fn := range before {
		funcs = append(funcs, fn)
	}
	assert.Equal(t, before, kernelCode(t, g, funcs...))
	st, err := g.QMPStatus(ctx(t, 10*time.Second))
	require.NoError(t, err)
	assert.Equal(t, "running", st)
	out, status, err := g.Exec(ctx(t, time.Minute), "echo alive")
	require.NoError(t, err)
	assert.Equal(t, 0, status)
	assert.Equal(t, "alive\n", out)
}
