package linux

import (
	"encoding/binary"

	"github.com/guestrace/guestrace/pkg/printers"
)

// pathMax is Linux's PATH_MAX: paths are printed whole up to PATH_MAX-1
// bytes, whatever -s says.
const pathMax = 4096

const atFDCWD = -100

// Printing of single values.

func (c *ctx) int(v uint64)   { c.b = printers.AppendInt(c.b, int64(int32(v))) }
func (c *ctx) uint(v uint64)  { c.b = printers.AppendUint(c.b, uint64(uint32(v))) }
func (c *ctx) long(v uint64)  { c.b = printers.AppendInt(c.b, int64(v)) }
func (c *ctx) ulong(v uint64) { c.b = printers.AppendUint(c.b, v) }
func (c *ctx) hex(v uint64)   { c.b = printers.AppendHex(c.b, v) }
func (c *ctx) ptr(v uint64)   { c.b = printers.AppendPtr(c.b, v) }
func (c *ctx) mode(v uint64)  { c.b = printers.AppendMode(c.b, v) }

// Reading guest memory. Each read is bounded by its caller.

// read reads n bytes at addr into scratch space, or prints addr and returns
// nil when they cannot all be read (strace's umoven_or_printaddr). At exit
// of a failed call nothing is read: the address is printed.
func (c *ctx) read(addr uint64, n int) []byte {
	if addr == 0 || (c.exiting && c.failed) {
		c.ptr(addr)
		return nil
	}
	buf := c.mem(n)
	if printers.ReadFull(c.m, addr, buf) != nil {
		c.ptr(addr)
		return nil
	}
	return buf
}

// readAt is read into a buffer of the caller's.
func (c *ctx) readInto(addr uint64, buf []byte) bool {
	if addr == 0 || (c.exiting && c.failed) {
		c.ptr(addr)
		return false
	}
	if printers.ReadFull(c.m, addr, buf) != nil {
		c.ptr(addr)
		return false
	}
	return true
}

// strZ prints the NUL-terminated string at addr, at most limit bytes of it
// followed by "..." when it is longer (strace's printstr and printpathn).
func (c *ctx) strZ(addr uint64, limit int) {
	if addr == 0 {
		c.str("NULL")
		return
	}
	buf := c.mem(limit + 1)
	n, nul, err := printers.ReadString(c.m, addr, buf)
	if err != nil {
		c.ptr(addr)
		return
	}
	c.quote(buf[:min(n, limit)], limit, !nul)
}

func (c *ctx) path(addr uint64) { c.strZ(addr, pathMax-1) }

// pathN prints a path of at most n bytes (strace's printpathn) and returns
// -1 if it could not be read, 1 if its NUL was seen, else 0.
func (c *ctx) pathN(addr uint64, n int) int {
	if addr == 0 {
		c.str("NULL")
		return -1
	}
	n = min(max(n, 0), pathMax-1)
	buf := c.mem(n + 1)
	k, nul, err := printers.ReadString(c.m, addr, buf)
	if err != nil {
		c.ptr(addr)
		return -1
	}
	c.quote(buf[:min(k, n)], n, !nul)
	if nul {
		return 1
	}
	return 0
}
func (c *ctx) cstr(addr uint64) { c.strZ(addr, c.limit()) }

// strN prints n bytes at addr, at most -s of them (strace's printstrn).
func (c *ctx) strN(addr, n uint64) {
	c.strNStyle(addr, n, false)
}

func (c *ctx) strNStyle(addr, n uint64, hex bool) {
	if addr == 0 {
		c.str("NULL")
		return
	}
	lim := c.limit()
	size := uint64(lim) + 1
	if size > n {
		size = n
	}
	buf := c.mem(int(size))
	if printers.ReadFull(c.m, addr, buf) != nil {
		c.ptr(addr)
		return
	}
	if hex {
		c.b = printers.AppendHexQuoted(c.b, buf, lim, n > uint64(lim))
		return
	}
	c.quote(buf, lim, n > uint64(lim))
}

// outStr prints the buffer a call filled: its address if the call failed,
// else the ret bytes it returned.
func (c *ctx) outStr(addr uint64) {
	if c.failed {
		c.ptr(addr)
		return
	}
	c.strN(addr, uint64(c.ret))
}

