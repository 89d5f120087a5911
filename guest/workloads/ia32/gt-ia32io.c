/*
 * gt-ia32io DIR: i386 IO, IPC, networking and memory calls (gcc -m32, no
 * C library) whose structures have i386 layouts: iovecs, msghdrs and
 * their control messages, mmsghdrs, sock_fprog, the socketcall and ipc
 * multiplexers, SysV IPC's structures, AIO, mq_attr, statfs, dirents,
 * node masks. Its buffers live at a fixed address so that the expected
 * lines are exact; the calls after its marker close(-132) are listed in
 * test/e2e/ia32_io_test.go. Exit status 0; 1 when a call did not return
 * what it should.
 */
#include "ia32.h"

/* IPC_CREAT|0600, IPC_NOWAIT, IPC_RMID, IPC_SET; IPC_64, which only the
 * ipc multiplexer takes (the direct *ctl calls fail with it) */
enum { CREAT600 = 01000 | 0600, NOWAIT = 04000, RMID = 0, SET = 1, IPC64 = 0x100 };

struct iov { char *base; unsigned long len; };
struct msghdr32 {
	void *name; int namelen; struct iov *iov; unsigned long iovlen;
	void *control; unsigned long controllen; int flags;
};
struct mmsghdr32 { struct msghdr32 hdr; unsigned int len; };

