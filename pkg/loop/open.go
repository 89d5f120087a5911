package loop

import (
	"context"
	"errors"
	"fmt"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/linux"
	"github.com/guestrace/guestrace/pkg/guestos/windows"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/vmi"
	"github.com/guestrace/guestrace/pkg/vmi/libvmi"
	"github.com/guestrace/guestrace/pkg/vmi/qemu"
)

// Guest names a guest to open: exactly one of QEMU (its GDB stub,
// "unix:/path" or "host:port") and Domain (a Xen domain, through libvmi).
type Guest struct {
	QEMU    string
	Domain  string
	Profile *isf.Profile
	// MakeProfile, used when Profile is nil, makes the profile from the
	// opened guest itself (a Linux guest's memory holds its own).
	MakeProfile func(vmi.Target) (*isf.Profile, error)
}

// ErrBadGuest means a Guest that names no guest, or two.
var ErrBadGuest = errors.New("name one guest: a QEMU GDB stub or a Xen domain")

// Open connects to a guest, attaches its OS layer from the profile, and
// returns a loop ready for SetCallback. On an error the guest is left as
// it was found.
func Open(ctx context.Context, g Guest) (*Loop, error) {
	if (g.QEMU == "") == (g.Domain == "") {
		return nil, ErrBadGuest
	}
	if g.Profile == nil && g.MakeProfile == nil {
		return nil, errors.New("no profile")
	}
	var t vmi.Target
	if g.QEMU != "" {
		q, err := qemu.Dial(ctx, g.QEMU)
		if err != nil {
			return nil, err
		}
		t = q
	} else {
		x, err := libvmi.Open(ctx, g.Domain, libvmi.Options{})
		if err != nil {
			return nil, err
		}
		t = x
	}
	prof := g.Profile
	if prof == nil {
		var err error
		if prof, err = g.MakeProfile(t); err != nil {
			t.Close()
			return nil, err
		}
	}
	os, err := attachOS(t, prof)
	if err != nil {
		t.Close()
		return nil, err
	}
	return NewWithOS(t, os)
}

// attachOS picks the OS layer the profile describes.
func attachOS(t vmi.Target, p *isf.Profile) (guestos.OS, error) {
	switch p.OS() {
	case "linux", "":
		return linux.Attach(t, p)
	case "windows":
		return windows.Attach(t, p)
	}
	return nil, fmt.Errorf("profile for %q guests: %w", p.OS(), vmi.ErrUnsupported)
}
