package linuxmem

import (
	"testing"

	"github.com/guestrace/guestrace/pkg/guestos/linux"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/stretchr/testify/require"
)

// BenchmarkLiveAttach measures attaching to the running lab guest (KASLR,
// 2 vCPUs, TCG) three ways: with no profile (made from guest memory, no
// cache), with the profile in a warm cache, and with --profile's file.
// Each is what guestrace does before placing breakpoints.
//
//	go test -run '^$' -bench LiveAttach -benchtime 3x ./pkg/isf/linuxmem
func BenchmarkLiveAttach(b *testing.B) {
	g, tgt := bootLab(b)
	attach := func(b *testing.B, p *isf.Profile) {
		_, err := linux.Attach(tgt, p)
		require.NoError(b, err)
	}
	b.Run("memory", func(b *testing.B) {
		for b.Loop() {
			res, err := Get(tgt, "")
			require.NoError(b, err)
			attach(b, res.Profile)
		}
	})
	b.Run("cache", func(b *testing.B) {
		dir := b.TempDir()
		_, err := Get(tgt, dir)
		require.NoError(b, err)
		b.ResetTimer()
		for b.Loop() {
			res, err := Get(tgt, dir)
			require.NoError(b, err)
			require.True(b, res.FromCache)
			attach(b, res.Profile)
		}
	})
	b.Run("profile", func(b *testing.B) {
		for b.Loop() {
			p, err := isf.Load(g.Profile)
			require.NoError(b, err)
			attach(b, p)
		}
	})
}
