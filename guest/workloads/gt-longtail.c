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
 * Numbers the calls print stay below 300 or above 32768 where the
 * program chooses them: the host harness replaces process ids (300 and
 * up) wherever they appear.
 * The output is one line, "gt-longtail: done".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/aio_abi.h>
#include <linux/capability.h>
#include <linux/keyctl.h>
#include <linux/mount.h>
#include <linux/reboot.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <sys/timex.h>
#include <mqueue.h>
#include <sys/xattr.h>
#include <sys/fanotify.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/quota.h>
#include <sys/ptrace.h>
#include <sys/prctl.h>
#include <linux/kcmp.h>
#include <linux/seccomp.h>
#include <linux/audit.h>
#include <linux/bpf.h>
#include <linux/filter.h>
#include <linux/perf_event.h>
#include <linux/sockios.h>
#include <linux/if_packet.h>
#include <netinet/in.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <asm/termbits.h>
#include <linux/mempolicy.h>
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

#include "arena.h"
#define SHM_AT 0x32000000UL

static void aio(void);


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
	syscall(SYS_keyctl, KEYCTL_INVALIDATE, 12345);
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

/* Files and descriptors beyond gt-syscalls'. */
static void files(void)
{
	char *buf = A(4096);
	int fd = syscall(SYS_openat, AT_FDCWD, S("lt-file"), O_RDWR | O_CREAT | O_TRUNC, 0600);
	int fd2 = syscall(SYS_openat, AT_FDCWD, S("lt-copy"), O_RDWR | O_CREAT | O_TRUNC, 0600);
	struct iovec *iov = A(2 * sizeof(*iov));
	iov[0] = (struct iovec){S("hello, "), 7};
	iov[1] = (struct iovec){S("world\n"), 6};
	syscall(SYS_pwritev, fd, iov, 2, 0, 0);
	syscall(SYS_pwritev2, fd, iov, 1, 44, 0, RWF_DSYNC);
	struct iovec *in = A(sizeof(*in));
	in[0] = (struct iovec){buf, 32};
	syscall(SYS_preadv, fd, in, 1, 0, 0);
	syscall(SYS_preadv2, fd, in, 1, 0, 0, RWF_HIPRI);
	long long *off = A(sizeof(*off));
	syscall(SYS_sendfile, fd2, fd, off, 4);
	syscall(SYS_sendfile, fd2, fd, NULL, 4);
	long long *o1 = A(sizeof(*o1)), *o2 = A(sizeof(*o2));
	syscall(SYS_copy_file_range, fd, o1, fd2, o2, 5, 0);
	syscall(SYS_readahead, fd, 0, 4096);
	syscall(SYS_fadvise64, fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	syscall(SYS_sync_file_range, fd, 0, 0, SYNC_FILE_RANGE_WRITE);
	/* (the lab guest's root file system has no user xattrs) */
	syscall(SYS_fsetxattr, -1, S("user.lt"), S("v"), 1, 0);
	syscall(SYS_flistxattr, -1, buf, 256);
	syscall(SYS_fremovexattr, -1, S("user.lt"));
	syscall(SYS_lsetxattr, S("lt-missing"), S("user.lt"), S("v"), 1, XATTR_CREATE);
	syscall(SYS_llistxattr, S("lt-missing"), buf, 256);
	syscall(SYS_lremovexattr, S("lt-missing"), S("user.lt"));
	syscall(SYS_faccessat, AT_FDCWD, S("lt-file"), R_OK | W_OK);
	syscall(SYS_renameat, AT_FDCWD, S("lt-copy"), AT_FDCWD, S("lt-copy2"));
	syscall(SYS_utime, S("lt-missing"), NULL);
	syscall(SYS_futimesat, AT_FDCWD, S("lt-missing"), NULL);
	syscall(SYS_statfs, S("lt-missing"), buf);
	syscall(SYS_fstatfs, -1, buf);
	syscall(SYS_getdents, -1, buf, 4096);
	syscall(SYS_statx, AT_FDCWD, S("lt-missing"), AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, buf);
	struct file_handle *fh = A(sizeof(*fh) + 16);
	fh->handle_bytes = 16;
	syscall(SYS_name_to_handle_at, AT_FDCWD, S("lt-missing"), fh, A(sizeof(int)), 0);
	fh->handle_bytes = 8;
	fh->handle_type = 1;
	syscall(SYS_open_by_handle_at, -1, fh, O_RDONLY);
	syscall(SYS_openat2, AT_FDCWD, S("lt-missing"), NULL, 0);
	syscall(SYS_epoll_create, 1);
	syscall(SYS_eventfd, 0);
	syscall(SYS_inotify_init);
	syscall(SYS_signalfd, -1, NULL, 8);
	syscall(SYS_vmsplice, -1, iov, 1, 0);
	syscall(SYS_fanotify_mark, -1, FAN_MARK_ADD, FAN_OPEN, AT_FDCWD, S("lt-file"));
	syscall(SYS_unlinkat, AT_FDCWD, S("lt-file"), 0);
	syscall(SYS_unlinkat, AT_FDCWD, S("lt-copy2"), 0);
}

/* Administration calls, each failing before it changes anything. */
static void admin(void)
{
	char *buf = A(256);
	syscall(SYS_reboot, 0x1234, 0x5678, LINUX_REBOOT_CMD_RESTART, NULL);
	syscall(SYS_syslog, 100, NULL, 0);
	syscall(SYS_sysfs, 4);
	syscall(SYS_ustat, 0, NULL);
	syscall(SYS_acct, S("lt-missing/acct"));
	syscall(SYS_chroot, S("lt-missing"));
	syscall(SYS_swapon, S("lt-missing"), 0);
	syscall(SYS_swapoff, S("lt-missing"));
	syscall(SYS_mount, S("none"), S("lt-missing"), S("tmpfs"), MS_NOSUID | MS_NODEV, S("size=1m"));
	syscall(SYS_umount2, S("lt-missing"), MNT_DETACH);
	syscall(SYS_pivot_root, S("lt-missing"), S("lt-missing"));
	syscall(SYS_quotactl, QCMD(Q_SYNC, USRQUOTA), S("lt-missing"), 0, NULL);
	syscall(SYS_sethostname, buf, 65);
	syscall(SYS_setdomainname, buf, 65);
	syscall(SYS_settimeofday, NULL, NULL);
	struct timespec *ts = A(sizeof(*ts));
	ts->tv_nsec = -1;
	syscall(SYS_clock_settime, CLOCK_REALTIME, ts);
	syscall(SYS_clock_getres, CLOCK_MONOTONIC, ts);
	syscall(SYS_adjtimex, NULL);
	syscall(SYS_clock_adjtime, CLOCK_REALTIME, NULL);
	syscall(SYS_setns, -1, CLONE_NEWNET);
	syscall(SYS_unshare, 0);
	syscall(SYS_fsopen, S("gt-missing-fs"), FSOPEN_CLOEXEC);
	syscall(SYS_fspick, AT_FDCWD, S("lt-missing"), FSPICK_CLOEXEC);
	syscall(SYS_open_tree, AT_FDCWD, S("lt-missing"), OPEN_TREE_CLONE);
	syscall(SYS_move_mount, AT_FDCWD, S("lt-missing"), AT_FDCWD, S("lt-missing"), 0);
	syscall(SYS_fsconfig, -1, FSCONFIG_SET_STRING, S("size"), S("1m"), 0);
	syscall(SYS_fsmount, -1, FSMOUNT_CLOEXEC, MOUNT_ATTR_RDONLY);
	struct mount_attr *ma = A(sizeof(*ma));
	ma->attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NODEV;
	ma->propagation = MS_PRIVATE;
	syscall(SYS_mount_setattr, -1, S(""), AT_EMPTY_PATH, ma, sizeof(*ma));
}

/* Memory and NUMA. */
static void memory(void)
{
	char *r = ARENA + ARENA_SIZE - 8192;
	syscall(SYS_mlock2, r, 4096, MLOCK_ONFAULT);
	syscall(SYS_munlock, r, 4096);
	syscall(SYS_mlockall, MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT);
	syscall(SYS_munlockall);
	syscall(SYS_pkey_mprotect, r, 4096, PROT_READ | PROT_WRITE, -1);
	syscall(SYS_pkey_free, 15);
	syscall(SYS_remap_file_pages, r, 4096, 0, 0, 0);
	unsigned long *nodes = A(sizeof(*nodes));
	*nodes = 1;
	int *mode = A(sizeof(int));
	syscall(SYS_get_mempolicy, mode, nodes, 64, NULL, 0);
	syscall(SYS_set_mempolicy, MPOL_PREFERRED, nodes, 64);
	syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0);
	syscall(SYS_mbind, r, 4096, MPOL_BIND, nodes, 64, MPOL_MF_STRICT);
	syscall(SYS_mbind, r, 4096, MPOL_DEFAULT, NULL, 0, 0);
	syscall(SYS_migrate_pages, 0, 64, nodes, nodes);
	void **pages = A(sizeof(void *));
	int *status = A(sizeof(int));
	pages[0] = r;
	syscall(SYS_move_pages, 0, 1, pages, NULL, status, 0);
	syscall(SYS_set_mempolicy_home_node, r, 4096, 0, 0);
	syscall(SYS_process_madvise, -1, NULL, 0, MADV_COLD, 0);
	syscall(SYS_process_mrelease, -1, 0);
	struct iovec *local = A(sizeof(*local)), *remote = A(sizeof(*remote));
	local->iov_base = A(8);
	local->iov_len = 8;
	remote->iov_base = S("remote!");
	remote->iov_len = 8;
	long self = syscall(SYS_getpid);
	syscall(SYS_process_vm_readv, self, local, 1, remote, 1, 0);
	syscall(SYS_process_vm_writev, self, remote, 1, local, 1, 0);
	syscall(SYS_process_vm_readv, 0, NULL, 0, NULL, 0, 0);
	syscall(SYS_modify_ldt, 0, NULL, 0);
	syscall(SYS_userfaultfd, -1);
}

