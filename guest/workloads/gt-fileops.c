/*
 * gt-fileops DIR: file system calls on marker paths under DIR, each
 * followed by its account line (see account.h). DIR must exist; the
 * program leaves it as it found it. Exit status 0 when every call
 * returned what it should.
 */
#include "account.h"

#include <fcntl.h>
#include <sys/stat.h>

/* FLAGS passes flags to the call and their source text to the account. */
#define FLAGS(f) (f), #f

static const char hello[] = "hello from gt-fileops\n";

/* do_path1 makes a call whose only argument is a path (unlink, rmdir). */
static long do_path1(const char *name, long nr, const char *path)
{
	long r = syscall(nr, path);
	int err = errno;
	struct gt_buf c = { .n = 0 };
	gt_printf(&c, "%s(", name);
	gt_path(&c, path);
	gt_puts(&c, ")");
	gt_account(&c, r, err);
	return r;
}

static void check(const char *what, long got, long want)
{
	if (got != want)
		gt_fail(what, got, errno);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: gt-fileops DIR\n");
		return 2;
	}
	const char *dir = argv[1];
	char a[4096], d[4096], b[4096], none[4096];
	gt_join(a, sizeof(a), dir, "gt-a");
	gt_join(d, sizeof(d), dir, "gt-d");
	gt_join(none, sizeof(none), dir, "gt-none");
	gt_join(b, sizeof(b), d, "gt-b");
	gt_ident();

	struct gt_buf c = { .n = 0 };
	long r = syscall(SYS_mkdir, d, 0750);
	int err = errno;
	gt_puts(&c, "mkdir(");
	gt_path(&c, d);
	gt_puts(&c, ", 0750)");
	gt_account(&c, r, err);
	check("mkdir", r, 0);

	long fd = gt_openat(a, FLAGS(O_WRONLY|O_CREAT|O_TRUNC), 0640);
	if (fd < 0)
		gt_fail("openat", fd, errno);
	r = syscall(SYS_write, fd, hello, sizeof(hello) - 1);
	err = errno;
	c.n = 0;
	gt_printf(&c, "write(%ld, ", fd);
	gt_quote(&c, (const unsigned char *)hello, sizeof(hello) - 1, 1);
	gt_printf(&c, ", %zu)", sizeof(hello) - 1);
	gt_account(&c, r, err);
	check("write", r, sizeof(hello) - 1);
	check("close", gt_close(fd), 0);

	fd = gt_openat(a, FLAGS(O_RDONLY), 0);
	if (fd < 0)
		gt_fail("openat", fd, errno);
	char buf[64];
	r = syscall(SYS_read, fd, buf, sizeof(buf));
	err = errno;
	c.n = 0;
	gt_printf(&c, "read(%ld, ", fd);
	if (r >= 0)
		gt_quote(&c, (const unsigned char *)buf, r, 1);
	else
		gt_printf(&c, "%p", (void *)buf);
	gt_printf(&c, ", %zu)", sizeof(buf));
	gt_account(&c, r, err);
	check("read", r, sizeof(hello) - 1);
	check("close", gt_close(fd), 0);

	struct stat st;
	r = syscall(SYS_newfstatat, AT_FDCWD, a, &st, 0);
	err = errno;
	c.n = 0;
	gt_puts(&c, "newfstatat(AT_FDCWD, ");
	gt_path(&c, a);
	if (r == 0)
		gt_printf(&c, ", {st_mode=S_IFREG|%#o, st_size=%lld, ...}, 0)",
			  (unsigned)(st.st_mode & 07777), (long long)st.st_size);
	else
		gt_printf(&c, ", %p, 0)", (void *)&st);
	gt_account(&c, r, err);
	check("newfstatat", r, 0);
	if (!S_ISREG(st.st_mode))
		gt_fail("newfstatat: not a regular file", 0, 0);

	r = syscall(SYS_rename, a, b);
	err = errno;
	c.n = 0;
	gt_puts(&c, "rename(");
	gt_path(&c, a);
	gt_puts(&c, ", ");
	gt_path(&c, b);
	gt_puts(&c, ")");
	gt_account(&c, r, err);
	check("rename", r, 0);

	check("unlink", do_path1("unlink", SYS_unlink, b), 0);
	check("rmdir", do_path1("rmdir", SYS_rmdir, d), 0);

	/* Calls that fail: strace prints -1 ENOENT (No such file or directory). */
	r = syscall(SYS_unlinkat, AT_FDCWD, none, 0);
	err = errno;
	c.n = 0;
	gt_puts(&c, "unlinkat(AT_FDCWD, ");
	gt_path(&c, none);
	gt_puts(&c, ", 0)");
	gt_account(&c, r, err);
	if (r != -1 || err != ENOENT)
		gt_fail("unlinkat of a missing path", r, err);
	r = gt_openat(none, FLAGS(O_RDONLY), 0);
	if (r != -1)
		gt_fail("openat of a missing path", r, errno);

	gt_exit(0);
}
