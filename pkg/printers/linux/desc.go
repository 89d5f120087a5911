package linux

import "github.com/guestrace/guestrace/pkg/printers"

// maxArray bounds the elements of an array printed even with -v, and the
// entries scanned for poll's ready descriptors: the guest chooses the counts.
const maxArray = 4096

// array prints nmemb elements of size bytes at addr as strace's print_array
// does: [e1, e2, ...], at most -s of them unless -v, "..." and the address of
// the first unreadable one. Each element is read, into a buffer of at most
// 64 bytes, and passed to elem; elem returning false ends the array.
// ignoreFailed reads the array even at the exit of a failed call.
func (c *ctx) array(addr, nmemb uint64, size int, ignoreFailed bool, elem func(c *ctx, e []byte) bool) {
	if addr == 0 {
		c.str("NULL")
		return
	}
	if nmemb == 0 {
		c.str("[]")
		return
	}
	total := nmemb * uint64(size)
	if total/uint64(size) != nmemb || addr+total <= addr {
		c.ptr(addr)
		return
	}
	if c.exiting && c.failed && !ignoreFailed {
		c.ptr(addr)
		return
	}
	limit := min(nmemb, maxArray)
	if !c.verbose() && uint64(c.limit()) < nmemb {
		limit = uint64(c.limit())
	}
	var e [64]byte
	buf := e[:size]
	for i := uint64(0); i < nmemb; i++ {
		cur := addr + i*uint64(size)
		if i > 0 {
			c.sep()
		}
		if printers.ReadFull(c.m, cur, buf) != nil {
			if i == 0 {
				c.ptr(cur)
				return
			}
			c.str("... /* ")
			c.hex(cur)
			c.str(" */")
			break
		}
		if i == 0 {
			c.b = append(c.b, '[')
		}
		if i >= limit {
			c.str("...")
			break
		}
		if !elem(c, buf) {
			break
		}
	}
	c.b = append(c.b, ']')
}

// iovec prints an iovec array of n entries; each buffer is printed by
// data, with at most budget bytes in all (the bytes a read returned).
func (c *ctx) iovec(addr, n, budget uint64, asAddr bool) {
	c.array(addr, n, 16, true, func(c *ctx, e []byte) bool {
		base, l := le64(e), le64(e[8:])
		show := min(l, budget)
		if budget != ^uint64(0) {
			budget -= show
		}
		c.str("{iov_base=")
		if asAddr {
			c.ptr(base)
		} else {
			c.strN(base, show)
		}
		c.str(", iov_len=")
		c.ulong(l)
		c.b = append(c.b, '}')
		return true
	})
}

// aIovIn is an iovec array written by the call, count in argument n.
func aIovIn(n int) Arg {
	return aInStruct(func(c *ctx, v uint64) { c.iovec(v, c.a[n], ^uint64(0), false) })
}

// aIovOut is an iovec array the call filled with ret bytes.
func aIovOut(n int) Arg {
	return aOutStruct(func(c *ctx, v uint64) {
		if c.failed {
			c.iovec(v, c.a[n], ^uint64(0), true)
			return
		}
		c.iovec(v, c.a[n], uint64(c.ret), false)
	})
}

