package linux

import "github.com/guestrace/guestrace/pkg/printers"

// name_to_handle_at and open_by_handle_at with their struct file_handle,
// as strace's file_handle.c prints them.

const maxHandleSz = 128

// fHandle prints the handle's bytes in hex, at most MAX_HANDLE_SZ of
// them, or ??? when they cannot be read.
func (c *ctx) fHandle(addr uint64, n uint32) {
	l := min(n, maxHandleSz)
	var b [maxHandleSz]byte
	if printers.ReadFull(c.m, addr+8, b[:l]) != nil {
		c.str("???")
		return
	}
	c.b = printers.AppendHexQuoted(c.b, b[:l], int(l), false)
	if n > l {
		c.str("...")
	}
}

func decNameToHandleAt(c *ctx) {
	addr := c.a[2]
	if !c.exiting {
		c.dirfd(c.a[0])
		c.sep()
		c.path(c.a[1])
		c.sep()
		b := c.read(addr, 8)
		if b == nil {
			c.sep()
			c.ptr(c.a[3])
			c.sep()
			c.flags(xNameToHandleAtFlags, uint64(uint32(c.a[4])), "AT_???")
			return
		}
		c.str("{handle_bytes=")
		n := le32(b)
		c.uint(uint64(n))
		c.save(uint64(n), 1)
		return
	}
	n0, _, readAtEntry := c.saved()
	if !readAtEntry {
		return // (entry printed the handle's address and the rest)
	}
	const eoverflow = 75
	var b [8]byte
	if (!c.failed || -c.ret == eoverflow) && printers.ReadFull(c.m, addr, b[:]) == nil {
		n := le32(b[:])
		if uint64(n) != n0 {
			c.str(" => ")
			c.uint(uint64(n))
		}
		if !c.failed {
			c.str(", handle_type=")
			c.int(uint64(le32(b[4:])))
			c.str(", f_handle=")
			c.fHandle(addr, n)
		}
	}
	c.str("}, ")
	c.numAt(c.a[3], 4, true)
	c.sep()
	c.flags(xNameToHandleAtFlags, uint64(uint32(c.a[4])), "AT_???")
}

var aFileHandle = aInStruct(func(c *ctx, addr uint64) {
	b := c.read(addr, 8)
	if b == nil {
		return
	}
	n := le32(b)
	c.str("{handle_bytes=")
	c.uint(uint64(n))
	c.str(", handle_type=")
	c.int(uint64(le32(b[4:])))
	c.str(", f_handle=")
	c.fHandle(addr, n)
	c.b = append(c.b, '}')
})
