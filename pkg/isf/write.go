package isf

import (
	"bufio"
	"encoding/base64"
	"fmt"
	"github.com/guestrace/guestrace/internal/jsonenc"
	"io"
	"slices"
	"strconv"
)

// Write encodes the profile as ISF JSON: the top-level sections in schema
// order, every map sorted by key, one entry per line. The output is a
// deterministic function of the profile, so profiles diff and golden
// tests compare byte for byte.
func (p *Profile) Write(w io.Writer) error {
	if err := p.Validate(); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	var b []byte
	b = append(b, "{\n\"metadata\": "...)
	b = appendMetadata(b, &p.Metadata)
	b = append(b, ",\n\"base_types\": {"...)
	b = appendSection(bw, b, p.BaseTypes, appendBaseType)
	b = append(b, ",\n\"user_types\": {"...)
	b = appendSection(bw, b, p.UserTypes, appendUserType)
	b = append(b, ",\n\"enums\": {"...)
	b = appendSection(bw, b, p.Enums, appendEnum)
	b = append(b, ",\n\"symbols\": {"...)
	b = appendSection(bw, b, p.Symbols, appendSymbol)
	b = append(b, "\n}\n"...)
	if _, err := bw.Write(b); err != nil {
		return fmt.Errorf("write ISF: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write ISF: %w", err)
	}
	return nil
}

// appendSection writes a map's entries sorted by key, one a line, and
// flushes the buffer to w as it grows. Write errors stay sticky in the
// bufio.Writer and surface at Flush.
func appendSection[V any](w *bufio.Writer, b []byte, m map[string]V, enc func([]byte, *V) []byte) []byte {
	keys := sortedKeys(m)
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n "...)
		b = appendString(b, k)
		b = append(b, ": "...)
		v := m[k]
		b = enc(b, &v)
		if len(b) > 1<<15 {
			w.Write(b)
			b = b[:0]
		}
	}
	if len(keys) > 0 {
		b = append(b, '\n')
	}
	return append(b, '}')
}

func appendMetadata(b []byte, m *Metadata) []byte {
	b = append(b, `{"format": `...)
	b = appendString(b, m.Format)
	if m.Producer != nil {
		b = append(b, `, "producer": {"name": `...)
		b = appendString(b, m.Producer.Name)
		b = append(b, `, "version": `...)
		b = appendString(b, m.Producer.Version)
		if m.Producer.Datetime != "" {
			b = append(b, `, "datetime": `...)
			b = appendString(b, m.Producer.Datetime)
		}
		b = append(b, '}')
	}
	for _, os := range []struct {
		name string
		meta *UnixMetadata
	}{{"linux", m.Linux}, {"mac", m.Mac}} {
		if os.meta == nil {
			continue
		}
		b = append(b, `, "`+os.name+`": {"symbols": `...)
		b = appendSources(b, os.meta.Symbols)
		b = append(b, `, "types": `...)
		b = appendSources(b, os.meta.Types)
		b = append(b, '}')
	}
	if len(m.Windows) > 0 {
		b = append(b, `, "windows": `...)
		b = append(b, m.Windows...)
	}
	return append(b, '}')
}

