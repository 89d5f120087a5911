package e2e

import (
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
)

// A guest reset mid-trace: the new kernel comes up at another KASLR slide
// while guestrace's breakpoints sit at the old kernel's addresses.

var resetFuncs = []string{"__x64_sys_close", "__x64_sys_openat", "__ia32_sys_close"}

// resetUnderTrace starts guestrace with args on a guest busy closing,
// resets the guest and waits until its init is ready again. It returns
// the tracer and the kernel code of resetFuncs before the trace.
func resetUnderTrace(t *testing.T, g *guestlab.Guest, args ...string) (*tracerProc, map[string][]byte) {
	before := kernelCode(t, g, resetFuncs...)
	p := startTracer(t, append(qemuArgs(g), append([]string{"-e", "trace=close", "--comm", "gt-closeloop"}, args...)...)...)
	_, _, err := g.Exec(ctx(t, time.Minute), "/bin/gt-closeloop 200000 >/tmp/closeloop.out &")
	require.NoError(t, err)
	p.waitTrace(t, closeLine)
	start := time.Now()
	require.NoError(t, g.Reset(ctx(t, 4*time.Minute)), p.Stderr())
	t.Logf("the guest was ready again %v after the reset", time.Since(start).Round(time.Second))
	return p, before
}

// waitStderr waits until guestrace's standard error holds s.
func waitStderr(t *testing.T, p *tracerProc, s string) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for !strings.Contains(p.Stderr(), s) {
		if time.Now().After(deadline) {
			t.Fatalf("guestrace did not say %q in 2 minutes:\n%s", s, p.Stderr())
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// TestGuestReset resets the lab guest under a trace twice (one boot for
// both, to keep make test short): with --no-follow-reset, then without.
func TestGuestReset(t *testing.T) {
	g := guestlab.Boot(t, guestlab.Options{VCPUs: 1})
	t.Run("NoFollow", func(t *testing.T) { testResetNoFollow(t, g) })
	t.Run("Followed", func(t *testing.T) { testResetFollowed(t, g) })
}

// testResetFollowed: guestrace removes its breakpoints, attaches to the
// new kernel and traces its calls, every one matched; the new kernel runs
// its workload to the end, and its code is the kernel's own.
func testResetFollowed(t *testing.T, g *guestlab.Guest) {
	p, before := resetUnderTrace(t, g)
	waitStderr(t, p, "guestrace: attached again to ")
	stderr := p.Stderr()
	assert.Regexp(t, `guestrace: the guest was reset \(.*guest was reset\); every breakpoint removed\n`, stderr)
	assert.Contains(t, stderr, "guestrace: waiting for the guest's new kernel\n")
	old := len(closeLine.FindAllString(strings.Join(p.trace(t), "\n"), -1))
	require.Positive(t, old, "calls traced before the reset")

	const n = 300
	out, status, err := g.Exec(ctx(t, 3*time.Minute), "/bin/gt-closeloop 300")
	require.NoError(t, err)
	require.Equal(t, 0, status)
	assert.Contains(t, out, "CLOSELOOP n=300")
	assert.Equal(t, 0, p.stop(t, syscall.SIGINT), p.Stderr())
	trace := strings.Join(p.trace(t), "\n")
	assert.Len(t, closeLine.FindAllString(trace, -1), old+n, "every call of the new kernel's workload and its return")
	assert.NotContains(t, trace, "<detached ...>", "the calls cut by the reset are unfinished")

	assert.Equal(t, before, kernelCode(t, g, resetFuncs...), "the new kernel's code is its own")
	guestRunsOn(t, g)
}

// testResetNoFollow: with --no-follow-reset, guestrace detaches and exits
// 0; the new kernel runs untouched.
func testResetNoFollow(t *testing.T, g *guestlab.Guest) {
	p, before := resetUnderTrace(t, g, "--no-follow-reset")
	select {
	case <-p.done:
	case <-time.After(2 * time.Minute):
		t.Fatalf("guestrace went on 2 minutes after the reset:\n%s", p.Stderr())
	}
	assert.Equal(t, 0, p.cmd.ProcessState.ExitCode(), p.Stderr())
	stderr := p.Stderr()
	assert.Regexp(t, `guestrace: the guest was reset \(.*\); every breakpoint removed\n`, stderr)
	assert.Contains(t, stderr, "guestrace: --no-follow-reset: detached\n")
	assert.NotContains(t, stderr, "attached again")
	assert.Regexp(t, closeLine, strings.Join(p.trace(t), "\n"))
	assert.Equal(t, before, kernelCode(t, g, resetFuncs...), "the new kernel's code is its own")
	guestRunsOn(t, g)
}