/* Timers, POSIX message queues, AIO, io_uring. */
static void async(void)
{
	char *buf = A(256);
	int *id = A(sizeof(*id));
	syscall(SYS_timer_create, CLOCK_MONOTONIC, NULL, id);
	syscall(SYS_timer_delete, *id);
	struct sigevent *sev = A(sizeof(*sev));
	sev->sigev_notify = SIGEV_SIGNAL;
	sev->sigev_signo = SIGUSR2;
	sev->sigev_value.sival_int = 42;
	syscall(SYS_timer_create, CLOCK_MONOTONIC, sev, id);
	struct itimerspec *its = A(sizeof(*its));
	its->it_value.tv_sec = 100;
	syscall(SYS_timer_settime, *id, 0, its, NULL);
	syscall(SYS_timer_getoverrun, *id);
	syscall(SYS_timer_delete, *id);
	syscall(SYS_timer_gettime, *id, its);
	struct mq_attr *attr = A(sizeof(*attr));
	attr->mq_maxmsg = 4;
	attr->mq_msgsize = 16;
	syscall(SYS_mq_unlink, S("gt-longtail"));
	int q = syscall(SYS_mq_open, S("gt-longtail"), O_RDWR | O_CREAT | O_EXCL, 0600, attr);
	syscall(SYS_mq_timedsend, q, S("hello"), 5, 1, NULL);
	unsigned *prio = A(sizeof(*prio));
	syscall(SYS_mq_timedreceive, q, buf, 16, prio, NULL);
	sev->sigev_notify = SIGEV_NONE;
	sev->sigev_signo = 0;
	sev->sigev_value.sival_int = 0;
	syscall(SYS_mq_notify, q, sev);
	syscall(SYS_mq_notify, q, NULL);
	syscall(SYS_mq_getsetattr, q, NULL, attr);
	syscall(SYS_close, q);
	syscall(SYS_mq_unlink, S("gt-longtail"));
	syscall(SYS_io_setup, 0, buf);
	syscall(SYS_io_destroy, 0);
	syscall(SYS_io_submit, 0, 0, NULL);
	syscall(SYS_io_getevents, 0, 0, 0, NULL, NULL);
	syscall(SYS_io_pgetevents, 0, 0, 0, NULL, NULL, NULL);
	syscall(SYS_io_cancel, 0, NULL, NULL);
	aio();
	syscall(SYS_io_uring_setup, 0, NULL);
	syscall(SYS_io_uring_setup, 0, A(120)); /* (no entries: EINVAL) */
	syscall(SYS_io_uring_enter, -1, 0, 0, 0, NULL, 0);
	syscall(SYS_io_uring_register, -2, 0, NULL, 0); /* (Linux 6.3+ treats -1 apart) */
}

