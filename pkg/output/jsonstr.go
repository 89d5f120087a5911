package output

import (
	"unicode/utf8"
)

const hexDigits = "0123456789abcdef"

// AppendJSONString appends s as a JSON string. Whatever bytes s holds the
// result is valid JSON: control bytes are escaped, and bytes that are not
// UTF-8 become U+FFFD. The printers' text is ASCII, so nothing of it is
// lost.
func AppendJSONString[T string | []byte](b []byte, s T) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20 || c == 0x7f:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		var rb [utf8.UTFMax]byte
		r, n := utf8.DecodeRune(rb[:copy(rb[:], s[i:min(i+utf8.UTFMax, len(s))])])
		if r == utf8.RuneError && n == 1 {
			b = append(b, `\ufffd`...)
		} else {
			b = append(b, rb[:n]...)
		}
		i += n
	}
	return append(b, '"')
}

// appendCommJSON appends a guest process name as a JSON string without
// losing a byte: printable ASCII as is (JSON-escaped), the backslash and
// every other byte as \xNN.
func appendCommJSON(b []byte, name []byte) []byte {
	b = append(b, '"')
	for _, c := range name {
		switch {
		case c == '"':
			b = append(b, '\\', '"')
		case c >= ' ' && c < 0x7f && c != '\\':
			b = append(b, c)
		default:
			b = append(b, '\\', '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
		}
	}
	return append(b, '"')
}
