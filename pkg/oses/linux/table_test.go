package linux

import (
	"encoding/binary"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/guestos"
	glinux "github.com/guestrace/guestrace/pkg/guestos/linux"
	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/printers"
)

// memAt is guest memory holding data at base.
type memAt struct {
	base uint64
	data []byte
}

func (m memAt) ReadVirt(va uint64, buf []byte) (int, error) {
	if va < m.base || va-m.base >= uint64(len(m.data)) {
		return 0, errors.New("unmapped")
	}
	n := copy(buf, m.data[va-m.base:])
	if n < len(buf) {
		return n, errors.New("unmapped")
	}
	return n, nil
}

// line decodes one call through the adapter, as the tracer does: Enter
// and Exit on the same captured arguments.
func line(t *testing.T, sc guestos.Syscall, args []uint64, ret int64, enter, exit printers.Mem) string {
	t.Helper()
	return lineFrame(t, sc, args, printers.Frame{}, ret, enter, exit)
}

// lineFrame is line with the frame the tracer read at the call.
func lineFrame(t *testing.T, sc guestos.Syscall, args []uint64, f printers.Frame, ret int64, enter, exit printers.Mem) string {
	t.Helper()
	d, ok := Table.Lookup(&sc)
	if !ok {
		d = Table.Raw(&sc)
	}
	var a output.Args
	st := printers.CallState{Frame: f}
	copy(a[:], args)
	b := d.Enter(nil, &a, &st, enter, nil)
	return string(d.Exit(b, &a, &st, ret, exit, nil))
}

func TestLinuxEntryPoints(t *testing.T) {
	path := memAt{0x1000, []byte("/etc/passwd\x00")}
	// __x64_sys_newstat is stat; ABI picks the table.
	assert.Equal(t, `stat("/etc/passwd", NULL) = -1 EFAULT (Bad address)`,
		collapse(line(t, guestos.Syscall{Name: "newstat", ABI: "x64"}, []uint64{0x1000, 0}, -14, path, path)))
	assert.Equal(t, `uname(NULL) = -1 EFAULT (Bad address)`,
		collapse(line(t, guestos.Syscall{Name: "newuname", ABI: "x64"}, []uint64{0}, -14, path, path)))
	// An i386 process's getuid32 (__ia32_sys_getuid) and the 16-bit getuid.
	assert.Equal(t, "getuid32() = 0", collapse(line(t, guestos.Syscall{Name: "getuid", ABI: "ia32"}, nil, 0, path, path)))
	assert.Equal(t, "getuid() = 0", collapse(line(t, guestos.Syscall{Name: "getuid16", ABI: "ia32"}, nil, 0, path, path)))
	// The compat stat64 reads i386's struct stat64.
	st := make([]byte, 96)
	binary.LittleEndian.PutUint32(st[16:], 0o100644)
	binary.LittleEndian.PutUint64(st[44:], 1234)
	assert.Equal(t, "fstat64(3, {st_mode=S_IFREG|0644, st_size=1234, ...}) = 0",
		collapse(line(t, guestos.Syscall{Name: "ia32_fstat64", ABI: "compat"}, []uint64{3, 0x2000}, 0, nil, memAt{0x2000, st})))
	// A kernel function no table has keeps its name, arguments in hex.
	assert.Equal(t, "s390_ipc(0x1, 0x2, 0, 0, 0, 0) = 0",
		collapse(line(t, guestos.Syscall{Name: "s390_ipc", ABI: "x64"}, []uint64{1, 2}, 0, nil, nil)))
	assert.Equal(t, "s390_ipc(0x1, 0xfffffff0, 0, 0, 0, 0) = -1 ENOSYS (Function not implemented)",
		collapse(line(t, guestos.Syscall{Name: "s390_ipc", ABI: "ia32"}, []uint64{1, 0xfffffff0}, -38, nil, nil)))
	// An i386 call without a decoder: its arguments in hex, as many as it takes.
	assert.Equal(t, "vm86(0x1, 0xfffffff0) = -1 ENOSYS (Function not implemented)",
		collapse(line(t, guestos.Syscall{Name: "vm86", ABI: "ia32"}, []uint64{1, 0xfffffff0}, -38, nil, nil)))
}

