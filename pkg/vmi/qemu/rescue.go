package qemu

import (
	"context"
	"fmt"
)

// Rescue restores a guest whose tracer died without detaching.
//
// QEMU keeps a client's breakpoints when the client disappears, and the
// guest stays stopped ("debug") at the next one it hits. Rescue connects
// as a new client and asks '?', which makes QEMU drop every breakpoint
// (it is what a debugger sends first on connecting), turns physical
// memory mode off again (it is global in QEMU, not per client), and
// detaches, which resumes the guest.
func Rescue(ctx context.Context, addr string) error {
	t, err := Dial(ctx, addr)
	if err != nil {
		return err
	}
	defer t.nc.Close()
	t.closed = true // Close must not try to remove breakpoints it never placed
	if _, err := t.c.exchange([]byte("?")); err != nil {
		return fmt.Errorf("qemu gdb stub %s: rescue: %w", addr, err)
	}
	if err := t.setPhys(false); err != nil {
		return fmt.Errorf("qemu gdb stub %s: rescue: %w", addr, err)
	}
	if err := t.requestOK(pktDetach); err != nil {
		return fmt.Errorf("qemu gdb stub %s: rescue: %w", addr, err)
	}
	return nil
}
