package linux

import (
	"bytes"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/isf"
)

// Offsets of the socket structures in Debian's 6.1 kernel (its BTF).
const (
	offFPriv                    = 200      // file.private_data
	offSockFile, offSockSk      = 16, 24   // socket
	offSkDaddr, offSkSaddr      = 0, 4     // sock_common
	offSkDport, offSkNum        = 12, 14   // sock_common
	offSkFamily, offSkProt      = 16, 40   // sock_common
	offSkV6Daddr, offSkV6Saddr  = 56, 72   // sock_common
	offSkProtocol, offSkSocket  = 516, 624 // sock
	offProtoName                = 408      // proto
	offUnixAddr, offUnixPeer    = 776, 864 // unix_sock
	offAddrLen, offAddrName     = 4, 8     // unix_address
	offNlPortid                 = 784      // netlink_sock
	offSAllocSock, offSAllocIno = 0, 128   // socket_alloc
)

func addSocketTypes(p *isf.Profile) {
	f := func(pairs ...any) map[string]isf.Field {
		m := map[string]isf.Field{}
		for i := 0; i < len(pairs); i += 2 {
			m[pairs[i].(string)] = isf.Field{Offset: uint64(pairs[i+1].(int))}
		}
		return m
	}
	p.UserTypes["file"].Fields["private_data"] = isf.Field{Offset: offFPriv}
	for name, fields := range map[string]map[string]isf.Field{
		"socket": f("file", offSockFile, "sk", offSockSk),
		"sock_common": f("skc_daddr", offSkDaddr, "skc_rcv_saddr", offSkSaddr, "skc_dport", offSkDport,
			"skc_num", offSkNum, "skc_family", offSkFamily, "skc_prot", offSkProt,
			"skc_v6_daddr", offSkV6Daddr, "skc_v6_rcv_saddr", offSkV6Saddr),
		"sock":         f("__sk_common", 0, "sk_protocol", offSkProtocol, "sk_socket", offSkSocket),
		"proto":        f("name", offProtoName),
		"unix_sock":    f("addr", offUnixAddr, "peer", offUnixPeer),
		"unix_address": f("len", offAddrLen, "name", offAddrName),
		"netlink_sock": f("portid", offNlPortid),
		"socket_alloc": f("socket", offSAllocSock, "vfs_inode", offSAllocIno),
	} {
		p.UserTypes[name] = isf.UserType{Kind: "struct", Size: 1024, Fields: fields}
	}
}

// socket makes descriptor fd a socket of inode ino: its struct file,
// socket_alloc (socket and inode) and sock of the family, whose proto
// is named proto. It returns the sock.
func (g *fileGuest) socket(fd int, ino uint64, family uint16, proto string) (sk, file uint64) {
	file, sa, sk, prot := g.alloc(232), g.alloc(768), g.alloc(1088), g.alloc(464)
	dentry := g.dentry("", 0)
	g.put64(dentry+offDOp, linkSockOps+g.s.slide)
	mnt := g.mount(dentry, 0, 0)
	in := sa + offSAllocIno
	g.put64(file+offFPath, mnt+offMntVFS)
	g.put64(file+offFPath+8, dentry)
	g.put64(file+offFInode, in)
	g.put32(in+offIMode, 0o140777)
	g.put64(in+offIIno, ino)
	g.put64(file+offFPriv, sa)
	g.put64(sa+offSockFile, file)
	g.put64(sa+offSockSk, sk)
	g.put64(sk+offSkSocket, sa)
	g.s.m.MustWrite(sk+offSkFamily-g.s.pob, []byte{byte(family), byte(family >> 8)})
	g.put64(sk+offSkProt, prot)
	g.s.m.MustWrite(prot+offProtoName-g.s.pob, []byte(proto+"\x00"))
	g.put64(g.fdArr+8*uint64(fd), file)
	return sk, file
}

func (g *fileGuest) put16(va uint64, v uint16) {
	g.s.m.MustWrite(va-g.s.pob, []byte{byte(v), byte(v >> 8)})
}

