package guestlab

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLab boots one guest (2 vCPUs, KASLR on) and runs the live checks
// on it in order; the memory dump comes last because it pauses the guest.
func TestLab(t *testing.T) {
	skipShort(t)
	g := Boot(t, Options{VCPUs: 2})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	t.Run("Exec", func(t *testing.T) { testExec(ctx, t, g) })
	t.Run("Workloads", func(t *testing.T) { testWorkloads(ctx, t, g) })
	t.Run("ProfileKASLR", func(t *testing.T) { testProfileKASLR(ctx, t, g) })
	t.Run("DumpMemory", func(t *testing.T) { testDumpMemory(ctx, t, g) })
	t.Run("Close", func(t *testing.T) { testClose(ctx, t, g) })
}

func testExec(ctx context.Context, t *testing.T, g *Guest) {
	out, st, err := g.Exec(ctx, "echo hello; echo oops >&2; exit 3")
	require.NoError(t, err)
	assert.Equal(t, "hello\noops\n", out)
	assert.Equal(t, 3, st)

	// Quotes, newlines and no final newline survive the trip.
	out, st, err = g.Exec(ctx, "printf '%s|' \"a b\" 'c\"d'\nprintf end")
	require.NoError(t, err)
	assert.Equal(t, "a b|c\"d|end", out)
	assert.Equal(t, 0, st)

	out, st, err = g.Exec(ctx, "uname -r")
	require.NoError(t, err)
	assert.Equal(t, g.Release+"\n", out)
	assert.Equal(t, 0, st)

	// A background job's output reaches the console after Exec returned.
	_, st, err = g.Exec(ctx, "(sleep 1; echo BACKGROUND-DONE-$((6*7))) &")
	require.NoError(t, err)
	assert.Equal(t, 0, st)
	m, err := g.WaitConsole(ctx, regexp.MustCompile(`BACKGROUND-DONE-(\d+)`))
	require.NoError(t, err)
	assert.Equal(t, []string{"BACKGROUND-DONE-42", "42"}, m)

	// WaitConsole honours its context.
	short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	_, err = g.WaitConsole(short, regexp.MustCompile(`NEVER-PRINTED`))
	assert.ErrorIs(t, err, context.DeadlineExceeded)

	_, _, err = g.Exec(ctx, strings.Repeat("x", 4000))
	assert.ErrorIs(t, err, ErrCommandTooLong)
}

// accountRE matches one account line of the workloads.
var accountRE = regexp.MustCompile(`(?m)^WORKLOAD pid=(\d+) tid=(\d+) comm=(\S+) (.*)$`)

func testWorkloads(ctx context.Context, t *testing.T, g *Guest) {
	out, st, err := g.Exec(ctx, "mkdir -p /tmp/gt-f && gt-fileops /tmp/gt-f")
	require.NoError(t, err)
	require.Equal(t, 0, st, out)
	calls := accountCalls(t, out)
	assert.Contains(t, calls, `openat(AT_FDCWD, "/tmp/gt-f/gt-a", O_WRONLY|O_CREAT|O_TRUNC, 0640) = 3`)
	assert.Contains(t, calls, `unlinkat(AT_FDCWD, "/tmp/gt-f/gt-none", 0) = -1 ENOENT (No such file or directory)`)
	assert.Contains(t, calls, `newfstatat(AT_FDCWD, "/tmp/gt-f/gt-a", {st_mode=S_IFREG|0640, st_size=22, ...}, 0) = 0`)

	out, st, err = g.Exec(ctx, "gt-procops")
	require.NoError(t, err)
	require.Equal(t, 0, st, out)
	calls = accountCalls(t, out)
	assert.Contains(t, calls, `execve("/bin/gt-procops", ["gt-procops", "child"], `+envpOf(t, calls)+` /* 1 var */) = 0`)
	assert.Contains(t, calls, "exit_group(3) = ?")

	// Two threads on two vCPUs overlap.
	out, st, err = g.Exec(ctx, "mkdir -p /tmp/gt-t && gt-threads /tmp/gt-t 2 20")
	require.NoError(t, err)
	require.Equal(t, 0, st, out)
	assert.Len(t, accountCalls(t, out), 2*20*6+2+1)
	m := regexp.MustCompile(`THREADS n=2 k=20 cpus=(\d+) overlap=(\d+)`).FindStringSubmatch(out)
	require.NotNil(t, m, out)
	assert.Equal(t, "2", m[1], "threads ran on both vCPUs")
	assert.Equal(t, "2", m[2], "threads were inside a round at the same time")

	out, st, err = g.Exec(ctx, "gt-closeloop 10000")
	require.NoError(t, err)
	require.Equal(t, 0, st, out)
	m = regexp.MustCompile(`(?m)^CLOSELOOP n=10000 usec_per_call=([0-9.]+)$`).FindStringSubmatch(out)
	require.NotNil(t, m, out)
	usec, err := strconv.ParseFloat(m[1], 64)
	require.NoError(t, err)
	assert.Greater(t, usec, 0.0)
	t.Logf("close(-1) in the guest: %.3f µs per call", usec)
}

