package linux

// mqAttr prints a struct mq_attr, four longs, with mq_flags by name or
// in hex.
func (c *ctx) mqAttr(addr uint64, names bool) {
	ls := c.longSize()
	a := c.read(addr, 4*ls)
	if a == nil {
		return
	}
	c.str("{mq_flags=")
	if names {
		c.flags(xMqAttrFlags, c.slongOf(a), "O_???")
	} else {
		c.hex(c.slongOf(a))
	}
	c.str(", mq_maxmsg=")
	c.long(c.slongOf(a[ls:]))
	c.str(", mq_msgsize=")
	c.long(c.slongOf(a[2*ls:]))
	c.str(", mq_curmsgs=")
	c.long(c.slongOf(a[3*ls:]))
	c.b = append(c.b, '}')
}

// decMqOpen prints mq_open; the mode and attributes go with O_CREAT only.
func decMqOpen(c *ctx) {
	if c.exiting {
		return
	}
	c.path(c.a[0])
	c.sep()
	c.openFlags(uint64(uint32(c.a[1])))
	if c.a[1]&oCreat != 0 {
		c.sep()
		c.mode(c.a[2] & 0xffff)
		c.sep()
		c.mqAttr(c.a[3], false)
	}
}

var (
	aMqAttr    = aInStruct(func(c *ctx, v uint64) { c.mqAttr(v, true) })
	aMqAttrOut = aOutStruct(func(c *ctx, v uint64) { c.mqAttr(v, true) })
)
