package libvirt

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	golibvirt "github.com/digitalocean/go-libvirt"
)

// dirPrefix names the socket directories this package makes; CloseStub
// removes only directories named so.
const dirPrefix = "guestrace-libvirt-"

// closeTimeout bounds Stub.Close.
const closeTimeout = 30 * time.Second

// Stub is a GDB stub opened on a libvirt domain's QEMU.
type Stub struct {
	URI    string // the libvirt URI it was opened through
	Domain string // the domain's name
	Dir    string // the private directory holding the socket
	Addr   string // "unix:DIR/gdb.sock", for qemu.Dial
}

// Options tune OpenStub; the zero value is the default.
type Options struct {
	// Parent is where the socket directory is made; default os.TempDir().
	Parent string
}

// OpenStub opens a GDB stub on the running domain named domain, on a unix
// socket in a new directory only QEMU's user (and root) may enter. On an
// error nothing of the domain has changed: a stub someone else opened is
// reported (ErrStubOpen) and left alone.
func OpenStub(ctx context.Context, uri, domain string, opt Options) (*Stub, error) {
	c, err := dial(ctx, uri)
	if err != nil {
		return nil, err
	}
	defer c.close()
	dom, err := c.lookup(ctx, domain)
	if err != nil {
		return nil, err
	}
	if err := c.running(ctx, dom); err != nil {
		return nil, err
	}
	at := func(format string, args ...any) error {
		return fmt.Errorf("libvirt %s: domain %q: "+format, append([]any{uri, domain}, args...)...)
	}
	info, err := c.hmp(ctx, dom, "info chardev")
	if err != nil {
		return nil, err
	}
	if desc, open := gdbChardev(info); open {
		return nil, at("%w (%s); guestrace leaves it alone: close it with virsh qemu-monitor-command %s --hmp 'gdbserver none' once its user is done",
			ErrStubOpen, desc, domain)
	}
	o, err := c.owner(ctx, dom)
	if err != nil {
		return nil, at("%w", err)
	}
	dir, err := makeDir(opt.Parent, o)
	if err != nil {
		return nil, at("%w", err)
	}
	sock := filepath.Join(dir, sockName)
	reply, err := c.hmp(ctx, dom, openCommand(sock))
	if err != nil {
		// The command may have run: close what it may have opened.
		cctx, cancel := context.WithTimeout(context.Background(), closeTimeout)
		defer cancel()
		if cerr := CloseStub(cctx, uri, domain, dir); cerr != nil {
			return nil, fmt.Errorf("%w (and closing the stub: %v)", err, cerr)
		}
		return nil, err
	}
	if !strings.Contains(reply, replyListening) {
		removeDir(dir)
		if strings.Contains(reply, replyDenied) {
			return nil, at("%w %s: QEMU, running as %s, may not create %s in it: %s", ErrPermission, dir, o.name, sockName, oneLine(reply))
		}
		return nil, at("%w: %s: %s", ErrMonitor, openCommand(sock), oneLine(reply))
	}
	return &Stub{URI: uri, Domain: domain, Dir: dir, Addr: "unix:" + sock}, nil
}

// owner is who the domain's QEMU runs as.
func (c *client) owner(ctx context.Context, dom golibvirt.Domain) (owner, error) {
	if c.ep.session {
		return owner{uid: os.Geteuid(), gid: os.Getegid(), name: "you"}, nil
	}
	x, err := c.l.DomainGetXMLDesc(dom, 0)
	if err != nil {
		return owner{}, fmt.Errorf("reading its live XML: %w", ctxErr(ctx, err))
	}
	return qemuOwner(x)
}

