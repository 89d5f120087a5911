package linux

import (
	"encoding/binary"
	"net/netip"

	"github.com/guestrace/guestrace/pkg/printers"
)

const (
	afUnix    = 1
	afInet    = 2
	afInet6   = 10
	afNetlink = 16
	afPacket  = 17

	sockTypeMask    = 0xf
	sockaddrStorage = 128
)

// sockType prints socket's type argument: SOCK_STREAM|SOCK_CLOEXEC.
func (c *ctx) sockType(v uint64) {
	v = uint64(uint32(v))
	if name, ok := xSocktypes.Lookup(v & sockTypeMask); ok {
		c.str(name)
		v &^= sockTypeMask
		if v == 0 {
			return
		}
		c.b = append(c.b, '|')
	}
	c.flags(xSockTypeFlags, v, "SOCK_???")
}

// decSocket prints socket(2) and socketpair(2)'s domain, type and protocol.
func (c *ctx) sockDomainTypeProto() {
	c.xval(xAddrfams, c.a[0], "AF_???")
	c.sep()
	c.sockType(c.a[1])
	c.sep()
	switch c.a[0] {
	case afInet, afInet6:
		c.xval(xInetProtocols, c.a[2], "IPPROTO_???")
	case afNetlink:
		c.xval(xNetlinkProtocols, c.a[2], "NETLINK_???")
	case afPacket:
		c.str("htons(")
		c.hex(uint64(binary.BigEndian.Uint16([]byte{byte(c.a[2]), byte(c.a[2] >> 8)})))
		c.b = append(c.b, ')')
	default:
		c.uint(c.a[2])
	}
}

func decSocket(c *ctx) {
	if !c.exiting {
		c.sockDomainTypeProto()
	}
}

// sockaddr prints the socket address of length n at addr.
func (c *ctx) sockaddr(addr uint64, n int64) {
	if n < 2 {
		c.ptr(addr)
		return
	}
	n = min(n, sockaddrStorage)
	raw := c.read(addr, int(n))
	if raw == nil {
		return
	}
	// Zero-padded as strace's buffer is, for fixed-size views.
	var sa [sockaddrStorage + 1]byte
	copy(sa[:], raw)
	family := uint64(le16(sa[:]))
	c.str("{sa_family=")
	c.xval(xAddrfams, family, "AF_???")
	if n <= 2 {
		c.b = append(c.b, '}')
		return
	}
	c.sep()
	switch {
	case family == afUnix:
		pathLen := int(min(n, 110)) - 2
		c.name("sun_path")
		path := sa[2 : 2+pathLen]
		if path[0] != 0 {
			end := 0
			for end < len(path) && path[end] != 0 {
				end++
			}
			c.quote(path[:end], len(path), false)
		} else {
			c.b = append(c.b, '@')
			c.quote(path[1:], len(path), false)
		}
	case family == afInet && n >= 16:
		c.str("sin_port=htons(")
		c.ulong(uint64(binary.BigEndian.Uint16(sa[2:])))
		c.str("), sin_addr=inet_addr(\"")
		c.b = netip.AddrFrom4([4]byte(sa[4:8])).AppendTo(c.b)
		c.str("\")")
	case family == afInet6 && n >= 24:
		c.str("sin6_port=htons(")
		c.ulong(uint64(binary.BigEndian.Uint16(sa[2:])))
		c.str("), sin6_flowinfo=htonl(")
		c.ulong(uint64(binary.BigEndian.Uint32(sa[4:])))
		c.str("), inet_pton(AF_INET6, \"")
		c.b = netip.AddrFrom16([16]byte(sa[8:24])).AppendTo(c.b)
		c.str("\", &sin6_addr)")
		if n > 24 {
			c.str(", sin6_scope_id=")
			c.ulong(uint64(le32(sa[24:])))
		}
	case family == afNetlink && n >= 12:
		if pad := le16(sa[2:]); pad != 0 {
			c.name("nl_pad")
			c.hex(uint64(pad))
			c.sep()
		}
		c.name("nl_pid")
		c.int(uint64(le32(sa[4:])))
		c.str(", nl_groups=")
		if g := le32(sa[8:]); g == 0 {
			c.str("00000000")
		} else {
			c.str("0x")
			const hex = "0123456789abcdef"
			for i := 28; i >= 0; i -= 4 {
				c.b = append(c.b, hex[g>>i&15])
			}
		}
	default:
		c.name("sa_data")
		c.quote(sa[2:n], int(n), false)
	}
	c.b = append(c.b, '}')
}

