package linux

import (
	"encoding/binary"
	"fmt"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/x86"
)

// Address families Socket decodes.
const (
	afUnix    = 1
	afInet    = 2
	afInet6   = 10
	afNetlink = 16
	sIFSOCK   = 0o140000
	sIFMT     = 0o170000
	// sockSpan bounds the one read of struct sock_common's fields.
	sockSpan = 256
)

// sockLayout holds the offsets from a socket's struct file to what
// sock_diag reports of it, from the profile's types.
type sockLayout struct {
	filePriv         uint64 // file.private_data (the struct socket)
	sockFile, sockSk uint64 // socket.file, .sk
	// struct sock_common, at the start of struct sock
	family, num, dport, daddr, saddr, prot uint64
	v6daddr, v6saddr                       uint64
	v6                                     bool // the kernel has IPv6 fields
	lo, hi                                 uint64
	protocol, skSocket                     uint64 // sock.sk_protocol, .sk_socket
	protoName                              uint64 // proto.name
	unixAddr, unixPeer                     uint64 // unix_sock.addr, .peer
	addrLen, addrName                      uint64 // unix_address.len, .name
	nlPortid                               uint64 // netlink_sock.portid
	vfsInode                               uint64 // socket_alloc.vfs_inode - socket_alloc.socket
}

func (l *Linux) readSockLayout() (sockLayout, error) {
	var s sockLayout
	for _, x := range []struct {
		typ, name string
		off       *uint64
	}{
		{"file", "private_data", &s.filePriv},
		{"socket", "file", &s.sockFile}, {"socket", "sk", &s.sockSk},
		{"sock_common", "skc_family", &s.family}, {"sock_common", "skc_num", &s.num},
		{"sock_common", "skc_dport", &s.dport}, {"sock_common", "skc_daddr", &s.daddr},
		{"sock_common", "skc_rcv_saddr", &s.saddr}, {"sock_common", "skc_prot", &s.prot},
		{"sock", "sk_protocol", &s.protocol}, {"sock", "sk_socket", &s.skSocket},
		{"proto", "name", &s.protoName},
		{"unix_sock", "addr", &s.unixAddr}, {"unix_sock", "peer", &s.unixPeer},
		{"unix_address", "len", &s.addrLen}, {"unix_address", "name", &s.addrName},
		{"netlink_sock", "portid", &s.nlPortid},
	} {
		var err error
		if *x.off, err = field(l.p, x.typ, x.name); err != nil {
			return s, err
		}
	}
	common, err := field(l.p, "sock", "__sk_common")
	if err != nil {
		return s, err
	}
	if common != 0 {
		return s, mismatch("profile puts sock.__sk_common at %#x, not 0", common)
	}
	sa, err := field(l.p, "socket_alloc", "socket")
	if err != nil {
		return s, err
	}
	vi, err := field(l.p, "socket_alloc", "vfs_inode")
	if err != nil {
		return s, err
	}
	s.vfsInode = vi - sa // may wrap: only added to a validated kernel address
	if l.p.HasField("sock_common", "skc_v6_daddr") {
		s.v6daddr, _ = field(l.p, "sock_common", "skc_v6_daddr")
		s.v6saddr, _ = field(l.p, "sock_common", "skc_v6_rcv_saddr")
		s.v6 = s.v6saddr != 0
	}
	s.lo = min(s.family, s.num, s.dport, s.daddr, s.saddr, s.prot)
	s.hi = max(s.family+2, s.num+2, s.dport+2, s.daddr+4, s.saddr+4, s.prot+8)
	if s.v6 {
		s.lo = min(s.lo, s.v6daddr, s.v6saddr)
		s.hi = max(s.hi, s.v6daddr+16, s.v6saddr+16)
	}
	if s.hi-s.lo > sockSpan {
		return s, mismatch("profile spreads struct sock_common over %d bytes", s.hi-s.lo)
	}
	return s, nil
}

// socks returns the socket layout, read from the profile on first use.
func (l *Linux) socks() (*sockLayout, error) {
	if !l.socksRead {
		l.socksRead = true
		l.sl, l.slErr = l.readSockLayout()
	}
	return &l.sl, l.slErr
}

var _ guestos.SocketReader = (*Linux)(nil)

