package linux

import "github.com/guestrace/guestrace/pkg/printers"

// The socket ioctls (type 0x89) as strace's sock.c prints them: struct
// ifreq per request (name, address, flags, index, MTU...), struct ifconf
// with the interfaces SIOCGIFCONF returned, int arguments, addresses.

// sockIoctl is how one socket ioctl prints its argument.
type sockIoctl uint8

const (
	sioIntIn    sockIoctl = iota + 1 // [int] at entry
	sioIntOut                        // [int] at exit
	sioName                          // an interface name at entry
	sioIndex                         // {ifr_ifindex=N} at entry
	sioSetIfreq                      // struct ifreq at entry
	sioGetIfreq                      // ifr_name at entry, the rest at exit
	sioAddr                          // the argument's address
	sioIfconf                        // struct ifconf
)

const (
	siocGifconf = 0x8912
	siocGifname = 0x8910
	ifNameSize  = 16
	// maxIfreq is struct ifreq's size in an x86-64 process (32 in an
	// i386 one, whose struct ifmap has 4-byte longs: ifreqSize).
	maxIfreq = 40
)

// ifreqSize is the size of struct ifreq in the process: the name and a
// union whose largest member is struct ifmap (two longs and five bytes,
// aligned) or, in an i386 process, a struct sockaddr as large.
func (c *ctx) ifreqSize() uint64 {
	if c.compat {
		return ifNameSize + 16
	}
	return maxIfreq
}

var sockIoctls = func() map[uint32]sockIoctl {
	m := map[uint32]sockIoctl{siocGifconf: sioIfconf}
	for kind, names := range map[sockIoctl][]string{
		sioIntIn:  {"FIOSETOWN", "SIOCSIFENCAP", "SIOCSPGRP"},
		sioIntOut: {"FIOGETOWN", "SIOCATMARK", "SIOCGIFENCAP", "SIOCGPGRP", "SIOCOUTQNSD"},
		sioName:   {"SIOCBRADDBR", "SIOCBRDELBR"},
		sioIndex:  {"SIOCBRADDIF", "SIOCBRDELIF"},
		sioSetIfreq: {"SIOCADDMULTI", "SIOCDELMULTI", "SIOCSIFADDR", "SIOCSIFBRDADDR",
			"SIOCSIFDSTADDR", "SIOCSIFFLAGS", "SIOCSIFHWADDR", "SIOCSIFHWBROADCAST",
			"SIOCSIFMAP", "SIOCSIFMETRIC", "SIOCSIFMTU", "SIOCSIFNAME", "SIOCSIFNETMASK",
			"SIOCSIFSLAVE", "SIOCSIFTXQLEN"},
		sioGetIfreq: {"SIOCGIFADDR", "SIOCGIFBRDADDR", "SIOCGIFDSTADDR", "SIOCGIFFLAGS",
			"SIOCGIFHWADDR", "SIOCGIFINDEX", "SIOCGIFMAP", "SIOCGIFMETRIC", "SIOCGIFMTU",
			"SIOCGIFNAME", "SIOCGIFNETMASK", "SIOCGIFSLAVE", "SIOCGIFTXQLEN"},
		sioAddr: {"SIOCADDDLCI", "SIOCADDRT", "SIOCBONDCHANGEACTIVE", "SIOCBONDENSLAVE",
			"SIOCBONDINFOQUERY", "SIOCBONDRELEASE", "SIOCBONDSETHWADDR",
			"SIOCBONDSLAVEINFOQUERY", "SIOCDARP", "SIOCDELDLCI", "SIOCDELRT",
			"SIOCDIFADDR", "SIOCDRARP", "SIOCETHTOOL", "SIOCGARP", "SIOCGHWTSTAMP",
			"SIOCGIFBR", "SIOCGIFCOUNT", "SIOCGIFMEM", "SIOCGIFPFLAGS", "SIOCGIFVLAN",
			"SIOCGMIIPHY", "SIOCGMIIREG", "SIOCGRARP", "SIOCGSKNS", "SIOCGSTAMP_OLD",
			"SIOCGSTAMPNS_OLD", "SIOCRTMSG", "SIOCSARP", "SIOCSHWTSTAMP", "SIOCSIFBR",
			"SIOCSIFLINK", "SIOCSIFMEM", "SIOCSIFPFLAGS", "SIOCSIFVLAN", "SIOCSMIIREG",
			"SIOCSRARP", "SIOCWANDEV"},
	} {
		for _, n := range names {
			for _, e := range xIoctls.Entries {
				if e.Name == n {
					m[uint32(e.Val)] = kind
				}
			}
		}
	}
	return m
}()

