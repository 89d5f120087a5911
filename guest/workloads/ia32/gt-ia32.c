/*
 * gt-ia32 DIR: an i386 program (gcc -m32, no C library) making i386
 * system calls through int $0x80, for the tracing of 32-bit processes on
 * a 64-bit kernel (__ia32_sys_*, __ia32_compat_sys_*). Its buffers live
 * at a fixed address so that the expected lines are exact; the calls
 * after its marker close(-132) are listed in test/e2e/ia32_test.go.
 * Exit status 0; 1 when a call did not return what it should.
 */
#include "ia32.h"

void cstart(long *sp)
{
	char **argv = (char **)(sp + 1);
	char *a = arena(sp);
	char *dir = a, *file = a + 512, *data = a + 1024;
	char *buf = a + 2048, *set = a + 2304, *old = a + 2320;
	long *ts = (long *)(a + 2336);
	copy(dir, argv[1]);
	copy(copy(file, argv[1]), "/f");
	copy(data, "ia32\n");

	sc(NR_close, -132, 0, 0, 0, 0, 0); /* the marker */
	long pid = sc(NR_getpid, 0, 0, 0, 0, 0, 0);
	want(sc(NR_getuid32, 0, 0, 0, 0, 0, 0), 0);
	want(sc(NR_getuid, 0, 0, 0, 0, 0, 0), 0);
	want(sc(NR_mkdir, (long)dir, 0755, 0, 0, 0, 0), 0);
	/* O_RDWR|O_CREAT|O_TRUNC */
	want(sc(NR_open, (long)file, 01102, 0644, 0, 0, 0), 3);
	want(sc(NR_write, 3, (long)data, 5, 0, 0, 0), 5);
	want(sc(NR_llseek, 3, 0, 0, (long)buf, 0, 0), 0);
	/* pread64 at 4 GiB: offset in two registers */
	want(sc(NR_pread64, 3, (long)buf, 2, 0, 1, 0), 0);
	want(sc(NR_fstat64, 3, (long)buf, 0, 0, 0, 0), 0);
	want(sc(NR_close, 3, 0, 0, 0, 0, 0), 0);
	want(sc(NR_truncate64, (long)file, 4, 0, 0, 0, 0), 0);
	want(sc(NR_stat64, (long)file, (long)buf, 0, 0, 0, 0), 0);
	want(sc(NR_lstat64, (long)file, (long)buf, 0, 0, 0, 0), 0);
	want(sc(NR_fstatat64, -100, (long)file, (long)buf, 0, 0, 0), 0);
	want(sc(NR_uname, (long)buf, 0, 0, 0, 0, 0), 0);
	/* The 16-bit id calls: -1 is 0xffff. */
	unsigned short *ids = (unsigned short *)(a + 3072);
	want(sc(NR_lchown, (long)file, 0xffff, 0xffff, 0, 0, 0), 0);
	ids[0] = 0;
	ids[1] = 7;
	want(sc(NR_setgroups, 2, (long)ids, 0, 0, 0, 0), 0);
	want(sc(NR_getgroups, 4, (long)(ids + 4), 0, 0, 0, 0), 2);
	want(sc(NR_getresuid, (long)(ids + 8), (long)(ids + 9), (long)(ids + 10), 0, 0, 0), 0);
	want(sc(NR_setuid, 0, 0, 0, 0, 0, 0), 0);
	ts[0] = ts[1] = 0;
	ts[2] = 1000; /* struct __kernel_timespec {0, 1000} */
	ts[3] = 0;
	want(sc(NR_clock_nanosleep_time64, 1, 0, (long)ts, 0, 0, 0), 0);
	*(unsigned long long *)set = 1ULL << 11; /* SIGUSR2 (uname wrote over here) */
	want(sc(NR_rt_sigprocmask, 0, (long)set, (long)old, 8, 0, 0), 0);
	want(sc(NR_kill, pid, 0, 0, 0, 0, 0), 0);
	/* an unmapped timeval: the time it would print varies */
	want(sc(NR_gettimeofday, 0x10, 0, 0, 0, 0, 0), -14);
	want(sc(NR_unlink, (long)file, 0, 0, 0, 0, 0), 0);
	want(sc(NR_rmdir, (long)dir, 0, 0, 0, 0, 0), 0);
	sc(NR_exit_group, 0, 0, 0, 0, 0, 0);
}
