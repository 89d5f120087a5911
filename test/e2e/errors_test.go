package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
	"github.com/guestrace/guestrace/pkg/isf"
)

// runOnce runs guestrace to completion and returns its exit status and
// standard error.
func runOnce(t *testing.T, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	done := make(chan error, 1)
	require.NoError(t, cmd.Start())
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(2 * time.Minute):
		cmd.Process.Kill()
		t.Fatalf("guestrace %q did not end in 2 minutes", args)
	}
	return cmd.ProcessState.ExitCode(), stderr.String()
}

// TestRefusals: a profile of another kernel and a stub already in use are
// refused with one line and a non-zero exit, and the guest is untouched:
// it keeps running, and a real trace works afterwards.
func TestRefusals(t *testing.T) {
	g := guestlab.Boot(t, guestlab.Options{VCPUs: 1})

	// The lab's profile with another kernel's banner.
	p, err := isf.Load(g.Profile)
	require.NoError(t, err)
	sym := p.Symbols["linux_banner"]
	sym.ConstantData = []byte("Linux version 6.1.0-99-cloud-amd64 (someone@elsewhere) #1 SMP\n\x00")
	p.Symbols["linux_banner"] = sym
	other := filepath.Join(t.TempDir(), "other.json")
	f, err := os.Create(other)
	require.NoError(t, err)
	require.NoError(t, p.Write(f))
	require.NoError(t, f.Close())

	code, stderr := runOnce(t, "--qemu", "unix:"+g.GDBSocket, "--profile", other)
	assert.Equal(t, 1, code)
	assert.Regexp(t, `^guestrace: --qemu unix:\S+: profile does not match the running guest: profile is for "Linux version 6\.1\.0-99-cloud-amd64 .*", guest runs "Linux version `+regexp.QuoteMeta(g.Release)+` .*"\n$`, stderr)
	assertRunning(t, g)

	// One tracer at a time: the stub serves one client.
	tr := startTracer(t, append(qemuArgs(g), "-e", "trace=close")...)
	code, stderr = runOnce(t, append(qemuArgs(g), "-e", "trace=close")...)
	assert.Equal(t, 1, code)
	assert.Equal(t, 1, strings.Count(stderr, "\n"), stderr)
	assert.Regexp(t, `^guestrace: --qemu unix:\S+: `, stderr)
	require.Equal(t, 0, tr.stop(t, syscall.SIGINT))
	assertRunning(t, g)
}

func assertRunning(t *testing.T, g *guestlab.Guest) {
	t.Helper()
	st, err := g.QMPStatus(ctx(t, 10*time.Second))
	require.NoError(t, err)
	assert.Equal(t, "running", st)
	out, status, err := g.Exec(ctx(t, time.Minute), "echo alive")
	require.NoError(t, err)
	require.Equal(t, 0, status)
	assert.Equal(t, "alive\n", out)
}
