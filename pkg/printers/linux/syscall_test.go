package linux

import (
	"encoding/binary"
	"errors"
	"slices"
	"testing"

	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// flatMem is guest memory holding data at base; anything else is unmapped.
type flatMem struct {
	base uint64
	data []byte
}

var errUnmapped = errors.New("unmapped")

func (m flatMem) ReadVirt(va uint64, buf []byte) (int, error) {
	if va < m.base || va-m.base >= uint64(len(m.data)) {
		return 0, errUnmapped
	}
	n := copy(buf, m.data[va-m.base:])
	if n < len(buf) {
		return n, errUnmapped
	}
	return n, nil
}

func lookup(t testing.TB, name string) *Syscall {
	s, ok := Lookup(name)
	require.True(t, ok, name)
	return s
}

func TestTable(t *testing.T) {
	assert.Len(t, All(), 362)
	s, ok := ByNumber(257)
	require.True(t, ok)
	assert.Equal(t, "openat", s.Name)
	assert.Equal(t, ClassDesc|ClassFile, s.Class)
	assert.True(t, lookup(t, "exit_group").NoReturn())
	assert.False(t, lookup(t, "read").NoReturn())
	_, ok = ByNumber(400)
	assert.False(t, ok)
	c, ok := ParseClass("%file")
	assert.True(t, ok)
	assert.Equal(t, ClassFile, c)
	c, _ = ParseClass("%%stat")
	assert.Equal(t, ClassStatLike, c)
	assert.Equal(t, "desc|file", (ClassDesc | ClassFile).String())
	seen := map[int]bool{}
	for _, s := range All() {
		assert.False(t, seen[s.Nr], "number %d twice", s.Nr)
		seen[s.Nr] = true
		assert.LessOrEqual(t, len(s.Args), 6, s.Name)
	}
}

// col40 pads s with spaces to strace's default column, 40.
func col40(s string) string {
	for len(s) < 40 {
		s += " "
	}
	return s
}

// TestSplit checks the lines strace prints when another process's line comes
// between a call's entry and its exit.
func TestSplit(t *testing.T) {
	mem := flatMem{0x1000, []byte("abc\x00")}
	args := [6]uint64{3, 0x1000, 64}
	read := lookup(t, "read")
	assert.Equal(t, "read(3,  <unfinished ...>", string(read.Enter(nil, &args, mem, nil))+" <unfinished ...>")
	assert.Equal(t, col40(`<... read resumed>"abc", 64) `)+"= 3", string(read.Exit([]byte("<... read resumed>"), &args, 3, mem, nil)))

	closeCall := lookup(t, "close")
	assert.Equal(t, "close(3 <unfinished ...>", string(closeCall.Enter(nil, &args, mem, nil))+" <unfinished ...>")
	assert.Equal(t, col40("<... close resumed>) ")+"= 0", string(closeCall.Exit([]byte("<... close resumed>"), &args, 0, mem, nil)))

	// Enter and Exit together give the whole line, aligned from the line's
	// start, pid prefix included.
	line := read.Enter([]byte("1234  "), &args, mem, nil)
	line = read.Exit(line, &args, 3, mem, nil)
	assert.Equal(t, col40(`1234  read(3, "abc", 64) `)+"= 3", string(line))

	clone := lookup(t, "clone")
	cargs := [6]uint64{0x1200011, 0, 0, 0x5000, 0}
	assert.Equal(t, "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD", string(clone.Enter(nil, &cargs, mem, nil)))
	assert.Equal(t, "<... clone resumed>, child_tidptr=0x5000) = 42", string(clone.Exit([]byte("<... clone resumed>"), &cargs, 42, mem, nil)))

	exit := lookup(t, "exit_group")
	eargs := [6]uint64{0}
	assert.Equal(t, col40("exit_group(0) ")+"= ?", string(exit.Exit(exit.Enter(nil, &eargs, mem, nil), &eargs, 0, mem, nil)))
}

// TestFollowForks checks a pair of split lines strace -f printed for wait4
// while its child ran, pid prefix included.
func TestFollowForks(t *testing.T) {
	status := make([]byte, 4)
	binary.LittleEndian.PutUint32(status, 3<<8)
	mem := flatMem{0x7000, status}
	args := [6]uint64{9803, 0x7000, 0, 0}
	wait4 := lookup(t, "wait4")
	assert.Equal(t, "9801  wait4(9803,  <unfinished ...>", string(wait4.Enter([]byte("9801  "), &args, mem, nil))+" <unfinished ...>")
	assert.Equal(t, "9801  <... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 9803",
		string(wait4.Exit([]byte("9801  <... wait4 resumed>"), &args, 9803, mem, nil)))
}

func TestReturns(t *testing.T) {
	var args [6]uint64
	o := &printers.Options{Column: -1}
	mmap := lookup(t, "brk")
	assert.Equal(t, "brk(NULL) = 0x55d000", string(mmap.Exit(mmap.Enter(nil, &args, nil, o), &args, 0x55d000, nil, o)))
	read := lookup(t, "read")
	args = [6]uint64{0, 0x1000, 10}
	assert.Equal(t, "read(0, 0x1000, 10) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)",
		string(read.Exit(read.Enter(nil, &args, nil, o), &args, -512, nil, o)))
	umask := lookup(t, "umask")
	args = [6]uint64{0o22}
	assert.Equal(t, "umask(022) = 077", string(umask.Exit(umask.Enter(nil, &args, nil, o), &args, 0o77, nil, o)))
	// Unreadable memory prints the address.
	args = [6]uint64{3, 0xdead0000, 4}
	assert.Equal(t, "read(3, 0xdead0000, 4) = 4", string(read.Exit(read.Enter(nil, &args, nil, o), &args, 4, flatMem{}, o)))
}

func TestRaw(t *testing.T) {
	args := [6]uint64{1, 0, 0xffff, 4, 5, 6}
	b := Raw(UnknownName(nil, 0x1b6), "", &args, 6)
	b = RawExit(b, -38, nil)
	assert.Equal(t, "syscall_0x1b6(0x1, 0, 0xffff, 0x4, 0x5, 0x6) = -1 ENOSYS (Function not implemented)", string(b))
}

func TestOptions(t *testing.T) {
	mem := flatMem{0x1000, []byte("0123456789")}
	args := [6]uint64{1, 0x1000, 10}
	write := lookup(t, "write")
	o := &printers.Options{StringLimit: 4, Column: -1}
	assert.Equal(t, `write(1, "0123"..., 10) = 10`, string(write.Exit(write.Enter(nil, &args, mem, o), &args, 10, mem, o)))
}

// TestConcurrent decodes from many goroutines at once: the decoders share
// only their pooled scratch space.
func TestConcurrent(t *testing.T) {
	calls := benchCalls()
	mem := benchMem()
	want := make([]string, len(calls))
	for i, c := range calls {
		want[i] = string(c.s.Exit(c.s.Enter(nil, &c.args, mem, nil), &c.args, c.ret, mem, nil))
	}
	done := make(chan error)
	for g := 0; g < 8; g++ {
		go func() {
			var b []byte
			for n := 0; n < 1000; n++ {
				i := n % len(calls)
				c := calls[i]
				b = c.s.Exit(c.s.Enter(b[:0], &c.args, mem, nil), &c.args, c.ret, mem, nil)
				if string(b) != want[i] {
					done <- errors.New(string(b))
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 8; g++ {
		require.NoError(t, <-done)
	}
}

// fuzzMem is the fuzzer's memory: its data at a fixed base.
const fuzzBase = 0x10000

func fuzzArgs(seed []byte, data []byte) [6]uint64 {
	var args [6]uint64
	for i := range args {
		var w [8]byte
		copy(w[:], seed[min(len(seed), i*8):])
		v := binary.LittleEndian.Uint64(w[:])
		// Most arguments point into the data so that decoders read it.
		if v&3 != 0 && len(data) > 0 {
			v = fuzzBase + v>>2%uint64(len(data))
		}
		args[i] = v
	}
	return args
}

// FuzzDecode decodes every call with random arguments, return values and
// memory: no panic, bounded output and no raw control bytes.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("\x01\x00\x00\x00\x00\x00\x00\x00\x05"), []byte("/etc/passwd\x00\x10\x00\x00\x00"), int64(3))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 3, 3, 3, 3}, []byte{1, 2, 0, 0, 0, 0x7f, 0, 0, 1}, int64(-2))
	seed, data, ret := i386FuzzSeed()
	f.Add(seed, data, ret)
	// i386's socketcall(SYS_SENDMSG, args) of a msghdr with a control
	// message; ipc(MSGRCV, ...) of a struct ipc_kludge at its ptr.
	sendmsg := "\x03\x00\x00\x00\x0c\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x28\x00\x01\x00\x01\x00\x00\x00\x30\x00\x01\x00\x10\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x04\x00\x00\x00\x10\x00\x00\x00\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00"
	f.Add([]byte("\x10\x00\x00\x00\x00\x00\x00\x00\x01"), []byte(sendmsg), int64(5))
	f.Add([]byte("\x0c\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01"), []byte(sendmsg), int64(2))
	f.Fuzz(func(t *testing.T, seed, data []byte, ret int64) {
		args := fuzzArgs(seed, data)
		mem := flatMem{fuzzBase, data}
		var st State
		b := make([]byte, 0, 4096)
		for _, s := range slices.Concat(All(), I386()) {
			b = s.EnterState(b[:0], &args, mem, nil, &st)
			b = s.ExitState(b, &args, ret, mem, nil, &st)
			if len(b) > 1<<20 {
				t.Fatalf("%s: %d bytes of output", s.Name, len(b))
			}
			for _, c := range b {
				if c < ' ' || c >= 0x7f {
					t.Fatalf("%s: raw byte %#x in %q", s.Name, c, b)
				}
			}
		}
	})
}

// benchCalls is a realistic mix of calls and their memory.
func benchCalls() []struct {
	s    *Syscall
	args [6]uint64
	ret  int64
} {
	stat := make([]byte, 144)
	binary.LittleEndian.PutUint32(stat[24:], 0o100644)
	binary.LittleEndian.PutUint64(stat[48:], 1234)
	_ = stat
	type call = struct {
		s    *Syscall
		args [6]uint64
		ret  int64
	}
	get := func(n string) *Syscall { s, _ := Lookup(n); return s }
	return []call{
		{get("openat"), [6]uint64{uint64(1<<64 - 100), 0x1000, 0x80000}, 3},
		{get("read"), [6]uint64{3, 0x2000, 4096}, 832},
		{get("newfstatat"), [6]uint64{3, 0x1100, 0x3000, 0x1000}, 0},
		{get("write"), [6]uint64{1, 0x2000, 64}, 64},
		{get("close"), [6]uint64{3}, 0},
		{get("openat"), [6]uint64{uint64(1<<64 - 100), 0x1000, 0}, -2},
		{get("mprotect"), [6]uint64{0x7f0000000000, 4096, 1}, 0},
		{get("wait4"), [6]uint64{uint64(1<<64 - 1), 0x3000, 0, 0}, 42},
	}
}

func benchMem() printers.Mem {
	data := make([]byte, 0x3000)
	copy(data, "/usr/lib/x86_64-linux-gnu/libc.so.6\x00")
	for i := 0x1000; i < 0x2000; i++ {
		data[i] = byte(i)
	}
	binary.LittleEndian.PutUint32(data[0x2000+24:], 0o100644)
	binary.LittleEndian.PutUint64(data[0x2000+48:], 1234)
	return flatMem{0x1000, data}
}

// BenchmarkDecode decodes and formats a mix of calls into a reused buffer.
func BenchmarkDecode(b *testing.B) {
	calls := benchCalls()
	mem := benchMem()
	buf := make([]byte, 0, 4096)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := &calls[i%len(calls)]
		buf = c.s.Enter(buf[:0], &c.args, mem, nil)
		buf = c.s.Exit(buf, &c.args, c.ret, mem, nil)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}
