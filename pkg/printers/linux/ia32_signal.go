package linux

import "github.com/guestrace/guestrace/pkg/printers"

// The i386 calls of signals, processes and resources. Most print through
// their x86-64 rows, whose decoders read longs, pointers and times of the
// process's width (struct sigaction, stack_t, siginfo_t, sigevent,
// rusage, rlimit, sysinfo, tms, execve's pointer arrays); old sigaction
// and sigreturn, which x86-64 lacks, have rows of their own.

// i386Signals are the calls whose x86-64 rows print their i386 layouts.
var i386Signals = map[string]bool{
	"rt_sigaction": true, "sigaltstack": true, "rt_sigreturn": true,
	"rt_sigqueueinfo": true, "rt_tgsigqueueinfo": true, "rt_sigtimedwait": true,
	"waitid": true, "timer_create": true,
	"wait4": true, "getrusage": true, "getrlimit": true, "ugetrlimit": true,
	"setrlimit": true, "sysinfo": true, "times": true,
	"execve": true, "execveat": true,
	"get_robust_list": true, "set_robust_list": true,
}

// i386SignalRows are the i386-only calls of this domain; their old
// signal sets are 4 bytes.
var i386SignalRows = map[string]*Syscall{
	"sigaction":   {NArgs: 3, Class: S, Args: a(aSig, aInStruct((*ctx).oldSigaction), aOutStruct((*ctx).oldSigaction))},
	"sigreturn":   {NArgs: 1, Class: S, dec: decSigreturn},
	"signal":      {NArgs: 2, Class: S, Args: a(aSig, argOf(printers.KindPtr, (*ctx).saHandler)), ret: signalRet},
	"sigprocmask": {NArgs: 3, Class: S, Args: a(aXval32(xSigprocmaskcmds, "SIG_???"), aOldSigset, aOldSigsetOut)},
	"sigpending":  {NArgs: 1, Class: S, Args: a(aOldSigsetOut)},
	// sigsuspend(history0, history1, mask) prints the mask alone.
	"sigsuspend": {NArgs: 3, Class: S, dec: func(c *ctx) {
		if !c.exiting {
			c.oldSigmask(c.a[2])
		}
	}},
	"sgetmask": {NArgs: 0, Class: S, ret: func(c *ctx) { c.maskRet("mask ") }},
	"nice":     {NArgs: 1, Args: a(aInt)},
	"ssetmask": {NArgs: 1, Class: S, Args: a(argOf(printers.KindHex, (*ctx).oldSigmask)), ret: func(c *ctx) { c.maskRet("old mask ") }},
}

// oldSigmask prints an old_sigset_t value: [USR1].
func (c *ctx) oldSigmask(v uint64) {
	var b [4]byte
	b[0], b[1], b[2], b[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
	c.sigmask(b[:])
}

// oldSigsetAt prints the old_sigset_t at addr.
func (c *ctx) oldSigsetAt(addr uint64) {
	if b := c.read(addr, 4); b != nil {
		c.sigmask(b)
	}
}

var (
	aOldSigset    = aInStruct((*ctx).oldSigsetAt)
	aOldSigsetOut = aOutStruct((*ctx).oldSigsetAt)
)

// maskRet prints sgetmask's and ssetmask's returned mask: 0x800 (mask [USR2]).
func (c *ctx) maskRet(what string) {
	c.hex(uint64(c.ret))
	c.str(" (")
	c.str(what)
	c.oldSigmask(uint64(c.ret))
	c.b = append(c.b, ')')
}

// signalRet prints the handler signal returns: 0 (SIG_DFL), or its address.
func signalRet(c *ctx) {
	c.hex(uint64(uint32(c.ret)))
	c.nameAfter(xSaHandlerValues, uint64(uint32(c.ret)))
}

// oldSigaction prints i386's struct old_sigaction: handler, a 4-byte
// mask, flags and restorer.
func (c *ctx) oldSigaction(addr uint64) {
	sa := c.read(addr, 16)
	if sa == nil {
		return
	}
	c.sigactionOf(uint64(le32(sa)), uint64(le32(sa[8:])), uint64(le32(sa[12:])), sa[4:8])
}

// Where i386's signal frames keep the mask to restore, from the user
// stack pointer at the call. rt_sigreturn: the frame begins one word
// below (its return address was popped); uc_sigmask follows pretcode,
// sig, pinfo, puc, the 128-byte siginfo, uc_flags, uc_link, the 12-byte
// uc_stack and the 88-byte sigcontext. sigreturn: the frame begins two
// words below (the return address and the signal number were popped);
// the sigcontext is at the stack pointer, with the mask's low word at 80,
// and its high word (extramask) follows the 624-byte _fpstate_32 after
// the 88-byte sigcontext.
const (
	sigframeMaskI386  = -4 + 16 + siginfoSize + 4 + 4 + 12 + 88
	sigframeLowI386   = 80
	sigframeExtraI386 = 88 + 624
)

// decSigreturn prints i386's sigreturn({mask=[...]}) from the user stack
// pointer, given as the first argument as to rt_sigreturn.
func decSigreturn(c *ctx) {
	if c.exiting || c.a[0] == 0 {
		return
	}
	var mask [8]byte
	sp := c.a[0]
	if printers.ReadFull(c.m, sp+sigframeLowI386, mask[:4]) != nil ||
		printers.ReadFull(c.m, sp+sigframeExtraI386, mask[4:]) != nil {
		c.str("{mask=")
		c.hex(sp)
		c.b = append(c.b, '}')
		return
	}
	c.str("{mask=")
	c.sigmask(mask[:])
	c.b = append(c.b, '}')
}
