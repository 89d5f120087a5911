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
			c.b = printers.AppendQuoted(c.b, path[:end], len(path), false)
		} else {
			c.b = append(c.b, '@')
			c.b = printers.AppendQuoted(c.b, path[1:], len(path), false)
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
		c.b = printers.AppendQuoted(c.b, sa[2:n], int(n), false)
	}
	c.b = append(c.b, '}')
}

// aSockaddrIn is a socket address at entry whose length is argument n.
func aSockaddrIn(n int) Arg {
	return aInStruct(func(c *ctx, v uint64) { c.sockaddr(v, int64(int32(c.a[n]))) })
}

// decSockname is strace's decode_sockname (accept, getsockname,
// getpeername): fd at entry; the address and "[in => out]" length at exit.
func decSockname(c *ctx) {
	addr, lenp := c.a[1], c.a[2]
	if !c.exiting {
		c.fd(c.a[0])
		c.sep()
		if addr != 0 && lenp != 0 {
			var l [4]byte
			if printers.ReadFull(c.m, lenp, l[:]) == nil {
				c.save(uint64(le32(l[:])), 0)
			}
		}
		return
	}
	ulen, _, hasIn := c.saved()
	var rl [4]byte
	if addr == 0 || lenp == 0 {
		c.ptr(addr)
		c.sep()
		c.ptr(lenp)
		return
	}
	if c.failed || printers.ReadFull(c.m, lenp, rl[:]) != nil {
		c.ptr(addr)
		c.sep()
		if hasIn {
			c.b = append(c.b, '[')
			c.int(ulen)
			c.b = append(c.b, ']')
		} else {
			c.ptr(lenp)
		}
		return
	}
	rlen := int64(int32(le32(rl[:])))
	in := rlen
	if hasIn {
		in = int64(int32(ulen))
	}
	c.sockaddr(addr, min(in, rlen))
	c.str(", [")
	if in != rlen {
		c.b = printers.AppendInt(c.b, in)
		c.str(" => ")
	}
	c.b = printers.AppendInt(c.b, rlen)
	c.b = append(c.b, ']')
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
		c.int(uint64(le32(b)))
		c.sep()
		c.int(uint64(le32(b[4:])))
		c.b = append(c.b, ']')
	}
}
