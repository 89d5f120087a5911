package linux

import "github.com/guestrace/guestrace/pkg/printers"

// maxVecEntries bounds how many pointers of an argv or envp are walked: the
// guest decides where the NULL is.
const maxVecEntries = 1 << 16

// ptrVec reads the pointer at index i of the array at addr. ok is false if
// the word cannot be read or the address wraps.
func (c *ctx) ptrVec(addr uint64, i int) (uint64, bool) {
	l := c.longSize()
	a := addr + uint64(i*l)
	if a < addr {
		return 0, false
	}
	var w [8]byte
	if printers.ReadFull(c.m, a, w[:l]) != nil {
		return 0, false
	}
	return c.ulongOf(w[:]), true
}

// argv prints a NULL-terminated array of strings as strace does: at most -s
// entries, each cut at -s bytes.
func (c *ctx) argv(addr uint64) {
	if addr == 0 {
		c.str("NULL")
		return
	}
	lim := c.limit()
	for n := 0; ; n++ {
		p, ok := c.ptrVec(addr, n)
		if !ok || n >= maxVecEntries {
			if n == 0 {
				c.ptr(addr)
				return
			}
			c.str(", ... /* ")
			c.hex(addr + uint64(n*c.longSize()))
			c.str(" */")
			break
		}
		if n == 0 {
			c.b = append(c.b, '[')
		}
		if p == 0 {
			break
		}
		if n != 0 {
			c.sep()
		}
		if !c.verbose() && n >= lim {
			c.str("...")
			break
		}
		c.cstr(p)
	}
	c.b = append(c.b, ']')
}

// envc prints the address of an environment and how many entries it has:
// 0x7ffd... /* 12 vars */ (strace's abbreviated envp).
func (c *ctx) envc(addr uint64) {
	c.ptr(addr)
	if addr == 0 {
		return
	}
	n := 0
	wrapped := false
	for ; n < maxVecEntries; n++ {
		if addr+uint64(n*c.longSize()) < addr {
			wrapped = true
			break
		}
		p, ok := c.ptrVec(addr, n)
		if !ok {
			if n == 0 {
				return
			}
			break
		}
		if p == 0 {
			break
		}
	}
	c.str(" /* ")
	c.b = printers.AppendInt(c.b, int64(n))
	c.str(" var")
	if n != 1 {
		c.b = append(c.b, 's')
	}
	if wrapped {
		c.str(", unterminated")
	}
	c.str(" */")
}

var (
	aArgv = argOf(printers.KindArray, (*ctx).argv)
	aEnvp = argOf(printers.KindArray, func(c *ctx, v uint64) {
		if c.verbose() {
			c.argv(v)
		} else {
			c.envc(v)
		}
	})
)

// Clone flags that make clone print more arguments at exit.
const (
	cloneVM            = 0x100
	clonePIDFD         = 0x1000
	cloneSetTLS        = 0x80000
	cloneParentSetTID  = 0x100000
	cloneChildClearTID = 0x200000
	cloneChildSetTID   = 0x1000000
	cloneIntoCgroup    = 0x200000000
	cSignal            = 0xff
)

// intAt prints the int at addr in brackets: [123].
func (c *ctx) intAt(addr uint64) {
	if b := c.read(addr, 4); b != nil {
		c.b = append(c.b, '[')
		c.int(uint64(le32(b)))
		c.b = append(c.b, ']')
	}
}

// decClone is strace's clone decoder: child_stack and flags at entry, the
// pointers the kernel writes through at exit.
func decClone(c *ctx) {
	flags := c.a[0] &^ cSignal
	if !c.exiting {
		sig := c.a[0] & cSignal
		c.name("child_stack")
		c.ptr(c.a[1])
		c.sep()
		c.name("flags")
		if flags != 0 {
			c.flags(xCloneFlags, flags, "CLONE_???")
			if sig != 0 {
				c.b = append(c.b, '|')
				c.signal(int64(sig))
			}
		} else {
			c.signal(int64(sig))
		}
		return
	}
	if flags&(cloneParentSetTID|clonePIDFD) != 0 {
		c.sep()
		c.name("parent_tid")
		c.intAt(c.a[2])
	}
	if flags&cloneSetTLS != 0 {
		c.sep()
		c.name("tls")
		c.ptr(c.a[4])
	}
	if flags&(cloneChildSetTID|cloneChildClearTID) != 0 {
		c.sep()
		c.name("child_tidptr")
		c.ptr(c.a[3])
	}
}

