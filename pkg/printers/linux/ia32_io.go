package linux

// i386's IO calls whose x86-64 rows print their i386 layouts: iovecs
// (array.go's iovec), struct msghdr, its control messages and struct
// mmsghdr (net.go, cmsg.go, mmsg.go), struct sock_fprog (seccomp.go), all
// read through compat.go's helpers.
var ia32IOAsX64 = map[string]bool{
	"preadv": true, "pwritev": true, "preadv2": true, "pwritev2": true,
	"sendmsg": true, "recvmsg": true, "sendmmsg": true,
	"recvmmsg": true, "recvmmsg_time64": true, "seccomp": true,
	// System V IPC's *64_ds structures and struct msgbuf (ipc.go).
	"msgctl": true, "shmctl": true, "semctl": true, "msgsnd": true,
	"msgrcv": true, "shmat": true,
	// AIO's array of iocb pointers, aio_context_t and sigset argument
	// (aio.go, poll.go); struct mq_attr (mq.go).
	"io_setup": true, "io_submit": true, "io_getevents": true,
	"io_pgetevents": true, "io_pgetevents_time64": true,
	"mq_open": true, "mq_getsetattr": true, "mq_timedsend": true,
	"mq_timedreceive": true,
	// struct ifreq and struct ifconf, the block requests' longs (ioctl.go,
	// sockioctl.go).
	"ioctl": true,
	// struct statfs (file.go's statfsLayout).
	"statfs": true, "fstatfs": true,
	// struct linux_dirent (dirent.go).
	"getdents": true,
}

// ia32IORows are i386's IO calls with rows of their own: statfs64 and
// fstatfs64 take the size of their struct statfs64 (84 bytes, packed);
// the old mmap takes its six arguments in a struct mmap_arg_struct;
// readdir fills one struct old_linux_dirent.
var ia32IORows = map[string]*Syscall{
	"statfs64":  {NArgs: 3, Class: F | SF | SFA, Args: a(aPath, aUlong, aStatfs64Out)},
	"fstatfs64": {NArgs: 3, Class: D | FSF | SFA, Args: a(aFD, aUlong, aStatfs64Out)},
	"mmap":      {NArgs: 1, Class: D | M, Args: a(aHex), Ret: RetHex, sub: oldMmapSub},
	"readdir":   {NArgs: 3, Class: D, dec: decOldReaddir},
}

// decOldReaddir prints readdir(fd, dirent, count) as strace does: the
// entry when there was one (d_ino and d_off of 32 bits, then d_namlen,
// which strace calls d_reclen, and the name), the count unless 1.
func decOldReaddir(c *ctx) {
	if !c.exiting {
		c.fd(c.a[0])
		c.sep()
		return
	}
	if c.ret == 0 || c.failed {
		c.ptr(c.a[1])
	} else if d := c.read(c.a[1], 10); d != nil {
		ino, off, namlen := le32(d), le32(d[4:]), le16(d[8:])
		c.str("{d_ino=")
		c.ulong(uint64(ino))
		c.str(", d_off=")
		c.ulong(uint64(off))
		c.str(", d_reclen=")
		c.uint(uint64(namlen))
		c.str(", d_name=")
		c.pathN(c.a[1]+10, int(namlen))
		c.b = append(c.b, '}')
	}
	if count := uint32(c.a[2]); count != 1 {
		c.sep()
		c.ulong(uint64(count))
	}
}

// oldMmapSub reads the old mmap's struct mmap_arg_struct (six 32-bit
// words): printed as mmap(addr, len, prot, flags, fd, offset), or
// mmap(args) when it cannot be read, as strace prints them.
func oldMmapSub(c *ctx) *Syscall {
	if !c.argsAt(c.a[0], 6) {
		return nil
	}
	return i386Sub()["old mmap"]
}

// aStatfs64Out is i386's struct statfs64, an address unless the size
// argument is its size, as strace prints it.
var aStatfs64Out = aOutStruct(func(c *ctx, addr uint64) {
	if c.a[1] != uint64(statfs64I386.bytes) {
		c.ptr(addr)
		return
	}
	c.statfsAs(addr, &statfs64I386)
})

// joinPos makes a[3] the 64-bit offset of registers 3 (low) and 4
// (high), as i386 passes preadv2's: x86-64's row skips a[4].
func joinPos(a *[6]uint64) { a[3] = a[3]&0xffffffff | a[4]<<32 }
