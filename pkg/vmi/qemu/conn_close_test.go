package qemu

import (
	"strings"
	"testing"
)

// TestBufferedReplyAfterPeerClose: a reply already received is read even
// when the peer closed before the next read deadline was set (setting it
// then fails). The race showed about once in 20 exchanges before.
func TestBufferedReplyAfterPeerClose(t *testing.T) {
	for i := 0; i < 1000; i++ {
		c, _ := runScript(t, []step{{expect: frame("g")}, {send: "+$OK#9"}, {close: true}})
		_, err := c.exchange([]byte("g"))
		if err == nil || !strings.Contains(err.Error(), `in the checksum of packet "OK" (truncated)`) {
			t.Fatalf("exchange %d: %v", i, err)
		}
	}
}
