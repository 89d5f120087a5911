package windows

import (
	"encoding/binary"

	"github.com/guestrace/guestrace/pkg/printers"
)

// kind is how an argument is printed.
type kind uint8

const (
	kHandle       kind = iota // HANDLE: 0x1c, NULL, NtCurrentProcess()
	kPtr                      // an address: NULL or 0x...
	kHex                      // a number in hex
	kUlong                    // ULONG in decimal
	kLong                     // LONG in decimal
	kSize                     // SIZE_T in decimal
	kBool                     // BOOLEAN: TRUE or FALSE
	kStatus                   // NTSTATUS: its name
	kFlags                    // bits named by x
	kEnum                     // a value named by x, else hex
	kClass                    // an information class named by x, else decimal
	kAccess                   // ACCESS_MASK: x holds the object's specific rights
	kObjAttr                  // POBJECT_ATTRIBUTES: {Root=..., Name="..."}
	kUString                  // PUNICODE_STRING
	kLargeInt                 // PLARGE_INTEGER in: [n]
	kClientID                 // PCLIENT_ID in
	kBuf                      // in data, length in argument ref
	kRegData                  // registry data, type in ref, size in aux
	kFileInfo                 // FileInformation in, class in ref, length in aux
	kProcParams               // PRTL_USER_PROCESS_PARAMETERS
	kContext                  // PCONTEXT in
	kPrivileges               // PTOKEN_PRIVILEGES in
	kPortMsg                  // PPORT_MESSAGE in
	kHandles                  // HANDLE[], count in ref
	kOutHandle                // PHANDLE written at the return: [0x1c]
	kOutUlong                 // PULONG: [n], or its name in x
	kOutLong                  // PLONG: [n]
	kOutSize                  // PSIZE_T: [n]
	kOutPtr                   // PVOID*: [0x...]
	kOutLargeInt              // PLARGE_INTEGER: [n]
	kOutClientID              // PCLIENT_ID
	kOutIosb                  // PIO_STATUS_BLOCK; x names Information
	kOutBuf                   // data written; its length by aux (a lenFrom) and ref
	kOutUString               // PUNICODE_STRING whose buffer the kernel fills
	kOutFlags                 // PULONG of flags named by x: [PAGE_READWRITE|PAGE_GUARD]
	kExitCode                 // a thread's or process's exit code: decimal, or hex when negative
	kContextFlags             // CONTEXT flags: the CONTEXT_AMD64 bit is shared by all of them
	kOutBool                  // PBOOLEAN: [TRUE]
	kOutUshort                // PUSHORT (LANGID): [0x409]
)

// Where the length of an output buffer comes from.
const (
	lenFromIosb     = iota // the IO_STATUS_BLOCK in argument ref: Information
	lenFromOutUlong        // the ULONG that argument ref points to
	lenFromOutSize         // the SIZE_T that argument ref points to
	// the SIZE_T that argument ref points to or, when that pointer is
	// NULL and the call succeeded, argument ref-1: the size asked for
	// (NtReadVirtualMemory without NumberOfBytesRead).
	lenFromOutSizeOrAsked
)

// ctx is one call being printed.
type ctx struct {
	a       *Args
	n       int // arguments captured; the others print as "?"
	m       printers.Mem
	o       *printers.Options
	exiting bool
	ret     int64
}

// Statuses of interest to decoders.
const (
	statusPending = 0x103
)

// filled reports whether the kernel has written the call's out arguments:
// at a return with a success status that is not STATUS_PENDING, or with a
// warning (STATUS_BUFFER_OVERFLOW: the kernel wrote what fit, and the
// lengths and IO_STATUS_BLOCK say how much).
func (c *ctx) filled() bool {
	sev := uint32(c.ret) >> 30
	return c.exiting && sev != 3 && uint32(c.ret) != statusPending
}

func (c *ctx) read(va uint64, buf []byte) bool {
	return va != 0 && printers.ReadFull(c.m, va, buf) == nil
}

func (c *ctx) read64(va uint64) (uint64, bool) {
	var b [8]byte
	if !c.read(va, b[:]) {
		return 0, false
	}
	return binary.LittleEndian.Uint64(b[:]), true
}

func (c *ctx) read32(va uint64) (uint32, bool) {
	var b [4]byte
	if !c.read(va, b[:]) {
		return 0, false
	}
	return binary.LittleEndian.Uint32(b[:]), true
}

// uses reports whether an argument's kind reads the argument ref and,
// except for kOutBuf (whose aux says what ref is), the argument aux.
func (a *arg) uses() bool {
	switch a.k {
	case kBuf, kRegData, kFileInfo, kHandles, kOutBuf:
		return true
	}
	return false
}

// arg returns argument i, or 0 for an index out of range (a row bug
// must not become a panic on guest data).
func (c *ctx) arg(i int) uint64 {
	if i < 0 || i >= MaxArgs {
		return 0
	}
	return c.a[i]
}

