package guestlab

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	golibvirt "github.com/digitalocean/go-libvirt"

	"github.com/guestrace/guestrace/pkg/vmi/libvirt"
)

// DomainURI is the libvirt daemon the lab's domains run under (started by
// scripts/libvirt.sh in make test).
const DomainURI = "qemu:///system"

// Domain is the lab guest as a transient libvirt domain (TCG, direct
// kernel boot): the embedded Guest gives its serial console (Exec,
// WaitConsole, Console) through the domain's unix-socket serial port; it
// has no GDB or QMP socket of its own.
type Domain struct {
	*Guest
	Name string
	URI  string

	l   *golibvirt.Libvirt
	dom golibvirt.Domain
}

// BootDomain starts the lab guest as a libvirt domain for a test and
// waits for its ready line; t.Cleanup destroys it. Without a lab or a
// libvirt daemon it fails the test (skips it under -short).
func BootDomain(t testing.TB, opt Options) *Domain {
	t.Helper()
	if testing.Short() {
		t.Skip("boots a libvirt domain (skipped under -short)")
	}
	d, err := StartDomain(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := d.Close(); err != nil {
			t.Errorf("guestlab: %v", err)
		}
	})
	return d
}

// StartDomain creates the lab guest as a transient domain, paused, attaches
// to its console, resumes it and waits for its ready line. On error the
// domain is gone.
func StartDomain(ctx context.Context, opt Options) (*Domain, error) {
	opt = opt.withDefaults()
	lab, err := Dir()
	if err != nil {
		return nil, err
	}
	release, err := os.ReadFile(filepath.Join(lab, "VERSION"))
	if err != nil {
		return nil, fmt.Errorf("guestlab: %w", err)
	}
	l, err := libvirt.Dial(ctx, DomainURI)
	if err != nil {
		return nil, fmt.Errorf("guestlab: %w (make test starts one with scripts/libvirt.sh start)", err)
	}
	// QEMU runs as another user: it must be able to read the kernel, and
	// libvirt relabels what it boots, so it boots copies.
	dir, err := os.MkdirTemp("", "guestlab-domain-")
	if err == nil {
		err = os.Chmod(dir, 0o755)
	}
	if err != nil {
		l.Disconnect()
		return nil, fmt.Errorf("guestlab: %w", err)
	}
	var nonce [4]byte
	rand.Read(nonce[:])
	d := &Domain{
		Guest: &Guest{
			Dir:     dir,
			LabDir:  lab,
			Profile: filepath.Join(lab, "profile.json"),
			Release: strings.TrimSpace(string(release)),
			opt:     opt,
			con:     newConsole(),
			exited:  make(chan struct{}),
		},
		Name: "guestlab-" + hex.EncodeToString(nonce[:]),
		URI:  DomainURI,
		l:    l,
	}
	if err := d.start(ctx); err != nil {
		tail := d.con.tail()
		d.Close()
		return nil, fmt.Errorf("guestlab: domain %s: %w; console tail:\n%s", d.Name, err, tail)
	}
	return d, nil
}

func (d *Domain) start(ctx context.Context) error {
	kernel := filepath.Join(d.Dir, "vmlinuz")
	if err := copyFile(kernel, filepath.Join(d.LabDir, "vmlinuz")); err != nil {
		return err
	}
	initrd, err := d.initramfs()
	if err != nil {
		return err
	}
	if initrd == filepath.Join(d.LabDir, "initramfs.cpio.gz") {
		initrd = filepath.Join(d.Dir, "initramfs.cpio.gz")
		if err := copyFile(initrd, filepath.Join(d.LabDir, "initramfs.cpio.gz")); err != nil {
			return err
		}
	}
	console := filepath.Join(d.Dir, "console.sock")
	const startPaused = 1 // VIR_DOMAIN_START_PAUSED: attach the console first
	d.dom, err = d.l.DomainCreateXML(d.domainXML(kernel, initrd, console), startPaused)
	if err != nil {
		return fmt.Errorf("create: %w", err)
	}
	nc, err := net.Dial("unix", console)
	if err != nil {
		return fmt.Errorf("console: %w", err)
	}
	d.stdin = nc.(*net.UnixConn)
	go d.con.pump(nc, func() error {
		d.waitErr = errors.New("the domain's console closed")
		close(d.exited)
		return d.waitErr
	})
	if err := d.l.DomainResume(d.dom); err != nil {
		return fmt.Errorf("resume: %w", err)
	}
	rctx, cancel := context.WithTimeout(ctx, d.opt.ReadyTimeout)
	defer cancel()
	if _, err := d.con.waitRegexp(rctx, 0, readyLine); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("%w: no %q within %v", ErrNotReady, "GUESTLAB READY", d.opt.ReadyTimeout)
		}
		return err
	}
	return nil
}

