/*
 * gt-syscalls DIR: a deterministic tour of 157 distinct x86-64
 * system calls (files, directories, descriptors, pipes, sockets, memory,
 * signals, time, process information, polling, futexes...), each made
 * with syscall(SYS_x, ...) so that the kernel entry point is exactly the
 * one named, with arguments whose printed form is the same wherever the
 * program runs. It is traced once under strace on a host and once under
 * guestrace in the lab guest, and the two traces are compared line by
 * line (test/e2e/strace_test.go).
 *
 * What makes the lines the same on two machines:
 *  - every buffer a call reads or writes lives in an arena mapped at a
 *    fixed address and touched before the first traced call, so pointers
 *    print alike and the tracer never meets a page not yet present;
 *  - descriptors above 2 are closed, umask, rlimits and the signal mask
 *    are set, before the marker call close(-100) that starts the
 *    comparison;
 *  - paths are relative to DIR (the same path on both machines), except
 *    the first mkdir and chdir;
 *  - errors are chosen to be the same everywhere (ENOENT of a missing
 *    path, EBADF of -1, ENOTTY of a regular file, EAGAIN, ECHILD).
 * The output is one line, "gt-syscalls: done", written by write(2).
 * Exit status 0; a call whose result breaks the plan ends the program
 * with status 1 and a message naming it.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/futex.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sched.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/ioctl.h>
#include <sys/utsname.h>
#include <sys/xattr.h>
#include <stddef.h>
#include <termios.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define GT_PROG "gt-syscalls"
#include "arena.h"
#define REGION 0x31000000UL /* the mmap/mremap tour's own mapping */
#define REGION2 0x31100000UL
#define UDP_PORT 47101
#define TCP_PORT 47102


/* The kernel's struct sigaction for rt_sigaction (no restorer here). */
struct ksigaction {
	unsigned long handler;
	unsigned long flags;
	unsigned long restorer;
	unsigned long mask;
};