// Socket reads what socket descriptor fd of thread th is bound and
// connected to: file.private_data (struct socket, whose file must be
// the descriptor's) -> sk (struct sock): its family, protocol, the name
// of its struct proto, and per family the addresses and ports (inet),
// the bound name and the peer's inode (unix, through the peer's
// sk_socket), or the port id (netlink).
func (l *Linux) Socket(th *guestos.Thread, fd int32, s *guestos.SockInfo) error {
	f, err := l.files()
	if err != nil {
		return err
	}
	sl, err := l.socks()
	if err != nil {
		return err
	}
	if !x86.Kernel(th.Key) {
		return fmt.Errorf("task %#x: %w", th.Key, guestos.ErrBadGuestData)
	}
	file, err := l.fileOf(f, th.Key, fd)
	if err != nil {
		return err
	}
	*s = guestos.SockInfo{}
	inode, err := l.kptr(file + f.fileInode)
	if err != nil {
		return fmt.Errorf("file.f_inode: %w", err)
	}
	b := l.small[:]
	if err := l.kread(inode+f.iMode, b[:2]); err != nil {
		return fmt.Errorf("inode.i_mode: %w", err)
	}
	if binary.LittleEndian.Uint16(b[:])&sIFMT != sIFSOCK {
		return fmt.Errorf("descriptor %d is not a socket: %w", fd, guestos.ErrBadGuestData)
	}
	if s.Ino, err = l.read64(inode + f.iIno); err != nil {
		return fmt.Errorf("inode.i_ino: %w", err)
	}
	sock, err := l.kptr(file + sl.filePriv)
	if err != nil {
		return fmt.Errorf("file.private_data: %w", err)
	}
	if back, err := l.kptr(sock + sl.sockFile); err != nil || back != file {
		return fmt.Errorf("socket.file: %w", guestos.ErrBadGuestData)
	}
	sk, err := l.kptr(sock + sl.sockSk)
	if err != nil {
		return fmt.Errorf("socket.sk: %w", err)
	}
	common := l.sockBuf[:sl.hi-sl.lo]
	if err := l.kread(sk+sl.lo, common); err != nil {
		return fmt.Errorf("sock_common: %w", err)
	}
	at := func(off uint64) []byte { return common[off-sl.lo:] }
	s.Family = binary.LittleEndian.Uint16(at(sl.family))
	if err := l.kread(sk+sl.protocol, b[:2]); err != nil {
		return fmt.Errorf("sock.sk_protocol: %w", err)
	}
	s.Protocol = binary.LittleEndian.Uint16(b[:])
	prot := binary.LittleEndian.Uint64(at(sl.prot))
	if !x86.Kernel(prot) {
		return fmt.Errorf("sock.skc_prot %#x: %w", prot, guestos.ErrBadGuestData)
	}
	if err := l.kread(prot+sl.protoName, s.Proto[:]); err != nil {
		return fmt.Errorf("proto.name: %w", err)
	}
	switch s.Family {
	case afInet, afInet6:
		s.Sport = binary.LittleEndian.Uint16(at(sl.num))
		s.Dport = binary.BigEndian.Uint16(at(sl.dport))
		s.Bound = s.Sport != 0
		if s.Family == afInet {
			copy(s.Src[:4], at(sl.saddr))
			copy(s.Dst[:4], at(sl.daddr))
		} else if sl.v6 {
			copy(s.Src[:], at(sl.v6saddr))
			copy(s.Dst[:], at(sl.v6daddr))
		}
	case afUnix:
		return l.unixSocket(sl, f, sk, s)
	case afNetlink:
		if err := l.kread(sk+sl.nlPortid, b[:4]); err != nil {
			return fmt.Errorf("netlink_sock.portid: %w", err)
		}
		s.Portid = binary.LittleEndian.Uint32(b[:])
		s.Bound = s.Portid != 0
	}
	return nil
}

// unixSocket reads a unix socket's bound name (unix_sock.addr, a struct
// unix_address whose len counts sun_family) and its peer's inode.
func (l *Linux) unixSocket(sl *sockLayout, f *fileLayout, sk uint64, s *guestos.SockInfo) error {
	addr, err := l.read64(sk + sl.unixAddr)
	if err != nil {
		return fmt.Errorf("unix_sock.addr: %w", err)
	}
	if addr != 0 {
		if !x86.Kernel(addr) {
			return fmt.Errorf("unix_sock.addr %#x: %w", addr, guestos.ErrBadGuestData)
		}
		b := l.small[:4]
		if err := l.kread(addr+sl.addrLen, b); err != nil {
			return fmt.Errorf("unix_address.len: %w", err)
		}
		n := int32(binary.LittleEndian.Uint32(b)) - 2 // sun_family
		if n < 0 || n > int32(len(s.Name)) {
			return fmt.Errorf("unix_address.len %d: %w", n+2, guestos.ErrBadGuestData)
		}
		s.NameLen = int(n)
		if err := l.kread(addr+sl.addrName+2, s.Name[:n]); err != nil {
			return fmt.Errorf("unix_address.name: %w", err)
		}
	}
	peer, err := l.read64(sk + sl.unixPeer)
	if err != nil {
		return fmt.Errorf("unix_sock.peer: %w", err)
	}
	if peer == 0 {
		return nil
	}
	if !x86.Kernel(peer) {
		return fmt.Errorf("unix_sock.peer %#x: %w", peer, guestos.ErrBadGuestData)
	}
	// The kernel's sock_i_ino: a peer not yet accepted has no socket.
	sock, err := l.read64(peer + sl.skSocket)
	if err != nil || sock == 0 {
		return err
	}
	if !x86.Kernel(sock) || !x86.Kernel(sock+sl.vfsInode) {
		return fmt.Errorf("peer's sock.sk_socket %#x: %w", sock, guestos.ErrBadGuestData)
	}
	if s.Peer, err = l.read64(sock + sl.vfsInode + f.iIno); err != nil {
		return fmt.Errorf("peer's inode.i_ino: %w", err)
	}
	return nil
}
