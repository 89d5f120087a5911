package linux

import "github.com/guestrace/guestrace/pkg/printers"

// The structures of i386 processes. A decoding of an i386 call sets
// c.compat: its longs and pointers are 4 bytes wide; and, unless the call
// is one of the _time64 calls, c.time32: so is its time_t. Decoders that
// read longs, pointers and times through these helpers print both layouts
// from one description, as strace compiles its decoders once for each
// personality.

// layout is how wide an i386 call's values are.
type layout struct {
	compat bool // longs and pointers of 4 bytes: an i386 call
	time32 bool // a time_t of 4 bytes: not a _time64 call
	id16   bool // user and group ids of 2 bytes: chown16...
}

// longSize is the size of a long, and of a pointer, in the process.
func (c *ctx) longSize() int {
	if c.compat {
		return 4
	}
	return 8
}

// timeSize is the size of a time_t (and of the long beside it in struct
// timespec and struct timeval) in the call.
func (c *ctx) timeSize() int {
	if c.time32 {
		return 4
	}
	return 8
}

// idSize is the size of a user or group id in the call.
func (c *ctx) idSize() int {
	if c.id16 {
		return 2
	}
	return 4
}

// idOf reads a user or group id at b's start.
func (c *ctx) idOf(b []byte) uint64 {
	if c.id16 {
		return uint64(le16(b))
	}
	return uint64(le32(b))
}

// argsAt makes the call's arguments the n 32-bit words at addr (i386's
// calls that pass them in memory: socketcall, old mmap, old select), or
// reports that they cannot be read.
func (c *ctx) argsAt(addr uint64, n int) bool {
	b := c.mem(4 * n)
	if addr == 0 || printers.ReadFull(c.m, addr, b) != nil {
		return false
	}
	c.fixed = [6]uint64{}
	for i := range n {
		c.fixed[i] = uint64(le32(b[4*i:]))
	}
	c.a = &c.fixed
	return true
}

// longArg is a long argument: i386's sign-extended from 32 bits.
func (c *ctx) longArg(v uint64) uint64 {
	if c.compat {
		return uint64(int64(int32(v)))
	}
	return v
}

// ulongOf reads an unsigned long or a pointer at b's start.
func (c *ctx) ulongOf(b []byte) uint64 {
	if c.compat {
		return uint64(le32(b))
	}
	return le64(b)
}

// slongOf reads a signed long at b's start, sign-extended.
func (c *ctx) slongOf(b []byte) uint64 {
	if c.compat {
		return uint64(int64(int32(le32(b))))
	}
	return le64(b)
}

// timeOf reads a time_t (or its neighbour) at b's start, sign-extended.
func (c *ctx) timeOf(b []byte) uint64 {
	if c.time32 {
		return uint64(int64(int32(le32(b))))
	}
	return le64(b)
}
