package linux

// siginfoSize is sizeof(siginfo_t).
const siginfoSize = 128

// si_code values common to all signals (include/uapi/asm-generic/siginfo.h).
const (
	siUser    = 0
	siTimer   = -2
	siSigio   = -5
	siTkill   = -6
	cldExited = 1
)

// sigCodes are the si_code names of one signal, from 1 on.
var sigCodes = map[int][]string{
	4:  {"ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP", "ILL_PRVOPC", "ILL_PRVREG", "ILL_COPROC", "ILL_BADSTK", "ILL_BADIADDR"},
	5:  {"TRAP_BRKPT", "TRAP_TRACE", "TRAP_BRANCH", "TRAP_HWBKPT", "TRAP_UNK", "TRAP_PERF"},
	7:  {"BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR", "BUS_MCEERR_AR", "BUS_MCEERR_AO"},
	8:  {"FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF", "FPE_FLTUND", "FPE_FLTRES", "FPE_FLTINV", "FPE_FLTSUB", "FPE_FLTUNK", "FPE_CONDTRAP"},
	11: {"SEGV_MAPERR", "SEGV_ACCERR", "SEGV_BNDERR", "SEGV_PKUERR", "SEGV_ACCADI", "SEGV_ADIDERR", "SEGV_ADIPERR", "SEGV_MTEAERR", "SEGV_MTESERR", "SEGV_CPERR"},
	17: {"CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED", "CLD_STOPPED", "CLD_CONTINUED"},
	29: {"POLL_IN", "POLL_OUT", "POLL_MSG", "POLL_ERR", "POLL_PRI", "POLL_HUP"},
	31: {"SYS_SECCOMP", "SYS_USER_DISPATCH"},
}

const (
	auditArchX8664 = 0xc000003e
	auditArchI386  = 0x40000003
)

// siCode prints si_code by the name shared by all signals, else by the
// signal's own, else in hex.
func (c *ctx) siCode(code int32, signo int32) {
	if s, ok := xSiginfoCodes.Lookup(uint64(int64(code))); ok {
		c.str(s)
		return
	}
	if names := sigCodes[int(signo)]; code > 0 && int(code) <= len(names) {
		c.str(names[code-1])
		return
	}
	c.hex(uint64(uint32(code)))
}

// siginfo prints a siginfo_t the way strace's printsiginfo does: the
// signal, its code, then the fields its code and signal use.
func (c *ctx) siginfo(addr uint64) {
	b := c.read(addr, siginfoSize)
	if b == nil {
		return
	}
	signo, errno, code := int32(le32(b)), int32(le32(b[4:])), int32(le32(b[8:]))
	c.b = append(c.b, '{')
	if signo != 0 {
		c.name("si_signo")
		c.signal(int64(signo))
		c.sep()
		c.name("si_code")
		c.siCode(code, signo)
		c.siFields(b, signo, errno, code)
	}
	c.b = append(c.b, '}')
}