// socketGuest has, besides fileGuest's descriptors: 8 and 9 a connected
// unix stream pair, 8 bound to "gt-listen"; 10 a TCP socket
// 127.0.0.1:47111 -> 127.0.0.1:47112; 11 a TCPv6 listener on [::1]:22;
// 12 a bound netlink route socket; 13 an unbound UDP socket.
type socketGuest struct {
	*fileGuest
	unix, tcp uint64 // socks
}

func newSocketGuest(t testing.TB) (*socketGuest, *Linux) {
	g, _ := newFileGuest(t)
	addSocketTypes(g.s.profile)
	sg := &socketGuest{fileGuest: g}
	a, _ := g.socket(8, 500, afUnix, "UNIX-STREAM")
	b, _ := g.socket(9, 501, afUnix, "UNIX-STREAM")
	sg.unix = a
	g.put64(a+offUnixPeer, b)
	g.put64(b+offUnixPeer, a)
	addr := g.alloc(128)
	g.put32(addr+offAddrLen, 2+10)
	g.s.m.MustWrite(addr+offAddrName+2-g.s.pob, []byte("gt-listen\x00"))
	g.put64(a+offUnixAddr, addr)

	tcp, _ := g.socket(10, 502, afInet, "TCP")
	sg.tcp = tcp
	g.s.m.MustWrite(tcp+offSkDaddr-g.s.pob, []byte{127, 0, 0, 1, 127, 0, 0, 1})
	g.s.m.MustWrite(tcp+offSkDport-g.s.pob, []byte{47112 >> 8, 47112 & 0xff})
	g.put16(tcp+offSkNum, 47111)
	g.put16(tcp+offSkProtocol, 6)

	v6, _ := g.socket(11, 503, afInet6, "TCPv6")
	g.s.m.MustWrite(v6+offSkV6Saddr+15-g.s.pob, []byte{1})
	g.put16(v6+offSkNum, 22)

	nl, _ := g.socket(12, 504, afNetlink, "NETLINK")
	g.put32(nl+offNlPortid, 717)
	g.socket(13, 505, afInet, "UDP")

	l, err := Attach(g.s.target, g.s.profile)
	require.NoError(t, err)
	return sg, l
}

func name(s *guestos.SockInfo) string { return string(bytes.TrimRight(s.Proto[:], "\x00")) }

// TestSocket reads each socket's facts from the guest's structures.
func TestSocket(t *testing.T) {
	g, l := newSocketGuest(t)
	var s guestos.SockInfo
	require.NoError(t, l.Socket(g.thread(), 8, &s))
	assert.Equal(t, "UNIX-STREAM", name(&s))
	assert.Equal(t, uint16(afUnix), s.Family)
	assert.Equal(t, uint64(500), s.Ino)
	assert.Equal(t, uint64(501), s.Peer)
	assert.Equal(t, "gt-listen\x00", string(s.Name[:s.NameLen]))

	require.NoError(t, l.Socket(g.thread(), 9, &s))
	assert.Equal(t, uint64(500), s.Peer)
	assert.Zero(t, s.NameLen)

	require.NoError(t, l.Socket(g.thread(), 10, &s))
	assert.Equal(t, "TCP", name(&s))
	assert.True(t, s.Bound)
	assert.Equal(t, [16]byte{127, 0, 0, 1}, s.Src)
	assert.Equal(t, [16]byte{127, 0, 0, 1}, s.Dst)
	assert.Equal(t, uint16(47111), s.Sport)
	assert.Equal(t, uint16(47112), s.Dport)
	assert.Equal(t, uint16(6), s.Protocol)

	require.NoError(t, l.Socket(g.thread(), 11, &s))
	assert.Equal(t, [16]byte{15: 1}, s.Src)
	assert.Equal(t, uint16(22), s.Sport)
	assert.Zero(t, s.Dport)

	require.NoError(t, l.Socket(g.thread(), 12, &s))
	assert.Equal(t, uint32(717), s.Portid)
	assert.True(t, s.Bound)

	require.NoError(t, l.Socket(g.thread(), 13, &s))
	assert.Equal(t, "UDP", name(&s))
	assert.False(t, s.Bound)

	th := g.thread()
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = l.Socket(th, 8, &s) }), "allocations per socket read")

	// Not sockets, not open.
	assert.ErrorIs(t, l.Socket(g.thread(), 3, &s), guestos.ErrBadGuestData)
	assert.ErrorIs(t, l.Socket(g.thread(), 40, &s), guestos.ErrNotOpen)
}

