package qemu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"syscall"
	"time"

	"github.com/guestrace/guestrace/pkg/vmi"
)

// The GDB remote serial protocol framing: $payload#cs, acknowledged with
// '+' or '-'. QEMU's stub never enters no-ack mode, so every packet we get
// is acknowledged and every packet we send waits for its '+'.

const (
	// defaultPacketSize is what GDB assumes before qSupported says more.
	defaultPacketSize = 400
	// maxPacketSize bounds what we accept from the stub (its PacketSize and
	// every reply): the stub is untrusted.
	maxPacketSize = 1 << 20
	// maxRetries is how often a packet is sent again after '-', or a reply
	// is asked for again after a bad checksum, before giving up.
	maxRetries = 4
	// interruptByte stops a running guest (^C).
	interruptByte = 0x03
)

// ErrProtocol means the stub broke the protocol (bad checksum, a reply
// that cannot be parsed, a packet cut short).
var ErrProtocol = errors.New("gdb protocol error")

// stream is what conn needs from the socket; net.Conn has it, and fuzz
// tests give a fake.
type stream interface {
	io.ReadWriter
	SetReadDeadline(time.Time) error
	SetWriteDeadline(time.Time) error
}

// conn is one connection to a GDB stub. It is not safe for concurrent use.
type conn struct {
	s       stream
	r       *bufio.Reader
	name    string        // the socket, for error messages
	timeout time.Duration // for every reply and every write

	out  []byte // the framed packet being sent, kept for retransmission
	raw  []byte // the last received packet, still escaped
	in   []byte // its decoded payload, returned by recv
	last []byte // the last payload sent, for error messages
	one  [1]byte

	// err is the first I/O or framing error: after it the stream's state
	// is unknown and every call fails with it.
	err error
}

func newConn(s stream, name string, timeout time.Duration) *conn {
	return &conn{
		s:       s,
		r:       bufio.NewReaderSize(s, 4096),
		name:    name,
		timeout: timeout,
		out:     make([]byte, 0, 4096+4),
		raw:     make([]byte, 0, 4096),
		in:      make([]byte, 0, 4096),
	}
}

// fail records a fatal error and returns it.
func (c *conn) fail(err error) error {
	if c.err == nil {
		c.err = err
	}
	return c.err
}

// ioError turns a read or write error into one naming the socket and the
// packet; a closed connection is vmi.ErrGuestGone.
func (c *conn) ioError(what string, err error) error {
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, net.ErrClosed), errors.Is(err, io.ErrClosedPipe),
		errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return fmt.Errorf("qemu gdb stub %s: connection closed %s: %w", c.name, what, vmi.ErrGuestGone)
	case errors.Is(err, os.ErrDeadlineExceeded):
		return fmt.Errorf("qemu gdb stub %s: no answer within %v %s: %w", c.name, c.timeout, what, err)
	}
	return fmt.Errorf("qemu gdb stub %s: %s: %w", c.name, what, err)
}

// after names the last packet sent, for errors.
func (c *conn) after() string {
	return "after " + quote(c.last)
}

// quote renders a packet for an error message, shortened.
func quote(p []byte) string {
	const max = 48
	if len(p) > max {
		return fmt.Sprintf("%q...", p[:max])
	}
	return fmt.Sprintf("%q", p)
}

func checksum(p []byte) byte {
	var s byte
	for _, b := range p {
		s += b
	}
	return s
}

const hexDigits = "0123456789abcdef"

// frame builds $payload#cs in c.out, escaping the bytes the protocol
// reserves.
func (c *conn) frame(payload []byte) {
	out := append(c.out[:0], '$')
	var sum byte
	for _, b := range payload {
		switch b {
		case '$', '#', '}', '*':
			out = append(out, '}', b^0x20)
			sum += '}' + (b ^ 0x20)
		default:
			out = append(out, b)
			sum += b
		}
	}
	c.out = append(out, '#', hexDigits[sum>>4], hexDigits[sum&15])
}

// send sends one packet and waits for its acknowledgement, sending it
// again on '-'.
func (c *conn) send(payload []byte) error {
	if c.err != nil {
		return c.err
	}
	c.last = append(c.last[:0], payload...)
	c.frame(payload)
	for try := 0; ; try++ {
		if err := c.write(c.out); err != nil {
			return err
		}
		ok, err := c.readAck()
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
		if try == maxRetries {
			return c.fail(fmt.Errorf("qemu gdb stub %s: packet %s refused (-) %d times: %w", c.name, quote(payload), try+1, ErrProtocol))
		}
	}
}