static void on_usr1(int sig) { (void)sig; }

/*
 * The kernel's programmable parts: bpf, perf events, seccomp. The calls
 * either succeed alike on every kernel (a map, a two-instruction socket
 * filter, a software event) or fail before doing anything: a set byte
 * past every kernel's union bpf_attr (E2BIG), an unknown flag (EINVAL).
 */
static void bpf_attr_tail(void *attr) { ((char *)attr)[255] = 1; }

static void kernel_programs(void)
{
	union bpf_attr *a = A(256);
	a->map_type = BPF_MAP_TYPE_ARRAY;
	a->key_size = 4;
	a->value_size = 8;
	a->max_entries = 2;
	strcpy(a->map_name, "gt_map");
	int map = syscall(SYS_bpf, BPF_MAP_CREATE, a, 72);
	uint32_t *key = A(8);
	uint64_t *value = A(8);
	*value = 42;
	union bpf_attr *e = A(256);
	e->map_fd = map;
	e->key = (uintptr_t)key;
	e->value = (uintptr_t)value;
	e->flags = BPF_ANY;
	syscall(SYS_bpf, BPF_MAP_UPDATE_ELEM, e, 32);
	syscall(SYS_bpf, BPF_MAP_LOOKUP_ELEM, e, 32);
	e->next_key = (uintptr_t)A(8);
	syscall(SYS_bpf, BPF_MAP_GET_NEXT_KEY, e, 24);
	syscall(SYS_bpf, BPF_MAP_DELETE_ELEM, e, 16); /* (arrays have no delete) */
	union bpf_attr *ld = A(256);
	ld->map_fd = -1;
	syscall(SYS_bpf, BPF_MAP_LOOKUP_AND_DELETE_ELEM, ld, 20); /* (up to value) */
	e->flags = 8; /* (an unknown flag: EINVAL) */
	syscall(SYS_bpf, BPF_MAP_LOOKUP_AND_DELETE_ELEM, e, 32);
	struct bpf_insn *insn = A(2 * sizeof(*insn));
	insn[0].code = BPF_ALU64 | BPF_MOV | BPF_K; /* r0 = 0 */
	insn[1].code = BPF_JMP | BPF_EXIT;
	union bpf_attr *p = A(256);
	p->prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	p->insn_cnt = 2;
	p->insns = (uintptr_t)insn;
	p->license = (uintptr_t)S("GPL");
	p->kern_version = 0x060100;
	strcpy(p->prog_name, "gt_prog");
	int prog = syscall(SYS_bpf, BPF_PROG_LOAD, p, 128);
	syscall(SYS_close, prog);
	p->log_size = 16;
	p->log_buf = (uintptr_t)A(16);
	syscall(SYS_bpf, BPF_PROG_LOAD, p, 48); /* (up to prog_name; a log without a level: EINVAL) */
	syscall(SYS_close, map);
	union bpf_attr *o = A(256);
	o->pathname = (uintptr_t)S("gt-missing-pin");
	o->bpf_fd = -1;
	o->file_flags = BPF_F_RDONLY;
	syscall(SYS_bpf, BPF_OBJ_GET, o, 16);
	bpf_attr_tail(o);
	syscall(SYS_bpf, BPF_OBJ_PIN, o, 256);
	union bpf_attr *t = A(256);
	t->target_fd = -1;
	t->attach_bpf_fd = -1;
	t->attach_type = BPF_CGROUP_INET_EGRESS;
	t->attach_flags = BPF_F_ALLOW_MULTI;
	bpf_attr_tail(t);
	syscall(SYS_bpf, BPF_PROG_ATTACH, t, 256);
	syscall(SYS_bpf, BPF_PROG_DETACH, t, 256);
	syscall(SYS_bpf, BPF_PROG_TEST_RUN, t, 256);
	syscall(SYS_bpf, BPF_PROG_GET_NEXT_ID, t, 256);
	syscall(SYS_bpf, BPF_MAP_GET_FD_BY_ID, t, 256);
	syscall(SYS_bpf, BPF_OBJ_GET_INFO_BY_FD, t, 256);
	syscall(SYS_bpf, BPF_PROG_QUERY, t, 256);
	syscall(SYS_bpf, BPF_BTF_GET_FD_BY_ID, t, 256);
	syscall(SYS_bpf, BPF_TASK_FD_QUERY, t, 256);
	syscall(SYS_bpf, BPF_MAP_FREEZE, t, 256);
	syscall(SYS_bpf, BPF_MAP_LOOKUP_BATCH, t, 256);
	syscall(SYS_bpf, BPF_MAP_DELETE_BATCH, t, 256);
	syscall(SYS_bpf, BPF_LINK_CREATE, t, 256);
	syscall(SYS_bpf, BPF_LINK_UPDATE, t, 256);
	syscall(SYS_bpf, BPF_ENABLE_STATS, t, 256);
	syscall(SYS_bpf, BPF_MAP_CREATE, t, 65540); /* (more than a page) */

	struct perf_event_attr *pe = A(256);
	pe->type = PERF_TYPE_SOFTWARE;
	pe->size = PERF_ATTR_SIZE_VER7;
	pe->config = PERF_COUNT_SW_DUMMY;
	pe->disabled = 1;
	pe->exclude_kernel = 1;
	int ev = syscall(SYS_perf_event_open, pe, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
	syscall(SYS_ioctl, ev, PERF_EVENT_IOC_ENABLE, 0);
	syscall(SYS_ioctl, ev, PERF_EVENT_IOC_DISABLE, PERF_IOC_FLAG_GROUP);
	syscall(SYS_ioctl, ev, PERF_EVENT_IOC_RESET, 0);
	syscall(SYS_ioctl, ev, PERF_EVENT_IOC_SET_OUTPUT, -1);
	/* (not a sampling event, no ring buffer, no filters: EINVAL) */
	uint64_t *period = A(sizeof(*period));
	*period = 7;
	syscall(SYS_ioctl, ev, PERF_EVENT_IOC_PERIOD, period);
	syscall(SYS_ioctl, ev, PERF_EVENT_IOC_REFRESH, 1);
	syscall(SYS_ioctl, ev, PERF_EVENT_IOC_PAUSE_OUTPUT, 1);
	syscall(SYS_ioctl, ev, PERF_EVENT_IOC_SET_FILTER, S("gt-filter"));
	syscall(SYS_ioctl, ev, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, pe); /* (breakpoints only: EOPNOTSUPP) */
	syscall(SYS_close, ev);
	syscall(SYS_ioctl, -1, PERF_EVENT_IOC_ID, period);
	syscall(SYS_ioctl, -1, PERF_EVENT_IOC_SET_BPF, 3);
	uint32_t *q = A(4 * sizeof(uint32_t));
	q[0] = 2;
	syscall(SYS_ioctl, -1, PERF_EVENT_IOC_QUERY_BPF, q);
	pe->type = PERF_TYPE_HW_CACHE;
	pe->config = PERF_COUNT_HW_CACHE_LL | PERF_COUNT_HW_CACHE_OP_WRITE << 8 | PERF_COUNT_HW_CACHE_RESULT_MISS << 16;
	pe->freq = 1;
	pe->sample_freq = 250;
	pe->sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_TID;
	pe->read_format = PERF_FORMAT_ID;
	pe->precise_ip = 2;
	syscall(SYS_perf_event_open, pe, -1, -1, -1, 0x100); /* (an unknown flag) */
	pe->type = PERF_TYPE_HARDWARE;
	pe->config = 1ULL << 32 | PERF_COUNT_HW_INSTRUCTIONS;
	pe->size = 0;
	syscall(SYS_perf_event_open, pe, -1, -1, -1, 0x100);
	pe->size = 1;
	syscall(SYS_perf_event_open, pe, -1, -1, -1, 0x100);

	unsigned *action = A(sizeof(unsigned));
	*action = SECCOMP_RET_LOG;
	syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, action);
	syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, A(sizeof(struct seccomp_notif_sizes)));
	struct sock_filter *f = A(2 * sizeof(*f));
	f[0] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 0);
	f[1] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 1);
	struct sock_fprog *fp = A(sizeof(*fp));
	fp->len = 2;
	fp->filter = f;
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0x100, fp); /* (an unknown flag) */
	syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 1, NULL);
	fp->len = 0; /* (an empty program: EINVAL) */
	syscall(SYS_prctl, PR_SET_SECCOMP, SECCOMP_MODE_FILTER, fp, 0, 0);
	syscall(SYS_prctl, PR_SET_SECCOMP, 5, 0, 0, 0);
	/* The notification ioctls, to descriptor -1. */
	struct seccomp_notif_resp *resp = A(sizeof(*resp));
	resp->id = 0x1234;
	resp->val = 5;
	resp->error = -EPERM;
	resp->flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
	syscall(SYS_ioctl, -1, SECCOMP_IOCTL_NOTIF_SEND, resp);
	syscall(SYS_ioctl, -1, SECCOMP_IOCTL_NOTIF_ID_VALID, &resp->id);
	struct seccomp_notif_addfd *addfd = A(sizeof(*addfd));
	addfd->id = 0x1234;
	addfd->flags = SECCOMP_ADDFD_FLAG_SETFD;
	addfd->newfd = 5;
	addfd->newfd_flags = O_CLOEXEC;
	syscall(SYS_ioctl, -1, SECCOMP_IOCTL_NOTIF_ADDFD, addfd);
	struct seccomp_notif *notif = A(sizeof(*notif));
	syscall(SYS_ioctl, -1, SECCOMP_IOCTL_NOTIF_RECV, notif);
	notif->id = 7;
	notif->pid = 1;
	notif->data.nr = SYS_getpid;
	notif->data.arch = AUDIT_ARCH_X86_64;
	notif->data.instruction_pointer = 0x401000;
	notif->data.args[0] = 1;
	syscall(SYS_ioctl, -1, SECCOMP_IOCTL_NOTIF_RECV, notif); /* (not zeroed: printed at entry too) */
	notif->data.nr = 20; /* i386's getpid */
	notif->data.arch = AUDIT_ARCH_I386;
	syscall(SYS_ioctl, -1, SECCOMP_IOCTL_NOTIF_RECV, notif);
	notif->data.arch = AUDIT_ARCH_AARCH64;
	syscall(SYS_ioctl, -1, SECCOMP_IOCTL_NOTIF_RECV, notif);
}

