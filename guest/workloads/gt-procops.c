/*
 * gt-procops: process calls, each followed by its account line (see
 * account.h). The parent forks; the child first tries to execve a
 * missing file (ENOENT), then execve's this program again as
 * "gt-procops child", which accounts that execve and exits with status 3.
 * The parent reaps it with wait4, tries wait4 once more (ECHILD) and
 * exits 0.
 */
#include "account.h"

#include <sys/auxv.h>
#include <sys/wait.h>

#define CHILD_STATUS 3

/* quote_argv appends an argv array the way strace prints it. */
static void quote_argv(struct gt_buf *c, char *const argv[])
{
	gt_puts(c, "[");
	for (int i = 0; argv[i]; i++) {
		if (i)
			gt_puts(c, ", ");
		gt_path(c, argv[i]);
	}
	gt_puts(c, "]");
}

static void render_execve(struct gt_buf *c, const char *path, char *const argv[], const char *envp)
{
	gt_puts(c, "execve(");
	gt_path(c, path);
	gt_puts(c, ", ");
	quote_argv(c, argv);
	/* The environment has one variable, which carries the array's address. */
	gt_printf(c, ", %s /* 1 var */)", envp);
}

/* child runs after the execve: it accounts the call that started it. */
static void child(char **argv)
{
	gt_ident();
	const char *envp = getenv("GT_ENVP");
	const char *path = (const char *)getauxval(AT_EXECFN);
	if (!envp || !path)
		gt_fail("child: no GT_ENVP or AT_EXECFN", 0, 0);
	struct gt_buf c = { .n = 0 };
	render_execve(&c, path, argv, envp);
	gt_account(&c, 0, 0);
	gt_exit(CHILD_STATUS);
}

static long do_execve(const char *path, char *const argv[])
{
	static char envstr[64];
	static char *envp[2];
	snprintf(envstr, sizeof(envstr), "GT_ENVP=%p", (void *)envp);
	envp[0] = envstr;
	envp[1] = NULL;
	long r = syscall(SYS_execve, path, argv, envp);
	int err = errno;
	struct gt_buf c = { .n = 0 };
	render_execve(&c, path, argv, envstr + strlen("GT_ENVP="));
	gt_account(&c, r, err);
	return r;
}

static void render_status(struct gt_buf *c, int s)
{
	if (WIFEXITED(s))
		gt_printf(c, "[{WIFEXITED(s) && WEXITSTATUS(s) == %d}]", WEXITSTATUS(s));
	else
		gt_printf(c, "[%#x]", s);
}

static long do_wait4(long pid, int *status)
{
	long r = syscall(SYS_wait4, pid, status, 0, NULL);
	int err = errno;
	struct gt_buf c = { .n = 0 };
	gt_printf(&c, "wait4(%ld, ", pid);
	if (r > 0)
		render_status(&c, *status);
	else
		gt_printf(&c, "%p", (void *)status);
	gt_puts(&c, ", 0, NULL)");
	gt_account(&c, r, err);
	return r;
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "child") == 0)
		child(argv);
	if (argc != 1) {
		fprintf(stderr, "usage: gt-procops\n");
		return 2;
	}
	static char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		gt_fail("readlink /proc/self/exe", n, errno);
	self[n] = 0;
	gt_ident();

	long pid = syscall(SYS_fork);
	if (pid == 0) {
		gt_ident();
		char *cargv[] = { "gt-procops", "child", NULL };
		if (do_execve("/nonexistent/gt-procops", cargv) != -1 || errno != ENOENT)
			gt_fail("execve of a missing file", 0, errno);
		do_execve(self, cargv);
		gt_fail("execve", -1, errno);
	}
	int err = errno;
	struct gt_buf c = { .n = 0 };
	gt_puts(&c, "fork()");
	gt_account(&c, pid, err);
	if (pid < 0)
		gt_fail("fork", pid, err);

	int status = 0;
	if (do_wait4(pid, &status) != pid)
		gt_fail("wait4", -1, errno);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != CHILD_STATUS)
		gt_fail("child status", status, 0);
	if (do_wait4(-1, &status) != -1 || errno != ECHILD)
		gt_fail("wait4 with no children", 0, errno);
	gt_exit(0);
}
