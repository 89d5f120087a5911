package qemu

import (
	"context"
	"errors"
	"fmt"
	"net"
	"time"
)

// ErrBusy means the stub did not answer at all: QEMU serves one client
// at a time, and a second one waits unserved in its listen queue.
var ErrBusy = errors.New("gdb stub busy")

// BusyError is Dial's error when the stub is busy. Its connection is
// still open and queued: closing it would hurt the guest, because QEMU,
// once the current client leaves, accepts it, pauses the guest for the new
// client, then finds it gone and leaves the guest paused. Hand it to
// Release instead.
type BusyError struct {
	Addr string
	Conn net.Conn
	err  error
}

func (e *BusyError) Error() string {
	return e.err.Error() + " (is another debugger or guestrace attached?)"
}

func (e *BusyError) Unwrap() []error { return []error{ErrBusy, e.err} }

// Release waits, until ctx ends, for QEMU to serve a connection Dial found
// busy (it answers the handshake packet Dial sent), then detaches on it,
// which resumes the guest, and closes it.
func Release(ctx context.Context, nc net.Conn, addr string) error {
	defer nc.Close()
	stop := context.AfterFunc(ctx, func() { nc.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	c := newConn(nc, addr, 24*time.Hour)
	// Dial's handshake packet is waiting in the socket: its
	// acknowledgement and reply come when QEMU serves it.
	c.last = pktSupported
	if _, err := c.readAck(); err != nil {
		return err
	}
	if _, err := c.recv(); err != nil {
		return err
	}
	c.timeout = defaultTimeout
	reply, err := c.exchange(pktDetach)
	if err != nil {
		return err
	}
	if string(reply) != "OK" {
		return fmt.Errorf("qemu gdb stub %s: detach answered %q: %w", addr, reply, ErrRefused)
	}
	return nil
}
