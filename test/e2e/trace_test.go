package e2e

import (
	"crypto/rand"
	"encoding/hex"
	"regexp"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
)

// marker is a directory name unique to one run, so that the trace lines
// of this run's workload cannot be confused with anything else.
func marker(t *testing.T) string {
	var b [4]byte
	_, err := rand.Read(b[:])
	require.NoError(t, err)
	return "/tmp/gt-" + hex.EncodeToString(b[:])
}

func qemuArgs(g *guestlab.Guest) []string {
	return []string{"--qemu", "unix:" + g.GDBSocket, "--profile", g.Profile}
}

// runWorkload runs a command in the guest and returns its account lines.
func runWorkload(t *testing.T, g *guestlab.Guest, cmd string) []account {
	t.Helper()
	out, status, err := g.Exec(ctx(t, 5*time.Minute), cmd)
	require.NoError(t, err)
	require.Equal(t, 0, status, "guest command %q:\n%s", cmd, out)
	return parseAccounts(out)
}

// TestTraceMatchesWorkloads traces every system call of a KASLR guest
// while the file and process workloads run (traceWorkloads).
func TestTraceMatchesWorkloads(t *testing.T) {
	g := guestlab.Boot(t, guestlab.Options{VCPUs: 1})
	traceWorkloads(t, g, qemuArgs(g))
}

// traceWorkloads attaches guestrace with the attach arguments, runs the
// file and process workloads, detaches (SIGINT), and finds each call they
// made in the trace, with its pid, tid, process name, arguments and
// return.
func traceWorkloads(t *testing.T, g *guestlab.Guest, attach []string) {
	p := startTracer(t, attach...)

	dir := marker(t)
	var as []account
	as = append(as, runWorkload(t, g, "mkdir "+dir+" && /bin/gt-fileops "+dir)...)
	as = append(as, runWorkload(t, g, "/bin/gt-procops")...)

	require.Equal(t, 0, p.stop(t, syscall.SIGINT), p.Stderr())
	parseTrace(p.trace(t)).check(t, as)
	assert.Regexp(t, `guestrace: detached; \d+ calls traced, \d+ unfinished`, p.Stderr())
}

// TestTwoVCPUsThreads runs the multi-threaded workload on two vCPUs at
// once: no return may be lost or matched to the wrong call.
func TestTwoVCPUsThreads(t *testing.T) {
	g := guestlab.Boot(t, guestlab.Options{VCPUs: 2})
	p := startTracer(t, append(qemuArgs(g), "-e", "trace=openat,read,write,close,unlink,exit_group")...)

	dir := marker(t)
	out, status, err := g.Exec(ctx(t, 10*time.Minute), "mkdir "+dir+" && /bin/gt-threads "+dir+" 4 25")
	require.NoError(t, err)
	require.Equal(t, 0, status, out)
	require.Equal(t, 0, p.stop(t, syscall.SIGINT), p.Stderr())

	// The threads ran on both vCPUs and were inside their rounds at once.
	m := regexp.MustCompile(`THREADS n=4 k=25 cpus=(\d+) overlap=(\d+)`).FindStringSubmatch(out)
	require.NotNil(t, m, out)
	require.Equal(t, "2", m[1], "vCPUs the guest saw")
	require.NotEqual(t, "1", m[2], "the threads never overlapped")

	as := parseAccounts(out)
	perTID := map[string]int{}
	for _, a := range as {
		perTID[a.tid]++
	}
	workers := 0
	for _, n := range perTID {
		if n >= 25*6 {
			workers++
		}
	}
	require.Equal(t, 4, workers, "threads with all their rounds accounted: %v", perTID)
	tids := perTID
	tr := parseTrace(p.trace(t))
	tr.check(t, as)
	// Nothing the workload did was cut off: its threads ended before the
	// detach, so no call of theirs may be unfinished.
	for tid := range tids {
		for _, l := range tr.byTID[tid] {
			assert.NotContains(t, l, "<detached ...>")
			assert.NotContains(t, l, "<unfinished ...>")
		}
	}
}

// closeLine is a traced close() of the close loop.
var closeLine = regexp.MustCompile(`(?m)^\[pid \d+/\d+ gt-closeloop\] close\(-1\) += -1 EBADF`)

// TestDetachLeavesGuestRunning interrupts the tracer mid-trace (SIGINT)
// and kills it (SIGKILL): either way the guest runs on, its workload
// finishes, and its code at the former breakpoints is the original.
func TestDetachLeavesGuestRunning(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			g := guestlab.Boot(t, guestlab.Options{VCPUs: 1})
			before := kernelCode(t, g, "__x64_sys_close", "__x64_sys_openat")

			p := startTracer(t, append(qemuArgs(g), "-e", "trace=close,openat")...)
			_, status, err := g.Exec(ctx(t, time.Minute), "/bin/gt-closeloop 200000 >/tmp/closeloop.out &")
			require.NoError(t, err)
			require.Equal(t, 0, status)
			p.waitTrace(t, closeLine)

			code := p.stop(t, sig)
			if sig == syscall.SIGINT {
				assert.Equal(t, 0, code, p.Stderr())
				assert.Contains(t, p.Stderr(), "guestrace: detached;")
			}

			// The guest runs on: the loop finishes and the shell answers.
			out, status, err := g.Exec(ctx(t, 3*time.Minute),
				"until grep -q CLOSELOOP /tmp/closeloop.out; do sleep 1; done; cat /tmp/closeloop.out")
			require.NoError(t, err)
			require.Equal(t, 0, status)
			assert.Contains(t, out, "CLOSELOOP n=200000")
			st, err := g.QMPStatus(ctx(t, 10*time.Second))
			require.NoError(t, err)
			assert.Equal(t, "running", st)
			assert.Equal(t, before, kernelCode(t, g, "__x64_sys_close", "__x64_sys_openat"))
		})
	}
}
