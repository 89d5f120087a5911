// Package qmp is a small client of QEMU's machine protocol (QMP), built on
// github.com/digitalocean/go-qemu/qmp: connect, query the run state, stop,
// continue, save guest physical memory to a file (pmemsave), reset, and
// migrate.
//
// Every call takes a context. QEMU serves one QMP client per socket: a
// second client waits until the first disconnects, so Dial honours the
// context while waiting for QEMU's greeting too.
package qmp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"time"

	dqmp "github.com/digitalocean/go-qemu/qmp"
)

// Sentinel errors, wrapped with %w.
var (
	// ErrClosed is returned by every method after Close, or after a call
	// was abandoned because its context ended (the connection is dropped
	// then, so that a late reply cannot be taken for another's).
	ErrClosed = errors.New("qmp: monitor closed")
	// ErrCommand means QEMU answered a command with an error.
	ErrCommand = errors.New("qmp: command failed")
	// ErrDisconnected means the connection to QEMU was lost (QEMU exited).
	ErrDisconnected = errors.New("qmp: connection lost")
	// ErrAddress means an address that is not "unix:PATH" or "tcp:HOST:PORT".
	ErrAddress = errors.New("qmp: bad address")
)

// defaultDialTimeout bounds connecting when the context has no deadline.
const defaultDialTimeout = 10 * time.Second

// Monitor is one QMP connection. Its methods may be called from several
// goroutines; commands run one at a time.
type Monitor struct {
	addr string

	mu     sync.Mutex // guards closed
	closed bool
	mon    *dqmp.SocketMonitor
}

// Dial connects to a QMP socket, "unix:/path/qmp.sock" or "tcp:host:port",
// and completes the capabilities handshake.
func Dial(ctx context.Context, addr string) (*Monitor, error) {
	network, where, ok := strings.Cut(addr, ":")
	if !ok || where == "" || (network != "unix" && network != "tcp") {
		return nil, fmt.Errorf("%w: %q (want unix:PATH or tcp:HOST:PORT)", ErrAddress, addr)
	}
	timeout := defaultDialTimeout
	if dl, ok := ctx.Deadline(); ok {
		timeout = time.Until(dl)
		if timeout <= 0 {
			return nil, fmt.Errorf("qmp: dial %s: %w", addr, context.DeadlineExceeded)
		}
	}
	mon, err := dqmp.NewSocketMonitor(network, where, timeout)
	if err != nil {
		return nil, fmt.Errorf("qmp: dial %s: %w", addr, err)
	}
	done := make(chan error, 1)
	go func() { done <- mon.Connect() }()
	select {
	case err := <-done:
		if err != nil {
			mon.Disconnect()
			return nil, fmt.Errorf("qmp: handshake with %s: %w", addr, err)
		}
	case <-ctx.Done():
		// Connect cannot be interrupted without racing on the monitor's
		// fields; let it finish (QEMU answers or goes away) and drop it.
		go func() {
			if <-done == nil {
				mon.Disconnect()
			}
		}()
		return nil, fmt.Errorf("qmp: handshake with %s: %w", addr, ctx.Err())
	}
	return &Monitor{addr: addr, mon: mon}, nil
}

// Close drops the connection.
func (m *Monitor) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return nil
	}
	m.closed = true
	return m.mon.Disconnect()
}

