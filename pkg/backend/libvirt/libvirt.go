// Package libvirt registers QEMU/KVM domains of libvirt as the backend
// "libvirt": -d NAME [--connect URI] opens a GDB stub on the domain
// (pkg/vmi/libvirt) and traces through QEMU's backend (pkg/vmi/qemu);
// closing the guest closes the stub again.
package libvirt

import (
	"context"
	"errors"
	"fmt"

	"github.com/guestrace/guestrace/pkg/backend"
	"github.com/guestrace/guestrace/pkg/vmi/libvirt"
	"github.com/guestrace/guestrace/pkg/vmi/qemu"
)

func init() {
	backend.Register(&backend.Backend{
		Name:    "libvirt",
		Summary: "QEMU/KVM domains of libvirt: -d NAME [--connect URI] (default " + libvirt.DefaultURI + ", or LIBVIRT_DEFAULT_URI)",
		Domains: true,
		// After Xen: a name is a libvirt domain when it is not a Xen one.
		Priority: 20,
		// qemu:// URIs, and any URI no other backend claims, so that
		// libvirt's other drivers get a clear refusal.
		Schemes: []string{"qemu", "*"},
		Has: func(ctx context.Context, s backend.Spec) (bool, error) {
			err := libvirt.LookupDomain(ctx, libvirt.ResolveURI(s.Connect), s.Guest)
			return err == nil, err
		},
		Open:   open,
		Rescue: rescue,
	})
}

func open(ctx context.Context, s backend.Spec) (*backend.Guest, error) {
	uri := libvirt.ResolveURI(s.Connect)
	stub, err := libvirt.OpenStub(ctx, uri, s.Guest, libvirt.Options{})
	if err != nil {
		return nil, err
	}
	t, err := qemu.Dial(ctx, stub.Addr)
	if err != nil {
		return nil, errors.Join(err, stub.Close())
	}
	return &backend.Guest{
		Target:  t,
		Desc:    fmt.Sprintf("libvirt domain %s (%s, QEMU GDB stub %s)", s.Guest, uri, stub.Addr),
		Cleanup: stub.Close,
	}, nil
}

// rescue is the guard's work after the tracer died: the stub it left
// open keeps its breakpoints, so connect again to clear them and resume
// the guest, then close the stub.
func rescue(ctx context.Context, s backend.Spec) error {
	uri := libvirt.ResolveURI(s.Connect)
	stub, err := libvirt.FindStub(ctx, uri, s.Guest)
	if err != nil || stub == nil {
		return err
	}
	if err := qemu.Rescue(ctx, stub.Addr); err != nil {
		return err
	}
	return libvirt.CloseStub(ctx, uri, s.Guest, stub.Dir)
}
