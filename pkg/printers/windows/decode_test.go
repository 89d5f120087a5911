package windows

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/guestrace/guestrace/pkg/printers"
)

func TestUnicodeStringBounds(t *testing.T) {
	o := &printers.Options{}
	for _, c := range []struct {
		name       string
		length, mx uint16
		text       string
		want       string
	}{
		{"plain", 6, 8, "abc", `"abc"`},
		{"Length past MaximumLength", 8, 4, "abcd", `"ab"`},
		{"odd length", 5, 8, "abc", `"ab"`},
		{"empty", 0, 0, "", `""`},
		{"escapes", 8, 8, "a\"\n\x01", `"a\"\n\1"`},
		{"non-ASCII", 4, 4, "é€", `"\303\251\342\202\254"`},
	} {
		m := newFakeMem(0x10000, 4096)
		buf := m.put(utf16le(c.text))
		us := make([]byte, 16)
		binary.LittleEndian.PutUint16(us[0:], c.length)
		binary.LittleEndian.PutUint16(us[2:], c.mx)
		binary.LittleEndian.PutUint64(us[8:], buf)
		va := m.put(us)
		cx := ctx{m: m, o: o}
		assert.Equal(t, c.want, string(cx.appendUString(nil, va, maxName)), c.name)
	}

	// A lone surrogate, a string cut at the cap, a buffer not mapped.
	m := newFakeMem(0x10000, 1<<16)
	lone := m.put([]byte{0x00, 0xd8, 'x', 0})
	va := m.put(append(binary.LittleEndian.AppendUint32(nil, 4|4<<16), make([]byte, 12)...))
	copy(m.data[va-m.base+8:], binary.LittleEndian.AppendUint64(nil, lone))
	cx := ctx{m: m, o: o}
	assert.Equal(t, `"\357\277\275x"`, string(cx.appendUString(nil, va, maxName)))
	assert.Equal(t, `"\357\277\275"...`, string(cx.appendUString(nil, va, 1)))
	copy(m.data[va-m.base+8:], binary.LittleEndian.AppendUint64(nil, 0xdead0000))
	assert.Equal(t, "0xdead0000", string(cx.appendUString(nil, va, maxName)))
	assert.Equal(t, "0x5000", string(cx.appendUString(nil, 0x5000, maxName)))
}

func TestAccessMasks(t *testing.T) {
	for _, c := range []struct {
		x    *printers.Xlat
		v    uint32
		want string
	}{
		{fileAccess, 0x120089, "FILE_GENERIC_READ"},
		{fileAccess, 0x12019f, "FILE_GENERIC_READ|FILE_WRITE_DATA|FILE_APPEND_DATA|FILE_WRITE_EA|FILE_WRITE_ATTRIBUTES"},
		{fileAccess, 0x80000000 | 0x100000, "SYNCHRONIZE|GENERIC_READ"},
		{processAccess, 0x1fffff, "PROCESS_ALL_ACCESS"},
		{processAccess, 0x1438, "PROCESS_VM_OPERATION|PROCESS_VM_READ|PROCESS_VM_WRITE|PROCESS_QUERY_INFORMATION|PROCESS_QUERY_LIMITED_INFORMATION"},
		{keyAccess, 0x20019, "KEY_READ"},
		{keyAccess, 0xf003f | 0x100, "KEY_ALL_ACCESS|KEY_WOW64_64KEY"},
		{genericAccess, 0x2000000, "MAXIMUM_ALLOWED"},
		{tokenAccess, 0x28, "TOKEN_QUERY|TOKEN_ADJUST_PRIVILEGES"},
		{eventAccess, 0, "0"},
		{mutantAccess, 0x8000, "0x8000"},
	} {
		assert.Equal(t, c.want, string(appendAccess(nil, c.x, c.v)))
	}
}

func TestStatusAndHandles(t *testing.T) {
	assert.Equal(t, "STATUS_SUCCESS", string(AppendStatus(nil, 0)))
	assert.Equal(t, "STATUS_OBJECT_NAME_NOT_FOUND", string(AppendStatus(nil, 0xc0000034)))
	assert.Equal(t, "STATUS_PENDING", string(AppendStatus(nil, 0x103)))
	assert.Equal(t, "0xc0009999", string(AppendStatus(nil, 0xc0009999)))
	assert.Equal(t, "NtCurrentProcess()", string(appendHandle(nil, ^uint64(0))))
	assert.Equal(t, "NtCurrentThread()", string(appendHandle(nil, ^uint64(1))))
	assert.Equal(t, "NULL", string(appendHandle(nil, 0)))
	assert.Equal(t, "0x1c", string(appendHandle(nil, 0x1c)))
}

