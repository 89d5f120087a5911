/* System calls of files and processes, called directly so that each one is
 * the call named. Run under strace and under the printers' ptrace harness:
 * their lines after the marker (close(-100)) must be the same. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <stddef.h>

static char big[200];

int main(void)
{
	char buf[64];
	struct stat st;
	int fd, fds[2], status;
	long pid;

	syscall(SYS_close, -100); /* marker */

	fd = syscall(SYS_openat, AT_FDCWD, "out.txt", O_WRONLY | O_CREAT | O_TRUNC, 0640);
	syscall(SYS_write, fd, "hello\n\0\1\0012\"\\\t\x7f\xff", 16);
	memset(big, 'a', sizeof(big));
	syscall(SYS_write, fd, big, sizeof(big));
	syscall(SYS_write, fd, big, 32);
	syscall(SYS_write, fd, big, 33);
	syscall(SYS_write, fd, NULL, 0);
	syscall(SYS_write, fd, (void *)1, 5);
	syscall(SYS_fstat, fd, &st);
	syscall(SYS_close, fd);
	syscall(SYS_close, fd);
	syscall(SYS_open, "out.txt", O_RDONLY);
	syscall(SYS_open, "out.txt", O_RDWR | O_APPEND | O_CLOEXEC | O_NONBLOCK);
	syscall(SYS_open, "new\001file", O_RDWR | O_CREAT | O_EXCL, 04755);
	syscall(SYS_open, "nonexistent/x", O_RDONLY | O_DIRECTORY);
	syscall(SYS_open, ".", O_WRONLY | O_TMPFILE, 0600);
	syscall(SYS_open, "out.txt", O_RDONLY | 0x40000000);
	syscall(SYS_open, (char *)8, O_RDONLY);
	syscall(SYS_openat, 3, "rel", O_RDONLY);
	syscall(SYS_creat, "creat.txt", 0644);
	syscall(SYS_read, 3, buf, sizeof(buf));
	syscall(SYS_read, 3, buf, sizeof(buf));
	syscall(SYS_read, 99, buf, sizeof(buf));
	syscall(SYS_stat, "out.txt", &st);
	syscall(SYS_stat, "nonexistent", &st);
	syscall(SYS_lstat, ".", &st);
	syscall(SYS_stat, "/dev/null", &st);
	syscall(SYS_newfstatat, AT_FDCWD, "out.txt", &st, AT_SYMLINK_NOFOLLOW);
	syscall(SYS_newfstatat, 3, "", &st, AT_EMPTY_PATH);
	syscall(SYS_newfstatat, AT_FDCWD, "out.txt", NULL, 0);
	syscall(SYS_mkdir, "dir", 0755);
	syscall(SYS_mkdir, "dir", 0755);
	syscall(SYS_mkdirat, AT_FDCWD, "dir/sub", 0700);
	syscall(SYS_rename, "out.txt", "dir/renamed.txt");
	syscall(SYS_renameat, AT_FDCWD, "dir/renamed.txt", AT_FDCWD, "back.txt");
	syscall(SYS_renameat2, AT_FDCWD, "back.txt", AT_FDCWD, "creat.txt", RENAME_NOREPLACE);
	syscall(SYS_renameat2, AT_FDCWD, "back.txt", AT_FDCWD, "creat.txt", RENAME_EXCHANGE | 0x100);
	syscall(SYS_unlink, "creat.txt");
	syscall(SYS_unlinkat, AT_FDCWD, "dir/sub", AT_REMOVEDIR);
	syscall(SYS_unlinkat, AT_FDCWD, "dir", 0);
	syscall(SYS_pipe2, fds, O_CLOEXEC);
	syscall(SYS_pipe2, NULL, 0);
	syscall(SYS_dup2, fds[0], 10);
	syscall(SYS_dup3, fds[1], 11, O_CLOEXEC);
	syscall(SYS_dup, 10);
	syscall(SYS_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP);
	syscall(SYS_socket, AF_UNIX, SOCK_DGRAM, 0);
	syscall(SYS_socket, AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK, 0);
	syscall(SYS_socket, 12345, 77, 0);
	{
		struct sockaddr_un un = {.sun_family = AF_UNIX};
		strcpy(un.sun_path, "no-such-socket");
		fd = syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
		syscall(SYS_connect, fd, &un, sizeof(un));
		syscall(SYS_connect, fd, &un, offsetof(struct sockaddr_un, sun_path) + 15);
		un.sun_path[0] = 0;
		syscall(SYS_connect, fd, &un, offsetof(struct sockaddr_un, sun_path) + 6);
		struct sockaddr_in in = {.sin_family = AF_INET, .sin_port = htons(1)};
		in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		fd = syscall(SYS_socket, AF_INET, SOCK_STREAM, 0);
		syscall(SYS_connect, fd, &in, sizeof(in));
		struct sockaddr_in6 in6 = {.sin6_family = AF_INET6, .sin6_port = htons(1)};
		in6.sin6_addr = in6addr_loopback;
		fd = syscall(SYS_socket, AF_INET6, SOCK_STREAM, 0);
		syscall(SYS_connect, fd, &in6, sizeof(in6));
		syscall(SYS_connect, fd, NULL, 0);
	}
	{
		char *argv[] = {"prog", "arg\n1", "", NULL};
		char *envp[] = {"A=1", "B=2", NULL};
		syscall(SYS_execve, "/nonexistent/prog", argv, envp);
		syscall(SYS_execve, "/nonexistent/prog", NULL, NULL);
	}
	pid = syscall(SYS_fork);
	if (pid == 0)
		syscall(SYS_exit_group, 3);
	syscall(SYS_wait4, pid, &status, 0, NULL);
	pid = syscall(SYS_clone, CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD, NULL, NULL, &status, 0);
	if (pid == 0)
		syscall(SYS_exit, 0);
	syscall(SYS_wait4, -1, &status, __WALL, NULL);
	pid = syscall(SYS_vfork);
	if (pid == 0)
		syscall(SYS_exit, 1);
	syscall(SYS_wait4, pid, &status, 0, NULL);
	pid = syscall(SYS_fork);
	if (pid == 0)
		for (;;)
			syscall(SYS_pause);
	syscall(SYS_wait4, pid, &status, WNOHANG, NULL);
	syscall(SYS_kill, pid, SIGKILL);
	syscall(SYS_wait4, pid, &status, 0, NULL);
	syscall(SYS_wait4, -1, &status, 0, NULL);
	{
		struct clone_args ca = {.exit_signal = SIGCHLD};
		pid = syscall(SYS_clone3, &ca, sizeof(ca));
		if (pid == 0)
			syscall(SYS_exit_group, 0);
		syscall(SYS_wait4, pid, NULL, 0, NULL);
	}
	syscall(SYS_exit_group, 0);
	return 0;
}
