package linux

import "github.com/guestrace/guestrace/pkg/printers"

// capget and capset, printed as strace's capability.c prints them.

const (
	capVersion2 = 0x20071026
	capVersion3 = 0x20080522
)

// xCapMask0 and xCapMask1 name the bits of the low and high words of a
// capability set, made from xCap (the capability numbers): strace prints
// them 1<<CAP_CHOWN.
var xCapMask0, xCapMask1 = capMasks()

func capMasks() (lo, hi *printers.Xlat) {
	lo, hi = &printers.Xlat{}, &printers.Xlat{}
	for _, e := range xCap.Entries {
		if e.Val < 32 {
			lo.Entries = append(lo.Entries, printers.XlatEntry{Val: 1 << e.Val, Name: "1<<" + e.Name})
		} else if e.Val < 64 {
			hi.Entries = append(hi.Entries, printers.XlatEntry{Val: 1 << (e.Val - 32), Name: "1<<" + e.Name})
		}
	}
	return lo, hi
}

// capHeader reads the header {version, pid}; ok is false when it cannot.
func (c *ctx) capHeader(addr uint64) (version uint32, pid int32, ok bool) {
	if addr == 0 {
		return 0, 0, false
	}
	var b [8]byte
	if printers.ReadFull(c.m, addr, b[:]) != nil {
		return 0, 0, false
	}
	return le32(b[:]), int32(le32(b[4:])), true
}

func (c *ctx) printCapHeader(addr uint64) {
	v, pid, ok := c.capHeader(addr)
	if !ok {
		c.ptr(addr)
		return
	}
	c.str("{version=")
	c.xval(xCapVersion, uint64(v), "_LINUX_CAPABILITY_VERSION_???")
	c.str(", pid=")
	c.long(uint64(int64(pid)))
	c.b = append(c.b, '}')
}

// capBits prints one capability set of two words.
func (c *ctx) capBits(lo, hi uint32) {
	if lo != 0 || hi == 0 {
		c.flags(xCapMask0, uint64(lo), "CAP_???")
	}
	if hi != 0 {
		if lo != 0 {
			c.b = append(c.b, '|')
		}
		c.flags(xCapMask1, uint64(hi), "CAP_???")
	}
}

// capData prints {effective=..., permitted=..., inheritable=...}: one
// struct of three words for version 1, two for versions 2 and 3.
func (c *ctx) capData(addr, hdr uint64, hdrOK bool) {
	v, _, ok := c.capHeader(hdr)
	if addr == 0 || !ok || !hdrOK {
		c.ptr(addr)
		return
	}
	n := 12
	if v == capVersion2 || v == capVersion3 {
		n = 24
	}
	b := c.read(addr, n)
	if b == nil {
		return
	}
	var w [6]uint32
	for i := 0; i < n/4; i++ {
		w[i] = le32(b[4*i:])
	}
	for i, name := range [...]string{"{effective=", ", permitted=", ", inheritable="} {
		c.str(name)
		c.capBits(w[i], w[3+i])
	}
	c.b = append(c.b, '}')
}

func decCapget(c *ctx) {
	if !c.exiting {
		c.printCapHeader(c.a[0])
		c.sep()
		return
	}
	c.capData(c.a[1], c.a[0], !c.failed)
}

func decCapset(c *ctx) {
	if c.exiting {
		return
	}
	c.printCapHeader(c.a[0])
	c.sep()
	c.capData(c.a[1], c.a[0], true)
}
