package printers

// AppendAlign pads the line being built in b with spaces up to column col,
// counted from the last newline in b (strace's tabto). A negative col does
// nothing.
func AppendAlign(b []byte, col int) []byte {
	if col < 0 {
		return b
	}
	start := 0
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] == '\n' {
			start = i + 1
			break
		}
	}
	for n := len(b) - start; n < col; n++ {
		b = append(b, ' ')
	}
	return b
}
