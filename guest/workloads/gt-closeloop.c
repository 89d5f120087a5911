/*
 * gt-closeloop N [-v]: close(-1) N times in a tight loop and print
 *   CLOSELOOP n=N usec_per_call=F
 * with F the mean wall time of one call, measured with clock_gettime
 * (vDSO, no system call). With -v each call is also accounted (see
 * account.h), which makes the loop much slower.
 */
#include "account.h"

#include <time.h>

int main(int argc, char **argv)
{
	int verbose = argc == 3 && strcmp(argv[2], "-v") == 0;
	char *end = NULL;
	long n = argc >= 2 ? strtol(argv[1], &end, 10) : -1;
	if (argc < 2 || argc > 3 || (argc == 3 && !verbose) || !end || *end || n < 1) {
		fprintf(stderr, "usage: gt-closeloop N [-v]\n");
		return 2;
	}
	gt_ident();
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (long i = 0; i < n; i++) {
		long r = syscall(SYS_close, -1);
		if (verbose) {
			int err = errno;
			struct gt_buf c = { .n = 0 };
			gt_puts(&c, "close(-1)");
			gt_account(&c, r, err);
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double usec = (t1.tv_sec - t0.tv_sec) * 1e6 + (t1.tv_nsec - t0.tv_nsec) / 1e3;
	gt_say("CLOSELOOP n=%ld usec_per_call=%.3f", n, usec / n);
	if (verbose)
		gt_exit(0);
	return 0;
}
