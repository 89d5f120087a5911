package printers

import (
	"bytes"
	"strconv"
)

// Socket is what a socket descriptor is, as the kernel's sock_diag
// reports it: the facts strace's -yy prints. Its fields are those of
// guestos.SockInfo (the tracer converts one into the other). Untrusted
// guest values.
type Socket struct {
	Ino      uint64   // the socket's inode number
	Proto    [32]byte // its protocol's name (sk_prot->name), NUL-padded
	Family   uint16   // AF_INET, AF_UNIX...
	Protocol uint16   // sk_protocol (netlink: NETLINK_ROUTE...)
	// Bound says sock_diag lists the socket: an inet socket with a
	// local port, a netlink socket with a port id.
	Bound        bool
	Src, Dst     [16]byte // inet: local and remote address (IPv4 in the first 4 bytes)
	Sport, Dport uint16   // inet: local and remote port
	Peer         uint64   // unix: the peer's inode number (0: none)
	NameLen      int      // unix: length of the bound sun_path (0: not bound)
	Name         [108]byte
	Portid       uint32 // netlink: the port id
}

// SocketDescriber is a Mem that can also describe a socket descriptor
// as strace's -yy does ("TCP:[127.0.0.1:80->127.0.0.1:41000]").
type SocketDescriber interface {
	// AppendSocket appends the description of socket descriptor fd and
	// reports whether it could: if not, the descriptor prints as -y.
	AppendSocket(b []byte, fd int32, hex HexStrings) ([]byte, bool)
}

// Socket families and the kinds of sock_diag strace asks.
const (
	afUnix    = 1
	afInet    = 2
	afInet6   = 10
	afNetlink = 16
)

type sockKind uint8

const (
	sockNoDiag  sockKind = iota // a name strace knows, details it never finds
	sockUnix                    // unix_diag
	sockInet                    // inet_diag, AF_INET
	sockInet6                   // inet_diag, AF_INET6
	sockNetlink                 // netlink_diag
)

// sockProtos are the protocol names strace 6.1 knows (sk_prot->name, as
// the xattr system.sockprotoname gives it) and how it looks them up. A
// socket of another protocol prints as socket:[INODE]. SCTP, DCCP, L2TP,
// ping and raw sockets print as NAME:[INODE]: sock_diag does not find
// them from strace's request (or no longer has them).
var sockProtos = []struct {
	name string
	kind sockKind
}{
	{"UNIX", sockUnix}, {"UNIX-STREAM", sockUnix},
	{"TCP", sockInet}, {"UDP", sockInet}, {"UDPLITE", sockInet},
	{"DCCP", sockNoDiag}, {"SCTP", sockNoDiag}, {"L2TP/IP", sockNoDiag},
	{"PING", sockNoDiag}, {"RAW", sockNoDiag},
	{"TCPv6", sockInet6}, {"UDPv6", sockInet6}, {"UDPLITEv6", sockInet6},
	{"DCCPv6", sockNoDiag}, {"SCTPv6", sockNoDiag}, {"L2TP/IPv6", sockNoDiag},
	{"PINGv6", sockNoDiag}, {"RAWv6", sockNoDiag},
	{"NETLINK", sockNetlink},
}

// netlinkProtos names netlink protocols as strace's -yy does (its
// netlink_protocols without NETLINK_), by number.
var netlinkProtos = [...]string{
	0: "ROUTE", 1: "UNUSED", 2: "USERSOCK", 3: "FIREWALL", 4: "SOCK_DIAG",
	5: "NFLOG", 6: "XFRM", 7: "SELINUX", 8: "ISCSI", 9: "AUDIT",
	10: "FIB_LOOKUP", 11: "CONNECTOR", 12: "NETFILTER", 13: "IP6_FW",
	14: "DNRTMSG", 15: "KOBJECT_UEVENT", 16: "GENERIC", 18: "SCSITRANSPORT",
	19: "ECRYPTFS", 20: "RDMA", 21: "CRYPTO", 22: "SMC",
}

// sockCacheSize is strace's cache of socket details: one entry per
// inode number modulo its size.
const sockCacheSize = 1024

// SockCache describes sockets as strace's -yy does, keeping as strace
// does the first details it found for an inode: a socket bound, then
// connected, keeps printing as it was when first found.
type SockCache struct {
	e [sockCacheSize]struct {
		ino uint64
		d   []byte // nil: empty
	}
}

// Append appends what strace's -yy prints of s inside <>: the cached
// details of its inode, or its details now ("UDP:[127.0.0.1:53]",
// "UNIX-STREAM:[12->13,\"/run/x\"]", "NETLINK:[ROUTE:412]"), or, when
// sock_diag would not find it, "NAME:[INODE]". It reports false for a
// protocol strace does not know and whose socket no sock_diag of its
// finds (the descriptor then prints as -y).
func (c *SockCache) Append(b []byte, s *Socket, hex HexStrings) ([]byte, bool) {
	e := &c.e[s.Ino%sockCacheSize]
	if e.d != nil && e.ino == s.Ino {
		return append(b, e.d...), true
	}
	name := s.Proto[:]
	if i := bytes.IndexByte(name, 0); i >= 0 {
		name = name[:i]
	}
	kind, known := sockNoDiag, false
	for _, p := range sockProtos {
		if string(name) == p.name {
			kind, known = p.kind, true
			break
		}
	}
	start := len(b)
	if !known {
		// strace asks every sock_diag it knows, in its table's order,
		// and names the socket after the first that finds it.
		n, k := diagOf(s)
		if k == sockNoDiag {
			return b, false
		}
		b = append(b, n...)
		b = append(b, ":["...)
		d, ok := appendSockDetails(b, s, k, hex)
		if !ok {
			return b[:start], false
		}
		e.ino, e.d = s.Ino, append(e.d[:0], d[start:]...)
		return d, true
	}
	b = append(b, name...)
	b = append(b, ":["...)
	if d, ok := appendSockDetails(b, s, kind, hex); ok {
		e.ino, e.d = s.Ino, append(e.d[:0], d[start:]...)
		return d, true
	}
	b = strconv.AppendUint(b, s.Ino, 10)
	return append(b, ']'), true
}

