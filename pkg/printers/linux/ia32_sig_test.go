package linux

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/guestrace/guestrace/pkg/printers"

	"github.com/stretchr/testify/assert"
)

// i386Arena is a process's memory at gt-ia32sig's arena: its path at
// +0x200, structures in at w (+0x1000), out at o (+0x2000).
type i386Arena struct{ flatMem }

const (
	arenaAt = 0x20000000
	arenaW  = arenaAt + 0x1000
	arenaO  = arenaAt + 0x2000
)

func newI386Arena() i386Arena {
	m := i386Arena{flatMem{arenaAt, make([]byte, 65536)}}
	copy(m.data[0x200:], "/d/f\x00")
	copy(m.data[0x300:], "/d\x00")
	return m
}

// put stores 32-bit words at addr.
func (m i386Arena) put(addr uint64, words ...int64) {
	for i, w := range words {
		binary.LittleEndian.PutUint32(m.data[addr-m.base+uint64(4*i):], uint32(w))
	}
}

// TestI386SigLines: the lines strace 6.1 prints for gt-ia32sig's calls
// (times, signals, resources in their 32-bit layouts), from the same
// memory.
func TestI386SigLines(t *testing.T) {
	const file, dir = arenaAt + 0x200, arenaAt + 0x300
	m := newI386Arena()
	neg := func(v int64) uint64 { return uint64(uint32(v)) }
	for _, c := range []struct {
		mem  func()
		name string
		args [6]uint64
		ret  int64
		want string
	}{
		{func() { m.put(arenaW, 1, 2) }, "clock_settime", [6]uint64{1, arenaW}, -22,
			"clock_settime(CLOCK_MONOTONIC, {tv_sec=1, tv_nsec=2}) = -1 EINVAL (Invalid argument)"},
		{func() { m.put(arenaO, 0, 1) }, "clock_getres", [6]uint64{1, arenaO}, 0,
			"clock_getres(CLOCK_MONOTONIC, {tv_sec=0, tv_nsec=1}) = 0"},
		{func() { m.put(arenaW, 0, 1000) }, "clock_nanosleep", [6]uint64{1, 0, arenaW}, 0,
			"clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, NULL) = 0"},
		{nil, "nanosleep", [6]uint64{arenaW}, 0, "nanosleep({tv_sec=0, tv_nsec=1000}, NULL) = 0"},
		{func() { m.put(arenaW, 1, 2000000) }, "settimeofday", [6]uint64{arenaW}, -22,
			"settimeofday({tv_sec=1, tv_usec=2000000}, NULL) = -1 EINVAL (Invalid argument)"},
		{func() { m.put(arenaW, 1, 2, 3, 4) }, "utime", [6]uint64{file, arenaW}, 0,
			`utime("/d/f", {actime=1 /* 1970-01-01T00:00:01+0000 */, modtime=2 /* 1970-01-01T00:00:02+0000 */}) = 0`},
		{nil, "utimes", [6]uint64{file, arenaW}, 0,
			`utimes("/d/f", [{tv_sec=1, tv_usec=2} /* 1970-01-01T00:00:01.000002+0000 */, {tv_sec=3, tv_usec=4} /* 1970-01-01T00:00:03.000004+0000 */]) = 0`},
		{nil, "futimesat", [6]uint64{neg(-100), file, arenaW}, 0,
			`futimesat(AT_FDCWD, "/d/f", [{tv_sec=1, tv_usec=2} /* 1970-01-01T00:00:01.000002+0000 */, {tv_sec=3, tv_usec=4} /* 1970-01-01T00:00:03.000004+0000 */]) = 0`},
		{nil, "utimensat", [6]uint64{neg(-100), file, arenaW}, 0,
			`utimensat(AT_FDCWD, "/d/f", [{tv_sec=1, tv_nsec=2} /* 1970-01-01T00:00:01.000000002+0000 */, {tv_sec=3, tv_nsec=4} /* 1970-01-01T00:00:03.000000004+0000 */], 0) = 0`},
		{func() { m.put(arenaW, 1, 0, 0, 0); m.put(arenaO, 0, 0, 0, 0) }, "setitimer", [6]uint64{0, arenaW, arenaO}, 0,
			"setitimer(ITIMER_REAL, {it_interval={tv_sec=1, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}) = 0"},
		{nil, "getitimer", [6]uint64{0, arenaO}, 0,
			"getitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}) = 0"},
		{func() { m.put(arenaW+16, 5, 12, 0) }, "timer_create", [6]uint64{1, arenaW + 16, arenaO}, 0,
			"timer_create(CLOCK_MONOTONIC, {sigev_value={sival_int=5, sival_ptr=0x5}, sigev_signo=SIGUSR2, sigev_notify=SIGEV_SIGNAL}, [0]) = 0"},
		{nil, "timer_settime", [6]uint64{0, 0, arenaW, arenaO}, 0,
			"timer_settime(0, 0, {it_interval={tv_sec=1, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0"},
		{nil, "timer_gettime", [6]uint64{0, arenaO}, 0,
			"timer_gettime(0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0"},
		// The ...64 calls: 64-bit times.
		{func() { m.put(arenaO, 0, 0, 0, 0, 0, 0, 0, 0) }, "timer_gettime64", [6]uint64{0, arenaO}, 0,
			"timer_gettime64(0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0"},
		{func() { m.put(arenaW+0x100, 1, 0, 2, 0) }, "clock_settime64", [6]uint64{1, arenaW + 0x100}, -22,
			"clock_settime64(CLOCK_MONOTONIC, {tv_sec=1, tv_nsec=2}) = -1 EINVAL (Invalid argument)"},
		{nil, "timerfd_settime", [6]uint64{3, 0, arenaW, arenaO}, 0,
			"timerfd_settime(3, 0, {it_interval={tv_sec=1, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0"},
		{func() { m.put(arenaO, 1) }, "timerfd_gettime", [6]uint64{3, arenaO}, 0,
			"timerfd_gettime(3, {it_interval={tv_sec=1, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0"},
		{func() { m.put(arenaO, 0); m.put(arenaW, 0, 1000) }, "futex", [6]uint64{arenaO, 0, 1, arenaW}, -11,
			"futex(0x20002000, FUTEX_WAIT, 1, {tv_sec=0, tv_nsec=1000}) = -1 EAGAIN (Resource temporarily unavailable)"},
		{func() { m.put(arenaW+32, -1, 1); m.put(arenaW, 0, 0) }, "ppoll", [6]uint64{arenaW + 32, 1, arenaW, 0, 8}, 0,
			"ppoll([{fd=-1}], 1, {tv_sec=0, tv_nsec=0}, NULL, 8) = 0 (Timeout)"},
		{func() { m.put(arenaW+40, 0, 1<<3) }, "pselect6", [6]uint64{40, arenaW + 40, 0, 0, arenaW}, -9,
			"pselect6(40, [35], NULL, NULL, {tv_sec=0, tv_nsec=0}, NULL) = -1 EBADF (Bad file descriptor)"},
		{nil, "_newselect", [6]uint64{40, arenaW + 40, 0, 0, arenaW}, -9,
			"_newselect(40, [35], NULL, NULL, {tv_sec=0, tv_usec=0}) = -1 EBADF (Bad file descriptor)"},
		{func() { m.put(arenaW+48, 40, arenaW+40, 0, 0, arenaW) }, "select", [6]uint64{arenaW + 48}, -9,
			"select(40, [35], NULL, NULL, {tv_sec=0, tv_usec=0}) = -1 EBADF (Bad file descriptor)"},
		{func() { m.put(arenaW+0x100, 0, 0, 0, 0) }, "pselect6_time64", [6]uint64{40, arenaW + 40, 0, 0, arenaW + 0x100}, -9,
			"pselect6_time64(40, [35], NULL, NULL, {tv_sec=0, tv_nsec=0}, NULL) = -1 EBADF (Bad file descriptor)"},
		{func() { m.put(arenaW+80, 0x20003000, 0x04000004, 0x20003010, 1<<11, 0); m.put(arenaO, 0, 0, 0, 0, 0) },
			"rt_sigaction", [6]uint64{10, arenaW + 80, arenaO, 8}, 0,
			"rt_sigaction(SIGUSR1, {sa_handler=0x20003000, sa_mask=[USR2], sa_flags=SA_RESTORER|SA_SIGINFO, sa_restorer=0x20003010}, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0"},
		{func() { m.put(arenaW+100, 0x20003000, 1<<9, 0x10000000) }, "sigaction", [6]uint64{14, arenaW + 100, arenaO}, 0,
			"sigaction(SIGALRM, {sa_handler=0x20003000, sa_mask=[USR1], sa_flags=SA_RESTART}, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}) = 0"},
		{func() { m.put(arenaO, 0x20003000, 1<<9, 0x10000000) }, "sigaction", [6]uint64{14, 0, arenaO}, 0,
			"sigaction(SIGALRM, NULL, {sa_handler=0x20003000, sa_mask=[USR1], sa_flags=SA_RESTART}) = 0"},
		{func() { m.put(arenaW+120, 0x20008000, 0, 8192); m.put(arenaO, 0, 2, 0) }, "sigaltstack", [6]uint64{arenaW + 120, arenaO}, 0,
			"sigaltstack({ss_sp=0x20008000, ss_flags=0, ss_size=8192}, {ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}) = 0"},
		// The stack pointer at the call, given by the tracer.
		{func() { m.put(arenaAt+0x4000+248, 1<<11, 0) }, "rt_sigreturn", [6]uint64{arenaAt + 0x4000}, 0,
			"rt_sigreturn({mask=[USR2]}) = 0"},
		{func() { m.put(arenaAt+0x5000+80, 1<<11); m.put(arenaAt+0x5000+712, 1) }, "sigreturn", [6]uint64{arenaAt + 0x5000}, 0,
			"sigreturn({mask=[USR2 RT_1]}) = 0"},
		{nil, "sigreturn", [6]uint64{arenaAt + 0xfff0}, 0, "sigreturn({mask=0x2000fff0}) = 0"},
		{func() { m.put(arenaW+160, 12, 0, -1, 7, 0, 42); m.put(arenaO, 12, 0, -1, 7, 0, 42) },
			"rt_sigqueueinfo", [6]uint64{1234, 12, arenaW + 160}, 0,
			"rt_sigqueueinfo(1234, SIGUSR2, {si_signo=SIGUSR2, si_code=SI_QUEUE, si_pid=7, si_uid=0, si_int=42, si_ptr=0x2a}) = 0"},
		{func() { m.put(arenaW+132, 1<<11, 0); m.put(arenaW, 0, 0) }, "rt_sigtimedwait", [6]uint64{arenaW + 132, arenaO, arenaW, 8}, 12,
			"rt_sigtimedwait([USR2], {si_signo=SIGUSR2, si_code=SI_QUEUE, si_pid=7, si_uid=0, si_int=42, si_ptr=0x2a}, {tv_sec=0, tv_nsec=0}, 8) = 12 (SIGUSR2)"},
		{nil, "rt_sigtimedwait_time64", [6]uint64{arenaW + 132, 0, arenaW + 0x100, 8}, -11,
			"rt_sigtimedwait_time64([USR2], NULL, {tv_sec=0, tv_nsec=0}, 8) = -1 EAGAIN (Resource temporarily unavailable)"},
		{nil, "waitid", [6]uint64{0, 0, arenaO, 5, arenaO}, -10,
			"waitid(P_ALL, 0, 0x20002000, WNOHANG|WEXITED, 0x20002000) = -1 ECHILD (No child processes)"},
		{nil, "signal", [6]uint64{1, 1}, 0, "signal(SIGHUP, SIG_IGN) = 0 (SIG_DFL)"},
		{nil, "signal", [6]uint64{1, 0}, 1, "signal(SIGHUP, SIG_DFL) = 0x1 (SIG_IGN)"},
		{func() { m.put(arenaW, 1<<9); m.put(arenaO, 1<<11) }, "sigprocmask", [6]uint64{0, arenaW, arenaO}, 0,
			"sigprocmask(SIG_BLOCK, [USR1], [USR2]) = 0"},
		{func() { m.put(arenaO, 1<<9|1<<11) }, "sigprocmask", [6]uint64{1, 0, arenaO}, 0,
			"sigprocmask(SIG_UNBLOCK, NULL, [USR1 USR2]) = 0"},
		{func() { m.put(arenaO, 0) }, "sigpending", [6]uint64{arenaO}, 0, "sigpending([]) = 0"},
		{nil, "sgetmask", [6]uint64{}, 0xa00, "sgetmask() = 0xa00 (mask [USR1 USR2])"},
		{nil, "ssetmask", [6]uint64{1 << 11}, 0xa00, "ssetmask([USR2]) = 0xa00 (old mask [USR1 USR2])"},
		{nil, "wait4", [6]uint64{neg(-1), 0, 1, arenaO}, -10,
			"wait4(-1, NULL, WNOHANG, 0x20002000) = -1 ECHILD (No child processes)"},
		{nil, "nice", [6]uint64{0}, 0, "nice(0) = 0"},
		{func() { m.put(arenaO, 0, 12) }, "get_robust_list", [6]uint64{0, arenaO, arenaO + 4}, 0,
			"get_robust_list(0, [NULL], [12]) = 0"},
		{func() { m.put(arenaO, make([]int64, 18)...) }, "getrusage", [6]uint64{neg(-1), arenaO}, 0,
			"getrusage(RUSAGE_CHILDREN, {ru_utime={tv_sec=0, tv_usec=0}, ru_stime={tv_sec=0, tv_usec=0}, ...}) = 0"},
		{func() { m.put(arenaW, 0, 2048); m.put(arenaO, 0, 2048) }, "setrlimit", [6]uint64{4, arenaW}, 0,
			"setrlimit(RLIMIT_CORE, {rlim_cur=0, rlim_max=2*1024}) = 0"},
		{nil, "getrlimit", [6]uint64{4, arenaO}, 0, "getrlimit(RLIMIT_CORE, {rlim_cur=0, rlim_max=2*1024}) = 0"},
		{nil, "ugetrlimit", [6]uint64{4, arenaO}, 0, "ugetrlimit(RLIMIT_CORE, {rlim_cur=0, rlim_max=2*1024}) = 0"},
		{func() { m.put(arenaW, dir, file, 0, file, 0) }, "execve", [6]uint64{file, arenaW, arenaW + 12}, -13,
			`execve("/d/f", ["/d", "/d/f"], 0x2000100c /* 1 var */) = -1 EACCES (Permission denied)`},
	} {
		if c.mem != nil {
			c.mem()
		}
		assert.Equal(t, c.want, collapseAlign(i386Line(t, c.name, c.args, c.ret, m.flatMem)), c.name)
	}
}

