package windows

import (
	"encoding/binary"
	"unicode/utf16"
)

// fakeMem is a contiguous range of traced memory; reads outside it fail
// like unmapped pages.
type fakeMem struct {
	base uint64
	data []byte
}

func newFakeMem(base uint64, size int) *fakeMem {
	return &fakeMem{base: base, data: make([]byte, 0, size)}
}

func (m *fakeMem) ReadVirt(va uint64, buf []byte) (int, error) {
	if va < m.base || va-m.base >= uint64(len(m.data)) {
		return 0, errUnmapped
	}
	return copy(buf, m.data[va-m.base:]), nil
}

type memErr string

func (e memErr) Error() string { return string(e) }

const errUnmapped = memErr("unmapped")

// put appends b (16-byte aligned) and returns its address.
func (m *fakeMem) put(b []byte) uint64 {
	for len(m.data)%16 != 0 {
		m.data = append(m.data, 0)
	}
	va := m.base + uint64(len(m.data))
	m.data = append(m.data, b...)
	return va
}

func (m *fakeMem) u64(v uint64) uint64 { return m.put(binary.LittleEndian.AppendUint64(nil, v)) }

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

// ustring writes a UNICODE_STRING for s.
func (m *fakeMem) ustring(s string) uint64 {
	buf := m.put(utf16le(s))
	n := uint16(2 * len(utf16.Encode([]rune(s))))
	us := make([]byte, 16)
	binary.LittleEndian.PutUint16(us[0:], n)
	binary.LittleEndian.PutUint16(us[2:], n+2)
	binary.LittleEndian.PutUint64(us[8:], buf)
	return m.put(us)
}

// objAttr writes an OBJECT_ATTRIBUTES naming s.
func (m *fakeMem) objAttr(root uint64, s string, attr uint32) uint64 {
	name := m.ustring(s)
	oa := make([]byte, 0x30)
	binary.LittleEndian.PutUint32(oa[0:], 0x30)
	binary.LittleEndian.PutUint64(oa[8:], root)
	binary.LittleEndian.PutUint64(oa[0x10:], name)
	binary.LittleEndian.PutUint32(oa[0x18:], attr)
	return m.put(oa)
}

// example fills memory and arguments for a call the way a program would
// make it, and the out arguments the way the kernel would fill them.
func example(s *Syscall, m *fakeMem) *Args {
	var a Args
	for i, ar := range s.args {
		a[i] = exampleArg(s, i, &ar, &a, m)
	}
	return &a
}