func le32(b []byte) uint32 { return binary.LittleEndian.Uint32(b) }
func le64(b []byte) uint64 { return binary.LittleEndian.Uint64(b) }
func le16(b []byte) uint16 { return binary.LittleEndian.Uint16(b) }

// leN reads an unsigned value of size bytes (2, 4 or 8) at b's start.
func leN(b []byte, size int) uint64 {
	switch size {
	case 2:
		return uint64(le16(b))
	case 4:
		return uint64(le32(b))
	}
	return le64(b)
}

// Argument kinds for the table.

func argOf(k printers.ArgKind, fn func(c *ctx, v uint64)) Arg { return Arg{Kind: k, fn: fn} }

var (
	aInt   = argOf(printers.KindInt, (*ctx).int)
	aUint  = argOf(printers.KindUint, (*ctx).uint)
	aLong  = argOf(printers.KindLong, (*ctx).long)
	aUlong = argOf(printers.KindUlong, (*ctx).ulong)
	aHex   = argOf(printers.KindHex, (*ctx).hex)
	aPtr   = argOf(printers.KindPtr, (*ctx).ptr)
	aFD    = argOf(printers.KindFD, (*ctx).fd)
	aDirFD = argOf(printers.KindDirFD, (*ctx).dirfd)
	aPID   = argOf(printers.KindPID, (*ctx).int)
	aMode  = argOf(printers.KindMode, func(c *ctx, v uint64) { c.mode(v & 0xffff) })
	aPath  = argOf(printers.KindPath, (*ctx).path)
	aStr   = argOf(printers.KindString, (*ctx).cstr)
	aSig   = argOf(printers.KindSignal, func(c *ctx, v uint64) { c.signal(int64(int32(v))) })
	// aPtrOut is an output pointer printed as an address, at exit.
	aPtrOut = out(aPtr)
)

// out marks an argument as printed at exit.
func out(a Arg) Arg { a.Out = true; return a }

func aFlags(x *printers.Xlat, dflt string) Arg {
	return argOf(printers.KindFlags, func(c *ctx, v uint64) { c.flags(x, v, dflt) })
}

// aFlags32 prints the low 32 bits of v as flags (an int argument).
func aFlags32(x *printers.Xlat, dflt string) Arg {
	return argOf(printers.KindFlags, func(c *ctx, v uint64) { c.flags(x, uint64(uint32(v)), dflt) })
}

func aXval(x *printers.Xlat, dflt string) Arg {
	return argOf(printers.KindEnum, func(c *ctx, v uint64) { c.xval(x, v, dflt) })
}

func aXval32(x *printers.Xlat, dflt string) Arg {
	return argOf(printers.KindEnum, func(c *ctx, v uint64) { c.xval(x, uint64(uint32(v)), dflt) })
}

// aBufIn prints a buffer whose length is argument n, at entry.
func aBufIn(n int) Arg {
	return argOf(printers.KindBufIn, func(c *ctx, v uint64) { c.strN(v, c.a[n]) })
}

// aBufOut prints the bytes the call returned into a buffer, at exit.
var aBufOut = Arg{Kind: printers.KindBufOut, Out: true, fn: (*ctx).outStr}

// aOutStruct prints a structure the call fills, at exit.
func aOutStruct(fn func(c *ctx, v uint64)) Arg {
	return Arg{Kind: printers.KindStructOut, Out: true, fn: fn}
}

func aInStruct(fn func(c *ctx, v uint64)) Arg { return argOf(printers.KindStructIn, fn) }

// cstrN prints the NUL-terminated string at addr, of at most n bytes and
// at most -s of them (strace's printstr_ex with a length).
func (c *ctx) cstrN(addr, n uint64) {
	if addr == 0 {
		c.str("NULL")
		return
	}
	lim := c.limit()
	size := min(uint64(lim)+1, n)
	buf := c.mem(int(size))
	k, nul, err := printers.ReadString(c.m, addr, buf)
	if err != nil {
		c.ptr(addr)
		return
	}
	c.quote(buf[:min(k, lim)], lim, !nul && n != 0)
}
