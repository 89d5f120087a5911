package guestlab

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// Sentinel errors, wrapped with %w.
var (
	// ErrNotReady means the guest did not print its ready line in time.
	ErrNotReady = errors.New("lab guest not ready")
	// ErrExited means QEMU exited.
	ErrExited = errors.New("qemu exited")
	// ErrClosed is returned by every method after Close.
	ErrClosed = errors.New("lab guest closed")
)

// qemuBinary runs the lab (Debian: apt-get install qemu-system-x86).
const qemuBinary = "qemu-system-x86_64"

// readyLine is what the lab's init prints once it reads commands (the
// firmware's terminal escapes may precede it on its line).
var readyLine = regexp.MustCompile(`(?m)GUESTLAB READY$`)

// Options tune one lab guest; the zero value is the default lab.
type Options struct {
	Kernel         string        // kernel series (Kernels); default Kernel(): $GUESTRACE_KERNEL or DefaultKernel
	VCPUs          int           // default 1
	MemMB          int           // default 512
	NoKASLR        bool          // default: KASLR on
	CPU            string        // QEMU -cpu model; default "qemu64" (4-level paging). "max" gives LA57 (5-level) under TCG.
	Append         string        // extra kernel command line
	ExtraInitramfs string        // optional cpio(.gz) appended to the lab initramfs (concatenated)
	ReadyTimeout   time.Duration // default 120s
}

func (o Options) withDefaults() Options {
	if o.Kernel == "" {
		o.Kernel = Kernel()
	}
	if o.VCPUs <= 0 {
		o.VCPUs = 1
	}
	if o.MemMB <= 0 {
		o.MemMB = 512
	}
	if o.CPU == "" {
		o.CPU = "qemu64"
	}
	if o.ReadyTimeout <= 0 {
		o.ReadyTimeout = 120 * time.Second
	}
	return o
}

// consoleIn is where commands are typed: QEMU's stdin, or a libvirt
// domain's serial socket.
type consoleIn interface {
	io.WriteCloser
	SetWriteDeadline(time.Time) error
}

// Guest is one running lab guest under QEMU (TCG).
type Guest struct {
	Dir       string // temp dir of this instance
	GDBSocket string // unix socket path of QEMU's GDB stub
	QMPSocket string // unix socket path of QMP
	Kernel    string // kernel series booted
	LabDir    string // its lab: build/guest, build/guest-<series>
	Profile   string // LabDir/profile.json
	Release   string // contents of LabDir/VERSION

	opt   Options
	cmd   *exec.Cmd
	stdin consoleIn
	con   *console

	exited  chan struct{} // closed when QEMU has been reaped
	waitErr error         // QEMU's exit, valid after exited

	execMu  sync.Mutex // one command at a time on the console
	execSeq int

	closeOnce sync.Once
	closeErr  error
	closed    atomic.Bool
}

// Boot starts the lab guest for a test and waits for its ready line. It
// registers t.Cleanup to kill QEMU. Under -short it skips the test
// (nothing boots QEMU there); if the lab is not built it fails the test
// with "run make guest".
func Boot(t testing.TB, opt Options) *Guest {
	t.Helper()
	// -short is unit tests only: nothing boots QEMU.
	if testing.Short() {
		t.Skip("boots the lab guest: skipped under -short")
	}
	if _, err := DirFor(opt.Kernel); err != nil {
		t.Fatal(err)
	}
	g, err := Start(context.Background(), opt)
	if err != nil {
		t.Fatal(err) // Start has killed QEMU already
	}
	t.Cleanup(func() {
		if err := g.Close(); err != nil {
			t.Errorf("guestlab: close: %v", err)
		}
	})
	return g
}

// Start boots the lab guest and waits for its ready line (at most
// opt.ReadyTimeout, and never past ctx). On error QEMU is gone and the
// error quotes the console's tail. Close kills QEMU.
func Start(ctx context.Context, opt Options) (*Guest, error) {
	opt = opt.withDefaults()
	lab, err := DirFor(opt.Kernel)
	if err != nil {
		return nil, err
	}
	if _, err := exec.LookPath(qemuBinary); err != nil {
		return nil, fmt.Errorf("guestlab: %s not found (apt-get install qemu-system-x86, or make deps): %w", qemuBinary, err)
	}
	release, err := os.ReadFile(filepath.Join(lab, "VERSION"))
	if err != nil {
		return nil, fmt.Errorf("guestlab: %w", err)
	}
	dir, err := os.MkdirTemp("", "guestlab-")
	if err != nil {
		return nil, fmt.Errorf("guestlab: %w", err)
	}
	g := &Guest{
		Dir:       dir,
		Kernel:    opt.Kernel,
		GDBSocket: filepath.Join(dir, "gdb.sock"),
		QMPSocket: filepath.Join(dir, "qmp.sock"),
		LabDir:    lab,
		Profile:   filepath.Join(lab, "profile.json"),
		Release:   strings.TrimSpace(string(release)),
		opt:       opt,
		con:       newConsole(),
		exited:    make(chan struct{}),
	}
	if err := g.start(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	rctx, cancel := context.WithTimeout(ctx, opt.ReadyTimeout)
	defer cancel()
	if _, err := g.con.waitRegexp(rctx, 0, readyLine); err != nil {
		tail := g.con.tail()
		g.Close()
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("%w: no %q within %v", ErrNotReady, "GUESTLAB READY", opt.ReadyTimeout)
		}
		return nil, fmt.Errorf("guestlab: boot %s: %w; console tail:\n%s", g.Release, err, tail)
	}
	return g, nil
}

