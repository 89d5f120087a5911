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
	if c.styled(func() { c.hex(v) }, func() { c.openFlags(v) }) {
		return
	}
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
	if c.styled(func() { c.mode(m) }, func() { c.symbolicMode(m) }) {
		return
	}
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
func (c *ctx) timeComment(sec int64, nsec uint64) { c.timeCommentPart(sec, nsec, 1e9) }

// timeCommentPart is timeComment with the fraction in units of 1/per of a
// second: nanoseconds (1e9) or microseconds (1e6, timevals).
func (c *ctx) timeCommentPart(sec int64, part, per uint64) {
	c.str(" /* ")
	c.b = appendTime(c.b, sec, part, per)
	c.str(" */")
}

// appendTime appends strace's sprinttime: 2024-01-02T03:04:05+0000, with
// the fraction when there is one.
func appendTime(b []byte, sec int64, part, per uint64) []byte {
	t := time.Unix(sec, 0)
	b = t.AppendFormat(b, "2006-01-02T15:04:05")
	if part != 0 && part < per {
		b = append(b, '.')
		for div := per / 10; div > 0; div /= 10 {
			b = append(b, byte('0'+part/div%10))
		}
	}
	return t.AppendFormat(b, "-0700")
}

// statField is where one struct stat field lies: its offset and width
// (4 or 8 bytes), which differ between ABIs.
type statField struct{ off, width int }

// u reads the field unsigned.
func (f statField) u(st []byte) uint64 {
	if f.width == 4 {
		return uint64(le32(st[f.off:]))
	}
	return le64(st[f.off:])
}

// s reads the field sign-extended.
func (f statField) s(st []byte) int64 {
	if f.width == 4 {
		return int64(int32(le32(st[f.off:])))
	}
	return int64(le64(st[f.off:]))
}

// statLayout is one ABI's struct stat: its size, where each field lies,
// and whether st_size prints signed (strace prints stat64's as a loff_t).
type statLayout struct {
	bytes                                                        int
	dev, ino, mode, nlink, uid, gid, rdev, size, blksize, blocks statField
	// atime is the first of three {seconds, nanoseconds} pairs
	// (atime, mtime, ctime), each half of it atime.width bytes.
	atime      statField
	signedSize bool
}

// statX8664 is struct stat on x86-64.
var statX8664 = statLayout{
	bytes: statSize,
	dev:   statField{0, 8}, ino: statField{8, 8}, nlink: statField{16, 8},
	mode: statField{24, 4}, uid: statField{28, 4}, gid: statField{32, 4},
	rdev: statField{40, 8}, size: statField{48, 8}, blksize: statField{56, 8},
	blocks: statField{64, 8}, atime: statField{72, 8},
}

// stat prints a struct stat the call filled (abbreviated unless -v).
func (c *ctx) stat(addr uint64) { c.statAs(addr, &statX8664) }

