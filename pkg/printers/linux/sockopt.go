package linux

import (
	"net/netip"

	"github.com/guestrace/guestrace/pkg/printers"
)

// getsockopt and setsockopt as strace's net.c prints them: the level and
// the option by name, the value by what the option holds (an int, a
// struct linger, struct ucred, an errno, a classic BPF program, multicast
// requests, packet rings, an ICMP filter) and, for getsockopt, the length
// as it was and as the call left it.

// merged returns a table trying a's names, then b's.
func merged(a, b *printers.Xlat) *printers.Xlat {
	return &printers.Xlat{Entries: append(append([]printers.XlatEntry(nil), a.Entries...), b.Entries...)}
}

var (
	xGetsockOpts     = merged(xSockOptions, xGetsockOptions)
	xSetsockOpts     = merged(xSockOptions, xSetsockOptions)
	xGetsockIPOpts   = merged(xSockIpOptions, xGetsockIpOptions)
	xSetsockIPOpts   = merged(xSockIpOptions, xSetsockIpOptions)
	xGetsockIPv6Opts = merged(xSockIpv6Options, xGetsockIpv6Options)
	xSetsockIPv6Opts = merged(xSockIpv6Options, xSetsockIpv6Options)
)

// Options with values of their own.
const (
	soError                = 4
	soLinger               = 13
	soPeercred             = 17
	soAttachFilter         = 26
	soAttachReuseportCBPF  = 51
	soTxrehash             = 74
	ipAddMembership        = 35
	ipDropMembership       = 36
	mcastJoinGroup         = 42
	mcastLeaveGroup        = 45
	sockaddrStorageSize    = 128
	ipv6AddMembership      = 20
	ipv6DropMembership     = 21
	ipv6JoinAnycast        = 27
	ipv6LeaveAnycast       = 28
	packetAddMembership    = 1
	packetDropMembership   = 2
	packetRxRing           = 5
	packetStatistics       = 6
	packetTxRing           = 13
	icmpFilter             = 1
	netlinkListMemberships = 9
)

// Socket option levels.
const (
	solIP      = 0
	solSocket  = 1
	solTCP     = 6
	solUDP     = 17
	solIPv6    = 41
	solRaw     = 255
	solPacket  = 263
	solNetlink = 270
)

// soInts are the SOL_SOCKET options strace prints as an int.
var soInts = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, n := range []string{"SO_DEBUG", "SO_REUSEADDR", "SO_DONTROUTE",
		"SO_BROADCAST", "SO_SNDBUF", "SO_RCVBUF", "SO_KEEPALIVE",
		"SO_OOBINLINE", "SO_NO_CHECK", "SO_PRIORITY", "SO_BSDCOMPAT",
		"SO_REUSEPORT", "SO_PASSCRED", "SO_RCVLOWAT", "SO_SNDLOWAT",
		"SO_DETACH_FILTER", "SO_TIMESTAMP_OLD", "SO_ACCEPTCONN",
		"SO_SNDBUFFORCE", "SO_RCVBUFFORCE", "SO_PASSSEC",
		"SO_TIMESTAMPNS_OLD", "SO_MARK", "SO_TIMESTAMPING_OLD",
		"SO_RXQ_OVFL", "SO_WIFI_STATUS", "SO_PEEK_OFF", "SO_NOFCS",
		"SO_LOCK_FILTER", "SO_SELECT_ERR_QUEUE", "SO_BUSY_POLL",
		"SO_INCOMING_CPU", "SO_CNX_ADVICE", "SO_INCOMING_NAPI_ID",
		"SO_ZEROCOPY", "SO_TIMESTAMP_NEW", "SO_TIMESTAMPNS_NEW",
		"SO_TIMESTAMPING_NEW", "SO_DETACH_REUSEPORT_BPF",
		"SO_PREFER_BUSY_POLL", "SO_BUSY_POLL_BUDGET", "SO_RESERVE_MEM",
		"SO_RCVMARK"} {
		for _, x := range []*printers.Xlat{xGetsockOpts, xSetsockOpts} {
			for _, e := range x.Entries {
				if e.Name == n {
					m[e.Val] = true
				}
			}
		}
	}
	return m
}()

