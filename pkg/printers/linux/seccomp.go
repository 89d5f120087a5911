package linux

// seccomp(2) as strace's seccomp.c prints it: the flags of
// SECCOMP_SET_MODE_FILTER and its struct sock_fprog, the action
// SECCOMP_GET_ACTION_AVAIL asks about, the sizes SECCOMP_GET_NOTIF_SIZES
// returns.

const (
	seccompModeStrict     = 1 // prctl(PR_SET_SECCOMP)'s modes
	seccompModeFilter     = 2
	seccompSetModeFilter  = 1
	seccompGetActionAvail = 2
	seccompGetNotifSizes  = 3
)

func decSeccomp(c *ctx) {
	op, flags, addr := uint32(c.a[0]), uint64(uint32(c.a[1])), c.a[2]
	if op == seccompGetNotifSizes && c.exiting {
		if b := c.read(addr, 6); b != nil {
			c.str("{seccomp_notif=")
			c.uint(uint64(le16(b)))
			c.str(", seccomp_notif_resp=")
			c.uint(uint64(le16(b[2:])))
			c.str(", seccomp_data=")
			c.uint(uint64(le16(b[4:])))
			c.b = append(c.b, '}')
		}
		return
	}
	if c.exiting {
		return
	}
	c.xval(xSeccompOps, uint64(op), "SECCOMP_SET_MODE_???")
	c.sep()
	switch op {
	case seccompGetActionAvail:
		c.hex(flags)
		c.sep()
		if b := c.read(addr, 4); b != nil {
			c.b = append(c.b, '[')
			c.xval(xSeccompRetActions, uint64(le32(b)), "SECCOMP_RET_???")
			c.b = append(c.b, ']')
		}
	case seccompGetNotifSizes:
		c.hex(flags)
		c.sep()
	case seccompSetModeFilter:
		c.flags(xSeccompFilterFlags, flags, "SECCOMP_FILTER_FLAG_???")
		c.sep()
		c.sockFprog(addr)
	default:
		c.hex(flags)
		c.sep()
		c.ptr(addr)
	}
}

// sockFprog prints a seccomp filter's struct sock_fprog, {len=N,
// filter=...}.
func (c *ctx) sockFprog(addr uint64) {
	b := c.read(addr, 16)
	if b == nil {
		return
	}
	n, filter := uint64(le16(b)), le64(b[8:])
	c.str("{len=")
	c.uint(n)
	c.str(", filter=")
	c.bpfFilter(filter, n, true)
	c.b = append(c.b, '}')
}
