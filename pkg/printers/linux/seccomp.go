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

// The seccomp notification ioctls (type '!') strace decodes at entry;
// SECCOMP_IOCTL_NOTIF_RECV's struct seccomp_notif is not decoded.
const (
	seccompIocSend         = 0xc0182101
	seccompIocIDValid      = 0x40082102
	seccompIocIDValidWrong = 0x80082102 // (the direction of Linux 5.0-5.16)
	seccompIocAddfd        = 0x40182103
)

// decSeccompIoctl prints the argument of a seccomp ioctl it knows, after
// the descriptor and request, and reports whether it did.
func (c *ctx) decSeccompIoctl(code uint32, arg uint64) bool {
	switch code {
	case seccompIocSend, seccompIocIDValid, seccompIocIDValidWrong, seccompIocAddfd:
	default:
		return false
	}
	if c.exiting {
		return true
	}
	c.sep()
	if code == seccompIocIDValid || code == seccompIocIDValidWrong {
		if b := c.read(arg, 8); b != nil {
			c.b = append(c.b, '[')
			c.hex(le64(b))
			c.b = append(c.b, ']')
		}
		return true
	}
	b := c.read(arg, 24)
	if b == nil {
		return true
	}
	c.str("{id=")
	c.hex(le64(b))
	if code == seccompIocSend {
		c.str(", val=")
		c.long(le64(b[8:]))
		c.str(", error=")
		c.negErrno(int64(int32(le32(b[16:]))))
		c.str(", flags=")
		c.flags(xSeccompRespFlags, uint64(le32(b[20:])), "SECCOMP_USER_NOTIF_FLAG_???")
	} else {
		c.str(", flags=")
		c.flags(xSeccompAddfdFlags, uint64(le32(b[8:])), "SECCOMP_ADDFD_FLAG_???")
		c.str(", srcfd=")
		c.fd(uint64(le32(b[12:])))
		c.str(", newfd=")
		c.int(uint64(le32(b[16:])))
		c.str(", newfd_flags=")
		c.flags(xOpenModeFlags, uint64(le32(b[20:])), "O_???")
	}
	c.b = append(c.b, '}')
	return true
}

// negErrno prints a negated errno, -EPERM, or the number when it names
// none (strace's print_err of a negated value).
func (c *ctx) negErrno(e int64) {
	name, ok := "", false
	if e < 0 {
		name, ok = ErrnoName(uint64(-e))
	}
	if !ok {
		c.long(uint64(e))
		return
	}
	if !c.styled(func() { c.long(uint64(e)) }, func() { c.str("-" + name) }) {
		c.str("-" + name)
	}
}