static void files(const char *dir)
{
	char *sub = A(4096);
	snprintf(sub, 4096, "%s/d", dir);
	OK("mkdir", syscall(SYS_mkdir, sub, 0755));
	OK("chdir", syscall(SYS_chdir, S(dir)));
	char *cwd = A(256);
	want("getcwd", syscall(SYS_getcwd, cwd, 256), (long)strlen(dir) + 1);
	OK("mkdirat", syscall(SYS_mkdirat, AT_FDCWD, S("d2"), 0700));

	want("open", syscall(SYS_open, S("a"), O_WRONLY | O_CREAT | O_TRUNC, 0644), 3);
	want("write", syscall(SYS_write, 3, S("hello, world\n"), 13), 13);
	want("pwrite64", syscall(SYS_pwrite64, 3, S("XY"), 2, 20), 2);
	struct iovec *iov = A(2 * sizeof(*iov));
	iov[0] = (struct iovec){ S("ab"), 2 };
	iov[1] = (struct iovec){ S("cd"), 2 };
	want("writev", syscall(SYS_writev, 3, iov, 2), 4);
	want("lseek", syscall(SYS_lseek, 3, 0, SEEK_CUR), 17);
	OK("fsync", syscall(SYS_fsync, 3));
	OK("fdatasync", syscall(SYS_fdatasync, 3));
	OK("ftruncate", syscall(SYS_ftruncate, 3, 22));
	OK("fallocate", syscall(SYS_fallocate, 3, 0, 0, 64));
	OK("fstat", syscall(SYS_fstat, 3, A(sizeof(struct stat))));
	OK("flock", syscall(SYS_flock, 3, LOCK_EX));
	OK("fchmod", syscall(SYS_fchmod, 3, 0640));
	OK("fchown", syscall(SYS_fchown, 3, -1, -1));
	OK("close", syscall(SYS_close, 3));

	want("openat", syscall(SYS_openat, AT_FDCWD, S("a"), O_RDONLY | O_CLOEXEC), 3);
	want("read", syscall(SYS_read, 3, A(16), 5), 5);
	want("pread64", syscall(SYS_pread64, 3, A(16), 4, 7), 4);
	struct iovec *riov = A(2 * sizeof(*riov));
	riov[0] = (struct iovec){ A(8), 3 };
	riov[1] = (struct iovec){ A(8), 4 };
	want("readv", syscall(SYS_readv, 3, riov, 2), 7);
	want("fcntl F_GETFD", syscall(SYS_fcntl, 3, F_GETFD), FD_CLOEXEC);
	OK("fcntl F_SETFD", syscall(SYS_fcntl, 3, F_SETFD, 0));
	want("fcntl F_DUPFD", syscall(SYS_fcntl, 3, F_DUPFD, 10), 10);
	want("dup", syscall(SYS_dup, 3), 4);
	want("dup2", syscall(SYS_dup2, 4, 12), 12);
	want("dup3", syscall(SYS_dup3, 12, 13, O_CLOEXEC), 13);
	OK("close_range", syscall(SYS_close_range, 10, 13, 0));
	OK("close", syscall(SYS_close, 4));
	want("ioctl TCGETS", syscall(SYS_ioctl, 3, TCGETS, A(64)), -1);
	OK("ioctl FIONREAD", syscall(SYS_ioctl, 3, FIONREAD, A(sizeof(int))));
	OK("close", syscall(SYS_close, 3));

	struct stat *st = A(sizeof(*st));
	OK("stat", syscall(SYS_stat, S("a"), st));
	OK("lstat", syscall(SYS_lstat, S("a"), st));
	OK("newfstatat", syscall(SYS_newfstatat, AT_FDCWD, S("a"), st, AT_SYMLINK_NOFOLLOW));
	want("stat missing", syscall(SYS_stat, S("missing"), st), -1);
	OK("access", syscall(SYS_access, S("a"), R_OK | W_OK));
	want("faccessat2", syscall(SYS_faccessat2, AT_FDCWD, S("a"), X_OK, AT_EACCESS), -1);
	OK("chmod", syscall(SYS_chmod, S("a"), 0600));
	OK("fchmodat", syscall(SYS_fchmodat, AT_FDCWD, S("a"), 0644));
	OK("chown", syscall(SYS_chown, S("a"), -1, -1));
	OK("lchown", syscall(SYS_lchown, S("a"), -1, -1));
	OK("fchownat", syscall(SYS_fchownat, AT_FDCWD, S("a"), -1, -1, AT_SYMLINK_NOFOLLOW));
	OK("truncate", syscall(SYS_truncate, S("a"), 8));
	struct timespec *ts = A(2 * sizeof(*ts));
	ts[0] = (struct timespec){ 1, 2 };
	ts[1] = (struct timespec){ 3, 4 };
	OK("utimensat", syscall(SYS_utimensat, AT_FDCWD, S("a"), ts, 0));
	struct timeval *tv = A(2 * sizeof(*tv));
	tv[0] = (struct timeval){ 5, 6 };
	tv[1] = (struct timeval){ 7, 8 };
	OK("utimes", syscall(SYS_utimes, S("a"), tv));
	OK("rename", syscall(SYS_rename, S("a"), S("b")));
	OK("renameat2", syscall(SYS_renameat2, AT_FDCWD, S("b"), AT_FDCWD, S("c"), RENAME_NOREPLACE));
	OK("link", syscall(SYS_link, S("c"), S("l")));
	OK("linkat", syscall(SYS_linkat, AT_FDCWD, S("c"), AT_FDCWD, S("l2"), 0));
	OK("symlink", syscall(SYS_symlink, S("c"), S("s")));
	OK("symlinkat", syscall(SYS_symlinkat, S("l"), AT_FDCWD, S("s2")));
	want("readlink", syscall(SYS_readlink, S("s"), A(64), 64), 1);
	want("readlinkat", syscall(SYS_readlinkat, AT_FDCWD, S("s2"), A(64), 64), 1);
	want("readlink of a file", syscall(SYS_readlink, S("c"), A(64), 64), -1);
	OK("unlink", syscall(SYS_unlink, S("l")));
	OK("unlinkat", syscall(SYS_unlinkat, AT_FDCWD, S("s2"), 0));
	OK("mknod", syscall(SYS_mknod, S("fifo"), S_IFIFO | 0600, 0));
	OK("mknodat", syscall(SYS_mknodat, AT_FDCWD, S("fifo2"), S_IFIFO | 0640, 0));
	want("umask", syscall(SYS_umask, 027), 022);
	want("umask", syscall(SYS_umask, 022), 027);
	want("creat", syscall(SYS_creat, S("e"), 0644), 3);
	OK("close", syscall(SYS_close, 3));

	want("openat dir", syscall(SYS_openat, AT_FDCWD, S("."), O_RDONLY | O_DIRECTORY), 3);
	want("getdents64", syscall(SYS_getdents64, 3, A(4096), 4096) > 0, 1);
	want("getdents64 at end", syscall(SYS_getdents64, 3, A(4096), 4096), 0);
	OK("fchdir", syscall(SYS_fchdir, 3));
	OK("syncfs", syscall(SYS_syncfs, 3));
	OK("close", syscall(SYS_close, 3));

	/* Extended attributes of a missing path: ENOENT everywhere, whatever
	 * the file system supports. */
	want("getxattr", syscall(SYS_getxattr, S("missing"), S("user.gt"), A(16), 16), -1);
	want("lgetxattr", syscall(SYS_lgetxattr, S("missing"), S("user.gt"), A(16), 16), -1);
	want("fgetxattr", syscall(SYS_fgetxattr, -1, S("user.gt"), A(16), 16), -1);
	want("setxattr", syscall(SYS_setxattr, S("missing"), S("user.gt"), S("v"), 1, XATTR_CREATE), -1);
	want("listxattr", syscall(SYS_listxattr, S("missing"), A(64), 64), -1);
	want("removexattr", syscall(SYS_removexattr, S("missing"), S("user.gt")), -1);

	OK("rmdir", syscall(SYS_rmdir, S("d")));
	OK("unlinkat dir", syscall(SYS_unlinkat, AT_FDCWD, S("d2"), AT_REMOVEDIR));
	syscall(SYS_sync);
}

