package e2e

import (
	"bufio"
	"bytes"
	"context"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
)

// How a trace ends when something other than the user ends it: the
// output's reader, the disk, the hypervisor, or someone pausing the guest.

// guestRunsOn checks that the guest still runs its programs and is not
// left paused.
func guestRunsOn(t *testing.T, g *guestlab.Guest) {
	t.Helper()
	out, status, err := g.Exec(ctx(t, 3*time.Minute), "/bin/gt-closeloop 1000")
	require.NoError(t, err)
	require.Equal(t, 0, status)
	assert.Contains(t, out, "CLOSELOOP n=1000")
	st, err := g.QMPStatus(ctx(t, 10*time.Second))
	require.NoError(t, err)
	assert.Equal(t, "running", st)
}

// TestReaderGoesAway: `guestrace ... | head -1` ends guestrace cleanly
// (exit 0) once head has gone, and the guest runs on.
func TestReaderGoesAway(t *testing.T) {
	g := guestlab.Boot(t, guestlab.Options{VCPUs: 1})
	cmd := exec.Command(binary, append(qemuArgs(g), "-e", "trace=close", "--comm", "gt-closeloop")...)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	stderr := waitTracing(t, cmd)
	_, _, err = g.Exec(ctx(t, time.Minute), "/bin/gt-closeloop 200000 >/tmp/closeloop.out &")
	require.NoError(t, err)
	line, err := bufio.NewReader(stdout).ReadString('\n')
	require.NoError(t, err)
	assert.Regexp(t, closeLine, line)
	require.NoError(t, stdout.Close()) // head -1 exits
	done := make(chan error, 1)
	go func() { <-stderr.eof; done <- cmd.Wait() }()
	select {
	case err := <-done:
		require.NoError(t, err, stderr.String())
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		t.Fatalf("guestrace went on a minute after its reader left:\n%s", stderr.String())
	}
	assert.Contains(t, stderr.String(), "guestrace: the output's reader went away; detached\n")
	guestRunsOn(t, g)
}

// syncBuffer is a buffer written by one goroutine and read by another.
type syncBuffer struct {
	mu  sync.Mutex
	b   bytes.Buffer
	eof chan struct{} // closed when the writer has closed its end
}

func (s *syncBuffer) add(line string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.b.WriteString(line + "\n")
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitTracing starts cmd and waits until it says it is tracing; its
// standard error is collected in the buffer returned. Wait for the
// buffer's eof before cmd.Wait.
func waitTracing(t *testing.T, cmd *exec.Cmd) *syncBuffer {
	t.Helper()
	pipe, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { cmd.Process.Kill() })
	buf := syncBuffer{eof: make(chan struct{})}
	tracing := make(chan struct{})
	go func() {
		defer close(buf.eof)
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			buf.add(sc.Text())
			if strings.Contains(sc.Text(), "; tracing") {
				close(tracing)
			}
		}
	}()
	select {
	case <-tracing:
	case <-time.After(2 * time.Minute):
		t.Fatalf("guestrace did not start tracing:\n%s", buf.String())
	}
	return &buf
}

// TestDiskFull: a trace file that cannot grow (ENOSPC) detaches, says so
// in one line naming the file, and exits 1; the guest runs on.
func TestDiskFull(t *testing.T) {
	g := guestlab.Boot(t, guestlab.Options{VCPUs: 1})
	cmd := exec.Command(binary, append(qemuArgs(g), "-e", "trace=close", "-o", "/dev/full")...)
	stderr := waitTracing(t, cmd)
	done := make(chan error, 1)
	go func() { <-stderr.eof; done <- cmd.Wait() }()
	_, _, err := g.Exec(ctx(t, time.Minute), "/bin/gt-closeloop 1000")
	require.NoError(t, err)
	select {
	case <-done:
	case <-time.After(2 * time.Minute):
		cmd.Process.Kill()
		t.Fatalf("guestrace did not stop on a full disk:\n%s", stderr.String())
	}
	assert.Equal(t, 1, cmd.ProcessState.ExitCode(), stderr.String())
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	assert.Equal(t, "guestrace: -o /dev/full: no space left on device; detached", lines[len(lines)-1])
	guestRunsOn(t, g)
}