// collapse drops strace's alignment padding before " = ".
func collapse(s string) string {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == ')' && s[i+1] == ' ' {
			j := i + 1
			for j < len(s) && s[j] == ' ' {
				j++
			}
			return s[:i+1] + " " + s[j:]
		}
	}
	return s
}

// TestLinuxEntryState: what a decoder reads at entry reaches its exit
// through its call state (getsockname's "[110 => 16]").
func TestLinuxEntryState(t *testing.T) {
	lenAt := memAt{0x3000, []byte{110, 0, 0, 0}}
	addr := make([]byte, 16)
	binary.LittleEndian.PutUint16(addr, 2) // AF_INET
	binary.BigEndian.PutUint16(addr[2:], 80)
	copy(addr[4:], []byte{127, 0, 0, 1})
	exit := multiMem{memAt{0x3000, []byte{16, 0, 0, 0}}, memAt{0x4000, addr}}
	assert.Equal(t, `getsockname(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}, [110 => 16]) = 0`,
		collapse(line(t, guestos.Syscall{Name: "getsockname", ABI: "x64"}, []uint64{3, 0x4000, 0x3000}, 0, lenAt, exit)))
}

type multiMem []memAt

func (m multiMem) ReadVirt(va uint64, buf []byte) (int, error) {
	for _, r := range m {
		if va >= r.base && va-r.base < uint64(len(r.data)) {
			return r.ReadVirt(va, buf)
		}
	}
	return 0, errors.New("unmapped")
}

func TestLinuxNames(t *testing.T) {
	names := Table.(interface {
		CallName(*guestos.Syscall) string
	})
	assert.Equal(t, "stat", names.CallName(&guestos.Syscall{Name: "newstat", ABI: "x64"}))
	assert.Equal(t, "fstatat64", names.CallName(&guestos.Syscall{Name: "ia32_fstatat64", ABI: "compat"}))
	assert.Equal(t, "s390_ipc", names.CallName(&guestos.Syscall{Name: "s390_ipc", ABI: "x64"}))
	assert.True(t, Table.Known("stat"))
	assert.True(t, Table.Known("stat64"))
	assert.False(t, Table.Known("newstat"))
	d, ok := Table.Lookup(&guestos.Syscall{Name: "ia32_fstat64", ABI: "compat"})
	require.True(t, ok)
	assert.Equal(t, "i386", d.(interface{ ABI() string }).ABI())
}

// TestLinuxAdapterAllocs: decoding through the adapter, entry state
// included, allocates nothing once warm.
func TestLinuxAdapterAllocs(t *testing.T) {
	d, ok := Table.Lookup(&guestos.Syscall{Name: "getsockname", ABI: "x64"})
	require.True(t, ok)
	addr := make([]byte, 16)
	binary.LittleEndian.PutUint16(addr, 2) // AF_INET
	var mem printers.Mem = multiMem{memAt{0x3000, []byte{16, 0, 0, 0}}, memAt{0x4000, addr}}
	a := output.Args{3, 0x4000, 0x3000}
	var st printers.CallState
	b := make([]byte, 0, 512)
	allocs := testing.AllocsPerRun(200, func() {
		b = d.Enter(b[:0], &a, &st, mem, nil)
		b = d.Exit(b, &a, &st, 0, mem, nil)
	})
	assert.Zero(t, allocs)
}

