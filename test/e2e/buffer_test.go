package e2e

import (
	"io"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
)

var dropMarker = regexp.MustCompile(`(?m)^guestrace: (\d+) lines dropped \(--buffer full\)$`)

// TestBufferSlowReader: with --buffer, a reader that does not read does
// not stall the guest: its workload runs to the end, the lines that did
// not fit are dropped and counted on standard error, and markers in the
// trace account for every one of them.
func TestBufferSlowReader(t *testing.T) {
	g := guestlab.Boot(t, guestlab.Options{VCPUs: 1})
	cmd := exec.Command(binary, append(qemuArgs(g), "-e", "trace=close", "--comm", "gt-closeloop", "--buffer", "4K")...)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	stderr := waitTracing(t, cmd)
	// Nobody reads stdout: the pipe (64 KiB) and the buffer fill up.
	const n = 3000
	out, status, err := g.Exec(ctx(t, 5*time.Minute), "/bin/gt-closeloop 3000")
	require.NoError(t, err, stderr.String())
	require.Equal(t, 0, status)
	assert.Contains(t, out, "CLOSELOOP n=3000")

	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	trace, err := io.ReadAll(stdout) // the reader comes back
	require.NoError(t, err)
	<-stderr.eof
	require.NoError(t, cmd.Wait(), stderr.String())

	m := regexp.MustCompile(`guestrace: (\d+) lines dropped: the output was slower than the guest \(--buffer 4K\)`).FindStringSubmatch(stderr.String())
	require.NotNil(t, m, stderr.String())
	dropped, _ := strconv.Atoi(m[1])
	assert.Positive(t, dropped)
	marked := 0
	for _, mm := range dropMarker.FindAllStringSubmatch(string(trace), -1) {
		k, _ := strconv.Atoi(mm[1])
		marked += k
	}
	assert.Equal(t, dropped, marked, "the markers add up to the count")
	kept := len(closeLine.FindAllString(string(trace), -1))
	assert.Equal(t, n, kept+dropped, "every call printed or counted")
	for _, l := range strings.Split(strings.TrimSuffix(string(trace), "\n"), "\n") {
		if !dropMarker.MatchString(l) {
			assert.Regexp(t, closeLine, l, "whole lines only")
		}
	}
}
