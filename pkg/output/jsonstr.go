package output

import "github.com/guestrace/guestrace/internal/jsonenc"

const hexDigits = "0123456789abcdef"

// AppendJSONString appends s as a JSON string: valid JSON whatever bytes
// s holds. The printers' text is ASCII, so nothing of it is lost.
func AppendJSONString[T string | []byte](b []byte, s T) []byte {
	return jsonenc.AppendString(b, s)
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
