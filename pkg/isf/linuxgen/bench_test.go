package linuxgen

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/guestrace/guestrace/pkg/isf"
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

// BenchmarkLoadHost measures isf.Load of the real kernel's profile, what
// every guestrace run does first.
func BenchmarkLoadHost(b *testing.B) {
	raw, name := hostBTF(b)
	p, err := Generate(Input{Kallsyms: syntheticKallsyms(b, raw), KallsymsName: "synthetic", BTF: raw, BTFName: name})
	require.NoError(b, err)
	path := filepath.Join(b.TempDir(), "profile.json")
	f, err := os.Create(path)
	require.NoError(b, err)
	require.NoError(b, p.Write(f))
	require.NoError(b, f.Close())
	st, err := os.Stat(path)
	require.NoError(b, err)
	b.SetBytes(st.Size())
	b.ResetTimer()
	for b.Loop() {
		_, err := isf.Load(path)
		require.NoError(b, err)
	}
}