static void pipes(void)
{
	int *fds = A(2 * sizeof(int));
	OK("pipe", syscall(SYS_pipe, fds));
	want("pipe fds", fds[0] * 10 + fds[1], 34);
	want("write pipe", syscall(SYS_write, 4, S("ping"), 4), 4);
	OK("ioctl FIONREAD pipe", syscall(SYS_ioctl, 3, FIONREAD, A(sizeof(int))));
	struct pollfd *pfd = A(2 * sizeof(*pfd));
	pfd[0] = (struct pollfd){ .fd = 3, .events = POLLIN };
	pfd[1] = (struct pollfd){ .fd = 4, .events = POLLOUT };
	want("poll", syscall(SYS_poll, pfd, 2, 0), 2);
	struct timespec *zero = A(sizeof(*zero));
	want("ppoll", syscall(SYS_ppoll, pfd, 1, zero, NULL, 8), 1);
	fd_set *rd = A(sizeof(fd_set)), *wr = A(sizeof(fd_set));
	FD_SET(3, rd);
	FD_SET(4, wr);
	struct timeval *tv0 = A(sizeof(*tv0));
	want("select", syscall(SYS_select, 5, rd, wr, NULL, tv0), 2);
	FD_ZERO(rd);
	FD_SET(3, rd);
	want("pselect6", syscall(SYS_pselect6, 4, rd, NULL, NULL, zero, NULL), 1);
	want("read pipe", syscall(SYS_read, 3, A(16), 16), 4);
	OK("pipe2", syscall(SYS_pipe2, fds, O_NONBLOCK));
	want("read empty pipe", syscall(SYS_read, 5, A(8), 8), -1);
	want("fcntl F_GETFL", syscall(SYS_fcntl, 5, F_GETFL), O_RDONLY | O_NONBLOCK);
	OK("fcntl F_SETFL", syscall(SYS_fcntl, 5, F_SETFL, 0));
	want("write pipe2", syscall(SYS_write, 6, S("tee"), 3), 3);
	want("tee", syscall(SYS_tee, 5, 4, 3, SPLICE_F_NONBLOCK), 3);
	want("splice", syscall(SYS_splice, 5, NULL, 4, NULL, 3, 0), 3);
	OK("close_range", syscall(SYS_close_range, 3, 6, 0));
}

