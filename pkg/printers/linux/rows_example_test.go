package linux

import (
	"encoding/binary"

	"github.com/guestrace/guestrace/pkg/printers"
)

// Example calls for every row: deterministic arguments chosen from each
// argument's kind, and a fake guest memory holding what they point to.

const (
	rowMemBase   = 0x7ffd00000000 // where the fake memory's data lives
	unmapped     = 0x7f1234560000 // pointers that print as addresses
	rowMemBase32 = 0x0804a000     // the same for i386 calls
	unmapped32   = 0xf7f10000
	atFDCWD64    = 1<<64 - 100
	errENOENT    = 2
	errEBADF     = 9
	errEINVAL    = 22
)

// rowMem is a fake guest memory grown by put; reads outside it fail.
// compat: the call is an i386 process's, its longs and pointers 4 bytes.
type rowMem struct {
	flatMem
	compat bool
}

// longs stores w as longs (or pointers) of the call's process.
func (m *rowMem) longs(w ...uint64) uint64 {
	if !m.compat {
		return m.words(w...)
	}
	var b []byte
	for _, v := range w {
		b = binary.LittleEndian.AppendUint32(b, uint32(v))
	}
	return m.put(b)
}

// put stores b at the next 16-byte boundary and returns its address.
func (m *rowMem) put(b []byte) uint64 {
	for len(m.data)%16 != 0 {
		m.data = append(m.data, 0)
	}
	va := m.base + uint64(len(m.data))
	m.data = append(m.data, b...)
	return va
}

func (m *rowMem) str(s string) uint64 { return m.put(append([]byte(s), 0)) }

func (m *rowMem) words(w ...uint64) uint64 {
	var b []byte
	for _, v := range w {
		b = binary.LittleEndian.AppendUint64(b, v)
	}
	return m.put(b)
}

