package linux

import "github.com/guestrace/guestrace/pkg/printers"

// getcwd's buffer holds ret-1 bytes and a NUL.
var aCwdOut = aOutStruct(func(c *ctx, v uint64) {
	if c.failed {
		c.ptr(v)
		return
	}
	c.strZ(v, int(min(max(c.ret-1, 0), pathMax-1)))
})

// dents prints a directory listing as strace does without -v: its address
// and how many entries it holds. header is the size of an entry's fixed
// part, reclen where its d_reclen is.
func (c *ctx) dents(addr uint64, header, reclenAt int) {
	count := uint64(uint32(c.a[2]))
	if c.failed || uint64(c.ret) > count {
		c.ptr(addr)
		return
	}
	c.ptr(addr)
	n, left := 0, uint64(c.ret)
	var h [19]byte
	for left >= uint64(header) && n < 1<<16 {
		if printers.ReadFull(c.m, addr, h[:header]) != nil {
			break
		}
		n++
		reclen := uint64(le16(h[reclenAt:]))
		switch {
		case reclen > left:
			reclen = left
		case reclen < uint64(header):
			reclen = uint64(header)
		}
		left -= reclen
		addr += reclen
	}
	c.str(" /* ")
	c.b = printers.AppendInt(c.b, int64(n))
	if left != 0 {
		c.b = append(c.b, '+')
	}
	c.str(" entries */")
}

// dents64Verbose prints a getdents64 listing whole, as strace -v does.
func (c *ctx) dents64Verbose(addr uint64) {
	count := uint64(uint32(c.a[2]))
	if c.failed || uint64(c.ret) > count {
		c.ptr(addr)
		return
	}
	const header = 19
	left := uint64(c.ret)
	var h [header]byte
	n := 0
	for ; n < 1<<16; n++ {
		if left < header {
			if left == 0 {
				if n == 0 {
					c.b = append(c.b, '[')
					n++
				}
			} else {
				c.strNStyle(addr, left, true)
			}
			break
		}
		if printers.ReadFull(c.m, addr, h[:]) != nil {
			if n > 0 {
				c.str("... /* ")
				c.hex(addr)
				c.str(" */")
			} else {
				c.ptr(addr)
			}
			break
		}
		if n == 0 {
			c.b = append(c.b, '[')
		}
		reclen := uint64(le16(h[16:]))
		c.str("{d_ino=")
		c.ulong(le64(h[:]))
		c.str(", d_off=")
		c.ulong(le64(h[8:]))
		c.str(", d_reclen=")
		c.ulong(reclen)
		var next uint64
		switch {
		case reclen > left:
			c.str(" /* ")
			c.ulong(reclen - left)
			c.str(" bytes overflow */")
			reclen = left
			left = 0
		case reclen < header:
			c.str(" /* ")
			c.ulong(header - reclen)
			c.str(" bytes underflow */")
			reclen = header
			left -= header
			next = addr + header
		default:
			left -= reclen
			if left != 0 {
				next = addr + reclen
			}
		}
		c.str(", d_type=")
		c.xval(xDirentTypes, uint64(h[18]), "DT_???")
		rc := 0
		if nameLen := reclen - header; nameLen > 0 {
			c.str(", d_name=")
			if nameLen > 256 {
				nameLen = 256
			}
			rc = c.pathN(addr+header, int(nameLen)-1)
		}
		c.b = append(c.b, '}')
		if next == 0 {
			n++
			break
		}
		c.sep()
		if rc < 0 {
			c.str("...")
			n++
			break
		}
		addr = next
	}
	if n > 0 {
		c.b = append(c.b, ']')
	}
}

var (
	aDents64 = aOutStruct(func(c *ctx, v uint64) {
		if c.verbose() {
			c.dents64Verbose(v)
			return
		}
		c.dents(v, 19, 16)
	})
	// struct linux_dirent: d_ino and d_off, two longs, then d_reclen.
	aDents = aOutStruct(func(c *ctx, v uint64) { c.dents(v, 2*c.longSize()+2, 2*c.longSize()) })
)