// TestHypervisorDies: QEMU killed under a trace ends guestrace promptly
// with exit 1 and one line saying the guest went away; what was traced is
// in the file and the call in progress is unfinished, not detached.
func TestHypervisorDies(t *testing.T) {
	g := guestlab.Boot(t, guestlab.Options{VCPUs: 1})
	p := startTracer(t, append(qemuArgs(g), "-e", "trace=close")...)
	_, _, err := g.Exec(ctx(t, time.Minute), "/bin/gt-closeloop 200000 >/tmp/closeloop.out &")
	require.NoError(t, err)
	p.waitTrace(t, closeLine)
	require.NoError(t, g.Kill())
	select {
	case <-p.done:
	case <-time.After(30 * time.Second):
		t.Fatalf("guestrace went on 30 s after QEMU died:\n%s", p.Stderr())
	}
	assert.Equal(t, 1, p.cmd.ProcessState.ExitCode())
	lines := strings.Split(strings.TrimSpace(p.Stderr()), "\n")
	assert.Regexp(t, `^guestrace: tracing --qemu unix:\S+: .*guest went away`, lines[len(lines)-1])
	trace := strings.Join(p.trace(t), "\n")
	assert.Regexp(t, closeLine, trace)
	assert.NotContains(t, trace, "<detached ...>")
}

// TestSomeoneStopsTheGuest: a management tool stopping the guest
// mid-trace and continuing it, by a pause (QMP stop and cont, virsh
// suspend and resume) or by a pause and a migration (virsh save, a memory
// snapshot: the migration's end stops the guest once more), is no error
// and loses no call; the guest stays stopped until it is continued.
func TestSomeoneStopsTheGuest(t *testing.T) {
	for _, c := range []struct {
		name, state string
		stop        func(*guestlab.Guest, context.Context) error
	}{
		{"pause", "paused", (*guestlab.Guest).Stop},
		{"save", "postmigrate", func(g *guestlab.Guest, c context.Context) error {
			if err := g.Stop(c); err != nil {
				return err
			}
			return g.Migrate(c, "exec:cat > /dev/null")
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := guestlab.Boot(t, guestlab.Options{VCPUs: 1})
			p := startTracer(t, append(qemuArgs(g), "-e", "trace=close", "--comm", "gt-closeloop")...)
			const n = 400
			_, _, err := g.Exec(ctx(t, time.Minute), "/bin/gt-closeloop 400 >/tmp/closeloop.out &")
			require.NoError(t, err)
			p.waitTrace(t, closeLine)
			require.NoError(t, c.stop(g, ctx(t, 3*time.Minute)), "console:\n%s", tail(strings.Split(g.Console(), "\n"), 20))
			time.Sleep(2 * time.Second)
			st, err := g.QMPStatus(ctx(t, 10*time.Second))
			require.NoError(t, err)
			assert.Equal(t, c.state, st)
			require.NoError(t, g.Cont(ctx(t, 30*time.Second)))
			out, status, err := g.Exec(ctx(t, 3*time.Minute),
				"until grep -q CLOSELOOP /tmp/closeloop.out; do sleep 1; done; cat /tmp/closeloop.out")
			require.NoError(t, err)
			require.Equal(t, 0, status)
			assert.Contains(t, out, "CLOSELOOP n=400")
			assert.Equal(t, 0, p.stop(t, syscall.SIGINT), p.Stderr())
			all := regexp.MustCompile(`(?m)^\[pid \d+/\d+ gt-closeloop\] close\(-1\) += -1 EBADF \(Bad file descriptor\)$`)
			assert.Len(t, all.FindAllString(strings.Join(p.trace(t), "\n"), -1), n, "every call and its return")
		})
	}
}
