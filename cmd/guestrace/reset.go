package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/guestrace/guestrace/pkg/loop"
	"github.com/guestrace/guestrace/pkg/oses"
	"github.com/guestrace/guestrace/pkg/tracer"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// reattachEvery is how often guestrace tries to attach to the new kernel
// of a guest that was reset.
const reattachEvery = time.Second

// afterReset handles a reset that ended tr.Run (runErr): it detaches,
// which removes every breakpoint so that the new kernel runs untouched,
// then either ends the trace (--no-follow-reset: nil, exit 0) or waits
// for the new kernel, attaches with the same profile (or one made again
// from the guest's memory when there was none), instruments the same
// calls and traces on. It returns what the trace's Run returned
// last, or nil when ctx ended while it waited.
func afterReset(ctx context.Context, status io.Writer, tr *tracer.Tracer, runErr error, f *traceFlags,
	osd *oses.OS, reopen func(context.Context) (*loop.Loop, string, error)) error {
	if err := tr.Close(); err != nil {
		return fmt.Errorf("the guest was reset (%v), and detaching failed: %w", runErr, err)
	}
	fmt.Fprintf(status, "guestrace: the guest was reset (%v); every breakpoint removed\n", runErr)
	if f.noFollowReset {
		fmt.Fprintln(status, "guestrace: --no-follow-reset: detached")
		return nil
	}
	fmt.Fprintln(status, "guestrace: waiting for the guest's new kernel")
	last := ""
	for {
		l, desc, err := reopen(ctx)
		if err == nil {
			n, err := tr.Follow(l)
			if err != nil {
				return fmt.Errorf("placing breakpoints in the new kernel: %w", err)
			}
			osys := l.OS()
			fmt.Fprintf(status, "guestrace: attached again to %s: %s %s, KASLR slide %#x; %d breakpoints placed; tracing\n",
				desc, osd.Name, osys.Release(), osys.Slide(), n)
			return tr.Run(ctx)
		}
		if errors.Is(err, vmi.ErrGuestGone) {
			return err
		}
		// One line per reason, not per attempt: the kernel may take a
		// while to boot.
		if msg := err.Error(); msg != last {
			fmt.Fprintf(status, "guestrace: not attached yet: %v\n", err)
			last = msg
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(reattachEvery):
		}
	}
}
