package qemu

import (
	"context"
	"os"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// Benchmarks against the lab guest (go test -run '^$' -bench Live). They
// share one guest, booted by the first of them and killed by TestMain.
// Each benchmark iteration runs a batch of operations and reports the
// time and allocations per operation, so that -benchtime 1x still gives
// a meaningful number.

const benchVCPUs = 2

var benchLab struct {
	once  sync.Once
	g     *guestlab.Guest
	prof  *labProfile
	slide uint64
	err   error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchLab.g != nil {
		benchLab.g.Close()
	}
	os.Exit(code)
}

// benchGuest boots the shared guest once.
func benchGuest(b *testing.B) *guestlab.Guest {
	if testing.Short() {
		b.Skip("boots the lab guest (skipped under -short)")
	}
	benchLab.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		benchLab.g, benchLab.err = guestlab.Start(ctx, guestlab.Options{VCPUs: benchVCPUs})
	})
	require.NoError(b, benchLab.err)
	if benchLab.prof == nil {
		benchLab.prof = loadProfile(b, benchLab.g.Profile)
		benchLab.slide = kaslrSlide(b, benchLab.g, benchLab.prof)
	}
	return benchLab.g
}

// measure runs op batch times per benchmark iteration and reports
// ns/<unit> and allocs/<unit>.
func measure(b *testing.B, unit string, batch int, op func()) {
	var ms0, ms1 runtime.MemStats
	var elapsed time.Duration
	var mallocs uint64
	total := 0
	for b.Loop() {
		runtime.ReadMemStats(&ms0)
		start := time.Now()
		for range batch {
			op()
		}
		elapsed += time.Since(start)
		runtime.ReadMemStats(&ms1)
		mallocs += ms1.Mallocs - ms0.Mallocs
		total += batch
	}
	b.ReportMetric(float64(elapsed.Nanoseconds())/float64(total), "ns/"+unit)
	b.ReportMetric(float64(mallocs)/float64(total), "allocs/"+unit)
}

func BenchmarkLiveRegs(b *testing.B) {
	g := benchGuest(b)
	tg := dialLab(b, g)
	defer tg.Close()
	var r vmi.Regs
	measure(b, "regs", 500, func() {
		tg.invalidate() // a real 'g' every time, not the cache
		if err := tg.Regs(0, &r); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkLiveReadPhys8(b *testing.B) {
	g := benchGuest(b)
	tg := dialLab(b, g)
	defer tg.Close()
	var r vmi.Regs
	require.NoError(b, tg.Regs(0, &r))
	pa, err := virtToPhys(tg, r.CR3, benchLab.prof.sym(b, "linux_banner")+benchLab.slide)
	require.NoError(b, err)
	var buf [8]byte
	measure(b, "read", 500, func() {
		if err := tg.ReadPhys(pa, buf[:]); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkLivePauseUnpause(b *testing.B) {
	g := benchGuest(b)
	tg := dialLab(b, g)
	defer tg.Close()
	measure(b, "stop", 200, func() {
		if err := tg.Unpause(); err != nil {
			b.Fatal(err)
		}
		if err := tg.Pause(); err != nil {
			b.Fatal(err)
		}
	})
}

// benchHits measures continue-to-breakpoint-and-stop plus the resume, on
// __x64_sys_close driven by gt-closeloop, resuming by emulation or by
// single step.
func benchHits(b *testing.B, step bool) {
	g := benchGuest(b)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	out, status, err := g.Exec(ctx, "gt-closeloop 1000000000 >/dev/null &")
	require.NoError(b, err)
	require.Equal(b, 0, status, out)
	defer func() {
		g.Exec(ctx, "killall gt-closeloop")
	}()
	tg := dialLab(b, g)
	defer tg.Close()
	closeFn := benchLab.prof.sym(b, "__x64_sys_close") + benchLab.slide
	require.NoError(b, tg.InsertBreakpoint(closeFn))
	if step {
		tg.bps[closeFn].insn = insn{kind: emuNone}
	}
	var ev vmi.Event
	before := tg.Stats()
	measure(b, "hit", 200, func() {
		if err := tg.Wait(ctx, &ev); err != nil {
			b.Fatal(err)
		}
		if err := tg.Resume(&ev); err != nil {
			b.Fatal(err)
		}
	})
	st := tg.Stats()
	b.ReportMetric(float64(st.Emulated-before.Emulated), "emulated")
	b.ReportMetric(float64(st.Stepped-before.Stepped), "stepped")
	require.NoError(b, tg.RemoveBreakpoint(closeFn))
}

func BenchmarkLiveHitEmulated(b *testing.B) { benchHits(b, false) }
func BenchmarkLiveHitStepped(b *testing.B)  { benchHits(b, true) }

// BenchmarkLiveIdleBreakpoints measures what breakpoints that are never
// hit cost a guest under TCG: gt-closeloop's own µs per close() with n
// breakpoints inserted at addresses no code runs (below mmap_min_addr).
// QEMU 7.2 compares the address of every translated block it looks up
// with every inserted breakpoint, so the cost grows with n, wherever the
// breakpoints are; this is the floor under an untraced call while many
// functions are traced (-e 'trace=!close').
func BenchmarkLiveIdleBreakpoints(b *testing.B) {
	for _, n := range []int{0, 100, 400, 1300} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			g := benchGuest(b)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
			defer cancel()
			tg := dialLab(b, g)
			defer tg.Close()
			require.NoError(b, tg.Pause())
			for i := range n {
				require.NoError(b, tg.InsertBreakpoint(0x1000+8*uint64(i)))
			}
			require.NoError(b, tg.Unpause())
			var us float64
			for b.Loop() {
				v, err := g.CloseLoop(ctx, 20000)
				require.NoError(b, err)
				us += v
			}
			b.ReportMetric(us/float64(b.N), "guest-µs/close")
			require.NoError(b, tg.Pause())
			for i := range n {
				require.NoError(b, tg.RemoveBreakpoint(0x1000+8*uint64(i)))
			}
			require.NoError(b, tg.Unpause())
		})
	}
}