// pollfds prints poll's array at entry.
func (c *ctx) pollfds(addr, n uint64) {
	c.array(addr, n, 8, false, func(c *ctx, e []byte) bool {
		fd := int32(le32(e))
		c.str("{fd=")
		c.int(uint64(fd))
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
	n, size := selectSize(c.a[0])
	c.int(c.a[0])
	for i := 1; i <= 3; i++ {
		c.sep()
		c.fdSet(c.a[i], n, size)
	}
	c.sep()
	c.timevalAt(c.a[4])
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

// getcwd's buffer holds ret-1 bytes and a NUL.
var aCwdOut = aOutStruct(func(c *ctx, v uint64) {
	if c.failed {
		c.ptr(v)
		return
	}
	c.strZ(v, int(min(max(c.ret-1, 0), pathMax-1)))
})

// dents prints a directory listing as strace does without -v: its address
// and how many entries it holds. header is the size of an entry's fixed
// part.
func (c *ctx) dents(addr uint64, header int) {
	count := uint64(uint32(c.a[2]))
	if c.failed || uint64(c.ret) > count {
		c.ptr(addr)
		return
	}
	c.ptr(addr)
	n, left := 0, uint64(c.ret)
	var h [19]byte
	for left >= uint64(header) && n < 1<<16 {
		if printers.ReadFull(c.m, addr, h[:header]) != nil {
			break
		}
		n++
		reclen := uint64(le16(h[16:]))
		switch {
		case reclen > left:
			reclen = left
		case reclen < uint64(header):
			reclen = uint64(header)
		}
		left -= reclen
		addr += reclen
	}
	c.str(" /* ")
	c.b = printers.AppendInt(c.b, int64(n))
	if left != 0 {
		c.b = append(c.b, '+')
	}
	c.str(" entries */")
}

// dents64Verbose prints a getdents64 listing whole, as strace -v does.
func (c *ctx) dents64Verbose(addr uint64) {
	count := uint64(uint32(c.a[2]))
	if c.failed || uint64(c.ret) > count {
		c.ptr(addr)
		return
	}
	const header = 19
	left := uint64(c.ret)
	var h [header]byte
	n := 0
	for ; n < 1<<16; n++ {
		if left < header {
			if left == 0 {
				if n == 0 {
					c.b = append(c.b, '[')
					n++
				}
			} else {
				c.strNStyle(addr, left, true)
			}
			break
		}
		if printers.ReadFull(c.m, addr, h[:]) != nil {
			if n > 0 {
				c.str("... /* ")
				c.hex(addr)
				c.str(" */")
			} else {
				c.ptr(addr)
			}
			break
		}
		if n == 0 {
			c.b = append(c.b, '[')
		}
		reclen := uint64(le16(h[16:]))
		c.str("{d_ino=")
		c.ulong(le64(h[:]))
		c.str(", d_off=")
		c.ulong(le64(h[8:]))
		c.str(", d_reclen=")
		c.ulong(reclen)
		var next uint64
		switch {
		case reclen > left:
			c.str(" /* ")
			c.ulong(reclen - left)
			c.str(" bytes overflow */")
			reclen = left
			left = 0
		case reclen < header:
			c.str(" /* ")
			c.ulong(header - reclen)
			c.str(" bytes underflow */")
			reclen = header
			left -= header
			next = addr + header
		default:
			left -= reclen
			if left != 0 {
				next = addr + reclen
			}
		}
		c.str(", d_type=")
		c.xval(xDirentTypes, uint64(h[18]), "DT_???")
		rc := 0
		if nameLen := reclen - header; nameLen > 0 {
			c.str(", d_name=")
			if nameLen > 256 {
				nameLen = 256
			}
			rc = c.pathN(addr+header, int(nameLen)-1)
		}
		c.b = append(c.b, '}')
		if next == 0 {
			n++
			break
		}
		c.sep()
		if rc < 0 {
			c.str("...")
			n++
			break
		}
		addr = next
	}
	if n > 0 {
		c.b = append(c.b, ']')
	}
}

var (
	aDents64 = aOutStruct(func(c *ctx, v uint64) {
		if c.verbose() {
			c.dents64Verbose(v)
			return
		}
		c.dents(v, 19)
	})
	aDents = aOutStruct(func(c *ctx, v uint64) { c.dents(v, 18) })
)

// fcntl commands whose argument the decoder prints specially.
const (
	fDupfd        = 0
	fGetfd        = 1
	fSetfd        = 2
	fGetfl        = 3
	fSetfl        = 4
	fGetlk        = 5
	fSetlk        = 6
	fSetlkw       = 7
	fSetown       = 8
	fGetown       = 9
	fSetsig       = 10
	fGetsig       = 11
	fSetownEx     = 15
	fGetownEx     = 16
	fOfdGetlk     = 36
	fOfdSetlk     = 37
	fOfdSetlkw    = 38
	fSetlease     = 1024
	fGetlease     = 1025
	fNotify       = 1026
	fDupfdCloexec = 1030
	fSetpipeSz    = 1031
	fGetpipeSz    = 1032
	fAddSeals     = 1033
	fGetSeals     = 1034
)

// flock prints a struct flock.
func (c *ctx) flock(addr uint64) {
	f := c.read(addr, 32)
	if f == nil {
		return
	}
	c.str("{l_type=")
	c.xval(xLockfcmds, uint64(le16(f)), "F_???")
	c.str(", l_whence=")
	c.xval(xWhenceCodes, uint64(le16(f[2:])), "SEEK_???")
	c.str(", l_start=")
	c.long(le64(f[8:]))
	c.str(", l_len=")
	c.long(le64(f[16:]))
	if c.exiting {
		c.str(", l_pid=")
		c.int(uint64(le32(f[24:])))
	}
	c.b = append(c.b, '}')
}

func (c *ctx) fOwnerEx(addr uint64) {
	f := c.read(addr, 8)
	if f == nil {
		return
	}
	c.str("{type=")
	c.xval(xFOwnerTypes, uint64(le32(f)), "F_OWNER_???")
	c.str(", pid=")
	c.int(uint64(le32(f[4:])))
	c.b = append(c.b, '}')
}

// decFcntl is strace's fcntl decoder: the argument as the command says.
func decFcntl(c *ctx) {
	cmd := uint32(c.a[1])
	arg := c.a[2]
	if !c.exiting {
		c.fd(c.a[0])
		c.sep()
		c.xval(xFcntlcmds, uint64(cmd), "F_???")
		switch cmd {
		case fSetfd:
			c.sep()
			c.flags(xFdflags, arg, "FD_???")
		case fSetown, fSetpipeSz, fDupfd, fDupfdCloexec:
			c.sep()
			c.int(arg)
		case fSetfl:
			c.sep()
			c.openFlags(uint64(uint32(arg)))
		case fSetlk, fSetlkw, fOfdSetlk, fOfdSetlkw:
			c.sep()
			c.flock(arg)
		case fSetownEx:
			c.sep()
			c.fOwnerEx(arg)
		case fNotify:
			c.sep()
			c.flags(xNotifyflags, arg, "DN_???")
		case fSetlease:
			c.sep()
			c.xval(xLockfcmds, arg, "F_???")
		case fAddSeals:
			c.sep()
			c.flags(xFSeals, arg, "F_SEAL_???")
		case fSetsig:
			c.sep()
			c.signal(int64(int32(arg)))
		case fGetfd, fGetfl, fGetown, fGetsig, fGetlease, fGetSeals, fGetpipeSz, fGetlk, fOfdGetlk, fGetownEx:
		default:
			c.sep()
			c.hex(arg)
		}
		return
	}
	switch cmd {
	case fGetlk, fOfdGetlk:
		c.sep()
		c.flock(arg)
	case fGetownEx:
		c.sep()
		c.fOwnerEx(arg)
	}
}

// fcntlRet prints the values F_GETFD, F_GETFL and the like return.
func fcntlRet(c *ctx) {
	v := uint64(c.ret)
	switch uint32(c.a[1]) {
	case fGetfd:
		if v == 0 {
			break
		}
		c.hex(v)
		c.str(" (flags ")
		c.flags(xFdflags, v, "")
		c.b = append(c.b, ')')
		return
	case fGetfl:
		c.hex(v)
		c.str(" (flags ")
		c.openFlags(uint64(uint32(v)))
		c.b = append(c.b, ')')
		return
	case fGetlease:
		c.hex(v)
		if name, ok := xLockfcmds.Lookup(v); ok {
			c.str(" (")
			c.str(name)
			c.b = append(c.b, ')')
		}
		return
	case fGetSeals:
		if v == 0 {
			break
		}
		c.hex(v)
		c.str(" (seals ")
		c.flags(xFSeals, v, "")
		c.b = append(c.b, ')')
		return
	case fGetsig:
		c.long(v)
		if v != 0 {
			if name, ok := appendSigName(nil, int64(v)); ok {
				c.str(" (")
				c.b = append(c.b, name...)
				c.b = append(c.b, ')')
			}
		}
		return
	}
	c.long(v)
}

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
	n, size := selectSize(c.a[0])
	c.int(c.a[0])
	for i := 1; i <= 3; i++ {
		c.sep()
		c.fdSet(c.a[i], n, size)
	}
	c.sep()
	c.timespecAt(c.a[4])
	c.sep()
	if p := c.read(c.a[5], 16); p != nil {
		ss, l := le64(p), le64(p[8:])
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
			c.int(uint64(j))
		}
	}
	c.b = append(c.b, ']')
}

// offAt prints a loff_t the call reads or updates: [4096].
func (c *ctx) offAt(addr uint64) { c.numAt(addr, 8, true) }

// mqAttr prints a struct mq_attr, with mq_flags by name or in hex.
func (c *ctx) mqAttr(addr uint64, names bool) {
	a := c.read(addr, 32)
	if a == nil {
		return
	}
	c.str("{mq_flags=")
	if names {
		c.flags(xMqAttrFlags, le64(a), "O_???")
	} else {
		c.hex(le64(a))
	}
	c.str(", mq_maxmsg=")
	c.long(le64(a[8:]))
	c.str(", mq_msgsize=")
	c.long(le64(a[16:]))
	c.str(", mq_curmsgs=")
	c.long(le64(a[24:]))
	c.b = append(c.b, '}')
}

// aTimespecAlways is a timeout the kernel read at entry, printed at exit
// even when the call failed.
var aTimespecAlways = aOutStruct(func(c *ctx, v uint64) {
	failed := c.failed
	c.failed = false
	c.timespecAt(v)
	c.failed = failed
})

// decSendfile prints sendfile: the offset at entry and, when the call
// moved it, " => " and its new value.
func decSendfile(c *ctx) {
	if !c.exiting {
		c.fd(c.a[0])
		c.sep()
		c.fd(c.a[1])
		c.sep()
		c.numAtU64(c.a[2])
		return
	}
	if !c.failed && c.ret != 0 && c.a[2] != 0 {
		c.str(" => ")
		c.numAtU64(c.a[2])
	}
	c.sep()
	c.ulong(c.a[3])
}

// numAtU64 prints the uint64 at addr in brackets, NULL, or the address
// when it cannot be read.
func (c *ctx) numAtU64(addr uint64) {
	if addr == 0 {
		c.str("NULL")
		return
	}
	var b [8]byte
	if printers.ReadFull(c.m, addr, b[:]) != nil {
		c.ptr(addr)
		return
	}
	c.b = append(c.b, '[')
	c.ulong(le64(b[:]))
	c.b = append(c.b, ']')
}

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

// schedulerRet names the policy sched_getscheduler returns.
func schedulerRet(c *ctx) {
	c.long(uint64(c.ret))
	if name, ok := xSchedulers.Lookup(uint64(c.ret)); ok {
		c.str(" (")
		c.str(name)
		c.b = append(c.b, ')')
	}
}

// decMqOpen prints mq_open; the mode and attributes go with O_CREAT only.
func decMqOpen(c *ctx) {
	if c.exiting {
		return
	}
	c.path(c.a[0])
	c.sep()
	c.openFlags(uint64(uint32(c.a[1])))
	if c.a[1]&oCreat != 0 {
		c.sep()
		c.mode(c.a[2] & 0xffff)
		c.sep()
		c.mqAttr(c.a[3], false)
	}
}

var (
	aMqAttr    = aInStruct(func(c *ctx, v uint64) { c.mqAttr(v, true) })
	aMqAttrOut = aOutStruct(func(c *ctx, v uint64) { c.mqAttr(v, true) })
)