// accountCalls returns the "call = ret" part of each account line.
func accountCalls(t *testing.T, out string) []string {
	t.Helper()
	var calls []string
	for _, m := range accountRE.FindAllStringSubmatch(out, -1) {
		calls = append(calls, m[4])
	}
	require.NotEmpty(t, calls, out)
	return calls
}

// envpOf finds the environment pointer gt-procops passed to execve.
func envpOf(t *testing.T, calls []string) string {
	for _, c := range calls {
		if m := regexp.MustCompile(`^execve\(.*\], (0x[0-9a-f]+) /\*`).FindStringSubmatch(c); m != nil {
			return m[1]
		}
	}
	t.Fatalf("no execve account in %q", calls)
	return ""
}

func testDumpMemory(ctx context.Context, t *testing.T, g *Guest) {
	path := filepath.Join(t.TempDir(), "mem.raw")
	start := time.Now()
	require.NoError(t, g.DumpMemory(ctx, path))
	t.Logf("DumpMemory of 512 MiB: %v", time.Since(start).Round(time.Millisecond))
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, int64(512<<20), fi.Size())
	st, err := g.QMPStatus(ctx)
	require.NoError(t, err)
	assert.Equal(t, "paused", st)

	// The dump holds guest RAM: the kernel's banner is in it.
	assert.True(t, fileContains(t, path, "Linux version "+g.Release), "banner in the dump")

	require.NoError(t, g.Cont(ctx))
	st, err = g.QMPStatus(ctx)
	require.NoError(t, err)
	assert.Equal(t, "running", st)
	out, _, err := g.Exec(ctx, "echo after-cont")
	require.NoError(t, err)
	assert.Equal(t, "after-cont\n", out)
}

// fileContains reports whether the file holds s, reading it in chunks.
func fileContains(t *testing.T, path, s string) bool {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	needle := []byte(s)
	buf := make([]byte, 1<<20)
	var carry []byte // the end of the previous chunk, for matches across chunks
	for {
		n, err := f.Read(buf)
		chunk := append(carry, buf[:n]...)
		if bytes.Contains(chunk, needle) {
			return true
		}
		if err != nil {
			return false
		}
		carry = append([]byte(nil), chunk[max(0, len(chunk)-len(needle)+1):]...)
	}
}

func testClose(ctx context.Context, t *testing.T, g *Guest) {
	pid := g.cmd.Process.Pid
	dir := g.Dir
	require.NoError(t, g.Close())
	assert.ErrorIs(t, syscall.Kill(pid, 0), syscall.ESRCH, "qemu pid %d is gone", pid)
	_, err := os.Stat(dir)
	assert.True(t, errors.Is(err, os.ErrNotExist), "temp dir %s removed", dir)
	_, _, err = g.Exec(ctx, "true")
	assert.ErrorIs(t, err, ErrClosed)
	_, err = g.QMPStatus(ctx)
	assert.ErrorIs(t, err, ErrClosed)
	require.NoError(t, g.Close(), "Close twice")
}

// TestReadyDeadline boots a guest whose init never prints the ready line:
// Start must give up at the deadline, quote the console's tail, and leave
// no QEMU behind.
func TestReadyDeadline(t *testing.T) {
	skipShort(t)
	if _, err := Dir(); err != nil {
		t.Fatal(err)
	}
	marker := fmt.Sprintf("NOT-READY-%d", time.Now().UnixNano())
	opt := Options{
		ReadyTimeout: 30 * time.Second,
		// init is a shell that prints the marker and sleeps.
		Append: `rdinit=/bin/busybox -- sh -c "echo ` + marker + `; exec /bin/busybox sleep 1000"`,
	}
	start := time.Now()
	g, err := Start(context.Background(), opt)
	require.Error(t, err)
	assert.Nil(t, g)
	assert.ErrorIs(t, err, ErrNotReady)
	assert.Contains(t, err.Error(), `no "GUESTLAB READY" within 30s; console tail:`)
	assert.Contains(t, err.Error(), marker)
	assert.Less(t, time.Since(start), 60*time.Second)
	assert.Empty(t, processesWith(t, marker), "no qemu left running")
}

// processesWith lists the pids whose command line contains s.
func processesWith(t *testing.T, s string) []int {
	ents, err := os.ReadDir("/proc")
	require.NoError(t, err)
	var pids []int
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == os.Getpid() {
			continue
		}
		cmd, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err == nil && strings.Contains(string(cmd), s) {
			pids = append(pids, pid)
		}
	}
	return pids
}

// skipShort skips tests that boot QEMU under -short.
func skipShort(t *testing.T) {
	if testing.Short() {
		t.Skip("boots the lab guest: skipped under -short")
	}
}

// TestPanicBeforeReady: a guest that panics (no init to run) makes QEMU
// exit (panic=-1, -no-reboot); Start reports that at once, with the panic
// in the console tail.
func TestPanicBeforeReady(t *testing.T) {
	skipShort(t)
	if _, err := Dir(); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	g, err := Start(context.Background(), Options{Append: "rdinit=/nonexistent"})
	require.Error(t, err)
	assert.Nil(t, g)
	assert.ErrorIs(t, err, ErrExited)
	assert.Contains(t, err.Error(), "Kernel panic - not syncing")
	assert.Less(t, time.Since(start), 60*time.Second)
}
