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

// sigaction prints the kernel's struct sigaction at addr: handler,
// flags and restorer, longs of the process, then the 8-byte mask.
func (c *ctx) sigaction(addr uint64) {
	l := c.longSize()
	sa := c.read(addr, 3*l+8)
	if sa == nil {
		return
	}
	c.sigactionOf(c.ulongOf(sa), c.ulongOf(sa[l:]), c.ulongOf(sa[2*l:]), sa[3*l:])
}

// sigactionOf prints a sigaction from its fields (mask: its bytes).
func (c *ctx) sigactionOf(handler, flags, restorer uint64, mask []byte) {
	c.str("{sa_handler=")
	c.saHandler(handler)
	c.str(", sa_mask=")
	c.sigmask(mask)
	c.str(", sa_flags=")
	c.flags(xSigactFlags, flags, "SA_???")
	if flags&saRestorer != 0 {
		c.str(", sa_restorer=")
		c.ptr(restorer)
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

// stackT prints a stack_t (sigaltstack): pointer, int and size_t, each
// in a long of the process.
func (c *ctx) stackT(addr uint64) {
	l := c.longSize()
	ss := c.read(addr, 3*l)
	if ss == nil {
		return
	}
	c.str("{ss_sp=")
	c.ptr(c.ulongOf(ss))
	c.str(", ss_flags=")
	c.flags(xSigaltstackFlags, uint64(le32(ss[l:])), "SS_???")
	c.str(", ss_size=")
	c.ulong(c.ulongOf(ss[2*l:]))
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
	at := uint64(sigframeMask)
	if c.compat {
		at = sigframeMaskI386
	}
	c.str("{mask=")
	c.sigsetAt(c.a[0]+at, 8)
	c.b = append(c.b, '}')
}

// The sigev_notify values whose sigev_signo is a signal.
const (
	sigevSignal   = 0
	sigevThread   = 2
	sigevThreadID = 4
)

// sigevent prints a struct sigevent (timer_create, mq_notify); the value
// only when it is not zero. Its value and pointers are longs of the
// process; the ints follow the value.
func (c *ctx) sigevent(addr uint64) {
	l := c.longSize()
	b := c.read(addr, 2*l+16)
	if b == nil {
		return
	}
	var ev [32]byte
	copy(ev[:], b)
	c.b = append(c.b, '{')
	if v := c.ulongOf(ev[:]); v != 0 {
		c.str("sigev_value={sival_int=")
		c.int(v)
		c.str(", sival_ptr=")
		c.ptr(v)
		c.str("}, ")
	}
	notify := le32(ev[l+4:])
	c.str("sigev_signo=")
	switch notify {
	case sigevSignal, sigevThread, sigevThreadID:
		c.signal(int64(int32(le32(ev[l:]))))
	default:
		c.uint(uint64(le32(ev[l:])))
	}
	c.str(", sigev_notify=")
	c.xval(xSigevNotify, uint64(notify), "SIGEV_???")
	switch notify {
	case sigevThreadID:
		c.str(", sigev_notify_thread_id=")
		c.int(uint64(le32(ev[l+8:])))
	case sigevThread:
		c.str(", sigev_notify_function=")
		c.ptr(c.ulongOf(ev[l+8:]))
		c.str(", sigev_notify_attributes=")
		c.ptr(c.ulongOf(ev[2*l+8:]))
	}
	c.b = append(c.b, '}')
}

var aSigevent = aInStruct((*ctx).sigevent)