func (c *conn) write(b []byte) error {
	if err := c.s.SetWriteDeadline(time.Now().Add(c.timeout)); err != nil {
		return c.fail(c.ioError("sending "+quote(c.last), err))
	}
	if _, err := c.s.Write(b); err != nil {
		return c.fail(c.ioError("sending "+quote(c.last), err))
	}
	return nil
}

// readAck reads up to the '+' or '-' for the packet just sent. A '$' also
// counts as '+': the stub got our packet and already answers.
func (c *conn) readAck() (bool, error) {
	if err := c.readDeadline(time.Now().Add(c.timeout)); err != nil {
		return false, c.fail(c.ioError("waiting for the acknowledgement of "+quote(c.last), err))
	}
	for {
		b, err := c.r.ReadByte()
		if err != nil {
			return false, c.fail(c.ioError("waiting for the acknowledgement of "+quote(c.last), err))
		}
		switch b {
		case '+':
			return true, nil
		case '-':
			return false, nil
		case '$':
			c.r.UnreadByte()
			return true, nil
		}
		// Anything else is noise between packets.
	}
}

// readDeadline bounds the next reads. Setting it fails on a connection
// the peer has closed; bytes already buffered are still the peer's last
// words, so that failure only counts when nothing is left to read.
func (c *conn) readDeadline(t time.Time) error {
	if err := c.s.SetReadDeadline(t); err != nil && c.r.Buffered() == 0 {
		return err
	}
	return nil
}

// interrupt sends ^C, which stops a running guest. It is not a packet and
// is not acknowledged.
func (c *conn) interrupt() error {
	if c.err != nil {
		return c.err
	}
	c.last = append(c.last[:0], "^C"...)
	c.one[0] = interruptByte
	return c.write(c.one[:])
}

// ack sends '+' or '-'.
func (c *conn) ack(ok bool) error {
	c.one[0] = '+'
	if !ok {
		c.one[0] = '-'
	}
	return c.write(c.one[:])
}

// recv reads one packet, acknowledges it and returns its decoded payload,
// valid until the next call. It waits at most the conn's timeout.
func (c *conn) recv() ([]byte, error) {
	if c.err != nil {
		return nil, c.err
	}
	if err := c.readDeadline(time.Now().Add(c.timeout)); err != nil {
		return nil, c.fail(c.ioError("waiting for a reply "+c.after(), err))
	}
	return c.recvNoDeadline()
}

// recvNoDeadline is recv under a deadline the caller set.
func (c *conn) recvNoDeadline() ([]byte, error) {
	for try := 0; ; try++ {
		sumOK, err := c.readPacket()
		if err != nil {
			return nil, c.fail(err)
		}
		if sumOK {
			if err := c.ack(true); err != nil {
				return nil, err
			}
			in, err := decodePayload(c.in[:0], c.raw)
			c.in = in[:0]
			if err != nil {
				return nil, c.fail(fmt.Errorf("qemu gdb stub %s: reply %s %s: %w", c.name, quote(c.raw), c.after(), err))
			}
			return in, nil
		}
		if try == maxRetries {
			return nil, c.fail(fmt.Errorf("qemu gdb stub %s: bad checksum on packet %s %s, %d times: %w", c.name, quote(c.raw), c.after(), try+1, ErrProtocol))
		}
		// Ask for it again: the stub keeps its last packet for this.
		if err := c.ack(false); err != nil {
			return nil, err
		}
	}
}

// readPacket reads $...#cs into c.raw (escaped), skipping stray bytes
// before it, and reports whether the checksum matched.
func (c *conn) readPacket() (bool, error) {
	for {
		b, err := c.r.ReadByte()
		if err != nil {
			return false, c.ioError("waiting for a reply "+c.after(), err)
		}
		if b == '$' {
			break
		}
		// '+' acks, or noise: ignored.
	}
	raw := c.raw[:0]
	for {
		b, err := c.r.ReadByte()
		if err != nil {
			c.raw = raw
			return false, c.ioError(fmt.Sprintf("in the middle of packet %s (truncated) %s", quote(raw), c.after()), err)
		}
		if b == '#' {
			break
		}
		if b == '$' {
			// A new packet starts: the stub gave up on the one before.
			raw = raw[:0]
			continue
		}
		if len(raw) >= maxPacketSize {
			c.raw = raw
			return false, fmt.Errorf("qemu gdb stub %s: packet longer than %d bytes %s: %w", c.name, maxPacketSize, c.after(), ErrProtocol)
		}
		raw = append(raw, b)
	}
	c.raw = raw
	var cs [2]byte
	for i := range cs {
		b, err := c.r.ReadByte()
		if err != nil {
			return false, c.ioError(fmt.Sprintf("in the checksum of packet %s (truncated) %s", quote(raw), c.after()), err)
		}
		cs[i] = b
	}
	want, ok := unhex2(cs[0], cs[1])
	if !ok {
		return false, nil
	}
	return checksum(raw) == want, nil
}

