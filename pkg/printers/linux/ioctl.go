package linux

import "github.com/guestrace/guestrace/pkg/printers"

// ioctl argument shapes, after strace's term, file and block decoders.
type ioctlArg uint8

const (
	ioctlHex         ioctlArg = iota // unknown: the argument in hex, at entry
	ioctlNone                        // no argument
	ioctlIntIn                       // [int] at entry
	ioctlIntOut                      // [int] at exit
	ioctlUintOut                     // [unsigned] at exit
	ioctlU16Out                      // [unsigned short] at exit
	ioctlLongOut                     // [long] at exit
	ioctlUlongOut                    // [unsigned long] at exit
	ioctlU64Out                      // [uint64] at exit
	ioctlU64PairIn                   // [uint64, uint64] at entry
	ioctlValue                       // the argument as an int
	ioctlUvalue                      // the argument as an unsigned long
	ioctlWinsizeIn                   // struct winsize at entry
	ioctlWinsizeOut                  // struct winsize at exit
	ioctlTermiosIn                   // struct termios at entry
	ioctlTermiosOut                  // struct termios at exit
	ioctlChar                        // one byte, quoted
	ioctlTcxonc                      // TCOOFF...
	ioctlTcflsh                      // TCIFLUSH...
	ioctlTermios2In                  // struct termios2 at entry
	ioctlTermios2Out                 // struct termios2 at exit
	ioctlTermioIn                    // struct termio at entry
	ioctlTermioOut                   // struct termio at exit
	ioctlModemIn                     // TIOCM_* bits at entry
	ioctlModemOut                    // TIOCM_* bits at exit
)

var ioctlArgs = map[uint32]ioctlArg{
	0x5401: ioctlTermiosOut, 0x5402: ioctlTermiosIn, 0x5403: ioctlTermiosIn, 0x5404: ioctlTermiosIn, // TCGETS, TCSETS*
	0x5413: ioctlWinsizeOut, 0x5414: ioctlWinsizeIn, // TIOCGWINSZ, TIOCSWINSZ
	0x5456: ioctlTermiosOut, 0x5457: ioctlTermiosIn, // TIOCGLCKTRMIOS, TIOCSLCKTRMIOS
	0x802c542a: ioctlTermios2Out, 0x402c542b: ioctlTermios2In, 0x402c542c: ioctlTermios2In, 0x402c542d: ioctlTermios2In, // TCGETS2, TCSETS*2
	0x5405: ioctlTermioOut, 0x5406: ioctlTermioIn, 0x5407: ioctlTermioIn, 0x5408: ioctlTermioIn, // TCGETA, TCSETA*
	0x5415: ioctlModemOut, 0x5416: ioctlModemIn, 0x5417: ioctlModemIn, 0x5418: ioctlModemIn, // TIOCMGET, TIOCMBIS, TIOCMBIC, TIOCMSET
	0x540a: ioctlTcxonc, 0x540b: ioctlTcflsh,
	0x5409: ioctlValue, 0x5425: ioctlValue, 0x540e: ioctlValue, // TCSBRK, TCSBRKP, TIOCSCTTY
	0x540f: ioctlIntOut, 0x5429: ioctlIntOut, 0x5424: ioctlIntOut, 0x5419: ioctlIntOut, // TIOCGPGRP, TIOCGSID, TIOCGETD, TIOCGSOFTCAR
	0x80045430: ioctlIntOut, 0x541b: ioctlIntOut, 0x5411: ioctlIntOut, // TIOCGPTN, FIONREAD, TIOCOUTQ
	0x80045440: ioctlIntOut, 0x80045432: ioctlIntOut, // TIOCGEXCL, TIOCGDEV
	0x5410: ioctlIntIn, 0x5423: ioctlIntIn, 0x5421: ioctlIntIn, 0x5452: ioctlIntIn, // TIOCSPGRP, TIOCSETD, FIONBIO, FIOASYNC
	0x5420: ioctlIntIn, 0x541a: ioctlIntIn, 0x40045431: ioctlIntIn, // TIOCPKT, TIOCSSOFTCAR, TIOCSPTLCK
	0x5412: ioctlChar,                                                                             // TIOCSTI
	0x5427: ioctlNone, 0x5428: ioctlNone, 0x541d: ioctlNone, 0x5422: ioctlNone, 0x540c: ioctlNone, // TIOCSBRK, TIOCCBRK, TIOCCONS, TIOCNOTTY, TIOCEXCL
	0x540d: ioctlNone, 0x5451: ioctlNone, 0x5450: ioctlNone, 0x5437: ioctlNone, 0x541f: ioctlNone, // TIOCNXCL, FIOCLEX, FIONCLEX, TIOCVHANGUP, TIOCSSERIAL
	0x1262: ioctlUvalue, 0x1264: ioctlUvalue, // BLKRASET, BLKFRASET
	0x1267: ioctlU16Out, 0x127e: ioctlU16Out, // BLKSECTGET, BLKROTATIONAL
	0x125e: ioctlIntOut, 0x80081270: ioctlIntOut, 0x1268: ioctlIntOut, 0x127a: ioctlIntOut, // BLKROGET, BLKBSZGET, BLKSSZGET, BLKALIGNOFF
	0x125d: ioctlIntIn, 0x40081271: ioctlIntIn, // BLKROSET, BLKBSZSET
	0x127b: ioctlUintOut, 0x1278: ioctlUintOut, 0x1279: ioctlUintOut, 0x127c: ioctlUintOut, // BLKPBSZGET, BLKIOMIN, BLKIOOPT, BLKDISCARDZEROES
	0x1263: ioctlLongOut, 0x1265: ioctlLongOut, // BLKRAGET, BLKFRAGET
	0x1260:     ioctlUlongOut,                                                  // BLKGETSIZE
	0x80081272: ioctlU64Out,                                                    // BLKGETSIZE64
	0x1277:     ioctlU64PairIn, 0x127d: ioctlU64PairIn, 0x127f: ioctlU64PairIn, // BLKDISCARD, BLKSECDISCARD, BLKZEROOUT
	0x125f: ioctlNone, 0x1261: ioctlNone, // BLKRRPART, BLKFLSBUF
}

