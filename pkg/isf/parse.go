package isf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// maxProfileSize bounds what Load reads: real Linux profiles are tens of
// megabytes, Windows ones smaller.
const maxProfileSize = 1 << 30

// Load reads and validates the ISF profile at path. Errors name the file.
func Load(path string) (*Profile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("profile: %w", err)
	}
	defer f.Close()
	data, err := readBounded(f, maxProfileSize)
	if err != nil {
		return nil, fmt.Errorf("profile %s: %w", path, err)
	}
	if len(data) > maxProfileSize {
		return nil, fmt.Errorf("profile %s: larger than %d bytes: %w", path, maxProfileSize, ErrInvalid)
	}
	p, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("profile %s: %w", path, err)
	}
	return p, nil
}

// readBounded reads f up to limit+1 bytes, in one allocation when f is a
// regular file: growing a buffer through tens of megabytes costs as much
// as decoding them.
func readBounded(f *os.File, limit int64) ([]byte, error) {
	var buf bytes.Buffer
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() <= limit {
		buf.Grow(int(st.Size()) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(io.LimitReader(f, limit+1))
	return buf.Bytes(), err
}

// Parse decodes and validates an ISF document. Unknown keys are ignored
// (newer producers may add some); missing sections and malformed entries
// are errors wrapping ErrInvalid.
func Parse(data []byte) (*Profile, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%w: empty file", ErrInvalid)
	}
	var raw struct {
		Profile
		// Pointers tell a missing section from an empty one.
		BaseTypes *map[string]BaseType `json:"base_types"`
		UserTypes *map[string]UserType `json:"user_types"`
		Enums     *map[string]Enum     `json:"enums"`
		Symbols   *map[string]Symbol   `json:"symbols"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("%w: %s", ErrInvalid, jsonError(data, err))
	}
	for _, s := range []struct {
		name    string
		present bool
	}{
		{"base_types", raw.BaseTypes != nil}, {"user_types", raw.UserTypes != nil},
		{"enums", raw.Enums != nil}, {"symbols", raw.Symbols != nil},
	} {
		if !s.present {
			return nil, fmt.Errorf("%w: no %q section", ErrInvalid, s.name)
		}
	}
	p := &raw.Profile
	p.BaseTypes, p.UserTypes, p.Enums, p.Symbols = *raw.BaseTypes, *raw.UserTypes, *raw.Enums, *raw.Symbols
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, nil
}

// jsonError says where in data a decoding error is, as line:column.
func jsonError(data []byte, err error) string {
	var off int64 = -1
	switch e := err.(type) {
	case *json.SyntaxError:
		off = e.Offset
	case *json.UnmarshalTypeError:
		off = e.Offset
		if e.Field != "" {
			return fmt.Sprintf("%s: %s where %s was expected", e.Field, e.Value, e.Type)
		}
	}
	if off < 0 || off > int64(len(data)) {
		return err.Error()
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - int64(bytes.LastIndexByte(data[:off], '\n'))
	return fmt.Sprintf("line %d column %d: %v", line, col, err)
}

var formatRE = regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+$`)

// maxTypeDepth bounds nested descriptors (pointer to array of pointer
// ...): real kernels need a handful.
const maxTypeDepth = 64

// Validate checks p against the ISF schema's rules: required keys, known
// kinds, and a metadata block naming one operating system.
func (p *Profile) Validate() error {
	m := &p.Metadata
	if !formatRE.MatchString(m.Format) {
		return fmt.Errorf("%w: metadata.format %q is not a version like %q", ErrInvalid, m.Format, FormatVersion)
	}
	if major, _, _ := strings.Cut(m.Format, "."); len(major) > 1 || major > "6" {
		return fmt.Errorf("%w: metadata.format %s is newer than this reader (6.x)", ErrInvalid, m.Format)
	}
	if n := btoi(m.Linux != nil) + btoi(m.Mac != nil) + btoi(len(m.Windows) > 0); n > 1 {
		return fmt.Errorf("%w: metadata names more than one operating system", ErrInvalid)
	}
	if p.BaseTypes == nil || p.UserTypes == nil || p.Enums == nil || p.Symbols == nil {
		return fmt.Errorf("%w: missing section", ErrInvalid)
	}
	for name, t := range p.BaseTypes {
		switch t.Kind {
		case "void", "int", "float", "char", "bool":
		default:
			return fmt.Errorf("%w: base_types[%q]: kind %q", ErrInvalid, name, t.Kind)
		}
		if t.Endian != "little" && t.Endian != "big" {
			return fmt.Errorf("%w: base_types[%q]: endian %q", ErrInvalid, name, t.Endian)
		}
	}
	for name, t := range p.UserTypes {
		switch t.Kind {
		case KindStruct, KindUnion, KindClass:
		default:
			return fmt.Errorf("%w: user_types[%q]: kind %q", ErrInvalid, name, t.Kind)
		}
		if t.Fields == nil {
			return fmt.Errorf("%w: user_types[%q]: no fields", ErrInvalid, name)
		}
		for fname, f := range t.Fields {
			if err := validateType(&f.Type, 0); err != nil {
				return fmt.Errorf("%w: user_types[%q].fields[%q]: %v", ErrInvalid, name, fname, err)
			}
		}
	}
	for name, e := range p.Enums {
		if e.Constants == nil {
			return fmt.Errorf("%w: enums[%q]: no constants", ErrInvalid, name)
		}
		for cname, v := range e.Constants {
			if !validInteger(string(v)) {
				return fmt.Errorf("%w: enums[%q].constants[%q]: %q is not an integer", ErrInvalid, name, cname, v)
			}
		}
	}
	for name, s := range p.Symbols {
		if s.Type == nil {
			continue
		}
		if err := validateType(s.Type, 0); err != nil {
			return fmt.Errorf("%w: symbols[%q]: %v", ErrInvalid, name, err)
		}
	}
	return nil
}

func validateType(t *Type, depth int) error {
	if depth > maxTypeDepth {
		return fmt.Errorf("type nested deeper than %d", maxTypeDepth)
	}
	switch t.Kind {
	case KindBase, KindStruct, KindUnion, KindClass, KindEnum:
		if t.Name == "" {
			return fmt.Errorf("%s type without a name", t.Kind)
		}
	case KindPointer, KindArray:
		if t.Subtype == nil {
			return fmt.Errorf("%s type without a subtype", t.Kind)
		}
		return validateType(t.Subtype, depth+1)
	case KindBitfield:
		if t.Type == nil || (t.Type.Kind != KindBase && t.Type.Kind != KindEnum) {
			return fmt.Errorf("bitfield without a base or enum type")
		}
		if t.BitLength == 0 || t.BitLength > 64 || t.BitPosition >= 64 {
			return fmt.Errorf("bitfield position %d length %d", t.BitPosition, t.BitLength)
		}
		return validateType(t.Type, depth+1)
	case KindFunction:
	default:
		return fmt.Errorf("type kind %q", t.Kind)
	}
	return nil
}

// validInteger reports whether s is a JSON integer within int64 or uint64.
func validInteger(s string) bool {
	if _, err := strconv.ParseInt(s, 10, 64); err == nil {
		return true
	}
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