static void events(void)
{
	want("eventfd2", syscall(SYS_eventfd2, 0, EFD_NONBLOCK), 3);
	unsigned long long *one = A(8);
	*one = 1;
	want("write eventfd", syscall(SYS_write, 3, one, 8), 8);
	want("epoll_create1", syscall(SYS_epoll_create1, EPOLL_CLOEXEC), 4);
	struct epoll_event *ev = A(4 * sizeof(*ev));
	ev[0] = (struct epoll_event){ .events = EPOLLIN, .data.u64 = 7 };
	OK("epoll_ctl", syscall(SYS_epoll_ctl, 4, EPOLL_CTL_ADD, 3, ev));
	struct epoll_event *out = A(4 * sizeof(*out));
	want("epoll_wait", syscall(SYS_epoll_wait, 4, out, 4, 0), 1);
	want("epoll_pwait", syscall(SYS_epoll_pwait, 4, out, 4, 0, NULL, 8), 1);
	want("read eventfd", syscall(SYS_read, 3, A(8), 8), 8);
	OK("epoll_ctl del", syscall(SYS_epoll_ctl, 4, EPOLL_CTL_DEL, 3, NULL));
	want("timerfd_create", syscall(SYS_timerfd_create, CLOCK_MONOTONIC, TFD_CLOEXEC), 5);
	struct itimerspec *its = A(sizeof(*its));
	OK("timerfd_settime", syscall(SYS_timerfd_settime, 5, 0, its, NULL));
	OK("timerfd_gettime", syscall(SYS_timerfd_gettime, 5, A(sizeof(*its))));
	want("inotify_init1", syscall(SYS_inotify_init1, IN_NONBLOCK), 6);
	want("inotify_add_watch", syscall(SYS_inotify_add_watch, 6, S("."), IN_CREATE | IN_DELETE), 1);
	OK("inotify_rm_watch", syscall(SYS_inotify_rm_watch, 6, 1));
	unsigned long *usr2 = A(8);
	*usr2 = 1UL << (SIGUSR2 - 1);
	want("signalfd4", syscall(SYS_signalfd4, -1, usr2, 8, SFD_CLOEXEC), 7);
	want("memfd_create", syscall(SYS_memfd_create, S("gt-memfd"), MFD_CLOEXEC), 8);
	OK("close_range", syscall(SYS_close_range, 3, 8, 0));
}

