package qemu

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/vmi"
)

// A scripted peer: each step either expects exact bytes from the client
// or sends bytes to it.
type step struct {
	expect string
	send   string
	close  bool
}

func frame(payload string) string {
	return fmt.Sprintf("$%s#%02x", payload, checksum([]byte(payload)))
}

func runScript(t *testing.T, steps []step) (*conn, chan error) {
	client, server := net.Pipe()
	done := make(chan error, 1)
	go func() {
		defer server.Close()
		for i, s := range steps {
			switch {
			case s.expect != "":
				server.SetReadDeadline(time.Now().Add(2 * time.Second))
				got := make([]byte, len(s.expect))
				if _, err := io.ReadFull(server, got); err != nil {
					done <- fmt.Errorf("step %d: reading %q: %v", i, s.expect, err)
					return
				}
				if string(got) != s.expect {
					done <- fmt.Errorf("step %d: got %q, want %q", i, got, s.expect)
					return
				}
			case s.send != "":
				if _, err := server.Write([]byte(s.send)); err != nil {
					done <- fmt.Errorf("step %d: %v", i, err)
					return
				}
			case s.close:
				done <- nil
				return
			}
		}
		// Drain whatever else the client writes (acks) until it closes.
		io.Copy(io.Discard, server)
		done <- nil
	}()
	t.Cleanup(func() { client.Close() })
	return newConn(client, "unix:/test.sock", 300*time.Millisecond), done
}

func TestConnExchange(t *testing.T) {
	tests := []struct {
		name    string
		payload string
		steps   []step
		want    string
		wantErr []error
		errText string
	}{{
		name: "ack and reply", payload: "g",
		steps: []step{{expect: frame("g")}, {send: "+" + frame("OK")}, {expect: "+"}},
		want:  "OK",
	}, {
		name: "retransmit on nack", payload: "m1000,4",
		steps: []step{{expect: frame("m1000,4")}, {send: "-"}, {expect: frame("m1000,4")}, {send: "+" + frame("01020304")}, {expect: "+"}},
		want:  "01020304",
	}, {
		name: "refused too often", payload: "g",
		steps: []step{
			{expect: frame("g")}, {send: "-"}, {expect: frame("g")}, {send: "-"}, {expect: frame("g")}, {send: "-"},
			{expect: frame("g")}, {send: "-"}, {expect: frame("g")}, {send: "-"}},
		wantErr: []error{ErrProtocol}, errText: `packet "g" refused (-) 5 times`,
	}, {
		name: "escapes in reply", payload: "qXfer:features:read:target.xml:0,100",
		steps: []step{{expect: frame("qXfer:features:read:target.xml:0,100")}, {send: "+$l}\x03}\x04}]}\x0a#" + fmt.Sprintf("%02x", checksum([]byte("l}\x03}\x04}]}\x0a")))}, {expect: "+"}},
		want:  "l#$}*",
	}, {
		name: "escapes in request", payload: "X#$}*",
		steps: []step{{expect: "$X}\x03}\x04}]}\x0a#" + fmt.Sprintf("%02x", checksum([]byte("X}\x03}\x04}]}\x0a")))}, {send: "+" + frame("OK")}, {expect: "+"}},
		want:  "OK",
	}, {
		name: "run-length", payload: "g",
		steps: []step{{expect: frame("g")}, {send: "+" + frame("0* 1*!2")}, {expect: "+"}},
		want:  "0000" + "11111" + "2",
	}, {
		name: "run-length of an escape", payload: "g",
		steps: []step{{expect: frame("g")}, {send: "+" + frame("}\x03* ")}, {expect: "+"}},
		want:  "#\x03\x03\x03",
	}, {
		name: "noise and stray acks before the reply", payload: "g",
		steps: []step{{expect: frame("g")}, {send: "+++x\r\n" + frame("OK")}, {expect: "+"}},
		want:  "OK",
	}, {
		name: "bad checksum then good", payload: "g",
		steps: []step{{expect: frame("g")}, {send: "+$OK#00"}, {expect: "-"}, {send: frame("OK")}, {expect: "+"}},
		want:  "OK",
	}, {
		name: "non-hex checksum then good", payload: "g",
		steps: []step{{expect: frame("g")}, {send: "+$OK#zz"}, {expect: "-"}, {send: frame("OK")}, {expect: "+"}},
		want:  "OK",
	}, {
		name: "bad checksum every time", payload: "g",
		steps: []step{{expect: frame("g")}, {send: "+$OK#00"}, {expect: "-"}, {send: "$OK#00"}, {expect: "-"},
			{send: "$OK#00"}, {expect: "-"}, {send: "$OK#00"}, {expect: "-"}, {send: "$OK#00"}},
		wantErr: []error{ErrProtocol}, errText: `bad checksum on packet "OK" after "g", 5 times`,
	}, {
		name: "truncated packet", payload: "g",
		steps:   []step{{expect: frame("g")}, {send: "+$0011"}, {close: true}},
		wantErr: []error{vmi.ErrGuestGone}, errText: `in the middle of packet "0011" (truncated) after "g"`,
	}, {
		name: "truncated checksum", payload: "g",
		steps:   []step{{expect: frame("g")}, {send: "+$OK#9"}, {close: true}},
		wantErr: []error{vmi.ErrGuestGone}, errText: `checksum of packet "OK" (truncated)`,
	}, {
		name: "closed before the ack", payload: "g",
		steps:   []step{{expect: frame("g")}, {close: true}},
		wantErr: []error{vmi.ErrGuestGone}, errText: `unix:/test.sock: connection closed waiting for the acknowledgement of "g"`,
	}, {
		name: "no reply", payload: "g",
		steps:   []step{{expect: frame("g")}, {send: "+"}},
		wantErr: []error{os.ErrDeadlineExceeded}, errText: `no answer within 300ms waiting for a reply after "g"`,
	}, {
		name: "bad escape at the end", payload: "g",
		steps:   []step{{expect: frame("g")}, {send: "+" + frame("O}")}, {expect: "+"}},
		wantErr: []error{ErrProtocol}, errText: "escape '}' at the end",
	}, {
		name: "run-length without a byte", payload: "g",
		steps:   []step{{expect: frame("g")}, {send: "+" + frame("* ")}, {expect: "+"}},
		wantErr: []error{ErrProtocol}, errText: "run-length '*' without a byte",
	}, {
		name: "run-length count out of range", payload: "g",
		steps:   []step{{expect: frame("g")}, {send: "+" + frame("0*\x01")}, {expect: "+"}},
		wantErr: []error{ErrProtocol}, errText: "run-length count",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, done := runScript(t, tt.steps)
			got, err := c.exchange([]byte(tt.payload))
			if tt.wantErr != nil {
				require.Error(t, err)
				for _, w := range tt.wantErr {
					assert.ErrorIs(t, err, w)
				}
				assert.Contains(t, err.Error(), tt.errText)
				// The connection stays failed.
				_, err2 := c.exchange([]byte("g"))
				assert.Equal(t, err, err2)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(got))
			c.s.(net.Conn).Close()
			require.NoError(t, <-done)
		})
	}
}

