// Package qemu registers QEMU/KVM guests, reached through QEMU's GDB stub
// (pkg/vmi/qemu), as the backend "qemu".
package qemu

import (
	"context"

	"github.com/guestrace/guestrace/pkg/backend"
	"github.com/guestrace/guestrace/pkg/vmi/qemu"
)

func init() {
	backend.Register(&backend.Backend{
		Name:    "qemu",
		Summary: "QEMU/KVM through QEMU's GDB stub: --qemu unix:PATH or HOST:PORT",
		Open: func(ctx context.Context, s backend.Spec) (*backend.Guest, error) {
			t, err := qemu.Dial(ctx, s.Guest)
			if err != nil {
				return nil, err
			}
			return &backend.Guest{Target: t, Desc: "QEMU GDB stub " + s.Guest}, nil
		},
		Rescue: func(ctx context.Context, s backend.Spec) error { return qemu.Rescue(ctx, s.Guest) },
	})
}
