package tracer

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/guestostest"
	"github.com/guestrace/guestrace/pkg/oses"
	_ "github.com/guestrace/guestrace/pkg/oses/linux" // registers "linux"
	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// familyOS is RegsOS with parents (by thread key) and open files (by
// descriptor, the same for every thread).
type familyOS struct {
	guestostest.RegsOS
	parents map[uint64]guestos.Thread
	files   map[int32]string
}

func (o *familyOS) Parent(th *guestos.Thread, p *guestos.Thread) error {
	q, ok := o.parents[th.Key]
	if !ok {
		return guestos.ErrBadGuestData
	}
	*p = q
	return nil
}

func (o *familyOS) FDPath(_ *guestos.Thread, fd int32, buf []byte) (guestos.FDInfo, error) {
	p, ok := o.files[fd]
	if !ok {
		return guestos.FDInfo{}, guestos.ErrNotOpen
	}
	info := guestos.FDInfo{Path: append(buf, p...)}
	if p == "/dev/null" {
		info.Mode, info.Rdev = sIFCHR|0o666, 1<<20|3
	}
	return info, nil
}

func newFamily() *familyOS {
	th := func(pid, tid uint32, key uint64, comm string) guestos.Thread {
		t := guestos.Thread{PID: pid, TID: tid, Key: key}
		copy(t.Comm[:], comm)
		return t
	}
	return &familyOS{
		RegsOS: guestostest.RegsOS{Syms: map[string]uint64{"__x64_sys_close": fnClose}, Comm: "w"},
		// 70 is a child of 60, itself a child of 40; 80 of 1.
		parents: map[uint64]guestos.Thread{
			70: th(60, 60, 60, "sh"), 60: th(40, 40, 40, "sh"), 40: th(1, 1, 1, "init"),
			80: th(1, 1, 1, "init"),
		},
		files: map[int32]string{3: "/tmp/x", 4: "/dev/null"},
	}
}

// TestFollowForks: with -f the descendants of the selected processes
// are traced, others are not; without it only the process itself.
func TestFollowForks(t *testing.T) {
	events := []vmi.Event{
		evPID(fnClose, 40, 40, 3, 0, rsp), evPID(retSite, 40, 40, 0, 0, rsp+8),
		evPID(fnClose, 70, 70, 4, 0, rsp), evPID(retSite, 70, 70, 0, 0, rsp+8),
		evPID(fnClose, 80, 80, 5, 0, rsp), evPID(retSite, 80, 80, 0, 0, rsp+8),
		evPID(fnClose, 70, 70, 6, 0, rsp), evPID(retSite, 70, 70, 0, 0, rsp+8),
	}
	out, tr := runScriptOS(t, newFamily(), testTable{}, Config{PIDs: []uint32{40}, Follow: true}, true, printers.Options{}, events...)
	assert.Equal(t, ""+
		"[pid 40/40 w] close(3) = 0\n"+
		"[pid 70/70 w] close(4) = 0\n"+
		"[pid 70/70 w] close(6) = 0\n", out)
	assert.Equal(t, uint64(1), tr.Skipped())
	assert.Len(t, tr.follow, 2, "70 and 80 remembered")

	out, _ = runScriptOS(t, newFamily(), testTable{}, Config{PIDs: []uint32{40}}, true, printers.Options{}, events...)
	assert.Equal(t, "[pid 40/40 w] close(3) = 0\n", out)

	// By name: 70's grandparent is named sh.
	out, _ = runScriptOS(t, newFamily(), testTable{}, Config{Comms: []string{"sh"}, Follow: true}, true, printers.Options{}, events...)
	assert.Equal(t, 2, strings.Count(out, "[pid 70/70 w]"))
	assert.NotContains(t, out, "[pid 80/80")
}

