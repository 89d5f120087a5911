package libvirt

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func TestParseURI(t *testing.T) {
	env := map[string]string{"XDG_RUNTIME_DIR": "/run/user/1000", "HOME": "/home/u"}
	getenv := func(k string) string { return env[k] }
	for _, c := range []struct {
		uri, open, socket string
		session           bool
	}{
		{"qemu:///system", "qemu:///system", "/var/run/libvirt/libvirt-sock", false},
		{"qemu+unix:///system", "qemu:///system", "/var/run/libvirt/libvirt-sock", false},
		{"qemu:///system?socket=/tmp/s", "qemu:///system", "/tmp/s", false},
		{"qemu:///session", "qemu:///session", "/run/user/1000/libvirt/libvirt-sock", true},
	} {
		e, err := parseURI(c.uri, getenv)
		if err != nil || e.open != c.open || e.socket != c.socket || e.session != c.session {
			t.Errorf("parseURI(%q) = %+v, %v; want open %q socket %q session %v", c.uri, e, err, c.open, c.socket, c.session)
		}
	}
	env["XDG_RUNTIME_DIR"] = ""
	if e, _ := parseURI("qemu:///session", getenv); e.socket != "/home/u/.cache/libvirt/libvirt-sock" {
		t.Errorf("session socket without XDG_RUNTIME_DIR = %q", e.socket)
	}
	for _, bad := range []string{"xen:///", "qemu+ssh://host/system", "qemu://host/system", "qemu:///", "qemu:///system?socket=rel", "qemu:///system?mode=legacy", "test:///default", "::"} {
		_, err := parseURI(bad, getenv)
		if !errors.Is(err, ErrURI) || !strings.Contains(err.Error(), bad) {
			t.Errorf("parseURI(%q) = %v; want ErrURI naming it", bad, err)
		}
	}
	for _, remote := range []string{"qemu+ssh://host/system", "qemu+tcp:///system", "qemu://host/system"} {
		if _, err := parseURI(remote, getenv); err == nil || !strings.Contains(err.Error(), "remote host") {
			t.Errorf("parseURI(%q) = %v; want it refused as remote", remote, err)
		}
	}
}

func TestResolveURI(t *testing.T) {
	t.Setenv("LIBVIRT_DEFAULT_URI", "")
	if got := ResolveURI(""); got != DefaultURI {
		t.Errorf("ResolveURI(\"\") = %q, want %q", got, DefaultURI)
	}
	t.Setenv("LIBVIRT_DEFAULT_URI", "qemu:///session")
	if got := ResolveURI(""); got != "qemu:///session" {
		t.Errorf("with LIBVIRT_DEFAULT_URI: %q", got)
	}
	if got := ResolveURI("qemu:///system"); got != "qemu:///system" {
		t.Errorf("--connect does not win: %q", got)
	}
}

func TestGdbChardev(t *testing.T) {
	open, err := os.ReadFile("testdata/chardev-open.txt")
	if err != nil {
		t.Fatal(err)
	}
	desc, ok := gdbChardev(string(open))
	if !ok || desc != "disconnected:unix:/tmp/guestrace-libvirt-123/gdb.sock,server=on" {
		t.Fatalf("open stub: %q %v", desc, ok)
	}
	if !stubIsIn(desc, "/tmp/guestrace-libvirt-123") || stubIsIn(desc, "/tmp/guestrace-libvirt-12") || stubIsIn(desc, "/tmp") {
		t.Errorf("stubIsIn(%q) wrong", desc)
	}
	if !stubIsIn("unix:/d/gdb.sock,server=on <-> client", "/d") {
		t.Error("connected stub not recognised")
	}
	if dir, ok := ourDir(desc); !ok || dir != "/tmp/guestrace-libvirt-123" {
		t.Errorf("ourDir(%q) = %q %v", desc, dir, ok)
	}
	for _, other := range []string{"disconnected:unix:/tmp/x/gdb.sock,server=on", "tcp:localhost:1234,server=on", "unix:/tmp/guestrace-libvirt-1/other.sock", "unix:guestrace-libvirt-1/gdb.sock"} {
		if dir, ok := ourDir(other); ok {
			t.Errorf("ourDir(%q) = %q: not guestrace's", other, dir)
		}
	}
	closed, err := os.ReadFile("testdata/chardev-closed.txt")
	if err != nil {
		t.Fatal(err)
	}
	// The hidden "#chrNNN: filename=gdb" stays after gdbserver none.
	if desc, ok := gdbChardev(string(closed)); ok {
		t.Errorf("closed stub seen as open: %q", desc)
	}
}

func TestDacLabel(t *testing.T) {
	x, err := os.ReadFile("testdata/live.xml")
	if err != nil {
		t.Fatal(err)
	}
	if l, ok := dacLabel(string(x)); !ok || l != "+64055:+64055" {
		t.Errorf("dacLabel = %q %v", l, ok)
	}
	if _, ok := dacLabel("<domain><seclabel model='apparmor'><label>x</label></seclabel></domain>"); ok {
		t.Error("a non-DAC label taken")
	}
	if _, ok := dacLabel("<domain"); ok {
		t.Error("broken XML gave a label")
	}
}

func TestConfUser(t *testing.T) {
	u, g := confUser(strings.NewReader("#user = \"root\"\nuser = \"qemu\"\n  group = \"kvm\"\nother = 1\n"))
	if u != "qemu" || g != "kvm" {
		t.Errorf("confUser = %q %q", u, g)
	}
	if u, g := confUser(strings.NewReader("# nothing\n")); u != "" || g != "" {
		t.Errorf("commented out: %q %q", u, g)
	}
}

func TestResolveOwner(t *testing.T) {
	o, err := resolveOwner("+0", "+0")
	if err != nil || o.uid != 0 || o.gid != 0 || o.name != "root" {
		t.Errorf("+0:+0 = %+v %v", o, err)
	}
	o, err = resolveOwner("root", "")
	if err != nil || o.uid != 0 || o.gid != 0 {
		t.Errorf("root = %+v %v", o, err)
	}
	for _, bad := range [][2]string{{"+x", ""}, {"+0", "+-1"}, {"no-such-user-guestrace", ""}, {"root", "no-such-group-guestrace"}} {
		if _, err := resolveOwner(bad[0], bad[1]); err == nil {
			t.Errorf("resolveOwner(%q, %q) accepted", bad[0], bad[1])
		}
	}
}

func TestRemoveDirLeavesOthers(t *testing.T) {
	dir := t.TempDir()
	if err := removeDir(dir); err == nil {
		t.Error("removeDir took a directory it did not make")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Errorf("directory gone: %v", err)
	}
}

func TestNoDaemon(t *testing.T) {
	uri := "qemu:///system?socket=" + t.TempDir() + "/none"
	_, err := OpenStub(t.Context(), uri, "any", Options{})
	if !errors.Is(err, ErrNoDaemon) || !strings.Contains(err.Error(), "/none") {
		t.Errorf("OpenStub without a daemon = %v; want ErrNoDaemon naming the socket", err)
	}
	if _, err := DomainExists(t.Context(), uri, "any"); !errors.Is(err, ErrNoDaemon) {
		t.Errorf("DomainExists without a daemon = %v", err)
	}
}
