/*
 * account.h: the account lines the lab's workload programs print.
 *
 * After each system call a workload prints one line on stdout:
 *   WORKLOAD pid=<tgid> tid=<tid> comm=<comm> <call as strace prints it> = <return as strace prints it>
 * so that a tracer's output can be checked against what really happened.
 * The lines are written with writev(2), which the workloads never account,
 * so a trace of write(2) shows only the workloads' own writes.
 */
#ifndef GT_ACCOUNT_H
#define GT_ACCOUNT_H

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

/* strace's default string limit (-s 32). */
#define GT_STRLEN 32

static __thread long gt_tid;
static long gt_pid;
static char gt_comm[17];

/* gt_ident refreshes the cached identity (after fork, exec, or in a new thread). */
static __attribute__((unused)) void gt_ident(void)
{
	gt_pid = syscall(SYS_getpid);
	gt_tid = syscall(SYS_gettid);
	memset(gt_comm, 0, sizeof(gt_comm));
	prctl(PR_GET_NAME, gt_comm, 0, 0, 0);
}

/* gt_buf is a small append-only string builder. */
struct gt_buf {
	char s[1024];
	size_t n;
};

static __attribute__((unused)) void gt_puts(struct gt_buf *b, const char *s)
{
	size_t l = strlen(s);
	if (l > sizeof(b->s) - 1 - b->n)
		l = sizeof(b->s) - 1 - b->n;
	memcpy(b->s + b->n, s, l);
	b->n += l;
	b->s[b->n] = 0;
}

static __attribute__((unused)) void gt_printf(struct gt_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int l = vsnprintf(b->s + b->n, sizeof(b->s) - b->n, fmt, ap);
	va_end(ap);
	if (l > 0)
		b->n += (size_t)l < sizeof(b->s) - b->n ? (size_t)l : sizeof(b->s) - 1 - b->n;
}

/*
 * gt_quote appends the n bytes at p quoted the way strace quotes strings:
 * C escapes for \t \n \v \f \r \" \\, printable ASCII as is, anything else
 * in octal (three digits when a digit follows, so it reads back unchanged).
 * With limit, at most GT_STRLEN bytes are shown and "..." marks the rest.
 */
static __attribute__((unused)) void gt_quote(struct gt_buf *b, const unsigned char *p, size_t n, int limit)
{
	size_t show = n;
	if (limit && show > GT_STRLEN)
		show = GT_STRLEN;
	gt_puts(b, "\"");
	for (size_t i = 0; i < show; i++) {
		unsigned char c = p[i];
		char e[8];
		switch (c) {
		case '"': gt_puts(b, "\\\""); continue;
		case '\\': gt_puts(b, "\\\\"); continue;
		case '\f': gt_puts(b, "\\f"); continue;
		case '\n': gt_puts(b, "\\n"); continue;
		case '\r': gt_puts(b, "\\r"); continue;
		case '\t': gt_puts(b, "\\t"); continue;
		case '\v': gt_puts(b, "\\v"); continue;
		}
		if (c >= ' ' && c < 0x7f) {
			e[0] = (char)c;
			e[1] = 0;
		} else if (i + 1 < show && p[i + 1] >= '0' && p[i + 1] <= '7') {
			snprintf(e, sizeof(e), "\\%03o", c);
		} else {
			snprintf(e, sizeof(e), "\\%o", c);
		}
		gt_puts(b, e);
	}
	gt_puts(b, "\"");
	if (show < n)
		gt_puts(b, "...");
}

/* gt_path appends a NUL-terminated path, quoted (strace does not truncate paths). */
static __attribute__((unused)) void gt_path(struct gt_buf *b, const char *path)
{
	gt_quote(b, (const unsigned char *)path, strlen(path), 0);
}

static __attribute__((unused)) const char *gt_errname(int e)
{
	switch (e) {
#define E(x) case x: return #x;
	E(EPERM) E(ENOENT) E(ESRCH) E(EINTR) E(EIO) E(EBADF) E(ECHILD)
	E(EAGAIN) E(ENOMEM) E(EACCES) E(EFAULT) E(EBUSY) E(EEXIST)
	E(ENOTDIR) E(EISDIR) E(EINVAL) E(EMFILE) E(ENOSPC) E(EROFS)
	E(ENAMETOOLONG) E(ENOTEMPTY) E(ELOOP) E(ENOSYS)
#undef E
	}
	return "E?";
}

