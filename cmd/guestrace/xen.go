package main

import (
	"errors"
	"fmt"

	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/libvmiconf"
	"github.com/guestrace/guestrace/pkg/vmi/libvmi"
)

// errNoXen is what -d says in a build without libvmi.
var errNoXen = errors.New("-d: this guestrace was built without Xen support; install libvmi and run make build-xen")

// xenProfile finds the profile of a Xen domain where libvmi users already
// keep it: the domain's entry in libvmi.conf. --profile overrides it.
func xenProfile(domain, override string) (*isf.Profile, error) {
	if !libvmi.Built {
		return nil, errNoXen
	}
	if override != "" {
		return loadProfile(override)
	}
	entry, path, err := libvmiconf.Find(domain)
	if err != nil {
		return nil, usagef("-d %s: %v (or pass --profile)", domain, err)
	}
	prof, err := entry.Profile()
	if err != nil {
		return nil, usageError{fmt.Errorf("-d %s: %s: %w", domain, path, err)}
	}
	if prof.ISF == "" {
		return nil, usagef("-d %s: %s: entry %q gives a System.map and offsets; guestrace needs a Volatility3 ISF profile: make one with guestrace profile and name it with volatility_ist, or pass --profile", domain, path, entry.Name)
	}
	return loadProfile(prof.ISF)
}
