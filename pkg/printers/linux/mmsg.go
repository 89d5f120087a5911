package linux

import "github.com/guestrace/guestrace/pkg/printers"

// sendmmsg and recvmmsg with their arrays of struct mmsghdr, as strace's
// mmsghdr.c prints them: {msg_hdr={...}, msg_len=N}.

const iovMax = 1024

// mmsgvec prints n struct mmsghdr: msg_len for the first withLen of
// them, each message's data bounded by its msg_len when useLen.
func (c *ctx) mmsgvec(addr, n, withLen uint64, useLen bool) {
	count := uint64(iovMax)
	// struct mmsghdr: a struct msghdr, then msg_len padded to a long.
	hdr := c.msghdrSize()
	c.array(addr, n, hdr+c.longSize(), true, func(c *ctx, e []byte) bool {
		if count == 0 {
			c.str("...")
			return false
		}
		count--
		msgLen := uint64(le32(e[hdr:]))
		data := ^uint64(0)
		if useLen {
			data = msgLen
		}
		c.str("{msg_hdr=")
		c.msghdrOf(e, data, false)
		if withLen > 0 {
			c.str(", msg_len=")
			c.ulong(msgLen)
			withLen--
		}
		c.b = append(c.b, '}')
		return true
	})
}

// decSendmmsg prints the vector at exit, even when the call failed, with
// msg_len for the messages it sent.
func decSendmmsg(c *ctx) {
	if !c.exiting {
		c.fd(c.a[0])
		c.sep()
		return
	}
	var sent uint64
	if !c.failed {
		sent = uint64(c.ret)
	}
	failed := c.failed
	c.failed = false
	c.mmsgvec(c.a[1], uint64(uint32(c.a[2])), sent, false)
	c.failed = failed
	c.sep()
	c.uint(c.a[2])
	c.sep()
	c.flags(xMsgFlags, uint64(uint32(c.a[3])), "MSG_???")
}

// decRecvmmsg prints the messages received at exit, then the timeout as
// it was at entry (kept in the state).
func decRecvmmsg(c *ctx) {
	if !c.exiting {
		c.fd(c.a[0])
		c.sep()
		// The timespec's bytes (8 or 16) kept as two words.
		if b := c.mem(2 * c.timeSize()); c.a[4] != 0 && printers.ReadFull(c.m, c.a[4], b) == nil {
			var ts [16]byte
			copy(ts[:], b)
			c.save(le64(ts[:]), le64(ts[8:]))
		}
		return
	}
	if c.failed {
		c.ptr(c.a[1])
	} else {
		c.mmsgvec(c.a[1], uint64(uint32(c.ret)), uint64(uint32(c.ret)), true)
	}
	c.sep()
	c.uint(c.a[2])
	c.sep()
	c.flags(xMsgFlags, uint64(uint32(c.a[3])), "MSG_???")
	c.sep()
	if sec, nsec, ok := c.saved(); ok {
		var ts [16]byte
		putLE64(ts[:], sec)
		putLE64(ts[8:], nsec)
		c.timespec(ts[:])
	} else {
		c.ptr(c.a[4])
	}
}

// recvmmsgRet is the count, with "(Timeout)" for none and the time left
// when there was a timeout.
func recvmmsgRet(c *ctx) {
	c.long(uint64(c.ret))
	if c.ret == 0 {
		c.str(" (Timeout)")
		return
	}
	if c.a[4] == 0 {
		return
	}
	c.str(" (left ")
	c.timespecAt(c.a[4])
	c.b = append(c.b, ')')
}

func putLE64(b []byte, v uint64) {
	for i := range 8 {
		b[i] = byte(v >> (8 * i))
	}
}