/* Linux AIO: a context, one write through it, its event. */
static void aio(void)
{
	aio_context_t *ctx = A(sizeof(*ctx));
	syscall(SYS_io_setup, 1, ctx);
	int fd = syscall(SYS_openat, AT_FDCWD, S("gt-aio"), O_RDWR | O_CREAT | O_TRUNC, 0600);
	struct iocb *cb = A(sizeof(*cb));
	cb->aio_data = 0x1234;
	cb->aio_lio_opcode = IOCB_CMD_PWRITE;
	cb->aio_fildes = fd;
	cb->aio_buf = (uintptr_t)S("hello");
	cb->aio_nbytes = 5;
	struct iocb **cbs = A(2 * sizeof(*cbs));
	cbs[0] = cb;
	syscall(SYS_io_submit, *ctx, 1, cbs);
	struct io_event *ev = A(2 * sizeof(*ev));
	struct timespec *ts = A(sizeof(*ts));
	ts->tv_sec = 1;
	syscall(SYS_io_getevents, *ctx, 1, 2, ev, ts);
	syscall(SYS_io_cancel, *ctx, cb, ev);
	struct iocb *vcb = A(sizeof(*vcb));
	struct iovec *iov = A(sizeof(*iov));
	iov->iov_base = S("vec");
	iov->iov_len = 3;
	vcb->aio_lio_opcode = IOCB_CMD_PWRITEV;
	vcb->aio_fildes = -1;
	vcb->aio_buf = (uintptr_t)iov;
	vcb->aio_nbytes = 1;
	vcb->aio_offset = 7;
	vcb->aio_flags = IOCB_FLAG_RESFD;
	vcb->aio_resfd = -1;
	cbs[0] = vcb;
	syscall(SYS_io_submit, *ctx, 1, cbs); /* (EBADF) */
	syscall(SYS_io_pgetevents, *ctx, 0, 1, ev, ts, NULL);
	syscall(SYS_io_destroy, *ctx);
	syscall(SYS_close, fd);
	syscall(SYS_unlinkat, AT_FDCWD, S("gt-aio"), 0);
}

