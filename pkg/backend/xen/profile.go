package xen

import (
	"fmt"
	"strings"

	"github.com/guestrace/guestrace/pkg/backend"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/isf/sysmap"
	"github.com/guestrace/guestrace/pkg/libvmiconf"
	"github.com/guestrace/guestrace/pkg/vmi/libvmi"
)

// errNoXen is what -d says in a build without libvmi.
var errNoXen = libvmi.ErrNotBuilt

// profile finds the profile of a Xen domain where libvmi users already
// keep it: the domain's entry in libvmi.conf.
func profile(s backend.Spec) (*isf.Profile, error) {
	entry, path, err := libvmiconf.Find(s.Guest)
	if err != nil {
		return nil, backend.ConfigError{Err: fmt.Errorf("-d %s: %w (or pass --profile)", s.Guest, err)}
	}
	return entryProfile(s.Guest, path, entry)
}

// entryProfile loads the profile a libvmi.conf entry (read from path)
// gives, as libvmi would: its Volatility3 ISF (volatility_ist) or, for a
// Linux guest, one made from its System.map and linux_* offsets.
func entryProfile(domain, path string, entry *libvmiconf.Entry) (*isf.Profile, error) {
	at := func(err error) error {
		return backend.ConfigError{Err: fmt.Errorf("-d %s: %s: %w", domain, path, err)}
	}
	prof, err := entry.Profile()
	if err != nil {
		return nil, at(err)
	}
	if prof.ISF != "" {
		p, err := isf.Load(prof.ISF)
		if err != nil {
			return nil, at(fmt.Errorf("entry %q: volatility_ist: %w", entry.Name, err))
		}
		return p, nil
	}
	if prof.OSType != "" && !strings.EqualFold(prof.OSType, "Linux") {
		return nil, at(fmt.Errorf("entry %q: ostype is %q, but a sysmap with linux_* offsets describes a Linux kernel", entry.Name, prof.OSType))
	}
	p, err := sysmap.Load(prof.SysMap, prof.Linux)
	if err != nil {
		return nil, at(fmt.Errorf("entry %q: %w", entry.Name, err))
	}
	return p, nil
}
