package libvirt_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	golibvirt "github.com/digitalocean/go-libvirt"

	"github.com/guestrace/guestrace/internal/guestlab"
	"github.com/guestrace/guestrace/pkg/vmi"
	"github.com/guestrace/guestrace/pkg/vmi/libvirt"
	"github.com/guestrace/guestrace/pkg/vmi/qemu"
)

// untouched fails the test unless the domain runs, has no gdb stub open
// and its live XML is still want.
func untouched(t *testing.T, d *guestlab.Domain, want string) {
	t.Helper()
	if s, err := d.State(); err != nil || s != golibvirt.DomainRunning {
		t.Errorf("domain state %v (%v), want running", s, err)
	}
	info, err := d.HMP("info chardev")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(info, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "gdb:") {
			t.Errorf("a gdb stub is open: %s", strings.TrimSpace(line))
		}
	}
	if got, err := d.XML(); err != nil || got != want {
		t.Errorf("the domain's XML changed (%v):\n%s\nwant:\n%s", err, got, want)
	}
}

// alive checks the guest still runs commands.
func alive(t *testing.T, d *guestlab.Domain) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, status, err := d.Exec(ctx, "echo alive")
	if err != nil || status != 0 || strings.TrimSpace(out) != "alive" {
		t.Errorf("guest after the stub: %q %d %v", out, status, err)
	}
}

