package guestlab

import (
	"context"
	"testing"
	"time"
)

// BenchmarkBoot measures the wall time from starting QEMU to the guest's
// "GUESTLAB READY" line (1 vCPU, TCG), and Close.
//
//	go test -run '^$' -bench Boot -benchtime 3x ./internal/guestlab
func BenchmarkBoot(b *testing.B) {
	if _, err := Dir(); err != nil {
		b.Fatal(err)
	}
	var ready time.Duration
	for b.Loop() {
		start := time.Now()
		g, err := Start(context.Background(), Options{})
		if err != nil {
			b.Fatal(err)
		}
		ready += time.Since(start)
		if err := g.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(ready.Seconds()/float64(b.N), "s-to-ready/op")
}
