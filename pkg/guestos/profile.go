package guestos

import (
	"fmt"

	"github.com/guestrace/guestrace/pkg/isf"
)

// Mismatch makes an error wrapping ErrProfileMismatch.
func Mismatch(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrProfileMismatch, fmt.Sprintf(format, args...))
}

// Field is a structure field's offset from the profile, below limit, or a
// mismatch error naming what is missing or out of bounds (the profile is
// untrusted input too).
func Field(p *isf.Profile, typ, name string, limit uint64) (uint64, error) {
	off, err := p.FieldOffset(typ, name)
	if err != nil {
		return 0, Mismatch("profile lacks %s.%s", typ, name)
	}
	if off >= limit {
		return 0, Mismatch("profile puts %s.%s at offset %#x", typ, name, off)
	}
	return off, nil
}
