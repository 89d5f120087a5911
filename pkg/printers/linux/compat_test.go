package linux

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestIDs: user and group ids of x86-64 and of i386's old 16-bit calls:
// -1 for the "unchanged" value of each width, as strace's printuid.
func TestIDs(t *testing.T) {
	mem := flatMem{0x1000, []byte{0xff, 0xff, 0xff, 0xff, 7, 0, 0, 0}}
	getresuid, ok := Lookup("getresuid")
	require.True(t, ok)
	var st State
	args := [6]uint64{0x1000, 0x1004, 0x1000}
	b := getresuid.EnterState(nil, &args, mem, nil, &st)
	assert.Equal(t, "getresuid([-1], [7], [-1]) = 0", collapseAlign(string(getresuid.ExitState(b, &args, 0, mem, nil, &st))))
	// i386's getresuid16 reads 2-byte ids: 0xffff is -1.
	assert.Equal(t, "getresuid([-1], [7], [2047]) = 0", collapseAlign(i386Line(t, "getresuid", [6]uint64{0x1000, 0x1004, 0x1003}, 0, flatMem{0x1000, []byte{0xff, 0xff, 0xff, 0xff, 7, 0}})))
}
