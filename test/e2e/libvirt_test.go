package e2e

import (
	"strings"
	"syscall"
	"testing"
	"time"

	golibvirt "github.com/digitalocean/go-libvirt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
)

func domainArgs(d *guestlab.Domain) []string {
	return []string{"-d", d.Name, "--connect", d.URI, "--profile", d.Profile}
}

// assertDomainUntouched: the domain runs, answers on its console, has no
// gdb stub open (the guard of a killed tracer may still be closing it)
// and its XML is what it was.
func assertDomainUntouched(t *testing.T, d *guestlab.Domain, xml string) {
	t.Helper()
	st, err := d.State()
	require.NoError(t, err)
	assert.Equal(t, golibvirt.DomainRunning, st)
	out, status, err := d.Exec(ctx(t, time.Minute), "echo alive")
	require.NoError(t, err)
	require.Equal(t, 0, status)
	assert.Equal(t, "alive\n", out)
	var info string
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(200 * time.Millisecond) {
		info, err = d.HMP("info chardev")
		require.NoError(t, err)
		if !strings.Contains(info, "\ngdb:") && !strings.HasPrefix(info, "gdb:") || time.Now().After(deadline) {
			break
		}
	}
	assert.NotRegexp(t, `(?m)^gdb:`, info, "a gdb stub is left open")
	got, err := d.XML()
	require.NoError(t, err)
	assert.Equal(t, xml, got, "the domain's XML changed")
}

// TestLibvirtDomain traces a libvirt domain by its name: every openat,
// write and close of the file workload is in the trace; SIGINT and
// SIGKILL leave the domain running with no stub and its XML unchanged;
// errors are one line and leave the domain alone.
func TestLibvirtDomain(t *testing.T) {
	d := guestlab.BootDomain(t, guestlab.Options{VCPUs: 1})
	xml, err := d.XML()
	require.NoError(t, err)

	t.Run("Trace", func(t *testing.T) {
		p := startTracer(t, append(domainArgs(d), "-e", "trace=openat,write,close")...)
		assert.Contains(t, p.Stderr(), "libvirt domain "+d.Name)
		dir := marker(t)
		var as []account
		for _, a := range runWorkload(t, d.Guest, "mkdir "+dir+" && /bin/gt-fileops "+dir) {
			switch callName(a.text) {
			case "openat", "write", "close":
				as = append(as, a)
			}
		}
		require.NotEmpty(t, as)
		require.Equal(t, 0, p.stop(t, syscall.SIGINT), p.Stderr())
		parseTrace(p.trace(t)).check(t, as)
		assertDomainUntouched(t, d, xml)
	})

	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGKILL} {
		t.Run("Detach"+sig.String(), func(t *testing.T) {
			p := startTracer(t, append(domainArgs(d), "-e", "trace=close,openat")...)
			_, status, err := d.Exec(ctx(t, time.Minute), "/bin/gt-closeloop 20000 >/tmp/closeloop.out &")
			require.NoError(t, err)
			require.Equal(t, 0, status)
			p.waitTrace(t, closeLine)
			code := p.stop(t, sig)
			if sig == syscall.SIGINT {
				assert.Equal(t, 0, code, p.Stderr())
			}
			out, status, err := d.Exec(ctx(t, 3*time.Minute),
				"until grep -q CLOSELOOP /tmp/closeloop.out; do sleep 1; done; cat /tmp/closeloop.out; rm /tmp/closeloop.out")
			require.NoError(t, err)
			require.Equal(t, 0, status)
			assert.Contains(t, out, "CLOSELOOP n=20000")
			assertDomainUntouched(t, d, xml)
		})
	}

	t.Run("Errors", func(t *testing.T) {
		oneLine := func(t *testing.T, want string, args ...string) {
			t.Helper()
			code, stderr := runOnce(t, args...)
			assert.NotEqual(t, 0, code, stderr)
			assert.Equal(t, 1, strings.Count(stderr, "\n"), stderr)
			assert.Contains(t, stderr, want)
			assertDomainUntouched(t, d, xml)
		}
		oneLine(t, `no such domain "no-such-domain" (running: `, "-d", "no-such-domain", "--connect", d.URI, "--profile", d.Profile)
		oneLine(t, "no libvirt daemon", "-d", d.Name, "--connect", "qemu:///system?socket=/nonexistent/libvirt-sock", "--profile", d.Profile)

		require.NoError(t, d.Suspend())
		code, stderr := runOnce(t, domainArgs(d)...)
		require.NoError(t, d.Resume())
		assert.NotEqual(t, 0, code)
		assert.Regexp(t, `^guestrace: .*domain "`+d.Name+`" is paused: domain not running\n$`, stderr)

		reply, err := d.HMP("gdbserver unix:/tmp/gt-someone-else.sock,server=on,wait=off")
		require.NoError(t, err)
		require.Contains(t, reply, "Waiting for gdb connection")
		code, stderr = runOnce(t, domainArgs(d)...)
		assert.NotEqual(t, 0, code)
		assert.Contains(t, stderr, "a gdb stub is already open")
		info, err := d.HMP("info chardev")
		require.NoError(t, err)
		assert.Contains(t, info, "gt-someone-else.sock", "the other stub was closed")
		_, err = d.HMP("gdbserver none")
		require.NoError(t, err)
		assertDomainUntouched(t, d, xml)
	})
}
