package linux

// The i386 calls of times with a 32-bit time_t: their x86-64 rows read
// timespecs, timevals, itimers and select's sets of the process's width.
// i386's old select, which passes its five arguments in memory, has a
// row of its own.

// i386Times are the calls whose x86-64 rows print their i386 layouts.
var i386Times = map[string]bool{
	"clock_gettime": true, "clock_settime": true, "clock_getres": true,
	"clock_nanosleep": true, "nanosleep": true, "gettimeofday": true,
	"settimeofday": true, "time": true, "utime": true, "utimes": true,
	"futimesat": true, "utimensat": true, "getitimer": true, "setitimer": true,
	"timer_settime": true, "timer_gettime": true, "timerfd_settime": true,
	"timerfd_gettime": true, "sched_rr_get_interval": true, "futex": true,
	"ppoll": true, "pselect6": true, "_newselect": true,
	"adjtimex": true, "clock_adjtime": true,
	// 64-bit times, but the compat sigset pair and siginfo.
	"pselect6_time64": true, "rt_sigtimedwait_time64": true,
}

// i386TimeRows are the i386-only calls of this domain.
var i386TimeRows = map[string]*Syscall{
	"select": {NArgs: 1, Class: D, Args: a(aPtr), sub: oldSelectSub},
}

// oldSelectSub reads the old select's struct sel_arg_struct (five
// longs): printed as select(n, inp, outp, exp, tvp), or select(args)
// when it cannot be read, as strace prints them.
func oldSelectSub(c *ctx) *Syscall {
	if !c.argsAt(c.a[0], 5) {
		return nil
	}
	return i386Sub()["old select"]
}