func (m *rowMem) u32s(w ...uint32) uint64 {
	var b []byte
	for _, v := range w {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return m.put(b)
}

// structure is the generic contents of a structure: small distinct numbers
// in its first eight words, zeros after, 256 bytes in all.
func (m *rowMem) structure() uint64 {
	w := make([]uint64, 32)
	for i := range 8 {
		w[i] = uint64(i + 1)
	}
	return m.words(w...)
}

// bufData is what input and output buffers hold: text, a control byte and
// a byte above 0x7f, to show the escaping.
const bufData = "hello, guest!\n\x00\xff"

// rowExample is one example call of a row.
type rowExample struct {
	args     [6]uint64
	mem      *rowMem
	unmapped uint64
	ok       int64 // the return of a successful call
	errno    uint64
	custom   bool // args were set by a row's own example
}

// exampleOf builds the example call of s.
func exampleOf(s *Syscall) *rowExample {
	e := &rowExample{mem: &rowMem{flatMem: flatMem{base: rowMemBase}}, unmapped: unmapped, ok: 3}
	if s.Is32() {
		e.mem.base, e.unmapped = rowMemBase32, unmapped32
		e.mem.compat = true
	}
	switch {
	case s.Ret == RetHex:
		e.ok = 0x7f0012340000
	case s.Ret == RetOctal:
		e.ok = 0o22
	}
	switch {
	case s.Class&ClassFile != 0:
		e.errno = errENOENT
	case s.Class&ClassDesc != 0:
		e.errno = errEBADF
	default:
		e.errno = errEINVAL
	}
	if f, ok := rowExamples[s.Name]; ok {
		f(e, e.mem)
		e.custom = true
		return e
	}
	for i, a := range s.Args {
		e.args[i] = e.argOf(i, a.Kind)
	}
	for i := len(s.Args); i < s.NArgs; i++ {
		e.args[i] = 0x10 + uint64(i)
	}
	if s.Is32() {
		// The arguments above are in the row's printed order: put them
		// back in i386's registers, 32 bits each.
		if f, ok := i386Unfix[s.Name]; ok {
			f(&e.args)
		}
		for i := range e.args {
			e.args[i] &= 0xffffffff
		}
	}
	return e
}

// split undoes join: a[i] becomes its low half, a[i+1] its high half, the
// arguments after moving up one place.
func split(a *[6]uint64, i int) {
	copy(a[i+2:], a[i+1:5])
	a[i+1] = a[i] >> 32
	a[i] &= 0xffffffff
}

// i386Unfix undoes each i386Special fix.
var i386Unfix = map[string]func(a *[6]uint64){
	"mmap2":           func(a *[6]uint64) { a[5] >>= 12 },
	"pread64":         func(a *[6]uint64) { split(a, 3) },
	"pwrite64":        func(a *[6]uint64) { split(a, 3) },
	"truncate64":      func(a *[6]uint64) { split(a, 1) },
	"ftruncate64":     func(a *[6]uint64) { split(a, 1) },
	"readahead":       func(a *[6]uint64) { split(a, 1) },
	"fadvise64":       func(a *[6]uint64) { split(a, 1) },
	"fadvise64_64":    func(a *[6]uint64) { split(a, 2); split(a, 1) },
	"fallocate":       func(a *[6]uint64) { split(a, 3); split(a, 2) },
	"sync_file_range": func(a *[6]uint64) { split(a, 2); split(a, 1) },
	"clone":           func(a *[6]uint64) { a[3], a[4] = a[4], a[3] },
	"preadv":          func(a *[6]uint64) { split(a, 3) },
	"pwritev":         func(a *[6]uint64) { split(a, 3) },
	"preadv2":         func(a *[6]uint64) { a[4] = a[3] >> 32; a[3] &= 0xffffffff },
	"pwritev2":        func(a *[6]uint64) { a[4] = a[3] >> 32; a[3] &= 0xffffffff },
}

// argOf is an example value of an argument of kind k at index i.
func (e *rowExample) argOf(i int, k printers.ArgKind) uint64 {
	m := e.mem
	switch k {
	case printers.KindInt:
		return 3
	case printers.KindUint:
		return 2
	case printers.KindLong:
		return 1024
	case printers.KindUlong:
		return 16
	case printers.KindHex:
		return 0x1000
	case printers.KindPtr:
		return e.unmapped + 0x100*uint64(i)
	case printers.KindFD:
		return 3 + uint64(i)
	case printers.KindDirFD:
		return atFDCWD64
	case printers.KindPID:
		return 1234
	case printers.KindMode:
		return 0o644
	case printers.KindSignal:
		return 15
	case printers.KindFlags, printers.KindEnum:
		return 1
	case printers.KindPath:
		return m.str("/tmp/guestrace/file" + string(rune('0'+i)))
	case printers.KindString:
		return m.str("user.name" + string(rune('0'+i)))
	case printers.KindBufIn, printers.KindBufOut:
		return m.str(bufData)
	case printers.KindArray:
		return m.words(m.str("/bin/sh"), m.str("-c"), m.str("echo hi"), 0)
	default: // structures and decoders of their own
		return m.structure()
	}
}

// sockaddrIn is 127.0.0.1:80 as a struct sockaddr_in.
func (m *rowMem) sockaddrIn() uint64 {
	return m.put([]byte{2, 0, 0, 80, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0})
}

// iov is an iovec array of two buffers.
func (m *rowMem) iov() uint64 {
	return m.longs(m.str("hello"), 5, m.str(", guest\n"), 8)
}

// timespec is {tv_sec=1, tv_nsec=500000000}.
func (m *rowMem) timespec() uint64 { return m.words(1, 500000000) }

// pollfds is two struct pollfd: fd 3 ready to read, fd 4 waiting to write.
func (m *rowMem) pollfds() uint64 { return m.u32s(3, 1|1<<16, 4, 4) }

// rowExamples are the rows whose arguments depend on one another, or that
// have decoders of their own: their arguments by hand.
var rowExamples = map[string]func(e *rowExample, m *rowMem){
	"execve": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{m.str("/bin/sh"), e.argOf(1, printers.KindArray), m.words(m.str("HOME=/root"), m.str("TERM=vt100"), 0)}
	},
	"execveat": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{atFDCWD64, m.str("/bin/sh"), e.argOf(2, printers.KindArray), m.words(m.str("HOME=/root"), 0), 0x1000}
	},
	"readv":    iovCall(0),
	"writev":   iovCall(0),
	"preadv":   iovCall(4096),
	"pwritev":  iovCall(4096),
	"preadv2":  iovCall(4096, 0, 1), // (pos_h, then RWF_HIPRI)
	"pwritev2": iovCall(4096, 0, 1),
	"vmsplice": iovCall(1),
	"poll": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{m.pollfds(), 2, 1000}
		e.ok = 1
	},
	"ppoll": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{m.pollfds(), 2, m.timespec(), m.words(1 << 9), 8}
		e.ok = 1
	},
	"select": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{5, m.words(1<<3 | 1<<4), m.words(1 << 4), 0, m.words(1, 0)}
		e.ok = 1
	},
	"pselect6": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{5, m.words(1<<3 | 1<<4), m.words(1 << 4), 0, m.timespec(), m.words(m.words(1<<9), 8)}
		e.ok = 1
	},
	"ioctl": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{1, 0x5413, m.put(make([]byte, 8))} // TIOCGWINSZ
		e.ok = 0
	},
	"mremap": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{0x7f0012340000, 4096, 8192, 1, 0} // MREMAP_MAYMOVE
	},
	"sendfile": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{4, 3, m.words(1024), 4096}
		e.ok = 4096
	},
	"socket": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{2, 1 | 0x80000, 6} // AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP
		e.errno = 97                          // EAFNOSUPPORT
	},
	"accept":      sockname(),
	"getsockname": sockname(),
	"getpeername": sockname(),
	"accept4":     sockname(0x80000),
	"recvfrom": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{3, m.str(bufData), 16, 0x40, m.sockaddrIn(), m.u32s(16)}
	},
	"socketpair": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{1, 1, 0, m.u32s(5, 6)}
		e.ok = 0
	},
	"setsockopt": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{3, 1, 2, m.u32s(1), 4} // SOL_SOCKET, SO_REUSEADDR
		e.ok = 0
	},
	"seccomp": func(e *rowExample, m *rowMem) {
		// SECCOMP_SET_MODE_FILTER, struct sock_fprog of one
		// BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ALLOW)
		e.args = [6]uint64{1, 0, m.longs(1, m.u32s(6, 0x7fff0000))}
		e.ok = 0
	},
	"getsockopt": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{3, 1, 4, m.u32s(0), m.u32s(4)} // SOL_SOCKET, SO_ERROR
		e.ok = 0
	},
	"clone": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{0x1200011, 0, 0, m.u32s(0), 0} // CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD
		e.ok = 1235
	},
	"clone3": func(e *rowExample, m *rowMem) {
		// struct clone_args: flags, pidfd, child_tid, parent_tid,
		// exit_signal, stack, stack_size, tls, set_tid, set_tid_size,
		// cgroup.
		e.args = [6]uint64{m.words(0x100, 0, 0, 0, 17, 0x7f0012300000, 0x10000, 0, 0, 0, 0), 88}
		e.ok = 1235
	},
	"wait4": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{1235, m.u32s(3 << 8), 0, 0}
		e.ok, e.errno = 1235, 10 // ECHILD
	},
	"waitpid": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{1235, m.u32s(3 << 8), 0}
		e.ok, e.errno = 1235, 10
	},
	"fcntl": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{3, 2, 1} // F_SETFD, FD_CLOEXEC
		e.ok = 0
	},
	"fcntl64": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{3, 2, 1}
		e.ok = 0
	},
	"rt_sigtimedwait": func(e *rowExample, m *rowMem) {
		info := make([]byte, 128)
		binary.LittleEndian.PutUint32(info[0:], 10)    // si_signo SIGUSR1
		binary.LittleEndian.PutUint32(info[16:], 1234) // si_pid
		binary.LittleEndian.PutUint32(info[20:], 1000) // si_uid
		e.args = [6]uint64{m.words(1 << 9), m.put(info), m.timespec(), 8}
		e.ok, e.errno = 10, 11 // EAGAIN
	},
	"prctl": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{15, m.str("worker"), 0, 0, 0} // PR_SET_NAME
		e.ok = 0
	},
	"arch_prctl": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{0x1002, 0x7f0012345740} // ARCH_SET_FS
		e.ok = 0
	},
	"futex": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{m.u32s(1), 128, 1, m.timespec(), 0, 0} // FUTEX_WAIT_PRIVATE
		e.ok, e.errno = 0, 110                                    // ETIMEDOUT
	},
	"epoll_ctl": func(e *rowExample, m *rowMem) {
		ev := make([]byte, 12)
		binary.LittleEndian.PutUint32(ev, 1) // EPOLLIN
		binary.LittleEndian.PutUint64(ev[4:], 3)
		e.args = [6]uint64{5, 1, 3, m.put(ev)} // EPOLL_CTL_ADD
		e.ok = 0
	},
	"mq_open": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{m.str("/queue"), 0x42, 0o600, m.words(0, 10, 8192, 0)} // O_RDWR|O_CREAT
	},
	"add_key": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{m.str("user"), m.str("name"), m.str("secret"), 6, 1<<64 - 3} // KEY_SPEC_SESSION_KEYRING
		e.ok = 652638960
	},
	"request_key": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{m.str("user"), m.str("name"), 0, 1<<64 - 4} // KEY_SPEC_USER_KEYRING
		e.ok = 652638960
	},
	"keyctl": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{11, 652638960, m.str("secret2"), 128} // KEYCTL_READ
		e.ok, e.errno = 7, 126                                   // ENOKEY
	},
	"msgget": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{0, 0o1600} // IPC_PRIVATE, IPC_CREAT|0600
	},
	"msgrcv": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{3, m.put(append([]byte{1, 0, 0, 0, 0, 0, 0, 0}, "hello"...)), 5, 0, 0x800} // IPC_NOWAIT
		e.ok, e.errno = 5, 42                                                                         // ENOMSG
	},
	"msgctl":     ipcStat(1, 2),    // IPC_STAT
	"shmctl":     ipcStat(1, 14),   // SHM_INFO
	"semctl":     ipcStat(2, 3),    // IPC_INFO
	"semtimedop": semop(m4timeout), // (a timeout)
	"semop":      semop(nil),
	"capget": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{m.u32s(0x20080522, 0), m.u32s(0xffffffff, 0xffffffff, 0, 0x1ff, 0x1ff, 0)}
		e.ok, e.errno = 0, 1 // EPERM
	},
	"capset": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{m.u32s(0x20080522, 0), m.u32s(1<<21|1, 1<<21, 0, 1<<8, 0, 0)} // CAP_SYS_ADMIN|CAP_CHOWN, CAP_MAC_ADMIN
		e.ok, e.errno = 0, 1
	},
	"personality": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{0x40000 | 8} // PER_LINUX32|ADDR_NO_RANDOMIZE
		e.ok = 0x400000
	},
	"sched_setattr": func(e *rowExample, m *rowMem) {
		attr := make([]byte, 56)
		attr[0], attr[4], attr[16] = 56, 3, 0xfb // SCHED_BATCH, nice -5
		attr[17], attr[18], attr[19] = 0xff, 0xff, 0xff
		e.args = [6]uint64{0, m.put(attr), 0}
		e.ok = 0
	},
	"sched_getattr": func(e *rowExample, m *rowMem) {
		attr := make([]byte, 56)
		attr[0], attr[4], attr[8] = 48, 0, 1 // SCHED_OTHER, SCHED_FLAG_RESET_ON_FORK
		e.args = [6]uint64{0, m.put(attr), 56, 0}
		e.ok = 0
	},
	"ioprio_set": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{1, 0, 2<<13 | 4} // IOPRIO_WHO_PROCESS, BE 4
		e.ok, e.errno = 0, 1
	},
	"ioprio_get": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{1, 0}
		e.ok = 2<<13 | 4
	},
	"reboot": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{0xfee1dead, 0x28121969, 0xa1b2c3d4, m.str("rescue")} // LINUX_REBOOT_CMD_RESTART2
		e.ok, e.errno = 0, 1
	},
	"syslog": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{3, m.str(bufData), 16} // SYSLOG_ACTION_READ_ALL
		e.ok, e.errno = 5, 1
	},
	"mount": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{m.str("none"), m.str("/mnt"), m.str("tmpfs"), 0x6, m.str("size=1m")} // MS_NOSUID|MS_NODEV
		e.ok, e.errno = 0, 1
	},
	"quotactl": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{0x800002<<8 | 1, m.str("/dev/vda"), 2, m.str("/aquota.group")} // QCMD(Q_QUOTAON, GRPQUOTA), QFMT_VFS_V0
		e.ok, e.errno = 0, 1
	},
	"quotactl_fd": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{3, 0x800007 << 8, 1000, m.structure()} // QCMD(Q_GETQUOTA, USRQUOTA)
		e.ok, e.errno = 0, 9
	},
	"fsconfig": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{3, 1, m.str("size"), m.str("1m"), 0} // FSCONFIG_SET_STRING
		e.ok, e.errno = 0, 22
	},
	"name_to_handle_at": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{atFDCWD64, m.str("/etc"), m.u32s(8, 1, 0x01020304, 0x05060708), m.u32s(21), 0}
		e.ok, e.errno = 0, 2
	},
	"kcmp": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{1234, 1235, 0, 3, 4} // KCMP_FILE
		e.ok = 0
	},
	"sendmsg": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{3, m.msghdr(m.cmsg(1, 1, 4, 5)), 0} // SOL_SOCKET, SCM_RIGHTS, [4, 5]
		e.ok = 5
	},
	"recvmsg": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{3, m.msghdr(m.cmsg(1, 2, 1234, 0, 0)), 0} // SCM_CREDENTIALS
		e.ok = 5
	},
	"sendmmsg": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{3, m.mmsghdrs(2), 2, 0}
		e.ok = 1
	},
	"recvmmsg": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{3, m.mmsghdrs(2), 2, 0x40, m.longs(1, 500000000)} // MSG_DONTWAIT
		e.ok, e.errno = 2, 11
	},
	"recvmmsg_time64": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{3, m.mmsghdrs(2), 2, 0x40, m.words(1, 500000000)}
		e.ok, e.errno = 2, 11
	},
	"rt_sigreturn": func(e *rowExample, m *rowMem) {
		frame := make([]byte, 512)
		binary.LittleEndian.PutUint64(frame[296:], 1<<9) // SIGUSR1
		e.args = [6]uint64{m.put(frame)}                 // the user stack pointer
		e.ok = 0
	},
	"get_mempolicy": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{m.u32s(2), m.words(1), 64, 0, 0} // MPOL_BIND, node 0
		e.ok = 0
	},
	"move_pages": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{0, 2, m.longs(0x7f0012340000, 0x7f0012341000), 0, m.u32s(0, 1<<32-14), 0} // status 0, -EFAULT
		e.ok = 0
	},
	"process_vm_readv": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{1234, m.iov(), 2, m.longs(0x7f0012340000, 13), 1, 0}
		e.ok, e.errno = 10, 3 // ESRCH
	},
	"process_vm_writev": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{1234, m.iov(), 2, m.longs(0x7f0012340000, 13), 1, 0}
		e.ok, e.errno = 13, 3
	},
	"membarrier": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{0, 0, 0} // MEMBARRIER_CMD_QUERY
		e.ok = 0x1fb
	},
	"io_uring_setup": func(e *rowExample, m *rowMem) {
		p := make([]byte, 120)
		binary.LittleEndian.PutUint32(p[0:], 8)       // sq_entries
		binary.LittleEndian.PutUint32(p[4:], 16)      // cq_entries
		binary.LittleEndian.PutUint32(p[8:], 2)       // IORING_SETUP_SQPOLL
		binary.LittleEndian.PutUint32(p[20:], 0x1fff) // the features
		binary.LittleEndian.PutUint32(p[44:], 64)     // sq_off.tail
		e.args = [6]uint64{8, m.put(p)}
		e.ok, e.errno = 4, 12 // ENOMEM
	},
	"_llseek": func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{3, 0, 1024, m.words(1024), 0} // SEEK_SET
		e.ok = 0
	},
}