// format appends argument i, described by a.
func (c *ctx) format(b []byte, a *arg, i int) []byte {
	if i >= c.n {
		return append(b, '?')
	}
	v := c.arg(i)
	if a.uses() && (a.ref >= c.n || (a.k != kOutBuf && a.aux >= c.n)) {
		// What it depends on was not captured.
		return printers.AppendPtr(b, v)
	}
	switch a.k {
	case kHandle:
		return appendHandle(b, v)
	case kPtr:
		return printers.AppendPtr(b, v)
	case kHex:
		return printers.AppendHex(b, v)
	case kUlong:
		return printers.AppendUint(b, uint64(uint32(v)))
	case kLong:
		return printers.AppendInt(b, int64(int32(v)))
	case kSize:
		return printers.AppendUint(b, v)
	case kBool:
		return appendBool(b, v)
	case kStatus:
		return AppendStatus(b, uint32(v))
	case kFlags:
		return appendFlags(b, a.x, uint64(uint32(v)))
	case kEnum:
		return printers.AppendXval(b, a.x, uint64(uint32(v)), "")
	case kClass:
		return printers.AppendXvalBase(b, a.x, uint64(uint32(v)), "", printers.Unsigned)
	case kAccess:
		return appendAccess(b, a.x, uint32(v))
	case kObjAttr:
		return c.appendObjAttr(b, v)
	case kUString:
		return c.appendUString(b, v, maxName)
	case kLargeInt:
		return c.appendLargeInt(b, v)
	case kClientID:
		return c.appendClientID(b, v)
	case kBuf:
		return c.appendData(b, v, c.arg(a.ref))
	case kRegData:
		return c.appendRegData(b, v, uint32(c.arg(a.ref)), c.arg(a.aux))
	case kFileInfo:
		return c.appendFileInfo(b, v, uint32(c.arg(a.ref)), c.arg(a.aux))
	case kProcParams:
		return c.appendProcParams(b, v)
	case kContext:
		return c.appendContext(b, v)
	case kPrivileges:
		return c.appendPrivileges(b, v)
	case kPortMsg:
		return c.appendPortMessage(b, v)
	case kHandles:
		return c.appendHandles(b, v, c.arg(a.ref))
	case kExitCode:
		if int32(v) < 0 {
			return printers.AppendHex(b, uint64(uint32(v)))
		}
		return printers.AppendUint(b, uint64(uint32(v)))
	case kContextFlags:
		return appendContextFlags(b, uint32(v))
	}
	// Out kinds: the address until the kernel has filled it.
	if !c.filled() || v == 0 {
		return printers.AppendPtr(b, v)
	}
	return c.formatOut(b, a, v)
}

// formatOut prints what the out argument a points to at v: "[0x1c]".
func (c *ctx) formatOut(b []byte, a *arg, v uint64) []byte {
	switch a.k {
	case kOutHandle:
		if h, ok := c.read64(v); ok {
			return append(appendHandle(append(b, '['), h), ']')
		}
	case kOutUlong:
		if n, ok := c.read32(v); ok {
			b = append(b, '[')
			if a.x != nil {
				b = printers.AppendXvalBase(b, a.x, uint64(n), "", printers.Unsigned)
			} else {
				b = printers.AppendUint(b, uint64(n))
			}
			return append(b, ']')
		}
	case kOutLong:
		if n, ok := c.read32(v); ok {
			return append(printers.AppendInt(append(b, '['), int64(int32(n))), ']')
		}
	case kOutSize:
		if n, ok := c.read64(v); ok {
			return append(printers.AppendUint(append(b, '['), n), ']')
		}
	case kOutPtr:
		if p, ok := c.read64(v); ok {
			return append(printers.AppendPtr(append(b, '['), p), ']')
		}
	case kOutLargeInt:
		return c.appendLargeInt(b, v)
	case kOutClientID:
		return c.appendClientID(b, v)
	case kOutIosb:
		return c.appendIosb(b, v, a.x)
	case kOutBuf:
		if n, ok := c.outLen(a); ok {
			return c.appendData(b, v, n)
		}
	case kOutUString:
		return c.appendUString(b, v, maxName)
	case kOutFlags:
		if n, ok := c.read32(v); ok {
			return append(appendFlags(append(b, '['), a.x, uint64(n)), ']')
		}
	case kOutBool:
		var x [1]byte
		if c.read(v, x[:]) {
			return append(appendBool(append(b, '['), uint64(x[0])), ']')
		}
	case kOutUshort:
		var x [2]byte
		if c.read(v, x[:]) {
			return append(printers.AppendHex(append(b, '['), uint64(binary.LittleEndian.Uint16(x[:]))), ']')
		}
	}
	return printers.AppendPtr(b, v)
}

// appendInOut prints the value an in-out argument points to, "[v]", or
// its address when it cannot be read.
func (c *ctx) appendInOut(b []byte, a *arg, va uint64) []byte {
	if va == 0 {
		return printers.AppendPtr(b, va)
	}
	return c.formatOut(b, a, va)
}

// outLen is the length of an output buffer, from where the row says.
func (c *ctx) outLen(a *arg) (uint64, bool) {
	p := c.arg(a.ref)
	switch a.aux {
	case lenFromIosb:
		return c.read64(p + 8)
	case lenFromOutUlong:
		n, ok := c.read32(p)
		return uint64(n), ok
	case lenFromOutSize:
		return c.read64(p)
	case lenFromOutSizeOrAsked:
		if p == 0 && c.ret == 0 {
			return c.arg(a.ref - 1), true
		}
		return c.read64(p)
	}
	return 0, false
}

func appendBool(b []byte, v uint64) []byte {
	switch uint8(v) {
	case 0:
		return append(b, "FALSE"...)
	case 1:
		return append(b, "TRUE"...)
	}
	return printers.AppendHex(b, uint64(uint8(v)))
}

// appendFlags prints flags, and "0" for none.
func appendFlags(b []byte, x *printers.Xlat, v uint64) []byte {
	if v == 0 {
		if name, ok := x.Lookup(0); ok {
			return append(b, name...)
		}
		return append(b, '0')
	}
	return printers.Flags(b, x, v, "")
}

// appendData prints a buffer of n bytes at va as a quoted string, cut at
// the string limit.
func (c *ctx) appendData(b []byte, va, n uint64) []byte {
	limit := uint64(c.o.Limit())
	buf := make([]byte, min(n, limit))
	if !c.read(va, buf) {
		return printers.AppendPtr(b, va)
	}
	return printers.AppendQuoted(b, buf, len(buf), n > limit)
}
