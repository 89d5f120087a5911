// Package isf reads, writes and queries Volatility3 Intermediate Symbol
// Format (ISF) profiles: the JSON files Volatility3 and libvmi use to learn
// a kernel's symbol addresses and type layouts.
//
// The schema is Volatility3's (volatility3/schemas/schema-6.x.json):
// metadata, base_types, user_types, enums and symbols. A profile is an
// untrusted file: Parse validates it and never panics on bad input.
package isf

import (
	"encoding/json"
	"errors"
)

// FormatVersion is the ISF format version this package writes.
const FormatVersion = "6.2.0"

// Sentinel errors, wrapped with %w.
var (
	// ErrNotFound means a symbol, type or field is not in the profile.
	ErrNotFound = errors.New("not found")
	// ErrInvalid means the profile is not valid ISF.
	ErrInvalid = errors.New("invalid ISF profile")
)

// Profile is a whole ISF document.
type Profile struct {
	Metadata  Metadata            `json:"metadata"`
	BaseTypes map[string]BaseType `json:"base_types"`
	UserTypes map[string]UserType `json:"user_types"`
	Enums     map[string]Enum     `json:"enums"`
	Symbols   map[string]Symbol   `json:"symbols"`
}

// Metadata says what produced the profile and for which operating system.
// Exactly one of Linux, Mac and Windows is set in a valid profile.
type Metadata struct {
	Format   string          `json:"format"`
	Producer *Producer       `json:"producer,omitempty"`
	Linux    *UnixMetadata   `json:"linux,omitempty"`
	Mac      *UnixMetadata   `json:"mac,omitempty"`
	Windows  json.RawMessage `json:"windows,omitempty"`
}

// Producer names the program that wrote the profile.
type Producer struct {
	Name     string `json:"name"`
	Version  string `json:"version"`
	Datetime string `json:"datetime,omitempty"`
}

// UnixMetadata lists the files the symbols and types came from.
type UnixMetadata struct {
	Symbols []Source `json:"symbols,omitempty"`
	Types   []Source `json:"types,omitempty"`
}

// Source is one input file of a profile. Kind is one of "dwarf", "symtab"
// or "system-map" when set (the schema allows nothing else).
type Source struct {
	Kind      string `json:"kind,omitempty"`
	Name      string `json:"name,omitempty"`
	HashType  string `json:"hash_type,omitempty"`
	HashValue string `json:"hash_value,omitempty"`
}

// BaseType is a scalar type: Kind is void, int, float, char or bool.
type BaseType struct {
	Size   uint64 `json:"size"`
	Signed bool   `json:"signed"`
	Kind   string `json:"kind"`
	Endian string `json:"endian"`
}

// UserType is a struct, union or class.
type UserType struct {
	Kind   string           `json:"kind"`
	Size   uint64           `json:"size"`
	Fields map[string]Field `json:"fields"`
}

// Field is a member of a UserType at a byte offset. Anonymous members
// (C11 anonymous structs and unions) have a generated name and
// Anonymous set; their own fields are reachable through FieldOffset.
type Field struct {
	Type      Type   `json:"type"`
	Offset    uint64 `json:"offset"`
	Anonymous bool   `json:"anonymous,omitempty"`
}

// Enum is an enumeration: its size, the base type of that size and its
// constants. Constants are JSON numbers because both int64 and uint64
// values occur (64-bit enums).
type Enum struct {
	Size      uint64                 `json:"size"`
	Base      string                 `json:"base"`
	Constants map[string]json.Number `json:"constants"`
}

// Symbol is a kernel symbol: its link-time address and, when known, its
// type. ConstantData holds the bytes of read-only data such as
// linux_banner (base64 in JSON).
type Symbol struct {
	Address      uint64 `json:"address"`
	Type         *Type  `json:"type,omitempty"`
	LinkageName  string `json:"linkage_name,omitempty"`
	ConstantData []byte `json:"constant_data,omitempty"`
}

// Kinds of type descriptors.
const (
	KindBase     = "base"
	KindPointer  = "pointer"
	KindArray    = "array"
	KindStruct   = "struct"
	KindUnion    = "union"
	KindClass    = "class"
	KindEnum     = "enum"
	KindFunction = "function"
	KindBitfield = "bitfield"
)

// Type is a type descriptor. Which fields are meaningful depends on Kind:
// base, struct, union, class and enum have Name; pointer has Subtype (and
// optionally Base, the base type holding the pointer's size); array has
// Subtype and Count; bitfield has BitPosition, BitLength and Type (a base
// or enum); function has nothing else.
type Type struct {
	Kind        string `json:"kind"`
	Name        string `json:"name,omitempty"`
	Base        string `json:"base,omitempty"`
	Subtype     *Type  `json:"subtype,omitempty"`
	Count       uint64 `json:"count,omitempty"`
	BitPosition uint64 `json:"bit_position,omitempty"`
	BitLength   uint64 `json:"bit_length,omitempty"`
	Type        *Type  `json:"type,omitempty"`
}
