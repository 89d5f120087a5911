package printers

// AppendQuoted appends s quoted and escaped as strace prints strings without
// -x: printable ASCII as is, \" \\ \f \n \r \t \v, and every other byte in
// octal, as short as it can be unless a digit 0-7 follows. At most limit
// bytes of s are printed; "..." follows the closing quote when s was cut
// there or when truncated says that s is itself only the start of the data.
func AppendQuoted(b []byte, s []byte, limit int, truncated bool) []byte {
	if limit < 0 {
		limit = 0
	}
	if len(s) > limit {
		s = s[:limit]
		truncated = true
	}
	b = append(b, '"')
	b = appendEscaped(b, s)
	b = append(b, '"')
	if truncated {
		b = append(b, "..."...)
	}
	return b
}

func appendEscaped(b []byte, s []byte) []byte {
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
			if c >= ' ' && c < 0x7f {
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

// AppendHexQuoted appends s quoted with every byte in \xNN form, as strace
// prints data it always shows in hex (getrandom's buffer, for one).
func AppendHexQuoted(b []byte, s []byte, limit int, truncated bool) []byte {
	if len(s) > limit {
		s = s[:max(limit, 0)]
		truncated = true
	}
	b = append(b, '"')
	for _, c := range s {
		b = append(b, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
	}
	b = append(b, '"')
	if truncated {
		b = append(b, "..."...)
	}
	return b
}

const hexDigits = "0123456789abcdef"
