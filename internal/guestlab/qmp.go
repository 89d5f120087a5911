package guestlab

import (
	"context"
	"fmt"
	"path/filepath"

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

// Stop pauses the guest through QMP, as a management tool would (virsh
// suspend); Cont resumes it.
func (g *Guest) Stop(ctx context.Context) error {
	m, err := g.monitor(ctx)
	if err != nil {
		return err
	}
	defer m.Close()
	if err := m.Stop(ctx); err != nil {
		return fmt.Errorf("guestlab: %w", err)
	}
	return nil
}
