package linuxgen

import (
	"bytes"
	"os"
	"testing"

	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/stretchr/testify/require"
)

// TestGoldenMini compares the whole profile of the mini kernel with
// testdata/mini.golden, byte for byte.
func TestGoldenMini(t *testing.T) {
	p, err := Generate(miniInput(t))
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, p.Write(&out))
	if *update {
		require.NoError(t, os.WriteFile("testdata/mini.golden", out.Bytes(), 0o644))
	}
	require.Equal(t, string(readTestdata(t, "mini.golden")), out.String())

	// What the golden file means, checked through the lookups.
	back, err := isf.Parse(out.Bytes())
	require.NoError(t, err)
	for field, want := range map[string]uint64{
		"usage": 0, "tasks": 16, "mm": 32, "pid": 40, "tgid": 44, "comm": 48, "exiting": 64,
		"a": 8, "b": 8, "x": 8, "y": 10, // through the anonymous union and struct
	} {
		got, err := back.FieldOffset("task_struct", field)
		require.NoError(t, err, field)
		require.Equal(t, want, got, field)
	}
	addr, ok := back.SymbolAddress("current_task")
	require.True(t, ok)
	require.Equal(t, uint64(0x1fb80), addr)
	require.Equal(t, "Linux version 6.1.0-mini (builder@lab) (gcc 12.2.0) #1 SMP PREEMPT_DYNAMIC", back.Banner())
	require.Equal(t, "6.1.0-mini", back.Release())
	require.Equal(t, "linux", back.OS())
}