// decodePayload appends to dst the payload of a packet body as GDB reads
// it: first run-length expansion of the raw bytes ('c' '*' n is c and n-29
// more of it), then escapes ('}' x is x^0x20).
func decodePayload(dst, raw []byte) ([]byte, error) {
	var prev byte
	esc := false
	for i := 0; i < len(raw); i++ {
		b, n := raw[i], 1
		if b == '*' {
			if i == 0 || i+1 == len(raw) {
				return dst, fmt.Errorf("run-length '*' without a byte to repeat or a count: %w", ErrProtocol)
			}
			i++
			n = int(raw[i]) - 29
			if n < 3 || n > 97 {
				return dst, fmt.Errorf("run-length count %q out of range: %w", raw[i], ErrProtocol)
			}
			if len(dst)+n > maxPacketSize {
				return dst, fmt.Errorf("run-length expansion past %d bytes: %w", maxPacketSize, ErrProtocol)
			}
			b = prev
		}
		prev = b
		for range n {
			switch {
			case esc:
				dst = append(dst, b^0x20)
				esc = false
			case b == '}':
				esc = true
			default:
				dst = append(dst, b)
			}
		}
	}
	if esc {
		return dst, fmt.Errorf("escape '}' at the end of a packet: %w", ErrProtocol)
	}
	return dst, nil
}

// exchange sends a packet and returns the stub's reply.
func (c *conn) exchange(payload []byte) ([]byte, error) {
	if err := c.send(payload); err != nil {
		return nil, err
	}
	return c.recv()
}

// waitByte waits until a byte can be read or the deadline passes, without
// consuming it: Wait polls with it so that ctx is honoured between polls
// and no packet is ever cut in the middle by a deadline.
func (c *conn) waitByte(deadline time.Time) error {
	if c.err != nil {
		return c.err
	}
	if c.r.Buffered() > 0 {
		return nil
	}
	if err := c.s.SetReadDeadline(deadline); err != nil {
		return c.fail(c.ioError("waiting for the guest to stop", err))
	}
	_, err := c.r.Peek(1)
	if err != nil {
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return err // not fatal: the caller polls again
		}
		return c.fail(c.ioError("waiting for the guest to stop", err))
	}
	return nil
}

func unhex(b byte) (byte, bool) {
	switch {
	case '0' <= b && b <= '9':
		return b - '0', true
	case 'a' <= b && b <= 'f':
		return b - 'a' + 10, true
	case 'A' <= b && b <= 'F':
		return b - 'A' + 10, true
	}
	return 0, false
}

func unhex2(hi, lo byte) (byte, bool) {
	h, ok1 := unhex(hi)
	l, ok2 := unhex(lo)
	return h<<4 | l, ok1 && ok2
}

// decodeHex decodes hex digits into dst (len(src) == 2*len(dst)).
func decodeHex(dst, src []byte) bool {
	if len(src) != 2*len(dst) {
		return false
	}
	for i := range dst {
		b, ok := unhex2(src[2*i], src[2*i+1])
		if !ok {
			return false
		}
		dst[i] = b
	}
	return true
}

// appendHex appends the hex digits of b.
func appendHex(dst, b []byte) []byte {
	for _, x := range b {
		dst = append(dst, hexDigits[x>>4], hexDigits[x&15])
	}
	return dst
}

// appendUint appends v in hex without leading zeros, as addresses and
// lengths are written.
func appendUint(dst []byte, v uint64) []byte {
	if v == 0 {
		return append(dst, '0')
	}
	var tmp [16]byte
	i := len(tmp)
	for v != 0 {
		i--
		tmp[i] = hexDigits[v&15]
		v >>= 4
	}
	return append(dst, tmp[i:]...)
}

// parseUint parses hex digits (at most 16).
func parseUint(b []byte) (uint64, bool) {
	if len(b) == 0 || len(b) > 16 {
		return 0, false
	}
	var v uint64
	for _, x := range b {
		d, ok := unhex(x)
		if !ok {
			return 0, false
		}
		v = v<<4 | uint64(d)
	}
	return v, true
}
