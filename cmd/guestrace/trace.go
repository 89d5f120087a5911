package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/loop"
	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/guestrace/guestrace/pkg/tracer"
	"github.com/guestrace/guestrace/pkg/vmi/qemu"
)

// traceFlags are the flags of the trace (root) command.
type traceFlags struct {
	qemu     string
	domain   string
	profile  string
	exprs    []string
	output   string
	strsize  int
	quiet    bool
	duration time.Duration
	os       string
}

func addTraceFlags(cmd *cobra.Command, f *traceFlags) {
	fl := cmd.Flags()
	fl.StringVar(&f.qemu, "qemu", "", "QEMU/KVM guest: its GDB stub, unix:PATH or HOST:PORT")
	fl.StringVarP(&f.domain, "domain", "d", "", "Xen guest: the domain name (libvmi)")
	fl.StringVar(&f.profile, "profile", "", "the guest kernel's profile (Volatility3 ISF JSON)")
	fl.StringArrayVarP(&f.exprs, "expr", "e", nil, "which calls to trace: trace=NAME[,NAME...] (or NAME,...)")
	fl.StringVarP(&f.output, "output", "o", "", "write the trace to FILE instead of standard output")
	fl.IntVarP(&f.strsize, "string-limit", "s", printers.DefaultStringLimit, "print at most N bytes of each string, as strace -s")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "no status messages on standard error")
	fl.StringVar(&f.os, "os", "", "the guest OS, linux or windows (default: what the profile says)")
	fl.DurationVar(&f.duration, "duration", 0, "detach after this long (30s, 5m); 0 traces until a signal")
}

// runTrace attaches, traces until a signal, the duration or the guest's
// end, detaches, and prints a one-line summary on stderr.
func runTrace(cmd *cobra.Command, f *traceFlags) error {
	err := f.validate()
	if err != nil {
		return err
	}
	var prof *isf.Profile
	if f.domain != "" {
		prof, err = xenProfile(f.domain, f.profile)
	} else {
		prof, err = loadProfile(f.profile)
	}
	if err != nil {
		return err
	}
	osName := prof.OS()
	if osName == "" {
		osName = "linux"
	}
	if f.os != "" && f.os != osName {
		return usagef("--os %s: the profile is of a %s kernel", f.os, osName)
	}
	table, abi := tableOf(osName)
	want, err := parseTraceExprs(f.exprs, table, abi)
	if err != nil {
		return err
	}
	status := cmd.ErrOrStderr()
	if f.quiet {
		status = io.Discard
	}
	out := cmd.OutOrStdout()
	if f.output != "" {
		file, err := os.OpenFile(f.output, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		if err != nil {
			return usagef("-o %s: %v", f.output, pathErr(err))
		}
		defer file.Close()
		out = file
	}

	// Signals end the trace cleanly from here on: the loop's Wait returns
	// and the deferred Close detaches.
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()

	l, err := loop.Open(ctx, loop.Guest{QEMU: f.qemu, Domain: f.domain, Profile: prof})
	if err != nil {
		var busy *qemu.BusyError
		if errors.As(err, &busy) {
			// Closing the queued connection would leave the guest paused
			// when the other client leaves: a guard releases it then.
			if herr := handOver(busy); herr != nil {
				return fmt.Errorf("%s: %w (and handing the queued connection over: %v)", f.guestName(), err, herr)
			}
		}
		return fmt.Errorf("%s: %w", f.guestName(), err)
	}
	var g *guard
	if f.qemu != "" {
		if g, err = startGuard(f.qemu); err != nil {
			l.Close()
			return err
		}
	}
	tr := tracer.New(l, output.NewText(out, printers.Options{StringLimit: f.strsize}))
	defer func() { g.done(tr.Close() == nil) }()
	osys := l.OS()
	fmt.Fprintf(status, "guestrace: attached to %s (%s %s, KASLR slide %#x, %d vCPUs)\n",
		f.guestName(), osys.Type(), osys.Release(), osys.Slide(), l.Target().NumVCPUs())

	n, err := tr.Instrument(osys.Syscalls(), want, table)
	if err != nil {
		return fmt.Errorf("placing breakpoints: %w", err)
	}
	if n == 0 {
		return usagef("-e: none of the system calls asked for exists in this guest kernel")
	}
	fmt.Fprintf(status, "guestrace: %d breakpoints placed; tracing\n", n)

	if f.duration > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, f.duration)
		defer cancel()
	}
	runErr := tr.Run(ctx)
	closeErr := tr.Close()
	c := tr.Counts()
	fmt.Fprintf(status, "guestrace: detached; %d calls traced, %d unfinished\n", c.Calls, c.Unfinished)
	switch {
	case runErr != nil:
		return fmt.Errorf("tracing %s: %w", f.guestName(), runErr)
	case closeErr != nil:
		return fmt.Errorf("detaching from %s: %w", f.guestName(), closeErr)
	}
	return nil
}

func (f *traceFlags) guestName() string {
	if f.qemu != "" {
		return "--qemu " + f.qemu
	}
	return "-d " + f.domain
}

func (f *traceFlags) validate() error {
	switch {
	case f.qemu == "" && f.domain == "":
		return usagef("no guest: give --qemu unix:PATH (QEMU/KVM) or -d DOMAIN (Xen)")
	case f.qemu != "" && f.domain != "":
		return usagef("--qemu and -d each name a guest: give one")
	case f.qemu != "" && f.profile == "":
		return usagef("--profile FILE is needed with --qemu (see profiles/README.md)")
	case f.strsize < 0:
		return usagef("-s %d: the string limit cannot be negative", f.strsize)
	case f.os != "" && f.os != "linux" && f.os != "windows":
		return usagef("--os %s: unknown OS (linux or windows)", f.os)
	case f.duration < 0:
		return usagef("--duration %v: cannot be negative", f.duration)
	}
	return nil
}

// loadProfile reads the profile; a file that is missing or not a profile
// is the user's error.
func loadProfile(path string) (*isf.Profile, error) {
	p, err := isf.Load(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
			return nil, usagef("--profile %s: %v", path, pathErr(err))
		}
		return nil, usageError{fmt.Errorf("--profile: %w", err)}
	}
	return p, nil
}

// pathErr drops the path os errors repeat, since messages name it already.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
