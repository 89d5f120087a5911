/*
 * gt-threads DIR N K: N threads, started together, each doing K rounds of
 * openat/write/close/openat/read/close on its own marker file DIR/gt-thread-I,
 * then unlink, every call followed by its account line (see account.h).
 * At the end it prints
 *   THREADS n=N k=K cpus=C overlap=M
 * C: how many distinct CPUs the threads ran on; M: the most threads seen
 * inside a round at the same time (2 or more means they really overlapped).
 */
#include "account.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>

#define FLAGS(f) (f), #f
#define MAXTHREADS 64
#define MAXCPUS 1024

static const char *dir;
static long rounds;
static pthread_barrier_t start;
static atomic_int inside, overlap;
static atomic_uchar seen[MAXCPUS];

static void note_cpu(void)
{
	unsigned cpu = 0;
	if (syscall(SYS_getcpu, &cpu, NULL, NULL) == 0 && cpu < MAXCPUS)
		atomic_store(&seen[cpu], 1);
}

static long do_openat(const char *path, int flags, const char *fname, int mode)
{
	long fd = gt_openat(path, flags, fname, mode);
	if (fd < 0)
		gt_fail("openat", fd, errno);
	return fd;
}

static void do_close(long fd)
{
	long r = gt_close(fd);
	if (r != 0)
		gt_fail("close", r, errno);
}

static void round_trip(const char *path, long id, long r)
{
	char msg[32];
	int len = snprintf(msg, sizeof(msg), "thread %ld round %ld\n", id, r);
	struct gt_buf c = { .n = 0 };

	long fd = do_openat(path, FLAGS(O_WRONLY|O_CREAT|O_TRUNC), 0600);
	long n = syscall(SYS_write, fd, msg, len);
	int err = errno;
	gt_printf(&c, "write(%ld, ", fd);
	gt_quote(&c, (const unsigned char *)msg, len, 1);
	gt_printf(&c, ", %d)", len);
	gt_account(&c, n, err);
	if (n != len)
		gt_fail("write", n, err);
	do_close(fd);

	char buf[64];
	fd = do_openat(path, FLAGS(O_RDONLY), 0);
	n = syscall(SYS_read, fd, buf, sizeof(buf));
	err = errno;
	c.n = 0;
	gt_printf(&c, "read(%ld, ", fd);
	if (n >= 0)
		gt_quote(&c, (const unsigned char *)buf, n, 1);
	else
		gt_printf(&c, "%p", (void *)buf);
	gt_printf(&c, ", %zu)", sizeof(buf));
	gt_account(&c, n, err);
	if (n != len || memcmp(buf, msg, len) != 0)
		gt_fail("read back", n, err);
	do_close(fd);
}

static void *worker(void *arg)
{
	long id = (long)arg;
	char path[4096], name[32];
	snprintf(name, sizeof(name), "gt-thread-%ld", id);
	gt_join(path, sizeof(path), dir, name);
	gt_ident();
	pthread_barrier_wait(&start);
	for (long r = 0; r < rounds; r++) {
		int now = atomic_fetch_add(&inside, 1) + 1;
		int max = atomic_load(&overlap);
		while (now > max && !atomic_compare_exchange_weak(&overlap, &max, now))
			;
		note_cpu();
		round_trip(path, id, r);
		note_cpu();
		atomic_fetch_sub(&inside, 1);
	}
	long r = syscall(SYS_unlink, path);
	int err = errno;
	struct gt_buf c = { .n = 0 };
	gt_puts(&c, "unlink(");
	gt_path(&c, path);
	gt_puts(&c, ")");
	gt_account(&c, r, err);
	if (r != 0)
		gt_fail("unlink", r, err);
	return NULL;
}

int main(int argc, char **argv)
{
	long n = argc == 4 ? atol(argv[2]) : 0;
	rounds = argc == 4 ? atol(argv[3]) : 0;
	if (n < 1 || n > MAXTHREADS || rounds < 1) {
		fprintf(stderr, "usage: gt-threads DIR N K (1 <= N <= %d, K >= 1)\n", MAXTHREADS);
		return 2;
	}
	dir = argv[1];
	gt_ident();
	pthread_t th[MAXTHREADS];
	pthread_barrier_init(&start, NULL, n);
	for (long i = 0; i < n; i++)
		if (pthread_create(&th[i], NULL, worker, (void *)i) != 0)
			gt_fail("pthread_create", -1, errno);
	for (long i = 0; i < n; i++)
		pthread_join(th[i], NULL);
	int cpus = 0;
	for (int i = 0; i < MAXCPUS; i++)
		cpus += atomic_load(&seen[i]);
	gt_say("THREADS n=%ld k=%ld cpus=%d overlap=%d", n, rounds, cpus, atomic_load(&overlap));
	gt_exit(0);
}