// iovCall is a row of (fd, iov, iovcnt, [offset, [flags]]).
func iovCall(rest ...uint64) func(e *rowExample, m *rowMem) {
	return func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{3, m.iov(), 2}
		copy(e.args[3:], rest)
		e.ok = 10
	}
}

// sockname is a row of (fd, addr, addrlen, [flags]).
func sockname(rest ...uint64) func(e *rowExample, m *rowMem) {
	return func(e *rowExample, m *rowMem) {
		e.args = [6]uint64{3, m.sockaddrIn(), m.u32s(16)}
		copy(e.args[3:], rest)
		e.ok = 4
	}
}

// ipcStat is a *ctl call of command cmd at argument cmdArg, its buffer
// after it.
func ipcStat(cmdArg int, cmd uint64) func(e *rowExample, m *rowMem) {
	return func(e *rowExample, m *rowMem) {
		e.args[0], e.args[1] = 3, 0
		e.args[cmdArg] = cmd
		e.args[cmdArg+1] = m.structure()
		e.ok = 0
	}
}

func m4timeout(m *rowMem) uint64 { return m.timespec() }

// semop is semop or semtimedop with two struct sembuf.
func semop(timeout func(m *rowMem) uint64) func(e *rowExample, m *rowMem) {
	return func(e *rowExample, m *rowMem) {
		sops := m.put([]byte{0, 0, 0xff, 0xff, 0, 0x10, 1, 0, 1, 0, 0, 0x08}) // {0, -1, SEM_UNDO}, {1, 1, IPC_NOWAIT}
		e.args = [6]uint64{3, sops, 2}
		if timeout != nil {
			e.args[3] = timeout(m)
		}
		e.ok, e.errno = 0, 11 // EAGAIN
	}
}

