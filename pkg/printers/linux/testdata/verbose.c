/* Calls run under "strace -v -s 8" and compared with the printers given
 * the same options. It ends by executing exit7 (built beside it), which
 * exits at once. Calls whose output depends on the run (inode numbers,
 * change times) are left to unit tests. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/utsname.h>
#include <linux/stat.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	(void)argc;
	char buf[4096];
	struct statx stx;
	struct statfs sfs;
	int fd;

	syscall(SYS_close, -100); /* marker */

	fd = syscall(SYS_openat, AT_FDCWD, "file", O_WRONLY | O_CREAT, 0600);
	syscall(SYS_write, fd, "0123456789abcdef", 16);
	{
		struct timespec ts[2] = {{1700000000, 5}, {1600000000, UTIME_OMIT}};
		syscall(SYS_utimensat, AT_FDCWD, "file", ts, 0);
		ts[0].tv_nsec = UTIME_NOW;
		syscall(SYS_utimensat, fd, NULL, ts, 0);
		ts[0].tv_nsec = 0;
		ts[1].tv_nsec = 0;
		syscall(SYS_utimensat, AT_FDCWD, "file", ts, AT_SYMLINK_NOFOLLOW);
	}
	syscall(SYS_close, fd);
	syscall(SYS_statx, AT_FDCWD, "nonexistent", AT_SYMLINK_NOFOLLOW | AT_STATX_DONT_SYNC, STATX_ALL, &stx);
	syscall(SYS_statfs, "/nonexistent", &sfs);
	syscall(SYS_mknod, "fifo", S_IFIFO | 0644, 0);
	syscall(SYS_mknod, "dev", S_IFCHR | 0600, makedev(1, 3));
	syscall(SYS_mkdir, "d", 0700);
	syscall(SYS_symlink, "../file", "d/link-with-a-long-name");
	fd = syscall(SYS_openat, AT_FDCWD, "d", O_RDONLY | O_DIRECTORY);
	syscall(SYS_readlinkat, fd, "link-with-a-long-name", buf, sizeof(buf));
	{
		char exe[4096];
		strcpy(exe, argv[0]);
		strcpy(strrchr(exe, '/') + 1, "exit7");
		char *args[] = {"exit7", "child", "a-long-argument", "x", NULL};
		char *envp[] = {"A=1", "LONGER_VARIABLE=value", NULL};
		syscall(SYS_execve, "/nonexistent", args, envp);
		syscall(SYS_execve, exe, args, envp);
	}
	return 1;
}