// struct clone_args.
const (
	cloneArgsMin  = 64
	cloneArgsSize = 88
)

// decClone3 is strace's clone3 decoder. The parent_tid and pidfd the kernel
// writes are printed at exit after " => "; without them the whole call is
// printed at entry.
func decClone3(c *ctx) {
	addr, size := c.a[0], c.a[1]
	fetch := min(size, cloneArgsSize)
	var ca [cloneArgsSize]byte
	if !c.exiting {
		if fetch < cloneArgsMin {
			c.ptr(addr)
		} else if a := c.read(addr, int(fetch)); a != nil {
			copy(ca[:], a)
			c.cloneArgs(ca[:], fetch)
			if le64(ca[0:])&(clonePIDFD|cloneParentSetTID) != 0 {
				c.save(1, 0)
				return
			}
		}
		c.sep()
		c.ulong(size)
		return
	}
	pending, _, ok := c.saved()
	if !ok {
		// No state from the entry: look at the flags again.
		pending = 0
		if fetch >= cloneArgsMin && printers.ReadFull(c.m, addr, ca[:8]) == nil &&
			le64(ca[:])&(clonePIDFD|cloneParentSetTID) != 0 {
			pending = 1
		}
	}
	if pending == 0 {
		return
	}
	if !c.failed {
		if printers.ReadFull(c.m, addr, ca[:fetch]) != nil {
			c.str(" => ")
			c.ptr(addr)
		} else {
			flags := le64(ca[0:])
			prefix := " => {"
			if flags&clonePIDFD != 0 {
				c.str(prefix)
				prefix = ", "
				c.name("pidfd")
				c.intAt(le64(ca[8:]))
			}
			if flags&cloneParentSetTID != 0 {
				c.str(prefix)
				prefix = ", "
				c.name("parent_tid")
				c.intAt(le64(ca[24:]))
			}
			if prefix == ", " {
				c.b = append(c.b, '}')
			}
		}
	}
	c.sep()
	c.ulong(size)
}

func (c *ctx) cloneArgs(ca []byte, fetch uint64) {
	flags := le64(ca[0:])
	c.str("{flags=")
	c.flags(xCloneAndClone3Flags, flags, "CLONE_???")
	if flags&clonePIDFD != 0 {
		c.str(", pidfd=")
		c.ptr(le64(ca[8:]))
	}
	if flags&(cloneChildSetTID|cloneChildClearTID) != 0 {
		c.str(", child_tid=")
		c.ptr(le64(ca[16:]))
	}
	if flags&cloneParentSetTID != 0 {
		c.str(", parent_tid=")
		c.ptr(le64(ca[24:]))
	}
	c.str(", exit_signal=")
	if sig := le64(ca[32:]); sig < 1<<31-1 {
		c.signal(int64(sig))
	} else {
		c.ulong(sig)
	}
	c.str(", stack=")
	c.ptr(le64(ca[40:]))
	c.str(", stack_size=")
	c.hex(le64(ca[48:]))
	if flags&cloneSetTLS != 0 {
		c.str(", tls=")
		c.ptr(le64(ca[56:]))
	}
	if fetch >= 80 {
		if setTID, n := le64(ca[64:]), le64(ca[72:]); setTID != 0 || n != 0 {
			c.str(", set_tid=")
			c.ptr(setTID)
			c.str(", set_tid_size=")
			c.ulong(n)
		}
	}
	if fetch > 80 && (le64(ca[80:]) != 0 || flags&cloneIntoCgroup != 0) {
		c.str(", cgroup=")
		c.ulong(le64(ca[80:]))
	}
	c.b = append(c.b, '}')
}