// TestFollowCycle: a parent chain that loops ends the walk.
func TestFollowCycle(t *testing.T) {
	os := newFamily()
	os.parents[40] = guestos.Thread{PID: 70, TID: 70, Key: 70}
	_, tr := runScriptOS(t, os, testTable{}, Config{PIDs: []uint32{99}, Follow: true}, true, printers.Options{},
		evPID(fnClose, 70, 70, 4, 0, rsp), evPID(retSite, 70, 70, 0, 0, rsp+8))
	assert.Equal(t, uint64(1), tr.Skipped())
}

// TestDescriptorPaths: -y prints the path behind a descriptor through the
// OS's FDPather, -yy a device's numbers; -P keeps the calls on a path.
func TestDescriptorPaths(t *testing.T) {
	events := []vmi.Event{
		evPID(fnClose, 40, 40, 3, 0, rsp), evPID(retSite, 40, 40, 0, 0, rsp+8),
		evPID(fnClose, 40, 40, 4, 0, rsp), evPID(retSite, 40, 40, 0, 0, rsp+8),
		evPID(fnClose, 40, 40, 9, 0, rsp), evPID(retSite, 40, 40, 0, ^uint64(8), rsp+8),
	}
	out, _ := runScriptOS(t, newFamily(), linuxTable(t), Config{FDPaths: true}, true, printers.Options{FDPaths: 2, Column: -1}, events...)
	assert.Equal(t, ""+
		"[pid 40/40 w] close(3</tmp/x>) = 0\n"+
		"[pid 40/40 w] close(4</dev/null<char 1:3>>) = 0\n"+
		"[pid 40/40 w] close(9) = -1 EBADF (Bad file descriptor)\n", out)

	out, tr := runScriptOS(t, newFamily(), linuxTable(t), Config{Paths: []string{"/dev/null"}}, true, printers.Options{Column: -1}, events...)
	assert.Equal(t, "[pid 40/40 w] close(4) = 0\n", out)
	assert.Equal(t, uint64(2), tr.Skipped())
}

// TestDumps: -e write= dumps what a write asked to write, even failed;
// -e read= what a read returned, only when it succeeded.
func TestDumps(t *testing.T) {
	m := &guestostest.RegsOS{Mem: map[uint64][]byte{0x1000: []byte("hello, world\n"), 0x2000: {
		0x00, 0x10, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, // {0x1000, 3}
		0x07, 0x10, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, // {0x1007, 5}
	}}}
	mem := regsMem{m}
	d := &Dumps{Write: FDSet{All: true}, Read: FDSet{FDs: map[int32]bool{3: true}}}
	for _, tc := range []struct {
		name   string
		args   output.Args
		ret    int64
		failed bool
		want   string
	}{
		{"write", output.Args{1, 0x1000, 13}, -9, true,
			" | 00000  68 65 6c 6c 6f 2c 20 77  6f 72 6c 64 0a           hello, world.    |\n"},
		{"read", output.Args{3, 0x1000, 64}, 5, false,
			" | 00000  68 65 6c 6c 6f                                    hello            |\n"},
		{"read", output.Args{4, 0x1000, 64}, 5, false, ""},
		{"read", output.Args{3, 0x1000, 64}, -11, true, ""},
		{"readv", output.Args{3, 0x2000, 2}, 6, false, "" +
			" * 3 bytes in buffer 0\n" +
			" | 00000  68 65 6c                                          hel              |\n" +
			" * 3 bytes in buffer 1\n" +
			" | 00000  77 6f 72                                          wor              |\n"},
		{"close", output.Args{3}, 0, false, ""},
	} {
		assert.Equal(t, tc.want, string(d.AppendDump(nil, tc.name, &tc.args, tc.ret, tc.failed, mem)), "%s %v", tc.name, tc.args[:3])
	}
	// Unreadable data dumps nothing.
	require.Empty(t, d.AppendDump(nil, "write", &output.Args{1, 0x9000, 4}, 4, false, mem))
}

