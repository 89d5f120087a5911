package linuxgen

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/cilium/ebpf/btf"
	"github.com/guestrace/guestrace/pkg/isf"
)

// maxDescDepth bounds type descriptors through typedefs, qualifiers,
// pointers and arrays; a hostile BTF file may nest them without end.
const maxDescDepth = 32

// converter turns BTF types into ISF types.
type converter struct {
	prof   *isf.Profile
	endian string
	// names of anonymous structs, unions and enums: a typedef's name when
	// one names them, else "unnamed_<hash>" as dwarf2json makes them.
	names   map[btf.Type]string
	naming  map[btf.Type]bool // anonymous types whose name is being computed
	taken   map[string]bool   // struct/union tags and typedef names given out
	enumTag map[string]bool
	err     error // the first thing no kernel's BTF holds
}

func newConverter(prof *isf.Profile, endian string) *converter {
	return &converter{
		prof:    prof,
		endian:  endian,
		names:   make(map[btf.Type]string),
		naming:  make(map[btf.Type]bool),
		taken:   make(map[string]bool),
		enumTag: make(map[string]bool),
	}
}

// nameTypedefs gives anonymous structs, unions and enums the name of the
// first typedef of them ("typedef struct { ... } atomic_t"), unless that
// name is also a tag. types must be in BTF ID order, for determinism.
func (c *converter) nameTypedefs(types []btf.Type) {
	for _, t := range types {
		switch t := t.(type) {
		case *btf.Struct:
			c.taken[t.Name] = t.Name != ""
		case *btf.Union:
			c.taken[t.Name] = t.Name != ""
		case *btf.Enum:
			c.enumTag[t.Name] = t.Name != ""
		}
	}
	for _, t := range types {
		td, ok := t.(*btf.Typedef)
		if !ok || td.Name == "" {
			continue
		}
		switch target := td.Type.(type) {
		case *btf.Struct, *btf.Union:
			if target.TypeName() == "" && c.names[target] == "" && !c.taken[td.Name] {
				c.names[target] = td.Name
				c.taken[td.Name] = true
			}
		case *btf.Enum:
			if target.Name == "" && c.names[target] == "" && !c.enumTag[td.Name] {
				c.names[target] = td.Name
				c.enumTag[td.Name] = true
			}
		}
	}
}

// name returns the ISF name of a struct, union or enum.
func (c *converter) name(t btf.Type) string {
	if n := t.TypeName(); n != "" {
		return n
	}
	if n, ok := c.names[t]; ok {
		return n
	}
	if c.naming[t] {
		// A cycle through anonymous types only a hostile file has.
		return "cycle"
	}
	c.naming[t] = true
	h := sha1.Sum([]byte(c.definition(t)))
	delete(c.naming, t)
	n := "unnamed_" + hex.EncodeToString(h[:8])
	c.names[t] = n
	return n
}

// definition describes an anonymous type's layout, the input of its
// generated name: identical anonymous types share a name, like dwarf2json.
func (c *converter) definition(t btf.Type) string {
	var sb strings.Builder
	switch t := t.(type) {
	case *btf.Struct:
		fmt.Fprintf(&sb, "struct %d {", t.Size)
		c.defineMembers(&sb, t.Members)
	case *btf.Union:
		fmt.Fprintf(&sb, "union %d {", t.Size)
		c.defineMembers(&sb, t.Members)
	case *btf.Enum:
		fmt.Fprintf(&sb, "enum %d %t {", t.Size, t.Signed)
		for _, v := range t.Values {
			fmt.Fprintf(&sb, "%s=%d;", v.Name, v.Value)
		}
	}
	sb.WriteString("}")
	return sb.String()
}

func (c *converter) defineMembers(sb *strings.Builder, ms []btf.Member) {
	for _, m := range ms {
		d, _ := json.Marshal(c.desc(m.Type, 0))
		fmt.Fprintf(sb, "%s@%d:%d:%s;", m.Name, m.Offset, m.BitfieldSize, d)
	}
}

// desc returns the ISF type descriptor of a BTF type, looking through
// typedefs and qualifiers as dwarf2json does.
func (c *converter) desc(t btf.Type, depth int) *isf.Type {
	if depth > maxDescDepth {
		return &isf.Type{Kind: isf.KindBase, Name: "void"}
	}
	switch t := t.(type) {
	case *btf.Int:
		return &isf.Type{Kind: isf.KindBase, Name: t.Name}
	case *btf.Float:
		return &isf.Type{Kind: isf.KindBase, Name: t.Name}
	case *btf.Pointer:
		return &isf.Type{Kind: isf.KindPointer, Subtype: c.desc(t.Target, depth+1)}
	case *btf.Array:
		return &isf.Type{Kind: isf.KindArray, Count: uint64(t.Nelems), Subtype: c.desc(t.Type, depth+1)}
	case *btf.Struct:
		return &isf.Type{Kind: isf.KindStruct, Name: c.name(t)}
	case *btf.Union:
		return &isf.Type{Kind: isf.KindUnion, Name: c.name(t)}
	case *btf.Enum:
		return &isf.Type{Kind: isf.KindEnum, Name: c.name(t)}
	case *btf.Fwd:
		kind := isf.KindStruct
		if t.Kind == btf.FwdUnion {
			kind = isf.KindUnion
		}
		return &isf.Type{Kind: kind, Name: t.Name}
	case *btf.FuncProto, *btf.Func:
		return &isf.Type{Kind: isf.KindFunction}
	case *btf.Typedef:
		return c.desc(t.Type, depth+1)
	case *btf.Const:
		return c.desc(t.Type, depth+1)
	case *btf.Volatile:
		return c.desc(t.Type, depth+1)
	case *btf.Restrict:
		return c.desc(t.Type, depth+1)
	case *btf.TypeTag:
		return c.desc(t.Type, depth+1)
	case *btf.Var:
		return c.desc(t.Type, depth+1)
	}
	return &isf.Type{Kind: isf.KindBase, Name: "void"}
}