// aSockaddrIn is a socket address at entry whose length is argument n.
func aSockaddrIn(n int) Arg {
	return aInStruct(func(c *ctx, v uint64) { c.sockaddr(v, int64(int32(c.a[n]))) })
}

// saveLen keeps, at entry, the length a value-result *lenp holds, for
// exitLen to show what the call changed it to.
func (c *ctx) saveLen(lenp uint64) {
	if l := c.mem(4); lenp != 0 && printers.ReadFull(c.m, lenp, l) == nil {
		c.save(uint64(le32(l)), 0)
	}
}

// exitLen reads, at exit, the length the call left in *lenp, and the one
// saveLen kept at entry (the same when entry could not read it). ok is
// false when the call failed or *lenp is unreadable.
func (c *ctx) exitLen(lenp uint64) (in, out int64, ok bool) {
	rl := c.mem(4) // (scratch: an array here would escape through c.m)
	if c.failed || printers.ReadFull(c.m, lenp, rl) != nil {
		return 0, 0, false
	}
	out = int64(int32(le32(rl)))
	in = out
	if ulen, _, hasIn := c.saved(); hasIn {
		in = int64(int32(ulen))
	}
	return in, out, true
}

// entryLen prints the length as entry saw it, [n], or lenp when entry
// could not read it.
func (c *ctx) entryLen(lenp uint64) {
	ulen, _, hasIn := c.saved()
	if !hasIn {
		c.ptr(lenp)
		return
	}
	c.b = append(c.b, '[')
	c.int(ulen)
	c.b = append(c.b, ']')
}

// lenPair prints ", [in => out]", or ", [out]" when the call kept it.
func (c *ctx) lenPair(in, out int64) {
	c.str(", [")
	if in != out {
		c.b = printers.AppendInt(c.b, in)
		c.str(" => ")
	}
	c.b = printers.AppendInt(c.b, out)
	c.b = append(c.b, ']')
}

// decSockname is strace's decode_sockname (accept, getsockname,
// getpeername): fd at entry; the address and "[in => out]" length at exit.
func decSockname(c *ctx) {
	addr, lenp := c.a[1], c.a[2]
	if !c.exiting {
		c.fd(c.a[0])
		c.sep()
		if addr != 0 {
			c.saveLen(lenp)
		}
		return
	}
	if addr == 0 || lenp == 0 {
		c.ptr(addr)
		c.sep()
		c.ptr(lenp)
		return
	}
	in, out, ok := c.exitLen(lenp)
	if !ok {
		c.ptr(addr)
		c.sep()
		c.entryLen(lenp)
		return
	}
	c.sockaddr(addr, min(in, out))
	c.lenPair(in, out)
}

// decAccept4 adds accept4's flags.
func decAccept4(c *ctx) {
	decSockname(c)
	if c.exiting {
		c.sep()
		c.flags(xSockTypeFlags, c.a[3], "SOCK_???")
	}
}

// decSocketpair prints socketpair's arguments and, at exit, the pair.
func decSocketpair(c *ctx) {
	if !c.exiting {
		c.sockDomainTypeProto()
		c.sep()
		return
	}
	c.intPair(c.a[3])
}

