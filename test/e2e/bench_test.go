package e2e

import (
	"context"
	"regexp"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
	"github.com/guestrace/guestrace/pkg/guestos/linux"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/vmi"
	"github.com/guestrace/guestrace/pkg/vmi/qemu"
)

var closeloopRE = regexp.MustCompile(`CLOSELOOP n=(\d+) usec_per_call=([0-9.]+)`)

// closeloop runs the close(-1) loop in the guest and returns its own
// measure of microseconds per call.
func closeloop(b *testing.B, g *guestlab.Guest, n int) float64 {
	b.Helper()
	c, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	out, status, err := g.Exec(c, "/bin/gt-closeloop "+strconv.Itoa(n))
	require.NoError(b, err)
	require.Equal(b, 0, status, out)
	m := closeloopRE.FindStringSubmatch(out)
	require.NotNil(b, m, out)
	us, err := strconv.ParseFloat(m[2], 64)
	require.NoError(b, err)
	return us
}

// BenchmarkTraceClose measures what tracing costs the guest, the way the
// original guestrace's PERFORMANCE file did: a guest program calls close()
// on a bad fd in a tight loop and reports its own microseconds per call,
// untraced and then traced with -e trace=close. Next to it, the floor:
// the GDB stub's own continue-to-breakpoint-stop-and-resume round trip on
// the same function, measured in the same run from a bare backend loop.
// Run with -benchtime 1x (make bench).
func BenchmarkTraceClose(b *testing.B) {
	g := guestlab.Boot(b, guestlab.Options{VCPUs: 1})
	const traced = 3000
	native := closeloop(b, g, 1000000)
	floor := stubFloor(b, g, traced)

	p := startTracer(b, append(qemuArgs(g), "-e", "trace=close")...)
	tracedUS := closeloop(b, g, traced)
	p.cmd.Process.Signal(syscall.SIGINT)
	<-p.done

	// The floor is one bare stop per close(); a traced close() is two
	// (its call and its return) plus guestrace's own work. Under TCG a
	// stop's cost is mostly QEMU retranslating the guest code it flushed
	// at the stop, so the two are compared per call, not per stop.
	b.ReportMetric(native, "native-µs/call")
	b.ReportMetric(floor, "stub-floor-µs/call")
	b.ReportMetric(tracedUS, "traced-µs/call")
	b.ReportMetric(tracedUS-floor, "above-floor-µs/call")
}

// stubFloor hits a breakpoint on __x64_sys_close n times with nothing but
// Wait and Resume, while the guest's close loop runs, and returns the mean
// microseconds per hit, that is per close() call.
func stubFloor(b *testing.B, g *guestlab.Guest, n int) float64 {
	b.Helper()
	c, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	tg, err := qemu.Dial(c, "unix:"+g.GDBSocket)
	require.NoError(b, err)
	defer tg.Close()
	p, err := isf.Load(g.Profile)
	require.NoError(b, err)
	l, err := linux.Attach(tg, p)
	require.NoError(b, err)
	addr, ok := l.Symbol("__x64_sys_close")
	require.True(b, ok)
	// Start the loop first: the console answers only while the guest runs.
	_, _, err = g.Exec(c, "(sleep 1; /bin/gt-closeloop "+strconv.Itoa(n+100)+") >/dev/null &")
	require.NoError(b, err)
	require.NoError(b, tg.InsertBreakpoint(addr))
	var ev vmi.Event
	// Warm up, then time n hits.
	for i := 0; i < 50; i++ {
		require.NoError(b, tg.Wait(c, &ev))
		require.NoError(b, tg.Resume(&ev))
	}
	start := time.Now()
	for i := 0; i < n; i++ {
		require.NoError(b, tg.Wait(c, &ev))
		require.NoError(b, tg.Resume(&ev))
	}
	return float64(time.Since(start).Microseconds()) / float64(n)
}