// statAs prints a struct stat laid out as l.
func (c *ctx) statAs(addr uint64, l *statLayout) {
	st := c.read(addr, l.bytes)
	if st == nil {
		return
	}
	mode := l.mode.u(st)
	c.b = append(c.b, '{')
	if c.verbose() {
		c.name("st_dev")
		c.dev(l.dev.u(st))
		c.sep()
		c.name("st_ino")
		c.ulong(l.ino.u(st))
		c.sep()
		c.name("st_mode")
		c.symbolicMode(mode)
		for _, f := range [...]struct {
			name string
			f    statField
		}{{"st_nlink", l.nlink}, {"st_uid", l.uid}, {"st_gid", l.gid}, {"st_blksize", l.blksize}, {"st_blocks", l.blocks}} {
			c.sep()
			c.name(f.name)
			c.ulong(f.f.u(st))
		}
	} else {
		c.name("st_mode")
		c.symbolicMode(mode)
	}
	c.sep()
	if t := mode & sIFMT; t == sIFCHR || t == sIFBLK {
		c.name("st_rdev")
		c.dev(l.rdev.u(st))
	} else {
		c.name("st_size")
		if l.signedSize {
			c.long(uint64(l.size.s(st)))
		} else {
			c.ulong(l.size.u(st))
		}
	}
	if !c.verbose() {
		c.str(", ...}")
		return
	}
	w := l.atime.width
	for i, f := range [...][2]string{{"st_atime", "st_atime_nsec"}, {"st_mtime", "st_mtime_nsec"}, {"st_ctime", "st_ctime_nsec"}} {
		sec := statField{l.atime.off + 2*w*i, w}.s(st)
		nsec := statField{l.atime.off + 2*w*i + w, w}.u(st)
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

const (
	utimeNow  = (1 << 30) - 1
	utimeOmit = (1 << 30) - 2
)

// utimens prints utimensat's pair of times.
func (c *ctx) utimens(addr uint64) {
	n := c.timeSize()
	t := c.read(addr, 4*n)
	if t == nil {
		return
	}
	c.b = append(c.b, '[')
	for i := 0; i < 2; i++ {
		if i > 0 {
			c.sep()
		}
		ts := t[2*n*i:]
		switch nsec := c.timeOf(ts[n:]); nsec {
		case utimeNow:
			c.str("UTIME_NOW")
		case utimeOmit:
			c.str("UTIME_OMIT")
		default:
			c.timespec(ts)
			c.timeComment(int64(c.timeOf(ts)), nsec)
		}
	}
	c.b = append(c.b, ']')
}

// mknodMode is mknod's mode, with its file type.
func (c *ctx) mknodMode(v uint64) { c.symbolicMode(uint64(uint32(v))) }

// aMknodDev is mknod's device, printed for device nodes only; the mode is
// argument modeArg.
func aMknodDev(modeArg int) Arg {
	a := aInStruct((*ctx).dev)
	a.skip = func(c *ctx) bool {
		t := c.a[modeArg] & sIFMT
		return t != sIFCHR && t != sIFBLK
	}
	return a
}

const (
	statxType  = 0x1
	statxMode  = 0x2
	statxNlink = 0x4
	statxUID   = 0x8
	statxGID   = 0x10
	statxAtime = 0x20
	statxMtime = 0x40
	statxCtime = 0x80
	statxIno   = 0x100
	statxSize  = 0x200
	statxBlock = 0x400
	statxBtime = 0x800
	statxMntID = 0x1000
	statxDIO   = 0x2000
)

func (c *ctx) statxTime(b []byte) {
	c.str("{tv_sec=")
	c.long(le64(b))
	c.str(", tv_nsec=")
	c.ulong(uint64(le32(b[8:])))
	c.b = append(c.b, '}')
	c.timeComment(int64(le64(b)), uint64(le32(b[8:])))
}

// statx prints a struct statx the call filled.
func (c *ctx) statx(addr uint64) {
	s := c.read(addr, 256)
	if s == nil {
		return
	}
	mask := uint64(le32(s))
	v := c.verbose()
	c.str("{stx_mask=")
	c.flags(xStatxMasks, mask, "STATX_???")
	if v {
		c.str(", stx_blksize=")
		c.ulong(uint64(le32(s[4:])))
	}
	c.str(", stx_attributes=")
	c.flags(xStatxAttrs, le64(s[8:]), "STATX_ATTR_???")
	if v {
		if mask&statxNlink != 0 {
			c.str(", stx_nlink=")
			c.ulong(uint64(le32(s[16:])))
		}
		if mask&statxUID != 0 {
			c.str(", stx_uid=")
			c.uid(uint64(le32(s[20:])))
		}
		if mask&statxGID != 0 {
			c.str(", stx_gid=")
			c.uid(uint64(le32(s[24:])))
		}
	}
	if mask&(statxType|statxMode) != 0 {
		c.str(", stx_mode=")
		c.symbolicMode(uint64(le16(s[28:])))
	}
	if v && mask&statxIno != 0 {
		c.str(", stx_ino=")
		c.ulong(le64(s[32:]))
	}
	if mask&statxSize != 0 {
		c.str(", stx_size=")
		c.ulong(le64(s[40:]))
	}
	if !v {
		c.str(", ...}")
		return
	}
	if mask&statxBlock != 0 {
		c.str(", stx_blocks=")
		c.ulong(le64(s[48:]))
	}
	c.str(", stx_attributes_mask=")
	c.flags(xStatxAttrs, le64(s[56:]), "STATX_ATTR_???")
	for _, t := range [...]struct {
		bit  uint64
		off  int
		name string
	}{{statxAtime, 64, ", stx_atime="}, {statxBtime, 80, ", stx_btime="}, {statxCtime, 96, ", stx_ctime="}, {statxMtime, 112, ", stx_mtime="}} {
		if mask&t.bit != 0 {
			c.str(t.name)
			c.statxTime(s[t.off:])
		}
	}
	for i, n := range [...]string{", stx_rdev_major=", ", stx_rdev_minor=", ", stx_dev_major=", ", stx_dev_minor="} {
		c.str(n)
		c.ulong(uint64(le32(s[128+4*i:])))
	}
	if mask&statxMntID != 0 {
		c.str(", stx_mnt_id=")
		c.hex(le64(s[144:]))
	}
	if mask&statxDIO != 0 {
		c.str(", stx_dio_mem_align=")
		c.ulong(uint64(le32(s[152:])))
		c.str(", stx_dio_offset_align=")
		c.ulong(uint64(le32(s[156:])))
	}
	c.b = append(c.b, '}')
}

// statxFlags prints statx's flags: the sync type, then the AT_ flags.
func (c *ctx) statxFlags(v uint64) {
	const syncType = 0x6000
	v = uint64(uint32(v))
	c.flags(xAtStatxSyncTypes, v&syncType, "")
	if v &^= syncType; v != 0 {
		c.b = append(c.b, '|')
		c.flags(xAtFlags, v, "")
	}
}

const stValid = 0x20

// statfsLayout is one ABI's struct statfs: its size and where its
// fields lie; the five counts (f_blocks to f_ffree) follow one another.
type statfsLayout struct {
	bytes                  int
	typ, bsize, counts     statField
	fsid                   int
	namelen, frsize, flags statField
}

var (
	statfsX8664 = statfsLayout{bytes: 120, typ: statField{0, 8}, bsize: statField{8, 8}, counts: statField{16, 8},
		fsid: 56, namelen: statField{64, 8}, frsize: statField{72, 8}, flags: statField{80, 8}}
	// i386's struct statfs, all of 32 bits.
	statfsI386 = statfsLayout{bytes: 64, typ: statField{0, 4}, bsize: statField{4, 4}, counts: statField{8, 4},
		fsid: 28, namelen: statField{36, 4}, frsize: statField{40, 4}, flags: statField{44, 4}}
	// i386's struct statfs64, packed: 64-bit counts.
	statfs64I386 = statfsLayout{bytes: 84, typ: statField{0, 4}, bsize: statField{4, 4}, counts: statField{8, 8},
		fsid: 48, namelen: statField{56, 4}, frsize: statField{60, 4}, flags: statField{64, 4}}
)

// statfs prints a struct statfs the call filled.
func (c *ctx) statfs(addr uint64) {
	if c.compat {
		c.statfsAs(addr, &statfsI386)
	} else {
		c.statfsAs(addr, &statfsX8664)
	}
}

// statfsAs prints a struct statfs of layout l.
func (c *ctx) statfsAs(addr uint64, l *statfsLayout) {
	s := c.read(addr, l.bytes)
	if s == nil {
		return
	}
	c.str("{f_type=")
	c.xval(xFsmagic, l.typ.u(s), "")
	c.str(", f_bsize=")
	c.ulong(l.bsize.u(s))
	for i, n := range [...]string{", f_blocks=", ", f_bfree=", ", f_bavail=", ", f_files=", ", f_ffree="} {
		c.str(n)
		c.ulong(statField{l.counts.off + i*l.counts.width, l.counts.width}.u(s))
	}
	c.str(", f_fsid={val=[")
	c.hex(uint64(le32(s[l.fsid:])))
	c.sep()
	c.hex(uint64(le32(s[l.fsid+4:])))
	c.str("]}, f_namelen=")
	c.ulong(l.namelen.u(s))
	c.str(", f_frsize=")
	c.ulong(l.frsize.u(s))
	if f := l.flags.u(s); f&stValid != 0 {
		c.str(", f_flags=")
		c.flags(xStatfsFlags, f, "ST_???")
	}
	c.b = append(c.b, '}')
}

// openHow prints openat2's struct open_how.
func (c *ctx) openHow(addr uint64) {
	size := c.a[3]
	if size < 24 {
		c.ptr(addr)
		return
	}
	h := c.read(addr, 24)
	if h == nil {
		return
	}
	flags, mode := le64(h), le64(h[8:])
	c.str("{flags=")
	c.openFlags(flags)
	if flags&(oCreat|oTmpfile) != 0 || mode != 0 {
		c.str(", mode=")
		c.mode(mode)
	}
	c.str(", resolve=")
	c.flags(xOpenResolveFlags, le64(h[16:]), "RESOLVE_???")
	c.b = append(c.b, '}')
}
