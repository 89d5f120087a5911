package e2e

import (
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
)

// testMode: -e mode= selects calls by who made them. Every call a Linux
// guest's programs make is a user-mode call: mode=user traces them,
// mode=kernel none.
func testMode(t *testing.T, g *guestlab.Guest) {
	out, status, err := g.Exec(ctx(t, time.Minute), "/bin/gt-closeloop 1000000000 >/dev/null 2>&1 & echo $!")
	require.NoError(t, err)
	require.Equal(t, 0, status)
	pid := strings.TrimSpace(out)
	t.Cleanup(func() { g.Exec(ctx(t, time.Minute), "kill "+pid) })

	p := startTracer(t, append(qemuArgs(g), "-p", pid, "-e", "trace=close", "-e", "mode=user")...)
	p.waitTrace(t, regexp.MustCompile(`(?m)^\[pid `+pid+`/`+pid+` gt-closeloop\] close\(-1\) += -1 EBADF`))
	require.Equal(t, 0, p.stop(t, syscall.SIGINT), p.Stderr())

	p = startTracer(t, append(qemuArgs(g), "-p", pid, "-e", "trace=close", "-e", "mode=kernel")...)
	time.Sleep(3 * time.Second)
	require.Equal(t, 0, p.stop(t, syscall.SIGINT), p.Stderr())
	for _, l := range p.trace(t) {
		assert.Empty(t, l, "a call traced under mode=kernel")
	}
	// The loop ran all along: its calls were left out, not missed.
	assert.Regexp(t, `, [1-9]\d* of other processes left out`, p.Stderr())
}
