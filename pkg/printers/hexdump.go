package printers

// AppendHexDump appends data as strace's -e read= and -e write= dump it
// (strace's dumpstr): lines of 16 bytes, " | OFFSET  HEX HEX ...  ASCII |",
// the offset of the first byte of the line counted from off, printable
// ASCII as is and every other byte as '.'. Each line ends in '\n'.
func AppendHexDump(b []byte, data []byte, off uint64) []byte {
	for len(data) > 0 {
		line := data[:min(16, len(data))]
		data = data[len(line):]
		b = append(b, " | "...)
		b = appendHexWidth(b, off, 5)
		b = append(b, ' ', ' ')
		for i := 0; i < 16; i++ {
			if i == 8 {
				b = append(b, ' ')
			}
			if i < len(line) {
				b = append(b, hexDigits[line[i]>>4], hexDigits[line[i]&15], ' ')
			} else {
				b = append(b, ' ', ' ', ' ')
			}
		}
		b = append(b, ' ')
		for i := 0; i < 16; i++ {
			c := byte(' ')
			if i < len(line) {
				c = line[i]
				if c < ' ' || c > 0x7e {
					c = '.'
				}
			}
			b = append(b, c)
		}
		b = append(b, " |\n"...)
		off += uint64(len(line))
	}
	return b
}

// appendHexWidth appends v in lower-case hex, zero-padded to width digits.
func appendHexWidth(b []byte, v uint64, width int) []byte {
	var d [16]byte
	i := len(d)
	for v != 0 || i > len(d)-width {
		i--
		d[i] = hexDigits[v&15]
		v >>= 4
		if i == 0 {
			break
		}
	}
	return append(b, d[i:]...)
}
