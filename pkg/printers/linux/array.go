package linux

import "github.com/guestrace/guestrace/pkg/printers"

// maxArray bounds the elements of an array printed even with -v, and the
// entries scanned for poll's ready descriptors: the guest chooses the counts.
const maxArray = 4096

// array prints nmemb elements of size bytes at addr as strace's print_array
// does: [e1, e2, ...], at most -s of them unless -v, "..." and the address of
// the first unreadable one. Each element is read, into a buffer of at most
// 64 bytes, and passed to elem; elem returning false ends the array.
// ignoreFailed reads the array even at the exit of a failed call.
func (c *ctx) array(addr, nmemb uint64, size int, ignoreFailed bool, elem func(c *ctx, e []byte) bool) {
	if addr == 0 {
		c.str("NULL")
		return
	}
	if nmemb == 0 {
		c.str("[]")
		return
	}
	total := nmemb * uint64(size)
	if total/uint64(size) != nmemb || addr+total <= addr {
		c.ptr(addr)
		return
	}
	if c.exiting && c.failed && !ignoreFailed {
		c.ptr(addr)
		return
	}
	limit := min(nmemb, maxArray)
	if !c.verbose() && uint64(c.limit()) < nmemb {
		limit = uint64(c.limit())
	}
	var e [64]byte
	buf := e[:size]
	for i := uint64(0); i < nmemb; i++ {
		cur := addr + i*uint64(size)
		if i > 0 {
			c.sep()
		}
		if printers.ReadFull(c.m, cur, buf) != nil {
			if i == 0 {
				c.ptr(cur)
				return
			}
			c.str("... /* ")
			c.hex(cur)
			c.str(" */")
			break
		}
		if i == 0 {
			c.b = append(c.b, '[')
		}
		if i >= limit {
			c.str("...")
			break
		}
		if !elem(c, buf) {
			break
		}
	}
	c.b = append(c.b, ']')
}

// iovec prints an iovec array of n entries; each buffer is printed by
// data, with at most budget bytes in all (the bytes a read returned).
// An entry is two longs: iov_base and iov_len.
func (c *ctx) iovec(addr, n, budget uint64, asAddr bool) {
	ls := c.longSize()
	c.array(addr, n, 2*ls, true, func(c *ctx, e []byte) bool {
		base, l := c.ulongOf(e), c.ulongOf(e[ls:])
		show := min(l, budget)
		if budget != ^uint64(0) {
			budget -= show
		}
		c.str("{iov_base=")
		if asAddr {
			c.ptr(base)
		} else {
			c.strN(base, show)
		}
		c.str(", iov_len=")
		c.ulong(l)
		c.b = append(c.b, '}')
		return true
	})
}

// aIovIn is an iovec array written by the call, count in argument n.
func aIovIn(n int) Arg {
	return aInStruct(func(c *ctx, v uint64) { c.iovec(v, c.a[n], ^uint64(0), false) })
}

// aIovOut is an iovec array the call filled with ret bytes.
func aIovOut(n int) Arg {
	return aOutStruct(func(c *ctx, v uint64) {
		if c.failed {
			c.iovec(v, c.a[n], ^uint64(0), true)
			return
		}
		c.iovec(v, c.a[n], uint64(c.ret), false)
	})
}