// decSockIoctl prints the argument of a socket ioctl it knows, after the
// descriptor and request, and reports whether it did.
func (c *ctx) decSockIoctl(code uint32, arg uint64) bool {
	kind, ok := sockIoctls[code]
	if !ok {
		return false
	}
	switch kind {
	case sioIfconf:
		c.ifconf(arg)
		return true
	case sioIntOut:
		if c.exiting {
			c.sep()
			c.numAt(arg, 4, true)
		}
		return true
	case sioGetIfreq:
		c.getIfreq(code, arg)
		return true
	}
	if c.exiting {
		return true
	}
	c.sep()
	switch kind {
	case sioIntIn:
		c.numAt(arg, 4, true)
	case sioName:
		c.cstrN(arg, ifNameSize)
	case sioIndex:
		if b := c.read(arg, int(c.ifreqSize())); b != nil {
			c.str("{ifr_ifindex=")
			c.int(uint64(le32(b[16:])))
			c.b = append(c.b, '}')
		}
	case sioSetIfreq:
		var ifr [maxIfreq]byte
		if c.readInto(arg, ifr[:c.ifreqSize()]) {
			c.str("{ifr_name=")
			c.ifName(ifr[:ifNameSize])
			c.sep()
			c.ifreq(code, arg, &ifr)
			c.b = append(c.b, '}')
		}
	case sioAddr:
		c.ptr(arg)
	}
	return true
}

// getIfreq prints a request that names the interface at entry (or gives
// its index, SIOCGIFNAME) and gets the rest at exit.
func (c *ctx) getIfreq(code uint32, arg uint64) {
	if !c.exiting {
		c.sep()
		var ifr [maxIfreq]byte
		if !c.readInto(arg, ifr[:c.ifreqSize()]) {
			return
		}
		if code == siocGifname {
			c.str("{ifr_ifindex=")
			c.int(uint64(le32(ifr[16:])))
		} else {
			c.str("{ifr_name=")
			c.ifName(ifr[:ifNameSize])
		}
		c.save(1, 0)
		return
	}
	if _, _, ok := c.saved(); !ok && c.st != nil {
		return // (entry printed the address)
	}
	var ifr [maxIfreq]byte
	if !c.failed && printers.ReadFull(c.m, arg, ifr[:c.ifreqSize()]) == nil {
		c.sep()
		c.ifreq(code, arg, &ifr)
	}
	c.b = append(c.b, '}')
}

// ifName prints a NUL-padded interface name (strace's PRINT_FIELD_CSTRING).
func (c *ctx) ifName(b []byte) {
	k := 0
	for k < len(b) && b[k] != 0 {
		k++
	}
	c.quote(b[:k], len(b), k == len(b))
}

// ifreq prints the member of struct ifreq at arg (read into ifr) that
// the request uses.
func (c *ctx) ifreq(code uint32, arg uint64, ifr *[maxIfreq]byte) {
	name, _ := xIoctls.Lookup(uint64(code))
	switch name {
	case "SIOCSIFADDR", "SIOCGIFADDR":
		c.str("ifr_addr=")
		c.sockaddr(arg+16, 16)
	case "SIOCSIFDSTADDR", "SIOCGIFDSTADDR":
		c.str("ifr_dstaddr=")
		c.sockaddr(arg+16, 16)
	case "SIOCSIFBRDADDR", "SIOCGIFBRDADDR":
		c.str("ifr_broadaddr=")
		c.sockaddr(arg+16, 16)
	case "SIOCSIFNETMASK", "SIOCGIFNETMASK":
		c.str("ifr_netmask=")
		c.sockaddr(arg+16, 16)
	case "SIOCADDMULTI", "SIOCDELMULTI", "SIOCGIFHWADDR", "SIOCSIFHWADDR", "SIOCSIFHWBROADCAST":
		family := uint64(le16(ifr[16:]))
		c.str("ifr_hwaddr={sa_family=")
		c.xval(xArphrd, family, "ARPHRD_???")
		c.str(", sa_data=")
		c.hwaddr(ifr[18:32], family)
		c.b = append(c.b, '}')
	case "SIOCSIFFLAGS", "SIOCGIFFLAGS":
		c.str("ifr_flags=")
		c.flags(xIffFlags, uint64(le16(ifr[16:])), "IFF_???")
	case "SIOCGIFINDEX":
		c.str("ifr_ifindex=")
		c.int(uint64(le32(ifr[16:])))
	case "SIOCSIFMETRIC", "SIOCGIFMETRIC":
		c.str("ifr_metric=")
		c.int(uint64(le32(ifr[16:])))
	case "SIOCSIFMTU", "SIOCGIFMTU":
		c.str("ifr_mtu=")
		c.int(uint64(le32(ifr[16:])))
	case "SIOCSIFSLAVE", "SIOCGIFSLAVE":
		c.str("ifr_slave=")
		c.ifName(ifr[16:32])
	case "SIOCSIFNAME":
		c.str("ifr_newname=")
		c.ifName(ifr[16:32])
	case "SIOCGIFNAME":
		c.str("ifr_name=")
		c.ifName(ifr[:ifNameSize])
	case "SIOCSIFTXQLEN", "SIOCGIFTXQLEN":
		c.str("ifr_qlen=")
		c.int(uint64(le32(ifr[16:])))
	case "SIOCSIFMAP", "SIOCGIFMAP":
		l := c.longSize()
		c.str("ifr_map={mem_start=")
		c.hex(c.ulongOf(ifr[16:]))
		c.str(", mem_end=")
		c.hex(c.ulongOf(ifr[16+l:]))
		c.str(", base_addr=")
		c.hex(uint64(le16(ifr[16+2*l:])))
		c.str(", irq=")
		c.hex(uint64(ifr[18+2*l]))
		c.str(", dma=")
		c.hex(uint64(ifr[19+2*l]))
		c.str(", port=")
		c.hex(uint64(ifr[20+2*l]))
		c.b = append(c.b, '}')
	}
}