static void sockets(void)
{
	int *sv = A(2 * sizeof(int));
	OK("socketpair", syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv));
	want("sendto", syscall(SYS_sendto, 3, S("abc"), 3, 0, NULL, 0), 3);
	want("recvfrom", syscall(SYS_recvfrom, 4, A(16), 16, 0, NULL, NULL), 3);
	struct iovec *iov = A(sizeof(*iov));
	*iov = (struct iovec){ S("de"), 2 };
	struct msghdr *mh = A(sizeof(*mh));
	*mh = (struct msghdr){ .msg_iov = iov, .msg_iovlen = 1 };
	want("sendmsg", syscall(SYS_sendmsg, 3, mh, 0), 2);
	struct iovec *riov = A(sizeof(*riov));
	*riov = (struct iovec){ A(16), 16 };
	struct msghdr *rh = A(sizeof(*rh));
	*rh = (struct msghdr){ .msg_iov = riov, .msg_iovlen = 1 };
	want("recvmsg", syscall(SYS_recvmsg, 4, rh, 0), 2);
	OK("shutdown", syscall(SYS_shutdown, 3, SHUT_WR));
	int *val = A(sizeof(int));
	socklen_t *len = A(sizeof(socklen_t));
	*len = sizeof(int);
	OK("getsockopt", syscall(SYS_getsockopt, 4, SOL_SOCKET, SO_TYPE, val, len));
	OK("close_range", syscall(SYS_close_range, 3, 4, 0));

	want("socket unix", syscall(SYS_socket, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0), 3);
	struct sockaddr_un *un = A(sizeof(*un));
	un->sun_family = AF_UNIX;
	strcpy(un->sun_path, "sock");
	OK("bind unix", syscall(SYS_bind, 3, un, offsetof(struct sockaddr_un, sun_path) + 5));
	struct sockaddr_un *name = A(sizeof(*name));
	*len = sizeof(*name);
	OK("getsockname", syscall(SYS_getsockname, 3, name, len));
	OK("unlink sock", syscall(SYS_unlink, S("sock")));

	want("socket udp", syscall(SYS_socket, AF_INET, SOCK_DGRAM, IPPROTO_UDP), 4);
	int *on = A(sizeof(int));
	*on = 1;
	OK("setsockopt", syscall(SYS_setsockopt, 4, SOL_SOCKET, SO_REUSEADDR, on, sizeof(int)));
	struct sockaddr_in *udp = A(sizeof(*udp));
	*udp = (struct sockaddr_in){ .sin_family = AF_INET, .sin_port = htons(UDP_PORT), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	OK("bind udp", syscall(SYS_bind, 4, udp, sizeof(*udp)));
	OK("connect udp", syscall(SYS_connect, 4, udp, sizeof(*udp)));
	struct sockaddr_in *peer = A(sizeof(*peer));
	*len = sizeof(*peer);
	OK("getpeername", syscall(SYS_getpeername, 4, peer, len));
	want("sendto udp", syscall(SYS_sendto, 4, S("udp"), 3, 0, NULL, 0), 3);
	struct sockaddr_in *from = A(sizeof(*from));
	*len = sizeof(*from);
	want("recvfrom udp", syscall(SYS_recvfrom, 4, A(16), 16, MSG_DONTWAIT, from, len), 3);

	want("socket tcp", syscall(SYS_socket, AF_INET, SOCK_STREAM | SOCK_NONBLOCK, IPPROTO_TCP), 5);
	struct sockaddr_in *tcp = A(sizeof(*tcp));
	*tcp = (struct sockaddr_in){ .sin_family = AF_INET, .sin_port = htons(TCP_PORT), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	OK("setsockopt tcp", syscall(SYS_setsockopt, 5, SOL_SOCKET, SO_REUSEADDR, on, sizeof(int)));
	OK("bind tcp", syscall(SYS_bind, 5, tcp, sizeof(*tcp)));
	OK("listen", syscall(SYS_listen, 5, 4));
	want("accept4", syscall(SYS_accept4, 5, NULL, NULL, SOCK_CLOEXEC), -1);
	want("accept", syscall(SYS_accept, 5, NULL, NULL), -1);
	OK("close_range", syscall(SYS_close_range, 3, 5, 0));
}

static void memory(void)
{
	unsigned long r = REGION;
	want("mmap", syscall(SYS_mmap, r, 16384, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0), (long)r);
	OK("mprotect", syscall(SYS_mprotect, r, 4096, PROT_READ));
	OK("madvise", syscall(SYS_madvise, r, 16384, MADV_DONTNEED));
	OK("mincore", syscall(SYS_mincore, r, 16384, A(4)));
	OK("msync", syscall(SYS_msync, r, 4096, MS_SYNC));
	/* (the read-only first page is a mapping of its own now) */
	want("mremap", syscall(SYS_mremap, r + 4096, 12288, 24576, MREMAP_MAYMOVE | MREMAP_FIXED, REGION2), (long)REGION2);
	OK("mlock", syscall(SYS_mlock, REGION2, 4096));
	OK("munlock", syscall(SYS_munlock, REGION2, 4096));
	OK("munmap", syscall(SYS_munmap, REGION2, 24576));
	OK("munmap", syscall(SYS_munmap, r, 4096));
	want("munmap unaligned", syscall(SYS_munmap, REGION2 + 1, 4096), -1);
	syscall(SYS_brk, 0);
}

static void signals(long pid, long tid)
{
	struct ksigaction *ign = A(sizeof(*ign));
	ign->handler = (unsigned long)SIG_IGN;
	OK("rt_sigaction", syscall(SYS_rt_sigaction, SIGUSR1, ign, NULL, 8));
	OK("rt_sigaction old", syscall(SYS_rt_sigaction, SIGUSR1, NULL, A(sizeof(*ign)), 8));
	unsigned long *set = A(8), *old = A(8);
	*set = 1UL << (SIGUSR2 - 1);
	OK("rt_sigprocmask", syscall(SYS_rt_sigprocmask, SIG_BLOCK, set, old, 8));
	OK("kill", syscall(SYS_kill, pid, SIGUSR1));
	OK("tgkill", syscall(SYS_tgkill, pid, tid, SIGUSR1));
	OK("tkill", syscall(SYS_tkill, tid, SIGUSR2));
	OK("rt_sigpending", syscall(SYS_rt_sigpending, A(8), 8));
	struct timespec *zero = A(sizeof(*zero));
	want("rt_sigtimedwait", syscall(SYS_rt_sigtimedwait, set, A(sizeof(siginfo_t)), zero, 8), SIGUSR2);
	want("rt_sigtimedwait none", syscall(SYS_rt_sigtimedwait, set, NULL, zero, 8), -1);
	OK("sigaltstack", syscall(SYS_sigaltstack, NULL, A(sizeof(stack_t))));
	OK("rt_sigprocmask", syscall(SYS_rt_sigprocmask, SIG_SETMASK, old, NULL, 8));
	want("kill missing", syscall(SYS_kill, 0x7ffffff0, 0), -1);
}

static void timing(void)
{
	OK("clock_gettime", syscall(SYS_clock_gettime, CLOCK_MONOTONIC, A(sizeof(struct timespec))));
	OK("gettimeofday", syscall(SYS_gettimeofday, A(sizeof(struct timeval)), NULL));
	syscall(SYS_time, NULL);
	struct timespec *us = A(sizeof(*us));
	us->tv_nsec = 1000;
	OK("nanosleep", syscall(SYS_nanosleep, us, NULL));
	OK("clock_nanosleep", syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, us, NULL));
	want("clock_gettime bad", syscall(SYS_clock_gettime, 1000, A(sizeof(struct timespec))), -1);
	struct itimerval *it = A(sizeof(*it));
	OK("setitimer", syscall(SYS_setitimer, ITIMER_REAL, it, A(sizeof(*it))));
	OK("getitimer", syscall(SYS_getitimer, ITIMER_REAL, A(sizeof(*it))));
	OK("alarm", syscall(SYS_alarm, 0));
}