func TestConnInterruptIsOneByte(t *testing.T) {
	c, done := runScript(t, []step{{expect: "\x03"}, {send: frame("T02thread:p01.01;")}, {expect: "+"}})
	require.NoError(t, c.interrupt())
	got, err := c.recv()
	require.NoError(t, err)
	assert.Equal(t, "T02thread:p01.01;", string(got))
	c.s.(net.Conn).Close()
	require.NoError(t, <-done)
}

func TestDecodePayload(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"OK", "OK"},
		{"a*\"", "aaaaaa"},
		{"}]", "}"},
		{"x*~", repeat('x', 98)},
	} {
		got, err := decodePayload(nil, []byte(tt.in))
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, string(got), tt.in)
	}
}

func repeat(b byte, n int) string {
	out := make([]byte, n)
	for i := range out {
		out[i] = b
	}
	return string(out)
}

func TestFrameRoundTrip(t *testing.T) {
	c := newConn(nil, "x", time.Second)
	payload := []byte("M0,4:}#$*\x00\xff")
	c.frame(payload)
	require.Equal(t, byte('$'), c.out[0])
	body := c.out[1 : len(c.out)-3]
	cs, ok := unhex2(c.out[len(c.out)-2], c.out[len(c.out)-1])
	require.True(t, ok)
	assert.Equal(t, checksum(body), cs)
	got, err := decodePayload(nil, body)
	require.NoError(t, err)
	assert.Equal(t, payload, got)
	assert.False(t, errors.Is(err, ErrProtocol))
}
