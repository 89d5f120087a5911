package linux

import (
	"encoding/binary"
	"testing"
	"time"

	"github.com/guestrace/guestrace/pkg/printers"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestI386Table: every i386 call has one number and is found by its kernel
// entry point; the x86-64 calls too.
func TestI386Table(t *testing.T) {
	assert.Len(t, I386(), 420)
	seen := map[int]bool{}
	for _, s := range I386() {
		assert.False(t, seen[s.Nr], "i386 number %d twice", s.Nr)
		seen[s.Nr] = true
		assert.True(t, s.Is32(), s.Name)
		assert.LessOrEqual(t, len(s.Args), 6, s.Name)
	}
	for _, s := range All() {
		if e, ok := ByEntry(ABIX64, s.Name); ok {
			assert.Same(t, s, e)
		}
		assert.False(t, s.Is32())
	}
	for fn, name := range map[string]string{"newstat": "stat", "newuname": "uname", "umount": "umount2"} {
		s, ok := ByEntry(ABIX64, fn)
		require.True(t, ok, fn)
		assert.Equal(t, name, s.Name)
	}
	for _, c := range []struct {
		abi      ABI
		fn, name string
		nr       int
	}{
		{ABIIA32, "getuid", "getuid32", 199},
		{ABIIA32, "getuid16", "getuid", 24},
		{ABIIA32, "mmap_pgoff", "mmap2", 192},
		{ABIIA32, "llseek", "_llseek", 140},
		{ABICompat, "ia32_fstatat64", "fstatat64", 300},
		{ABICompat, "fcntl64", "fcntl64", 221},
		{ABICompat, "ia32_clone", "clone", 120},
		{ABIIA32, "clock_gettime", "clock_gettime64", 403},
		{ABIIA32, "clock_gettime32", "clock_gettime", 265},
	} {
		s, ok := ByEntry(c.abi, c.fn)
		require.True(t, ok, c.fn)
		assert.Equal(t, c.name, s.Name, c.fn)
		assert.Equal(t, c.nr, s.Nr, c.fn)
	}
	rows := map[string]bool{}
	for _, m := range i386Rows {
		for name := range m {
			assert.False(t, rows[name], "%s has two i386 rows", name)
			rows[name] = true
		}
	}
	// 5.10's compat function for a call later kernels serve natively.
	s, ok := ByEntry(ABICompat, "get_mempolicy")
	require.True(t, ok)
	assert.Equal(t, 275, s.Nr)
	_, ok = ByEntry(ABIX64, "mmap_pgoff")
	assert.False(t, ok, "an entry point of another ABI")
}

func i386Line(t *testing.T, name string, args [6]uint64, ret int64, m flatMem) string {
	t.Helper()
	var s *Syscall
	for _, r := range I386() {
		if r.Name == name {
			s = r
		}
	}
	require.NotNil(t, s, name)
	var st State
	b := s.EnterState(nil, &args, m, nil, &st)
	return string(s.ExitState(b, &args, ret, m, nil, &st))
}

// TestI386Lines: the lines strace prints for an i386 process.
func TestI386Lines(t *testing.T) {
	mem := flatMem{0x1000, make([]byte, 256)}
	copy(mem.data, "/etc/passwd\x00")
	binary.LittleEndian.PutUint64(mem.data[64:], 1<<32+5) // _llseek's result
	copy(mem.data[0x60:], []byte{5, 0, 7, 0, 0xff, 0xff}) // 16-bit ids
	for _, c := range []struct {
		name string
		args [6]uint64
		ret  int64
		want string
	}{
		{"mmap2", [6]uint64{0, 8192, 3, 0x22, 0xffffffff, 2}, 0xf7f00000,
			"mmap2(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0x2000) = 0xf7f00000"},
		{"_llseek", [6]uint64{3, 1, 5, 0x1040, 0}, 0, "_llseek(3, 4294967301, [4294967301], SEEK_SET) = 0"},
		{"pwrite64", [6]uint64{3, 0x1000, 4, 0, 1}, 4, `pwrite64(3, "/etc", 4, 4294967296) = 4`},
		{"truncate64", [6]uint64{0x1000, 0xffffffff, 0x7fffffff}, -27, `truncate64("/etc/passwd", 9223372036854775807) = -1 EFBIG (File too large)`},
		{"fallocate", [6]uint64{3, 0, 0, 1, 4096, 0}, 0, "fallocate(3, 0, 4294967296, 4096) = 0"},
		// lseek's offset is a 32-bit long.
		{"lseek", [6]uint64{3, 0xffffffff, 2}, 9, "lseek(3, -1, SEEK_END) = 9"},
		{"getuid32", [6]uint64{}, 0, "getuid32() = 0"},
		// The compat gettimeofday's timeval is two 4-byte longs ("/etc", "/pas").
		{"gettimeofday", [6]uint64{0x1000, 0}, 0, "gettimeofday({tv_sec=1668572463, tv_usec=1935765551}, NULL) = 0"},
		{"socketcall", [6]uint64{1, 0x10}, -14, "socketcall(SYS_SOCKET, 0x10) = -1 EFAULT (Bad address)"},
		{"waitpid", [6]uint64{0xffffffff, 0, 1}, 0, "waitpid(-1, NULL, WNOHANG) = 0"},
		// The 16-bit id calls (lchown16...): -1 is 0xffff, lists of 2-byte ids.
		{"lchown", [6]uint64{0x1000, 0xffff, 0xfffe}, 0, `lchown("/etc/passwd", -1, 65534) = 0`},
		{"getgroups", [6]uint64{4, 0x1060}, 2, "getgroups(4, [5, 7]) = 2"},
		{"getresuid", [6]uint64{0x1060, 0x1062, 0x1064}, 0, "getresuid([5], [7], [-1]) = 0"},
		{"getgroups32", [6]uint64{1, 0x1060}, 1, "getgroups32(1, [458757]) = 1"},
	} {
		assert.Equal(t, c.want, collapseAlign(i386Line(t, c.name, c.args, c.ret, mem)), c.name)
	}
}

// TestI386Stat64: i386's struct stat64, short and -v.
func TestI386Stat64(t *testing.T) {
	st := make([]byte, 96)
	binary.LittleEndian.PutUint64(st[0:], 0x803)
	binary.LittleEndian.PutUint32(st[16:], 0o100640)
	binary.LittleEndian.PutUint32(st[20:], 1)
	binary.LittleEndian.PutUint32(st[24:], 1000)
	binary.LittleEndian.PutUint32(st[28:], 100)
	binary.LittleEndian.PutUint64(st[44:], 77)
	binary.LittleEndian.PutUint32(st[52:], 4096)
	binary.LittleEndian.PutUint64(st[56:], 8)
	binary.LittleEndian.PutUint64(st[88:], 123456)
	mem := flatMem{0x2000, st}
	old := time.Local
	time.Local = time.UTC
	defer func() { time.Local = old }()
	verboseOpts := &printers.Options{Verbose: true}
	assert.Equal(t, "fstat64(3, {st_mode=S_IFREG|0640, st_size=77, ...}) = 0",
		collapseAlign(i386Line(t, "fstat64", [6]uint64{3, 0x2000}, 0, mem)))
	s, _ := I386ByNumber(197)
	args := [6]uint64{3, 0x2000}
	b := s.Enter(nil, &args, mem, verboseOpts)
	assert.Equal(t, "fstat64(3, {st_dev=makedev(0x8, 0x3), st_ino=123456, st_mode=S_IFREG|0640, st_nlink=1, st_uid=1000, st_gid=100, st_blksize=4096, st_blocks=8, st_size=77, st_atime=0 /* 1970-01-01T00:00:00+0000 */, st_atime_nsec=0, st_mtime=0 /* 1970-01-01T00:00:00+0000 */, st_mtime_nsec=0, st_ctime=0 /* 1970-01-01T00:00:00+0000 */, st_ctime_nsec=0}) = 0",
		collapseAlign(string(s.Exit(b, &args, 0, mem, verboseOpts))))
}

// collapseAlign drops the alignment padding before " = ".
func collapseAlign(s string) string {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == ')' && s[i+1] == ' ' {
			j := i + 1
			for j < len(s) && s[j] == ' ' {
				j++
			}
			if j < len(s) && s[j] == '=' {
				return s[:i+1] + " " + s[j:]
			}
		}
	}
	return s
}