// run executes one command and decodes its "return" member into ret (if
// not nil). When ctx ends first the connection is dropped.
func (m *Monitor) run(ctx context.Context, ret any, execute string, args any) error {
	m.mu.Lock()
	closed := m.closed
	m.mu.Unlock()
	if closed {
		return fmt.Errorf("%s: %w", execute, ErrClosed)
	}
	cmd, err := json.Marshal(dqmp.Command{Execute: execute, Args: args})
	if err != nil {
		return fmt.Errorf("qmp: %s: %w", execute, err)
	}
	type result struct {
		out []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		out, err := m.mon.Run(cmd)
		done <- result{out, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-ctx.Done():
		m.Close() // unblocks Run
		return fmt.Errorf("qmp: %s on %s: %w", execute, m.addr, ctx.Err())
	}
	if r.err != nil {
		m.mu.Lock()
		closed := m.closed
		m.mu.Unlock()
		switch {
		case closed:
			return fmt.Errorf("qmp: %s: %w", execute, ErrClosed)
		case lostConnection(r.err):
			return fmt.Errorf("%w: %s on %s: %v", ErrDisconnected, execute, m.addr, r.err)
		}
		return fmt.Errorf("%w: %s: %v", ErrCommand, execute, r.err)
	}
	if ret == nil {
		return nil
	}
	var resp struct {
		Return json.RawMessage `json:"return"`
	}
	if err := json.Unmarshal(r.out, &resp); err != nil {
		return fmt.Errorf("qmp: %s: bad reply %.200q: %w", execute, r.out, err)
	}
	if err := json.Unmarshal(resp.Return, ret); err != nil {
		return fmt.Errorf("qmp: %s: bad reply %.200q: %w", execute, r.out, err)
	}
	return nil
}

// lostConnection tells I/O failures from QEMU's error replies, which
// go-qemu returns as plain errors carrying QEMU's description. A closed
// connection shows up as an empty reply, a JSON syntax error.
func lostConnection(err error) bool {
	var se *json.SyntaxError
	var oe *net.OpError
	return errors.As(err, &se) || errors.As(err, &oe) || errors.Is(err, io.EOF) ||
		errors.Is(err, net.ErrClosed) || errors.Is(err, bufio.ErrTooLong)
}

// Status is QEMU's run state: "running", "paused", "prelaunch",
// "shutdown", "internal-error", ... (query-status).
func (m *Monitor) Status(ctx context.Context) (string, error) {
	var st struct {
		Status  string `json:"status"`
		Running bool   `json:"running"`
	}
	if err := m.run(ctx, &st, "query-status", nil); err != nil {
		return "", err
	}
	return st.Status, nil
}

// Stop pauses every vCPU.
func (m *Monitor) Stop(ctx context.Context) error { return m.run(ctx, nil, "stop", nil) }

// Cont resumes every vCPU.
func (m *Monitor) Cont(ctx context.Context) error { return m.run(ctx, nil, "cont", nil) }

// PMemSave writes size bytes of guest physical memory from address 0 to
// path, a file QEMU itself creates (path is relative to QEMU's working
// directory unless absolute).
func (m *Monitor) PMemSave(ctx context.Context, path string, size uint64) error {
	args := struct {
		Val      uint64 `json:"val"`
		Size     uint64 `json:"size"`
		Filename string `json:"filename"`
	}{0, size, path}
	return m.run(ctx, nil, "pmemsave", args)
}

// SystemReset resets the machine as its reset button would (system_reset).
// QEMU started with -no-reboot (or -action reboot=shutdown) exits instead;
// SetAction changes that.
func (m *Monitor) SystemReset(ctx context.Context) error {
	return m.run(ctx, nil, "system_reset", nil)
}

// SetAction sets what QEMU does when the guest reboots: "reset" or
// "shutdown" (set-action's reboot member).
func (m *Monitor) SetAction(ctx context.Context, reboot string) error {
	args := struct {
		Reboot string `json:"reboot"`
	}{reboot}
	return m.run(ctx, nil, "set-action", args)
}

// Migrate starts migrating the machine to uri ("exec:cat > FILE",
// "tcp:HOST:PORT", ...), as `virsh save` and `virsh migrate` do. It
// returns once the migration started; MigrationStatus follows it.
func (m *Monitor) Migrate(ctx context.Context, uri string) error {
	args := struct {
		URI string `json:"uri"`
	}{uri}
	return m.run(ctx, nil, "migrate", args)
}

// MigrationStatus is the state of the last migration: "active",
// "completed", "failed" (with QEMU's reason), ... (query-migrate).
func (m *Monitor) MigrationStatus(ctx context.Context) (status, reason string, err error) {
	var st struct {
		Status string `json:"status"`
		Error  string `json:"error-desc"`
	}
	if err := m.run(ctx, &st, "query-migrate", nil); err != nil {
		return "", "", err
	}
	return st.Status, st.Error, nil
}