func exampleArg(s *Syscall, i int, ar *arg, a *Args, m *fakeMem) uint64 {
	if a[i] != 0 {
		return a[i] // set by an earlier argument: a length, class or count
	}
	pick := func() uint64 {
		e := ar.x.Entries
		return e[i%len(e)].Val
	}
	switch ar.k {
	case kHandle:
		return 0x40 + 4*uint64(i)
	case kPtr:
		return 0x7ff712340000 + 0x100*uint64(i)
	case kHex:
		return 0
	case kUlong:
		return 0x200
	case kLong:
		return 1
	case kSize:
		return 0x1000
	case kBool:
		return 1
	case kStatus:
		return 0
	case kFlags, kEnum, kClass, kAccess:
		return pick()
	case kObjAttr:
		return m.objAttr(0, `\??\C:\Users\analyst\`+s.Name+`.txt`, 0x40)
	case kUString:
		return m.ustring("Run")
	case kLargeInt:
		return m.u64(uint64(0xffffffffff676980)) // -10000000: one second, relative
	case kClientID:
		return m.put(binary.LittleEndian.AppendUint64(binary.LittleEndian.AppendUint64(nil, 0x1a2c), 0))
	case kBuf:
		data := []byte("MZ\x90\x00\x03hello\n")
		a[ar.ref] = uint64(len(data))
		return m.put(data)
	case kRegData:
		data := append(utf16le(`C:\evil.exe`), 0, 0)
		a[ar.ref], a[ar.aux] = regSZ, uint64(len(data))
		return m.put(data)
	case kFileInfo:
		name := utf16le(`\??\C:\Users\analyst\renamed.txt`)
		fi := make([]byte, 20)
		fi[0] = 1
		binary.LittleEndian.PutUint32(fi[16:], uint32(len(name)))
		fi = append(fi, name...)
		a[ar.ref], a[ar.aux] = fileRenameInformation, uint64(len(fi))
		return m.put(fi)
	case kProcParams:
		img := m.ustring(`\??\C:\Windows\System32\cmd.exe`)
		cmd := m.ustring(`cmd.exe /c "whoami > C:\out.txt"`)
		pp := make([]byte, 0x80)
		binary.LittleEndian.PutUint32(pp[8:], 1) // normalized
		copy(pp[0x60:], m.data[img-m.base:img-m.base+16])
		copy(pp[0x70:], m.data[cmd-m.base:cmd-m.base+16])
		return m.put(pp)
	case kContext:
		c := make([]byte, 0x100)
		binary.LittleEndian.PutUint32(c[0x30:], 0x10000b)
		binary.LittleEndian.PutUint64(c[0x80:], 0x7ff712341000)
		binary.LittleEndian.PutUint64(c[0x98:], 0xaef8fff6d8)
		binary.LittleEndian.PutUint64(c[0xf8:], 0x7ffc1a2b3c40)
		return m.put(c)
	case kPrivileges:
		tp := binary.LittleEndian.AppendUint32(nil, 1)
		tp = binary.LittleEndian.AppendUint64(tp, 20) // SeDebugPrivilege
		tp = binary.LittleEndian.AppendUint32(tp, 2)
		return m.put(tp)
	case kPortMsg:
		pm := make([]byte, 0x28)
		binary.LittleEndian.PutUint16(pm[0:], 0x20)
		binary.LittleEndian.PutUint16(pm[2:], 0x48)
		binary.LittleEndian.PutUint32(pm[24:], 7)
		return m.put(pm)
	case kHandles:
		a[ar.ref] = 2
		return m.put(binary.LittleEndian.AppendUint64(binary.LittleEndian.AppendUint64(nil, 0x40), 0x44))
	case kOutHandle:
		return m.u64(0x1c4 + 4*uint64(i))
	case kOutUlong:
		return m.put(binary.LittleEndian.AppendUint32(nil, 2))
	case kOutLong:
		return m.put(binary.LittleEndian.AppendUint32(nil, 1))
	case kOutSize:
		return m.u64(0x2000)
	case kOutPtr:
		return m.u64(0x1f0000)
	case kOutLargeInt:
		return m.u64(133456789012345678)
	case kOutClientID:
		return m.put(binary.LittleEndian.AppendUint64(binary.LittleEndian.AppendUint64(nil, 0x1b00), 0x1b04))
	case kOutIosb:
		return m.put(binary.LittleEndian.AppendUint64(binary.LittleEndian.AppendUint64(nil, 0), 1))
	case kOutBuf:
		data := []byte("secret\x00\x01")
		switch ar.aux {
		case lenFromIosb:
			copy(m.data[a[ar.ref]-m.base+8:], binary.LittleEndian.AppendUint64(nil, uint64(len(data))))
		case lenFromOutSize, lenFromOutSizeOrAsked, lenFromOutUlong:
			// The count comes later in the argument list: write it now
			// and let that argument point at it.
			a[ar.ref] = m.u64(uint64(len(data)))
		}
		return m.put(data)
	case kOutUString:
		return m.ustring(`\Device\HarddiskVolume2`)
	case kOutFlags:
		return m.put(binary.LittleEndian.AppendUint32(nil, 0x104)) // PAGE_READWRITE|PAGE_GUARD
	case kOutBool:
		return m.put([]byte{1})
	case kOutUshort:
		return m.put(binary.LittleEndian.AppendUint16(nil, 0x409)) // en-US
	case kExitCode:
		return 1
	}
	return 0
}