/*
 * gt_account prints the account line of one call: b holds the call as
 * strace renders it, ret and err are what syscall(2) returned and errno.
 */
static __attribute__((unused)) void gt_account(struct gt_buf *call, long ret, int err)
{
	struct gt_buf line = { .n = 0 };
	gt_printf(&line, "WORKLOAD pid=%ld tid=%ld comm=%s %s = ", gt_pid, gt_tid, gt_comm, call->s);
	if (ret == -1)
		gt_printf(&line, "-1 %s (%s)\n", gt_errname(err), strerror(err));
	else
		gt_printf(&line, "%ld\n", ret);
	struct iovec iov = { line.s, line.n };
	syscall(SYS_writev, 1, &iov, 1);
}

/* gt_account_noreturn prints the line of a call that does not return (exit_group). */
static __attribute__((unused)) void gt_account_noreturn(struct gt_buf *call)
{
	struct gt_buf line = { .n = 0 };
	gt_printf(&line, "WORKLOAD pid=%ld tid=%ld comm=%s %s = ?\n", gt_pid, gt_tid, gt_comm, call->s);
	struct iovec iov = { line.s, line.n };
	syscall(SYS_writev, 1, &iov, 1);
}

/* gt_exit accounts exit_group(status) and makes the call. */
static __attribute__((noreturn, unused)) void gt_exit(int status)
{
	struct gt_buf c = { .n = 0 };
	gt_printf(&c, "exit_group(%d)", status);
	gt_account_noreturn(&c);
	syscall(SYS_exit_group, status);
	__builtin_unreachable();
}

/* gt_say writes one plain line (not an account) on stdout with writev. */
static __attribute__((unused)) void gt_say(const char *fmt, ...)
{
	struct gt_buf b = { .n = 0 };
	va_list ap;
	va_start(ap, fmt);
	int l = vsnprintf(b.s, sizeof(b.s) - 1, fmt, ap);
	va_end(ap);
	if (l < 0)
		return;
	b.n = (size_t)l < sizeof(b.s) - 1 ? (size_t)l : sizeof(b.s) - 2;
	b.s[b.n++] = '\n';
	struct iovec iov = { b.s, b.n };
	syscall(SYS_writev, 1, &iov, 1);
}

/* gt_join writes dir + "/" + name into out (size n); exits if it does not fit. */
static __attribute__((unused)) void gt_join(char *out, size_t n, const char *dir, const char *name)
{
	if ((size_t)snprintf(out, n, "%s/%s", dir, name) >= n) {
		fprintf(stderr, "workload: path too long: %s/%s\n", dir, name);
		exit(2);
	}
}

/* gt_fail reports an unexpected result on stderr and exits 1. */
static __attribute__((noreturn, unused)) void gt_fail(const char *what, long ret, int err)
{
	fprintf(stderr, "workload: %s returned %ld (%s)\n", what, ret, strerror(err));
	exit(1);
}

/*
 * gt_openat and gt_close make the call on AT_FDCWD-relative paths and
 * account it; they return its result, with errno as the call left it.
 * fname is the flags as strace names them.
 */
static __attribute__((unused)) long gt_openat(const char *path, int flags, const char *fname, int mode)
{
	long fd = syscall(SYS_openat, AT_FDCWD, path, flags, mode);
	int err = errno;
	struct gt_buf c = { .n = 0 };
	gt_puts(&c, "openat(AT_FDCWD, ");
	gt_path(&c, path);
	gt_printf(&c, ", %s", fname);
	if (flags & O_CREAT)
		gt_printf(&c, ", %#o", mode);
	gt_puts(&c, ")");
	gt_account(&c, fd, err);
	errno = err;
	return fd;
}

static __attribute__((unused)) long gt_close(long fd)
{
	long r = syscall(SYS_close, fd);
	int err = errno;
	struct gt_buf c = { .n = 0 };
	gt_printf(&c, "close(%ld)", fd);
	gt_account(&c, r, err);
	errno = err;
	return r;
}

#endif