// diagOf is the entry of strace's table whose sock_diag request lists a
// socket of s's family and protocol, when strace does not know its
// protocol's name (UDP-Lite's, for one): sockNoDiag for none.
func diagOf(s *Socket) (string, sockKind) {
	const tcp, udp, udplite = 6, 17, 136
	switch {
	case s.Family == afUnix:
		return "UNIX", sockUnix
	case s.Family == afNetlink:
		return "NETLINK", sockNetlink
	case s.Family == afInet && s.Protocol == tcp:
		return "TCP", sockInet
	case s.Family == afInet && s.Protocol == udp:
		return "UDP", sockInet
	case s.Family == afInet && s.Protocol == udplite:
		return "UDPLITE", sockInet
	case s.Family == afInet6 && s.Protocol == tcp:
		return "TCPv6", sockInet6
	case s.Family == afInet6 && s.Protocol == udp:
		return "UDPv6", sockInet6
	case s.Family == afInet6 && s.Protocol == udplite:
		return "UDPLITEv6", sockInet6
	}
	return "", sockNoDiag
}

// appendSockDetails appends what follows "NAME:[" when sock_diag finds
// the socket, as strace's parsers of its answers print it.
func appendSockDetails(b []byte, s *Socket, kind sockKind, hex HexStrings) ([]byte, bool) {
	switch kind {
	case sockUnix:
		if s.Family != afUnix || (s.Peer == 0 && s.NameLen == 0) {
			return b, false
		}
		b = strconv.AppendUint(b, s.Ino, 10)
		if s.Peer != 0 {
			b = append(b, "->"...)
			b = strconv.AppendUint(b, s.Peer&0xffffffff, 10) // unix_diag's u32
		}
		if n := min(max(s.NameLen, 0), len(s.Name)); n > 0 {
			name := s.Name[:n]
			b = append(b, ',')
			if name[0] == 0 {
				b = append(b, '@')
				name = name[1:]
			}
			if i := bytes.IndexByte(name, 0); i >= 0 {
				name = name[:i]
			}
			b = AppendQuotedHex(b, name, len(name), false, hex)
		}
	case sockInet, sockInet6:
		v6, family := kind == sockInet6, uint16(afInet)
		if v6 {
			family = afInet6
		}
		if !s.Bound || s.Family != family {
			return b, false
		}
		b = appendInetEnd(b, &s.Src, s.Sport, v6)
		if s.Dport != 0 || s.Dst != [16]byte{} {
			b = append(b, "->"...)
			b = appendInetEnd(b, &s.Dst, s.Dport, v6)
		}
	case sockNetlink:
		if s.Family != afNetlink || !s.Bound {
			return b, false
		}
		if int(s.Protocol) < len(netlinkProtos) && netlinkProtos[s.Protocol] != "" {
			b = append(b, netlinkProtos[s.Protocol]...)
			b = append(b, ':')
			b = strconv.AppendUint(b, uint64(s.Portid), 10)
		} else {
			b = strconv.AppendUint(b, uint64(s.Protocol), 10)
		}
	default:
		return b, false
	}
	return append(b, ']'), true
}

// appendInetEnd appends ADDR:PORT, an IPv6 address in brackets.
func appendInetEnd(b []byte, a *[16]byte, port uint16, v6 bool) []byte {
	if v6 {
		b = append(b, '[')
		b = AppendIPv6(b, a)
		b = append(b, ']')
	} else {
		b = AppendIPv4(b, a[:4])
	}
	b = append(b, ':')
	return strconv.AppendUint(b, uint64(port), 10)
}

// AppendIPv4 appends a.b.c.d.
func AppendIPv4(b []byte, a []byte) []byte {
	for i, x := range a[:4] {
		if i > 0 {
			b = append(b, '.')
		}
		b = strconv.AppendUint(b, uint64(x), 10)
	}
	return b
}

// AppendIPv6 appends an IPv6 address as the C library's inet_ntop
// writes it: the first longest run of two or more zero groups as "::",
// and an IPv4 tail for ::a.b.c.d and ::ffff:a.b.c.d.
func AppendIPv6(b []byte, a *[16]byte) []byte {
	var w [8]uint16
	for i := range w {
		w[i] = uint16(a[2*i])<<8 | uint16(a[2*i+1])
	}
	best, bestLen, cur, curLen := -1, 0, -1, 0
	for i, x := range w {
		if x != 0 {
			cur = -1
			continue
		}
		if cur == -1 {
			cur, curLen = i, 0
		}
		if curLen++; curLen > bestLen {
			best, bestLen = cur, curLen
		}
	}
	if bestLen < 2 {
		best = -1
	}
	for i := 0; i < 8; i++ {
		if best != -1 && i >= best && i < best+bestLen {
			if i == best {
				b = append(b, ':')
			}
			continue
		}
		if i != 0 {
			b = append(b, ':')
		}
		if i == 6 && best == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff)) {
			return AppendIPv4(b, a[12:])
		}
		b = strconv.AppendUint(b, uint64(w[i]), 16)
	}
	if best != -1 && best+bestLen == 8 {
		b = append(b, ':')
	}
	return b
}