// makeDir makes the socket directory, owned by QEMU's user, mode 0750.
func makeDir(parent string, o owner) (string, error) {
	dir, err := os.MkdirTemp(parent, dirPrefix)
	if err != nil {
		return "", fmt.Errorf("socket directory: %w", err)
	}
	if err := os.Chown(dir, o.uid, o.gid); err != nil {
		os.Remove(dir)
		if errors.Is(err, fs.ErrPermission) {
			return "", fmt.Errorf("%w %s: only root may give it to QEMU's user %s (uid %d): %v", ErrPermission, dir, o.name, o.uid, err)
		}
		return "", fmt.Errorf("socket directory %s: %w", dir, err)
	}
	if err := os.Chmod(dir, 0o750); err != nil {
		os.Remove(dir)
		return "", fmt.Errorf("socket directory %s: %w", dir, err)
	}
	return dir, nil
}

// removeDir removes a socket directory made by makeDir and the socket in
// it, nothing else.
func removeDir(dir string) error {
	if !strings.HasPrefix(filepath.Base(dir), dirPrefix) {
		return fmt.Errorf("socket directory %s: not made by guestrace; left alone", dir)
	}
	if err := os.Remove(filepath.Join(dir, sockName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("socket directory %s: %w", dir, err)
	}
	if err := os.Remove(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("socket directory %s: %w", dir, err)
	}
	return nil
}

// Close closes the stub (gdbserver none) and removes its directory.
// Detach the QEMU backend first: closing the stub under a connected
// client leaves its breakpoints in the guest.
func (s *Stub) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), closeTimeout)
	defer cancel()
	return CloseStub(ctx, s.URI, s.Domain, s.Dir)
}

// CloseStub closes the stub OpenStub opened in dir on the domain, if it
// is still open there (a stub on another socket is someone else's and is
// left alone), and removes dir. A domain that is gone or shut off has no
// stub left to close. Guard processes call it after the tracer died.
func CloseStub(ctx context.Context, uri, domain, dir string) error {
	c, err := dial(ctx, uri)
	if err != nil {
		return err
	}
	defer c.close()
	derr := closeStub(ctx, c, domain, dir)
	if err := removeDir(dir); err != nil && derr == nil {
		derr = err
	}
	return derr
}

func closeStub(ctx context.Context, c *client, domain, dir string) error {
	dom, err := c.lookup(ctx, domain)
	if errors.Is(err, ErrNoDomain) {
		return nil
	}
	if err != nil {
		return err
	}
	if state, _, err := c.l.DomainGetState(dom, 0); err == nil && !active(golibvirt.DomainState(state)) {
		return nil
	}
	info, err := c.hmp(ctx, dom, "info chardev")
	if err != nil {
		return err
	}
	if desc, open := gdbChardev(info); !open || !stubIsIn(desc, dir) {
		return nil
	}
	reply, err := c.hmp(ctx, dom, closeCommand)
	if err != nil {
		return err
	}
	if !strings.Contains(reply, replyDisabled) {
		return fmt.Errorf("libvirt %s: domain %q: %w: %s: %s", c.ep.uri, domain, ErrMonitor, closeCommand, oneLine(reply))
	}
	return nil
}

// FindStub returns the stub a guestrace opened on the domain and did not
// close (its tracer died), or nil when there is none. A stub someone else
// opened is not one.
func FindStub(ctx context.Context, uri, domain string) (*Stub, error) {
	c, err := dial(ctx, uri)
	if err != nil {
		return nil, err
	}
	defer c.close()
	dom, err := c.lookup(ctx, domain)
	if err != nil {
		return nil, err
	}
	info, err := c.hmp(ctx, dom, "info chardev")
	if err != nil {
		return nil, err
	}
	desc, open := gdbChardev(info)
	if !open {
		return nil, nil
	}
	dir, ours := ourDir(desc)
	if !ours {
		return nil, nil
	}
	return &Stub{URI: uri, Domain: domain, Dir: dir, Addr: "unix:" + filepath.Join(dir, sockName)}, nil
}

// active reports whether a domain in this state has a QEMU process.
func active(s golibvirt.DomainState) bool {
	return s != golibvirt.DomainShutoff && s != golibvirt.DomainNostate
}
