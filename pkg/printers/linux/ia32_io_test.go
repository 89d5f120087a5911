package linux

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// i386Mem is a fake memory of an i386 process, at 0x20000000.
func i386Mem() *rowMem {
	return &rowMem{flatMem: flatMem{base: 0x20000000}, compat: true}
}

// TestI386IOLines: i386 iovecs, msghdrs, control messages, mmsghdrs and
// sock_fprogs as strace prints them for an i386 process.
func TestI386IOLines(t *testing.T) {
	m := i386Mem()
	ab, cde := m.str("ab"), m.str("cde")
	iov := m.longs(ab, 2, cde, 3)
	rights := m.cmsg(1, 1, 0) // SOL_SOCKET, SCM_RIGHTS, [0]
	msg := m.longs(0, 0, iov, 2, m.put(rights), uint64(len(rights)), 0)
	// Two messages, the second 4-byte aligned after a 13-byte first.
	two := append(m.cmsg(1, 3), 's', 0, 0, 0) // SCM_SECURITY, "s"
	two[0] = 13
	two = append(two, m.cmsg(1, 1, 7)...)
	msg2 := m.longs(0, 0, iov, 1, m.put(two), uint64(len(two)), 0)
	mmsg := m.longs(0, 0, iov, 1, 0, 0, 0, 2)
	ts := m.longs(1, 2)
	fprog := m.longs(1, m.u32s(6, 0xffff))
	for _, c := range []struct {
		name string
		args [6]uint64
		ret  int64
		want string
	}{
		{"writev", [6]uint64{3, iov, 2}, 5, `writev(3, [{iov_base="ab", iov_len=2}, {iov_base="cde", iov_len=3}], 2) = 5`},
		{"readv", [6]uint64{3, iov, 2}, 3, `readv(3, [{iov_base="ab", iov_len=2}, {iov_base="c", iov_len=3}], 2) = 3`},
		{"pwritev", [6]uint64{3, iov, 2, 5, 0}, 5, `pwritev(3, [{iov_base="ab", iov_len=2}, {iov_base="cde", iov_len=3}], 2, 5) = 5`},
		{"preadv2", [6]uint64{3, iov, 2, 0, 1, 8}, 0, `preadv2(3, [{iov_base="", iov_len=2}, {iov_base="", iov_len=3}], 2, 4294967296, RWF_NOWAIT) = 0`},
		{"pwritev2", [6]uint64{3, iov, 1, 10, 0, 0}, 2, `pwritev2(3, [{iov_base="ab", iov_len=2}], 1, 10, 0) = 2`},
		{"vmsplice", [6]uint64{4, iov, 2, 0}, 5, `vmsplice(4, [{iov_base="ab", iov_len=2}, {iov_base="cde", iov_len=3}], 2, 0) = 5`},
		{"process_vm_writev", [6]uint64{1234, iov, 1, iov, 1, 0}, 2, `process_vm_writev(1234, [{iov_base="ab", iov_len=2}], 1, [{iov_base=0x20000000, iov_len=2}], 1, 0) = 2`},
		{"sendmsg", [6]uint64{3, msg, 0}, 5, `sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="ab", iov_len=2}, {iov_base="cde", iov_len=3}], msg_iovlen=2, msg_control=[{cmsg_len=16, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0]}], msg_controllen=16, msg_flags=0}, 0) = 5`},
		{"recvmsg", [6]uint64{4, msg2, 0}, 2, `recvmsg(4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="ab", iov_len=2}], msg_iovlen=1, msg_control=[{cmsg_len=13, cmsg_level=SOL_SOCKET, cmsg_type=SCM_SECURITY, cmsg_data="s"}, {cmsg_len=16, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[7]}], msg_controllen=32, msg_flags=0}, 0) = 2`},
		{"sendmmsg", [6]uint64{3, mmsg, 1, 0}, 1, `sendmmsg(3, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="ab", iov_len=2}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=2}], 1, 0) = 1`},
		{"recvmmsg", [6]uint64{0xffffffff, mmsg, 2, 0, ts}, -9, `recvmmsg(-1, 0x200000a0, 2, 0, {tv_sec=1, tv_nsec=2}) = -1 EBADF (Bad file descriptor)`},
		// recvmmsg_time64 reads a 16-byte timespec.
		{"recvmmsg_time64", [6]uint64{0xffffffff, mmsg, 2, 0, ts}, -9, `recvmmsg_time64(-1, 0x200000a0, 2, 0, {tv_sec=8589934593, tv_nsec=0}) = -1 EBADF (Bad file descriptor)`},
		{"setsockopt", [6]uint64{3, 1, 26, fprog, 8}, 0, `setsockopt(3, SOL_SOCKET, SO_ATTACH_FILTER, {len=1, filter=0x200000d0}, 8) = 0`},
		{"seccomp", [6]uint64{1, 0, fprog}, -22, `seccomp(SECCOMP_SET_MODE_FILTER, 0, {len=1, filter=0x200000d0}) = -1 EINVAL (Invalid argument)`},
	} {
		assert.Equal(t, c.want, collapseAlign(i386Line(t, c.name, c.args, c.ret, m.flatMem)), c.name)
	}
}