func TestCreateFileLine(t *testing.T) {
	m := newFakeMem(0x7ff700000000, 4096)
	var a Args
	a[0] = m.u64(0x1c)
	a[1] = 0x120089
	a[2] = m.objAttr(0, `\??\C:\x.txt`, 0)
	a[3] = m.put(binary.LittleEndian.AppendUint64(binary.LittleEndian.AppendUint64(nil, 0), 1))
	a[5], a[6], a[7], a[8] = 0x80, 1, 1, 0x60
	s, ok := Lookup("NtCreateFile")
	assert.True(t, ok)
	assert.Equal(t, 11, s.NArgs())
	o := &printers.Options{}
	b := s.EnterArgs(nil, &a, m, o)
	assert.Equal(t, "NtCreateFile(", string(b))
	assert.Equal(t, `NtCreateFile([0x1c], FILE_GENERIC_READ, {Root=NULL, Name="\\??\\C:\\x.txt"}, {Status=STATUS_SUCCESS, Information=FILE_OPENED}, NULL, FILE_ATTRIBUTE_NORMAL, FILE_SHARE_READ, FILE_OPEN, FILE_SYNCHRONOUS_IO_NONALERT|FILE_NON_DIRECTORY_FILE, NULL, 0) = STATUS_SUCCESS`,
		string(s.ExitArgs(b, &a, 0, m, o)))
	// The kernel said no: the handle and status block were not written.
	assert.Equal(t, `NtCreateFile(0x7ff700000000, FILE_GENERIC_READ, {Root=NULL, Name="\\??\\C:\\x.txt"}, 0x7ff700000070, NULL, FILE_ATTRIBUTE_NORMAL, FILE_SHARE_READ, FILE_OPEN, FILE_SYNCHRONOUS_IO_NONALERT|FILE_NON_DIRECTORY_FILE, NULL, 0) = STATUS_OBJECT_NAME_NOT_FOUND`,
		string(s.ExitArgs(s.EnterArgs(nil, &a, m, o), &a, -0x3fffffcc, m, o)))
	// Verbose shows every field of the attributes; -a aligns the status.
	v := &printers.Options{Verbose: true}
	c := ctx{a: &a, m: m, o: v}
	assert.Equal(t, `{Root=NULL, Name="\\??\\C:\\x.txt", Attributes=0, SecurityDescriptor=NULL, SecurityQualityOfService=NULL}`,
		string(c.appendObjAttr(nil, a[2])))
	cl, _ := Lookup("NtClose")
	a[0] = 0x1c
	assert.Equal(t, "NtClose(0x1c)                            = STATUS_SUCCESS", string(cl.ExitArgs(cl.EnterArgs(nil, &a, m, o), &a, 0, m, o)))
	assert.Equal(t, "NtClose(0x1c) = STATUS_INVALID_HANDLE", string(cl.ExitArgs(cl.EnterArgs(nil, &a, m, &printers.Options{Column: -1}), &a, -0x3ffffff8, m, &printers.Options{Column: -1})))
}

func TestDataCutAtLimit(t *testing.T) {
	m := newFakeMem(0x1000, 4096)
	va := m.put([]byte("0123456789abcdef"))
	c := ctx{m: m, o: &printers.Options{StringLimit: 4}}
	assert.Equal(t, `"0123"...`, string(c.appendData(nil, va, 16)))
	assert.Equal(t, `"0123"`, string(c.appendData(nil, va, 4)))
	assert.Equal(t, "0x9000", string(c.appendData(nil, 0x9000, 4)))
}

func TestProcessParametersDenormalized(t *testing.T) {
	m := newFakeMem(0x20000, 4096)
	pp := make([]byte, 0x100)
	img := utf16le(`C:\a.exe`)
	copy(pp[0x80:], img)
	binary.LittleEndian.PutUint16(pp[0x60:], uint16(len(img)))
	binary.LittleEndian.PutUint16(pp[0x62:], uint16(len(img)))
	binary.LittleEndian.PutUint64(pp[0x68:], 0x80) // an offset: Flags lacks NORMALIZED
	va := m.put(pp)
	c := ctx{m: m, o: &printers.Options{}}
	assert.Equal(t, `{ImagePathName="C:\\a.exe", CommandLine=""}`, string(c.appendProcParams(nil, va)))
}

func TestSixArgumentShape(t *testing.T) {
	// A tracer that captures six arguments gets "?" for the others.
	m := newFakeMem(0x7ff700000000, 4096)
	s, _ := Lookup("NtWriteFile")
	six := [6]uint64{0x1c, 0, 0, 0, m.put(make([]byte, 16)), m.put([]byte("hi"))}
	o := &printers.Options{Column: -1}
	assert.Equal(t, "NtWriteFile(0x1c, NULL, NULL, NULL, {Status=STATUS_SUCCESS, Information=0}, 0x7ff700000010, ?, ?, ?) = STATUS_SUCCESS",
		string(s.Exit(s.Enter(nil, &six, m, o), &six, 0, m, o)))
	r := Raw("NtFooBar", 3)
	assert.Equal(t, "NtFooBar(0x1c, 0, 0) = 0xc0009999", string(r.Exit(r.Enter(nil, &six, m, o), &six, -0x3fff6667, m, o)))
	c, _ := Lookup("NtContinue")
	assert.Equal(t, "NtContinue(0x1c, FALSE) = ?", string(c.Exit(c.Enter(nil, &six, m, o), &six, 0, m, o)))
}