// waitStatus prints a wait status as strace does:
// [{WIFEXITED(s) && WEXITSTATUS(s) == 0}].
func (c *ctx) waitStatus(s uint32) {
	c.b = append(c.b, '[')
	switch {
	case s&0xff == 0x7f: // stopped
		sig := int64(s >> 8 & 0xff)
		c.str("{WIFSTOPPED(s) && WSTOPSIG(s) == ")
		c.signal(sig & 0x7f)
		if sig&0x80 != 0 {
			c.str(" | 0x80")
		}
		c.b = append(c.b, '}')
		s &^= uint32(sig)<<8 | 0x7f
	case s&0x7f != 0 && s != 0xffff: // signaled
		c.str("{WIFSIGNALED(s) && WTERMSIG(s) == ")
		c.signal(int64(s & 0x7f))
		if s&0x80 != 0 {
			c.str(" && WCOREDUMP(s)")
		}
		c.b = append(c.b, '}')
		s &^= 0xff
	case s&0x7f == 0: // exited
		c.str("{WIFEXITED(s) && WEXITSTATUS(s) == ")
		c.b = printers.AppendInt(c.b, int64(s>>8&0xff))
		c.b = append(c.b, '}')
		s &^= 0xff00
	case s == 0xffff:
		c.str("{WIFCONTINUED(s)}")
		s = 0
	}
	if s != 0 {
		if ev := s >> 16; ev != 0 {
			c.b = append(c.b, '|')
			c.xval(xPtraceEvents, uint64(ev), "PTRACE_EVENT_???")
			c.str("<<16")
			s &= 0xffff
		}
		if s != 0 {
			c.b = append(c.b, '|')
			c.hex(uint64(s))
		}
	}
	c.b = append(c.b, ']')
}

// decWait4 is strace's printwaitn: pid at entry; status, options and rusage
// at exit.
func decWait4(c *ctx) {
	if !c.exiting {
		c.int(c.a[0])
		c.sep()
		return
	}
	c.waitStatusAt(c.a[1])
	c.sep()
	c.flags(xWait4Options, uint64(uint32(c.a[2])), "W???")
	c.sep()
	if c.ret > 0 {
		c.rusage(c.a[3])
	} else {
		c.ptr(c.a[3])
	}
}

// waitStatusAt prints the status a wait stored at addr, or only addr when
// no child was reaped.
func (c *ctx) waitStatusAt(addr uint64) {
	if c.ret == 0 {
		c.ptr(addr)
	} else if b := c.read(addr, 4); b != nil {
		c.waitStatus(le32(b))
	}
}

// timeval prints a struct timeval held in b.
func (c *ctx) timeval(b []byte) {
	c.str("{tv_sec=")
	c.long(c.timeOf(b))
	c.str(", tv_usec=")
	c.long(c.timeOf(b[c.timeSize():]))
	c.b = append(c.b, '}')
}

var rusageFields = [...]string{"ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss",
	"ru_minflt", "ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock",
	"ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw"}

// rusage prints a struct rusage the call filled: two timevals, then
// longs.
func (c *ctx) rusage(addr uint64) {
	tv, l := 2*c.timeSize(), c.longSize()
	r := c.read(addr, 2*tv+len(rusageFields)*l)
	if r == nil {
		return
	}
	c.str("{ru_utime=")
	c.timeval(r)
	c.str(", ru_stime=")
	c.timeval(r[tv:])
	if !c.verbose() {
		c.str(", ...}")
		return
	}
	for i, f := range rusageFields {
		c.sep()
		c.name(f)
		c.long(c.slongOf(r[2*tv+l*i:]))
	}
	c.b = append(c.b, '}')
}

// xCloneAndClone3Flags is clone_flags then clone3_flags: clone3 tries both
// tables in turn.
var xCloneAndClone3Flags = &printers.Xlat{
	Entries: append(append([]printers.XlatEntry(nil), xCloneFlags.Entries...), xClone3Flags.Entries...),
}

// schedParam prints a struct sched_param: [priority].
func (c *ctx) schedParam(addr uint64) { c.numAt(addr, 4, true) }

// ptrAt prints the pointer of the process stored at addr: [0x7f...].
func (c *ctx) ptrAt(addr uint64) {
	if b := c.read(addr, c.longSize()); b != nil {
		c.b = append(c.b, '[')
		c.ptr(c.ulongOf(b))
		c.b = append(c.b, ']')
	}
}
