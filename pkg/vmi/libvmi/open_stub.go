//go:build !libvmi

package libvmi

import (
	"context"
)

// Built reports whether this guestrace has the libvmi backend.
const Built = false

// Open would attach to a Xen domain; this build has no libvmi.
func Open(ctx context.Context, domain string, opt Options) (*Target, error) {
	return nil, ErrNotBuilt
}

// Rescue would undo what a guestrace that died left in a Xen domain; this
// build has no libvmi.
func Rescue(ctx context.Context, domain string, opt Options) error {
	return ErrNotBuilt
}
