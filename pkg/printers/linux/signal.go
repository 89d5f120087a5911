package linux

import "github.com/guestrace/guestrace/pkg/printers"

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
	var ok bool
	if c.b, ok = appendSigName(c.b, sig); !ok {
		c.b = printers.AppendInt(c.b, sig)
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
			c.str(signalNames[sig][3:])
		case sig > sigRTMin && sig <= sigRTMax:
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
