/*
 * gt-ia32sig DIR: an i386 program (gcc -m32, no C library) making the
 * i386 calls of times, signals and resources whose structures have their
 * 32-bit layouts (32-bit time_t, compat sigaction, siginfo, rusage...),
 * for the tracing of 32-bit processes on a 64-bit kernel. The calls
 * after its marker close(-132) are listed in test/e2e/ia32_sig_test.go;
 * their printed values are fixed (failures on purpose print the input).
 * Exit status 0; 1 when a call did not return what it should.
 */
#include "ia32.h"

/* The signal handler and restorer live in the arena, at addresses that
 * no compiler moves: the handler returns at once; the SIGUSR1 one
 * (SA_SIGINFO) through the restorer, i386's rt_sigreturn, the SIGALRM one
 * (old frame) through the vDSO's sigreturn. */
#define HANDLER (ARENA + 0x3000)
#define RESTORE (ARENA + 0x3010)
static const unsigned char code[] = {
	0xc3, /* ret */
	[0x10] = 0xb8, 0xad, 0, 0, 0, /* mov $173, %eax */
	0xcd, 0x80, /* int $0x80 */
};

void cstart(long *sp)
{
	char **argv = (char **)(sp + 1);
	char *a = arena(sp);
	char *dir = a, *file = a + 512;
	long *w = (long *)(a + 4096); /* structures in */
	long *o = (long *)(a + 8192); /* structures out */
	copy(dir, argv[1]);
	copy(copy(file, argv[1]), "/f");
	for (unsigned i = 0; i < sizeof(code); i++)
		a[0x3000 + i] = code[i];
	want(sc(NR_mprotect, HANDLER, 4096, 7, 0, 0, 0), 0); /* rwx */

	sc(NR_close, -132, 0, 0, 0, 0, 0); /* the marker */
	long pid = sc(NR_getpid, 0, 0, 0, 0, 0, 0);
	want(sc(NR_mkdir, (long)dir, 0755, 0, 0, 0, 0), 0);
	want(sc(NR_open, (long)file, 0101, 0644, 0, 0, 0), 3); /* O_WRONLY|O_CREAT */
	want(sc(NR_close, 3, 0, 0, 0, 0, 0), 0);

	/* Times: 32-bit time_t. */
	w[0] = 1; w[1] = 2;
	want(sc(NR_clock_settime, 1, (long)w, 0, 0, 0, 0), -22);
	want(sc(NR_clock_getres, 1, (long)o, 0, 0, 0, 0), 0);
	w[0] = 0; w[1] = 1000;
	want(sc(NR_clock_nanosleep, 1, 0, (long)w, 0, 0, 0), 0);
	want(sc(NR_nanosleep, (long)w, 0, 0, 0, 0, 0), 0);
	w[0] = 1; w[1] = 2000000;
	want(sc(NR_settimeofday, (long)w, 0, 0, 0, 0, 0), -22);
	w[0] = 1; w[1] = 2; w[2] = 3; w[3] = 4;
	want(sc(NR_utime, (long)file, (long)w, 0, 0, 0, 0), 0);
	want(sc(NR_utimes, (long)file, (long)w, 0, 0, 0, 0), 0);
	want(sc(NR_futimesat, -100, (long)file, (long)w, 0, 0, 0), 0);
	want(sc(NR_utimensat, -100, (long)file, (long)w, 0, 0, 0), 0);
	w[0] = 1; w[1] = 0; w[2] = 0; w[3] = 0; /* interval 1 s, disarmed */
	want(sc(NR_setitimer, 0, (long)w, (long)o, 0, 0, 0), 0);
	want(sc(NR_getitimer, 0, (long)o, 0, 0, 0, 0), 0);
	w[4] = 5; w[5] = 12; w[6] = 0; /* sigevent: value 5, SIGUSR2, SIGEV_SIGNAL */
	want(sc(NR_timer_create, 1, (long)(w + 4), (long)o, 0, 0, 0), 0);
	want(sc(NR_timer_settime, 0, 0, (long)w, (long)o, 0, 0), 0);
	want(sc(NR_timer_gettime, 0, (long)o, 0, 0, 0, 0), 0);
	/* The ...64 calls: 64-bit times. */
	want(sc(NR_timer_gettime64, 0, (long)o, 0, 0, 0, 0), 0);
	w[64] = 1; w[65] = 0; w[66] = 2; w[67] = 0;
	want(sc(NR_clock_settime64, 1, (long)(w + 64), 0, 0, 0, 0), -22);
	want(sc(NR_timerfd_create, 1, 0, 0, 0, 0, 0), 3);
	want(sc(NR_timerfd_settime, 3, 0, (long)w, (long)o, 0, 0), 0);
	want(sc(NR_timerfd_gettime, 3, (long)o, 0, 0, 0, 0), 0);
	want(sc(NR_close, 3, 0, 0, 0, 0, 0), 0);
	o[0] = 0; w[0] = 0; w[1] = 1000;
	want(sc(NR_futex, (long)o, 0, 1, (long)w, 0, 0), -11); /* FUTEX_WAIT: EAGAIN */
	w[8] = -1; w[9] = 1; /* pollfd {-1, POLLIN} */
	w[0] = w[1] = 0;
	want(sc(NR_ppoll, (long)(w + 8), 1, (long)w, 0, 8, 0), 0);
	w[10] = 0; w[11] = 1 << 3; /* fd 35 */
	want(sc(NR_pselect6, 40, (long)(w + 10), 0, 0, (long)w, 0), -9);
	want(sc(NR_newselect, 40, (long)(w + 10), 0, 0, (long)w, 0), -9);
	w[12] = 40; w[13] = (long)(w + 10); w[14] = 0; w[15] = 0; w[16] = (long)w;
	want(sc(NR_select, (long)(w + 12), 0, 0, 0, 0, 0), -9);
	w[64] = w[65] = w[66] = w[67] = 0; /* a 64-bit timespec */
	want(sc(NR_pselect6_time64, 40, (long)(w + 10), 0, 0, (long)(w + 64), 0), -9);

	/* Signals: compat sigaction, stack_t, siginfo. */
	w[20] = HANDLER; w[21] = 0x04000004; /* SA_RESTORER|SA_SIGINFO */
	w[22] = RESTORE; w[23] = 1 << 11; w[24] = 0; /* sa_mask [USR2] */
	want(sc(NR_rt_sigaction, 10, (long)(w + 20), (long)o, 8, 0, 0), 0);
	w[25] = HANDLER; w[26] = 1 << 9; w[27] = 0x10000000; /* SA_RESTART */
	w[28] = 0;
	want(sc(NR_sigaction, 14, (long)(w + 25), (long)o, 0, 0, 0), 0);
	want(sc(NR_sigaction, 14, 0, (long)o, 0, 0, 0), 0);
	w[30] = ARENA + 0x8000; w[31] = 0; w[32] = 8192;
	want(sc(NR_sigaltstack, (long)(w + 30), (long)o, 0, 0, 0, 0), 0);
	w[33] = 1 << 11; w[34] = 0;
	want(sc(NR_rt_sigprocmask, 0, (long)(w + 33), 0, 8, 0, 0), 0);
	want(sc(NR_kill, pid, 10, 0, 0, 0, 0), 0); /* SIGUSR1: rt_sigreturn */
	want(sc(NR_kill, pid, 14, 0, 0, 0, 0), 0); /* SIGALRM: sigreturn */
	for (int i = 0; i < 32; i++)
		w[40 + i] = 0;
	w[40] = 12; w[42] = -1; w[43] = 7; w[44] = 0; w[45] = 42; /* SI_QUEUE, pid 7, uid 0, 42 */
	want(sc(NR_rt_sigqueueinfo, pid, 12, (long)(w + 40), 0, 0, 0), 0);
	w[0] = w[1] = 0;
	want(sc(NR_rt_sigtimedwait, (long)(w + 33), (long)o, (long)w, 8, 0, 0), 12);
	w[64] = w[65] = w[66] = w[67] = 0;
	want(sc(NR_rt_sigtimedwait_time64, (long)(w + 33), 0, (long)(w + 64), 8, 0, 0), -11);
	/* WNOHANG|WEXITED, no child */
	want(sc(NR_waitid, 0, 0, (long)o, 5, (long)o, 0), -10);
	/* The old calls: 4-byte masks. */
	want(sc(NR_signal, 1, 1, 0, 0, 0, 0), 0); /* SIGHUP, SIG_IGN */
	want(sc(NR_signal, 1, 0, 0, 0, 0, 0), 1);
	w[0] = 1 << 9; /* USR1 */
	want(sc(NR_sigprocmask, 0, (long)w, (long)o, 0, 0, 0), 0);
	want(sc(NR_sigprocmask, 1, 0, (long)o, 0, 0, 0), 0);
	want(sc(NR_sigpending, (long)o, 0, 0, 0, 0, 0), 0);
	want(sc(NR_sgetmask, 0, 0, 0, 0, 0, 0), 0xa00);
	want(sc(NR_ssetmask, 1 << 11, 0, 0, 0, 0, 0), 0xa00);

	/* Processes, resources. */
	want(sc(NR_wait4, -1, 0, 1, (long)o, 0, 0), -10);
	want(sc(NR_nice, 0, 0, 0, 0, 0, 0), 0);
	want(sc(NR_get_robust_list, 0, (long)o, (long)(o + 1), 0, 0, 0), 0);
	want(sc(NR_getrusage, -1, (long)o, 0, 0, 0, 0), 0); /* RUSAGE_CHILDREN */
	w[0] = 0; w[1] = 2048;
	want(sc(NR_setrlimit, 4, (long)w, 0, 0, 0, 0), 0); /* RLIMIT_CORE */
	want(sc(NR_getrlimit, 4, (long)o, 0, 0, 0, 0), 0);
	want(sc(NR_ugetrlimit, 4, (long)o, 0, 0, 0, 0), 0);
	w[0] = (long)dir; w[1] = (long)file; w[2] = 0;
	w[3] = (long)file; w[4] = 0;
	want(sc(NR_execve, (long)file, (long)w, (long)(w + 3), 0, 0, 0), -13);

	want(sc(NR_unlink, (long)file, 0, 0, 0, 0, 0), 0);
	want(sc(NR_rmdir, (long)dir, 0, 0, 0, 0, 0), 0);
	sc(NR_exit_group, 0, 0, 0, 0, 0, 0);
}