// ioctlCode prints an ioctl request by name, or as _IOC(dir, type, nr,
// size); under -X raw in hex, under -X verbose in hex with the name in a
// comment.
func (c *ctx) ioctlCode(code uint32) {
	abbrev := func() {
		if name, ok := xIoctls.Lookup(uint64(code)); ok {
			c.str(name)
			return
		}
		c.str("_IOC(")
		c.flags(xIoctlDirs, uint64(code>>30), "_IOC_???")
		c.sep()
		c.hex(uint64(code >> 8 & 0xff))
		c.sep()
		c.hex(uint64(code & 0xff))
		c.sep()
		c.hex(uint64(code >> 16 & 0x3fff))
		c.b = append(c.b, ')')
	}
	if !c.styled(func() { c.hex(uint64(code)) }, abbrev) {
		abbrev()
	}
}

// numAt prints the number of size bytes at addr in brackets: [5].
func (c *ctx) numAt(addr uint64, size int, signed bool) {
	b := c.read(addr, size)
	if b == nil {
		return
	}
	v := leN(b, size)
	if signed && size == 4 {
		v = uint64(int64(int32(v)))
	}
	c.b = append(c.b, '[')
	if signed {
		c.long(v)
	} else {
		c.ulong(v)
	}
	c.b = append(c.b, ']')
}

func (c *ctx) winsize(addr uint64) {
	w := c.read(addr, 8)
	if w == nil {
		return
	}
	for i, n := range [...]string{"{ws_row=", ", ws_col=", ", ws_xpixel=", ", ws_ypixel="} {
		c.str(n)
		c.ulong(uint64(le16(w[2*i:])))
	}
	c.b = append(c.b, '}')
}

// The terminal structures strace decodes: struct termios, struct
// termios2 (with the speeds) and the old struct termio (16-bit flags,
// 8 control characters).
type termKind uint8

const (
	termTermios termKind = iota
	termTermios2
	termTermio
)

// termios prints a struct termios as strace does: the four flag words, and
// the line discipline and control characters with -v.
func (c *ctx) termios(addr uint64) { c.termStruct(addr, termTermios) }

func (c *ctx) termStruct(addr uint64, kind termKind) {
	size, ncc, line := 36, 19, 16
	switch kind {
	case termTermios2:
		size = 44
	case termTermio:
		size, ncc, line = 18, 8, 8
	}
	t := c.read(addr, size)
	if t == nil {
		return
	}
	flag := func(i int) uint64 {
		if kind == termTermio {
			return uint64(le16(t[2*i:]))
		}
		return uint64(le32(t[4*i:]))
	}
	c.str("{c_iflag=")
	c.flags(xTermIflags, flag(0), "")
	c.str(", c_oflag=")
	o := flag(1)
	for _, d := range [...]struct {
		x    *printers.Xlat
		mask uint64
		dflt string
	}{{xTermOflagsNldly, 0o400, "NL?"}, {xTermOflagsCrdly, 0o3000, "CR?"}, {xTermOflagsTabdly, 0o14000, "TAB?"},
		{xTermOflagsBsdly, 0o20000, "BS?"}, {xTermOflagsVtdly, 0o40000, "VT?"}, {xTermOflagsFfdly, 0o100000, "FF?"}} {
		c.xval(d.x, o&d.mask, d.dflt)
		c.b = append(c.b, '|')
		o &^= d.mask
	}
	c.flags(xTermOflags, o, "")
	c.str(", c_cflag=")
	cf := flag(2)
	const cbaud, cibaud, ibshift, csize = 0o10017, 0o2003600000, 16, 0o60
	c.xval(xBaudOptions, cf&cbaud, "B???")
	c.b = append(c.b, '|')
	if cf&cibaud != 0 {
		c.xval(xBaudOptions, cf&cibaud>>ibshift, "B???")
		c.str("<<IBSHIFT|")
	}
	c.xval(xTermCflagsCsize, cf&csize, "CS?")
	c.b = append(c.b, '|')
	c.flags(xTermCflags, cf&^(cbaud|cibaud|csize), "")
	c.str(", c_lflag=")
	c.flags(xTermLflags, flag(3), "")
	if !c.verbose() {
		c.str(", ...}")
		return
	}
	c.str(", c_line=")
	c.xval(xTermLineDiscs, uint64(t[line]), "N_???")
	c.str(", c_cc=[")
	for i := 0; i < ncc; i++ {
		if i > 0 {
			c.sep()
		}
		c.b = append(c.b, '[')
		if name, ok := xTermiosCc.Lookup(uint64(i)); ok {
			c.str(name)
		} else {
			c.uint(uint64(i))
		}
		c.str("]=")
		c.hex(uint64(t[line+1+i]))
	}
	c.b = append(c.b, ']')
	if kind == termTermios2 {
		c.str(", c_ispeed=")
		c.uint(uint64(le32(t[36:])))
		c.str(", c_ospeed=")
		c.uint(uint64(le32(t[40:])))
	}
	c.b = append(c.b, '}')
}

