package linux

import "github.com/guestrace/guestrace/pkg/printers"

// Control messages of sendmsg and recvmsg (strace's decode_msg_control):
// SCM_RIGHTS' descriptors, SCM_CREDENTIALS' struct ucred, SCM_SECURITY's
// context; other types by name.

const (
	optmemMax   = 20480 // net.core.optmem_max's default: the most read
	scmRights   = 1
	scmCreds    = 2
	scmSecurity = 3
)

// msgControl prints msg_control's messages, read in one piece of at most
// optmemMax bytes. A struct cmsghdr is a size_t cmsg_len and two ints,
// each message aligned to a long.
func (c *ctx) msgControl(addr, inLen uint64) {
	ls := uint64(c.longSize())
	cmsgHdrSize := ls + 8
	ctlLen := min(inLen, optmemMax)
	if ctlLen < cmsgHdrSize {
		c.ptr(addr)
		return
	}
	buf := c.mem(int(ctlLen)) // (nothing below reads memory again)
	if addr == 0 || printers.ReadFull(c.m, addr, buf) != nil {
		c.ptr(addr)
		return
	}
	c.b = append(c.b, '[')
	rest, off := ctlLen, uint64(0)
	for rest >= cmsgHdrSize {
		h := buf[off:]
		cmsgLen := c.ulongOf(h)
		level, typ := int32(le32(h[ls:])), le32(h[ls+4:])
		if off > 0 {
			c.sep()
		}
		c.str("{cmsg_len=")
		c.ulong(cmsgLen)
		c.str(", cmsg_level=")
		c.xval(xSocketlayers, uint64(uint32(level)), "SOL_???")
		c.str(", cmsg_type=")
		l := min(cmsgLen, rest)
		var data []byte
		if l > cmsgHdrSize {
			data = h[cmsgHdrSize:l]
		}
		c.cmsgData(level, typ, data)
		c.b = append(c.b, '}')
		if l < cmsgHdrSize {
			rest -= cmsgHdrSize
			break
		}
		// (cmsg_len is the guest's: rounded up near 2^64 it would wrap.)
		if cmsgLen >= rest {
			rest = 0
			break
		}
		l = (cmsgLen + ls - 1) &^ (ls - 1)
		if l >= rest {
			rest = 0
			break
		}
		off += l
		rest -= l
	}
	switch {
	case rest != 0:
		c.str(", ...")
		c.b = printers.AppendComment(c.b, string(printers.AppendPtr(nil, addr+ctlLen-rest)))
	case ctlLen < inLen:
		c.str(", ...")
	}
	c.b = append(c.b, ']')
}

// cmsgData prints a message's type and, for the types strace knows, its
// data.
func (c *ctx) cmsgData(level int32, typ uint32, data []byte) {
	switch level {
	case solSocket:
		c.xval(xScmvals, uint64(typ), "SCM_???")
		switch {
		case typ == scmRights && len(data) >= 4:
			c.str(", cmsg_data=[")
			for i := 0; i+4 <= len(data); i += 4 {
				if i > 0 {
					c.sep()
				}
				c.fd(uint64(le32(data[i:])))
			}
			c.b = append(c.b, ']')
		case typ == scmCreds && len(data) >= 12:
			c.str(", cmsg_data={pid=")
			c.int(uint64(le32(data)))
			c.str(", uid=")
			c.uid(uint64(le32(data[4:])))
			c.str(", gid=")
			c.uid(uint64(le32(data[8:])))
			c.b = append(c.b, '}')
		case typ == scmSecurity && len(data) >= 1:
			c.str(", cmsg_data=")
			c.b = printers.AppendQuoted(c.b, data, len(data), false)
		}
	case solIP:
		c.xval(xIPCmsgTypes, uint64(typ), "IP_???")
	default:
		c.hex(uint64(typ))
	}
}