/* Processes and signals. */
static void procs(void)
{
	char *buf = A(256);
	long pid = syscall(SYS_getpid);
	syscall(SYS_kill, pid, SIGUSR1); /* the handler returns through rt_sigreturn */
	long child = syscall(SYS_clone, SIGCHLD, 0, NULL, NULL, 0);
	if (child == 0)
		syscall(SYS_exit, 0);
	siginfo_t *si = A(sizeof(*si));
	syscall(SYS_waitid, P_PID, child, si, WEXITED, NULL);
	child = syscall(SYS_vfork);
	if (child == 0)
		syscall(SYS_exit_group, 0);
	syscall(SYS_wait4, child, NULL, 0, NULL);
	char **argv = A(3 * sizeof(char *));
	argv[0] = S("lt-missing");
	syscall(SYS_execve, S("lt-missing"), argv, NULL);
	syscall(SYS_execveat, AT_FDCWD, S("lt-missing"), argv, NULL, 0);
	syscall(SYS_ptrace, PTRACE_PEEKDATA, 0, NULL, NULL);
	syscall(SYS_kcmp, pid, pid, KCMP_FILE, 1, 1);
	unsigned *cpu = A(sizeof(*cpu));
	syscall(SYS_getcpu, cpu, NULL, NULL);
	syscall(SYS_set_robust_list, NULL, 0);
	syscall(SYS_get_robust_list, 0, NULL, NULL);
	syscall(SYS_rseq, NULL, 0, 1, 0);
	syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, NULL);
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, NULL);
	syscall(SYS_membarrier, 1 << 10, 0, 0); /* (an unknown command) */
	syscall(SYS_pidfd_open, pid, 0);
	syscall(SYS_pidfd_getfd, -1, 0, 0);
	syscall(SYS_pidfd_send_signal, -1, 0, NULL, 0);
	syscall(SYS_rt_sigqueueinfo, pid, 0, NULL);
	syscall(SYS_rt_tgsigqueueinfo, pid, pid, 0, NULL);
	uint64_t *ruleset = A(16);
	ruleset[0] = 1; /* LANDLOCK_ACCESS_FS_EXECUTE */
	syscall(SYS_landlock_create_ruleset, ruleset, 8, 0xff00);
	syscall(SYS_landlock_add_rule, -1, 1, NULL, 0);
	syscall(SYS_landlock_restrict_self, -1, 0);
	syscall(SYS_bpf, 1000, NULL, 0);
	syscall(SYS_perf_event_open, NULL, 0, -1, -1, 0);
	syscall(SYS_fanotify_init, 0xffffffff, 0);
	syscall(SYS_recvmmsg, -1, NULL, 0, 0, NULL);
	syscall(SYS_sendmmsg, -1, NULL, 0, 0);
	syscall(SYS_futex_waitv, NULL, 0, 0, NULL, CLOCK_MONOTONIC); /* Linux >= 5.16 */
	(void)buf;
}