// cmsg is one control message of the level and type, with 32-bit data.
func (m *rowMem) cmsg(level, typ uint32, data ...uint32) []byte {
	long := 8
	if m.compat {
		long = 4
	}
	b := binary.LittleEndian.AppendUint64(nil, uint64(long+8+4*len(data)))[:long]
	b = binary.LittleEndian.AppendUint32(b, level)
	b = binary.LittleEndian.AppendUint32(b, typ)
	for _, d := range data {
		b = binary.LittleEndian.AppendUint32(b, d)
	}
	for len(b)%long != 0 {
		b = append(b, 0)
	}
	return b
}

// msghdr is a struct msghdr with one buffer of "hello" and the control
// messages ctl.
func (m *rowMem) msghdr(ctl []byte) uint64 {
	return m.longs(0, 0, m.longs(m.str("hello"), 5), 1, m.put(ctl), uint64(len(ctl)), 0)
}

// mmsghdrs is an array of n struct mmsghdr, message i of msg_len 5.
func (m *rowMem) mmsghdrs(n int) uint64 {
	long := 8
	if m.compat {
		long = 4
	}
	var v []byte
	for range n {
		v = append(v, m.data[m.msghdr(nil)-m.base:][:7*long]...)
		v = binary.LittleEndian.AppendUint64(v, 5)[:len(v)+long] // msg_len, padded to a long
	}
	return m.put(v)
}