void cstart(long *sp)
{
	char **argv = (char **)(sp + 1);
	char *a = arena(sp);
	char *dir = a, *file = a + 512, *data = a + 1024;
	char *buf = a + 2048;          /* 2048..4095: what calls fill */
	struct iov *iov = (struct iov *)(a + 4096);
	struct iov *riov = (struct iov *)(a + 4160);
	int *fds = (int *)(a + 4224);
	struct msghdr32 *mh = (struct msghdr32 *)(a + 4256);
	unsigned int *cmsg = (unsigned int *)(a + 4320);
	struct mmsghdr32 *mm = (struct mmsghdr32 *)(a + 4352);
	long *args = (long *)(a + 4480);
	long *ts = (long *)(a + 4544);
	copy(dir, argv[1]);
	copy(copy(file, argv[1]), "/f");
	copy(data, "abcdefgh");
	iov[0].base = data; iov[0].len = 2;
	iov[1].base = data + 2; iov[1].len = 3;
	riov[0].base = buf; riov[0].len = 4;
	riov[1].base = buf + 4; riov[1].len = 8;

	sc(NR_close, -132, 0, 0, 0, 0, 0); /* the marker */
	long pid = sc(NR_getpid, 0, 0, 0, 0, 0, 0);
	want(sc(NR_mkdir, (long)dir, 0755, 0, 0, 0, 0), 0);
	/* O_RDWR|O_CREAT|O_TRUNC */
	want(sc(NR_open, (long)file, 01102, 0644, 0, 0, 0), 3);
	want(sc(NR_writev, 3, (long)iov, 2, 0, 0, 0), 5);
	want(sc(NR_pwritev, 3, (long)iov, 2, 5, 0, 0), 5);
	want(sc(NR_pwritev2, 3, (long)iov, 1, 10, 0, 2), 2); /* RWF_DSYNC */
	want(sc(NR_preadv, 3, (long)riov, 2, 1, 0, 0), 11);
	/* offset 4 GiB: nothing there */
	want(sc(NR_preadv2, 3, (long)riov, 2, 0, 1, 0), 0);
	want(sc(NR_close, 3, 0, 0, 0, 0, 0), 0);
	/* DIR: ".", ".." and "f", 16 bytes each (struct linux_dirent of
	 * 32-bit d_ino and d_off) */
	want(sc(NR_open, (long)dir, 0, 0, 0, 0, 0), 3);
	want(sc(NR_getdents, 3, (long)buf, 1024, 0, 0, 0), 48);
	want(sc(NR_close, 3, 0, 0, 0, 0, 0), 0);
	want(sc(NR_pipe, (long)fds, 0, 0, 0, 0, 0), 0);
	want(sc(NR_vmsplice, fds[1], (long)iov, 2, 0, 0, 0), 5);
	want(sc(NR_readv, fds[0], (long)riov, 2, 0, 0, 0), 5);
	want(sc(NR_process_vm_readv, pid, (long)riov, 1, (long)iov, 1, 0), 2);
	want(sc(NR_process_vm_writev, pid, (long)iov, 1, (long)riov, 1, 0), 2);
	/* pipefs' statistics are fixed; a struct statfs64 of a wrong size
	 * fails (its address printed) */
	want(sc(NR_fstatfs, fds[0], (long)buf, 0, 0, 0, 0), 0);
	want(sc(NR_fstatfs64, fds[0], 84, (long)buf, 0, 0, 0), 0);
	want(sc(NR_statfs64, (long)file, 88, (long)buf, 0, 0, 0), -22);
	want(sc(NR_readdir, 99, (long)buf, 2, 0, 0, 0), -9); /* EBADF */
	want(sc(NR_close, fds[0], 0, 0, 0, 0, 0), 0);
	want(sc(NR_close, fds[1], 0, 0, 0, 0, 0), 0);

	/* AF_UNIX, SOCK_DGRAM: descriptors 3 and 4 */
	want(sc(NR_socketpair, 1, 2, 0, (long)fds, 0, 0), 0);
	mh->name = 0; mh->namelen = 0; mh->iov = iov; mh->iovlen = 2;
	mh->control = cmsg; mh->controllen = 16; mh->flags = 0;
	cmsg[0] = 16; cmsg[1] = 1; cmsg[2] = 1; /* SOL_SOCKET, SCM_RIGHTS */
	cmsg[3] = 0; /* descriptor 0 */
	want(sc(NR_sendmsg, 3, (long)mh, 0, 0, 0, 0), 5);
	mh->iov = riov; mh->controllen = 32;
	want(sc(NR_recvmsg, 4, (long)mh, 0, 0, 0, 0), 5);
	want(sc(NR_close, 5, 0, 0, 0, 0, 0), 0);
	mm[0].hdr.name = 0; mm[0].hdr.namelen = 0; mm[0].hdr.iov = iov;
	mm[0].hdr.iovlen = 1; mm[0].hdr.control = 0; mm[0].hdr.controllen = 0;
	mm[0].hdr.flags = 0; mm[0].len = 0;
	mm[1] = mm[0];
	mm[1].hdr.iov = iov + 1;
	want(sc(NR_sendmmsg, 3, (long)mm, 2, 0, 0, 0), 2);
	mm[0].hdr.iov = riov; mm[1].hdr.iov = riov + 1;
	/* MSG_DONTWAIT */
	want(sc(NR_recvmmsg, 4, (long)mm, 2, 0x40, 0, 0), 2);
	ts[0] = 1; ts[1] = 2;
	want(sc(NR_recvmmsg, -1, (long)mm, 2, 0, (long)ts, 0), -9);
	ts[1] = 0; ts[2] = 3; ts[3] = 0; /* struct __kernel_timespec {1, 3} */
	want(sc(NR_recvmmsg_time64, -1, (long)mm, 2, 0, (long)ts, 0), -9);
	/* socketcall(SYS_SEND, {3, "ab", 2, 0}), (SYS_RECV, {4, buf, 8, 0}) */
	args[0] = 3; args[1] = (long)data; args[2] = 2; args[3] = 0;
	want(sc(NR_socketcall, 9, (long)args, 0, 0, 0, 0), 2);
	args[0] = 4; args[1] = (long)buf; args[2] = 8;
	want(sc(NR_socketcall, 10, (long)args, 0, 0, 0, 0), 2);
	/* socketcall(SYS_SENDMSG, {3, mh, 0}): no control message */
	mh->iov = iov; mh->control = 0; mh->controllen = 0;
	args[0] = 3; args[1] = (long)mh; args[2] = 0;
	want(sc(NR_socketcall, 16, (long)args, 0, 0, 0, 0), 5);
	/* socketcall(SYS_SHUTDOWN, {3, SHUT_WR}) */
	args[0] = 3; args[1] = 1;
	want(sc(NR_socketcall, 13, (long)args, 0, 0, 0, 0), 0);
	/* no such call; arguments not readable */
	want(sc(NR_socketcall, 99, (long)args, 0, 0, 0, 0), -22);
	want(sc(NR_socketcall, 1, 16, 0, 0, 0, 0), -14);
	want(sc(NR_close, 3, 0, 0, 0, 0, 0), 0);
	want(sc(NR_close, 4, 0, 0, 0, 0, 0), 0);

	/* socketcall(SYS_SOCKET, {AF_INET, SOCK_DGRAM, 0}): descriptor 3 */
	args[0] = 2; args[1] = 2; args[2] = 0;
	want(sc(NR_socketcall, 1, (long)args, 0, 0, 0, 0), 3);
	/* SO_ATTACH_FILTER: {len=1, filter=[BPF_STMT(BPF_RET|BPF_K, 0xffff)]} */
	unsigned short *ins = (unsigned short *)(a + 4608);
	ins[0] = 0x06; ins[1] = 0; ((unsigned int *)ins)[1] = 0xffff;
	long *fprog = (long *)(a + 4624);
	fprog[0] = 1; fprog[1] = (long)ins;
	want(sc(NR_setsockopt, 3, 1, 26, (long)fprog, 8, 0), 0);
	/* socketcall(SYS_SETSOCKOPT, ...) */
	args[0] = 3; args[1] = 1; args[2] = 26; args[3] = (long)fprog; args[4] = 8;
	want(sc(NR_socketcall, 14, (long)args, 0, 0, 0, 0), 0);
	want(sc(NR_close, 3, 0, 0, 0, 0, 0), 0);

	/* System V IPC: the first queue, segment and set of a fresh
	 * system are 0; the ipc multiplexer's queue is 1. */
	long *msg = (long *)(a + 4672), *ds = (long *)(a + 4736);
	want(sc(NR_msgget, 0, CREAT600, 0, 0, 0, 0), 0);
	msg[0] = 5; copy((char *)(msg + 1), "hi");
	want(sc(NR_msgsnd, 0, (long)msg, 2, NOWAIT, 0, 0), 0);
	want(sc(NR_msgrcv, 0, (long)buf, 8, -9, NOWAIT, 0), 2);
	/* struct compat_msqid64_ds: uid, gid, mode; msg_qbytes */
	for (int i = 0; i < 24; i++)
		ds[i] = 0;
	ds[2] = 0; ds[3] = 0; ds[5] = 0640; ds[17] = 4096;
	want(sc(NR_msgctl, 0, SET, (long)ds, 0, 0, 0), 0);
	want(sc(NR_msgctl, 0, RMID, 0, 0, 0, 0), 0);
	want(sc(NR_shmget, 0, 4096, CREAT600, 0, 0, 0), 0);
	want(sc(NR_shmat, 0, 0x30000000, 0, 0, 0, 0), 0x30000000);
	want(sc(NR_shmdt, 0x30000000, 0, 0, 0, 0, 0), 0);
	want(sc(NR_shmctl, 0, SET, (long)ds, 0, 0, 0), 0);
	want(sc(NR_shmctl, 0, RMID, 0, 0, 0, 0), 0);
	want(sc(NR_semget, 0, 1, CREAT600, 0, 0, 0), 0);
	want(sc(NR_semctl, 0, 0, SET, (long)ds, 0, 0), 0);
	want(sc(NR_semctl, 0, 0, RMID, 0, 0, 0), 0);
	/* ipc(MSGGET, ...), ipc(MSGSND, ...), ipc(MSGCTL, ...) */
	want(sc(NR_ipc, 13, 0, CREAT600, 0, 0, 0), 1);
	want(sc(NR_ipc, 11, 1, 2, NOWAIT, (long)msg, 0), 0);
	want(sc(NR_ipc, 14, 1, IPC64 | RMID, 0, 0, 0), 0);

	/* AIO on no context: the requests printed at entry, the timeout
	 * and signal set at exit. struct iocb: IOCB_CMD_PWRITE of "ab"
	 * to descriptor 1 at offset 0. */
	unsigned int *cb = (unsigned int *)(a + 4864);
	for (int i = 0; i < 16; i++)
		cb[i] = 0;
	cb[0] = 7; cb[4] = 1; cb[5] = 1; cb[6] = (long)data; cb[8] = 2;
	long *cbs = (long *)(a + 4928), *sig = (long *)(a + 4936);
	cbs[0] = (long)cb;
	*(unsigned long long *)(a + 4944) = 1ULL << 11; /* [USR2] */
	sig[0] = (long)(a + 4944); sig[1] = 8;
	want(sc(NR_io_submit, 0, 1, (long)cbs, 0, 0, 0), -22);
	want(sc(NR_io_cancel, 0, (long)cb, (long)buf, 0, 0, 0), -22);
	ts[0] = 1; ts[1] = 2;
	want(sc(NR_io_getevents, 0, 1, 1, (long)buf, (long)ts, 0), -22);
	want(sc(NR_io_pgetevents, 0, 1, 1, (long)buf, (long)ts, (long)sig), -22);
	/* mq_open("gt-ia32io", O_RDWR|O_CREAT, 0600, {mq_maxmsg=2,
	 * mq_msgsize=8}): descriptor 3 */
	long *attr = (long *)(a + 4960);
	attr[0] = 0; attr[1] = 2; attr[2] = 8; attr[3] = 0;
	copy(buf, "gt-ia32io"); /* (the C library drops the /) */
	want(sc(NR_mq_open, (long)buf, 02 | 0100, 0600, (long)attr, 0, 0), 3);
	want(sc(NR_mq_getsetattr, 3, 0, (long)(attr + 4), 0, 0, 0), 0);
	/* 32-bit timespecs {1, 0}: long past, the queue ready */
	ts[0] = 1; ts[1] = 0;
	want(sc(NR_mq_timedsend, 3, (long)data, 2, 7, (long)ts, 0), 0);
	want(sc(NR_mq_timedreceive, 3, (long)(buf + 32), 8, (long)(attr + 8), (long)ts, 0), 2);
	want(sc(NR_close, 3, 0, 0, 0, 0, 0), 0);
	want(sc(NR_mq_unlink, (long)buf, 0, 0, 0, 0, 0), 0);

	/* the old mmap's six arguments in memory: PROT_READ|PROT_WRITE,
	 * MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS */
	long *mm_args = (long *)(a + 5024);
	mm_args[0] = 0x30000000; mm_args[1] = 4096; mm_args[2] = 3;
	mm_args[3] = 0x32; mm_args[4] = -1; mm_args[5] = 0;
	want(sc(NR_mmap, (long)mm_args, 0, 0, 0, 0, 0), 0x30000000);
	want(sc(NR_munmap, 0x30000000, 4096, 0, 0, 0, 0), 0);

	/* node masks of 32-bit words: MPOL_BIND to node 0, and back */
	unsigned long *mask = (unsigned long *)(a + 5008);
	mask[0] = 1; mask[1] = 0;
	want(sc(NR_set_mempolicy, 2, (long)mask, 64, 0, 0, 0), 0);
	want(sc(NR_get_mempolicy, (long)buf, (long)mask, 64, 0, 0, 0), 0);
	want(sc(NR_set_mempolicy, 0, 0, 0, 0, 0, 0), 0);

	/* socket ioctls of struct ifreq (32 bytes) and struct ifconf (8),
	 * in a network namespace of the program's own, which has lo alone,
	 * down, until SIOCSIFFLAGS brings it up with 127.0.0.1 */
	want(sc(NR_unshare, 0x40000000, 0, 0, 0, 0, 0), 0); /* CLONE_NEWNET */
	want(sc(NR_socket, 2, 2, 0, 0, 0, 0), 3); /* AF_INET, SOCK_DGRAM */
	char *ifr = a + 5200, *ifrs = a + 5248;
	int *ifc = (int *)(a + 5240);
	copy(ifr, "lo");
	want(sc(NR_ioctl, 3, 0x8933, (long)ifr, 0, 0, 0), 0); /* SIOCGIFINDEX */
	want(sc(NR_ioctl, 3, 0x8910, (long)ifr, 0, 0, 0), 0); /* SIOCGIFNAME */
	want(sc(NR_ioctl, 3, 0x8913, (long)ifr, 0, 0, 0), 0); /* SIOCGIFFLAGS */
	*(short *)(ifr + 16) |= 1; /* IFF_UP */
	want(sc(NR_ioctl, 3, 0x8914, (long)ifr, 0, 0, 0), 0); /* SIOCSIFFLAGS */
	want(sc(NR_ioctl, 3, 0x8921, (long)ifr, 0, 0, 0), 0); /* SIOCGIFMTU */
	want(sc(NR_ioctl, 3, 0x8970, (long)ifr, 0, 0, 0), 0); /* SIOCGIFMAP */
	ifc[0] = 64; ifc[1] = (long)ifrs; /* room for two */
	want(sc(NR_ioctl, 3, 0x8912, (long)ifc, 0, 0, 0), 0); /* SIOCGIFCONF */
	ifc[0] = 0; ifc[1] = 0; /* how much room is needed */
	want(sc(NR_ioctl, 3, 0x8912, (long)ifc, 0, 0, 0), 0);
	want(sc(NR_close, 3, 0, 0, 0, 0, 0), 0);

	want(sc(NR_unlink, (long)file, 0, 0, 0, 0, 0), 0);
	want(sc(NR_rmdir, (long)dir, 0, 0, 0, 0, 0), 0);
	sc(NR_exit_group, 0, 0, 0, 0, 0, 0);
}
