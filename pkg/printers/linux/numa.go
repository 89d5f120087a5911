package linux

// NUMA policies (nodemasks, move_pages' arrays), process_vm_readv/writev,
// membarrier, landlock_create_ruleset and mount_setattr, as strace
// prints them.

// nodemask prints a node mask of maxnode bits as longs in hex, as
// strace's %#0*lx of a long's width prints them: [0x00000000000001,
// 0000000000000000] (a word of 0 has no 0x).
func (c *ctx) nodemask(addr, maxnode uint64) {
	ls := uint64(c.longSize())
	bits := 8 * ls
	n := (maxnode + bits - 2) / bits
	if n < maxnode/bits || (maxnode != 0 && n == 0) {
		c.ptr(addr)
		return
	}
	c.array(addr, n, int(ls), false, func(c *ctx, e []byte) bool {
		v := c.ulongOf(e)
		width := int(2 * ls)
		if v != 0 {
			c.str("0x")
			width -= 2
		}
		digits := 1
		for x := v >> 4; x != 0; x >>= 4 {
			digits++
		}
		for ; width > digits; width-- {
			c.b = append(c.b, '0')
		}
		c.hexDigits(v, digits)
		return true
	})
}

// hexDigits appends the n lowest hex digits of v.
func (c *ctx) hexDigits(v uint64, n int) {
	const digits = "0123456789abcdef"
	for i := n - 1; i >= 0; i-- {
		c.b = append(c.b, digits[(v>>(4*i))&0xf])
	}
}

var (
	// set_mempolicy(mode, nodemask, maxnode), mbind(..., nodemask, maxnode, ...)
	aNodemask1 = aInStruct(func(c *ctx, v uint64) { c.nodemask(v, c.a[2]) })
	aNodemask3 = aInStruct(func(c *ctx, v uint64) { c.nodemask(v, c.a[4]) })
	aNodemaskM = aInStruct(func(c *ctx, v uint64) { c.nodemask(v, c.a[1]) })
)

// decGetMempolicy prints everything at exit: the mode and the mask the
// call filled.
func decGetMempolicy(c *ctx) {
	if !c.exiting {
		return
	}
	if b := c.read(c.a[0], 4); b != nil {
		c.b = append(c.b, '[')
		c.xval(xMpolModes, uint64(le32(b)), "MPOL_???")
		c.b = append(c.b, ']')
	}
	c.sep()
	c.nodemask(c.a[1], c.a[2])
	c.sep()
	c.ulong(c.a[2])
	c.sep()
	c.ptr(c.a[3])
	c.sep()
	c.flags(xGetMempolicyFlags, c.a[4], "MPOL_???")
}

// decMovePages prints pages and nodes at entry, the status at exit.
func decMovePages(c *ctx) {
	n := c.a[1]
	if !c.exiting {
		c.int(c.a[0])
		c.sep()
		c.ulong(n)
		c.sep()
		c.array(c.a[2], n, c.longSize(), false, func(c *ctx, e []byte) bool { c.ptr(c.ulongOf(e)); return true })
		c.sep()
		c.array(c.a[3], n, 4, false, func(c *ctx, e []byte) bool { c.int(uint64(le32(e))); return true })
		c.sep()
		return
	}
	c.array(c.a[4], n, 4, false, func(c *ctx, e []byte) bool {
		s := int32(le32(e))
		if name, ok := ErrnoName(uint64(-int64(s))); s < 0 && ok {
			c.b = append(c.b, '-')
			c.str(name)
		} else {
			c.int(uint64(uint32(s)))
		}
		return true
	})
	c.sep()
	c.flags(xMovePagesFlags, uint64(uint32(c.a[5])), "MPOL_???")
}

// decProcessVM prints process_vm_readv (read true: the local vector is
// filled, printed at exit) and process_vm_writev; remote vectors are
// addresses in another process.
func decProcessVM(read bool) func(c *ctx) {
	return func(c *ctx) {
		if !c.exiting {
			c.int(c.a[0])
			c.sep()
			if read {
				return
			}
			c.iovec(c.a[1], c.a[2], ^uint64(0), false)
			c.sep()
			c.ulong(c.a[2])
			c.sep()
			c.iovec(c.a[3], c.a[4], ^uint64(0), true)
			c.sep()
			c.ulong(c.a[4])
			c.sep()
			c.ulong(c.a[5])
			return
		}
		if !read {
			return
		}
		if c.failed {
			c.ptr(c.a[1])
		} else {
			c.iovec(c.a[1], c.a[2], uint64(c.ret), false)
		}
		c.sep()
		c.ulong(c.a[2])
		c.sep()
		c.iovec(c.a[3], c.a[4], ^uint64(0), true)
		c.sep()
		c.ulong(c.a[4])
		c.sep()
		c.ulong(c.a[5])
	}
}

const membarrierCmdFlagCPU = 1

func decMembarrier(c *ctx) {
	if c.exiting {
		return
	}
	c.xval(xMembarrierCmds, uint64(uint32(c.a[0])), "MEMBARRIER_CMD_???")
	c.sep()
	flags := uint64(uint32(c.a[1]))
	c.flags(xMembarrierFlags, flags, "MEMBARRIER_CMD_FLAG_???")
	if flags&membarrierCmdFlagCPU != 0 {
		c.sep()
		c.int(c.a[2])
	}
}

// membarrierRet is MEMBARRIER_CMD_QUERY's answer: the commands, in hex
// and by name.
func membarrierRet(c *ctx) {
	if uint32(c.a[0]) != 0 || c.ret == 0 {
		c.long(uint64(c.ret))
		return
	}
	c.hex(uint64(c.ret))
	c.str(" (")
	c.flags(xMembarrierCmds, uint64(c.ret), "")
	c.b = append(c.b, ')')
}

// landlockRuleset prints a struct landlock_ruleset_attr of size bytes.
func (c *ctx) landlockRuleset(addr uint64) {
	size := c.a[1]
	if size < 8 {
		c.ptr(addr)
		return
	}
	b := c.read(addr, 8)
	if b == nil {
		return
	}
	c.str("{handled_access_fs=")
	c.flags(xLandlockAccessFs, le64(b), "LANDLOCK_ACCESS_FS_???")
	if size > 8 {
		c.str(", ...")
	}
	c.b = append(c.b, '}')
}

var aLandlockRuleset = aInStruct((*ctx).landlockRuleset)

const (
	mountAttrSizeVer0 = 32
	mountAttrIdmap    = 0x100000
)

// mountAttr prints mount_setattr's struct mount_attr.
func (c *ctx) mountAttr(addr uint64) {
	size := c.a[4]
	if size < mountAttrSizeVer0 {
		c.ptr(addr)
		return
	}
	b := c.read(addr, mountAttrSizeVer0)
	if b == nil {
		return
	}
	set, clr := le64(b), le64(b[8:])
	c.str("{attr_set=")
	c.flags(xMountAttrFlags, set, "MOUNT_ATTR_???")
	c.str(", attr_clr=")
	c.flags(xMountAttrFlags, clr, "MOUNT_ATTR_???")
	c.str(", propagation=")
	c.xval(xMountPropagation, le64(b[16:]), "MS_???")
	c.str(", userns_fd=")
	fd := le64(b[24:])
	if fd > 1<<31-1 || (set|clr)&mountAttrIdmap == 0 {
		c.ulong(fd)
	} else {
		c.fd(fd)
	}
	c.b = append(c.b, '}')
}

var aMountAttr = aInStruct((*ctx).mountAttr)
