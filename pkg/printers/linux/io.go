package linux

import "github.com/guestrace/guestrace/pkg/printers"

// offAt prints a loff_t the call reads or updates: [4096].
func (c *ctx) offAt(addr uint64) { c.numAt(addr, 8, true) }

// aTimespecAlways is a timeout the kernel read at entry, printed at exit
// even when the call failed.
var aTimespecAlways = aOutStruct(func(c *ctx, v uint64) {
	failed := c.failed
	c.failed = false
	c.timespecAt(v)
	c.failed = failed
})

// decSendfile prints sendfile: the offset at entry and, when the call
// moved it, " => " and its new value.
func decSendfile(c *ctx) {
	if !c.exiting {
		c.fd(c.a[0])
		c.sep()
		c.fd(c.a[1])
		c.sep()
		c.numAtU64(c.a[2])
		return
	}
	if !c.failed && c.ret != 0 && c.a[2] != 0 {
		c.str(" => ")
		c.numAtU64(c.a[2])
	}
	c.sep()
	c.ulong(c.a[3])
}

// numAtU64 prints the uint64 at addr in brackets, NULL, or the address
// when it cannot be read.
func (c *ctx) numAtU64(addr uint64) {
	if addr == 0 {
		c.str("NULL")
		return
	}
	var b [8]byte
	if printers.ReadFull(c.m, addr, b[:]) != nil {
		c.ptr(addr)
		return
	}
	c.b = append(c.b, '[')
	c.ulong(le64(b[:]))
	c.b = append(c.b, ']')
}

// aPosHigh is the high half of a 64-bit file offset that x86-64 passes in
// a register of its own (preadv2's pos_h): the whole offset is in the
// argument before it, so strace prints nothing for it.
var aPosHigh = Arg{Kind: printers.KindHex, fn: (*ctx).hex, skip: func(*ctx) bool { return true }}
