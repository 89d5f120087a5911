package e2e

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
	"github.com/guestrace/guestrace/pkg/guestos"
	glinux "github.com/guestrace/guestrace/pkg/guestos/linux"
	"github.com/guestrace/guestrace/pkg/oses/linux"
	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/guestrace/guestrace/pkg/tracer"
)

// countingWriter counts the lines of a trace and the calls that never
// return (exit, exit_group), printed whole.
type countingWriter struct {
	mu       sync.Mutex
	lines    int
	noReturn int
	partial  []byte
}

var noReturnLine = regexp.MustCompile(`^\[pid \d+/\d+ \S+\] (exit|exit_group)\(.*= \?$`)

func (w *countingWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.partial = append(w.partial, p...)
	for {
		i := bytes.IndexByte(w.partial, '\n')
		if i < 0 {
			return len(p), nil
		}
		w.lines++
		if noReturnLine.Match(w.partial[:i]) {
			w.noReturn++
		}
		w.partial = w.partial[i+1:]
	}
}

// rssKB is this process's resident set size.
func rssKB(t *testing.T) int {
	data, err := os.ReadFile("/proc/self/status")
	require.NoError(t, err)
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			require.NoError(t, err)
			return n
		}
	}
	t.Fatal("no VmRSS")
	return 0
}

// TestSoak traces every call of the lab's busiest workloads on 2 vCPUs
// for GUESTRACE_SOAK (make soak: 30m) and reports memory and goroutines
// at the start and the end: they stay flat, every call is paired or
// reported unfinished, and the guest is alive at the end. It runs only
// when asked: make soak.
func TestSoak(t *testing.T) {
	d, err := time.ParseDuration(os.Getenv("GUESTRACE_SOAK"))
	if err != nil {
		t.Skip("set GUESTRACE_SOAK=DURATION to run (make soak)")
	}
	g := guestlab.Boot(t, guestlab.Options{VCPUs: 2})
	c, cancel := context.WithTimeout(context.Background(), d+10*time.Minute)
	defer cancel()
	l := attachLoop(t, c, g)
	var cw countingWriter
	tr := tracer.New(l, output.NewText(&cw, printers.Options{}))
	defer tr.Close()
	_, err = tr.Instrument(l.OS().Syscalls(), func(sc *guestos.Syscall) bool { return sc.ABI == glinux.ABIX64 }, linux.Table)
	require.NoError(t, err)
	runCtx, stop := context.WithTimeout(c, d)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- tr.Run(runCtx) }()

	dir := marker(t)
	_, status, err := g.Exec(ctx(t, 5*time.Minute), "mkdir "+dir+" && (while :; do /bin/gt-fileops "+dir+" >/dev/null; /bin/gt-procops >/dev/null; /bin/gt-threads "+dir+" 4 5 >/dev/null; done) >/dev/null 2>&1 &")
	require.NoError(t, err)
	require.Equal(t, 0, status)

	time.Sleep(min(d/10, time.Minute)) // warm up
	runtime.GC()
	rss0, gr0 := rssKB(t), runtime.NumGoroutine()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	heap0 := ms.HeapInuse
	require.NoError(t, <-done)
	runtime.GC()
	rss1, gr1 := rssKB(t), runtime.NumGoroutine()
	runtime.ReadMemStats(&ms)
	heap1 := ms.HeapInuse
	require.NoError(t, tr.Close())
	cnt := tr.Counts()
	t.Logf("soak %v: %d calls, %d returns, %d unfinished, %d lines; RSS %d -> %d kB, heap in use %d -> %d kB, goroutines %d -> %d",
		d, cnt.Calls, cnt.Returns, cnt.Unfinished, cw.lines, rss0, rss1, heap0>>10, heap1>>10, gr0, gr1)
	assert.Equal(t, cnt.Calls, cnt.Returns+cnt.Unfinished+uint64(cw.noReturn), "every call paired, never returning, or unfinished")
	assert.LessOrEqual(t, gr1, gr0, "goroutines")
	assert.Less(t, rss1, rss0+32<<10, "RSS grew by more than 32 MiB")
	guestRunsOn(t, g)
}
