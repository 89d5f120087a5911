package linux

import "github.com/guestrace/guestrace/pkg/printers"

// io_uring_setup with its struct io_uring_params, as strace's io_uring.c
// prints it: what the caller sets at entry, what the kernel filled at the
// exit of a call that succeeded.

const (
	uringParamsSize    = 120
	uringSetupAttachWQ = 1 << 5
)

func decUringSetup(c *ctx) {
	addr := c.a[1]
	if !c.exiting {
		c.uint(c.a[0])
		c.sep()
		b := c.read(addr, uringParamsSize)
		if b == nil {
			return
		}
		flags := uint64(le32(b[8:]))
		c.str("{flags=")
		c.flags(xUringSetupFlags, flags, "IORING_SETUP_???")
		c.str(", sq_thread_cpu=")
		c.hex(uint64(le32(b[12:])))
		c.str(", sq_thread_idle=")
		c.uint(uint64(le32(b[16:])))
		if flags&uringSetupAttachWQ != 0 {
			c.str(", wq_fd=")
			c.fd(uint64(le32(b[24:])))
		}
		if r0, r1, r2 := le32(b[28:]), le32(b[32:]), le32(b[36:]); r0|r1|r2 != 0 {
			c.str(", resv=[")
			c.hex(uint64(r0))
			c.sep()
			c.hex(uint64(r1))
			c.sep()
			c.hex(uint64(r2))
			c.b = append(c.b, ']')
		}
		c.save(1, 0)
		return
	}
	if _, _, ok := c.saved(); !ok {
		return // (entry printed the address)
	}
	if p := c.mem(uringParamsSize); !c.failed && addr != 0 && printers.ReadFull(c.m, addr, p) == nil {
		c.str(", sq_entries=")
		c.uint(uint64(le32(p[0:])))
		c.str(", cq_entries=")
		c.uint(uint64(le32(p[4:])))
		c.str(", features=")
		c.flags(xUringSetupFeatures, uint64(le32(p[20:])), "IORING_FEAT_???")
		c.str(", sq_off=")
		c.uringOffsets(p[40:80], &sqOffsets)
		c.str(", cq_off=")
		c.uringOffsets(p[80:120], &cqOffsets)
	}
	c.b = append(c.b, '}')
}

// The fields of struct io_sqring_offsets and io_cqring_offsets, before
// their reserved words.
var (
	sqOffsets = [7]string{"head", "tail", "ring_mask", "ring_entries", "flags", "dropped", "array"}
	cqOffsets = [7]string{"head", "tail", "ring_mask", "ring_entries", "overflow", "cqes", "flags"}
)

// uringOffsets prints ring offsets: seven words, then the reserved ones
// when set.
func (c *ctx) uringOffsets(b []byte, names *[7]string) {
	c.b = append(c.b, '{')
	for i, n := range names {
		if i > 0 {
			c.sep()
		}
		c.str(n)
		c.b = append(c.b, '=')
		c.uint(uint64(le32(b[4*i:])))
	}
	if r1 := le32(b[28:]); r1 != 0 {
		c.str(", resv1=")
		c.hex(uint64(r1))
	}
	if r2 := le64(b[32:]); r2 != 0 {
		c.str(", resv2=")
		c.hex(r2)
	}
	c.b = append(c.b, '}')
}