// TestI386Socketcall: socketcall prints as the call it makes, its
// arguments read from memory; as itself when it cannot.
func TestI386Socketcall(t *testing.T) {
	m := i386Mem()
	ab := m.str("ab")
	iov := m.longs(ab, 2)
	msg := m.longs(0, 0, iov, 1, 0, 0, 0)
	fprog := m.longs(1, m.u32s(6, 0xffff))
	words := func(w ...uint32) uint64 { return m.u32s(w...) }
	for _, c := range []struct {
		call, args uint64
		ret        int64
		want       string
	}{
		{1, words(2, 2, 0), 3, "socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 3"},
		{9, words(3, uint32(ab), 2, 0), 2, `send(3, "ab", 2, 0) = 2`},
		{10, words(4, uint32(ab), 8, 0x40), 1, `recv(4, "a", 8, MSG_DONTWAIT) = 1`},
		{13, words(3, 1), 0, "shutdown(3, SHUT_WR) = 0"},
		{14, words(3, 1, 26, uint32(fprog), 8), 0, "setsockopt(3, SOL_SOCKET, SO_ATTACH_FILTER, {len=1, filter=0x20000040}, 8) = 0"},
		{16, words(3, uint32(msg), 0), 2, `sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="ab", iov_len=2}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 2`},
		{99, 0x20000000, -22, "socketcall(99, 0x20000000) = -1 EINVAL (Invalid argument)"},
		{0, 0x20000000, -22, "socketcall(0, 0x20000000) = -1 EINVAL (Invalid argument)"},
		{1, 0x10, -14, "socketcall(SYS_SOCKET, 0x10) = -1 EFAULT (Bad address)"},
		// Two words at the memory's end: socket has three.
		{1, words(2, 2), -14, "socketcall(SYS_SOCKET, 0x200000d0) = -1 EFAULT (Bad address)"},
	} {
		assert.Equal(t, c.want, collapseAlign(i386Line(t, "socketcall", [6]uint64{c.call, c.args}, c.ret, m.flatMem)))
	}
}