/*
 * Socket options with values of their own: set on a socket of the pair
 * and read back, or given to descriptor -1 (EBADF: decoded all the same).
 */
/* From linux/icmp.h, which clashes with net/if.h. */
#define ICMP_FILTER 1
#define ICMP_ECHOREPLY 0
#define ICMP_DEST_UNREACH 3
struct icmp_filter { uint32_t data; };

static void sockopts(int fd)
{
	unsigned *len = A(sizeof(unsigned));
	int *v = A(16);
	*len = sizeof(int);
	syscall(SYS_getsockopt, fd, SOL_SOCKET, SO_ERROR, v, len);
	*len = sizeof(int);
	syscall(SYS_getsockopt, fd, SOL_SOCKET, SO_TYPE, v, len);
	*len = 2;
	syscall(SYS_getsockopt, fd, SOL_SOCKET, SO_PASSCRED, v, len);
	*len = 16;
	syscall(SYS_getsockopt, fd, SOL_SOCKET, SO_RCVTIMEO, v, len);
	*len = 4;
	syscall(SYS_getsockopt, fd, SOL_SOCKET, SO_LINGER, v, len);
	syscall(SYS_getsockopt, fd, SOL_SOCKET, SO_TYPE, v, NULL);
	struct linger *lg = A(sizeof(*lg));
	lg->l_onoff = 1;
	lg->l_linger = 5;
	syscall(SYS_setsockopt, fd, SOL_SOCKET, SO_LINGER, lg, sizeof(*lg));
	syscall(SYS_setsockopt, fd, SOL_SOCKET, SO_LINGER, lg, 4);
	*v = 1;
	syscall(SYS_setsockopt, fd, SOL_SOCKET, SO_REUSEADDR, v, 8);
	syscall(SYS_setsockopt, fd, SOL_SOCKET, SO_KEEPALIVE, v, 2);
	struct timeval *tv = A(sizeof(*tv));
	tv->tv_sec = 3;
	syscall(SYS_setsockopt, fd, SOL_SOCKET, SO_SNDTIMEO, tv, sizeof(*tv));
	struct sock_filter *f = A(3 * sizeof(*f));
	f[0] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, SKF_AD_OFF + SKF_AD_PROTOCOL);
	f[1] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 1, 0, 1);
	f[2] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, 0xffff);
	struct sock_fprog *fp = A(sizeof(*fp));
	fp->len = 3;
	fp->filter = f;
	syscall(SYS_setsockopt, fd, SOL_SOCKET, SO_ATTACH_FILTER, fp, sizeof(*fp));
	syscall(SYS_setsockopt, fd, SOL_SOCKET, SO_DETACH_FILTER, v, sizeof(int));
	syscall(SYS_setsockopt, -1, SOL_SOCKET, SO_TXREHASH, v, sizeof(int));
	struct ip_mreq *mreq = A(sizeof(*mreq));
	mreq->imr_multiaddr.s_addr = htonl(0xe00000fb);
	mreq->imr_interface.s_addr = htonl(INADDR_LOOPBACK);
	syscall(SYS_setsockopt, -1, SOL_IP, IP_ADD_MEMBERSHIP, mreq, sizeof(*mreq));
	struct ipv6_mreq *mreq6 = A(sizeof(*mreq6));
	mreq6->ipv6mr_multiaddr.s6_addr[0] = 0xff;
	mreq6->ipv6mr_multiaddr.s6_addr[1] = 0x02;
	mreq6->ipv6mr_multiaddr.s6_addr[15] = 0x01;
	syscall(SYS_setsockopt, -1, SOL_IPV6, IPV6_DROP_MEMBERSHIP, mreq6, sizeof(*mreq6));
	struct group_req *greq = A(sizeof(*greq));
	struct sockaddr_in *gin = (struct sockaddr_in *)&greq->gr_group;
	gin->sin_family = AF_INET;
	gin->sin_addr.s_addr = htonl(0xe00000fb);
	syscall(SYS_setsockopt, -1, SOL_IP, MCAST_JOIN_GROUP, greq, sizeof(*greq));
	syscall(SYS_setsockopt, -1, SOL_IPV6, MCAST_LEAVE_GROUP, greq, 8);
	struct tpacket_req *req = A(sizeof(*req));
	req->tp_block_size = 256;
	req->tp_block_nr = 2;
	req->tp_frame_size = 128;
	req->tp_frame_nr = 4;
	syscall(SYS_setsockopt, -1, SOL_PACKET, PACKET_RX_RING, req, sizeof(*req));
	struct packet_mreq *pm = A(sizeof(*pm));
	pm->mr_type = PACKET_MR_PROMISC;
	pm->mr_alen = 6;
	memcpy(pm->mr_address, "\x02\x00\x00\xaa\xbb\xcc", 6);
	syscall(SYS_setsockopt, -1, SOL_PACKET, PACKET_ADD_MEMBERSHIP, pm, sizeof(*pm));
	struct icmp_filter *icmpf = A(sizeof(*icmpf));
	icmpf->data = ~(1U << ICMP_ECHOREPLY | 1U << ICMP_DEST_UNREACH);
	syscall(SYS_setsockopt, -1, SOL_RAW, ICMP_FILTER, icmpf, sizeof(*icmpf));
	syscall(SYS_setsockopt, -1, SOL_NETLINK, 1 /* NETLINK_ADD_MEMBERSHIP */, v, sizeof(int));
}