// TestNiSyscallByNumber: sys_ni_syscall serves every number the kernel
// lacks; with the number read at the call the line is strace's.
func TestNiSyscallByNumber(t *testing.T) {
	ni := guestos.Syscall{Name: "ni_syscall", ABI: glinux.ABIX64}
	mem := memAt{}
	enosys := int64(-38)
	args := []uint64{1, 2, 3, 4, 5, 6}
	nr := func(n uint64) printers.Frame { return printers.Frame{Nr: n, OK: true} }
	assert.Equal(t, "afs_syscall(0x1, 0x2, 0x3, 0x4, 0x5) = -1 ENOSYS (Function not implemented)",
		collapse(lineFrame(t, ni, args, nr(183), enosys, mem, mem)))
	assert.Equal(t, "_sysctl(0x1) = -1 ENOSYS (Function not implemented)",
		collapse(lineFrame(t, ni, args, nr(156), enosys, mem, mem)))
	assert.Equal(t, "syscall_0x1f4(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 ENOSYS (Function not implemented)",
		collapse(lineFrame(t, ni, args, nr(500), enosys, mem, mem)))
	assert.Equal(t, "ni_syscall(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 ENOSYS (Function not implemented)",
		collapse(lineFrame(t, ni, args, printers.Frame{}, enosys, mem, mem)))
	_, ok := Table.Raw(&ni).(output.FrameDecoder)
	assert.True(t, ok, "the tracer must read the number for ni_syscall")
}

// TestSigreturnMask: rt_sigreturn prints the mask of the frame at the
// user stack pointer the tracer read at the call.
func TestSigreturnMask(t *testing.T) {
	const sp = 0x7ffc0000
	frame := make([]byte, 512)
	binary.LittleEndian.PutUint64(frame[296:], 1<<9|1<<1) // SIGUSR1, SIGINT
	mem := memAt{sp, frame}
	sc := guestos.Syscall{Name: "rt_sigreturn", ABI: glinux.ABIX64}
	a := []uint64{0xdead} // (rdi: whatever the process left there)
	assert.Equal(t, "rt_sigreturn({mask=[INT USR1]}) = 0",
		collapse(lineFrame(t, sc, a, printers.Frame{Nr: 15, SP: sp, OK: true}, 0, mem, mem)))
	// The OS could not read the frame.
	assert.Equal(t, "rt_sigreturn() = 0", collapse(line(t, sc, a, 0, mem, mem)))
	d, _ := Table.Lookup(&sc)
	_, ok := d.(output.FrameDecoder)
	assert.True(t, ok, "the tracer must read the stack pointer for rt_sigreturn")
}

// TestMultiplexerNames: i386's socketcall is named by the call its
// arguments select, as its line is, and by its own name when they cannot
// be read.
func TestMultiplexerNames(t *testing.T) {
	sc := guestos.Syscall{Name: "socketcall", ABI: glinux.ABICompat}
	d, ok := Table.Lookup(&sc)
	require.True(t, ok)
	n, ok := d.(output.Namer)
	require.True(t, ok, "socketcall's row names its calls")
	args := make([]byte, 12)
	binary.LittleEndian.PutUint32(args, 2)     // AF_INET
	binary.LittleEndian.PutUint32(args[4:], 2) // SOCK_DGRAM
	mem := memAt{0x1000, args}
	a := output.Args{1, 0x1000} // SYS_SOCKET
	name, ok := n.CallName(&a, &printers.Frame{}, mem)
	assert.True(t, ok)
	assert.Equal(t, "socket", name)
	assert.Equal(t, "socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3", collapse(line(t, sc, a[:2], 3, mem, mem)))
	a[1] = 0x9000 // unreadable
	name, _ = n.CallName(&a, &printers.Frame{}, mem)
	assert.Equal(t, "socketcall", name)
	// Other rows name nothing.
	_, ok = Table.Raw(&guestos.Syscall{Name: "close", ABI: glinux.ABIX64}).(output.Namer)
	assert.False(t, ok)
	d, _ = Table.Lookup(&guestos.Syscall{Name: "close", ABI: glinux.ABIX64})
	_, ok = d.(output.Namer)
	assert.False(t, ok)
}