// addBase records an integer or floating-point base type.
func (c *converter) addBase(t btf.Type) {
	switch t := t.(type) {
	case *btf.Int:
		kind := "int"
		switch {
		case t.Encoding&btf.Bool != 0:
			kind = "bool"
		case t.Encoding&btf.Char != 0 || (t.Size == 1 && strings.HasSuffix(t.Name, "char")):
			kind = "char"
		}
		c.prof.BaseTypes[t.Name] = isf.BaseType{Size: uint64(t.Size), Signed: t.Encoding&btf.Signed != 0, Kind: kind, Endian: c.endian}
	case *btf.Float:
		c.prof.BaseTypes[t.Name] = isf.BaseType{Size: uint64(t.Size), Signed: true, Kind: "float", Endian: c.endian}
	}
}

// addUserType records a struct or union; the first of a name wins.
func (c *converter) addUserType(t btf.Type) {
	var kind string
	var size uint32
	var members []btf.Member
	switch t := t.(type) {
	case *btf.Struct:
		kind, size, members = isf.KindStruct, t.Size, t.Members
	case *btf.Union:
		kind, size, members = isf.KindUnion, t.Size, t.Members
	default:
		return
	}
	name := c.name(t)
	if _, ok := c.prof.UserTypes[name]; ok {
		return
	}
	ut := isf.UserType{Kind: kind, Size: uint64(size), Fields: make(map[string]isf.Field, len(members))}
	for _, m := range members {
		c.addField(&ut, m)
	}
	c.prof.UserTypes[name] = ut
}

func (c *converter) addField(ut *isf.UserType, m btf.Member) {
	typ := c.desc(m.Type, 0)
	f := isf.Field{Offset: uint64(m.Offset / 8), Type: *typ}
	if m.BitfieldSize > 64 {
		if c.err == nil {
			c.err = fmt.Errorf("%s: bit-field of %d bits", m.Name, m.BitfieldSize)
		}
		return
	}
	if m.BitfieldSize > 0 {
		f.Offset, f.Type = c.bitfield(m, typ)
	}
	name := m.Name
	if name == "" {
		if typ.Kind != isf.KindStruct && typ.Kind != isf.KindUnion {
			return // unnamed padding bit-field
		}
		name = "unnamed_field_" + strconv.FormatUint(f.Offset, 16)
		// Two anonymous members at one offset (in a union): keep both.
		for i := 1; ut.Fields[name].Type.Kind != ""; i++ {
			name = fmt.Sprintf("unnamed_field_%x_%d", f.Offset, i)
		}
		f.Anonymous = true
	}
	ut.Fields[name] = f
}

// bitfield places a bit-field in the storage unit of its declared type,
// as a C compiler reads it: the unit's byte offset, and the bit position
// from the unit's least significant bit (little-endian), which is how
// Volatility3 extracts it.
func (c *converter) bitfield(m btf.Member, typ *isf.Type) (uint64, isf.Type) {
	bitOff, bits := uint64(m.Offset), uint64(m.BitfieldSize)
	unit := uint64(c.size(m.Type)) * 8
	var byteOff uint64
	if unit > 0 && unit <= 64 && bitOff%unit+bits <= unit {
		byteOff = bitOff / unit * (unit / 8)
	} else {
		byteOff = bitOff / 8 // packed: straddles its unit
	}
	if typ.Kind != isf.KindBase && typ.Kind != isf.KindEnum {
		typ = &isf.Type{Kind: isf.KindBase, Name: "void"}
	}
	return byteOff, isf.Type{Kind: isf.KindBitfield, BitPosition: bitOff - byteOff*8, BitLength: bits, Type: typ}
}

func (c *converter) size(t btf.Type) uint32 {
	n, err := btf.Sizeof(t)
	if err != nil || n < 0 {
		return 0
	}
	return uint32(n)
}

// addEnum records an enum with the base type of its size and sign.
func (c *converter) addEnum(e *btf.Enum) {
	name := c.name(e)
	if _, ok := c.prof.Enums[name]; ok {
		return
	}
	consts := make(map[string]json.Number, len(e.Values))
	for _, v := range e.Values {
		if e.Signed {
			consts[v.Name] = json.Number(strconv.FormatInt(signExtend(v.Value, e.Size), 10))
		} else {
			consts[v.Name] = json.Number(strconv.FormatUint(v.Value, 10))
		}
	}
	c.prof.Enums[name] = isf.Enum{Size: uint64(e.Size), Base: c.intBase(uint64(e.Size), e.Signed), Constants: consts}
}

func signExtend(v uint64, size uint32) int64 {
	if size == 0 || size >= 8 {
		return int64(v)
	}
	shift := 64 - 8*size
	return int64(v<<shift) >> shift
}

// intBase names the int base type of a size and sign. C's own names win
// over BTF artifacts like __ARRAY_SIZE_TYPE__; among those, the
// alphabetically first, for determinism.
func (c *converter) intBase(size uint64, signed bool) string {
	best := ""
	for name, b := range c.prof.BaseTypes {
		if b.Kind != "int" || b.Size != size || b.Signed != signed || name == "pointer" {
			continue
		}
		if best == "" || betterBase(name, best) {
			best = name
		}
	}
	if best == "" {
		return "void"
	}
	return best
}

func betterBase(a, b string) bool {
	au, bu := strings.HasPrefix(a, "_"), strings.HasPrefix(b, "_")
	if au != bu {
		return bu
	}
	return a < b
}
