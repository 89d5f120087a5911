/*
 * gt-longtail [DIR]: the long tail of x86-64 system calls, one after the
 * other, each made with syscall(SYS_x, ...) so that the kernel entry
 * point is the one named: keys, System V IPC, capabilities, scheduling
 * attributes, I/O priorities, namespaces, mounts and the new mount API,
 * NUMA, timers, POSIX message queues, AIO, io_uring, credentials, the
 * entry points Linux never implemented (sys_ni_syscall)... It completes
 * gt-syscalls: the two are traced under strace on a host and under
 * guestrace in the lab guest and compared line by line
 * (test/e2e/strace_test.go); pkg/printers/linux runs it under ptrace
 * against strace on the host too.
 *
 * Every call either succeeds in a way that prints alike on any machine
 * and kernel of the matrix, or fails before doing anything (a missing
 * path, a descriptor of -1, a bad flag): nothing the program does
 * outlives it (no mount, key, queue or segment is left behind, no
 * privilege dropped, no host setting changed). Values that differ
 * between two runs are limited to key serial numbers and IPC ids, which
 * the comparisons replace. Buffers live in an arena at a fixed address.
 * Calls that need Linux >= 5.17 are marked so.
 * The output is one line, "gt-longtail: done".
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/aio_abi.h>
#include <linux/capability.h>
#include <linux/keyctl.h>
#include <linux/mount.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define ARENA ((char *)0x30000000UL)
#define ARENA_SIZE (1 << 20)
#define SHM_AT 0x32000000UL

static size_t used;

/* A returns n zeroed bytes of the arena. */
static void *A(size_t n)
{
	void *p = ARENA + used;
	used += (n + 15) & ~(size_t)15;
	if (used > ARENA_SIZE) {
		static const char m[] = "gt-longtail: arena full\n";
		syscall(SYS_write, 2, m, sizeof(m) - 1);
		syscall(SYS_exit_group, 1);
	}
	return p;
}

/* S copies a string into the arena. */
static char *S(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(A(n), s, n);
}

/* M copies n bytes into the arena. */
static __attribute__((unused)) void *M(const void *p, size_t n) { return memcpy(A(n), p, n); }

/* The calls of sys_ni_syscall: no kernel implements them. */
static void never(void)
{
	syscall(174, 1, 2);             /* create_module */
	syscall(177, 1);                /* get_kernel_syms */
	syscall(178, 1, 2, 3, 4, 5);    /* query_module */
	syscall(180, 1, 2, 3);          /* nfsservctl */
	syscall(181, 1, 2, 3, 4, 5);    /* getpmsg */
	syscall(182, 1, 2, 3, 4, 5);    /* putpmsg */
	syscall(183, 1, 2, 3, 4, 5);    /* afs_syscall */
	syscall(184, 1, 2, 3);          /* tuxcall */
	syscall(185, 1, 2, 3);          /* security */
	syscall(156, 1);                /* _sysctl */
	syscall(214, 1, 2, 3, 4);       /* epoll_ctl_old */
	syscall(215, 1, 2, 3, 4);       /* epoll_wait_old */
	syscall(236, 1, 2, 3, 4, 5);    /* vserver */
}

static void keys(void)
{
	char *buf = A(256);
	long k = syscall(SYS_add_key, S("user"), S("gt:key1"), S("secret"), 6, KEY_SPEC_PROCESS_KEYRING);
	syscall(SYS_keyctl, KEYCTL_READ, k, buf, 256);
	syscall(SYS_keyctl, KEYCTL_DESCRIBE, k, buf, 256);
	syscall(SYS_keyctl, KEYCTL_UPDATE, k, S("secret2"), 7);
	syscall(SYS_keyctl, KEYCTL_READ, k, buf, 4);
	syscall(SYS_keyctl, KEYCTL_SETPERM, k, 0x3f010000);
	syscall(SYS_keyctl, KEYCTL_SET_TIMEOUT, k, 1000);
	syscall(SYS_keyctl, KEYCTL_SEARCH, KEY_SPEC_PROCESS_KEYRING, S("user"), S("gt:key1"), 0);
	syscall(SYS_keyctl, KEYCTL_CHOWN, k, -1, -1);
	syscall(SYS_keyctl, KEYCTL_SET_REQKEY_KEYRING, KEY_REQKEY_DEFL_NO_CHANGE);
	syscall(SYS_keyctl, KEYCTL_LINK, k, KEY_SPEC_PROCESS_KEYRING);
	syscall(SYS_keyctl, KEYCTL_UNLINK, k, KEY_SPEC_PROCESS_KEYRING);
	syscall(SYS_keyctl, KEYCTL_INVALIDATE, k);
	syscall(SYS_keyctl, KEYCTL_REVOKE, 12345);
	syscall(SYS_keyctl, KEYCTL_READ, 12345, buf, 256);
	syscall(SYS_keyctl, KEYCTL_CLEAR, KEY_SPEC_PROCESS_KEYRING);
	syscall(SYS_keyctl, 1000, 1, 2, 3, 4);
	syscall(SYS_request_key, S("user"), S("gt:nokey"), NULL, KEY_SPEC_PROCESS_KEYRING);
}