// TestI386SigLayouts: the 32-bit structures gt-ia32sig cannot make print
// fixed values of, and hostile ones.
func TestI386SigLayouts(t *testing.T) {
	m := newI386Arena()
	for _, c := range []struct {
		mem  []int64
		name string
		args [6]uint64
		ret  int64
		want string
	}{
		{[]int64{17, 0, 1, 77, 0, 3, 5, 6}, "waitid", [6]uint64{1, 77, arenaW, 4}, 0,
			"waitid(P_PID, 77, {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=77, si_uid=0, si_status=3, si_utime=5, si_stime=6}, WEXITED, NULL) = 0"},
		{[]int64{11, 0, 1, 0xdead0}, "rt_sigqueueinfo", [6]uint64{7, 11, arenaW}, 0,
			"rt_sigqueueinfo(7, SIGSEGV, {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0xdead0}) = 0"},
		{[]int64{-1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}, "sysinfo", [6]uint64{arenaW}, 0,
			"sysinfo({uptime=-1, loads=[2, 3, 4], totalram=5, freeram=6, sharedram=7, bufferram=8, totalswap=9, freeswap=10, procs=11, totalhigh=12, freehigh=13, mem_unit=14}) = 0"},
		{[]int64{1, 2, 3, 4}, "times", [6]uint64{arenaW}, 42,
			"times({tms_utime=1, tms_stime=2, tms_cutime=3, tms_cstime=4}) = 42"},
		{[]int64{1700000000}, "time", [6]uint64{arenaW}, 1700000000,
			"time([1700000000 /* 2023-11-14T22:13:20+0000 */]) = 1700000000 (2023-11-14T22:13:20+0000)"},
		{[]int64{-1, -1}, "ugetrlimit", [6]uint64{7, arenaW}, 0,
			"ugetrlimit(RLIMIT_NOFILE, {rlim_cur=RLIM_INFINITY, rlim_max=RLIM_INFINITY}) = 0"},
		{[]int64{0x8049000, 0, 2, 0x10, 1}, "timer_create", [6]uint64{0, arenaW, arenaO}, 0,
			"timer_create(CLOCK_REALTIME, {sigev_value={sival_int=134516736, sival_ptr=0x8049000}, sigev_signo=0, sigev_notify=SIGEV_THREAD, sigev_notify_function=0x10, sigev_notify_attributes=0x1}, [0]) = 0"},
		{[]int64{arenaW + 8, 8, 1 << 11, 0}, "pselect6", [6]uint64{1, 0, 0, 0, 0, arenaW}, 0,
			"pselect6(1, NULL, NULL, NULL, NULL, {sigmask=[USR2], sigsetsize=8}) = 0 (Timeout)"},
		{nil, "sigsuspend", [6]uint64{0, 0, 1 << 11}, -514,
			"sigsuspend([USR2]) = ? ERESTARTNOHAND (To be restarted if no handler)"},
		{nil, "sigsuspend", [6]uint64{5, 6, 0xffffffff}, -514,
			"sigsuspend(~[]) = ? ERESTARTNOHAND (To be restarted if no handler)"},
		// Hostile: select's count bounded, an unreadable structure.
		{[]int64{0x7fffffff, arenaW + 20, 0, 0, 0}, "select", [6]uint64{arenaW}, -9,
			"select(2147483647, 0x20001014, NULL, NULL, NULL) = -1 EBADF (Bad file descriptor)"},
		{nil, "select", [6]uint64{0x10}, -14, "select(0x10) = -1 EFAULT (Bad address)"},
	} {
		m.put(arenaW, c.mem...)
		assert.Equal(t, c.want, collapseAlign(i386Line(t, c.name, c.args, c.ret, m.flatMem)), c.name)
	}
	// A verbose rusage: 32-bit longs after 32-bit timevals.
	ru := make([]int64, 18)
	for i := range ru {
		ru[i] = int64(i)
	}
	m.put(arenaO, ru...)
	s, _ := I386ByNumber(77)
	args := [6]uint64{0, arenaO}
	o := &printers.Options{Verbose: true}
	got := string(s.Exit(s.Enter(nil, &args, m.flatMem, o), &args, 0, m.flatMem, o))
	assert.True(t, strings.HasPrefix(collapseAlign(got), "getrusage(RUSAGE_SELF, {ru_utime={tv_sec=0, tv_usec=1}, ru_stime={tv_sec=2, tv_usec=3}, ru_maxrss=4, ru_ixrss=5,"), got)
	assert.Contains(t, got, "ru_nivcsw=17}")
}

