package linux

import (
	"testing"

	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGates: 32-bit entry points wait behind ia32_sys_call where the
// kernel has it, else behind both 32-bit entry paths; a kernel with
// neither, and every other function, arms at once.
func TestGates(t *testing.T) {
	for _, tc := range []struct {
		name  string
		syms  []string
		gates []string
	}{
		{"6.9+", []string{"ia32_sys_call", "do_fast_syscall_32", "do_int80_emulation"}, []string{"ia32_sys_call"}},
		{"5.10", []string{"do_fast_syscall_32", "do_int80_syscall_32"}, []string{"do_fast_syscall_32", "do_int80_syscall_32"}},
		{"6.7", []string{"do_fast_syscall_32", "do_int80_emulation"}, []string{"do_fast_syscall_32", "do_int80_emulation"}},
		{"no int80", []string{"do_fast_syscall_32"}, nil},
		{"none", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newSynth(t, false, 0x1e200000)
			for i, name := range tc.syms {
				s.profile.Symbols[name] = isf.Symbol{Address: linkText + 0x5000 + uint64(i)*0x100}
			}
			l, err := Attach(s.target, s.profile)
			require.NoError(t, err)
			assert.Equal(t, tc.gates, l.Gates("__ia32_sys_openat"))
			assert.Equal(t, tc.gates, l.Gates("__ia32_compat_sys_openat"))
			assert.Nil(t, l.Gates("__x64_sys_openat"))
		})
	}
}
