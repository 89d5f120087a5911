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
	"select": {NArgs: 1, Class: D, dec: decOldSelect, ret: oldSelectRet},
}

// oldSelectArgs replaces the arguments by the five longs of i386's
// struct sel_arg_struct at the first, or reports that it is unreadable.
func (c *ctx) oldSelectArgs() bool { return c.argsAt(c.a[0], 5) }

// decOldSelect prints select(n, inp, outp, exp, tvp) from the structure
// (strace prints it so), or its address.
func decOldSelect(c *ctx) {
	if !c.oldSelectArgs() {
		if !c.exiting {
			c.ptr(c.a[0])
		}
		return
	}
	decSelect(c)
}

func oldSelectRet(c *ctx) {
	if c.a != &c.fixed && !c.oldSelectArgs() {
		c.long(uint64(c.ret))
		return
	}
	selectRet(c)
}