// siFields prints the union's fields. It begins after the three ints,
// aligned to a long of the process (i386: at 12); its longs, pointers
// and clock_t are the process's.
func (c *ctx) siFields(b []byte, signo, errno, code int32) {
	l := c.longSize()
	u := 8 + l
	val := u + 8       // sigval, after pid and uid (or timer id and overrun)
	utime := u + 8 + l // SIGCHLD's clock_t, after the status

	if errno != 0 {
		c.sep()
		c.name("si_errno")
		if n, ok := ErrnoName(uint64(uint32(errno))); ok {
			c.str(n)
		} else {
			c.uint(uint64(uint32(errno)))
		}
	}
	source := func() {
		c.sep()
		c.name("si_pid")
		c.int(uint64(le32(b[u:])))
		c.sep()
		c.name("si_uid")
		c.uint(uint64(le32(b[u+4:])))
	}
	value := func() {
		c.sep()
		c.name("si_int")
		c.int(uint64(le32(b[val:])))
		c.sep()
		c.name("si_ptr")
		c.ptr(c.ulongOf(b[val:]))
	}
	addr := func() {
		c.sep()
		c.name("si_addr")
		c.ptr(c.ulongOf(b[u:]))
	}
	if code <= 0 { // sent by a process
		switch code {
		case siUser, siTkill:
			source()
		case siTimer:
			c.sep()
			c.name("si_timerid")
			c.hex(uint64(le32(b[u:])))
			c.sep()
			c.name("si_overrun")
			c.int(uint64(le32(b[u+4:])))
			value()
		case siSigio:
			c.band(b)
		default:
			source()
			if c.ulongOf(b[val:]) != 0 {
				value()
			}
		}
		return
	}
	switch signo {
	case 17: // SIGCHLD
		source()
		c.sep()
		c.name("si_status")
		if code == cldExited {
			c.int(uint64(le32(b[u+8:])))
		} else {
			c.signal(int64(int32(le32(b[u+8:]))))
		}
		c.sep()
		c.name("si_utime")
		c.long(c.slongOf(b[utime:]))
		c.sep()
		c.name("si_stime")
		c.long(c.slongOf(b[utime+l:]))
	case 4, 5, 7, 8, 11: // SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGSEGV
		addr()
	case 29: // SIGIO
		if code >= 1 && code <= 3 { // POLL_IN, POLL_OUT, POLL_MSG
			c.band(b)
		}
	case 31: // SIGSYS
		c.sep()
		c.name("si_call_addr")
		c.ptr(c.ulongOf(b[u:]))
		c.sep()
		c.name("si_syscall")
		nr, arch := le32(b[u+l:]), le32(b[u+l+4:])
		if s, ok := ByNumber(int(nr)); ok && arch == auditArchX8664 {
			c.str("__NR_")
			c.str(s.Name)
		} else if s, ok := ia32ByNumber(int(nr)); ok && arch == auditArchI386 {
			c.str("__NR_")
			c.str(s.Name)
		} else {
			c.uint(uint64(nr))
		}
		c.sep()
		c.name("si_arch")
		c.xval(xAuditArch, uint64(arch), "AUDIT_ARCH_???")
	default:
		if le32(b[u:]) != 0 || le32(b[u+4:]) != 0 {
			source()
		}
		if c.ulongOf(b[val:]) != 0 {
			value()
		}
	}
}

// band prints si_band and si_fd (SIGIO), at the union's start.
func (c *ctx) band(b []byte) {
	l := c.longSize()
	c.sep()
	c.name("si_band")
	c.long(c.slongOf(b[8+l:]))
	c.sep()
	c.name("si_fd")
	c.int(uint64(le32(b[8+2*l:])))
}

var (
	aSiginfo    = aInStruct((*ctx).siginfo)
	aSiginfoOut = aOutStruct((*ctx).siginfo)
)

// decSigtimedwait is rt_sigtimedwait: without a siginfo to fill, the
// timeout is printed at entry; with one, both wait for the exit. A
// signal taken is returned by name.
func decSigtimedwait(c *ctx) {
	info := c.a[1]
	if !c.exiting {
		c.sigsetAt(c.a[0], c.a[3])
		c.sep()
		if info == 0 {
			c.ptr(info)
			c.sep()
			c.timespecAt(c.a[2])
			c.sep()
			c.ulong(c.a[3])
		}
		return
	}
	if info != 0 {
		c.siginfo(info)
		c.sep()
		failed := c.failed
		c.failed = false // the timeout is the caller's, read as it was
		c.timespecAt(c.a[2])
		c.failed = failed
		c.sep()
		c.ulong(c.a[3])
	}
}

// sigRet prints a returned signal number with its name: = 12 (SIGUSR2).
func sigRet(c *ctx) {
	c.long(uint64(c.ret))
	if c.ret == 0 {
		return
	}
	c.str(" (")
	c.signal(c.ret)
	c.b = append(c.b, ')')
}
