package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/guestos"
)

// TestFilterUsesStraceNames: users name calls as strace does; the kernel
// may call the function otherwise (__x64_sys_newstat is stat).
func TestFilterUsesStraceNames(t *testing.T) {
	f, err := parseExprs([]string{"trace=stat,uname"}, osNamed(t, "linux"))
	require.NoError(t, err)
	for _, tc := range []struct {
		sc   guestos.Syscall
		want bool
	}{
		{guestos.Syscall{Name: "newstat", Symbol: "__x64_sys_newstat", ABI: "x64"}, true},
		{guestos.Syscall{Name: "newuname", Symbol: "__x64_sys_newuname", ABI: "x64"}, true},
		{guestos.Syscall{Name: "newfstat", Symbol: "__x64_sys_newfstat", ABI: "x64"}, false},
		{guestos.Syscall{Name: "openat", Symbol: "__x64_sys_openat", ABI: "x64"}, false},
	} {
		assert.Equal(t, tc.want, f.calls(&tc.sc), tc.sc.Symbol)
	}
}