// TestHostileSocket: a socket whose structures a hostile guest bent
// reads as an error, never out of bounds or out of kernel memory.
func TestHostileSocket(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(g *socketGuest)
	}{
		{"socket.file elsewhere", func(g *socketGuest) {
			sa := g.s.m.Get64(g.unix + offSkSocket - g.s.pob)
			g.put64(sa+offSockFile, g.unix)
		}},
		{"sk in user memory", func(g *socketGuest) {
			sa := g.s.m.Get64(g.unix + offSkSocket - g.s.pob)
			g.put64(sa+offSockSk, 0x7fff0000)
		}},
		{"proto pointer", func(g *socketGuest) { g.put64(g.unix+offSkProt, 0x1000) }},
		{"name too long", func(g *socketGuest) {
			addr := g.s.m.Get64(g.unix + offUnixAddr - g.s.pob)
			g.put32(addr+offAddrLen, 1<<31)
		}},
		{"name negative", func(g *socketGuest) {
			addr := g.s.m.Get64(g.unix + offUnixAddr - g.s.pob)
			g.put32(addr+offAddrLen, 1)
		}},
		{"addr pointer", func(g *socketGuest) { g.put64(g.unix+offUnixAddr, 0x4141414141414141) }},
		{"peer pointer", func(g *socketGuest) { g.put64(g.unix+offUnixPeer, 0x1000) }},
		{"peer socket", func(g *socketGuest) {
			peer := g.s.m.Get64(g.unix + offUnixPeer - g.s.pob)
			g.put64(peer+offSkSocket, 0x2000)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, l := newSocketGuest(t)
			tc.change(g)
			var s guestos.SockInfo
			err := l.Socket(g.thread(), 8, &s)
			require.Error(t, err)
			assert.True(t, errors.Is(err, guestos.ErrBadGuestData), "%v", err)
		})
	}
}

// FuzzSocket corrupts the synthetic guest's file and socket structures
// (files, sockets, socks, protos, unix addresses) and reads every
// descriptor as a socket: no panic, errors of the documented kinds, a
// name within sun_path.
func FuzzSocket(f *testing.F) {
	f.Add([]byte{0x20, 0x08, 4, 0xff, 0xff, 0xff, 0x7f})
	f.Add([]byte{0x30, 0x00, 8, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41})
	f.Fuzz(func(t *testing.T, data []byte) {
		g, l := newSocketGuest(t)
		for len(data) >= 3 {
			off := uint64(data[0])<<8 | uint64(data[1])
			n := min(int(data[2]), len(data)-3)
			_ = g.s.m.WritePhys(physFiles+off%0x8000, data[3:3+n])
			data = data[3+n:]
		}
		for fd := int32(3); fd <= 13; fd++ {
			var s guestos.SockInfo
			err := l.Socket(g.thread(), fd, &s)
			if err != nil && !errors.Is(err, guestos.ErrUnmapped) && !errors.Is(err, guestos.ErrBadGuestData) && !errors.Is(err, guestos.ErrNotOpen) {
				t.Fatalf("fd %d: unexpected error kind: %v", fd, err)
			}
			if s.NameLen < 0 || s.NameLen > len(s.Name) {
				t.Fatalf("fd %d: name of %d bytes", fd, s.NameLen)
			}
		}
	})
}

// BenchmarkSocket reads a named, connected unix socket's facts from the
// synthetic guest (-yy's cost in the OS layer, without a hypervisor).
func BenchmarkSocket(b *testing.B) {
	g, l := newSocketGuest(b)
	var s guestos.SockInfo
	th := g.thread()
	b.ReportAllocs()
	for b.Loop() {
		if err := l.Socket(th, 8, &s); err != nil {
			b.Fatal(err)
		}
	}
}
