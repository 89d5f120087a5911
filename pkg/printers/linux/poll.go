package linux

import "github.com/guestrace/guestrace/pkg/printers"

// pollfds prints poll's array at entry.
func (c *ctx) pollfds(addr, n uint64) {
	c.array(addr, n, 8, false, func(c *ctx, e []byte) bool {
		fd := int32(le32(e))
		c.str("{fd=")
		c.fd(uint64(fd))
		if fd >= 0 {
			c.str(", events=")
			c.flags(xPollflags, uint64(le16(e[4:])), "POLL???")
		}
		c.b = append(c.b, '}')
		return true
	})
}

// pollRet prints poll's return and which descriptors are ready:
// = 1 ([{fd=3, revents=POLLIN}]).
func pollRet(c *ctx) {
	c.long(uint64(c.ret))
	if c.ret == 0 {
		c.str(" (Timeout)")
		return
	}
	addr, n := c.a[0], uint64(uint32(c.a[1]))
	size := n * 8
	if addr == 0 || n == 0 || size/8 != n || addr+size < addr {
		return
	}
	start := len(c.b)
	c.str(" (")
	open := len(c.b)
	printed := 0
	var e [8]byte
	for cur := addr; cur < addr+min(size, 8*maxArray); cur += 8 {
		if printers.ReadFull(c.m, cur, e[:]) != nil {
			c.listSep(open)
			c.hex(cur)
			break
		}
		rev := le16(e[6:])
		if rev == 0 {
			continue
		}
		c.listSep(open)
		if !c.verbose() && printed >= c.limit() {
			c.str("...")
			break
		}
		c.str("{fd=")
		c.int(uint64(le32(e[:])))
		c.str(", revents=")
		c.flags(xPollflags, uint64(rev), "")
		c.b = append(c.b, '}')
		printed++
	}
	if len(c.b) == open {
		c.b = c.b[:start]
		return
	}
	c.str("])")
}

// listSep opens a list at open, or separates its items.
func (c *ctx) listSep(open int) {
	if len(c.b) == open {
		c.b = append(c.b, '[')
	} else {
		c.sep()
	}
}

// maxSelectFDs is the most descriptors of a select set strace looks at.
const maxSelectFDs = 1024 * 1024

func selectSize(nfds uint64) (int, int) {
	n := int(int32(nfds))
	n = max(min(n, maxSelectFDs), 0)
	return n, ((n+7)/8 + 7) &^ 7
}

// decSelect prints select's sets at entry.
func decSelect(c *ctx) {
	if c.exiting {
		return
	}
	c.selectSets()
	c.timevalAt(c.a[4])
}

// selectSets prints select's and pselect6's nfds and three fd sets at
// entry, up to the timeout.
func (c *ctx) selectSets() {
	n, size := selectSize(c.a[0])
	c.int(c.a[0])
	for i := 1; i <= 3; i++ {
		c.sep()
		c.fdSet(c.a[i], n, size)
	}
	c.sep()
}

// selectRet prints select's return and the ready sets:
// = 1 (in [3], left {tv_sec=0, tv_usec=999}).
func selectRet(c *ctx) { c.selectRet(false) }

// pselectRet is selectRet with pselect6's timespec.
func pselectRet(c *ctx) { c.selectRet(true) }

func (c *ctx) selectRet(ts bool) {
	c.long(uint64(c.ret))
	if c.ret == 0 {
		c.str(" (Timeout)")
		return
	}
	n, size := selectSize(c.a[0])
	c.str(" (")
	start := len(c.b)
	ready := c.ret
	sep := ""
	for i := 0; i < 3 && ready > 0; i++ {
		addr := c.a[i+1]
		if addr == 0 || size == 0 {
			continue
		}
		set := c.mem(size)
		if printers.ReadFull(c.m, addr, set) != nil {
			continue
		}
		first := true
		for j := 0; j < n; j++ {
			if set[j/8]&(1<<(j%8)) == 0 {
				continue
			}
			if first {
				c.str(sep)
				c.str([...]string{"in", "out", "except"}[i])
				c.str(" [")
				first = false
				sep = ", "
			} else {
				c.b = append(c.b, ' ')
			}
			c.uint(uint64(j))
			if ready--; ready == 0 {
				break
			}
		}
		if len(c.b) != start {
			c.b = append(c.b, ']')
		}
	}
	if c.a[4] != 0 {
		if tv := c.mem(16); printers.ReadFull(c.m, c.a[4], tv) == nil {
			c.str(sep)
			c.str("left ")
			if ts {
				c.timespec(tv)
			} else {
				c.timeval(tv)
			}
		}
	}
	c.b = append(c.b, ')')
}

