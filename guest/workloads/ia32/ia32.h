/*
 * ia32.h: what the i386 workloads share (no C library): the system call
 * through int $0x80, the check that ends the program with status 1, a
 * string copy, and _start, which calls the program's cstart(sp).
 */
#ifndef GT_IA32_H
#define GT_IA32_H

/* The arena: the fixed address the programs' buffers live at, so that
 * the lines they are traced to are exact. */
#define ARENA 0x20000000L

/* The i386 system-call numbers the programs use
 * (arch/x86/entry/syscalls/syscall_32.tbl). */
enum {
	NR_write = 4, NR_open = 5, NR_close = 6, NR_unlink = 10, NR_execve = 11,
	NR_lchown = 16, NR_setuid = 23, NR_getgroups = 80, NR_setgroups = 81,
	NR_getresuid = 165,
	NR_getpid = 20, NR_getuid = 24, NR_ioctl = 54, NR_unshare = 310, NR_utime = 30, NR_nice = 34, NR_kill = 37,
	NR_mkdir = 39, NR_rmdir = 40, NR_pipe = 42, NR_signal = 48,
	NR_sigaction = 67, NR_sgetmask = 68, NR_ssetmask = 69, NR_sigpending = 73,
	NR_setrlimit = 75, NR_getrlimit = 76, NR_getrusage = 77,
	NR_gettimeofday = 78, NR_settimeofday = 79, NR_select = 82, NR_readdir = 89,
	NR_mmap = 90, NR_munmap = 91, NR_statfs = 99, NR_fstatfs = 100,
	NR_socketcall = 102, NR_setitimer = 104, NR_getitimer = 105, NR_wait4 = 114,
	NR_ipc = 117, NR_uname = 122, NR_mprotect = 125, NR_sigprocmask = 126,
	NR_llseek = 140, NR_getdents = 141, NR_newselect = 142, NR_readv = 145,
	NR_writev = 146, NR_nanosleep = 162, NR_rt_sigreturn = 173,
	NR_rt_sigaction = 174, NR_rt_sigprocmask = 175, NR_rt_sigtimedwait = 177,
	NR_rt_sigqueueinfo = 178, NR_pread64 = 180, NR_sigaltstack = 186,
	NR_ugetrlimit = 191, NR_mmap2 = 192, NR_truncate64 = 193, NR_stat64 = 195,
	NR_lstat64 = 196, NR_fstat64 = 197, NR_getuid32 = 199, NR_futex = 240,
	NR_io_getevents = 247, NR_io_submit = 248, NR_io_cancel = 249,
	NR_exit_group = 252, NR_timer_create = 259, NR_timer_settime = 260,
	NR_timer_gettime = 261, NR_clock_settime = 264, NR_clock_getres = 266,
	NR_clock_nanosleep = 267, NR_statfs64 = 268, NR_fstatfs64 = 269,
	NR_utimes = 271, NR_get_mempolicy = 275, NR_set_mempolicy = 276,
	NR_mq_open = 277, NR_mq_unlink = 278, NR_mq_timedsend = 279,
	NR_mq_timedreceive = 280, NR_mq_getsetattr = 282, NR_waitid = 284,
	NR_futimesat = 299, NR_fstatat64 = 300, NR_pselect6 = 308, NR_ppoll = 309,
	NR_get_robust_list = 312, NR_vmsplice = 316, NR_utimensat = 320,
	NR_timerfd_create = 322, NR_timerfd_settime = 325, NR_timerfd_gettime = 326,
	NR_preadv = 333, NR_pwritev = 334, NR_recvmmsg = 337, NR_sendmmsg = 345,
	NR_process_vm_readv = 347, NR_process_vm_writev = 348, NR_socket = 359,
	NR_socketpair = 360, NR_getsockopt = 365, NR_setsockopt = 366,
	NR_sendmsg = 370, NR_recvmsg = 372, NR_preadv2 = 378, NR_pwritev2 = 379,
	NR_io_pgetevents = 385, NR_semget = 393, NR_semctl = 394, NR_shmget = 395,
	NR_shmctl = 396, NR_shmat = 397, NR_shmdt = 398, NR_msgget = 399,
	NR_msgsnd = 400, NR_msgrcv = 401, NR_msgctl = 402, NR_clock_settime64 = 404,
	NR_clock_nanosleep_time64 = 407, NR_timer_gettime64 = 408,
	NR_pselect6_time64 = 413, NR_recvmmsg_time64 = 417,
	NR_rt_sigtimedwait_time64 = 421,
};

/* sc makes an i386 system call with up to six arguments (the sixth in ebp). */
static long sc(long nr, long a, long b, long c, long d, long e, long f)
{
	long v[2] = { nr, f };
	long r;
	__asm__ volatile("push %%ebp\n\t"
			 "mov 4(%%eax), %%ebp\n\t"
			 "mov (%%eax), %%eax\n\t"
			 "int $0x80\n\t"
			 "pop %%ebp"
			 : "=a"(r)
			 : "a"(v), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
			 : "memory");
	return r;
}

static void want(long got, long expect)
{
	if (got != expect)
		sc(NR_exit_group, 1, 0, 0, 0, 0, 0);
}

static char *copy(char *to, const char *s)
{
	while ((*to++ = *s++))
		;
	return to - 1;
}

/* arena maps the arena (64 KiB) and touches its pages, so that no read
 * of it at a call's entry finds a page not there yet; it checks that the
 * program has one argument. */
static char *arena(long *sp)
{
	if (sp[0] != 2)
		sc(NR_exit_group, 2, 0, 0, 0, 0, 0);
	/* PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS */
	want(sc(NR_mmap2, ARENA, 65536, 3, 0x32, -1, 0), ARENA);
	char *a = (char *)ARENA;
	for (long i = 0; i < 65536; i += 4096)
		a[i] = 0;
	return a;
}

void cstart(long *sp);

__asm__(".globl _start\n"
	"_start:\n\t"
	"xor %ebp, %ebp\n\t"
	"mov %esp, %eax\n\t"
	"and $-16, %esp\n\t"
	"sub $12, %esp\n\t"
	"push %eax\n\t"
	"call cstart\n\t"
	"hlt");

#endif