// TestI386IPC: System V IPC's i386 structures, and the ipc multiplexer
// printed as the call it makes.
func TestI386IPC(t *testing.T) {
	m := i386Mem()
	msg := m.put([]byte{5, 0, 0, 0, 'h', 'i'})
	// struct compat_msqid64_ds: uid, gid, mode, ..., msg_qbytes at 68
	ds := make([]byte, 88)
	copy(ds[4:], []byte{1, 0, 0, 0, 2, 0, 0, 0})
	copy(ds[20:], []byte{0o640 & 0xff, 0o640 >> 8, 0xff, 0xff}) // (mode's padding not printed)
	ds[68], ds[69] = 0, 0x10
	ds[36], ds[72] = 7, 9 // msg_stime, msg_lspid
	dsAddr := m.put(ds)
	semun := m.u32s(uint32(dsAddr))
	kludge := m.u32s(uint32(msg), 0xfffffff7)
	raddr := m.u32s(0x30000000)
	ts := m.longs(1, 2)
	for _, c := range []struct {
		name string
		args [6]uint64
		ret  int64
		want string
	}{
		{"msgsnd", [6]uint64{0, msg, 2, 0o4000}, 0, `msgsnd(0, {mtype=5, mtext="hi"}, 2, IPC_NOWAIT) = 0`},
		{"msgrcv", [6]uint64{0, msg, 2, 0xfffffff7, 0o4000}, 2, `msgrcv(0, {mtype=5, mtext="hi"}, 2, -9, IPC_NOWAIT) = 2`},
		{"msgctl", [6]uint64{0, 1, dsAddr}, 0, "msgctl(0, IPC_SET, {msg_perm={uid=1, gid=2, mode=0640}, msg_qbytes=4096}) = 0"},
		{"msgctl", [6]uint64{0, 0x102, dsAddr}, 0, "msgctl(0, IPC_64|IPC_STAT, {msg_perm={uid=1, gid=2, mode=0640, key=0, cuid=0, cgid=0}, msg_stime=7, msg_rtime=0, msg_ctime=0, msg_qnum=0, msg_qbytes=4096, msg_lspid=9, msg_lrpid=0}) = 0"},
		{"shmctl", [6]uint64{0, 1, dsAddr}, 0, "shmctl(0, IPC_SET, {shm_perm={uid=1, gid=2, mode=0640}}) = 0"},
		{"shmctl", [6]uint64{0, 2, dsAddr}, 0, "shmctl(0, IPC_STAT, {shm_perm={uid=1, gid=2, mode=0640, key=0, cuid=0, cgid=0}, shm_segsz=7, shm_cpid=0, shm_lpid=4096, shm_nattch=9, shm_atime=0, shm_dtime=0, shm_ctime=0}) = 0"},
		{"semctl", [6]uint64{0, 0, 2, dsAddr}, 0, "semctl(0, 0, IPC_STAT, {sem_perm={uid=1, gid=2, mode=0640, key=0, cuid=0, cgid=0}, sem_otime=7, sem_ctime=0, sem_nsems=0}) = 0"},
		{"shmat", [6]uint64{0, 0x30000000, 0}, 0x30000000, "shmat(0, 0x30000000, 0) = 0x30000000"},
		// ipc(call, first, second, third, ptr, fifth)
		{"ipc", [6]uint64{13, 0, 0o1600}, 1, "msgget(IPC_PRIVATE, IPC_CREAT|0600) = 1"},
		{"ipc", [6]uint64{11, 1, 2, 0o4000, msg}, 0, `msgsnd(1, {mtype=5, mtext="hi"}, 2, IPC_NOWAIT) = 0`},
		{"ipc", [6]uint64{12, 1, 2, 0o4000, kludge}, 2, `msgrcv(1, {mtype=5, mtext="hi"}, 2, -9, IPC_NOWAIT) = 2`},
		{"ipc", [6]uint64{12, 0, 8, 0o4000, 0x10}, -14, "msgrcv(0, 0x10, 8, IPC_NOWAIT) = -1 EFAULT (Bad address)"},
		{"ipc", [6]uint64{12 | 1<<16, 1, 2, 0o4000, msg, 0xfffffff7}, 2, `msgrcv(1, {mtype=5, mtext="hi"}, 2, -9, IPC_NOWAIT) = 2`},
		{"ipc", [6]uint64{14, 1, 0x100, 0, 0}, 0, "msgctl(1, IPC_64|IPC_RMID, NULL) = 0"},
		{"ipc", [6]uint64{3, 0, 0, 0x101, semun}, 0, "semctl(0, 0, IPC_64|IPC_SET, {sem_perm={uid=1, gid=2, mode=0640}}) = 0"},
		{"ipc", [6]uint64{3, 0, 0, 0x100, semun}, 0, "semctl(0, 0, IPC_64|IPC_RMID, [0x20000010]) = 0"},
		{"ipc", [6]uint64{3, 0, 0, 0x100, 0x10}, -14, "semctl(0, 0, IPC_64|IPC_RMID, 0x10) = -1 EFAULT (Bad address)"},
		{"ipc", [6]uint64{21, 0, 0, raddr, 0x30000000}, 0, "shmat(0, 0x30000000, 0) = 0x30000000"},
		{"ipc", [6]uint64{22, 0, 0, 0, 0x30000000}, 0, "shmdt(0x30000000) = 0"},
		{"ipc", [6]uint64{4, 0, 1, 0, 0x10, ts}, -14, "semtimedop(0, 0x10, 1, {tv_sec=1, tv_nsec=2}) = -1 EFAULT (Bad address)"},
		{"ipc", [6]uint64{99, 1, 2, 3, 4, 5}, -38, "ipc(99, 0x1, 0x2, 0x3, 0x4, 0x5) = -1 ENOSYS (Function not implemented)"},
		{"ipc", [6]uint64{2 << 16, 1, 2, 3, 4, 5}, -22, "ipc(2<<16|0, 0x1, 0x2, 0x3, 0x4, 0x5) = -1 EINVAL (Invalid argument)"},
	} {
		assert.Equal(t, c.want, collapseAlign(i386Line(t, c.name, c.args, c.ret, m.flatMem)), c.name)
	}
}

