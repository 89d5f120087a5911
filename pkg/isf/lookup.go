package isf

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// SymbolAddress returns the link-time address of a symbol.
func (p *Profile) SymbolAddress(name string) (uint64, bool) {
	s, ok := p.Symbols[name]
	return s.Address, ok
}

// SymbolsWithPrefix returns the names of the symbols starting with prefix,
// sorted.
func (p *Profile) SymbolsWithPrefix(prefix string) []string {
	var names []string
	for name := range p.Symbols {
		if strings.HasPrefix(name, prefix) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// maxAnonDepth bounds the search through nested anonymous members; a
// hostile profile may make them refer to each other in a cycle.
const maxAnonDepth = 8

// FieldOffset returns the byte offset of field in the struct or union
// typeName. Like C, it finds fields of anonymous members too, adding the
// member's offset.
func (p *Profile) FieldOffset(typeName, field string) (uint64, error) {
	t, ok := p.UserTypes[typeName]
	if !ok {
		return 0, fmt.Errorf("type %s: %w", typeName, ErrNotFound)
	}
	if off, ok := p.findField(&t, field, 0); ok {
		return off, nil
	}
	return 0, fmt.Errorf("field %s.%s: %w", typeName, field, ErrNotFound)
}

func (p *Profile) findField(t *UserType, field string, depth int) (uint64, bool) {
	if f, ok := t.Fields[field]; ok {
		return f.Offset, true
	}
	if depth >= maxAnonDepth {
		return 0, false
	}
	// Sorted, so that a name in two anonymous members resolves the same
	// way every time.
	for _, name := range sortedKeys(t.Fields) {
		f := t.Fields[name]
		if !f.Anonymous {
			continue
		}
		inner, ok := p.UserTypes[f.Type.Name]
		if !ok || (f.Type.Kind != KindStruct && f.Type.Kind != KindUnion && f.Type.Kind != KindClass) {
			continue
		}
		if off, ok := p.findField(&inner, field, depth+1); ok {
			return f.Offset + off, true
		}
	}
	return 0, false
}

// HasField reports whether FieldOffset finds field in typeName.
func (p *Profile) HasField(typeName, field string) bool {
	_, err := p.FieldOffset(typeName, field)
	return err == nil
}

// TypeSize returns the size in bytes of a user type, base type or enum.
func (p *Profile) TypeSize(typeName string) (uint64, error) {
	if t, ok := p.UserTypes[typeName]; ok {
		return t.Size, nil
	}
	if t, ok := p.BaseTypes[typeName]; ok {
		return t.Size, nil
	}
	if t, ok := p.Enums[typeName]; ok {
		return t.Size, nil
	}
	return 0, fmt.Errorf("type %s: %w", typeName, ErrNotFound)
}

// Banner returns the kernel banner the profile was made for (Linux's
// linux_banner, as /proc/version shows it) without its trailing newline
// and NUL, or "" when the profile does not record it. Volatility3 keeps
// it as the constant_data of the linux_banner symbol.
func (p *Profile) Banner() string {
	data := p.Symbols["linux_banner"].ConstantData
	if i := bytes.IndexByte(data, 0); i >= 0 {
		data = data[:i]
	}
	return string(bytes.TrimRight(data, "\n"))
}

// Release returns the kernel release from the banner ("6.1.0-56-cloud-amd64"
// from "Linux version 6.1.0-56-cloud-amd64 (...) ..."), or "".
func (p *Profile) Release() string {
	return BannerRelease(p.Banner())
}

// BannerRelease extracts the release from a Linux banner, or returns "".
func BannerRelease(banner string) string {
	rest, ok := strings.CutPrefix(banner, "Linux version ")
	if !ok {
		return ""
	}
	release, _, _ := strings.Cut(rest, " ")
	return release
}

// OS returns "linux", "mac" or "windows" from the metadata, or "".
func (p *Profile) OS() string {
	switch {
	case p.Metadata.Linux != nil:
		return "linux"
	case p.Metadata.Mac != nil:
		return "mac"
	case len(p.Metadata.Windows) > 0:
		return "windows"
	}
	return ""
}