// intPair prints the two ints the call wrote at addr: [3, 4].
func (c *ctx) intPair(addr uint64) {
	if b := c.read(addr, 8); b != nil {
		c.b = append(c.b, '[')
		c.fd(uint64(le32(b)))
		c.sep()
		c.fd(uint64(le32(b[4:])))
		c.b = append(c.b, ']')
	}
}

var aMsgFlags = aFlags32(xMsgFlags, "MSG_???")

// decRecvfrom prints recvfrom: the bytes received, and the sender's address
// with its length as it was and as the call left it.
func decRecvfrom(c *ctx) {
	addr, lenp := c.a[4], c.a[5]
	if !c.exiting {
		c.fd(c.a[0])
		c.sep()
		if addr != 0 {
			c.saveLen(lenp)
		}
		return
	}
	c.outStr(c.a[1])
	c.sep()
	c.ulong(c.a[2])
	c.sep()
	c.flags(xMsgFlags, uint64(uint32(c.a[3])), "MSG_???")
	c.sep()
	if c.failed && addr != 0 && lenp != 0 && c.readable(lenp, 4) {
		// strace prints the length entry read: [16].
		c.ptr(addr)
		c.str(", [")
		ulen, _, _ := c.saved()
		c.int(ulen)
		c.b = append(c.b, ']')
		return
	}
	var in, out int64
	ok := false
	if addr != 0 && lenp != 0 {
		in, out, ok = c.exitLen(lenp)
	}
	if !ok {
		c.ptr(addr)
		c.sep()
		c.ptr(lenp)
		return
	}
	c.sockaddr(addr, min(in, out))
	c.lenPair(in, out)
}

// msghdr prints a struct msghdr; data bounds the bytes shown of its iovec
// (what a receive returned).
func (c *ctx) msghdr(addr uint64, data uint64, iovAsAddr bool) {
	m := c.read(addr, c.msghdrSize())
	if m == nil {
		return
	}
	var h [56]byte
	copy(h[:], m)
	c.msghdrOf(h[:], data, iovAsAddr)
}

// msghdrSize is the size of a struct msghdr: seven longs' places (the
// int msg_namelen and msg_flags padded to a long).
func (c *ctx) msghdrSize() int { return 7 * c.longSize() }

// msghdrOf prints the struct msghdr held in h (msghdrSize bytes).
func (c *ctx) msghdrOf(h []byte, data uint64, iovAsAddr bool) {
	ls := c.longSize()
	name, namelen := c.ulongOf(h), le32(h[ls:])
	iov, iovlen := c.ulongOf(h[2*ls:]), c.ulongOf(h[3*ls:])
	ctl, ctllen := c.ulongOf(h[4*ls:]), c.ulongOf(h[5*ls:])
	c.str("{msg_name=")
	if name == 0 {
		c.str("NULL")
	} else {
		c.sockaddr(name, int64(int32(namelen)))
	}
	c.str(", msg_namelen=")
	c.int(uint64(namelen))
	c.str(", msg_iov=")
	c.iovec(iov, iovlen, data, iovAsAddr)
	c.str(", msg_iovlen=")
	c.ulong(iovlen)
	if ctllen != 0 {
		c.str(", msg_control=")
		c.msgControl(ctl, ctllen)
	}
	c.str(", msg_controllen=")
	c.ulong(ctllen)
	c.str(", msg_flags=")
	c.flags(xMsgFlags, uint64(le32(h[6*ls:])), "MSG_???")
	c.b = append(c.b, '}')
}

var (
	aMsghdrIn  = aInStruct(func(c *ctx, v uint64) { c.msghdr(v, ^uint64(0), false) })
	aMsghdrOut = aOutStruct(func(c *ctx, v uint64) {
		if c.failed {
			c.ptr(v)
			return
		}
		c.msghdr(v, uint64(c.ret), false)
	})
)

// readable reports whether n bytes at addr can be read now.
func (c *ctx) readable(addr uint64, n int) bool {
	return addr != 0 && printers.ReadFull(c.m, addr, c.mem(n)) == nil
}