// initramfs is the lab's initramfs, with opt.ExtraInitramfs appended in
// a copy when given (the kernel unpacks concatenated archives in turn).
func (g *Guest) initramfs() (string, error) {
	lab := filepath.Join(g.LabDir, "initramfs.cpio.gz")
	if g.opt.ExtraInitramfs == "" {
		return lab, nil
	}
	path := filepath.Join(g.Dir, "initramfs.cpio")
	out, err := os.Create(path)
	if err != nil {
		return "", fmt.Errorf("guestlab: %w", err)
	}
	defer out.Close()
	for _, in := range []string{lab, g.opt.ExtraInitramfs} {
		f, err := os.Open(in)
		if err != nil {
			return "", fmt.Errorf("guestlab: initramfs: %w", err)
		}
		_, err = io.Copy(out, f)
		f.Close()
		if err != nil {
			return "", fmt.Errorf("guestlab: initramfs %s: %w", in, err)
		}
	}
	return path, out.Close()
}

// cmdline is the kernel command line: serial console, no reboot on
// panic (QEMU exits through -no-reboot), quiet.
func (g *Guest) cmdline() string {
	parts := []string{"console=ttyS0", "panic=-1", "quiet"}
	if g.opt.NoKASLR {
		parts = append(parts, "nokaslr")
	}
	if g.opt.Append != "" {
		parts = append(parts, g.opt.Append)
	}
	return strings.Join(parts, " ")
}

func (g *Guest) qemuArgs(initrd string) []string {
	return []string{
		"-accel", "tcg",
		"-cpu", g.opt.CPU,
		"-smp", fmt.Sprint(g.opt.VCPUs),
		"-m", fmt.Sprint(g.opt.MemMB),
		"-kernel", filepath.Join(g.LabDir, "vmlinuz"),
		"-initrd", initrd,
		"-append", g.cmdline(),
		"-nodefaults", "-nographic", "-no-reboot", "-monitor", "none",
		"-serial", "stdio",
		"-gdb", "unix:" + g.GDBSocket + ",server=on,wait=off",
		"-qmp", "unix:" + g.QMPSocket + ",server=on,wait=off",
	}
}

// start runs QEMU with the console on pipes.
func (g *Guest) start() error {
	initrd, err := g.initramfs()
	if err != nil {
		return err
	}
	inR, inW, err := os.Pipe()
	if err != nil {
		return fmt.Errorf("guestlab: %w", err)
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		return fmt.Errorf("guestlab: %w", err)
	}
	cmd := exec.Command(qemuBinary, g.qemuArgs(initrd)...)
	cmd.Dir = g.Dir
	cmd.Stdin = inR
	cmd.Stdout = outW
	cmd.Stderr = outW // QEMU's own complaints belong in the console tail
	// QEMU must not outlive a test binary that is killed.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	err = cmd.Start()
	inR.Close()
	outW.Close()
	if err != nil {
		inW.Close()
		outR.Close()
		return fmt.Errorf("guestlab: start %s: %w", qemuBinary, err)
	}
	g.cmd, g.stdin = cmd, inW
	go func() {
		g.waitErr = cmd.Wait()
		if g.waitErr == nil {
			g.waitErr = errors.New("exit status 0")
		}
		close(g.exited)
	}()
	go func() {
		g.con.pump(outR, func() error {
			<-g.exited
			return g.waitErr
		})
		outR.Close()
	}()
	return nil
}

// Console returns everything the guest printed so far (\r removed).
func (g *Guest) Console() string { return g.con.String() }

// WaitConsole waits until re matches the console and returns the
// submatches of the first match. It searches all the output so far, then
// new output as it arrives; only complete lines are searched, so a match
// never stops at a line that is still being printed.
func (g *Guest) WaitConsole(ctx context.Context, re *regexp.Regexp) ([]string, error) {
	m, err := g.con.waitRegexp(ctx, 0, re)
	if err != nil {
		return nil, fmt.Errorf("guestlab: waiting for %q: %w; console tail:\n%s", re, err, g.con.tail())
	}
	return m, nil
}

// Close kills QEMU and removes the instance's temp dir. It is safe to
// call more than once.
func (g *Guest) Close() error {
	g.closeOnce.Do(func() {
		g.closed.Store(true)
		if g.cmd != nil {
			select {
			case <-g.exited:
			default:
				g.cmd.Process.Kill()
			}
			select {
			case <-g.exited:
			case <-time.After(30 * time.Second):
				g.closeErr = fmt.Errorf("guestlab: qemu pid %d did not exit after SIGKILL", g.cmd.Process.Pid)
			}
			g.stdin.Close()
		}
		if err := os.RemoveAll(g.Dir); err != nil && g.closeErr == nil {
			g.closeErr = fmt.Errorf("guestlab: %w", err)
		}
	})
	return g.closeErr
}

// alive reports an error once QEMU has exited or Close was called.
func (g *Guest) alive() error {
	if g.closed.Load() {
		return fmt.Errorf("guestlab: %w", ErrClosed)
	}
	select {
	case <-g.exited:
		return fmt.Errorf("guestlab: %w: %v", ErrExited, g.waitErr)
	default:
		return nil
	}
}

// Kill kills QEMU, as a hypervisor dies under a tracer, and waits until
// it is gone. Close still cleans up after it.
func (g *Guest) Kill() error {
	if g.cmd == nil {
		return ErrExited
	}
	g.cmd.Process.Kill()
	select {
	case <-g.exited:
		return nil
	case <-time.After(30 * time.Second):
		return fmt.Errorf("guestlab: qemu pid %d did not exit after SIGKILL", g.cmd.Process.Pid)
	}
}
