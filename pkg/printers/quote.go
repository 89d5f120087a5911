package printers

// AppendQuoted appends s quoted and escaped as strace prints strings without
// -x: printable ASCII as is, \" \\ \f \n \r \t \v, and every other byte in
// octal, as short as it can be unless a digit 0-7 follows. At most limit
// bytes of s are printed; "..." follows the closing quote when s was cut
// there or when truncated says that s is itself only the start of the data.
func AppendQuoted(b []byte, s []byte, limit int, truncated bool) []byte {
	return AppendQuotedHex(b, s, limit, truncated, HexNone)
}

// AppendQuotedHex is AppendQuoted under strace's -x level hex: with
// HexNonASCII a string holding any byte that is neither printable ASCII
// nor one of \t \n \v \f \r is printed all in \xNN form; with HexAll every
// string is.
func AppendQuotedHex(b []byte, s []byte, limit int, truncated bool, hex HexStrings) []byte {
	if limit < 0 {
		limit = 0
	}
	if len(s) > limit {
		s = s[:limit]
		truncated = true
	}
	b = append(b, '"')
	b = AppendEscaped(b, s, hex, "")
	b = append(b, '"')
	if truncated {
		b = append(b, "..."...)
	}
	return b
}

// AppendEscaped appends s escaped as inside strace's quotes, without them;
// the bytes of also are escaped in octal too (strace escapes '<' and '>'
// in the paths of -y).
func AppendEscaped(b []byte, s []byte, hex HexStrings, also string) []byte {
	if useHex(s, hex) {
		return appendAllHex(b, s)
	}
	for i, c := range s {
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\f':
			b = append(b, '\\', 'f')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		case '\v':
			b = append(b, '\\', 'v')
		default:
			if c >= ' ' && c < 0x7f && !inString(also, c) {
				b = append(b, c)
				continue
			}
			b = append(b, '\\')
			full := i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '7'
			if full || c>>6 != 0 {
				b = append(b, '0'+c>>6)
			}
			if full || c>>3 != 0 {
				b = append(b, '0'+(c>>3)&7)
			}
			b = append(b, '0'+c&7)
		}
	}
	return b
}

func inString(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

// useHex is strace's choice of hex for a whole string under -x and -xx.
func useHex(s []byte, hex HexStrings) bool {
	switch hex {
	case HexAll:
		return true
	case HexNonASCII:
		for _, c := range s {
			if c > 0x7e || (c < ' ' && (c < '\t' || c > '\r')) {
				return true
			}
		}
	}
	return false
}

func appendAllHex(b []byte, s []byte) []byte {
	for _, c := range s {
		b = append(b, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
	}
	return b
}

// AppendHexQuoted appends s quoted with every byte in \xNN form, as strace
// prints data it always shows in hex (getrandom's buffer, for one).
func AppendHexQuoted(b []byte, s []byte, limit int, truncated bool) []byte {
	if len(s) > limit {
		s = s[:max(limit, 0)]
		truncated = true
	}
	b = append(b, '"')
	b = appendAllHex(b, s)
	b = append(b, '"')
	if truncated {
		b = append(b, "..."...)
	}
	return b
}

const hexDigits = "0123456789abcdef"