/*
 * Socket ioctls on the loopback interface, which every machine has as
 * interface 1 with 127.0.0.1 once up; settings go to descriptor -1.
 */
static void sockioctls(void)
{
	int s = syscall(SYS_socket, AF_INET, SOCK_DGRAM, 0);
	struct ifreq *ifr = A(sizeof(*ifr));
	strcpy(ifr->ifr_name, "lo");
	syscall(SYS_ioctl, s, SIOCGIFINDEX, ifr);
	syscall(SYS_ioctl, s, SIOCGIFFLAGS, ifr);
	syscall(SYS_ioctl, s, SIOCGIFMTU, ifr);
	syscall(SYS_ioctl, s, SIOCGIFADDR, ifr);
	syscall(SYS_ioctl, s, SIOCGIFNETMASK, ifr);
	syscall(SYS_ioctl, s, SIOCGIFHWADDR, ifr);
	ifr->ifr_ifindex = 1;
	syscall(SYS_ioctl, s, SIOCGIFNAME, ifr);
	strcpy(ifr->ifr_name, "gt-missing");
	syscall(SYS_ioctl, s, SIOCGIFINDEX, ifr);
	struct ifconf *ifc = A(sizeof(*ifc));
	ifc->ifc_len = sizeof(struct ifreq);
	ifc->ifc_req = A(sizeof(struct ifreq));
	syscall(SYS_ioctl, s, SIOCGIFCONF, ifc);
	int *owner = A(sizeof(int));
	syscall(SYS_ioctl, s, FIOGETOWN, owner);
	syscall(SYS_ioctl, s, FIOSETOWN, owner);
	syscall(SYS_close, s);
	ifr->ifr_mtu = 280;
	syscall(SYS_ioctl, -1, SIOCSIFMTU, ifr);
	ifr->ifr_flags = IFF_UP | IFF_RUNNING;
	syscall(SYS_ioctl, -1, SIOCSIFFLAGS, ifr);
	syscall(SYS_ioctl, -1, SIOCETHTOOL, ifr);
	syscall(SYS_ioctl, -1, SIOCBRADDBR, S("gt-br"));
	syscall(SYS_ioctl, -1, 0x89ff, ifr);

	/* Terminal structures, to descriptor -1: decoded at entry. */
	struct termios2 *t2 = A(sizeof(*t2));
	t2->c_iflag = ICRNL | IXON;
	t2->c_oflag = OPOST | ONLCR;
	t2->c_cflag = BOTHER | CS8 | CREAD;
	t2->c_lflag = ICANON | ECHO;
	t2->c_ispeed = t2->c_ospeed = 115200;
	syscall(SYS_ioctl, -1, TCSETS2, t2);
	syscall(SYS_ioctl, -1, TCGETS2, t2);
	struct termio *t1 = A(sizeof(*t1));
	t1->c_cflag = B9600 | CS7;
	t1->c_lflag = ISIG;
	syscall(SYS_ioctl, -1, TCSETAW, t1);
	syscall(SYS_ioctl, -1, TCGETA, t1);
	syscall(SYS_ioctl, -1, TIOCSLCKTRMIOS, t2);
	int *modem = A(sizeof(int));
	*modem = TIOCM_DTR | TIOCM_RTS | 0x10000;
	syscall(SYS_ioctl, -1, TIOCMBIS, modem);
	syscall(SYS_ioctl, -1, TIOCMGET, modem);
}

