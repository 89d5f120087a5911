/*
 * ia32.h: what the i386 workloads share (no C library): the system call
 * through int $0x80, the check that ends the program with status 1, a
 * string copy, and _start, which calls the program's cstart(sp).
 */
#ifndef GT_IA32_H
#define GT_IA32_H

/* The arena: the fixed address the programs' buffers live at, so that
 * the lines they are traced to are exact. */
#define ARENA 0x20000000L

/* i386 system-call numbers (arch/x86/entry/syscalls/syscall_32.tbl). */
enum { NR_exit_group = 252, NR_mmap2 = 192 };

/* sc makes an i386 system call with up to six arguments (the sixth in ebp). */
static long sc(long nr, long a, long b, long c, long d, long e, long f)
{
	long v[2] = { nr, f };
	long r;
	__asm__ volatile("push %%ebp\n\t"
			 "mov 4(%%eax), %%ebp\n\t"
			 "mov (%%eax), %%eax\n\t"
			 "int $0x80\n\t"
			 "pop %%ebp"
			 : "=a"(r)
			 : "a"(v), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
			 : "memory");
	return r;
}

static void want(long got, long expect)
{
	if (got != expect)
		sc(NR_exit_group, 1, 0, 0, 0, 0, 0);
}

static char *copy(char *to, const char *s)
{
	while ((*to++ = *s++))
		;
	return to - 1;
}

/* arena maps the arena (64 KiB) and touches its pages, so that no read
 * of it at a call's entry finds a page not there yet; it checks that the
 * program has one argument. */
static char *arena(long *sp)
{
	if (sp[0] != 2)
		sc(NR_exit_group, 2, 0, 0, 0, 0, 0);
	/* PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS */
	want(sc(NR_mmap2, ARENA, 65536, 3, 0x32, -1, 0), ARENA);
	char *a = (char *)ARENA;
	for (long i = 0; i < 65536; i += 4096)
		a[i] = 0;
	return a;
}

void cstart(long *sp);

__asm__(".globl _start\n"
	"_start:\n\t"
	"xor %ebp, %ebp\n\t"
	"mov %esp, %eax\n\t"
	"and $-16, %esp\n\t"
	"sub $12, %esp\n\t"
	"push %eax\n\t"
	"call cstart\n\t"
	"hlt");

#endif