// TestI386AIOAndMq: AIO's array of 32-bit iocb pointers, its 32-bit
// timeouts and sigset argument, aio_context_t; struct mq_attr of longs,
// mq_timedsend's 32-bit timeout; move_pages' array of 32-bit pointers.
func TestI386AIOAndMq(t *testing.T) {
	m := i386Mem()
	ab := m.str("ab")
	cb := make([]byte, 64)
	cb[0], cb[16], cb[20], cb[32] = 7, 1, 1, 2 // IOCB_CMD_PWRITE to 1
	copy(cb[24:], []byte{byte(ab), byte(ab >> 8), byte(ab >> 16), byte(ab >> 24)})
	cbs := m.longs(m.put(cb))
	ts := m.longs(1, 2)
	sig := m.longs(m.words(1<<11), 8)
	attr := m.longs(0, 2, 8, 0)
	ctxID := m.longs(0xf7f00000)
	for _, c := range []struct {
		name string
		args [6]uint64
		ret  int64
		want string
	}{
		{"io_setup", [6]uint64{4, ctxID}, 0, "io_setup(4, [0xf7f00000]) = 0"},
		{"io_submit", [6]uint64{0, 1, cbs}, -22, `io_submit(NULL, 1, [{aio_data=0x7, aio_lio_opcode=IOCB_CMD_PWRITE, aio_fildes=1, aio_buf="ab", aio_nbytes=2, aio_offset=0}]) = -1 EINVAL (Invalid argument)`},
		{"io_submit", [6]uint64{0, 0xffffffff, cbs}, -22, "io_submit(NULL, -1, 0x20000050) = -1 EINVAL (Invalid argument)"},
		{"io_getevents", [6]uint64{0, 1, 1, 0x800, ts}, -22, "io_getevents(NULL, 1, 1, 0x800, {tv_sec=1, tv_nsec=2}) = -1 EINVAL (Invalid argument)"},
		{"io_pgetevents", [6]uint64{0, 1, 1, 0x800, ts, sig}, -22, "io_pgetevents(NULL, 1, 1, 0x800, {tv_sec=1, tv_nsec=2}, {sigmask=[USR2], sigsetsize=8}) = -1 EINVAL (Invalid argument)"},
		{"mq_open", [6]uint64{ab, 0o102, 0o600, attr}, 3, `mq_open("ab", O_RDWR|O_CREAT, 0600, {mq_flags=0, mq_maxmsg=2, mq_msgsize=8, mq_curmsgs=0}) = 3`},
		{"mq_getsetattr", [6]uint64{3, 0, attr}, 0, "mq_getsetattr(3, NULL, {mq_flags=0, mq_maxmsg=2, mq_msgsize=8, mq_curmsgs=0}) = 0"},
		{"mq_timedsend", [6]uint64{3, ab, 2, 7, ts}, 0, `mq_timedsend(3, "ab", 2, 7, {tv_sec=1, tv_nsec=2}) = 0`},
		{"move_pages", [6]uint64{0, 2, m.longs(0x20000000, 0x20001000), 0, m.u32s(0, 0xfffffff2), 0}, 0, "move_pages(0, 2, [0x20000000, 0x20001000], NULL, [0, -EFAULT], 0) = 0"},
	} {
		assert.Equal(t, c.want, collapseAlign(i386Line(t, c.name, c.args, c.ret, m.flatMem)), c.name)
	}
}

