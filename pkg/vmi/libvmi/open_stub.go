//go:build !libvmi

package libvmi

import (
	"context"

	"github.com/guestrace/guestrace/pkg/vmi"
)

// Built reports whether this guestrace has the libvmi backend.
const Built = false

// notBuilt is Open's error in a build without libvmi: one line saying how
// to get Xen support, wrapping vmi.ErrUnsupported.
type notBuilt struct{}

func (notBuilt) Error() string {
	return "this guestrace was built without Xen support; install libvmi and run make build-xen"
}

func (notBuilt) Unwrap() error { return vmi.ErrUnsupported }

// Open would attach to a Xen domain; this build has no libvmi.
func Open(ctx context.Context, domain string, opt Options) (*Target, error) {
	return nil, notBuilt{}
}
