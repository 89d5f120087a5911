/* Signal information, page vectors and file times, called directly.
 * Compared line by line with strace after the marker. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

int main(void)
{
	static char page[3 * 4096] __attribute__((aligned(4096)));
	syscall(SYS_close, -100);
	/* mincore: one resident page, then the vector cut at -s */
	page[0] = 1;
	static unsigned char vec[64];
	syscall(SYS_mincore, page, 4096, vec);
	syscall(SYS_mincore, page, 3 * 4096, NULL);
	/* file times */
	int fd = syscall(SYS_openat, AT_FDCWD, "t", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	syscall(SYS_close, fd);
	struct timeval tv[2] = { { 5, 6 }, { 1700000000, 0 } };
	syscall(SYS_utimes, "t", tv);
	syscall(SYS_futimesat, AT_FDCWD, "t", tv);
	syscall(SYS_utimes, "t", NULL);
	struct utimbuf ub = { 1, 1700000000 };
	syscall(SYS_utime, "t", &ub);
	syscall(SYS_unlink, "t");
	time_t t;
	syscall(SYS_time, &t);
	/* signals: taken with their siginfo */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGCHLD);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 8);
	struct timespec zero = { 0, 0 };
	siginfo_t si;
	syscall(SYS_kill, getpid(), SIGUSR1);
	syscall(SYS_rt_sigtimedwait, &set, &si, &zero, 8);
	syscall(SYS_rt_sigtimedwait, &set, &si, &zero, 8);
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR1;
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	si.si_value.sival_int = 42;
	syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, &si);
	syscall(SYS_rt_sigtimedwait, &set, &si, NULL, 8);
	if (syscall(SYS_fork) == 0)
		syscall(SYS_exit_group, 7);
	syscall(SYS_waitid, P_ALL, 0, &si, WEXITED, NULL);
	syscall(SYS_rt_sigtimedwait, &set, &si, &zero, 8);
	syscall(SYS_exit_group, 0);
}
