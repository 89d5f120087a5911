package printers

import "errors"

// Mem reads the traced process's memory. ReadVirt may return fewer bytes
// than asked for, with an error, when the range runs into an unmapped page.
// Its contents are untrusted.
type Mem interface {
	ReadVirt(va uint64, buf []byte) (int, error)
}

// Faulter is a Mem that counts the reads it could not complete, so that
// a call whose inputs could not be read at its entry (a page the process
// has not touched yet, which the kernel faults in during the call) can
// be decoded again at its return.
type Faulter interface {
	Faults() uint64
}

// Faults is m's count of failed reads, 0 when m does not count them.
func Faults(m Mem) uint64 {
	if f, ok := m.(Faulter); ok {
		return f.Faults()
	}
	return 0
}

// ErrShortRead is returned when memory ends before the bytes asked for.
var ErrShortRead = errors.New("short read of traced memory")

// pageSize bounds each ReadVirt call of ReadString, so that a string ending
// just before an unmapped page is still read whole; strChunk keeps the reads
// of short strings short (each read may be a round trip to a debug stub).
const (
	pageSize = 4096
	strChunk = 128
)

// ReadFull reads len(buf) bytes at va, failing unless all of them could be
// read (strace's umoven).
func ReadFull(m Mem, va uint64, buf []byte) error {
	if m == nil {
		return ErrShortRead
	}
	for len(buf) > 0 {
		if va+uint64(len(buf)) < va && va != 0 {
			// The range wraps around the address space.
			return ErrShortRead
		}
		n, err := m.ReadVirt(va, buf)
		if n < 0 || n > len(buf) {
			return ErrShortRead
		}
		if n == 0 {
			if err == nil {
				err = ErrShortRead
			}
			return err
		}
		buf = buf[n:]
		va += uint64(n)
	}
	return nil
}

// ReadString reads a NUL-terminated string of at most len(buf) bytes at va
// into buf, in short reads that never cross a page (strace's umovestr). It returns the number of
// bytes before the NUL, or len(buf) and nul=false when no NUL was found in
// buf. Memory that cannot be read before the NUL or the end of buf is an
// error.
func ReadString(m Mem, va uint64, buf []byte) (n int, nul bool, err error) {
	if m == nil {
		return 0, false, ErrShortRead
	}
	for n < len(buf) {
		chunk := min(pageSize-int(va%pageSize), strChunk)
		if chunk > len(buf)-n {
			chunk = len(buf) - n
		}
		got, rerr := m.ReadVirt(va, buf[n:n+chunk])
		if got < 0 || got > chunk {
			return n, false, ErrShortRead
		}
		for i, c := range buf[n : n+got] {
			if c == 0 {
				return n + i, true, nil
			}
		}
		n += got
		va += uint64(got)
		if got < chunk {
			if rerr == nil {
				rerr = ErrShortRead
			}
			return n, false, rerr
		}
	}
	return n, false, nil
}
