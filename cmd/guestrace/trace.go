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

	"github.com/spf13/cobra"

	"github.com/guestrace/guestrace/pkg/backend"
	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/loop"
	"github.com/guestrace/guestrace/pkg/oses"
	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/tracer"
	"github.com/guestrace/guestrace/pkg/vmi"
	"github.com/guestrace/guestrace/pkg/vmi/qemu"
)

// runTrace attaches, traces until a signal, the duration or the guest's
// end, detaches, and prints a one-line summary on stderr.
func runTrace(cmd *cobra.Command, f *traceFlags) error {
	err := f.validate()
	if err != nil {
		return err
	}
	spec := f.spec()
	be, err := backend.Resolve(cmd.Context(), spec)
	if errors.Is(err, backend.ErrUnknown) {
		return usagef("--backend %s: %v", f.backend, err)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", f.guestName(), err)
	}
	spec.Backend = be.Name
	prof, err := f.loadProfile(be, spec)
	if err != nil {
		return err
	}
	var osd *oses.OS
	if prof == nil {
		osd, err = memoryOS(f.os)
	} else if osd, err = oses.ForProfile(prof); err != nil {
		err = usagef("--profile: %v", err)
	}
	if err != nil {
		return err
	}
	if f.os != "" && f.os != osd.Name {
		return usagef("--os %s: the profile is of a %s kernel", f.os, osd.Name)
	}
	filt, err := parseExprs(f.printFlags.exprs(f.exprs), osd)
	if err != nil {
		return err
	}
	if filt.dumps != nil && osd.Name != "linux" {
		return usagef("-e read=/write=: dumps are of Linux calls")
	}
	f.dumps = filt.dumps
	if f.silent && filt.status != 0 {
		return usagef("--silent and -e status=: --silent does not wait for returns")
	}
	pids, _ := f.pidList()
	status := cmd.ErrOrStderr()
	if f.quiet {
		status = io.Discard
	}
	out := cmd.OutOrStdout()
	if f.output != "" {
		flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		if f.append {
			flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
		}
		file, err := os.OpenFile(f.output, flags, 0o644)
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
	// A closed pipe on standard output must fail the write (EPIPE) rather
	// than kill guestrace before it detaches.
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)

	var g *guard
	fromMemory := func(t vmi.Target) (*isf.Profile, error) {
		// The guest stays paused while its profile is made: the guard
		// watches from now on.
		if be.Rescue != nil {
			var err error
			if g, err = startGuard(spec); err != nil {
				return nil, err
			}
		}
		return memoryProfile(ctx, osd, t, f.cacheDir, status)
	}
	l, desc, err := open(ctx, be, spec, osd, prof, fromMemory)
	if err != nil {
		g.done(true) // open left the guest as it found it
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
	if g == nil && be.Rescue != nil {
		if g, err = startGuard(spec); err != nil {
			l.Close()
			return err
		}
	}
	var runErr error
	traceOut, closeBuffer := f.bufferOut(out)
	tr := tracer.NewConfig(l, f.writer(traceOut, filt.status), tracer.Config{
		PIDs:      pids,
		Comms:     f.comms,
		Summary:   f.summary || f.both,
		CallsOnly: f.silent,
		// Times are taken at the entry.
		EntryTimes: f.stamps > 0 || f.elapsed,
		Mode:       filt.mode,
		Keep:       filt.keep,
		Follow:     f.follow,
		Paths:      f.paths,
		FDPaths:    f.fdPaths.n > 0,
	})
	// The guard rescues the guest when the tracer could not detach, unless
	// the guest itself went away.
	defer func() { g.done(tr.Close() == nil || errors.Is(runErr, vmi.ErrGuestGone)) }()
	osys := l.OS()
	fmt.Fprintf(status, "guestrace: attached to %s: %s %s, KASLR slide %#x, %d vCPUs\n",
		desc, osd.Name, osys.Release(), osys.Slide(), l.Target().NumVCPUs())

	n, err := tr.Instrument(osys.Syscalls(), filt.calls, osd.Calls)
	if err != nil {
		return fmt.Errorf("placing breakpoints: %w", err)
	}
	if n == 0 {
		return usagef("-e: none of the system calls asked for exists in this guest kernel")
	}
	if f.duration > 0 {
		fmt.Fprintf(status, "guestrace: %d breakpoints placed; tracing for %v\n", n, f.duration)
	} else {
		fmt.Fprintf(status, "guestrace: %d breakpoints placed; tracing\n", n)
	}

	if f.duration > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, f.duration)
		defer cancel()
	}
	runErr = tr.Run(ctx)
	for errors.Is(runErr, guestos.ErrGuestReset) && ctx.Err() == nil {
		runErr = afterReset(ctx, status, tr, runErr, f, osd, func(ctx context.Context) (*loop.Loop, string, error) {
			// The guard started at the first attach watches still.
			return open(ctx, be, spec, osd, prof, func(t vmi.Target) (*isf.Profile, error) {
				return memoryProfile(ctx, osd, t, f.cacheDir, status)
			})
		})
	}
	closeErr := tr.Close()
	dropped, bufErr := closeBuffer()
	c := tr.Counts()
	var sumErr error
	if f.summary || f.both {
		sumErr = writeSummary(out, f.format, tr.Summary())
	}
	fmt.Fprintf(status, "guestrace: detached; %d calls traced, %d unfinished", c.Calls, c.Unfinished)
	if len(pids) > 0 || len(f.comms) > 0 {
		fmt.Fprintf(status, ", %d of other processes left out", tr.Skipped())
	}
	fmt.Fprintln(status)
	if f.stats {
		writeStats(status, tr.Loop().Stats())
	}
	if dropped > 0 {
		fmt.Fprintf(status, "guestrace: %d lines dropped: the output was slower than the guest (--buffer %s)\n", dropped, f.buffer)
	}
	writeErr := tr.WriteErr()
	if writeErr == nil {
		writeErr = bufErr
	}
	switch {
	case errors.Is(writeErr, syscall.EPIPE):
		// The reader went away (guestrace ... | head): a clean end, as
		// strace's on SIGPIPE.
		fmt.Fprintln(status, "guestrace: the output's reader went away; detached")
		return nil
	case writeErr != nil && f.output != "":
		return fmt.Errorf("-o %s: %w; detached", f.output, pathErr(writeErr))
	case writeErr != nil:
		return fmt.Errorf("writing the trace: %w; detached", writeErr)
	case runErr != nil:
		return fmt.Errorf("tracing %s: %w", f.guestName(), runErr)
	case closeErr != nil:
		return fmt.Errorf("detaching from %s: %w", f.guestName(), closeErr)
	case sumErr != nil:
		return fmt.Errorf("writing the summary: %w", sumErr)
	}
	return nil
}

