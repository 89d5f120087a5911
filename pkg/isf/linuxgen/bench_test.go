package linuxgen

import (
	"io"
	"testing"

	"github.com/stretchr/testify/require"
)

// BenchmarkGenerateHost measures making and writing the real kernel's
// profile (the work of `guestrace profile`, less reading the files).
func BenchmarkGenerateHost(b *testing.B) {
	raw, name := hostBTF(b)
	in := Input{Kallsyms: syntheticKallsyms(b, raw), KallsymsName: "synthetic", BTF: raw, BTFName: name}
	b.ResetTimer()
	for b.Loop() {
		p, err := Generate(in)
		require.NoError(b, err)
		require.NoError(b, p.Write(io.Discard))
	}
}