// sockoptName prints a socket option's level and name.
func (c *ctx) sockoptName(level, name uint64, get bool) {
	c.xval(xSocketlayers, level, "SOL_??")
	c.sep()
	switch level {
	case solSocket:
		c.xval(pick(get, xGetsockOpts, xSetsockOpts), name, "SO_???")
	case solIP:
		c.xval(pick(get, xGetsockIPOpts, xSetsockIPOpts), name, "IP_???")
	case solIPv6:
		c.xval(pick(get, xGetsockIPv6Opts, xSetsockIPv6Opts), name, "IPV6_???")
	case solTCP:
		c.xval(xSockTcpOptions, name, "TCP_???")
	case solUDP:
		c.xval(xSockUdpOptions, name, "UDP_???")
	case solRaw:
		c.xval(xSockRawOptions, name, "RAW_???")
	case solPacket:
		c.xval(xSockPacketOptions, name, "PACKET_???")
	case solNetlink:
		c.xval(xSockNetlinkOptions, name, "NETLINK_???")
	default:
		c.uint(name)
	}
}

func pick(get bool, a, b *printers.Xlat) *printers.Xlat {
	if get {
		return a
	}
	return b
}

// sockoptVal prints a value strace knows nothing more of: an int when
// it has an int's size, else its bytes.
func (c *ctx) sockoptVal(addr uint64, n int64) {
	if n == 4 {
		c.numAt(addr, 4, true)
		return
	}
	c.strN(addr, uint64(max(n, 0)))
}

// hexBytes prints n bytes at addr in hex (strace's printstr_ex with
// QUOTE_FORCE_HEX).
func (c *ctx) hexBytes(addr uint64, n int64) {
	c.strNStyle(addr, uint64(max(n, 0)), true)
}

func decSetsockopt(c *ctx) {
	if c.exiting {
		return
	}
	level, name, addr := uint32(c.a[1]), uint32(c.a[2]), c.a[3]
	n := int64(int32(c.a[4]))
	c.fd(c.a[0])
	c.sep()
	c.sockoptName(uint64(level), uint64(name), false)
	c.sep()
	c.setsockoptVal(level, name, addr, n)
	c.sep()
	c.int(c.a[4])
}

// intAtLeast prints [int] when n covers an int, else the address.
func (c *ctx) intAtLeast(addr uint64, n int64) {
	if n < 4 {
		c.ptr(addr)
		return
	}
	c.numAt(addr, 4, true)
}

func (c *ctx) setsockoptVal(level, name uint32, addr uint64, n int64) {
	if addr == 0 {
		c.ptr(0)
		return
	}
	switch {
	case level == solSocket && name == soLinger:
		if n < 8 {
			c.ptr(addr)
		} else if b := c.read(addr, 8); b != nil {
			c.linger(b, 8)
		}
		return
	case level == solSocket && (name == soAttachFilter || name == soAttachReuseportCBPF):
		if n != c.fprogSize() {
			c.ptr(addr)
		} else {
			c.fprog(addr, false)
		}
		return
	case level == solSocket && name == soTxrehash:
		c.txrehash(addr, n)
		return
	case level == solSocket && soInts[uint64(name)]:
		c.intAtLeast(addr, n)
		return
	case level == solIP && (name == ipAddMembership || name == ipDropMembership):
		if n < 8 {
			c.ptr(addr)
		} else if b := c.read(addr, 8); b != nil {
			var m [8]byte
			copy(m[:], b)
			c.str("{imr_multiaddr=")
			c.inetAddr(m[0:4])
			c.str(", imr_interface=")
			c.inetAddr(m[4:8])
			c.b = append(c.b, '}')
		}
		return
	case (level == solIP || level == solIPv6) && (name == mcastJoinGroup || name == mcastLeaveGroup):
		// struct group_req: gr_group is aligned to a long.
		off := c.longSize()
		if n < int64(off+sockaddrStorageSize) {
			c.ptr(addr)
		} else if b := c.read(addr, off+sockaddrStorageSize); b != nil {
			c.str("{gr_interface=")
			c.uint(uint64(le32(b)))
			c.str(", gr_group=")
			c.sockaddr(addr+uint64(off), sockaddrStorageSize)
			c.b = append(c.b, '}')
		}
		return
	case level == solIPv6 && (name == ipv6AddMembership || name == ipv6DropMembership ||
		name == ipv6JoinAnycast || name == ipv6LeaveAnycast):
		if n < 20 {
			c.ptr(addr)
		} else if b := c.read(addr, 20); b != nil {
			var a [16]byte
			copy(a[:], b)
			ifindex := le32(b[16:])
			c.b = append(c.b, '{')
			// -X raw and verbose name the field and show its bytes;
			// the address is inet_pton's call, whole or in the comment.
			pton := func(field string) {
				c.str("inet_pton(AF_INET6, \"")
				c.b = netip.AddrFrom16(a).AppendTo(c.b)
				c.b = append(c.b, '"')
				c.str(field)
				c.b = append(c.b, ')')
			}
			raw := func() {
				c.name("ipv6mr_multiaddr")
				c.b = printers.AppendHexQuoted(c.b, a[:], len(a), false)
			}
			if !c.styled(raw, func() { pton("") }) {
				pton(", &ipv6mr_multiaddr")
			}
			c.str(", ipv6mr_interface=")
			c.uint(uint64(ifindex))
			c.b = append(c.b, '}')
		}
		return
	case level == solPacket && (name == packetRxRing || name == packetTxRing):
		var b [16]byte
		if n != 16 || printers.ReadFull(c.m, addr, b[:]) != nil {
			c.ptr(addr)
			return
		}
		for i, f := range [...]string{"{tp_block_size=", ", tp_block_nr=", ", tp_frame_size=", ", tp_frame_nr="} {
			c.str(f)
			c.uint(uint64(le32(b[4*i:])))
		}
		c.b = append(c.b, '}')
		return
	case level == solPacket && (name == packetAddMembership || name == packetDropMembership):
		var b [16]byte
		if n != 16 || printers.ReadFull(c.m, addr, b[:]) != nil {
			c.ptr(addr)
			return
		}
		alen := min(int(le16(b[6:])), 8)
		c.str("{mr_ifindex=")
		c.int(uint64(le32(b[0:])))
		c.str(", mr_type=")
		c.xval(xPacketMreqTypes, uint64(le16(b[4:])), "PACKET_MR_???")
		c.str(", mr_alen=")
		c.uint(uint64(le16(b[6:])))
		c.str(", mr_address=")
		c.macAddr(b[8:8+alen], alen)
		c.b = append(c.b, '}')
		return
	case level == solRaw && name == icmpFilter:
		c.icmpFilter(addr, n)
		return
	case level == solNetlink:
		c.intAtLeast(addr, n)
		return
	}
	c.sockoptVal(addr, n)
}

