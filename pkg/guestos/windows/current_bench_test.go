package windows_test

import (
	"testing"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/windows"
)

// BenchmarkCurrent: who runs a vCPU, its ids and whether the kernel made
// the call, read in the fewest physical reads (each one a round trip to
// a real guest's stub): reads/op is what matters here.
func BenchmarkCurrent(b *testing.B) {
	for _, mode := range []bool{true, false} {
		name := "with-PreviousMode"
		if !mode {
			name = "without-PreviousMode"
		}
		b.Run(name, func(b *testing.B) {
			p := profile(b)
			if !mode {
				delete(p.UserTypes["_KTHREAD"].Fields, "PreviousMode")
			}
			g, tg := guest(b, p)
			w, err := windows.Attach(tg, p)
			if err != nil {
				b.Fatal(err)
			}
			th, _ := g.Thread(g.Process(0x1a2c, "malware.exe"), 0x1a2c, 0x2f8)
			g.SetCurrent(0, th)
			regs := g.Regs(0)
			var cur guestos.Thread
			tg.Mem.Reads = 0
			b.ResetTimer()
			for range b.N {
				if err := w.Current(&regs, &cur); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(tg.Mem.Reads)/float64(b.N), "reads/op")
		})
	}
}
