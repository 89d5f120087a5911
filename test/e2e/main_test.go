// Package e2e runs the guestrace binary against the lab guest (a real
// Debian kernel under QEMU) and checks what it prints against what the
// guest's workload programs say they did.
package e2e

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// binary is the guestrace built for this test run.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "guestrace-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "guestrace")
	build := exec.Command("go", "build", "-o", binary, "github.com/guestrace/guestrace/cmd/guestrace")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building guestrace:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// tracerProc is a running guestrace.
type tracerProc struct {
	cmd    *exec.Cmd
	out    string // the -o file
	mu     sync.Mutex
	stderr bytes.Buffer
	lines  chan string
	done   chan struct{}
	err    error
}

// startTracer runs guestrace with args plus -o FILE and waits until it
// says it is tracing.
func startTracer(t testing.TB, args ...string) *tracerProc {
	t.Helper()
	p := &tracerProc{out: filepath.Join(t.TempDir(), "trace.out"), lines: make(chan string, 64), done: make(chan struct{})}
	p.cmd = exec.Command(binary, append(args, "-o", p.out)...)
	stderr, err := p.cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, p.cmd.Start())
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			p.mu.Lock()
			p.stderr.WriteString(sc.Text() + "\n")
			p.mu.Unlock()
			select {
			case p.lines <- sc.Text():
			default:
			}
		}
		p.err = p.cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		p.cmd.Process.Kill()
		<-p.done
	})
	deadline := time.After(2 * time.Minute)
	for {
		select {
		case l := <-p.lines:
			if strings.Contains(l, "; tracing") {
				return p
			}
		case <-p.done:
			t.Fatalf("guestrace exited before tracing: %v\n%s", p.err, p.Stderr())
		case <-deadline:
			t.Fatalf("guestrace did not start tracing in 2 minutes:\n%s", p.Stderr())
		}
	}
}

func (p *tracerProc) Stderr() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stderr.String()
}

// stop sends sig and waits for guestrace to exit; it returns the exit
// status.
func (p *tracerProc) stop(t testing.TB, sig syscall.Signal) int {
	t.Helper()
	require.NoError(t, p.cmd.Process.Signal(sig))
	select {
	case <-p.done:
	case <-time.After(time.Minute):
		t.Fatalf("guestrace did not exit a minute after %v:\n%s", sig, p.Stderr())
	}
	return p.cmd.ProcessState.ExitCode()
}

// trace returns the lines guestrace wrote so far.
func (p *tracerProc) trace(t testing.TB) []string {
	t.Helper()
	data, err := os.ReadFile(p.out)
	require.NoError(t, err)
	return strings.Split(strings.TrimRight(string(data), "\n"), "\n")
}

// waitTrace waits until a line of the trace matches re.
func (p *tracerProc) waitTrace(t testing.TB, re *regexp.Regexp) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		data, _ := os.ReadFile(p.out)
		if re.Match(data) {
			return
		}
		select {
		case <-p.done:
			t.Fatalf("guestrace exited: %v\n%s", p.err, p.Stderr())
		case <-time.After(200 * time.Millisecond):
		}
	}
	t.Fatalf("no trace line matched %v in 2 minutes", re)
}

// ctx is a context for one guest command.
func ctx(t *testing.T, d time.Duration) context.Context {
	c, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return c
}

var _ = io.Discard