// hwaddr prints a hardware address as its type has it: 00:11:22:33:44:55.
func (c *ctx) hwaddr(b []byte, family uint64) {
	n := len(b)
	if s, ok := hwaddrSizes[family]; ok {
		n = min(n, s)
	}
	c.macAddr(b, n)
}

// macAddr prints the first n bytes of an address as 00:11:22, under -X
// raw all its bytes quoted (strace's print_mac_addr).
func (c *ctx) macAddr(b []byte, n int) {
	raw := func() { c.b = printers.AppendHexQuoted(c.b, b, len(b), false) }
	abbrev := func() {
		for i := range n {
			if i > 0 {
				c.b = append(c.b, ':')
			}
			c.b = append(c.b, "0123456789abcdef"[b[i]>>4], "0123456789abcdef"[b[i]&15])
		}
	}
	if !c.styled(raw, abbrev) {
		abbrev()
	}
}

// ifconf prints SIOCGIFCONF's struct ifconf (an int and a pointer): the
// length at entry, and at exit the length the call left with the
// interfaces it returned.
func (c *ctx) ifconf(arg uint64) {
	var b [16]byte
	off := c.longSize() // of ifc_buf
	ifc := b[:2*off]
	if !c.exiting {
		c.sep()
		if !c.readInto(arg, ifc) {
			return
		}
		l, buf := int32(le32(ifc)), c.ulongOf(ifc[off:])
		c.str("{ifc_len=")
		if buf != 0 {
			c.ifcLen(l)
		}
		c.save(uint64(uint32(l)), buf)
		return
	}
	inLen, inBuf, ok := c.saved()
	if !ok {
		if c.st != nil {
			return // (entry printed the address)
		}
		inLen, inBuf = uint64(le32(ifc[:])), 0
	}
	if printers.ReadFull(c.m, arg, ifc) != nil {
		if inBuf == 0 {
			c.ifcLen(int32(inLen))
		}
		c.str(", ifc_buf=")
		c.ptr(inBuf)
		c.b = append(c.b, '}')
		return
	}
	l, buf := int32(le32(ifc)), c.ulongOf(ifc[off:])
	if inBuf != 0 && int32(inLen) != l {
		c.str(" => ")
	}
	if inBuf == 0 || int32(inLen) != l {
		c.ifcLen(l)
	}
	c.str(", ifc_buf=")
	if inBuf == 0 || c.failed {
		c.ptr(inBuf)
		if inBuf != buf {
			c.str(" => ")
			c.ptr(buf)
		}
	} else {
		i, size := uint64(0), c.ifreqSize()
		c.array(buf, uint64(uint32(l))/size, int(size), false, func(c *ctx, e []byte) bool {
			c.str("{ifr_name=")
			c.ifName(e[:ifNameSize])
			c.str(", ifr_addr=")
			c.sockaddr(buf+i*size+16, 16)
			c.b = append(c.b, '}')
			i++
			return true
		})
	}
	c.b = append(c.b, '}')
}

// ifcLen prints ifc_len, with the number of structures it holds.
func (c *ctx) ifcLen(l int32) {
	c.int(uint64(l))
	if size := uint32(c.ifreqSize()); l > 0 && uint32(l)%size == 0 {
		n := uint32(l) / size
		c.str(" /* ")
		c.uint(uint64(n))
		c.str(" * sizeof(struct ifreq) */")
	}
}

// hwaddrSizes are the address lengths of the hardware types that have
// one of their own; the others show the whole sa_data.
var hwaddrSizes = map[uint64]int{
	0x0: 7, 0x1: 6, 0x3: 7, 0x6: 6, 0x7: 1, 0xf: 2, 0x18: 16, 0x1b: 8,
	0x20: 20, 0x100: 0, 0x10e: 5, 0x10f: 0, 0x118: 0, 0x122: 1, 0x200: 0,
	0x206: 0, 0x207: 0, 0x300: 4, 0x301: 16, 0x304: 6, 0x305: 1, 0x306: 6,
	0x308: 4, 0x309: 0, 0x30a: 4, 0x30b: 0, 0x30c: 6, 0x30f: 4, 0x321: 6,
	0x322: 6, 0x323: 6, 0x324: 8, 0x325: 8, 0x334: 1, 0x335: 1, 0x336: 0,
	0x337: 16, 0x338: 0, 0x339: 8, 0x33a: 0,
}
