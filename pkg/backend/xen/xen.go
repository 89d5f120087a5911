// Package xen registers Xen guests, reached through libvmi
// (pkg/vmi/libvmi, build tag libvmi), as the backend "xen". A build
// without libvmi keeps the backend registered but unavailable, so that -d
// says how to get it.
package xen

import (
	"context"
	"os"

	"github.com/guestrace/guestrace/pkg/backend"
	"github.com/guestrace/guestrace/pkg/vmi/libvmi"
)

func init() {
	backend.Register(&backend.Backend{
		Name:     "xen",
		Summary:  "Xen domains through libvmi: -d NAME (needs a build with libvmi: make build-xen)",
		Domains:  true,
		Priority: 10,
		Schemes:  []string{"xen"},
		Available: func() error {
			if !libvmi.Built {
				return errNoXen
			}
			return nil
		},
		// A Xen dom0 has /proc/xen; elsewhere no name is a Xen domain.
		Has: func(context.Context, backend.Spec) (bool, error) {
			_, err := os.Stat("/proc/xen/capabilities")
			return err == nil, nil
		},
		Open: func(ctx context.Context, s backend.Spec) (*backend.Guest, error) {
			t, err := libvmi.Open(ctx, s.Guest, libvmi.Options{})
			if err != nil {
				return nil, err
			}
			return &backend.Guest{Target: t, Desc: "Xen domain " + s.Guest + " (libvmi)"}, nil
		},
		Profile: profile,
		// The guard's rescue: libvmi's Open left a record of what it
		// changed; undo it.
		Rescue: func(ctx context.Context, s backend.Spec) error {
			return libvmi.Rescue(ctx, s.Guest, libvmi.Options{})
		},
	})
}