// TestI386Statfs: i386's struct statfs (32-bit fields) and struct
// statfs64 (packed, 84 bytes), the latter an address when the size
// argument is not its size.
func TestI386Statfs(t *testing.T) {
	m := i386Mem()
	pipefs := []uint32{0x50495045, 4096, 0, 0, 0, 0, 0, 0, 0, 255, 4096, 0x20} // ST_VALID
	st := m.u32s(pipefs...)
	// statfs64: f_type, f_bsize, five 64-bit counts, fsid, namelen, frsize, flags
	st64 := m.u32s(0x50495045, 4096, 7, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 4096, 0x20, 0, 0, 0, 0)
	for _, c := range []struct {
		name string
		args [6]uint64
		want string
	}{
		{"fstatfs", [6]uint64{3, st}, "fstatfs(3, {f_type=PIPEFS_MAGIC, f_bsize=4096, f_blocks=0, f_bfree=0, f_bavail=0, f_files=0, f_ffree=0, f_fsid={val=[0, 0]}, f_namelen=255, f_frsize=4096, f_flags=ST_VALID}) = 0"},
		{"fstatfs64", [6]uint64{3, 84, st64}, "fstatfs64(3, 84, {f_type=PIPEFS_MAGIC, f_bsize=4096, f_blocks=4294967303, f_bfree=0, f_bavail=0, f_files=0, f_ffree=0, f_fsid={val=[0, 0]}, f_namelen=255, f_frsize=4096, f_flags=ST_VALID}) = 0"},
		{"fstatfs64", [6]uint64{3, 88, st64}, "fstatfs64(3, 88, 0x20000030) = 0"},
	} {
		assert.Equal(t, c.want, collapseAlign(i386Line(t, c.name, c.args, 0, m.flatMem)), c.name)
	}
}

// TestI386Getdents: i386's struct linux_dirent has 32-bit d_ino and
// d_off: its d_reclen at offset 8.
func TestI386Getdents(t *testing.T) {
	m := i386Mem()
	ent := func(name string) []byte {
		e := make([]byte, 16)
		e[8] = 16
		copy(e[10:], name)
		return e
	}
	d := append(append(ent("."), ent("..")...), ent("f")...)
	addr := m.put(d)
	assert.Equal(t, "getdents(3, 0x20000000 /* 3 entries */, 1024) = 48",
		collapseAlign(i386Line(t, "getdents", [6]uint64{3, addr, 1024}, 48, m.flatMem)))
}

// TestNodemaskWords: node masks in words of a long, printed as strace's
// %#0*lx of a long's width (0x within the width; none for 0).
func TestNodemaskWords(t *testing.T) {
	m := i386Mem()
	mask := m.u32s(1, 0)
	for _, c := range []struct {
		name string
		args [6]uint64
		want string
	}{
		{"set_mempolicy", [6]uint64{2, mask, 64}, "set_mempolicy(MPOL_BIND, [0x000001, 00000000], 64) = 0"},
		{"set_mempolicy", [6]uint64{2, mask, 3}, "set_mempolicy(MPOL_BIND, [0x000001], 3) = 0"},
		{"mbind", [6]uint64{0x20000000, 4096, 2, mask, 33, 0}, "mbind(0x20000000, 4096, MPOL_BIND, [0x000001], 33, 0) = 0"},
		{"migrate_pages", [6]uint64{0, 33, mask, mask}, "migrate_pages(0, 33, [0x000001], [0x000001]) = 0"},
	} {
		assert.Equal(t, c.want, collapseAlign(i386Line(t, c.name, c.args, 0, m.flatMem)), c.name)
	}
	// x86-64's words: 16 characters, 0x among them.
	x := flatMem{0x1000, []byte{1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xf0}}
	s, _ := Lookup("set_mempolicy")
	args := [6]uint64{2, 0x1000, 130}
	b := s.Enter(nil, &args, x, nil)
	assert.Equal(t, "set_mempolicy(MPOL_BIND, [0x00000000000001, 0xf000000000000000, ... /* 0x1010 */], 130) = 0",
		collapseAlign(string(s.Exit(b, &args, 0, x, nil))))
}