/* Control messages and message vectors on a datagram socket pair. */
static void messages(void)
{
	int *sv = A(2 * sizeof(int));
	syscall(SYS_socketpair, AF_UNIX, SOCK_DGRAM, 0, sv);
	int *one = A(sizeof(int));
	*one = 1;
	syscall(SYS_setsockopt, sv[1], SOL_SOCKET, SO_PASSCRED, one, sizeof(int));
	struct iovec *iov = A(sizeof(*iov));
	iov->iov_base = S("ping");
	iov->iov_len = 4;
	struct msghdr *mh = A(sizeof(*mh));
	mh->msg_iov = iov;
	mh->msg_iovlen = 1;
	mh->msg_control = A(CMSG_SPACE(sizeof(int)));
	mh->msg_controllen = CMSG_SPACE(sizeof(int));
	struct cmsghdr *cm = CMSG_FIRSTHDR(mh);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &sv[0], sizeof(int));
	syscall(SYS_sendmsg, sv[0], mh, 0);
	struct iovec *in = A(sizeof(*in));
	in->iov_base = A(16);
	in->iov_len = 16;
	struct msghdr *rh = A(sizeof(*rh));
	rh->msg_iov = in;
	rh->msg_iovlen = 1;
	rh->msg_control = A(64);
	rh->msg_controllen = 64;
	syscall(SYS_recvmsg, sv[1], rh, 0);
	struct mmsghdr *vec = A(2 * sizeof(*vec));
	for (int i = 0; i < 2; i++) {
		vec[i].msg_hdr.msg_iov = iov;
		vec[i].msg_hdr.msg_iovlen = 1;
	}
	syscall(SYS_sendmmsg, sv[0], vec, 2, 0);
	struct mmsghdr *rvec = A(2 * sizeof(*rvec));
	for (int i = 0; i < 2; i++) {
		rvec[i].msg_hdr.msg_iov = in;
		rvec[i].msg_hdr.msg_iovlen = 1;
	}
	syscall(SYS_recvmmsg, sv[1], rvec, 2, MSG_DONTWAIT, NULL);
	struct sockaddr_un *from = A(sizeof(*from));
	unsigned *fromlen = A(sizeof(unsigned));
	*fromlen = sizeof(*from);
	syscall(SYS_recvfrom, sv[1], in->iov_base, 16, MSG_DONTWAIT, from, fromlen);
	struct ucred *cred = A(sizeof(*cred));
	*fromlen = sizeof(*cred);
	syscall(SYS_getsockopt, sv[0], SOL_SOCKET, SO_PEERCRED, cred, fromlen);
	struct linger *lg = A(sizeof(*lg));
	*fromlen = sizeof(*lg);
	syscall(SYS_getsockopt, sv[0], SOL_SOCKET, SO_LINGER, lg, fromlen);
	sockopts(sv[0]);
	sockioctls();
}

int main(int argc, char **argv)
{
	/* The set-up before the marker: not compared. */
	if (arena_map() != 0)
		return 1;
	if (argc > 1 && chdir(argv[1]) != 0)
		return 1;
	syscall(SYS_close_range, 3, ~0U, 0);
	syscall(SYS_umask, 022);
	syscall(SYS_personality, 0);
	signal(SIGUSR1, on_usr1);
	sigset_t usr2;
	sigemptyset(&usr2);
	sigaddset(&usr2, SIGUSR2);
	sigprocmask(SIG_SETMASK, &usr2, NULL);

	syscall(SYS_close, -100); /* the marker */
	never();
	keys();
	sysv();
	creds();
	sched();
	files();
	admin();
	memory();
	async();
	procs();
	kernel_programs();
	messages();
	static const char done[] = "gt-longtail: done\n";
	syscall(SYS_write, 1, S(done), sizeof(done) - 1);
	syscall(SYS_exit_group, 0);
	return 0;
}
