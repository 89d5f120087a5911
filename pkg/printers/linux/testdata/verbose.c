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
#include <linux/bpf.h>
#include <linux/filter.h>
#include <linux/perf_event.h>
#include <linux/seccomp.h>
#include <asm/termbits.h>
#include <sys/ioctl.h>
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
		/* Programs and filters print whole under -v; each call fails
		 * before doing anything (an unknown flag, a set byte past the
		 * kernel's structure). */
		struct sock_filter f[] = {
			BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 4),
			BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 62, 0, 1),
			BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 1),
			BPF_STMT(BPF_MISC | BPF_TAX, 0),
			BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		};
		struct sock_fprog fp = {5, f};
		syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0x100, &fp);
		struct sock_filter sf[] = {
			BPF_STMT(BPF_LD | BPF_H | BPF_ABS, SKF_AD_OFF + SKF_AD_PROTOCOL),
			BPF_STMT(BPF_LD | BPF_B | BPF_ABS, SKF_NET_OFF + 9),
			BPF_STMT(BPF_LD | BPF_B | BPF_ABS, SKF_LL_OFF + 1),
			BPF_STMT(BPF_RET | BPF_K, 0xffff),
		};
		struct sock_fprog sfp = {4, sf};
		syscall(SYS_setsockopt, -1, 1 /* SOL_SOCKET */, 26 /* SO_ATTACH_FILTER */, &sfp, sizeof(sfp));
		struct bpf_insn insn[] = {
			{.code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = -1},
			{.code = BPF_LDX | BPF_MEM | BPF_W, .dst_reg = 2, .src_reg = 1, .off = -8},
			{.code = BPF_JMP | BPF_EXIT},
		};
		union bpf_attr a[2];
		memset(a, 0, sizeof(a));
		a[0].prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
		a[0].insn_cnt = 3;
		a[0].insns = (unsigned long)insn;
		a[0].license = (unsigned long)"GPL";
		((char *)a)[250] = 1;
		syscall(SYS_bpf, BPF_PROG_LOAD, a, 256);
		struct perf_event_attr pe[2];
		memset(pe, 0, sizeof(pe));
		pe[0].type = PERF_TYPE_BREAKPOINT;
		pe[0].size = 160;
		pe[0].bp_type = 2; /* HW_BREAKPOINT_W */
		pe[0].bp_addr = 0x1000;
		pe[0].bp_len = 8;
		pe[0].sample_type = PERF_SAMPLE_BRANCH_STACK | PERF_SAMPLE_STACK_USER;
		pe[0].use_clockid = 1;
		pe[0].clockid = CLOCK_MONOTONIC;
		pe[0].sample_max_stack = 3;
		syscall(SYS_perf_event_open, pe, 0, -1, -1, 0x100);
		struct termios2 t2;
		memset(&t2, 0, sizeof(t2));
		t2.c_cflag = BOTHER | CS8;
		t2.c_cc[VMIN] = 1;
		t2.c_ispeed = t2.c_ospeed = 250;
		syscall(SYS_ioctl, -1, TCSETSF2, &t2);
		struct termio t1;
		memset(&t1, 0, sizeof(t1));
		t1.c_line = 2;
		t1.c_cc[VINTR] = 3;
		syscall(SYS_ioctl, -1, TCSETA, &t1);
	}
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