// epollEvent prints a struct epoll_event held in e.
func (c *ctx) epollEvent(e []byte) bool {
	c.str("{events=")
	c.flags(xEpollevents, uint64(le32(e)), "EPOLL???")
	c.str(", data={u32=")
	c.uint(uint64(le32(e[4:])))
	c.str(", u64=")
	c.ulong(le64(e[4:]))
	c.str("}}")
	return true
}

const epollCtlDel = 2

func decEpollCtl(c *ctx) {
	if c.exiting {
		return
	}
	c.fd(c.a[0])
	c.sep()
	c.xval(xEpollctls, uint64(uint32(c.a[1])), "EPOLL_CTL_???")
	c.sep()
	c.fd(c.a[2])
	c.sep()
	if uint32(c.a[1]) == epollCtlDel {
		c.ptr(c.a[3])
	} else if e := c.read(c.a[3], 12); e != nil {
		c.epollEvent(e)
	}
}

var aEpollEventsOut = aOutStruct(func(c *ctx, v uint64) {
	n := uint64(0)
	if c.ret > 0 {
		n = uint64(c.ret)
	}
	c.array(v, n, 12, false, (*ctx).epollEvent)
})

// decPoll prints poll's array, count and timeout at entry.
func decPoll(c *ctx) {
	if c.exiting {
		return
	}
	c.pollfds(c.a[0], uint64(uint32(c.a[1])))
	c.sep()
	c.uint(c.a[1])
	c.sep()
	c.int(c.a[2])
}

// decPpoll adds ppoll's timeout and signal mask.
func decPpoll(c *ctx) {
	if c.exiting {
		return
	}
	c.pollfds(c.a[0], uint64(uint32(c.a[1])))
	c.sep()
	c.uint(c.a[1])
	c.sep()
	c.timespecAt(c.a[2])
	c.sep()
	c.sigsetAt(c.a[3], c.a[4])
	c.sep()
	c.ulong(c.a[4])
}

// decPselect prints pselect6's sets, timeout and {sigmask, size} pair.
func decPselect(c *ctx) {
	if c.exiting {
		return
	}
	c.selectSets()
	c.timespecAt(c.a[4])
	c.sep()
	c.kernelSigset(c.a[5])
}

// kernelSigset prints a {sigmask, sigsetsize} pair (strace's
// print_kernel_sigset).
func (c *ctx) kernelSigset(addr uint64) {
	ls := c.longSize() // (a pointer and a size_t)
	if p := c.read(addr, 2*ls); p != nil {
		ss, l := c.ulongOf(p), c.ulongOf(p[ls:])
		c.str("{sigmask=")
		c.sigsetAt(ss, l)
		c.str(", sigsetsize=")
		c.ulong(l)
		c.b = append(c.b, '}')
	}
}

// fdSet prints a select set of n descriptors.
func (c *ctx) fdSet(addr uint64, n, size int) {
	if size == 0 {
		c.ptr(addr)
		return
	}
	set := c.read(addr, size)
	if set == nil {
		return
	}
	c.b = append(c.b, '[')
	first := true
	for j := 0; j < n; j++ {
		if set[j/8]&(1<<(j%8)) != 0 {
			if !first {
				c.b = append(c.b, ' ')
			}
			first = false
			c.fd(uint64(j))
		}
	}
	c.b = append(c.b, ']')
}

// offAt prints a loff_t the call reads or updates: [4096].

// ppollRet is pollRet with the time left of ppoll's timeout.
func ppollRet(c *ctx) {
	pollRet(c)
	if c.ret == 0 || c.a[2] == 0 {
		return
	}
	var ts [16]byte
	if printers.ReadFull(c.m, c.a[2], ts[:]) != nil {
		return
	}
	if n := len(c.b); n > 0 && c.b[n-1] == ')' {
		c.b = c.b[:n-1]
		c.sep()
	} else {
		c.str(" (")
	}
	c.str("left ")
	c.timespec(ts[:])
	c.b = append(c.b, ')')
}
