package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/guestrace/guestrace/pkg/backend"
	"github.com/guestrace/guestrace/pkg/vmi/qemu"
)

// The guard is a small child process that outlives a guestrace that dies
// without detaching (SIGKILL, a crash): QEMU keeps a vanished client's
// breakpoints and leaves the guest stopped at the next one, so someone
// must connect again and let the guest go. What it runs then is the
// backend's Rescue. guestrace writes "clean" to
// the guard's standard input when it has detached itself; end of input
// without it means guestrace died, and the guard rescues the guest.
const (
	guardName  = "__guard"
	guardClean = "clean\n"
	// guardPatience is how long the guard retries while the stub is
	// still busy with the dead tracer's connection.
	guardPatience = 30 * time.Second
)

func init() { subcommands = append(subcommands, newGuardCmd) }

func newGuardCmd() *cobra.Command {
	var (
		spec  backend.Spec
		addr  string
		adopt bool
	)
	cmd := &cobra.Command{
		Use:    guardName + " --backend NAME --guest GUEST [--connect URI] | --adopt --qemu ADDR",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// Signals to guestrace's process group are not for the guard.
			signal.Ignore(os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
			if adopt {
				return releaseQueued(addr)
			}
			data, _ := io.ReadAll(io.LimitReader(os.Stdin, 64))
			if strings.HasSuffix(string(data), guardClean) {
				return nil
			}
			be, err := backend.Lookup(spec.Backend)
			if err != nil || be.Rescue == nil {
				return fmt.Errorf("guard: backend %q cannot rescue a guest", spec.Backend)
			}
			ctx, cancel := context.WithTimeout(context.Background(), guardPatience)
			defer cancel()
			for {
				err := be.Rescue(ctx, spec)
				if err == nil {
					fmt.Fprintf(os.Stderr, "guestrace: tracer died; removed its breakpoints from %s and resumed the guest\n", spec.Guest)
					return nil
				}
				if ctx.Err() != nil {
					return fmt.Errorf("tracer died and the guest at %s could not be resumed: %w", spec.Guest, err)
				}
				time.Sleep(200 * time.Millisecond)
			}
		},
	}
	cmd.Flags().StringVar(&spec.Backend, "backend", "", "the backend of the guest to guard")
	cmd.Flags().StringVar(&spec.Guest, "guest", "", "the guest to guard, as the backend names it")
	cmd.Flags().StringVar(&spec.Connect, "connect", "", "the hypervisor URI, for backends that take one")
	cmd.Flags().StringVar(&addr, "qemu", "", "with --adopt: the GDB stub the queued connection is for")
	cmd.Flags().BoolVar(&adopt, "adopt", false, "release the queued connection passed as file descriptor 3")
	return cmd
}

// queuedPatience bounds how long a guard waits for the stub to serve a
// connection that found it busy (as long as the other client stays).
const queuedPatience = 24 * time.Hour

// releaseQueued waits until QEMU serves the connection a busy stub left
// queued, then detaches on it so that the guest is not left paused.
func releaseQueued(addr string) error {
	nc, err := net.FileConn(os.NewFile(3, "gdb-stub"))
	if err != nil {
		return fmt.Errorf("guard: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), queuedPatience)
	defer cancel()
	return qemu.Release(ctx, nc, addr)
}

// handOver gives a connection that found the stub busy to a guard, which
// detaches on it once the stub serves it.
func handOver(busy *qemu.BusyError) error {
	defer busy.Conn.Close()
	fc, ok := busy.Conn.(interface{ File() (*os.File, error) })
	if !ok {
		return nil
	}
	f, err := fc.File()
	if err != nil {
		return err
	}
	defer f.Close()
	cmd, err := guardCommand("--adopt", "--qemu", busy.Addr)
	if err != nil {
		return err
	}
	cmd.ExtraFiles = []*os.File{f}
	if err := cmd.Start(); err != nil {
		return err
	}
	return cmd.Process.Release()
}

// guard is the parent's end of a running guard.
type guard struct {
	cmd  *exec.Cmd
	pipe *os.File
}

// startGuard starts the guard of a guest whose backend can rescue it.
func startGuard(s backend.Spec) (*guard, error) {
	cmd, err := guardCommand("--backend", s.Backend, "--guest", s.Guest, "--connect", s.Connect)
	if err != nil {
		return nil, fmt.Errorf("starting the guard: %w", err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("starting the guard: %w", err)
	}
	cmd.Stdin, cmd.Stderr = r, os.Stderr
	if err := cmd.Start(); err != nil {
		r.Close()
		w.Close()
		return nil, fmt.Errorf("starting the guard: %w", err)
	}
	r.Close()
	return &guard{cmd: cmd, pipe: w}, nil
}

// done tells the guard whether guestrace detached cleanly, and waits for
// it (when not clean, the guard rescues the guest).
func (g *guard) done(clean bool) {
	if g == nil {
		return
	}
	if clean {
		io.WriteString(g.pipe, guardClean)
	}
	g.pipe.Close()
	g.cmd.Wait()
}

// guardCommand is this binary run as a guard, in its own process group so
// that a ^C meant for guestrace does not reach it.
func guardCommand(args ...string) (*exec.Cmd, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(self, append([]string{guardName}, args...)...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return cmd, nil
}
