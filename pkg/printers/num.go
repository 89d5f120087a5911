package printers

import "strconv"

// AppendHex appends v as C's %#lx does: "0" for zero, else 0x and hex digits.
func AppendHex(b []byte, v uint64) []byte {
	if v == 0 {
		return append(b, '0')
	}
	b = append(b, '0', 'x')
	return strconv.AppendUint(b, v, 16)
}

// AppendPtr appends a pointer as strace's printaddr does: NULL or 0x...
func AppendPtr(b []byte, v uint64) []byte {
	if v == 0 {
		return append(b, "NULL"...)
	}
	return AppendHex(b, v)
}

// AppendInt appends v in decimal.
func AppendInt(b []byte, v int64) []byte { return strconv.AppendInt(b, v, 10) }

// AppendUint appends v in decimal.
func AppendUint(b []byte, v uint64) []byte { return strconv.AppendUint(b, v, 10) }

// AppendOctal appends v as C's %#o does: 0 alone for zero, else 0 and octal
// digits.
func AppendOctal(b []byte, v uint64) []byte {
	b = append(b, '0')
	if v == 0 {
		return b
	}
	return strconv.AppendUint(b, v, 8)
}

// AppendMode appends a mode as strace does (C's %#03o): 000, 005, 0640.
func AppendMode(b []byte, v uint64) []byte {
	switch {
	case v == 0:
		return append(b, "000"...)
	case v < 010:
		b = append(b, '0', '0')
	default:
		b = append(b, '0')
	}
	return strconv.AppendUint(b, v, 8)
}
