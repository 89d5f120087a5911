package qemu

import "context"

// Rescue restores a guest whose tracer died without detaching.
//
// QEMU keeps a vanished client's breakpoints, and the guest stays stopped
// ("debug") at the next one it hits. Connecting anew clears them (Dial
// asks '?', which makes QEMU drop every breakpoint), and closing resets
// physical memory mode and detaches, which resumes the guest.
func Rescue(ctx context.Context, addr string) error {
	t, err := Dial(ctx, addr)
	if err != nil {
		return err
	}
	return t.Close()
}