// modemFlags prints the TIOCM_* bits at addr: [TIOCM_DTR|TIOCM_RTS].
func (c *ctx) modemFlags(addr uint64) {
	if b := c.read(addr, 4); b != nil {
		c.b = append(c.b, '[')
		c.flags(xModemFlags, uint64(le32(b)), "TIOCM_???")
		c.b = append(c.b, ']')
	}
}

// decIoctl is strace's ioctl decoder for the terminal, file and block
// requests; others print their argument in hex.
func decIoctl(c *ctx) {
	code := uint32(c.a[1])
	arg := c.a[2]
	kind := ioctlHex
	if k, ok := ioctlArgs[code]; ok {
		kind = k
	}
	// The socket, perf and seccomp requests have decoders of their own; others
	// of their types print the argument in hex.
	if typ := code >> 8 & 0xff; typ == 0x89 || typ == 0x24 || typ == 0x21 {
		if !c.exiting {
			c.fd(c.a[0])
			c.sep()
			c.ioctlCode(code)
		}
		if typ == 0x89 && c.decSockIoctl(code, arg) || typ == 0x24 && c.decPerfIoctl(code, arg) ||
			typ == 0x21 && c.decSeccompIoctl(code, arg) {
			return
		}
		if !c.exiting {
			c.sep()
			c.hex(arg)
		}
		return
	}
	out := false
	switch kind {
	case ioctlIntOut, ioctlUintOut, ioctlU16Out, ioctlLongOut, ioctlUlongOut, ioctlU64Out, ioctlWinsizeOut, ioctlTermiosOut,
		ioctlTermios2Out, ioctlTermioOut, ioctlModemOut:
		out = true
	}
	if !c.exiting {
		c.fd(c.a[0])
		c.sep()
		c.ioctlCode(code)
		if out || kind == ioctlNone {
			return
		}
		c.sep()
		switch kind {
		case ioctlIntIn:
			c.numAt(arg, 4, true)
		case ioctlU64PairIn:
			if b := c.read(arg, 16); b != nil {
				c.b = append(c.b, '[')
				c.ulong(le64(b))
				c.sep()
				c.ulong(le64(b[8:]))
				c.b = append(c.b, ']')
			}
		case ioctlValue:
			c.int(arg)
		case ioctlUvalue:
			c.ulong(arg)
		case ioctlWinsizeIn:
			c.winsize(arg)
		case ioctlTermiosIn:
			c.termios(arg)
		case ioctlTermios2In:
			c.termStruct(arg, termTermios2)
		case ioctlTermioIn:
			c.termStruct(arg, termTermio)
		case ioctlModemIn:
			c.modemFlags(arg)
		case ioctlChar:
			c.strN(arg, 1)
		case ioctlTcxonc:
			c.xval(xTcxoncOptions, arg, "TC???")
		case ioctlTcflsh:
			c.xval(xTcflshOptions, arg, "TC???")
		default:
			c.hex(arg)
		}
		return
	}
	if !out {
		return
	}
	c.sep()
	switch kind {
	case ioctlIntOut:
		c.numAt(arg, 4, true)
	case ioctlUintOut:
		c.numAt(arg, 4, false)
	case ioctlU16Out:
		c.numAt(arg, 2, false)
	case ioctlLongOut:
		c.numAt(arg, c.longSize(), true)
	case ioctlUlongOut:
		c.numAt(arg, c.longSize(), false)
	case ioctlU64Out:
		c.numAt(arg, 8, false)
	case ioctlWinsizeOut:
		c.winsize(arg)
	case ioctlTermiosOut:
		c.termios(arg)
	case ioctlTermios2Out:
		c.termStruct(arg, termTermios2)
	case ioctlTermioOut:
		c.termStruct(arg, termTermio)
	case ioctlModemOut:
		c.modemFlags(arg)
	}
}
