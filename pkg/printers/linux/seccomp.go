package linux

import "github.com/guestrace/guestrace/pkg/printers"

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
func (c *ctx) sockFprog(addr uint64) { c.fprog(addr, true) }

// fprogSize is the size of a struct sock_fprog: an unsigned short len
// padded to a pointer, then the pointer.
func (c *ctx) fprogSize() int64 { return 2 * int64(c.longSize()) }

// fprog prints a struct sock_fprog of a seccomp filter (seccomp true) or
// of a socket filter.
func (c *ctx) fprog(addr uint64, seccomp bool) {
	ls := c.longSize()
	b := c.read(addr, 2*ls)
	if b == nil {
		return
	}
	n, filter := uint64(le16(b)), c.ulongOf(b[ls:])
	c.str("{len=")
	c.uint(n)
	c.str(", filter=")
	c.bpfFilter(filter, n, seccomp)
	c.b = append(c.b, '}')
}

// The seccomp notification ioctls (type '!'): SECCOMP_IOCTL_NOTIF_RECV
// fills a struct seccomp_notif, the others are read at entry.
const (
	seccompIocRecv         = 0xc0502100
	seccompIocSend         = 0xc0182101
	seccompIocIDValid      = 0x40082102
	seccompIocIDValidWrong = 0x80082102 // (the direction of Linux 5.0-5.16)
	seccompIocAddfd        = 0x40182103
)

// decSeccompIoctl prints the argument of a seccomp ioctl it knows, after
// the descriptor and request, and reports whether it did.
func (c *ctx) decSeccompIoctl(code uint32, arg uint64) bool {
	switch code {
	case seccompIocRecv:
		c.seccompNotif(arg)
		return true
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

const seccompNotifSize = 80

// seccompNotif prints SECCOMP_IOCTL_NOTIF_RECV's struct seccomp_notif:
// at exit; at entry too (then " => ") when the caller did not zero it.
func (c *ctx) seccompNotif(arg uint64) {
	if !c.exiting {
		c.sep()
		b := c.read(arg, seccompNotifSize)
		if b == nil {
			return
		}
		c.save(1, 0)
		for _, x := range b {
			if x != 0 {
				c.seccompNotifBytes(b)
				c.str(" => ")
				return
			}
		}
		return
	}
	if _, _, ok := c.saved(); !ok && c.st != nil {
		return
	}
	if b := c.read(arg, seccompNotifSize); b != nil {
		c.seccompNotifBytes(b)
	}
}

func (c *ctx) seccompNotifBytes(b []byte) {
	c.str("{id=")
	c.hex(le64(b))
	c.str(", pid=")
	c.int(uint64(le32(b[8:])))
	c.str(", flags=")
	c.hex(uint64(le32(b[12:])))
	nr, arch := uint64(le32(b[16:])), uint64(le32(b[20:]))
	c.str(", data={nr=")
	c.syscallName(nr, arch)
	c.str(", arch=")
	c.xval(xAuditArch, arch, "AUDIT_ARCH_???")
	c.str(", instruction_pointer=")
	c.ptr(le64(b[24:]))
	c.str(", args=[")
	for i := 0; i < 6; i++ {
		if i > 0 {
			c.sep()
		}
		c.hex(le64(b[32+8*i:]))
	}
	c.str("]}}")
}

// syscallName prints a call number of an audit architecture as strace
// does for a 64-bit process: __NR_name for x86-64's, the number with the
// name in a comment for i386's, the number for others.
func (c *ctx) syscallName(nr, arch uint64) {
	var s *Syscall
	ok := false
	switch arch {
	case auditArchX8664:
		s, ok = ByNumber(int(nr))
	case auditArchI386:
		s, ok = ia32ByNumber(int(nr))
	}
	native := arch == auditArchX8664
	if !ok || nr > 1<<31 {
		c.uint(nr)
		return
	}
	switch c.o.Style() {
	case printers.XlatRaw:
		c.uint(nr)
	case printers.XlatVerbose:
		c.uint(nr)
		if native {
			c.b = printers.AppendComment(c.b, "__NR_"+s.Name)
		} else {
			c.b = printers.AppendComment(c.b, s.Name)
		}
	default:
		if native {
			c.str("__NR_" + s.Name)
		} else {
			c.uint(nr)
			c.b = printers.AppendComment(c.b, s.Name)
		}
	}
}
