package libvmiconf

import (
	"errors"
	"fmt"
)

var (
	// ErrRekall means the entry names only a Rekall profile, which
	// guestrace does not read.
	ErrRekall = errors.New("rekall_profile is not supported: convert the Rekall profile to a Volatility3 ISF (or generate one with guestrace profile) and name it with volatility_ist")
	// ErrNoProfile means the entry names neither an ISF nor a System.map.
	ErrNoProfile = errors.New("names no volatility_ist or sysmap: add one, or pass --profile")
	// ErrMissingOffset means a sysmap entry lacks a linux_* offset
	// guestrace needs.
	ErrMissingOffset = errors.New("sysmap needs linux_tasks, linux_mm, linux_pid and linux_name")
)

// LinuxOffsets are the task_struct offsets a sysmap entry gives.
type LinuxOffsets struct {
	Tasks, MM, PID, Name uint64
	// PGD (mm_struct.pgd) is optional: libvmi only uses it for
	// per-process address spaces.
	PGD    uint64
	HasPGD bool
}

// Profile is what an entry says about the guest kernel.
type Profile struct {
	OSType string // ostype as written ("Linux", "Windows", ...), "" if absent

	// ISF is the volatility_ist path. When set, it is the profile (libvmi
	// prefers it to rekall_profile and to sysmap too).
	ISF string

	// SysMap and Linux are set when the entry describes a Linux kernel
	// with a System.map and offsets instead.
	SysMap string
	Linux  LinuxOffsets

	// KPGD is the kernel's page-directory physical address, if given.
	KPGD    uint64
	HasKPGD bool
}

// Profile resolves the entry into where the kernel's symbols and offsets
// are. A rekall_profile alone is ErrRekall; nothing usable is ErrNoProfile.
// Errors name the entry.
func (e *Entry) Profile() (Profile, error) {
	p := Profile{OSType: e.Strings["ostype"]}
	p.KPGD, p.HasKPGD = e.Numbers["kpgd"]
	if isf, ok := e.Strings["volatility_ist"]; ok {
		p.ISF = isf
		return p, nil
	}
	if _, ok := e.Strings["rekall_profile"]; ok {
		return p, fmt.Errorf("libvmi.conf entry %q: %w", e.Name, ErrRekall)
	}
	sysmap, ok := e.Strings["sysmap"]
	if !ok {
		return p, fmt.Errorf("libvmi.conf entry %q %w", e.Name, ErrNoProfile)
	}
	p.SysMap = sysmap
	var missing []string
	for _, f := range []struct {
		key string
		dst *uint64
	}{
		{"linux_tasks", &p.Linux.Tasks},
		{"linux_mm", &p.Linux.MM},
		{"linux_pid", &p.Linux.PID},
		{"linux_name", &p.Linux.Name},
	} {
		v, ok := e.Numbers[f.key]
		if !ok {
			missing = append(missing, f.key)
		}
		*f.dst = v
	}
	p.Linux.PGD, p.Linux.HasPGD = e.Numbers["linux_pgd"]
	if len(missing) > 0 {
		return p, fmt.Errorf("libvmi.conf entry %q: %w (missing %v)", e.Name, ErrMissingOffset, missing)
	}
	return p, nil
}
