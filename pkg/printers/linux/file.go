package linux

import (
	"time"

	"github.com/guestrace/guestrace/pkg/printers"
)

// Open flags that make open's third argument, the mode, meaningful.
const (
	oCreat   = 0o100
	oTmpfile = 0o20000000 // __O_TMPFILE
)

// openFlags prints open's flags as strace does: the access mode by name,
// then the other flags.
func (c *ctx) openFlags(v uint64) {
	if name, ok := xOpenAccessModes.Lookup(v & 3); ok {
		c.str(name)
		v &^= 3
		if v == 0 {
			return
		}
		c.b = append(c.b, '|')
		var printed bool
		if c.b, printed = printers.AppendFlags(c.b, xOpenModeFlags, v, ""); !printed {
			c.b = c.b[:len(c.b)-1]
		}
		return
	}
	c.flags(xOpenModeFlags, v, "")
}

var aOpenFlags = argOf(printers.KindFlags, func(c *ctx, v uint64) { c.openFlags(uint64(uint32(v))) })

// aOpenMode is open's mode, printed only with O_CREAT or O_TMPFILE in the
// flags, argument i.
func aOpenMode(flagsArg int) Arg {
	a := aMode
	a.skip = func(c *ctx) bool { return c.a[flagsArg]&(oCreat|oTmpfile) == 0 }
	return a
}

var aAtFlags = aFlags32(xAtFlags, "AT_???")

// struct stat on x86-64.
const (
	statSize = 144
	sIFMT    = 0o170000
	sIFCHR   = 0o020000
	sIFBLK   = 0o060000
)

// symbolicMode prints a st_mode: S_IFREG|0644.
func (c *ctx) symbolicMode(m uint64) {
	m = uint64(uint32(m))
	ifmt := ""
	if m&sIFMT != 0 {
		var ok bool
		if ifmt, ok = xModetypes.Lookup(m & sIFMT); !ok {
			c.mode(m)
			return
		}
	}
	if ifmt != "" {
		c.str(ifmt)
		c.b = append(c.b, '|')
	}
	if m&0o4000 != 0 {
		c.str("S_ISUID|")
	}
	if m&0o2000 != 0 {
		c.str("S_ISGID|")
	}
	if m&0o1000 != 0 {
		c.str("S_ISVTX|")
	}
	c.mode(m &^ (sIFMT | 0o7000))
}

// dev prints a dev_t as makedev(0x1, 0x3), with glibc's major/minor split.
func (c *ctx) dev(d uint64) {
	major := (d>>8)&0xfff | (d>>32)&^0xfff
	minor := d&0xff | (d>>12)&^0xff
	c.str("makedev(")
	c.hex(uint64(uint32(major)))
	c.sep()
	c.hex(uint64(uint32(minor)))
	c.b = append(c.b, ')')
}

// timeComment prints " /* 2024-01-02T03:04:05.123456789+0000 */" as strace
// does for times in verbose structures.
func (c *ctx) timeComment(sec int64, nsec uint64) {
	c.str(" /* ")
	t := time.Unix(sec, 0)
	c.b = t.AppendFormat(c.b, "2006-01-02T15:04:05")
	if nsec != 0 && nsec < 1e9 {
		c.b = append(c.b, '.')
		for div := uint64(1e8); div > 0; div /= 10 {
			c.b = append(c.b, byte('0'+nsec/div%10))
		}
	}
	c.b = t.AppendFormat(c.b, "-0700")
	c.str(" */")
}

// stat prints a struct stat the call filled (abbreviated unless -v).
func (c *ctx) stat(addr uint64) {
	st := c.read(addr, statSize)
	if st == nil {
		return
	}
	mode := uint64(le32(st[24:]))
	c.b = append(c.b, '{')
	if c.verbose() {
		c.name("st_dev")
		c.dev(le64(st[0:]))
		c.sep()
		c.name("st_ino")
		c.ulong(le64(st[8:]))
		c.sep()
		c.name("st_mode")
		c.symbolicMode(mode)
		c.sep()
		c.name("st_nlink")
		c.ulong(le64(st[16:]))
		c.sep()
		c.name("st_uid")
		c.ulong(uint64(le32(st[28:])))
		c.sep()
		c.name("st_gid")
		c.ulong(uint64(le32(st[32:])))
		c.sep()
		c.name("st_blksize")
		c.ulong(le64(st[56:]))
		c.sep()
		c.name("st_blocks")
		c.ulong(le64(st[64:]))
	} else {
		c.name("st_mode")
		c.symbolicMode(mode)
	}
	c.sep()
	if t := mode & sIFMT; t == sIFCHR || t == sIFBLK {
		c.name("st_rdev")
		c.dev(le64(st[40:]))
	} else {
		c.name("st_size")
		c.ulong(le64(st[48:]))
	}
	if !c.verbose() {
		c.str(", ...}")
		return
	}
	for i, f := range [...][2]string{{"st_atime", "st_atime_nsec"}, {"st_mtime", "st_mtime_nsec"}, {"st_ctime", "st_ctime_nsec"}} {
		off := 72 + 16*i
		sec, nsec := int64(le64(st[off:])), le64(st[off+8:])
		c.sep()
		c.name(f[0])
		c.long(uint64(sec))
		c.timeComment(sec, nsec)
		c.sep()
		c.name(f[1])
		c.ulong(nsec)
	}
	c.b = append(c.b, '}')
}

var aStatOut = aOutStruct((*ctx).stat)
