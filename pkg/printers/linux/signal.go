package linux

import (
	"strconv"

	"github.com/guestrace/guestrace/pkg/printers"
)

// signalNames are the x86-64 signal names, by number.
var signalNames = [...]string{"0", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL",
	"SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV",
	"SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD",
	"SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
	"SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
	"SIGRTMIN"}

const (
	sigRTMin = 32
	sigRTMax = 64
)

// appendSigName appends the name of signal sig as strace's signame does
// (SIGRT_3 for real-time ones), or reports that it has none.
func appendSigName(b []byte, sig int64) ([]byte, bool) {
	switch {
	case sig > 0 && sig < int64(len(signalNames)):
		return append(b, signalNames[sig]...), true
	case sig > sigRTMin && sig <= sigRTMax:
		b = append(b, "SIGRT_"...)
		return printers.AppendInt(b, sig-sigRTMin), true
	}
	return b, false
}

// signal prints a signal number by name, or in decimal.
func (c *ctx) signal(sig int64) {
	mark := len(c.b)
	var ok bool
	if c.b, ok = appendSigName(c.b, sig); !ok {
		c.b = printers.AppendInt(c.b, sig)
	} else if c.o.Style() != printers.XlatAbbrev {
		name := string(c.b[mark:])
		c.b = c.b[:mark]
		c.styledName(sig, name)
	}
}

// sigmask prints a signal set of n bytes as strace does: [HUP INT], or
// ~[...] listing the signals not in it when two thirds or more are.
func (c *ctx) sigmask(mask []byte) {
	words := min(len(mask), 8) / 4
	set := 0
	for i := 0; i < words*4; i++ {
		for v := mask[i]; v != 0; v &= v - 1 {
			set++
		}
	}
	invert := set >= words*32*2/3
	if invert {
		c.b = append(c.b, '~')
	}
	c.b = append(c.b, '[')
	first := true
	for i := 0; i < words*32; i++ {
		bit := mask[i/8]>>(i%8)&1 != 0
		if bit == invert {
			continue
		}
		if !first {
			c.b = append(c.b, ' ')
		}
		first = false
		sig := i + 1
		switch {
		case sig < len(signalNames):
			c.styledName(int64(sig), signalNames[sig][3:])
		case sig > sigRTMin && sig <= sigRTMax:
			if c.o.Style() != printers.XlatAbbrev {
				c.styledName(int64(sig), "RT_"+strconv.Itoa(sig-sigRTMin))
				break
			}
			c.str("RT_")
			c.b = printers.AppendInt(c.b, int64(sig-sigRTMin))
		default:
			c.b = printers.AppendInt(c.b, int64(sig))
		}
	}
	c.b = append(c.b, ']')
}

// sigsetAt prints the kernel sigset_t of size bytes at addr (rt_sigprocmask
// and friends); a size other than the kernel's 8 bytes prints the address.
func (c *ctx) sigsetAt(addr, size uint64) {
	if size != 8 {
		c.ptr(addr)
		return
	}
	if buf := c.read(addr, int(size)); buf != nil {
		c.sigmask(buf)
	}
}

// saHandler prints a signal handler: SIG_DFL, SIG_IGN or its address.
func (c *ctx) saHandler(h uint64) {
	if name, ok := xSaHandlerValues.Lookup(h); ok {
		c.str(name)
		return
	}
	c.ptr(h)
}

const saRestorer = 0x04000000

// sigaction prints the kernel's struct sigaction at addr.
func (c *ctx) sigaction(addr uint64) {
	sa := c.read(addr, 32)
	if sa == nil {
		return
	}
	flags := le64(sa[8:])
	c.str("{sa_handler=")
	c.saHandler(le64(sa))
	c.str(", sa_mask=")
	c.sigmask(sa[24:32])
	c.str(", sa_flags=")
	c.flags(xSigactFlags, flags, "SA_???")
	if flags&saRestorer != 0 {
		c.str(", sa_restorer=")
		c.ptr(le64(sa[16:]))
	}
	c.b = append(c.b, '}')
}

var (
	aSigaction    = aInStruct((*ctx).sigaction)
	aSigactionOut = aOutStruct((*ctx).sigaction)
)

// aSigset is a sigset_t whose size is argument n.
func aSigset(n int) Arg {
	return aInStruct(func(c *ctx, v uint64) { c.sigsetAt(v, c.a[n]) })
}

func aSigsetOut(n int) Arg {
	return aOutStruct(func(c *ctx, v uint64) { c.sigsetAt(v, c.a[n]) })
}

// stackT prints a stack_t (sigaltstack).
func (c *ctx) stackT(addr uint64) {
	ss := c.read(addr, 24)
	if ss == nil {
		return
	}
	c.str("{ss_sp=")
	c.ptr(le64(ss))
	c.str(", ss_flags=")
	c.flags(xSigaltstackFlags, uint64(le32(ss[8:])), "SS_???")
	c.str(", ss_size=")
	c.ulong(le64(ss[16:]))
	c.b = append(c.b, '}')
}

// sigframeMask is where, from the user stack pointer at rt_sigreturn, the
// signal frame keeps the mask to restore: the frame begins one word below
// (its return address was popped), and uc_sigmask lies after pretcode,
// uc_flags, uc_link, uc_stack and the 256-byte sigcontext.
const sigframeMask = -8 + 8 + 40 + 256

// decRtSigreturn prints rt_sigreturn({mask=[...]}) from the user stack
// pointer, which the caller passes as the first argument (the call has
// none): 0 when it is unknown, and then nothing is printed.
func decRtSigreturn(c *ctx) {
	if c.exiting || c.a[0] == 0 {
		return
	}
	c.str("{mask=")
	c.sigsetAt(c.a[0]+sigframeMask, 8)
	c.b = append(c.b, '}')
}

// The sigev_notify values whose sigev_signo is a signal.
const (
	sigevSignal   = 0
	sigevThread   = 2
	sigevThreadID = 4
)

// sigevent prints a struct sigevent (timer_create, mq_notify); the value
// only when it is not zero.
func (c *ctx) sigevent(addr uint64) {
	b := c.read(addr, 32)
	if b == nil {
		return
	}
	var ev [32]byte
	copy(ev[:], b)
	c.b = append(c.b, '{')
	if v := le64(ev[:]); v != 0 {
		c.str("sigev_value={sival_int=")
		c.int(v)
		c.str(", sival_ptr=")
		c.ptr(v)
		c.str("}, ")
	}
	notify := le32(ev[12:])
	c.str("sigev_signo=")
	switch notify {
	case sigevSignal, sigevThread, sigevThreadID:
		c.signal(int64(int32(le32(ev[8:]))))
	default:
		c.uint(uint64(le32(ev[8:])))
	}
	c.str(", sigev_notify=")
	c.xval(xSigevNotify, uint64(notify), "SIGEV_???")
	switch notify {
	case sigevThreadID:
		c.str(", sigev_notify_thread_id=")
		c.int(uint64(le32(ev[16:])))
	case sigevThread:
		c.str(", sigev_notify_function=")
		c.ptr(le64(ev[16:]))
		c.str(", sigev_notify_attributes=")
		c.ptr(le64(ev[24:]))
	}
	c.b = append(c.b, '}')
}

var aSigevent = aInStruct((*ctx).sigevent)