// domainXML is the transient domain: TCG, direct kernel boot, ACPI (for
// the kernel to find its CPUs), the serial console on a unix socket with
// a log, no other devices.
func (d *Domain) domainXML(kernel, initrd, console string) string {
	esc := func(s string) string {
		var b bytes.Buffer
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	cpu := fmt.Sprintf("<cpu mode='custom' match='exact'><model fallback='allow'>%s</model></cpu>", esc(d.opt.CPU))
	if d.opt.CPU == "max" {
		cpu = "<cpu mode='maximum'/>"
	}
	return fmt.Sprintf(`<domain type='qemu'>
  <name>%s</name>
  <memory unit='MiB'>%d</memory>
  <vcpu>%d</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type><kernel>%s</kernel><initrd>%s</initrd><cmdline>%s</cmdline></os>
  <features><acpi/></features>
  %s
  <on_poweroff>destroy</on_poweroff><on_reboot>destroy</on_reboot><on_crash>destroy</on_crash>
  <devices>
    <serial type='unix'><source mode='bind' path='%s'/><log file='%s'/><target port='0'/></serial>
    <memballoon model='none'/>
  </devices>
</domain>`, d.Name, d.opt.MemMB, d.opt.VCPUs, esc(kernel), esc(initrd), esc(d.cmdline()), cpu,
		esc(console), esc(filepath.Join(d.Dir, "console.log")))
}

// HMP runs a human monitor command in the domain's QEMU.
func (d *Domain) HMP(cmd string) (string, error) {
	return d.l.QEMUDomainMonitorCommand(d.dom, cmd, 1)
}

// XML is the domain's live definition.
func (d *Domain) XML() (string, error) {
	return d.l.DomainGetXMLDesc(d.dom, 0)
}

// State is the domain's state (golibvirt.DomainRunning, ...).
func (d *Domain) State() (golibvirt.DomainState, error) {
	s, _, err := d.l.DomainGetState(d.dom, 0)
	return golibvirt.DomainState(s), err
}

// Suspend pauses the domain (virsh suspend); Resume lets it run again.
func (d *Domain) Suspend() error { return d.l.DomainSuspend(d.dom) }

// Resume resumes a paused domain.
func (d *Domain) Resume() error { return d.l.DomainResume(d.dom) }

// libvirtLogDir is where libvirt keeps each QEMU domain's log.
const libvirtLogDir = "/var/log/libvirt/qemu"

// LibvirtLog is what libvirt logged about the domain's QEMU (its command
// line, taints).
func (d *Domain) LibvirtLog() (string, error) {
	b, err := os.ReadFile(filepath.Join(libvirtLogDir, d.Name+".log"))
	return string(b), err
}

// Close destroys the domain and removes its files. It is safe to call
// more than once.
func (d *Domain) Close() error {
	var err error
	d.closeOnce.Do(func() {
		d.closed.Store(true)
		if d.dom.Name != "" {
			if derr := d.l.DomainDestroy(d.dom); derr != nil && !golibvirt.IsNotFound(derr) {
				err = fmt.Errorf("destroying domain %s: %w", d.Name, derr)
			}
		}
		d.l.Disconnect()
		if d.stdin != nil {
			d.stdin.Close()
			select {
			case <-d.exited:
			case <-time.After(10 * time.Second):
			}
		}
		if rerr := os.RemoveAll(d.Dir); rerr != nil && err == nil {
			err = rerr
		}
	})
	return err
}

func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("guestlab: %w", err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("guestlab: %w", err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("guestlab: %w", err)
	}
	return out.Close()
}