static void process(void)
{
	OK("getuid", syscall(SYS_getuid));
	OK("geteuid", syscall(SYS_geteuid));
	OK("getgid", syscall(SYS_getgid));
	OK("getegid", syscall(SYS_getegid));
	OK("getresuid", syscall(SYS_getresuid, A(4), A(4), A(4)));
	OK("getresgid", syscall(SYS_getresgid, A(4), A(4), A(4)));
	syscall(SYS_getppid);
	syscall(SYS_getpgrp);
	syscall(SYS_getsid, 0);
	OK("uname", syscall(SYS_uname, A(sizeof(struct utsname))));
	OK("sysinfo", syscall(SYS_sysinfo, A(sizeof(struct sysinfo))));
	struct rlimit *rl = A(sizeof(*rl));
	*rl = (struct rlimit){ 64, 128 };
	OK("setrlimit", syscall(SYS_setrlimit, RLIMIT_NOFILE, rl));
	OK("getrlimit", syscall(SYS_getrlimit, RLIMIT_NOFILE, A(sizeof(*rl))));
	OK("prlimit64", syscall(SYS_prlimit64, 0, RLIMIT_CORE, NULL, A(sizeof(*rl))));
	OK("getrusage", syscall(SYS_getrusage, RUSAGE_SELF, A(sizeof(struct rusage))));
	OK("prctl PR_GET_NAME", syscall(SYS_prctl, PR_GET_NAME, A(16), 0, 0, 0));
	want("prctl PR_GET_DUMPABLE", syscall(SYS_prctl, PR_GET_DUMPABLE, 0, 0, 0, 0), 1);
	OK("prctl PR_SET_PDEATHSIG", syscall(SYS_prctl, PR_SET_PDEATHSIG, 0, 0, 0, 0));
	OK("prctl PR_GET_PDEATHSIG", syscall(SYS_prctl, PR_GET_PDEATHSIG, A(4), 0, 0, 0));
	want("arch_prctl", syscall(SYS_arch_prctl, 0x1011 /* ARCH_GET_CPUID */, 0), 1);
	int *word = A(sizeof(int));
	OK("futex wake", syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0));
	want("futex wait", syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, 1, A(sizeof(struct timespec)), NULL, 0), -1);
	OK("sched_yield", syscall(SYS_sched_yield));
	OK("sched_getscheduler", syscall(SYS_sched_getscheduler, 0));
	OK("sched_getparam", syscall(SYS_sched_getparam, 0, A(sizeof(int))));
	want("sched_get_priority_max", syscall(SYS_sched_get_priority_max, SCHED_FIFO), 99);
	OK("getrandom", syscall(SYS_getrandom, A(8), 0, 0));
	want("wait4 none", syscall(SYS_wait4, -1, A(4), WNOHANG, NULL), -1);
	long child = syscall(SYS_fork);
	if (child == 0)
		syscall(SYS_exit_group, 3);
	int *status = A(sizeof(int));
	want("wait4", syscall(SYS_wait4, child, status, 0, NULL), child);
	want("child status", *status, 3 << 8);
}

int main(int argc, char **argv)
{
	if (argc != 2 || argv[1][0] != '/') {
		static const char m[] = "usage: gt-syscalls /ABSOLUTE/DIR\n";
		syscall(SYS_write, 2, m, sizeof(m) - 1);
		return 2;
	}
	/* The set-up before the marker: not compared. */
	if (arena_map() != 0)
		return 1;
	syscall(SYS_close_range, 3, ~0U, 0);
	syscall(SYS_umask, 022);
	struct rlimit core = { 0, 1 << 20 };
	setrlimit(RLIMIT_CORE, &core);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGUSR2, SIG_DFL);
	long pid = syscall(SYS_getpid), tid = syscall(SYS_gettid);

	syscall(SYS_close, -100); /* the marker */
	want("getpid", syscall(SYS_getpid), pid);
	want("gettid", syscall(SYS_gettid), tid);
	files(argv[1]);
	pipes();
	events();
	sockets();
	memory();
	signals(pid, tid);
	timing();
	process();
	static const char done[] = "gt-syscalls: done\n";
	syscall(SYS_write, 1, S(done), sizeof(done) - 1);
	syscall(SYS_exit_group, 0);
	return 0;
}
