package sysmap

import (
	"fmt"

	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/libvmiconf"
)

// Offsets returns the linux_* offsets a libvmi.conf entry of the
// System.map kind takes, from a full profile of the kernel: the inverse of
// Build's task_struct, for writing such an entry.
func Offsets(p *isf.Profile) (libvmiconf.LinuxOffsets, error) {
	var off libvmiconf.LinuxOffsets
	for _, f := range []struct {
		typ, field string
		dst        *uint64
	}{
		{"task_struct", "tasks", &off.Tasks}, {"task_struct", "mm", &off.MM},
		{"task_struct", "pid", &off.PID}, {"task_struct", "comm", &off.Name},
	} {
		v, err := p.FieldOffset(f.typ, f.field)
		if err != nil {
			return off, fmt.Errorf("profile: %w", err)
		}
		*f.dst = v
	}
	off.PGD, off.HasPGD = fieldOffset(p, "mm_struct", "pgd")
	return off, nil
}

func fieldOffset(p *isf.Profile, typ, field string) (uint64, bool) {
	v, err := p.FieldOffset(typ, field)
	return v, err == nil
}
