package linuxmem

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCache: the first Get makes and stores the profile, the second reads
// it; a corrupt entry, a key for another kernel or a stray file is never
// trusted: the profile is made again and the entry rewritten.
func TestCache(t *testing.T) {
	g := newSynthGuest(t, layouts[2])
	dir := filepath.Join(t.TempDir(), "cache")

	first, err := Get(g.tgt, dir)
	require.NoError(t, err)
	require.False(t, first.FromCache)
	require.NoError(t, first.CacheErr)
	require.FileExists(t, first.Cached)
	require.Equal(t, dir, filepath.Dir(first.Cached))

	second, err := Get(g.tgt, dir)
	require.NoError(t, err)
	require.True(t, second.FromCache)
	require.Equal(t, first.Cached, second.Cached)
	require.Equal(t, first.Profile.Symbols, second.Profile.Symbols)
	require.Equal(t, first.Profile.UserTypes, second.Profile.UserTypes)
	require.Equal(t, first.Slide, second.Slide)
	require.Equal(t, g.tgt.Pauses, g.tgt.Unpauses)

	key := first.Cached[:len(first.Cached)-len(".json")] + ".key"
	good, err := os.ReadFile(first.Cached)
	require.NoError(t, err)
	for _, tc := range []struct {
		name  string
		spoil func(t *testing.T)
	}{
		{"profile changed", func(t *testing.T) {
			// One address off by one: still valid ISF, not the entry.
			bad := bytes.Clone(good)
			i := bytes.Index(bad, []byte(`"address":`)) + len(`"address":`)
			for bad[i] < '0' || bad[i] > '8' {
				i++
			}
			bad[i]++
			require.NoError(t, os.WriteFile(first.Cached, bad, 0o644))
		}},
		{"profile truncated", func(t *testing.T) {
			require.NoError(t, os.WriteFile(first.Cached, good[:len(good)/2], 0o644))
		}},
		{"key garbage", func(t *testing.T) {
			require.NoError(t, os.WriteFile(key, []byte("{not json"), 0o644))
		}},
		{"guest runs another banner", func(t *testing.T) {
			g.tgt.MustWrite(g.pa(g.symbol("linux_banner")+synSlide), []byte("Linux version 9"))
			t.Cleanup(func() {
				g.tgt.MustWrite(g.pa(g.symbol("linux_banner")+synSlide), g.banner[:15])
			})
		}},
		{"guest runs another BTF", func(t *testing.T) {
			// The last byte of the string section: still valid BTF.
			at := g.pa(g.text + btfOff + uint64(len(g.btf)) - 2)
			g.tgt.MustWrite(at, []byte{'z'})
			t.Cleanup(func() { g.tgt.MustWrite(at, g.btf[len(g.btf)-2:len(g.btf)-1]) })
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.spoil(t)
			res, err := Get(g.tgt, dir)
			if strings.HasPrefix(tc.name, "guest runs another") {
				// Not this kernel's entry; what is made is the other
				// kernel's (its banner fails the BTF check here).
				if err == nil {
					require.False(t, res.FromCache)
				}
				return
			}
			require.NoError(t, err)
			require.False(t, res.FromCache)
			require.Equal(t, first.Cached, res.Cached)
			again, err := Get(g.tgt, dir)
			require.NoError(t, err)
			require.True(t, again.FromCache, "the entry was rewritten")
		})
	}

	// A directory that cannot be written is no error: it is reported.
	ro := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(ro, nil, 0o644))
	res, err := Get(g.tgt, filepath.Join(ro, "sub"))
	require.NoError(t, err)
	require.False(t, res.FromCache)
	require.Error(t, res.CacheErr)
	require.Empty(t, res.Cached)

	// No cache at all.
	res, err = Get(g.tgt, "")
	require.NoError(t, err)
	require.False(t, res.FromCache)
	require.NoError(t, res.CacheErr)
}

func TestDefaultCacheDir(t *testing.T) {
	t.Setenv(CacheEnv, "")
	t.Setenv("XDG_CACHE_HOME", "/xdg")
	require.Equal(t, "/xdg/guestrace", DefaultCacheDir())
	t.Setenv("XDG_CACHE_HOME", "")
	t.Setenv("HOME", "/home/u")
	require.Equal(t, "/home/u/.cache/guestrace", DefaultCacheDir())
	t.Setenv(CacheEnv, "/elsewhere")
	require.Equal(t, "/elsewhere", DefaultCacheDir())
}

// TestSampleRanges: the check of a big BTF reads its first and last
// bytes and chunks between, in bounds; a small one whole.
func TestSampleRanges(t *testing.T) {
	require.Equal(t, [][2]uint64{{0, 1000}}, sampleRanges(1000))
	n := uint64(4 << 20)
	rs := sampleRanges(n)
	require.Len(t, rs, sampleCount+2)
	require.Equal(t, [2]uint64{0, sampleChunk}, rs[0])
	require.Equal(t, [2]uint64{n - sampleChunk, sampleChunk}, rs[len(rs)-1])
	for _, r := range rs {
		require.LessOrEqual(t, r[0]+r[1], n)
	}
}
