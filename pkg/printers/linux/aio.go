package linux

// Linux AIO (io_setup, io_submit, io_getevents, io_pgetevents, io_cancel)
// as strace's aio.c prints it: the struct iocb of each request, the
// struct io_event of each completion.

const (
	iocbSize    = 64
	ioEventSize = 32
	iocbPwrite  = 1
	iocbPwritev = 8
	iocbResFD   = 1
	iocbIoprio  = 2
)

// The kinds of iocb, by what follows the descriptor.
const (
	iocbNone = iota
	iocbCommon
	iocbVector
	iocbPoll
)

var iocbKinds = [...]uint8{0: iocbCommon, 1: iocbCommon, 5: iocbPoll, 7: iocbVector, 8: iocbVector}

// iocbHeader prints the fields every iocb has and returns its kind.
func (c *ctx) iocbHeader(b []byte) uint8 {
	c.str("aio_data=")
	c.hex(le64(b))
	if k := le32(b[8:]); k != 0 {
		c.str(", aio_key=")
		c.uint(uint64(k))
	}
	if f := le32(b[12:]); f != 0 {
		c.str(", aio_rw_flags=")
		c.flags(xRwfFlags, uint64(f), "RWF_???")
	}
	op := le16(b[16:])
	c.str(", aio_lio_opcode=")
	c.xvalD(xAioCmds, uint64(op), "IOCB_CMD_???")
	prio := le16(b[18:])
	if le32(b[56:])&iocbIoprio != 0 {
		c.str(", aio_reqprio=")
		c.ioprio(uint64(prio))
	} else if prio != 0 {
		c.str(", aio_reqprio=")
		c.int(uint64(int16(prio)))
	}
	c.str(", aio_fildes=")
	c.fd(uint64(le32(b[20:])))
	if int(op) < len(iocbKinds) {
		return iocbKinds[op]
	}
	return iocbNone
}

// iocb prints a whole struct iocb.
func (c *ctx) iocb(b []byte) {
	c.b = append(c.b, '{')
	kind := c.iocbHeader(b)
	op, buf, nbytes := le16(b[16:]), le64(b[24:]), le64(b[32:])
	valid := int64(nbytes) >= 0
	switch kind {
	case iocbCommon:
		c.str(", aio_buf=")
		if op == iocbPwrite && valid {
			c.strN(buf, nbytes)
		} else {
			c.hex(buf)
		}
		c.str(", aio_nbytes=")
		c.ulong(nbytes)
		c.str(", aio_offset=")
		c.long(le64(b[40:]))
		c.iocbFlags(b)
	case iocbVector:
		if valid {
			c.str(", aio_buf=")
			c.iovec(buf, nbytes, ^uint64(0), op != iocbPwritev)
		} else {
			c.str(", aio_buf=")
			c.hex(buf)
			c.str(", aio_nbytes=")
			c.ulong(nbytes)
		}
		c.str(", aio_offset=")
		c.long(le64(b[40:]))
		c.iocbFlags(b)
	case iocbPoll:
		c.str(", aio_buf=")
		c.flags(xPollflags, buf, "POLL???")
		c.iocbFlags(b)
	}
	c.b = append(c.b, '}')
}

// iocbFlags prints aio_flags and aio_resfd when set.
func (c *ctx) iocbFlags(b []byte) {
	flags, resfd := le32(b[56:]), le32(b[60:])
	if flags != 0 {
		c.str(", aio_flags=")
		c.flags(xAioIocbFlags, uint64(flags), "IOCB_FLAG_???")
	}
	if flags&iocbResFD != 0 {
		c.str(", aio_resfd=")
		c.fd(uint64(resfd))
	} else if resfd != 0 {
		c.str(", aio_resfd=")
		c.hex(uint64(resfd))
	}
}

// ioEvent prints a struct io_event.
func (c *ctx) ioEvent(e []byte) bool {
	c.str("{data=")
	c.hex(le64(e))
	c.str(", obj=")
	c.hex(le64(e[8:]))
	c.str(", res=")
	c.long(le64(e[16:]))
	c.str(", res2=")
	c.long(le64(e[24:]))
	c.b = append(c.b, '}')
	return true
}

func decIoSubmit(c *ctx) {
	if c.exiting {
		return
	}
	c.ptr(c.a[0])
	c.sep()
	nr := int64(c.longArg(c.a[1]))
	c.long(uint64(nr))
	c.sep()
	if nr < 0 {
		c.ptr(c.a[2])
		return
	}
	// An array of pointers to struct iocb, which has one layout.
	c.array(c.a[2], uint64(nr), c.longSize(), false, func(c *ctx, e []byte) bool {
		// (copied from the scratch buffer, which printing reuses)
		if b := c.read(c.ulongOf(e), iocbSize); b != nil {
			var cb [iocbSize]byte
			copy(cb[:], b)
			c.iocb(cb[:])
		}
		return true
	})
}

func decIoCancel(c *ctx) {
	if !c.exiting {
		c.ptr(c.a[0])
		c.sep()
		if b := c.read(c.a[1], iocbSize); b != nil {
			var cb [iocbSize]byte
			copy(cb[:], b)
			c.b = append(c.b, '{')
			c.iocbHeader(cb[:])
			c.b = append(c.b, '}')
		}
		c.sep()
		return
	}
	if e := c.read(c.a[2], ioEventSize); e != nil {
		c.ioEvent(e)
	}
}

// decIoGetevents prints io_getevents and, with sig, io_pgetevents: the
// events the call returned, the timeout (and signal mask) as they are
// at exit, even when the call failed.
func decIoGetevents(sig bool) func(c *ctx) {
	return func(c *ctx) {
		if !c.exiting {
			c.ptr(c.a[0])
			c.sep()
			c.long(c.longArg(c.a[1]))
			c.sep()
			c.long(c.longArg(c.a[2]))
			c.sep()
			return
		}
		n := uint64(c.ret)
		if c.failed {
			n = ^uint64(0)
		}
		c.array(c.a[3], n, ioEventSize, false, func(c *ctx, e []byte) bool { return c.ioEvent(e) })
		c.sep()
		failed := c.failed
		c.failed = false
		c.timespecAt(c.a[4])
		if sig {
			c.sep()
			c.kernelSigset(c.a[5])
		}
		c.failed = failed
	}
}

// aPtrAtOut is the pointer (aio_context_t: a long) a call stored at an
// address: [0x7f...].
var aPtrAtOut = aOutStruct((*ctx).ptrAt)
