package qmp

import (
	"context"
	"encoding/json"
	"net"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeQEMU serves one QMP client on a unix socket: the greeting, the
// capabilities handshake, then one reply per command from replies
// (keyed by command name; a missing name gets no reply at all).
func fakeQEMU(t *testing.T, greet bool, replies map[string]string) (addr string, got chan map[string]any) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "qmp.sock")
	l, err := net.Listen("unix", path)
	require.NoError(t, err)
	got = make(chan map[string]any, 16)
	done, stop := make(chan struct{}), make(chan struct{})
	t.Cleanup(func() { close(stop); l.Close(); <-done })
	go func() {
		defer close(done)
		c, err := l.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		if !greet {
			<-stop // silent until the test ends
			return
		}
		c.Write([]byte(`{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": ""}, "capabilities": ["oob"]}}` + "\n"))
		// Commands are JSON values, not lines: go-qemu sends no newline.
		dec := json.NewDecoder(c)
		for {
			var cmd map[string]any
			if dec.Decode(&cmd) != nil {
				return
			}
			name, _ := cmd["execute"].(string)
			if name == "qmp_capabilities" {
				c.Write([]byte(`{"return": {}}` + "\n"))
				continue
			}
			got <- cmd
			// An event first: replies must still reach their command.
			c.Write([]byte(`{"timestamp": {"seconds": 1, "microseconds": 2}, "event": "STOP"}` + "\n"))
			if r, ok := replies[name]; ok {
				c.Write([]byte(r + "\n"))
			}
		}
	}()
	return "unix:" + path, got
}

func TestCommands(t *testing.T) {
	addr, got := fakeQEMU(t, true, map[string]string{
		"query-status":  `{"return": {"status": "paused", "singlestep": false, "running": false}}`,
		"stop":          `{"return": {}}`,
		"cont":          `{"error": {"class": "GenericError", "desc": "Resetting the Virtual Machine is required"}}`,
		"pmemsave":      `{"return": {}}`,
		"migrate":       `{"return": {}}`,
		"query-migrate": `{"return": {"status": "failed", "error-desc": "Unable to write to command: Broken pipe"}}`,
	})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	m, err := Dial(ctx, addr)
	require.NoError(t, err)
	defer m.Close()

	st, err := m.Status(ctx)
	require.NoError(t, err)
	assert.Equal(t, "paused", st)
	assert.Equal(t, map[string]any{"execute": "query-status"}, <-got)

	require.NoError(t, m.Stop(ctx))
	assert.Equal(t, map[string]any{"execute": "stop"}, <-got)

	err = m.Cont(ctx)
	assert.ErrorIs(t, err, ErrCommand)
	assert.EqualError(t, err, "qmp: command failed: cont: Resetting the Virtual Machine is required")
	<-got

	// The path goes as a JSON string: no HMP quoting, '/' is not division.
	require.NoError(t, m.PMemSave(ctx, "/tmp/a dir/mem.raw", 512<<20))
	assert.Equal(t, map[string]any{"execute": "pmemsave", "arguments": map[string]any{
		"val": 0.0, "size": float64(512 << 20), "filename": "/tmp/a dir/mem.raw"}}, <-got)

	require.NoError(t, m.Migrate(ctx, "exec:cat > /dev/null"))
	assert.Equal(t, map[string]any{"execute": "migrate", "arguments": map[string]any{"uri": "exec:cat > /dev/null"}}, <-got)
	st, reason, err := m.MigrationStatus(ctx)
	require.NoError(t, err)
	assert.Equal(t, "failed", st)
	assert.Equal(t, "Unable to write to command: Broken pipe", reason)
	<-got

	require.NoError(t, m.Close())
	_, err = m.Status(ctx)
	assert.ErrorIs(t, err, ErrClosed)
}

// A command QEMU never answers ends with its context, and the monitor is
// unusable afterwards.
func TestCommandDeadline(t *testing.T) {
	addr, _ := fakeQEMU(t, true, nil)
	m, err := Dial(context.Background(), addr)
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err = m.Status(ctx)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	_, err = m.Status(context.Background())
	assert.ErrorIs(t, err, ErrClosed)
}

// A socket that never greets (QEMU busy with another client) ends Dial
// at its context.
func TestDialNoGreeting(t *testing.T) {
	addr, _ := fakeQEMU(t, false, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := Dial(ctx, addr)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

func TestDialErrors(t *testing.T) {
	_, err := Dial(context.Background(), "/no/scheme")
	assert.ErrorIs(t, err, ErrAddress)
	_, err = Dial(context.Background(), "unix:"+filepath.Join(t.TempDir(), "none.sock"))
	assert.ErrorContains(t, err, "qmp: dial unix:")
}

// QEMU going away mid-command is a lost connection, not a command error.
func TestDisconnected(t *testing.T) {
	path := filepath.Join(t.TempDir(), "qmp.sock")
	l, err := net.Listen("unix", path)
	require.NoError(t, err)
	defer l.Close()
	go func() {
		c, err := l.Accept()
		if err != nil {
			return
		}
		c.Write([]byte(`{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": ""}, "capabilities": []}}` + "\n"))
		dec := json.NewDecoder(c)
		var cmd any
		dec.Decode(&cmd)
		c.Write([]byte(`{"return": {}}` + "\n"))
		dec.Decode(&cmd)
		c.Close()
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	m, err := Dial(ctx, "unix:"+path)
	require.NoError(t, err)
	defer m.Close()
	err = m.Stop(ctx)
	assert.ErrorIs(t, err, ErrDisconnected)
}