// TestGetrusageChildren: getrusage's who is an int whose names are
// negative, for x86-64 too (it printed 0xffffffff /* RUSAGE_??? */).
func TestGetrusageChildren(t *testing.T) {
	s, _ := Lookup("getrusage")
	args := [6]uint64{0xffffffff, 0}
	got := string(s.Exit(s.Enter(nil, &args, flatMem{}, nil), &args, -14, flatMem{}, nil))
	assert.Equal(t, "getrusage(RUSAGE_CHILDREN, NULL) = -1 EFAULT (Bad address)", collapseAlign(got))
}

// i386FuzzSeed is a FuzzDecode input whose first argument points at
// i386 structures: old select's five arguments (a set and a timeval
// after them), a signal frame's mask words at 80 and 712.
func i386FuzzSeed() ([]byte, []byte, int64) {
	data := make([]byte, 720)
	for i, w := range []uint32{40, fuzzBase + 20, 0, 0, fuzzBase + 28, 0, 1 << 3, 0, 5} {
		binary.LittleEndian.PutUint32(data[4*i:], w)
	}
	binary.LittleEndian.PutUint32(data[80:], 1<<11)
	binary.LittleEndian.PutUint32(data[712:], 1)
	return []byte{1}, data, 1
}

// TestTimex: struct timex as strace printed it for an x86-64 process
// (clock_adjtime, glibc's adjtimex) and for an i386 one (adjtimex),
// slot by slot: modes, offset... tai, time taking two.
func TestTimex(t *testing.T) {
	slots := []int64{0, 0, 0, 16000000, 16000000, 0x40, 2, 1, 32768000, 1796278502, 740089, 10000}
	const i386Want = "adjtimex({modes=0, offset=0, freq=0, maxerror=16000000, esterror=16000000, status=STA_UNSYNC, constant=2, precision=1, tolerance=32768000, time={tv_sec=1796278502, tv_usec=740089}, tick=10000, ppsfreq=0, jitter=0, shift=0, stabil=0, jitcnt=0, calcnt=0, errcnt=0, stbcnt=0, tai=0}) = 5 (TIME_ERROR)"
	m := newI386Arena()
	m.put(arenaW, slots...)
	assert.Equal(t, i386Want, collapseAlign(i386Line(t, "adjtimex", [6]uint64{arenaW}, 5, m.flatMem)))
	// The last bytes of the structure unmapped: its address.
	assert.Equal(t, "adjtimex(0x2000ff90) = 5 (TIME_ERROR)", collapseAlign(i386Line(t, "adjtimex", [6]uint64{arenaAt + 0x10000 - 112}, 5, m.flatMem)))

	x := make([]byte, 208)
	slots[0] = 0x8001 | 0x4000
	for i, v := range slots {
		binary.LittleEndian.PutUint64(x[8*i:], uint64(v))
	}
	s, _ := Lookup("clock_adjtime")
	args := [6]uint64{0, 0x1000}
	mem := flatMem{0x1000, x}
	got := string(s.Exit(s.Enter(nil, &args, mem, nil), &args, 5, mem, nil))
	assert.Equal(t, "clock_adjtime(CLOCK_REALTIME, {modes=ADJ_OFFSET_SINGLESHOT|ADJ_TICK, offset=0, freq=0, maxerror=16000000, esterror=16000000, status=STA_UNSYNC, constant=2, precision=1, tolerance=32768000, time={tv_sec=1796278502, tv_usec=740089}, tick=10000, ppsfreq=0, jitter=0, shift=0, stabil=0, jitcnt=0, calcnt=0, errcnt=0, stbcnt=0, tai=0}) = 5 (TIME_ERROR)", collapseAlign(got))
}
