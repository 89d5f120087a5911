package linux

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCmsgLenOverflow: a control message whose cmsg_len rounds up past
// 2^64 ends the walk (it looped forever, the next message found at the
// same place): its data runs to the end of msg_control, as strace reads it.
func TestCmsgLenOverflow(t *testing.T) {
	m := &rowMem{flatMem: flatMem{0x10000, nil}}
	ctl := m.cmsg(1, 1, 4)
	binary.LittleEndian.PutUint64(ctl, ^uint64(3)) // rounds up to 0
	ctl = append(ctl, m.cmsg(1, 1, 5)...)
	hdr := m.msghdr(ctl)
	s, ok := Lookup("sendmsg")
	require.True(t, ok)
	args := [6]uint64{3, hdr, 0}
	var st State
	b := s.EnterState(nil, &args, m, nil, &st)
	line := string(s.ExitState(b, &args, 5, m, nil, &st))
	assert.Contains(t, line, "{cmsg_len=18446744073709551612, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[4, 0, 20, 0, 1, 1, 5, 0]}], msg_controllen=48")
	assert.Equal(t, 1, strings.Count(line, "cmsg_len="), line)
}
