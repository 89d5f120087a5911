package guestlab

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/guestrace/guestrace/pkg/vmi/qemu/qmp"
)

// monitor connects to this guest's QMP socket.
func (g *Guest) monitor(ctx context.Context) (*qmp.Monitor, error) {
	if err := g.alive(); err != nil {
		return nil, err
	}
	m, err := qmp.Dial(ctx, "unix:"+g.QMPSocket)
	if err != nil {
		return nil, fmt.Errorf("guestlab: %w", err)
	}
	return m, nil
}

// DumpMemory pauses the guest and writes all its RAM (MemMB, from
// physical address 0) to path with QMP's pmemsave. The guest stays paused;
// Cont resumes it.
func (g *Guest) DumpMemory(ctx context.Context, path string) error {
	abs, err := filepath.Abs(path) // QEMU runs in g.Dir
	if err != nil {
		return fmt.Errorf("guestlab: %w", err)
	}
	m, err := g.monitor(ctx)
	if err != nil {
		return err
	}
	defer m.Close()
	if err := m.Stop(ctx); err != nil {
		return fmt.Errorf("guestlab: dump memory: %w", err)
	}
	if err := m.PMemSave(ctx, abs, uint64(g.opt.MemMB)<<20); err != nil {
		return fmt.Errorf("guestlab: dump memory to %s: %w", abs, err)
	}
	return nil
}

// QMPStatus is QEMU's run state ("running", "paused", ...).
func (g *Guest) QMPStatus(ctx context.Context) (string, error) {
	m, err := g.monitor(ctx)
	if err != nil {
		return "", err
	}
	defer m.Close()
	st, err := m.Status(ctx)
	if err != nil {
		return "", fmt.Errorf("guestlab: %w", err)
	}
	return st, nil
}

// Cont resumes a paused guest.
func (g *Guest) Cont(ctx context.Context) error {
	m, err := g.monitor(ctx)
	if err != nil {
		return err
	}
	defer m.Close()
	if err := m.Cont(ctx); err != nil {
		return fmt.Errorf("guestlab: %w", err)
	}
	return nil
}

// pauseHolds is how long Stop watches a pause: longer than the tracer's
// idle check interval (loop.CheckInterval, 1 s; not imported: pkg/loop's
// live tests import this package).
const pauseHolds = 1500 * time.Millisecond

// Stop pauses the guest through QMP, as a careful management tool does:
// it repeats "stop" until query-status says "paused" and still says so a
// while later. QEMU answers a stop that lands while a debugger holds the
// guest (run state "debug" at a breakpoint, or "paused" by the debugger's
// own interrupt, as a tracer's idle kernel check does once per
// loop.CheckInterval) with success and drops it; the debugger's next
// continue runs the guest. Cont resumes it.
func (g *Guest) Stop(ctx context.Context) error {
	m, err := g.monitor(ctx)
	if err != nil {
		return err
	}
	defer m.Close()
	const holds = 2 // readings after the first, each past one idle check
	for held := -1; held < holds; {
		if held < 0 {
			if err := m.Stop(ctx); err != nil {
				return fmt.Errorf("guestlab: %w", err)
			}
		}
		st, err := m.Status(ctx)
		if err != nil {
			return fmt.Errorf("guestlab: %w", err)
		}
		wait := 50 * time.Millisecond
		if st == "paused" {
			held++
			wait = pauseHolds
		} else {
			held = -1
		}
		if held == holds {
			break
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("guestlab: stop: the guest is still %q: %w", st, ctx.Err())
		case <-time.After(wait):
		}
	}
	return nil
}

// Reset resets the guest through QMP (system_reset), as a management tool
// or the reset button would, and waits until the lab's init is ready
// again in the new kernel. The lab runs QEMU with -no-reboot, so that a
// panic ends QEMU; QEMU's reboot action is switched to reset until the new
// kernel is ready (switched back at once, QEMU 7.2 still exits).
func (g *Guest) Reset(ctx context.Context) error {
	m, err := g.monitor(ctx)
	if err != nil {
		return err
	}
	defer m.Close()
	from := g.con.size()
	if err := m.SetAction(ctx, "reset"); err != nil {
		return fmt.Errorf("guestlab: %w", err)
	}
	if err := m.SystemReset(ctx); err != nil {
		return fmt.Errorf("guestlab: reset: %w", err)
	}
	if _, err := g.con.waitRegexp(ctx, from, readyLine); err != nil {
		return fmt.Errorf("guestlab: reset: waiting for the guest to be ready again: %w; console tail:\n%s", err, g.con.tail())
	}
	if err := m.SetAction(ctx, "shutdown"); err != nil {
		return fmt.Errorf("guestlab: reset: %w", err)
	}
	return nil
}