// writeStats says what tracing cost the guest: its stops per traced call.
func writeStats(w io.Writer, s loop.Stats) {
	per := 0.0
	if s.Calls > 0 {
		per = float64(s.Stops) / float64(s.Calls)
	}
	fmt.Fprintf(w, "guestrace: %d stops for %d calls (%.2f per call); %d calls seen at their exit alone, %d stops of calls not traced\n",
		s.Stops, s.Calls, per, s.ExitOnly, s.Unmatched)
}

// writer is the trace's format, or nil when only counts are printed.
func (f *traceFlags) writer(out io.Writer, status output.Status) output.Writer {
	if f.silent || f.summary {
		return nil
	}
	cfg := f.writerConfig(status)
	if f.format == "json" {
		return output.NewJSON(out, cfg)
	}
	if out == os.Stdout || out == f.stdoutBuffer {
		cfg.Colors = terminalColors()
	}
	return output.NewTextConfig(out, cfg)
}

func writeSummary(out io.Writer, format string, rows []output.SummaryRow) error {
	if format == "json" {
		return output.WriteSummaryJSON(out, rows)
	}
	return output.WriteSummary(out, rows)
}

// open opens the guest through its backend and attaches the OS layer the
// profile describes (with no profile, the one fromMemory makes of the
// opened guest): a loop ready for breakpoints, and what was opened.
func open(ctx context.Context, be *backend.Backend, spec backend.Spec, osd *oses.OS, prof *isf.Profile, fromMemory func(vmi.Target) (*isf.Profile, error)) (*loop.Loop, string, error) {
	g, err := be.Open(ctx, spec)
	if err != nil {
		return nil, "", err
	}
	if prof == nil {
		if prof, err = fromMemory(g); err != nil {
			g.Close()
			return nil, "", err
		}
	}
	osys, err := osd.Attach(g, prof)
	if err != nil {
		g.Close()
		return nil, "", err
	}
	l, err := loop.NewWithOS(g, osys)
	if err != nil {
		g.Close()
		return nil, "", err
	}
	return l, g.Desc, nil
}

func (f *traceFlags) guestName() string {
	if f.qemu != "" {
		return "--qemu " + f.qemu
	}
	return "-d " + f.domain
}

// loadProfile is the profile --profile names, else the one the backend's
// own configuration gives, else nil: the profile is made from the guest's
// memory once it is opened.
func (f *traceFlags) loadProfile(be *backend.Backend, spec backend.Spec) (*isf.Profile, error) {
	if f.profile != "" {
		return loadProfile(f.profile)
	}
	if be.Profile != nil {
		p, err := be.Profile(spec)
		var ce backend.ConfigError
		if errors.As(err, &ce) {
			return nil, usageError{err}
		}
		return p, err
	}
	return nil, nil // made from guest memory
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
