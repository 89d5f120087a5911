package printers

import (
	"bytes"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
)

func sock(proto string, family uint16, f func(s *Socket)) *Socket {
	s := &Socket{Ino: 4242, Family: family}
	copy(s.Proto[:], proto)
	if f != nil {
		f(s)
	}
	return s
}

func v4(a string) (r [16]byte) {
	b := netip.MustParseAddr(a).As4()
	copy(r[:], b[:])
	return r
}

func v6(a string) [16]byte { return netip.MustParseAddr(a).As16() }

// TestSocketDetails: what strace 6.1's -yy prints for each family, from
// what sock_diag would answer, and its fallbacks (lines taken from strace
// -yy runs of gt-sockets on a host).
func TestSocketDetails(t *testing.T) {
	for _, tc := range []struct {
		s    *Socket
		hex  HexStrings
		want string
	}{
		{sock("TCP", afInet, func(s *Socket) {
			s.Bound, s.Src, s.Sport, s.Dst, s.Dport = true, v4("127.0.0.1"), 47111, v4("127.0.0.1"), 47112
		}), HexNone, "TCP:[127.0.0.1:47111->127.0.0.1:47112]"},
		{sock("TCP", afInet, func(s *Socket) { s.Bound, s.Sport = true, 47120 }), HexNone, "TCP:[0.0.0.0:47120]"},
		{sock("TCP", afInet, nil), HexNone, "TCP:[4242]"},
		{sock("UDP", afInet, func(s *Socket) { s.Bound, s.Src, s.Sport = true, v4("127.0.0.1"), 5353 }), HexNone, "UDP:[127.0.0.1:5353]"},
		{sock("TCPv6", afInet6, func(s *Socket) {
			s.Bound, s.Src, s.Sport, s.Dst, s.Dport = true, v6("::1"), 47114, v6("::1"), 47115
		}), HexNone, "TCPv6:[[::1]:47114->[::1]:47115]"},
		{sock("UDPv6", afInet6, func(s *Socket) { s.Bound, s.Src, s.Sport = true, v6("::ffff:10.0.0.1"), 53 }), HexNone, "UDPv6:[[::ffff:10.0.0.1]:53]"},
		{sock("UNIX-STREAM", afUnix, func(s *Socket) { s.Peer = 4243 }), HexNone, "UNIX-STREAM:[4242->4243]"},
		{sock("UNIX-STREAM", afUnix, func(s *Socket) {
			s.Peer, s.NameLen = 4243, copy(s.Name[:], "gt-listen\x00")
		}), HexNone, `UNIX-STREAM:[4242->4243,"gt-listen"]`},
		{sock("UNIX", afUnix, func(s *Socket) { s.NameLen = copy(s.Name[:], "\x00gt-abstract") }), HexNone, `UNIX:[4242,@"gt-abstract"]`},
		{sock("UNIX", afUnix, func(s *Socket) { s.NameLen = copy(s.Name[:], "caf\xe9\x00") }), HexNonASCII, `UNIX:[4242,"\x63\x61\x66\xe9"]`},
		{sock("UNIX", afUnix, nil), HexNone, "UNIX:[4242]"},
		{sock("NETLINK", afNetlink, func(s *Socket) { s.Bound, s.Portid = true, 717 }), HexNone, "NETLINK:[ROUTE:717]"},
		{sock("NETLINK", afNetlink, func(s *Socket) { s.Bound, s.Portid, s.Protocol = true, 7, 9 }), HexNone, "NETLINK:[AUDIT:7]"},
		{sock("NETLINK", afNetlink, func(s *Socket) { s.Bound, s.Portid, s.Protocol = true, 7, 17 }), HexNone, "NETLINK:[17]"},
		{sock("NETLINK", afNetlink, nil), HexNone, "NETLINK:[4242]"},
		{sock("RAW", afInet, func(s *Socket) { s.Bound, s.Sport = true, 1 }), HexNone, "RAW:[4242]"},
		// A family that does not go with the name: not what sock_diag finds.
		{sock("TCP", afInet6, func(s *Socket) { s.Bound, s.Sport = true, 1 }), HexNone, "TCP:[4242]"},
	} {
		var c SockCache
		got, ok := c.Append(nil, tc.s, tc.hex)
		assert.True(t, ok, tc.want)
		assert.Equal(t, tc.want, string(got))
	}
	var c SockCache
	_, ok := c.Append(nil, sock("PACKET", 17, nil), HexNone)
	assert.False(t, ok, "a protocol strace does not know prints as -y")
	// ... unless a sock_diag strace knows finds it: UDP-Lite once bound
	// (strace 6.1: socket:[439634], then UDPLITE:[0.0.0.0:47130]).
	lite := sock("UDP-Lite", afInet, func(s *Socket) { s.Protocol = 136 })
	_, ok = c.Append(nil, lite, HexNone)
	assert.False(t, ok)
	lite.Bound, lite.Sport = true, 47130
	got, ok := c.Append(nil, lite, HexNone)
	assert.True(t, ok)
	assert.Equal(t, "UDPLITE:[0.0.0.0:47130]", string(got))
	_, ok = c.Append(nil, sock("MPTCP", afInet, func(s *Socket) { s.Ino, s.Protocol, s.Bound = 9, 262, true }), HexNone)
	assert.False(t, ok, "MPTCP: no sock_diag of strace's finds it")
}

