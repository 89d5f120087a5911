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

// closeloop runs the close(-1) loop in the guest and returns its own
// measure of microseconds per call.
func closeloop(b *testing.B, g *guestlab.Guest, n int) float64 {
	b.Helper()
	c, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	us, err := g.CloseLoop(c, n)
	require.NoError(b, err)
	return us
}

// BenchmarkTraceClose measures what tracing costs the guest, the way the
// original guestrace's PERFORMANCE file did: a guest program calls close()
// on a bad fd in a tight loop and reports its own microseconds per call.
// In one boot: untraced; the floor, the GDB stub's own
// continue-to-breakpoint-stop-and-resume round trip on the same function
// from a bare backend loop; close() not traced while other calls are
// (-e 'trace=!close', with a sleep blocked in a traced call in another
// process); close() traced and printed from its exit alone; close()
// traced at its entry and its exit (-T needs the entry); close() of a
// process that -p leaves out. --stats gives the stops per traced call.
// Run with -benchtime 1x (make bench).
func BenchmarkTraceClose(b *testing.B) {
	g := guestlab.Boot(b, guestlab.Options{VCPUs: 1})
	const traced = 3000
	native := closeloop(b, g, 1000000)
	floor := stubFloor(b, g, traced)

	// A traced call blocked in another process all along: before
	// guestrace caught returns at each function's exits, its return kept
	// the shared return site armed, and every close() stopped there.
	_, _, err := g.Exec(context.Background(), "/bin/busybox sleep 100000 >/dev/null 2>&1 &")
	require.NoError(b, err)
	untraced, _ := tracedLoop(b, g, 100000, "-e", "trace=!close")
	// The same with a few calls traced: under TCG every breakpoint slows
	// the code of its page, placed or hit, so this is the cost of the
	// stops alone.
	untracedFew, _ := tracedLoop(b, g, 100000, "-e", "trace=clock_nanosleep,nanosleep,wait4")
	exitOnly, exitStops := tracedLoop(b, g, traced, "-e", "trace=close")
	entryExit, entryStops := tracedLoop(b, g, traced, "-e", "trace=close", "-T")
	// -p 1 selects init, which does not call close() meanwhile: each
	// close() still stops, and the tracer leaves it out.
	otherPID, _ := tracedLoop(b, g, traced, "-e", "trace=close", "-p", "1")

	b.ReportMetric(native, "native-µs/call")
	b.ReportMetric(floor, "stub-floor-µs/call")
	b.ReportMetric(untraced, "untraced-µs/call")
	b.ReportMetric(untracedFew, "untraced-few-bp-µs/call")
	b.ReportMetric(exitOnly, "exit-only-µs/call")
	b.ReportMetric(exitStops, "exit-only-stops/call")
	b.ReportMetric(exitOnly/floor, "exit-only/floor")
	b.ReportMetric(entryExit, "entry-exit-µs/call")
	b.ReportMetric(entryStops, "entry-exit-stops/call")
	b.ReportMetric(otherPID, "other-pid-µs/call")
}

var statsRE = regexp.MustCompile(`guestrace: (\d+) stops for (\d+) calls`)

// tracedLoop runs the close loop n times under guestrace with args and
// --stats, and returns the loop's microseconds per call and the stops per
// close() guestrace counted (0 when it traced none).
func tracedLoop(b *testing.B, g *guestlab.Guest, n int, args ...string) (usPerCall, stopsPerCall float64) {
	b.Helper()
	p := startTracer(b, append(append(qemuArgs(g), "--stats"), args...)...)
	usPerCall = closeloop(b, g, n)
	require.Equal(b, 0, p.stop(b, syscall.SIGINT), p.Stderr())
	m := statsRE.FindStringSubmatch(p.Stderr())
	require.NotNil(b, m, p.Stderr())
	stops, _ := strconv.ParseFloat(m[1], 64)
	if calls, _ := strconv.ParseFloat(m[2], 64); calls > 0 {
		stopsPerCall = stops / calls
	}
	return usPerCall, stopsPerCall
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
