package libvirt_test

import (
	"context"
	"errors"
	"testing"

	"github.com/guestrace/guestrace/pkg/backend"
	_ "github.com/guestrace/guestrace/pkg/backend/libvirt"
	_ "github.com/guestrace/guestrace/pkg/backend/xen"
	"github.com/guestrace/guestrace/pkg/vmi/libvirt"
)

// TestResolve: --connect settles which backend a domain name means, and a
// libvirt URI this backend cannot serve is refused with its reason.
func TestResolve(t *testing.T) {
	ctx := context.Background()
	for uri, want := range map[string]string{
		"qemu:///system":      "libvirt",
		"qemu+unix:///system": "libvirt",
		"qemu:///session":     "libvirt",
		"test:///default":     "libvirt",
	} {
		b, err := backend.Resolve(ctx, backend.Spec{Guest: "vm", Connect: uri})
		if err != nil || b.Name != want {
			t.Errorf("--connect %s: %v, %v; want %s", uri, b, err, want)
		}
	}
	if b, _ := backend.Resolve(ctx, backend.Spec{Guest: "vm", Connect: "xen:///"}); b == nil || b.Name != "xen" {
		t.Errorf("--connect xen:/// chose %v", b)
	}
	// Opening through an unserved URI says why, before touching anything.
	_, err := backend.Open(ctx, backend.Spec{Guest: "vm", Connect: "test:///default"})
	if !errors.Is(err, libvirt.ErrURI) {
		t.Errorf("--connect test:///default: %v; want ErrURI", err)
	}
	// Without a daemon, -d says so.
	t.Setenv("LIBVIRT_DEFAULT_URI", "qemu:///system?socket="+t.TempDir()+"/none")
	if _, err := backend.Open(ctx, backend.Spec{Guest: "vm", Backend: "libvirt"}); !errors.Is(err, libvirt.ErrNoDaemon) {
		t.Errorf("no daemon: %v; want ErrNoDaemon", err)
	}
}