// inetAddr prints an IPv4 address: inet_addr("127.0.0.1"), under -X
// raw its bytes.
func (c *ctx) inetAddr(b []byte) {
	abbrev := func() {
		c.str("inet_addr(\"")
		c.b = netip.AddrFrom4([4]byte(b)).AppendTo(c.b)
		c.str("\")")
	}
	if !c.styled(func() { c.b = printers.AppendHexQuoted(c.b, b, len(b), false) }, abbrev) {
		abbrev()
	}
}

// linger prints the n bytes read of a struct linger.
func (c *ctx) linger(b []byte, n int) {
	c.b = append(c.b, '{')
	c.partialFields(b, n, []string{"l_onoff", "l_linger"}, func(v uint32) { c.int(uint64(v)) })
	c.b = append(c.b, '}')
}

// partialFields prints the u32 fields named in names that n bytes of b
// cover, the one cut short as hex bytes (strace's MAYBE_PRINT_FIELD_LEN).
func (c *ctx) partialFields(b []byte, n int, names []string, each func(v uint32)) {
	for i, name := range names {
		start := 4 * i
		if n <= start {
			return
		}
		if i > 0 {
			c.sep()
		}
		c.name(name)
		if n >= start+4 {
			each(le32(b[start:]))
			continue
		}
		c.b = printers.AppendHexQuoted(c.b, b[start:n], n-start, false)
	}
}

// txrehash prints SO_TXREHASH's value: [SOCK_TXREHASH_ENABLED].
func (c *ctx) txrehash(addr uint64, n int64) {
	if n < 4 {
		if c.exiting {
			c.hexBytes(addr, n)
		} else {
			c.ptr(addr)
		}
		return
	}
	if b := c.read(addr, 4); b != nil {
		c.b = append(c.b, '[')
		c.xvalD(xSockTxrehash, uint64(int64(int32(le32(b)))), "SOCK_TXREHASH_???")
		c.b = append(c.b, ']')
	}
}

