package windows

import (
	"encoding/binary"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/guestrace/guestrace/pkg/printers"
)

// maxName bounds the UTF-16 units of a name printed (object names, paths,
// value names): like strace's paths, names are not cut at -s, but a
// UNICODE_STRING may claim 32767 units.
const maxName = 2048

// appendUString prints the UNICODE_STRING at va: its Length bytes of
// UTF-16, never more than MaximumLength nor limit units, as an escaped
// UTF-8 string.
func (c *ctx) appendUString(b []byte, va uint64, limit int) []byte {
	var us [16]byte
	if !c.read(va, us[:]) {
		return printers.AppendPtr(b, va)
	}
	n := min(binary.LittleEndian.Uint16(us[0:]), binary.LittleEndian.Uint16(us[2:])) / 2
	return c.appendUTF16(b, binary.LittleEndian.Uint64(us[8:]), int(n), limit)
}

// appendUTF16 prints n UTF-16 units at buf, at most limit of them.
func (c *ctx) appendUTF16(b []byte, buf uint64, n, limit int) []byte {
	if n == 0 {
		return append(b, `""`...)
	}
	cut := n > limit
	n = min(n, limit)
	raw := make([]byte, 2*n)
	if !c.read(buf, raw) {
		return printers.AppendPtr(b, buf)
	}
	return printers.AppendQuoted(b, utf16ToUTF8(raw), 1<<30, cut)
}

// utf16ToUTF8 decodes little-endian UTF-16; unpaired surrogates become
// U+FFFD.
func utf16ToUTF8(raw []byte) []byte {
	u := make([]uint16, len(raw)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(raw[2*i:])
	}
	out := make([]byte, 0, len(u))
	for _, r := range utf16.Decode(u) {
		out = utf8.AppendRune(out, r)
	}
	return out
}

// OBJECT_ATTRIBUTES attribute flags.
var objAttrFlags = newXlat([]xe{
	{0x2, "OBJ_INHERIT"}, {0x10, "OBJ_PERMANENT"}, {0x20, "OBJ_EXCLUSIVE"},
	{0x40, "OBJ_CASE_INSENSITIVE"}, {0x80, "OBJ_OPENIF"}, {0x100, "OBJ_OPENLINK"},
	{0x200, "OBJ_KERNEL_HANDLE"}, {0x400, "OBJ_FORCE_ACCESS_CHECK"},
	{0x800, "OBJ_IGNORE_IMPERSONATED_DEVICEMAP"}, {0x1000, "OBJ_DONT_REPARSE"},
})

// appendObjAttr prints an OBJECT_ATTRIBUTES: {Root=..., Name="..."}, and
// its Attributes when set (verbose: always, with the security fields).
func (c *ctx) appendObjAttr(b []byte, va uint64) []byte {
	var oa [0x30]byte
	if !c.read(va, oa[:]) {
		return printers.AppendPtr(b, va)
	}
	b = append(b, "{Root="...)
	b = appendHandle(b, binary.LittleEndian.Uint64(oa[8:]))
	b = append(b, ", Name="...)
	if name := binary.LittleEndian.Uint64(oa[0x10:]); name != 0 {
		b = c.appendUString(b, name, maxName)
	} else {
		b = append(b, "NULL"...)
	}
	if attr := binary.LittleEndian.Uint32(oa[0x18:]); attr != 0 || c.o.IsVerbose() {
		b = append(b, ", Attributes="...)
		b = appendFlags(b, objAttrFlags, uint64(attr))
	}
	if c.o.IsVerbose() {
		b = append(b, ", SecurityDescriptor="...)
		b = printers.AppendPtr(b, binary.LittleEndian.Uint64(oa[0x20:]))
		b = append(b, ", SecurityQualityOfService="...)
		b = printers.AppendPtr(b, binary.LittleEndian.Uint64(oa[0x28:]))
	}
	return append(b, '}')
}

// Pseudo-handles: the current process, thread and tokens.
var pseudoHandles = map[uint64]string{
	^uint64(0): "NtCurrentProcess()",
	^uint64(1): "NtCurrentThread()",
	^uint64(2): "NtCurrentSession()",
	^uint64(3): "NtCurrentProcessToken()",
	^uint64(4): "NtCurrentThreadToken()",
	^uint64(5): "NtCurrentThreadEffectiveToken()",
}

// appendHandle prints a handle: NULL, a pseudo-handle, or hex.
func appendHandle(b []byte, h uint64) []byte {
	if s, ok := pseudoHandles[h]; ok {
		return append(b, s...)
	}
	return printers.AppendPtr(b, h)
}

// maxHandles bounds the handles of an array printed.
const maxHandles = 64

// appendHandles prints an array of n handles: [0x1c, 0x20].
func (c *ctx) appendHandles(b []byte, va, n uint64) []byte {
	k := min(n, maxHandles)
	raw := make([]byte, 8*k)
	if !c.read(va, raw) {
		return printers.AppendPtr(b, va)
	}
	b = append(b, '[')
	for i := uint64(0); i < k; i++ {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendHandle(b, binary.LittleEndian.Uint64(raw[8*i:]))
	}
	if n > k {
		b = append(b, ", ..."...)
	}
	return append(b, ']')
}

// appendLargeInt prints the LARGE_INTEGER at va: [n].
func (c *ctx) appendLargeInt(b []byte, va uint64) []byte {
	n, ok := c.read64(va)
	if !ok {
		return printers.AppendPtr(b, va)
	}
	return append(printers.AppendInt(append(b, '['), int64(n)), ']')
}

// appendClientID prints a CLIENT_ID.
func (c *ctx) appendClientID(b []byte, va uint64) []byte {
	var id [16]byte
	if !c.read(va, id[:]) {
		return printers.AppendPtr(b, va)
	}
	b = append(b, "{UniqueProcess="...)
	b = printers.AppendHex(b, binary.LittleEndian.Uint64(id[0:]))
	b = append(b, ", UniqueThread="...)
	b = printers.AppendHex(b, binary.LittleEndian.Uint64(id[8:]))
	return append(b, '}')
}
