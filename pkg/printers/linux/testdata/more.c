/* Memory, signal, descriptor, time, resource and socket calls, called
 * directly. Compared line by line with strace after the marker. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/sysinfo.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <asm/prctl.h>
#include <linux/futex.h>
#include <sys/random.h>
#include <termios.h>
#include <mqueue.h>
#include <sys/sendfile.h>
#include <sched.h>
#include <unistd.h>

struct kact {
	unsigned long handler, flags, restorer, mask;
};

static void handler(int sig) { (void)sig; }

int main(void)
{
	char buf[256];
	long r;
	int fds[2], one = 1, fd;

	syscall(SYS_close, -100); /* marker */

	/* memory */
	r = syscall(SYS_mmap, NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	syscall(SYS_mprotect, r, 4096, PROT_READ);
	syscall(SYS_mprotect, r, 4096, PROT_NONE);
	syscall(SYS_madvise, r, 4096, MADV_DONTNEED);
	syscall(SYS_mremap, r, 8192, 16384, MREMAP_MAYMOVE);
	syscall(SYS_mmap, 0x100000000ul, 4096, PROT_READ | PROT_EXEC, MAP_SHARED | MAP_FIXED | MAP_ANONYMOUS, -1, 0);
	syscall(SYS_mmap, NULL, 4096, PROT_READ, MAP_SHARED_VALIDATE | 0x100000, 5, 0x1000);
	syscall(SYS_munmap, 0x100000000ul, 4096);
	syscall(SYS_msync, 0x100000000ul, 4096, MS_SYNC);
	syscall(SYS_mlock, 0x100000000ul, 4096);
	syscall(SYS_brk, 0);

	/* signals */
	{
		struct kact act = {(unsigned long)handler, SA_RESTART | 0x04000000, 0x401000, 1ul << (SIGINT - 1)};
		struct kact old;
		syscall(SYS_rt_sigaction, SIGUSR1, &act, &old, 8);
		syscall(SYS_rt_sigaction, SIGUSR1, NULL, &old, 8);
		act.handler = (unsigned long)SIG_IGN;
		act.flags = 0;
		act.mask = ~0ul;
		syscall(SYS_rt_sigaction, SIGPIPE, &act, NULL, 8);
		syscall(SYS_rt_sigaction, 100, &act, NULL, 8);
		uint64_t set = (1ul << (SIGCHLD - 1)) | (1ul << 33);
		uint64_t oldset;
		syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, &oldset, 8);
		syscall(SYS_rt_sigprocmask, SIG_SETMASK, &oldset, NULL, 8);
		syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, NULL, &oldset, 7);
		syscall(SYS_rt_sigpending, &oldset, 8);
		syscall(SYS_kill, 0, 0);
		syscall(SYS_tgkill, 1, 99999, SIGTERM);
		stack_t ss = {.ss_sp = buf, .ss_size = sizeof(buf), .ss_flags = 0};
		syscall(SYS_sigaltstack, &ss, NULL);
		syscall(SYS_sigaltstack, NULL, &ss);
	}

	/* descriptors */
	syscall(SYS_pipe2, fds, O_NONBLOCK);
	syscall(SYS_fcntl, fds[0], F_GETFD);
	syscall(SYS_fcntl, fds[0], F_SETFD, FD_CLOEXEC);
	syscall(SYS_fcntl, fds[0], F_GETFD);
	syscall(SYS_fcntl, fds[0], F_GETFL);
	syscall(SYS_fcntl, fds[0], F_SETFL, O_RDONLY | O_NONBLOCK);
	syscall(SYS_fcntl, fds[0], F_DUPFD_CLOEXEC, 20);
	syscall(SYS_fcntl, fds[0], 12345, 1);
	syscall(SYS_lseek, fds[0], 10, SEEK_CUR);
	syscall(SYS_write, fds[1], "ping", 4);
	{
		struct pollfd p[2] = {{fds[0], POLLIN | POLLPRI, 0}, {fds[1], POLLOUT, 0}};
		syscall(SYS_poll, p, 2, 100);
		struct iovec iov[2] = {{buf, 2}, {buf + 2, 10}};
		syscall(SYS_readv, fds[0], iov, 2);
		iov[0].iov_base = "ab";
		iov[1].iov_base = "cdefghijkl";
		syscall(SYS_writev, fds[1], iov, 2);
		syscall(SYS_read, fds[0], buf, sizeof(buf));
		syscall(SYS_read, fds[0], buf, sizeof(buf));
		fd_set rfds;
		FD_ZERO(&rfds);
		FD_SET(fds[0], &rfds);
		struct timeval tv = {0, 1000};
		syscall(SYS_select, fds[0] + 1, &rfds, NULL, NULL, &tv);
	}
	fd = syscall(SYS_epoll_create1, EPOLL_CLOEXEC);
	{
		struct epoll_event ev = {.events = EPOLLIN | EPOLLET, .data.u64 = 7};
		syscall(SYS_epoll_ctl, fd, EPOLL_CTL_ADD, fds[1], &ev);
		syscall(SYS_epoll_wait, fd, &ev, 1, 10);
		syscall(SYS_epoll_ctl, fd, EPOLL_CTL_DEL, fds[1], NULL);
	}
	syscall(SYS_eventfd2, 3, EFD_NONBLOCK | EFD_SEMAPHORE);
	syscall(SYS_flock, fds[0], LOCK_EX | LOCK_NB);
	syscall(SYS_chdir, "/");
	syscall(SYS_getcwd, buf, sizeof(buf));
	syscall(SYS_access, "/", R_OK | W_OK);
	syscall(SYS_faccessat, AT_FDCWD, "/nonexistent", F_OK);
	syscall(SYS_readlink, "/nonexistent", buf, sizeof(buf));
	syscall(SYS_umask, 022);
	syscall(SYS_chmod, "/nonexistent", 0644);
	syscall(SYS_fchownat, AT_FDCWD, "/nonexistent", 0, -1, AT_SYMLINK_NOFOLLOW);
	syscall(SYS_truncate, "/nonexistent", 100);
	syscall(SYS_ftruncate, fds[0], 0);
	syscall(SYS_fsync, fds[0]);
	syscall(SYS_ioctl, 0, TCGETS, buf);
	syscall(SYS_ioctl, fds[0], FIONREAD, &one);
	syscall(SYS_ioctl, fds[0], FIONBIO, &one);
	syscall(SYS_ioctl, fds[0], TIOCGWINSZ, buf);
	syscall(SYS_ioctl, fds[0], _IOR('x', 7, int), buf);
	syscall(SYS_ioctl, fds[0], 0x1234, 0);

	/* time and resources */
	{
		struct timespec ts = {0, 1000};
		syscall(SYS_nanosleep, &ts, NULL);
		syscall(SYS_clock_gettime, CLOCK_MONOTONIC, NULL);
		syscall(SYS_clock_getres, CLOCK_REALTIME, &ts);
		syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
		syscall(SYS_clock_gettime, 99, &ts);
		syscall(SYS_gettimeofday, NULL, NULL);
		struct itimerval it = {{0, 0}, {0, 0}};
		syscall(SYS_getitimer, ITIMER_REAL, &it);
		syscall(SYS_setitimer, ITIMER_REAL, &it, NULL);
		fd = syscall(SYS_timerfd_create, CLOCK_MONOTONIC, TFD_CLOEXEC);
		struct itimerspec its = {{0, 0}, {100, 0}};
		syscall(SYS_timerfd_settime, fd, 0, &its, NULL);
		struct rlimit rl = {1024, 4096};
		syscall(SYS_getrlimit, RLIMIT_NOFILE, NULL);
		syscall(SYS_setrlimit, RLIMIT_CORE, &rl);
		rl.rlim_cur = RLIM_INFINITY;
		syscall(SYS_prlimit64, 0, RLIMIT_CORE, &rl, NULL);
		syscall(SYS_prlimit64, 0, 77, NULL, NULL);
		syscall(SYS_getpriority, PRIO_PROCESS, 0);
		syscall(SYS_sched_getaffinity, 0, 8, buf);
		syscall(SYS_sched_yield);
		syscall(SYS_prctl, PR_SET_NAME, "worker\n1", 0, 0, 0);
		syscall(SYS_prctl, PR_GET_DUMPABLE, 0, 0, 0, 0);
		syscall(SYS_prctl, PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
		syscall(SYS_prctl, 0x12345, 1, 2, 3, 4);
		syscall(SYS_arch_prctl, ARCH_GET_FS, NULL);
		syscall(SYS_arch_prctl, 0x9999, 0);
		int futexw = 0;
		syscall(SYS_futex, &futexw, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
		syscall(SYS_futex, &futexw, FUTEX_WAIT, 1, NULL, NULL, 0);
		syscall(SYS_getrandom, buf, 0, GRND_NONBLOCK);
		syscall(SYS_set_robust_list, NULL, 0);
		syscall(SYS_memfd_create, "mem\tfd", MFD_CLOEXEC | MFD_ALLOW_SEALING);
		syscall(SYS_getpid);
		syscall(SYS_getuid);
		syscall(SYS_setuid, -1);
		syscall(SYS_setresgid, -1, 0, -1);
	}

	/* sockets */
	{
		int sv[2];
		syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv);
		syscall(SYS_sendto, sv[0], "hi\0there", 8, MSG_DONTWAIT | MSG_NOSIGNAL, NULL, 0);
		syscall(SYS_recvfrom, sv[1], buf, sizeof(buf), 0, NULL, NULL);
		syscall(SYS_setsockopt, sv[0], SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		socklen_t len = sizeof(one);
		syscall(SYS_getsockopt, sv[0], SOL_SOCKET, SO_TYPE, &one, &len);
		syscall(SYS_shutdown, sv[0], SHUT_WR);
		fd = syscall(SYS_socket, AF_INET, SOCK_STREAM, 0);
		syscall(SYS_setsockopt, fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		struct sockaddr_in in = {.sin_family = AF_INET, .sin_port = htons(0)};
		in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		syscall(SYS_bind, fd, &in, sizeof(in));
		syscall(SYS_listen, fd, 5);
		struct sockaddr_un un;
		len = sizeof(un);
		syscall(SYS_getsockname, sv[0], &un, &len);
		struct msghdr mh = {0};
		struct iovec iov = {"msg", 3};
		mh.msg_iov = &iov;
		mh.msg_iovlen = 1;
		syscall(SYS_sendmsg, sv[1], &mh, 0);
		iov.iov_base = buf;
		iov.iov_len = sizeof(buf);
		syscall(SYS_recvmsg, sv[0], &mh, MSG_DONTWAIT);
	}

	{
		struct mq_attr ma = {0, 4, 16, 0}, oma;
		char name[] = "/printers-test";
		syscall(SYS_mq_unlink, name);
		fd = syscall(SYS_mq_open, name + 1, O_RDWR | O_CREAT | O_EXCL, 0600, &ma);
		syscall(SYS_mq_timedsend, fd, "queued\n", 7, 3, NULL);
		unsigned int prio;
		syscall(SYS_mq_timedreceive, fd, buf, 16, &prio, NULL);
		struct timespec ts = {0, 1};
		syscall(SYS_mq_timedreceive, fd, buf, 16, &prio, &ts);
		syscall(SYS_mq_getsetattr, fd, NULL, &oma);
		syscall(SYS_mq_unlink, name + 1);
		int p2[2];
		syscall(SYS_pipe2, p2, 0);
		struct iovec iov = {"spliced", 7};
		syscall(SYS_vmsplice, p2[1], &iov, 1, SPLICE_F_NONBLOCK);
		struct pollfd pf = {p2[0], POLLIN, 0};
		syscall(SYS_ppoll, &pf, 1, &ts, NULL, 8);
		fd_set rfds;
		FD_ZERO(&rfds);
		FD_SET(p2[0], &rfds);
		syscall(SYS_pselect6, p2[0] + 1, &rfds, NULL, NULL, &ts, NULL);
		struct epoll_event ev;
		int ep = syscall(SYS_epoll_create1, 0);
		ev.events = EPOLLIN;
		ev.data.u64 = 0x100000001ull;
		syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p2[0], &ev);
		syscall(SYS_epoll_pwait, ep, &ev, 4, 0, NULL, 8);
		int64_t off = 2;
		fd = syscall(SYS_openat, AT_FDCWD, "/proc/self/cmdline", O_RDONLY);
		syscall(SYS_sendfile, p2[1], fd, &off, 3);
		struct sched_param sp;
		syscall(SYS_sched_getparam, 0, &sp);
		syscall(SYS_sched_getscheduler, 0);
		uid_t r, e, s;
		syscall(SYS_getresuid, &r, &e, &s);
		gid_t groups[4];
		syscall(SYS_getgroups, 0, NULL);
		int futexw = 0;
		syscall(SYS_futex, &futexw, FUTEX_WAKE_OP_PRIVATE, 1, 1, &futexw, FUTEX_OP(FUTEX_OP_ADD, 1, FUTEX_OP_CMP_GT, 0));
		syscall(SYS_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, &ts, NULL);
		(void)groups;
	}
	{
		struct utsname u;
		syscall(SYS_uname, &u);
		syscall(SYS_uname, NULL);
		struct rusage ru;
		syscall(SYS_getrusage, RUSAGE_SELF, NULL);
		syscall(SYS_sysinfo, NULL);
		(void)u;
		(void)ru;
	}
	syscall(500, 1, 0, 0xffff, 4, 5, 6); /* no such call */
	syscall(SYS_exit_group, 0);
	return 0;
}
