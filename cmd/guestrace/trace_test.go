package main

import (
	"net"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const miniProfile = mini + "mini.golden"

// TestTraceUsageErrors: bad input gets one line naming what is wrong and
// exit status 2, before any guest is touched.
func TestTraceUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "guestrace: no guest: give --qemu unix:PATH (QEMU/KVM) or -d DOMAIN (Xen or libvirt)\n"},
		{[]string{"--qemu", "unix:/x", "-d", "dom"}, "guestrace: --qemu and -d each name a guest: give one\n"},
		{[]string{"--qemu", "unix:/x", "--os", "windows"}, "guestrace: --os windows: a windows guest's profile cannot be made from its memory: pass --profile\n"},
		{[]string{"--qemu", "unix:/x", "--profile", miniProfile, "-s", "-1"}, "guestrace: -s -1: the string limit cannot be negative\n"},
		{[]string{"--qemu", "unix:/x", "--profile", "/nonexistent.json"}, "guestrace: --profile /nonexistent.json: no such file or directory\n"},
		{[]string{"--qemu", "unix:/x", "--profile", miniProfile, "-e", "trace=openat,nosuchcall"}, "guestrace: -e trace=openat,nosuchcall: unknown system call \"nosuchcall\"\n"},
		{[]string{"--qemu", "unix:/x", "--profile", miniProfile, "-e", "trace=openat,,close"}, "guestrace: -e trace=openat,,close: empty system call name\n"},
		{[]string{"--qemu", "unix:/x", "--profile", miniProfile, "-e", "signal=all"}, "guestrace: -e signal=all: unknown qualifier \"signal\" (this guestrace knows trace=, status=, mode=, read= and write=)\n"},
		{[]string{"--qemu", "unix:/x", "--profile", miniProfile, "-e", "trace=%nosuch"}, "guestrace: -e trace=%nosuch: unknown class \"%nosuch\" (%file %process %network %signal %ipc %desc %memory ...)\n"},
		{[]string{"--qemu", "unix:/x", "--profile", miniProfile, "-e", "trace=/open("}, "guestrace: -e trace=/open(: /open(: error parsing regexp: missing closing ): `open(`\n"},
		{[]string{"--qemu", "unix:/x", "--profile", miniProfile, "-e", "status=broken"}, "guestrace: -e status=broken: unknown status \"broken\" (successful, failed, unfinished, detached, all)\n"},
		{[]string{"--qemu", "unix:/x", "--profile", miniProfile, "-e", "status=!all"}, "guestrace: -e status=!all: no call can match\n"},
		{[]string{"--qemu", "unix:/x", "--profile", miniProfile, "-p", "1,x"}, "guestrace: -p 1,x: \"x\" is not a process id\n"},
		{[]string{"--qemu", "unix:/x", "--profile", miniProfile, "-p", "0"}, "guestrace: -p 0: \"0\" is not a process id\n"},
		{[]string{"--qemu", "unix:/x", "--profile", miniProfile, "--comm", "a-name-of-16-byt"}, "guestrace: --comm \"a-name-of-16-byt\": process names are 1 to 15 bytes (the kernel keeps no more)\n"},
		{[]string{"--qemu", "unix:/x", "--profile", miniProfile, "--format", "xml"}, "guestrace: --format xml: unknown format (text or json)\n"},
		{[]string{"--qemu", "unix:/x", "--profile", miniProfile, "--append"}, "guestrace: --append: give the file with -o FILE\n"},
		{[]string{"--qemu", "unix:/x", "--profile", miniProfile, "-c", "-C"}, "guestrace: -c and -C: give one (-c prints only the table, -C the trace and the table)\n"},
		{[]string{"--qemu", "unix:/x", "--profile", miniProfile, "--silent", "-c"}, "guestrace: --silent and -c/-C: --silent prints no table\n"},
		{[]string{"--qemu", "unix:/x", "--profile", miniProfile, "--silent", "-T"}, "guestrace: --silent and -T: --silent does not wait for returns\n"},
		{[]string{"--qemu", "unix:/x", "--profile", miniProfile, "--silent", "-e", "status=failed"}, "guestrace: --silent and -e status=: --silent does not wait for returns\n"},
		{[]string{"--qemu", "unix:/x", "--profile", miniProfile, "-tttt"}, "guestrace: -t: at most -ttt\n"},
		{[]string{"--qemu", "unix:/x", "--profile", miniProfile, "--duration", "soon"}, "guestrace: invalid argument \"soon\" for \"--duration\" flag: time: invalid duration \"soon\"\n"},
		{[]string{"--qemu", "unix:/x", "--profile", miniProfile, "--nosuchflag"}, "guestrace: unknown flag: --nosuchflag\n"},
		{[]string{"extra-argument"}, "guestrace: unknown command \"extra-argument\" for \"guestrace\"\n"},
	} {
		code, stderr := profileRun(t, tc.args...)
		assert.Equal(t, tc.want, stderr, "%q", tc.args)
		assert.Equal(t, exitUsage, code, "%q", tc.args)
	}
}

// TestTraceUnreachableStub: a guest that cannot be reached is a failure
// (exit 1) with one line naming the socket.
func TestTraceUnreachableStub(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "gdb.sock")
	code, stderr := profileRun(t, "--qemu", "unix:"+sock, "--profile", miniProfile)
	assert.Equal(t, exitGuest, code)
	assert.Equal(t, "guestrace: --qemu unix:"+sock+": qemu gdb stub unix:"+sock+": dial unix "+sock+": connect: no such file or directory\n", stderr)

	// A socket whose peer hangs up at once, as a stub does that will not
	// take another client.
	l, err := net.Listen("unix", sock)
	require.NoError(t, err)
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	code, stderr = profileRun(t, "--qemu", "unix:"+sock, "--profile", miniProfile)
	assert.Equal(t, exitGuest, code)
	assert.Regexp(t, `^guestrace: --qemu unix:\S+: .+\n$`, stderr)
}
