/*
 * arena.h: the differential workloads' arena. Every buffer a call is given
 * lies at a fixed address (mapped by the program at ARENA), so that
 * pointers print the same under strace on the host and in the guest.
 */
#ifndef GT_ARENA_H
#define GT_ARENA_H

#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define ARENA ((char *)0x30000000UL)
#define ARENA_SIZE (1 << 20)

static size_t used;

/* arena_map maps the arena at its fixed address; 0 on success. */
static __attribute__((unused)) int arena_map(void)
{
	if (mmap(ARENA, ARENA_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) != ARENA)
		return -1;
	memset(ARENA, 0, ARENA_SIZE);
	return 0;
}

/* A returns n zeroed bytes of the arena. */
static void *A(size_t n)
{
	void *p = ARENA + used;
	used += (n + 15) & ~(size_t)15;
	if (used > ARENA_SIZE) {
		static const char m[] = "arena full\n";
		syscall(SYS_write, 2, m, sizeof(m) - 1);
		syscall(SYS_exit_group, 1);
	}
	return p;
}

/* S copies a string into the arena. */
static __attribute__((unused)) char *S(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(A(n), s, n);
}

/* M copies n bytes into the arena. */
static __attribute__((unused)) void *M(const void *p, size_t n) { return memcpy(A(n), p, n); }

#ifdef GT_PROG
#include <stdio.h>

/* want ends the program when a call did not return what the plan says. */
static void want(const char *what, long got, long expect)
{
	if (got == expect)
		return;
	char *m = A(256);
	int n = snprintf(m, 256, GT_PROG ": %s returned %ld, want %ld\n", what, got, expect);
	syscall(SYS_write, 2, m, n);
	syscall(SYS_exit_group, 1);
}

#define OK(what, call) want(what, (call), 0)
#endif

#endif
