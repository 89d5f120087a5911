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
	for {
		if err := m.Stop(ctx); err != nil {
			return fmt.Errorf("guestlab: %w", err)
		}
		held, err := holds(ctx, m, "paused")
		if err != nil || held {
			return err
		}
		if err := sleep(ctx, 50*time.Millisecond); err != nil {
			return fmt.Errorf("guestlab: stop: the guest does not stay paused: %w", err)
		}
	}
}

// Migrate migrates the guest to uri ("exec:cat > /dev/null": what
// `virsh save` and a memory snapshot do, on a guest they paused first)
// and waits until the migration completed, which leaves the guest stopped
// ("postmigrate"); Cont resumes it. (A live migration of a guest a
// debugger holds can end QEMU 7.2: docs/usage.md.)
func (g *Guest) Migrate(ctx context.Context, uri string) error {
	m, err := g.monitor(ctx)
	if err != nil {
		return err
	}
	defer m.Close()
	if err := m.Migrate(ctx, uri); err != nil {
		return fmt.Errorf("guestlab: %w", err)
	}
	for {
		st, reason, err := m.MigrationStatus(ctx)
		switch {
		case err != nil:
			return fmt.Errorf("guestlab: %w", err)
		case st == "completed":
			return nil
		case st == "failed" || st == "cancelled":
			return fmt.Errorf("guestlab: migrating to %s: %s: %s", uri, st, reason)
		}
		if err := sleep(ctx, 100*time.Millisecond); err != nil {
			return fmt.Errorf("guestlab: migrating to %s: still %q: %w", uri, st, err)
		}
	}
}

// holds reports whether the run state reads want now and still does
// after two of a tracer's idle checks (pauseHolds apart).
func holds(ctx context.Context, m *qmp.Monitor, want string) (bool, error) {
	for i := 0; ; i++ {
		st, err := m.Status(ctx)
		if err != nil {
			return false, fmt.Errorf("guestlab: %w", err)
		}
		if st != want {
			return false, nil
		}
		if i == 2 {
			return true, nil
		}
		if err := sleep(ctx, pauseHolds); err != nil {
			return false, fmt.Errorf("guestlab: waiting for the guest to stay %s: %w", want, err)
		}
	}
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
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