func TestLiveStub(t *testing.T) {
	d := guestlab.BootDomain(t, guestlab.Options{})
	xml, err := d.XML()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	t.Run("DomainExists", func(t *testing.T) {
		if ok, err := libvirt.DomainExists(ctx, d.URI, d.Name); !ok || err != nil {
			t.Errorf("DomainExists(%s) = %v, %v", d.Name, ok, err)
		}
		if ok, err := libvirt.DomainExists(ctx, d.URI, d.Name+"-none"); ok || err != nil {
			t.Errorf("DomainExists(missing) = %v, %v", ok, err)
		}
	})

	t.Run("OpenTraceClose", func(t *testing.T) {
		s, err := libvirt.OpenStub(ctx, d.URI, d.Name, libvirt.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if s.Addr != "unix:"+filepath.Join(s.Dir, "gdb.sock") {
			t.Errorf("Addr %q not in Dir %q", s.Addr, s.Dir)
		}
		fi, err := os.Stat(s.Dir)
		if err != nil || fi.Mode().Perm() != 0o750 {
			t.Errorf("socket directory %s: %v %v, want mode 0750", s.Dir, fi.Mode(), err)
		}
		q, err := qemu.Dial(ctx, s.Addr)
		if err != nil {
			s.Close()
			t.Fatal(err)
		}
		var r vmi.Regs
		err = q.Pause()
		if err == nil {
			err = q.Regs(0, &r)
		}
		if err != nil || r.CR3 == 0 || r.RIP == 0 {
			t.Errorf("registers through the stub: %+v %v", r, err)
		}
		if err := q.Close(); err != nil {
			t.Errorf("detaching: %v", err)
		}
		if err := s.Close(); err != nil {
			t.Errorf("closing the stub: %v", err)
		}
		if _, err := os.Stat(s.Dir); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("socket directory left: %v", err)
		}
		untouched(t, d, xml)
		alive(t, d)
		if log, err := d.LibvirtLog(); err != nil || !strings.Contains(log, "tainted: custom-monitor") {
			t.Errorf("libvirt's log of the domain does not say tainted: custom-monitor (%v):\n%s", err, log)
		}
	})

	t.Run("CloseStubAfterTracerGone", func(t *testing.T) {
		s, err := libvirt.OpenStub(ctx, d.URI, d.Name, libvirt.Options{})
		if err != nil {
			t.Fatal(err)
		}
		// What a guard does for a tracer killed mid-trace: find the
		// stub by the domain's name, resume through it, close it.
		found, err := libvirt.FindStub(ctx, d.URI, d.Name)
		if err != nil || found == nil || found.Addr != s.Addr || found.Dir != s.Dir {
			t.Fatalf("FindStub = %+v, %v; want %+v", found, err, s)
		}
		if err := qemu.Rescue(ctx, s.Addr); err != nil {
			t.Errorf("rescue: %v", err)
		}
		if err := libvirt.CloseStub(ctx, d.URI, d.Name, s.Dir); err != nil {
			t.Errorf("CloseStub: %v", err)
		}
		if err := libvirt.CloseStub(ctx, d.URI, d.Name, s.Dir); err != nil {
			t.Errorf("CloseStub twice: %v", err)
		}
		if found, err := libvirt.FindStub(ctx, d.URI, d.Name); found != nil || err != nil {
			t.Errorf("FindStub after CloseStub = %+v, %v", found, err)
		}
		untouched(t, d, xml)
	})

	t.Run("NoSuchDomain", func(t *testing.T) {
		_, err := libvirt.OpenStub(ctx, d.URI, "no-such-domain", libvirt.Options{})
		if !errors.Is(err, libvirt.ErrNoDomain) || !strings.Contains(err.Error(), `"no-such-domain"`) || !strings.Contains(err.Error(), d.Name) {
			t.Errorf("got %v; want ErrNoDomain naming it and listing %s", err, d.Name)
		}
		untouched(t, d, xml)
	})

	t.Run("NotRunning", func(t *testing.T) {
		if err := d.Suspend(); err != nil {
			t.Fatal(err)
		}
		_, err := libvirt.OpenStub(ctx, d.URI, d.Name, libvirt.Options{})
		if rerr := d.Resume(); rerr != nil {
			t.Fatal(rerr)
		}
		if !errors.Is(err, libvirt.ErrNotRunning) || !strings.Contains(err.Error(), "paused") {
			t.Errorf("got %v; want ErrNotRunning saying paused", err)
		}
		untouched(t, d, xml)
	})

	t.Run("StubAlreadyOpen", func(t *testing.T) {
		// Someone else's stub, opened by hand as a user would, in a
		// directory of theirs.
		// (t.TempDir's parent is closed to QEMU's user.)
		own, err := os.MkdirTemp("", "someone-else-")
		if err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(own)
		if err := os.Chmod(own, 0o777); err != nil {
			t.Fatal(err)
		}
		if reply, err := d.HMP("gdbserver unix:" + own + "/gdb.sock,server=on,wait=off"); err != nil || !strings.Contains(reply, "Waiting for gdb connection") {
			t.Fatalf("opening a stub by hand: %q %v", reply, err)
		}
		defer d.HMP("gdbserver none")
		before, _ := d.HMP("info chardev")
		_, err = libvirt.OpenStub(ctx, d.URI, d.Name, libvirt.Options{})
		if !errors.Is(err, libvirt.ErrStubOpen) || !strings.Contains(err.Error(), own) {
			t.Errorf("got %v; want ErrStubOpen naming %s", err, own)
		}
		if found, err := libvirt.FindStub(ctx, d.URI, d.Name); found != nil || err != nil {
			t.Errorf("FindStub took someone else's stub: %+v, %v", found, err)
		}
		// Closing by another directory leaves it open.
		if err := libvirt.CloseStub(ctx, d.URI, d.Name, filepath.Join(t.TempDir(), "guestrace-libvirt-x")); err != nil {
			t.Errorf("CloseStub of a stub not there: %v", err)
		}
		if after, _ := d.HMP("info chardev"); after != before {
			t.Errorf("the other stub was touched:\n%s\nwas:\n%s", after, before)
		}
		if reply, err := d.HMP("gdbserver none"); err != nil || !strings.Contains(reply, "Disabled gdbserver") {
			t.Errorf("closing it by hand: %q %v", reply, err)
		}
		untouched(t, d, xml)
	})

	t.Run("PermissionDenied", func(t *testing.T) {
		// A parent QEMU's user cannot enter.
		parent := t.TempDir()
		if err := os.Chmod(parent, 0o700); err != nil {
			t.Fatal(err)
		}
		_, err := libvirt.OpenStub(ctx, d.URI, d.Name, libvirt.Options{Parent: parent})
		if !errors.Is(err, libvirt.ErrPermission) || !strings.Contains(err.Error(), parent) {
			t.Errorf("got %v; want ErrPermission naming a directory in %s", err, parent)
		}
		if left, _ := os.ReadDir(parent); len(left) != 0 {
			t.Errorf("socket directory left behind: %v", left)
		}
		untouched(t, d, xml)
	})

	t.Run("NoDaemon", func(t *testing.T) {
		uri := "qemu:///system?socket=" + filepath.Join(t.TempDir(), "libvirt-sock")
		_, err := libvirt.OpenStub(ctx, uri, d.Name, libvirt.Options{})
		if !errors.Is(err, libvirt.ErrNoDaemon) {
			t.Errorf("got %v; want ErrNoDaemon", err)
		}
		untouched(t, d, xml)
	})
	alive(t, d)
}

// BenchmarkDomainReady measures creating the lab guest as a transient
// libvirt domain until its init reads commands, and destroying it.
func BenchmarkDomainReady(b *testing.B) {
	for b.Loop() {
		d, err := guestlab.StartDomain(context.Background(), guestlab.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := d.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStubOpenClose measures OpenStub, attaching the QEMU backend,
// detaching and closing the stub: what guestrace -d adds for libvirt.
func BenchmarkStubOpenClose(b *testing.B) {
	d := guestlab.BootDomain(b, guestlab.Options{})
	ctx := context.Background()
	for b.Loop() {
		s, err := libvirt.OpenStub(ctx, d.URI, d.Name, libvirt.Options{})
		if err != nil {
			b.Fatal(err)
		}
		q, err := qemu.Dial(ctx, s.Addr)
		if err == nil {
			err = q.Close()
		}
		if cerr := s.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			b.Fatal(err)
		}
	}
}