static void sysv(void)
{
	struct gtmsg {
		long mtype;
		char mtext[16];
	} *msg = A(sizeof(*msg));
	char *buf = A(256);
	int q = syscall(SYS_msgget, IPC_PRIVATE, IPC_CREAT | 0600);
	msg->mtype = 1;
	memcpy(msg->mtext, "hello", 5);
	syscall(SYS_msgsnd, q, msg, 5, 0);
	syscall(SYS_msgrcv, q, buf, 16, 0, IPC_NOWAIT);
	syscall(SYS_msgrcv, q, buf, 16, 0, IPC_NOWAIT);
	struct msqid_ds *ds = A(sizeof(*ds));
	ds->msg_perm.mode = 0640;
	ds->msg_qbytes = 8192;
	syscall(SYS_msgctl, q, IPC_SET, ds);
	syscall(SYS_msgctl, -1, IPC_STAT, buf);
	syscall(SYS_msgctl, q, IPC_RMID, NULL);

	int s = syscall(SYS_semget, IPC_PRIVATE, 2, IPC_CREAT | IPC_EXCL | 0600);
	struct sembuf *ops = A(2 * sizeof(*ops));
	ops[0] = (struct sembuf){0, 1, 0};
	syscall(SYS_semop, s, ops, 1);
	ops[0] = (struct sembuf){0, -1, IPC_NOWAIT};
	ops[1] = (struct sembuf){1, -1, IPC_NOWAIT | SEM_UNDO};
	struct timespec *ts = A(sizeof(*ts));
	ts->tv_nsec = 1000;
	syscall(SYS_semtimedop, s, ops, 2, ts);
	syscall(SYS_semctl, s, 0, GETVAL, NULL);
	syscall(SYS_semctl, s, 0, IPC_RMID, NULL);

	int m = syscall(SYS_shmget, IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	syscall(SYS_shmat, m, SHM_AT, SHM_RDONLY);
	syscall(SYS_shmdt, SHM_AT);
	syscall(SYS_shmctl, m, IPC_RMID, NULL);
	syscall(SYS_shmctl, -1, IPC_STAT, buf);
}

static void creds(void)
{
	struct __user_cap_header_struct *h = A(sizeof(*h));
	struct __user_cap_data_struct *d = A(2 * sizeof(*d));
	h->version = _LINUX_CAPABILITY_VERSION_3;
	syscall(SYS_capget, h, NULL);
	h->pid = 1;
	d[0].effective = d[0].permitted = 1 << CAP_SYS_ADMIN | 1 << CAP_CHOWN;
	d[1].effective = 1 << (CAP_BPF - 32);
	syscall(SYS_capset, h, d);
	syscall(SYS_setuid, 0);
	syscall(SYS_setgid, 0);
	syscall(SYS_setreuid, -1, -1);
	syscall(SYS_setregid, -1, -1);
	syscall(SYS_setresuid, -1, -1, -1);
	syscall(SYS_setresgid, -1, -1, -1);
	syscall(SYS_setfsuid, -1);
	syscall(SYS_setfsgid, -1);
	unsigned *groups = A(64 * sizeof(unsigned));
	syscall(SYS_setgroups, 0, NULL);
	syscall(SYS_getgroups, 64, groups);
	syscall(SYS_getgroups, 0, NULL);
	syscall(SYS_setgroups, 1, groups);
	syscall(SYS_setpgid, 0, 0);
	syscall(SYS_getpgid, 0);
	syscall(SYS_setsid);
}

static void sched(void)
{
	unsigned long *mask = A(sizeof(*mask));
	*mask = 1;
	syscall(SYS_sched_setaffinity, 0, sizeof(*mask), mask);
	syscall(SYS_sched_getaffinity, 0, sizeof(*mask), mask);
	int *prio = A(sizeof(int));
	syscall(SYS_sched_setparam, 0, prio);
	syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, prio);
	syscall(SYS_sched_get_priority_min, SCHED_RR);
	syscall(SYS_sched_rr_get_interval, 0, NULL);
	uint32_t *attr = A(64);
	attr[0] = 48;
	syscall(SYS_sched_setattr, 0, attr, 0);
	syscall(SYS_sched_getattr, 0, attr, 47, 0); /* (the runtime differs between kernels) */
	syscall(SYS_ioprio_set, 1, 0, 2 << 13 | 4);
	syscall(SYS_ioprio_get, 1, 0);
	syscall(SYS_setpriority, PRIO_PROCESS, 0, 0);
	syscall(SYS_getpriority, PRIO_PROCESS, 0);
	syscall(SYS_personality, 0xffffffff);
}

int main(int argc, char **argv)
{
	/* The set-up before the marker: not compared. */
	if (mmap(ARENA, ARENA_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) != ARENA)
		return 1;
	memset(ARENA, 0, ARENA_SIZE);
	if (argc > 1 && chdir(argv[1]) != 0)
		return 1;
	syscall(SYS_close_range, 3, ~0U, 0);
	syscall(SYS_umask, 022);
	syscall(SYS_personality, 0);

	syscall(SYS_close, -100); /* the marker */
	never();
	keys();
	sysv();
	creds();
	sched();
	static const char done[] = "gt-longtail: done\n";
	syscall(SYS_write, 1, S(done), sizeof(done) - 1);
	syscall(SYS_exit_group, 0);
	return 0;
}