// TestSockCache: strace keeps the first details it finds of an inode:
// a UDP socket found bound keeps printing so once connected; details not
// found are not kept; another inode on the same entry replaces them.
func TestSockCache(t *testing.T) {
	var c SockCache
	s := sock("UDP", afInet, nil)
	b, _ := c.Append(nil, s, HexNone)
	assert.Equal(t, "UDP:[4242]", string(b))
	s.Bound, s.Src, s.Sport = true, v4("127.0.0.1"), 47101
	b, _ = c.Append(b[:0], s, HexNone)
	assert.Equal(t, "UDP:[127.0.0.1:47101]", string(b))
	s.Dst, s.Dport = v4("127.0.0.1"), 47101
	b, _ = c.Append(b[:0], s, HexNone)
	assert.Equal(t, "UDP:[127.0.0.1:47101]", string(b), "cached")
	other := sock("UNIX", afUnix, func(s *Socket) { s.Ino, s.Peer = 4242+sockCacheSize, 1 })
	b, _ = c.Append(b[:0], other, HexNone)
	assert.Equal(t, "UNIX:[5266->1]", string(b))
	b, _ = c.Append(b[:0], s, HexNone)
	assert.Equal(t, "UDP:[127.0.0.1:47101->127.0.0.1:47101]", string(b), "evicted, found anew")
	assert.Zero(t, testing.AllocsPerRun(100, func() { b, _ = c.Append(b[:0], s, HexNone) }))
}

// TestAppendIPv6: inet_ntop's forms (the C library's, which strace uses).
func TestAppendIPv6(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"::", "::"},
		{"::1", "::1"},
		{"fe80::1:2", "fe80::1:2"},
		{"2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"},
		{"2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"},
		{"1:0:0:2:0:0:0:3", "1:0:0:2::3"},
		{"::ffff:127.0.0.1", "::ffff:127.0.0.1"},
		{"::1.2.3.4", "::1.2.3.4"},
		{"1::", "1::"},
	} {
		a := v6(tc.in)
		assert.Equal(t, tc.want, string(AppendIPv6(nil, &a)), tc.in)
	}
}

// FuzzSockCache: any socket facts (a hostile guest's) describe in
// bounded, printable output, or not at all, without panicking.
func FuzzSockCache(f *testing.F) {
	f.Add("UNIX", uint16(afUnix), 3, []byte("\x00x\x00y"), uint64(7), uint16(0))
	f.Add("TCPv6", uint16(afInet6), 0, []byte{}, uint64(0), uint16(80))
	f.Add("NETLINK", uint16(afNetlink), 0, []byte{}, uint64(0), uint16(0))
	f.Fuzz(func(t *testing.T, proto string, family uint16, nameLen int, name []byte, peer uint64, port uint16) {
		s := &Socket{Ino: peer * 31, Family: family, NameLen: nameLen, Peer: peer, Bound: port != 0, Sport: port, Protocol: port}
		copy(s.Proto[:], proto)
		copy(s.Name[:], name)
		copy(s.Src[:], name)
		var c SockCache
		for range 2 {
			out, ok := c.Append(nil, s, HexNonASCII)
			if !ok {
				if len(out) != 0 {
					t.Fatalf("%q appended when not described", out)
				}
				return
			}
			if len(out) > 600 {
				t.Fatalf("%d bytes", len(out))
			}
			// (strace quotes a unix name without escaping <>, as here)
			if bytes.ContainsFunc(out, func(r rune) bool { return r < ' ' || r >= 0x7f }) {
				t.Fatalf("unescaped %q", out)
			}
		}
	})
}

// sockMem is an fdMem whose sockets describe themselves (-yy).
type sockMem struct {
	fdMem
	socks map[int32]*Socket
	c     SockCache
}

func (m *sockMem) AppendSocket(b []byte, fd int32, hex HexStrings) ([]byte, bool) {
	s, ok := m.socks[fd]
	if !ok {
		return b, false
	}
	return m.c.Append(b, s, hex)
}

// TestAppendFDSocket: -yy prints a socket's details in place of its
// path; -y, a socket the memory cannot describe and a protocol strace
// does not know print the path.
func TestAppendFDSocket(t *testing.T) {
	m := &sockMem{fdMem: fdMem{
		3: {Path: []byte("socket:[4242]")},
		4: {Path: []byte("socket:[77]")},
		5: {Path: []byte("socket:[78]")},
		6: {Path: []byte("socket:[0]")},
	}, socks: map[int32]*Socket{
		3: sock("UDP", afInet, func(s *Socket) { s.Bound, s.Src, s.Sport = true, v4("127.0.0.1"), 53 }),
		5: sock("PACKET", 17, func(s *Socket) { s.Ino = 78 }),
		6: sock("UDP", afInet, nil),
	}}
	y, yy := &Options{FDPaths: 1}, &Options{FDPaths: 2}
	for _, tc := range []struct {
		fd   int32
		o    *Options
		want string
	}{
		{3, y, "3<socket:[4242]>"},
		{3, yy, "3<UDP:[127.0.0.1:53]>"},
		{4, yy, "4<socket:[77]>"},
		{5, yy, "5<socket:[78]>"},
		{6, yy, "6<socket:[0]>"},
	} {
		assert.Equal(t, tc.want, string(AppendFD(nil, tc.fd, m, tc.o)), "%d", tc.fd)
	}
}
