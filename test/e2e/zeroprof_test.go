package e2e

import (
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
	"github.com/guestrace/guestrace/pkg/isf"
)

// TestZeroProfile traces a KASLR guest with 2 vCPUs and no --profile: the
// first run makes the profile from guest memory and caches it, the second
// reads the cache; both match every openat, write and close of the file
// workload. Then `guestrace profile --qemu` writes the same profile.
func TestZeroProfile(t *testing.T) {
	g := guestlab.Boot(t, guestlab.Options{VCPUs: 2})
	cache := t.TempDir()
	args := []string{"--qemu", "unix:" + g.GDBSocket, "--cache-dir", cache, "-e", "trace=openat,write,close"}

	for i, want := range []string{
		`guestrace: profile in \S+: made from guest memory \(\d+ symbols, \d+ bytes of BTF\); cached in ` + regexp.QuoteMeta(cache) + `/linux-[0-9a-f]+\.json\n`,
		`guestrace: profile in \S+: from the cache, ` + regexp.QuoteMeta(cache) + `/linux-[0-9a-f]+\.json\n`,
	} {
		p := startTracer(t, args...)
		assert.Regexp(t, want, p.Stderr(), "run %d", i+1)
		dir := marker(t)
		as := runWorkload(t, g, "mkdir "+dir+" && /bin/gt-fileops "+dir)
		require.Equal(t, 0, p.stop(t, syscall.SIGINT), p.Stderr())
		parseTrace(p.trace(t)).check(t, only(as, "openat(", "write(", "close("))
	}

	out := filepath.Join(t.TempDir(), "profile.json")
	code, stderr := runOnce(t, "profile", "--qemu", "unix:"+g.GDBSocket, "--cache-dir", "none", "-o", out)
	require.Equal(t, 0, code, stderr)
	assert.Regexp(t, `^guestrace: profile in \S+: made from guest memory \(\d+ symbols, \d+ bytes of BTF\)\n$`, stderr)
	got, err := isf.Load(out)
	require.NoError(t, err)
	want, err := isf.Load(g.Profile)
	require.NoError(t, err)
	assert.Equal(t, want.Symbols, got.Symbols)
	assert.Equal(t, want.UserTypes, got.UserTypes)
	assertRunning(t, g)
}

// only keeps the accounts of the named calls.
func only(as []account, prefixes ...string) []account {
	var out []account
	for _, a := range as {
		for _, p := range prefixes {
			if strings.HasPrefix(a.text, p) {
				out = append(out, a)
				break
			}
		}
	}
	return out
}

// TestZeroProfileLibvirt traces a libvirt domain by its name with no
// --profile: the profile is made from its memory, the file workload's
// openat, write and close calls are all in the trace, and the domain is
// left as it was.
func TestZeroProfileLibvirt(t *testing.T) {
	d := guestlab.BootDomain(t, guestlab.Options{VCPUs: 1})
	xml, err := d.XML()
	require.NoError(t, err)
	p := startTracer(t, "-d", d.Name, "--connect", d.URI, "--cache-dir", "none", "-e", "trace=openat,write,close")
	assert.Regexp(t, `guestrace: profile in \S+: made from guest memory \(\d+ symbols, \d+ bytes of BTF\)\n`, p.Stderr())
	dir := marker(t)
	as := runWorkload(t, d.Guest, "mkdir "+dir+" && /bin/gt-fileops "+dir)
	require.Equal(t, 0, p.stop(t, syscall.SIGINT), p.Stderr())
	parseTrace(p.trace(t)).check(t, only(as, "openat(", "write(", "close("))
	assertDomainUntouched(t, d, xml)

	// guestrace profile -d writes the domain's profile from its memory.
	out := filepath.Join(t.TempDir(), "profile.json")
	code, stderr := runOnce(t, "profile", "-d", d.Name, "--connect", d.URI, "--cache-dir", "none", "-o", out)
	require.Equal(t, 0, code, stderr)
	got, err := isf.Load(out)
	require.NoError(t, err)
	want, err := isf.Load(d.Guest.Profile)
	require.NoError(t, err)
	assert.Equal(t, want.Symbols, got.Symbols)
	assertDomainUntouched(t, d, xml)
}
