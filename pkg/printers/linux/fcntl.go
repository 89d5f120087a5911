package linux

// fcntl commands whose argument the decoder prints specially.
const (
	fDupfd        = 0
	fGetfd        = 1
	fSetfd        = 2
	fGetfl        = 3
	fSetfl        = 4
	fGetlk        = 5
	fSetlk        = 6
	fSetlkw       = 7
	fSetown       = 8
	fGetown       = 9
	fSetsig       = 10
	fGetsig       = 11
	fSetownEx     = 15
	fGetownEx     = 16
	fOfdGetlk     = 36
	fOfdSetlk     = 37
	fOfdSetlkw    = 38
	fSetlease     = 1024
	fGetlease     = 1025
	fNotify       = 1026
	fDupfdCloexec = 1030
	fSetpipeSz    = 1031
	fGetpipeSz    = 1032
	fAddSeals     = 1033
	fGetSeals     = 1034
)

// flock prints a struct flock.
func (c *ctx) flock(addr uint64) {
	f := c.read(addr, 32)
	if f == nil {
		return
	}
	c.str("{l_type=")
	c.xval(xLockfcmds, uint64(le16(f)), "F_???")
	c.str(", l_whence=")
	c.xval(xWhenceCodes, uint64(le16(f[2:])), "SEEK_???")
	c.str(", l_start=")
	c.long(le64(f[8:]))
	c.str(", l_len=")
	c.long(le64(f[16:]))
	if c.exiting {
		c.str(", l_pid=")
		c.int(uint64(le32(f[24:])))
	}
	c.b = append(c.b, '}')
}

func (c *ctx) fOwnerEx(addr uint64) {
	f := c.read(addr, 8)
	if f == nil {
		return
	}
	c.str("{type=")
	c.xval(xFOwnerTypes, uint64(le32(f)), "F_OWNER_???")
	c.str(", pid=")
	c.int(uint64(le32(f[4:])))
	c.b = append(c.b, '}')
}

// decFcntl is strace's fcntl decoder: the argument as the command says.
func decFcntl(c *ctx) {
	cmd := uint32(c.a[1])
	arg := c.a[2]
	if !c.exiting {
		c.fd(c.a[0])
		c.sep()
		c.xval(xFcntlcmds, uint64(cmd), "F_???")
		switch cmd {
		case fSetfd:
			c.sep()
			c.flags(xFdflags, arg, "FD_???")
		case fSetown, fSetpipeSz, fDupfd, fDupfdCloexec:
			c.sep()
			c.int(arg)
		case fSetfl:
			c.sep()
			c.openFlags(uint64(uint32(arg)))
		case fSetlk, fSetlkw, fOfdSetlk, fOfdSetlkw:
			c.sep()
			c.flock(arg)
		case fSetownEx:
			c.sep()
			c.fOwnerEx(arg)
		case fNotify:
			c.sep()
			c.flags(xNotifyflags, arg, "DN_???")
		case fSetlease:
			c.sep()
			c.xval(xLockfcmds, arg, "F_???")
		case fAddSeals:
			c.sep()
			c.flags(xFSeals, arg, "F_SEAL_???")
		case fSetsig:
			c.sep()
			c.signal(int64(int32(arg)))
		case fGetfd, fGetfl, fGetown, fGetsig, fGetlease, fGetSeals, fGetpipeSz, fGetlk, fOfdGetlk, fGetownEx:
		default:
			c.sep()
			c.hex(arg)
		}
		return
	}
	switch cmd {
	case fGetlk, fOfdGetlk:
		c.sep()
		c.flock(arg)
	case fGetownEx:
		c.sep()
		c.fOwnerEx(arg)
	}
}

// fcntlRet prints the values F_GETFD, F_GETFL and the like return.
func fcntlRet(c *ctx) {
	v := uint64(c.ret)
	switch uint32(c.a[1]) {
	case fGetfd:
		if v == 0 {
			break
		}
		c.hex(v)
		c.str(" (flags ")
		c.flags(xFdflags, v, "")
		c.b = append(c.b, ')')
		return
	case fGetfl:
		c.hex(v)
		c.str(" (flags ")
		c.openFlags(uint64(uint32(v)))
		c.b = append(c.b, ')')
		return
	case fGetlease:
		c.hex(v)
		c.nameAfter(xLockfcmds, v)
		return
	case fGetSeals:
		if v == 0 {
			break
		}
		c.hex(v)
		c.str(" (seals ")
		c.flags(xFSeals, v, "")
		c.b = append(c.b, ')')
		return
	case fGetsig:
		c.long(v)
		if v != 0 {
			if name, ok := appendSigName(nil, int64(v)); ok {
				c.str(" (")
				c.b = append(c.b, name...)
				c.b = append(c.b, ')')
			}
		}
		return
	case fDupfd, fDupfdCloexec:
		c.fd(v) // a new descriptor: its path under -y
		return
	}
	c.long(v)
}