// le64s lays out 64-bit words.
func le64s(ws ...uint64) []byte {
	var b []byte
	for _, w := range ws {
		b = binary.LittleEndian.AppendUint64(b, w)
	}
	return b
}

// TestDumpsMessages: sendmsg's and recvmsg's msghdr and sendmmsg's and
// recvmmsg's mmsghdr arrays dump their iovecs as strace does: a vector
// header per message, its msg_len bytes at most, up to the first empty
// buffer.
func TestDumpsMessages(t *testing.T) {
	msg := le64s(0, 0, 0x2000, 3, 0, 0, 0)                               // msghdr: iov 0x2000, 3 of them
	mmsg := append(append(le64s(0, 0, 0x2000, 3, 0, 0, 0), le64s(5)...), // msg_len 5
		append(le64s(0, 0, 0x2030, 1, 0, 0, 0), le64s(4)...)...) // msg_len 4
	m := &guestostest.RegsOS{Mem: map[uint64][]byte{
		0x1000: []byte("hello, world\n"),
		0x2000: le64s(0x1000, 3, 0x1007, 5, 0x1000, 0, 0x1000, 4), // the last one after an empty one
		0x3000: msg, 0x4000: mmsg,
	}}
	mem := regsMem{m}
	d := &Dumps{Write: FDSet{All: true}, Read: FDSet{All: true}}
	hel := " | 00000  68 65 6c                                          hel              |\n"
	for _, tc := range []struct {
		name   string
		args   output.Args
		ret    int64
		failed bool
		want   string
	}{
		{"sendmsg", output.Args{3, 0x3000, 0}, -32, true, " * 3 bytes in buffer 0\n" + hel +
			" * 5 bytes in buffer 1\n" +
			" | 00000  77 6f 72 6c 64                                    world            |\n"},
		{"recvmsg", output.Args{3, 0x3000, 0}, 4, false, " * 3 bytes in buffer 0\n" + hel +
			" * 1 bytes in buffer 1\n" +
			" | 00000  77                                                w                |\n"},
		{"recvmsg", output.Args{3, 0x3000, 0}, -11, true, ""},
		{"sendmmsg", output.Args{3, 0x4000, 2, 0}, 2, false, " = 3 buffers in vector 0\n" +
			" * 3 bytes in buffer 0\n" + hel + " * 2 bytes in buffer 1\n" +
			" | 00000  77 6f                                             wo               |\n" +
			" = 1 buffers in vector 1\n * 4 bytes in buffer 0\n" +
			" | 00000  68 65 6c 6c                                       hell             |\n"},
		{"recvmmsg", output.Args{3, 0x4000, 2, 0}, 1, false, " = 3 buffers in vector 0\n" +
			" * 3 bytes in buffer 0\n" + hel + " * 2 bytes in buffer 1\n" +
			" | 00000  77 6f                                             wo               |\n"},
		{"sendmmsg", output.Args{3, 0x4000, 2, 0}, -9, true, ""},
		{"writev", output.Args{3, 0x2000, 4}, 12, false, " * 3 bytes in buffer 0\n" + hel +
			" * 5 bytes in buffer 1\n" +
			" | 00000  77 6f 72 6c 64                                    world            |\n"},
		{"sendmsg", output.Args{3, 0x9000, 0}, 4, false, ""},
	} {
		assert.Equal(t, tc.want, string(d.AppendDump(nil, tc.name, &tc.args, tc.ret, tc.failed, mem)), "%s %v %d", tc.name, tc.args[:3], tc.ret)
	}
}

// regsMem reads a RegsOS's memory as printers.Mem.
type regsMem struct{ o *guestostest.RegsOS }

func (m regsMem) ReadVirt(va uint64, buf []byte) (int, error) { return m.o.ReadVirt(nil, va, buf) }

// linuxTable is the registered Linux system-call table.
func linuxTable(t *testing.T) oses.Table {
	t.Helper()
	o, err := oses.Lookup("linux")
	require.NoError(t, err)
	return o.Calls
}
