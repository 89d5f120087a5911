package linux

import "github.com/guestrace/guestrace/pkg/printers"

const (
	mapType       = 0xf
	mapHugeShift  = 26
	mapHugeMask   = 0x3f << mapHugeShift
	mremapMaymove = 1
	mremapFixed   = 2
)

// mmapFlags prints mmap's flags as strace does: the mapping type, the other
// flags, then the huge page size as N<<MAP_HUGE_SHIFT.
func (c *ctx) mmapFlags(v uint64) {
	c.xval(xMmapFlags, v&mapType, "MAP_???")
	v &^= mapType
	huge := v & mapHugeMask
	v &^= mapHugeMask
	if v != 0 {
		c.b = append(c.b, '|')
		c.flags(xMmapFlags, v, "")
	}
	if huge != 0 {
		c.b = append(c.b, '|')
		c.ulong(huge >> mapHugeShift)
		c.str("<<MAP_HUGE_SHIFT")
	}
}

var aMmapFlags = argOf(printers.KindFlags, (*ctx).mmapFlags)

// decMremap prints mremap, with the new address only when it is used.
func decMremap(c *ctx) {
	if c.exiting {
		return
	}
	c.ptr(c.a[0])
	c.sep()
	c.ulong(c.a[1])
	c.sep()
	c.ulong(c.a[2])
	c.sep()
	c.flags(xMremapFlags, c.a[3], "MREMAP_???")
	if c.a[3]&(mremapMaymove|mremapFixed) == mremapMaymove|mremapFixed {
		c.sep()
		c.ptr(c.a[4])
	}
}

// pageSize is the x86-64 page size, for mincore's vector.
const pageSize = 4096

// aMincoreVec is mincore's vector: one 0 or 1 per page of the range.
var aMincoreVec = aOutStruct(func(c *ctx, v uint64) {
	n := c.a[1]/pageSize + min(c.a[1]%pageSize, 1)
	c.array(v, n, 1, false, func(c *ctx, e []byte) bool {
		c.uint(uint64(e[0] & 1))
		return true
	})
})