// TestI386Hostile: counts and lengths from an i386 process's memory are
// bounded; nothing loops or panics.
func TestI386Hostile(t *testing.T) {
	m := i386Mem()
	ab := m.str("ab")
	iov := m.longs(ab, 0xffffffff)
	// cmsg_len past the buffer, then one under the header's 12 bytes.
	huge := m.u32s(0xffffffff, 1, 1, 3)
	small := m.u32s(4, 1, 1, 3)
	msgHuge := m.longs(0, 0, iov, 1, huge, 16, 0)
	msgSmall := m.longs(0, 0, iov, 1, small, 0xffffffff, 0)
	msgShort := m.longs(0, 0, iov, 1, small, 16, 0)
	mmsg := m.longs(0, 0, iov, 0xffffffff, 0, 0, 0, 0)
	for _, c := range []struct {
		name string
		args [6]uint64
		want string // the end of the line
	}{
		// The array stops at the memory's end.
		{"writev", [6]uint64{3, iov, 0xffffffff}, "... /* 0x200000c0 */], 4294967295) = 2"},
		// A cmsg_len past msg_controllen: its data to the end of it.
		{"sendmsg", [6]uint64{3, msgHuge, 0}, "msg_control=[{cmsg_len=4294967295, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[3]}], msg_controllen=16, msg_flags=0}, 0) = 2"},
		// A cmsg_len under the header's 12 bytes ends the walk.
		{"sendmsg", [6]uint64{3, msgShort, 0}, "msg_control=[{cmsg_len=4, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS}, ... /* 0x2000003c */], msg_controllen=16, msg_flags=0}, 0) = 2"},
		// msg_controllen read up to optmem_max: not there, an address.
		{"sendmsg", [6]uint64{3, msgSmall, 0}, "msg_control=0x20000030, msg_controllen=4294967295, msg_flags=0}, 0) = 2"},
	} {
		line := collapseAlign(i386Line(t, c.name, c.args, 2, m.flatMem))
		assert.True(t, strings.HasSuffix(line, c.want), line)
	}
	// Huge counts: output bounded, no panic.
	for _, c := range []struct {
		name string
		args [6]uint64
	}{
		{"sendmmsg", [6]uint64{3, mmsg, 0xffffffff, 0}},
		{"recvmmsg", [6]uint64{3, mmsg, 0xffffffff, 0, 0}},
		{"io_submit", [6]uint64{0, 0x7fffffff, iov}},
		{"getdents", [6]uint64{3, iov, 0xffffffff}},
		{"set_mempolicy", [6]uint64{2, iov, 0xffffffff}},
		{"socketcall", [6]uint64{16, m.u32s(3, uint32(mmsg), 0)}},
		{"ipc", [6]uint64{12, 0, 0xffffffff, 0, huge}},
	} {
		for _, ret := range []int64{0x7fffffff, -14} {
			assert.Less(t, len(i386Line(t, c.name, c.args, ret, m.flatMem)), 1<<16, c.name)
		}
	}
}

// TestI386OldMmap: the old mmap's arguments, read from its struct
// mmap_arg_struct.
func TestI386OldMmap(t *testing.T) {
	m := i386Mem()
	args := m.u32s(0x30000000, 4096, 3, 0x32, 0xffffffff, 4096)
	assert.Equal(t, "mmap(0x30000000, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, -1, 0x1000) = 0x30000000",
		collapseAlign(i386Line(t, "mmap", [6]uint64{args}, 0x30000000, m.flatMem)))
	assert.Equal(t, "mmap(0x10) = -1 EFAULT (Bad address)",
		collapseAlign(i386Line(t, "mmap", [6]uint64{0x10}, -14, m.flatMem)))
}

// TestI386OldReaddir: readdir's struct old_linux_dirent, as strace prints
// it; the count when not 1.
func TestI386OldReaddir(t *testing.T) {
	m := i386Mem()
	d := m.put([]byte{0x1b, 0x68, 0x98, 0, 0x48, 0x41, 0xfd, 0x1e, 2, 0, '.', '.', 0})
	for _, c := range []struct {
		args [6]uint64
		ret  int64
		want string
	}{
		{[6]uint64{3, d, 5}, 1, `readdir(3, {d_ino=9988123, d_off=519913800, d_reclen=2, d_name=".."}, 5) = 1`},
		{[6]uint64{3, d, 1}, 0, "readdir(3, 0x20000000) = 0"},
		{[6]uint64{3, d, 1}, -20, "readdir(3, 0x20000000) = -1 ENOTDIR (Not a directory)"},
	} {
		assert.Equal(t, c.want, collapseAlign(i386Line(t, "readdir", c.args, c.ret, m.flatMem)))
	}
}

