package linuxmem

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/guestrace/guestrace/pkg/vmi"
	"github.com/stretchr/testify/require"
)

// requireOneLine wants err to wrap want and to be one line.
func requireOneLine(t *testing.T, err, want error) {
	t.Helper()
	require.ErrorIs(t, err, want)
	require.NotContains(t, err.Error(), "\n")
	require.True(t, strings.HasPrefix(err.Error(), want.Error()), err.Error())
}

// TestBuildMissing: tables that are not there, or a kernel without BTF,
// get the one-line errors, and the guest is left running.
func TestBuildMissing(t *testing.T) {
	l := layouts[1]
	for _, tc := range []struct {
		name  string
		guest func(t *testing.T) *synthGuest
		want  error
	}{
		{"zeroed tables", func(t *testing.T) *synthGuest {
			g := newSynthGuest(t, l)
			g.tgt.MustWrite(g.pa(g.text+tablesOff), make([]byte, len(g.tables)))
			return g
		}, ErrNoKallsyms},
		{"zeroed token index", func(t *testing.T) *synthGuest {
			g := newSynthGuest(t, l)
			i := strings.Index(string(g.tables), "0\x001\x002\x00")
			g.tgt.MustWrite(g.pa(g.text+tablesOff+uint64(i)), make([]byte, 2048))
			return g
		}, ErrNoKallsyms},
		{"no BTF symbols", func(t *testing.T) *synthGuest {
			return newSynthGuest(t, l, without("__start_BTF", "__stop_BTF"))
		}, ErrNoBTF},
		{"no BTF header", func(t *testing.T) *synthGuest {
			g := newSynthGuest(t, l)
			g.tgt.MustWrite(g.pa(g.text+btfOff), []byte{0, 0})
			return g
		}, ErrNoBTF},
		{"no banner", func(t *testing.T) *synthGuest {
			g := newSynthGuest(t, l)
			g.tgt.MustWrite(g.pa(g.symbol("linux_banner")+synSlide), []byte("Lunix\x00"))
			return g
		}, ErrNoKallsyms},
		{"not swapper", func(t *testing.T) *synthGuest {
			g := newSynthGuest(t, l)
			g.tgt.MustWrite(g.pa(g.symbol("init_task")+synSlide+48), []byte("evil\x00"))
			return g
		}, ErrCheck},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := tc.guest(t)
			_, err := Build(g.tgt)
			requireOneLine(t, err, tc.want)
			require.Equal(t, g.tgt.Pauses, g.tgt.Unpauses)
			require.False(t, g.tgt.Paused)
		})
	}
}

// TestBuildNoPaging: a guest with paging off has no kernel to find.
func TestBuildNoPaging(t *testing.T) {
	g := newSynthGuest(t, layouts[0])
	g.tgt.VCPU[0] = vmi.Regs{}
	_, err := Build(g.tgt)
	requireOneLine(t, err, ErrNoKallsyms)
}

// TestBuildCorruptTables changes the tables one word at a time, at 60
// places across them: each result is an error of one line or a valid
// profile (a guest may rename its own symbols), never a panic or a hang.
func TestBuildCorruptTables(t *testing.T) {
	for _, l := range []layout{layouts[1], layouts[4]} {
		g := newSynthGuest(t, l)
		base := g.pa(g.text + tablesOff)
		step := max(1, len(g.tables)/60)
		errs := 0
		for off := 0; off+4 <= len(g.tables); off += step {
			orig := binary.LittleEndian.Uint32(g.tables[off:])
			g.tgt.Put32(base+uint64(off), orig^0x5a5a5a5a)
			res, err := Build(g.tgt)
			if err == nil {
				require.NoError(t, res.Profile.Validate(), "%s: word %#x changed", l.name, off)
			} else {
				errs++
				require.NotContains(t, err.Error(), "\n")
			}
			g.tgt.Put32(base+uint64(off), orig)
		}
		require.NotZero(t, errs, "%s: no change was noticed", l.name)
	}
}
