package printers

// XlatEntry names one value or flag.
type XlatEntry struct {
	Val  uint64
	Name string
}

// Xlat is a table of names for values or flags, in the order strace tries
// them: for flag sets, multi-bit flags come before the bits they cover.
type Xlat struct {
	Entries []XlatEntry
	// Sorted says Entries are in increasing value order, so lookups may
	// search in halves.
	Sorted bool
}

// Lookup returns the name of v.
func (x *Xlat) Lookup(v uint64) (string, bool) {
	if x == nil {
		return "", false
	}
	e := x.Entries
	if x.Sorted {
		lo, hi := 0, len(e)
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if e[m].Val < v {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo < len(e) && e[lo].Val == v {
			return e[lo].Name, true
		}
		return "", false
	}
	for i := range e {
		if e[i].Val == v {
			return e[i].Name, true
		}
	}
	return "", false
}

// Base selects how a value without a name is printed.
type Base uint8

const (
	Hex      Base = iota // %#x: 0x1f, or 0
	Decimal              // %d, the value taken as signed
	Unsigned             // %u
)

func appendBase(b []byte, v uint64, base Base) []byte {
	switch base {
	case Decimal:
		return AppendInt(b, int64(v))
	case Unsigned:
		return AppendUint(b, v)
	}
	return AppendHex(b, v)
}

// AppendComment appends " /* s */", as strace's tprints_comment does.
func AppendComment(b []byte, s string) []byte {
	b = append(b, " /* "...)
	b = append(b, s...)
	return append(b, " */"...)
}

// AppendXval appends the name of v, or v in hex followed by the comment
// dflt when it has none (strace's printxval). An empty dflt gives no comment.
func AppendXval(b []byte, x *Xlat, v uint64, dflt string) []byte {
	return AppendXvalBase(b, x, v, dflt, Hex)
}

// AppendXvalBase is AppendXval printing unnamed values in the given base
// (strace's printxval_d and printxval_u).
func AppendXvalBase(b []byte, x *Xlat, v uint64, dflt string, base Base) []byte {
	if s, ok := x.Lookup(v); ok {
		return append(b, s...)
	}
	b = appendBase(b, v, base)
	if dflt != "" {
		b = AppendComment(b, dflt)
	}
	return b
}

// AppendFlags appends the flags set in v as NAME|NAME|0x..., as strace's
// printflags does: names in table order, each taking its bits off v, then
// whatever bits are left in hex. With no name at all, v is printed in hex
// followed by the comment dflt; zero with no name for it prints "0" when dflt
// is given and nothing otherwise. It reports whether anything was printed.
func AppendFlags(b []byte, x *Xlat, v uint64, dflt string) ([]byte, bool) {
	n := 0
	if x != nil {
		for _, e := range x.Entries {
			if v == 0 && n > 0 {
				break
			}
			if e.Val == v || (e.Val != 0 && v&e.Val == e.Val) {
				if n > 0 {
					b = append(b, '|')
				}
				b = append(b, e.Name...)
				n++
				v &^= e.Val
				if v == 0 {
					break
				}
			}
		}
	}
	switch {
	case n > 0:
		if v != 0 {
			b = append(b, '|')
			b = AppendHex(b, v)
		}
	case v != 0:
		b = AppendHex(b, v)
		if dflt != "" {
			b = AppendComment(b, dflt)
		}
	case dflt != "":
		b = append(b, '0')
	default:
		return b, false
	}
	return b, true
}

// Flags is AppendFlags without the report.
func Flags(b []byte, x *Xlat, v uint64, dflt string) []byte {
	b, _ = AppendFlags(b, x, v, dflt)
	return b
}

// AppendXvalStyle is AppendXvalBase under strace's -X style: raw prints
// the number alone, verbose the number then its name (or dflt, for a
// value without one) in a comment.
func AppendXvalStyle(b []byte, x *Xlat, v uint64, dflt string, base Base, style XlatStyle) []byte {
	if style == XlatAbbrev {
		return AppendXvalBase(b, x, v, dflt, base)
	}
	s, ok := x.Lookup(v)
	b = appendBase(b, v, base)
	if style == XlatVerbose {
		if !ok {
			s = dflt
		}
		if s != "" {
			b = AppendComment(b, s)
		}
	}
	return b
}

// AppendFlagsStyle is Flags under strace's -X style: raw prints the
// number alone, verbose the number then the names in a comment.
func AppendFlagsStyle(b []byte, x *Xlat, v uint64, dflt string, style XlatStyle) []byte {
	if style == XlatAbbrev {
		return Flags(b, x, v, dflt)
	}
	// Zero prints only when it has a name or a default is given, as in
	// the abbreviated form.
	if v == 0 && style == XlatVerbose && x != nil {
		for _, e := range x.Entries {
			if e.Val == 0 {
				return AppendComment(append(b, '0'), e.Name)
			}
		}
	}
	if v == 0 && dflt == "" {
		return b
	}
	if style == XlatRaw || v == 0 {
		return AppendHex(b, v)
	}
	b = AppendHex(b, v)
	// The names are the abbreviated form, appended after the number and
	// moved into the comment when there are any.
	mark := len(b)
	b, any := AppendFlags(b, x, v, "")
	if !any || !hasName(b[mark:]) {
		b = b[:mark]
		if dflt != "" && v != 0 {
			b = AppendComment(b, dflt)
		}
		return b
	}
	names := string(b[mark:])
	return AppendComment(b[:mark], names)
}

// hasName reports whether printed flags hold a name, not only a number.
func hasName(s []byte) bool {
	return len(s) > 0 && (s[0] < '0' || s[0] > '9')
}