func appendSources(b []byte, srcs []Source) []byte {
	b = append(b, '[')
	for i, s := range srcs {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, '{')
		first := true
		for _, kv := range [...][2]string{{"kind", s.Kind}, {"name", s.Name}, {"hash_type", s.HashType}, {"hash_value", s.HashValue}} {
			if kv[1] == "" {
				continue
			}
			if !first {
				b = append(b, ", "...)
			}
			first = false
			b = appendString(b, kv[0])
			b = append(b, ": "...)
			b = appendString(b, kv[1])
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

func appendBaseType(b []byte, t *BaseType) []byte {
	b = append(b, `{"size": `...)
	b = strconv.AppendUint(b, t.Size, 10)
	b = append(b, `, "signed": `...)
	b = strconv.AppendBool(b, t.Signed)
	b = append(b, `, "kind": `...)
	b = appendString(b, t.Kind)
	b = append(b, `, "endian": `...)
	b = appendString(b, t.Endian)
	return append(b, '}')
}

func appendUserType(b []byte, t *UserType) []byte {
	b = append(b, `{"kind": `...)
	b = appendString(b, t.Kind)
	b = append(b, `, "size": `...)
	b = strconv.AppendUint(b, t.Size, 10)
	b = append(b, `, "fields": {`...)
	for i, name := range sortedKeys(t.Fields) {
		if i > 0 {
			b = append(b, ", "...)
		}
		f := t.Fields[name]
		b = appendString(b, name)
		b = append(b, `: {"type": `...)
		b = appendType(b, &f.Type)
		b = append(b, `, "offset": `...)
		b = strconv.AppendUint(b, f.Offset, 10)
		if f.Anonymous {
			b = append(b, `, "anonymous": true`...)
		}
		b = append(b, '}')
	}
	return append(b, "}}"...)
}

func appendEnum(b []byte, e *Enum) []byte {
	b = append(b, `{"size": `...)
	b = strconv.AppendUint(b, e.Size, 10)
	b = append(b, `, "base": `...)
	b = appendString(b, e.Base)
	b = append(b, `, "constants": {`...)
	for i, name := range sortedKeys(e.Constants) {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendString(b, name)
		b = append(b, ": "...)
		b = append(b, e.Constants[name]...)
	}
	return append(b, "}}"...)
}

func appendSymbol(b []byte, s *Symbol) []byte {
	b = append(b, `{"address": `...)
	b = strconv.AppendUint(b, s.Address, 10)
	if s.Type != nil {
		b = append(b, `, "type": `...)
		b = appendType(b, s.Type)
	}
	if s.LinkageName != "" {
		b = append(b, `, "linkage_name": `...)
		b = appendString(b, s.LinkageName)
	}
	if s.ConstantData != nil {
		b = append(b, `, "constant_data": "`...)
		b = base64.StdEncoding.AppendEncode(b, s.ConstantData)
		b = append(b, '"')
	}
	return append(b, '}')
}

// appendType writes exactly the keys the schema defines for t.Kind, so
// that zero counts and bit positions are kept.
func appendType(b []byte, t *Type) []byte {
	b = append(b, `{"kind": `...)
	b = appendString(b, t.Kind)
	switch t.Kind {
	case KindPointer:
		if t.Base != "" {
			b = append(b, `, "base": `...)
			b = appendString(b, t.Base)
		}
		b = appendSubtype(b, "subtype", t.Subtype)
	case KindArray:
		b = append(b, `, "count": `...)
		b = strconv.AppendUint(b, t.Count, 10)
		b = appendSubtype(b, "subtype", t.Subtype)
	case KindBitfield:
		b = append(b, `, "bit_position": `...)
		b = strconv.AppendUint(b, t.BitPosition, 10)
		b = append(b, `, "bit_length": `...)
		b = strconv.AppendUint(b, t.BitLength, 10)
		b = appendSubtype(b, "type", t.Type)
	case KindFunction:
	default:
		b = append(b, `, "name": `...)
		b = appendString(b, t.Name)
	}
	return append(b, '}')
}

var voidType = Type{Kind: KindBase, Name: "void"}

func appendSubtype(b []byte, key string, t *Type) []byte {
	if t == nil {
		t = &voidType
	}
	b = append(b, `, "`+key+`": `...)
	return appendType(b, t)
}

// MarshalJSON encodes t as Write does, with only the keys of its kind.
func (t Type) MarshalJSON() ([]byte, error) {
	return appendType(nil, &t), nil
}

// appendString appends s as a JSON string.
func appendString(b []byte, s string) []byte { return jsonenc.AppendString(b, s) }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