// icmpFilter prints a struct icmp_filter: the ICMP types it filters, or
// with '~' those it lets through when most are filtered.
func (c *ctx) icmpFilter(addr uint64, n int64) {
	if n <= 0 {
		c.ptr(addr)
		return
	}
	var b = [4]byte{0xff, 0xff, 0xff, 0xff}
	if !c.readInto(addr, b[:min(n, 4)]) {
		return
	}
	v := le32(b[:])
	ones := 0
	for i := 0; i < 32; i++ {
		ones += int(v >> i & 1)
	}
	if ones > 16 {
		v = ^v
		c.b = append(c.b, '~')
	}
	c.b = append(c.b, '[')
	first := true
	for i := 0; i < 32; i++ {
		if v>>i&1 == 0 {
			continue
		}
		if !first {
			c.b = append(c.b, ' ')
		}
		first = false
		c.xval(xIcmpFilterFlags, uint64(i), "ICMP_???")
	}
	c.b = append(c.b, ']')
}

func decGetsockopt(c *ctx) {
	level, name, addr := uint32(c.a[1]), uint32(c.a[2]), c.a[3]
	if !c.exiting {
		c.fd(c.a[0])
		c.sep()
		c.sockoptName(uint64(level), uint64(name), true)
		c.sep()
		c.saveLen(c.a[4])
		if _, _, ok := c.saved(); !ok && c.st != nil {
			// strace prints both addresses when it cannot read the
			// length at entry, and nothing at exit.
			c.ptr(addr)
			c.sep()
			c.ptr(c.a[4])
		}
		return
	}
	if _, _, ok := c.saved(); !ok && c.st != nil {
		return
	}
	in, rlen, ok := c.exitLen(c.a[4])
	if !ok {
		c.ptr(addr)
		c.sep()
		c.entryLen(c.a[4])
		return
	}
	c.getsockoptVal(level, name, addr, in, rlen)
	c.lenPair(in, rlen)
}

func (c *ctx) getsockoptVal(level, name uint32, addr uint64, ulen, rlen int64) {
	if ulen <= 0 || rlen <= 0 || addr == 0 {
		c.ptr(addr)
		return
	}
	switch {
	case level == solSocket && name == soLinger:
		n := int(min(rlen, 8))
		var b [8]byte
		if c.readInto(addr, b[:n]) {
			c.linger(b[:], n)
		}
		return
	case level == solSocket && name == soPeercred:
		n := int(min(rlen, 12))
		var b [12]byte
		if c.readInto(addr, b[:n]) {
			c.b = append(c.b, '{')
			i := 0
			c.partialFields(b[:], n, []string{"pid", "uid", "gid"}, func(v uint32) {
				if i == 0 {
					c.int(uint64(v))
				} else {
					c.uid(uint64(v))
				}
				i++
			})
			c.b = append(c.b, '}')
		}
		return
	case level == solSocket && name == soAttachFilter:
		if uint64(uint16(rlen)) == uint64(rlen) {
			c.bpfFilter(addr, uint64(rlen), false)
		} else {
			c.ptr(addr)
		}
		return
	case level == solSocket && name == soError:
		if rlen < 4 {
			c.hexBytes(addr, rlen)
		} else if b := c.read(addr, 4); b != nil {
			c.b = append(c.b, '[')
			e := uint64(le32(b))
			if _, named := ErrnoName(e); !named || !c.styled(func() { c.ulong(e) }, func() { c.errnoArg(e) }) {
				c.errnoArg(e)
			}
			c.b = append(c.b, ']')
		}
		return
	case level == solSocket && name == soTxrehash:
		c.txrehash(addr, rlen)
		return
	case level == solSocket && soInts[uint64(name)]:
		if rlen >= 4 {
			c.numAt(addr, 4, true)
		} else {
			c.hexBytes(addr, rlen)
		}
		return
	case level == solPacket && name == packetStatistics:
		n := int(min(rlen, 12))
		var b [12]byte
		if c.readInto(addr, b[:n]) {
			c.b = append(c.b, '{')
			c.partialFields(b[:], n, []string{"tp_packets", "tp_drops", "tp_freeze_q_cnt"}, func(v uint32) { c.uint(uint64(v)) })
			c.b = append(c.b, '}')
		}
		return
	case level == solRaw && name == icmpFilter:
		c.icmpFilter(addr, rlen)
		return
	case level == solNetlink && name == netlinkListMemberships:
		c.array(addr, uint64(min(ulen, rlen))/4, 4, false, func(c *ctx, e []byte) bool {
			c.uint(uint64(le32(e)))
			return true
		})
		return
	case level == solNetlink:
		c.numAt(addr, 4, true)
		return
	}
	c.sockoptVal(addr, rlen)
}
