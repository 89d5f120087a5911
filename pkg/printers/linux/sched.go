package linux

import "github.com/guestrace/guestrace/pkg/printers"

// sched_setattr/sched_getattr, ioprio_get/ioprio_set and personality, as
// strace's sched.c, ioprio.c and personality.c print them.

const (
	schedAttrMinSize  = 48
	schedAttrSizeVer1 = 56
	schedFlagKeepPol  = 0x08
	schedFlagKeepPar  = 0x10
)

// schedAttr prints a struct sched_attr: usize is the size sched_getattr
// was given, 0 for sched_setattr (whose own size field says).
func (c *ctx) schedAttr(addr uint64, usize uint32) {
	var attr [schedAttrSizeVer1]byte
	isSet := usize == 0
	var size uint32
	if !isSet {
		size = min(usize, uint32(len(attr)))
		if !c.readInto(addr, attr[:size]) {
			return
		}
		size = le32(attr[:])
	} else {
		if !c.readInto(addr, attr[:4]) {
			return
		}
		usize = le32(attr[:])
		if usize == 0 {
			usize = schedAttrMinSize
		}
		size = min(usize, uint32(len(attr)))
		if size >= schedAttrMinSize && !c.readInto(addr, attr[:size]) {
			return
		}
	}
	c.str("{size=")
	c.ulong(uint64(le32(attr[:])))
	if size >= schedAttrMinSize {
		policy, flags := le32(attr[4:]), le64(attr[8:])
		if !isSet || int32(policy) < 0 || flags&(schedFlagKeepPol|schedFlagKeepPar) == 0 {
			c.str(", sched_policy=")
			c.xval(xSchedulers, uint64(policy), "SCHED_???")
		}
		c.str(", sched_flags=")
		c.flags(xSchedFlags, flags, "SCHED_FLAG_???")
		if !isSet || flags&schedFlagKeepPar == 0 {
			c.str(", sched_nice=")
			c.int(uint64(le32(attr[16:])))
			c.str(", sched_priority=")
			c.ulong(uint64(le32(attr[20:])))
			c.str(", sched_runtime=")
			c.ulong(le64(attr[24:]))
			c.str(", sched_deadline=")
			c.ulong(le64(attr[32:]))
			c.str(", sched_period=")
			c.ulong(le64(attr[40:]))
		}
		if size >= schedAttrSizeVer1 {
			c.str(", sched_util_min=")
			c.ulong(uint64(le32(attr[48:])))
			c.str(", sched_util_max=")
			c.ulong(uint64(le32(attr[52:])))
		}
	}
	whole := le32(attr[:])
	if isSet {
		whole = usize
	}
	if whole > size {
		c.str(", ...")
	}
	c.b = append(c.b, '}')
}

const e2big = 7

func decSchedSetattr(c *ctx) {
	if !c.exiting {
		c.int(c.a[0])
		c.sep()
		c.schedAttr(c.a[1], 0)
		return
	}
	if c.failed && -c.ret == e2big {
		var b [4]byte
		if printers.ReadFull(c.m, c.a[1], b[:]) == nil {
			c.str(" => {size=")
			c.ulong(uint64(le32(b[:])))
			c.b = append(c.b, '}')
		}
	}
	c.sep()
	c.uint(c.a[2])
}

func decSchedGetattr(c *ctx) {
	if !c.exiting {
		c.int(c.a[0])
		c.sep()
		return
	}
	size := uint32(c.a[2])
	if size != 0 {
		c.schedAttr(c.a[1], size)
	} else {
		c.ptr(c.a[1])
	}
	c.sep()
	c.uint(uint64(size))
	c.sep()
	c.uint(c.a[3])
}

// ioprio prints IOPRIO_PRIO_VALUE(class, data).
func (c *ctx) ioprio(v uint64) {
	v = uint64(uint32(v))
	c.str("IOPRIO_PRIO_VALUE(")
	c.xval(xIoprioClass, v>>13, "IOPRIO_CLASS_???")
	c.sep()
	c.int(v & (1<<13 - 1))
	c.b = append(c.b, ')')
}

var aIoprio = argOf(printers.KindFlags, (*ctx).ioprio)

// ioprioGetRet is ioprio_get's return with its meaning: 16386
// (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 2)).
func ioprioGetRet(c *ctx) {
	c.long(uint64(c.ret))
	c.str(" (")
	c.ioprio(uint64(c.ret))
	c.b = append(c.b, ')')
}

const perMask = 0xff

// personality prints a persona: PER_* type, then the flags.
func (c *ctx) personality(v uint64) {
	v = uint64(uint32(v))
	if v == 0xffffffff {
		c.hex(v)
		return
	}
	c.xval(xPersonalityTypes, v&perMask, "PER_???")
	if v&^perMask != 0 {
		c.b = append(c.b, '|')
		c.flags(xPersonalityFlags, v&^perMask, "")
	}
}

var aPersonality = argOf(printers.KindFlags, (*ctx).personality)

// personalityRet is the previous persona in hex and by name.
func personalityRet(c *ctx) {
	c.hex(uint64(c.ret))
	c.str(" (")
	c.xval(xPersonalityTypes, uint64(c.ret)&perMask, "PER_???")
	if rest := uint64(c.ret) &^ perMask; rest != 0 {
		c.b = append(c.b, '|')
		c.flags(xPersonalityFlags, rest, "")
	}
	c.b = append(c.b, ')')
}
