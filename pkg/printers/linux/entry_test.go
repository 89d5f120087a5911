package linux

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNeedsEntry(t *testing.T) {
	for name, want := range map[string]bool{
		"close": false, "read": false, "write": false, "openat": false, "fstat": false,
		"mmap": false, "futex": false, "nanosleep": false, "clock_nanosleep": false,
		"execve": true, "execveat": true, "rt_sigreturn": true, "exit_group": true, "exit": true,
		"select": true, "poll": true, "accept": true, "getsockname": true, "wait4": true,
		"sendfile": true, "splice": true, "copy_file_range": true, "recvfrom": true,
	} {
		s, ok := Lookup(name)
		require.True(t, ok, name)
		assert.Equal(t, want, s.NeedsEntry(), name)
	}
	// Every row that keeps state for its exit has a decoder of its own,
	// and so needs its entry unless listed as safe.
	for name := range exitSafe {
		s, ok := Lookup(name)
		require.True(t, ok, name)
		assert.NotNil(t, s.dec, name)
	}
	for _, s := range I386() {
		if s.Name == "sigreturn" || s.Name == "execve" {
			assert.True(t, s.NeedsEntry(), "i386 "+s.Name)
		}
	}
}