// TestI386GroupReq: i386's struct group_req has its gr_group at offset 4
// (132 bytes in all).
func TestI386GroupReq(t *testing.T) {
	m := i386Mem()
	g := make([]byte, 132)
	g[0], g[4], g[8], g[11] = 1, 2, 224, 1
	addr := m.put(g)
	assert.Equal(t, `setsockopt(3, SOL_IP, MCAST_JOIN_GROUP, {gr_interface=1, gr_group={sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("224.0.0.1")}}, 132) = 0`,
		collapseAlign(i386Line(t, "setsockopt", [6]uint64{3, 0, 42, addr, 132}, 0, m.flatMem)))
	assert.Equal(t, "setsockopt(3, SOL_IP, MCAST_JOIN_GROUP, 0x20000000, 131) = -1 EINVAL (Invalid argument)",
		collapseAlign(i386Line(t, "setsockopt", [6]uint64{3, 0, 42, addr, 131}, -22, m.flatMem)))
}

// TestI386SockIoctls: the socket ioctls' struct ifreq (32 bytes) and
// struct ifconf (8) of an i386 process, each structure last in memory so
// that a read of the x86-64 size fails. The lines are strace's for
// gt-ia32io's calls (ifmap's values made up to show its layout).
func TestI386SockIoctls(t *testing.T) {
	var ioctl *Syscall
	for _, r := range I386() {
		if r.Name == "ioctl" {
			ioctl = r
		}
	}
	require.NotNil(t, ioctl)
	ifreq := func(name string, at16 ...byte) []byte {
		b := make([]byte, 32)
		copy(b, name)
		copy(b[16:], at16)
		return b
	}
	lo := []byte{2, 0, 0, 0, 127, 0, 0, 1}
	for _, c := range []struct {
		code        uint64
		entry, exit []byte // the structure at the call and at its return
		want        string
	}{
		{0x8933, ifreq("lo"), ifreq("lo", 1), `ioctl(3, SIOCGIFINDEX, {ifr_name="lo", ifr_ifindex=1}) = 0`},
		{0x8910, ifreq("", 1), ifreq("lo", 1), `ioctl(3, SIOCGIFNAME, {ifr_ifindex=1, ifr_name="lo"}) = 0`},
		{0x8913, ifreq("lo"), ifreq("lo", 8), `ioctl(3, SIOCGIFFLAGS, {ifr_name="lo", ifr_flags=IFF_LOOPBACK}) = 0`},
		{0x8914, ifreq("lo", 9), ifreq("lo", 9), `ioctl(3, SIOCSIFFLAGS, {ifr_name="lo", ifr_flags=IFF_UP|IFF_LOOPBACK}) = 0`},
		{0x8921, ifreq("lo"), ifreq("lo", 0, 0, 1), `ioctl(3, SIOCGIFMTU, {ifr_name="lo", ifr_mtu=65536}) = 0`},
		{0x8970, ifreq("lo"), ifreq("lo", 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 4, 5, 6),
			`ioctl(3, SIOCGIFMAP, {ifr_name="lo", ifr_map={mem_start=0x1, mem_end=0x2, base_addr=0x3, irq=0x4, dma=0x5, port=0x6}}) = 0`},
		// ifc_buf is the 32 bytes before the ifconf: room for two at entry.
		{0x8912, []byte{64, 0, 0, 0, 0xd8, 0, 0, 0x20}, append(ifreq("lo", lo...), 32, 0, 0, 0, 0xd8, 0, 0, 0x20),
			`ioctl(3, SIOCGIFCONF, {ifc_len=64 /* 2 * sizeof(struct ifreq) */ => 32 /* 1 * sizeof(struct ifreq) */, ifc_buf=[{ifr_name="lo", ifr_addr={sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("127.0.0.1")}}]}) = 0`},
		// BLKGETSIZE's unsigned long.
		{0x1260, make([]byte, 4), []byte{0, 8, 0, 0}, `ioctl(3, BLKGETSIZE, [2048]) = 0`},
		{0x8912, make([]byte, 8), []byte{32, 0, 0, 0, 0, 0, 0, 0},
			`ioctl(3, SIOCGIFCONF, {ifc_len=32 /* 1 * sizeof(struct ifreq) */, ifc_buf=NULL}) = 0`},
	} {
		m := flatMem{base: 0x20000000, data: make([]byte, 256)}
		arg := m.base + uint64(len(m.data)-len(c.entry))
		copy(m.data[arg-m.base:], c.entry)
		args := [6]uint64{3, c.code, arg}
		var st State
		b := ioctl.EnterState(nil, &args, m, nil, &st)
		copy(m.data[len(m.data)-len(c.exit):], c.exit)
		assert.Equal(t, c.want, collapseAlign(string(ioctl.ExitState(b, &args, 0, m, nil, &st))))
	}
}
