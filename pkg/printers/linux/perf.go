package linux

import "github.com/guestrace/guestrace/pkg/printers"

// perf_event_open with its struct perf_event_attr, as strace's perf.c
// prints it: the structure is read at entry and printed at exit (with the
// size the kernel wants after E2BIG); without -v only the fields before
// wakeup_events, and the flag bits that are set.

const (
	perfAttrVer0          = 64
	perfAttrMax           = 128 // strace's struct perf_event_attr (PERF_ATTR_SIZE_VER7)
	perfAttrAbbrev        = 48  // offsetof(wakeup_events)
	errE2BIG              = 7
	perfSampleBranchStack = 1 << 11
	perfSampleStackUser   = 1 << 13
	perfTypeHardware      = 0
	perfTypeSoftware      = 1
	perfTypeTracepoint    = 2
	perfTypeHWCache       = 3
	perfTypeBreakpoint    = 5
)

// perfFlagBits name the bit fields of the flags word, from bit 0; bits
// 15-16 are precise_ip.
var perfFlagBits = [...]string{"disabled", "inherit", "pinned", "exclusive",
	"exclude_user", "exclude_kernel", "exclude_hv", "exclude_idle", "mmap",
	"comm", "freq", "inherit_stat", "enable_on_exec", "task", "watermark",
	"", "", "mmap_data", "sample_id_all", "exclude_host", "exclude_guest",
	"exclude_callchain_kernel", "exclude_callchain_user", "mmap2",
	"comm_exec", "use_clockid", "context_switch", "write_backward",
	"namespaces", "ksymbol", "bpf_event", "aux_output", "cgroup",
	"text_poke", "build_id", "inherit_thread", "remove_on_exec", "sigtrap"}

var perfPreciseIP = [4]string{"arbitrary skid", "constant skid",
	"requested to have 0 skid", "must have 0 skid"}

const (
	perfBitFreq       = 10
	perfBitWatermark  = 14
	perfBitPreciseIP  = 15
	perfBitUseClockid = 25
	perfReservedShift = 38
)

// perfFetchSize returns how many bytes of the structure strace reads,
// from its size field, or false when it prints the address.
func (c *ctx) perfFetchSize(size uint32) (int, bool) {
	n := int(min(size, perfAttrMax))
	if n == 0 {
		n = perfAttrVer0
	}
	if n < perfAttrVer0 {
		return 0, false
	}
	if !c.verbose() {
		n = perfAttrAbbrev
	}
	return n, true
}

func decPerfEventOpen(c *ctx) {
	addr := c.a[0]
	var attr [perfAttrMax]byte
	if c.exiting {
		s, _, ok := c.saved()
		if !ok {
			if c.st != nil {
				return // (printed whole at entry)
			}
			// Without a state, the structure as the call left it.
			if s, ok = c.perfSize(addr); !ok {
				return
			}
		}
		size := uint32(s)
		newSize, hasNew := uint64(0), false
		if c.failed && c.ret == -errE2BIG {
			newSize, hasNew = c.perfSize(addr)
		}
		// (read through the scratch buffer: a local array handed to
		// the memory would escape)
		n, _ := c.perfFetchSize(size)
		if b := c.mem(n); n == 0 || printers.ReadFull(c.m, addr, b) != nil {
			c.ptr(addr)
		} else {
			copy(attr[:], b)
			c.perfAttr(&attr, n, size, newSize, hasNew)
		}
	} else {
		if size, ok := c.perfSize(addr); ok {
			n, fetched := c.perfFetchSize(uint32(size))
			if fetched && printers.ReadFull(c.m, addr, c.mem(n)) == nil {
				c.save(size, 0)
				return // (printed at exit)
			}
		}
		c.ptr(addr)
	}
	c.sep()
	c.int(c.a[1])
	c.sep()
	c.int(c.a[2])
	c.sep()
	c.fd(c.a[3])
	c.sep()
	c.flags(xPerfEventOpenFlags, c.a[4], "PERF_FLAG_???")
}

// perfSize reads the structure's size field.
func (c *ctx) perfSize(addr uint64) (uint64, bool) {
	b := c.mem(4)
	if addr == 0 || printers.ReadFull(c.m, addr+4, b) != nil {
		return 0, false
	}
	return uint64(le32(b)), true
}

// perfAttr prints the n bytes of attr read; size is its size field at
// entry, newSize the one the kernel wants after E2BIG (when hasNew).
func (c *ctx) perfAttr(attr *[perfAttrMax]byte, n int, size uint32, newSize uint64, hasNew bool) {
	typ := le32(attr[0:])
	cfg := le64(attr[8:])
	flags := le64(attr[40:])
	sampleType := le64(attr[24:])
	bit := func(i int) bool { return flags>>i&1 != 0 }
	c.str("{type=")
	c.xval(xPerfTypes, uint64(typ), "PERF_TYPE_???")
	c.str(", size=")
	c.xval(xPerfAttrSizes, uint64(size), "PERF_ATTR_SIZE_???")
	if c.failed && c.ret == -errE2BIG {
		c.str(" => ")
		if hasNew {
			c.xval(xPerfAttrSizes, newSize, "PERF_ATTR_SIZE_???")
		} else {
			c.str("???")
		}
	}
	c.str(", config=")
	switch typ {
	case perfTypeHardware:
		c.perfHigh(cfg>>32, 32)
		c.xval(xPerfHwIDs, cfg&0xffffffff, "PERF_COUNT_HW_???")
	case perfTypeSoftware:
		c.xval(xPerfSwIDs, cfg, "PERF_COUNT_SW_???")
	case perfTypeTracepoint:
		c.ulong(cfg)
	case perfTypeHWCache:
		c.perfHigh(cfg>>32, 32)
		c.perfHigh((cfg&0xffffffff)>>24, 24)
		c.xval(xPerfHwCacheResults, cfg>>16&0xff, "PERF_COUNT_HW_CACHE_RESULT_???")
		c.str("<<16|")
		c.xval(xPerfHwCacheOps, cfg>>8&0xff, "PERF_COUNT_HW_CACHE_OP_???")
		c.str("<<8|")
		c.xval(xPerfHwCacheIDs, cfg&0xff, "PERF_COUNT_HW_CACHE_???")
	default:
		c.hex(cfg)
	}
	if bit(perfBitFreq) {
		c.str(", sample_freq=")
	} else {
		c.str(", sample_period=")
	}
	c.ulong(le64(attr[16:]))
	c.str(", sample_type=")
	c.flags(xPerfSampleFormat, sampleType, "PERF_SAMPLE_???")
	c.str(", read_format=")
	c.flags(xPerfReadFormat, le64(attr[32:]), "PERF_FORMAT_???")
	for i, name := range perfFlagBits {
		if i == perfBitPreciseIP {
			p := flags >> perfBitPreciseIP & 3
			c.str(", precise_ip=")
			c.uint(p)
			c.b = printers.AppendComment(c.b, perfPreciseIP[p])
		}
		if name == "" || (!c.verbose() && !bit(i)) {
			continue
		}
		c.sep()
		c.name(name)
		c.uint(flags >> i & 1)
	}
	if r := flags >> perfReservedShift; r != 0 {
		c.str(", __reserved_1=")
		c.hex(r)
		c.b = printers.AppendComment(c.b, "Bits 63..38")
	}
	if c.verbose() {
		c.perfVerbose(attr, n, typ, sampleType, bit)
	}
	if (size != 0 && int(size) > n) || (size == 0 && n < perfAttrVer0) {
		c.str(", ...")
	}
	c.b = append(c.b, '}')
}

// perfHigh prints the bits of a config above a field: 0x1<<32|.
func (c *ctx) perfHigh(v uint64, shift int) {
	if v == 0 {
		return
	}
	c.hex(v)
	c.str("<<")
	c.uint(uint64(shift))
	c.b = append(c.b, '|')
}

// perfVerbose prints the fields strace prints under -v, up to the size
// read.
func (c *ctx) perfVerbose(attr *[perfAttrMax]byte, n int, typ uint32, sampleType uint64, bit func(int) bool) {
	bp := typ == perfTypeBreakpoint
	if bit(perfBitWatermark) {
		c.str(", wakeup_watermark=")
	} else {
		c.str(", wakeup_events=")
	}
	c.uint(uint64(le32(attr[48:])))
	if bp {
		t := uint64(le32(attr[52:]))
		dflt := "HW_BREAKPOINT_???"
		if t <= 7 {
			dflt = "HW_BREAKPOINT_INVALID"
		}
		c.str(", bp_type=")
		c.xval(xHwBreakpointTypes, t, dflt)
		c.str(", bp_addr=")
	} else {
		c.str(", config1=")
	}
	c.hex(le64(attr[56:]))
	if n <= 64 {
		return
	}
	if bp {
		c.str(", bp_len=")
		c.ulong(le64(attr[64:]))
	} else {
		c.str(", config2=")
		c.hex(le64(attr[64:]))
	}
	if n <= 72 {
		return
	}
	if sampleType&perfSampleBranchStack != 0 {
		c.str(", branch_sample_type=")
		c.flags(xPerfBranchSampleTypes, le64(attr[72:]), "PERF_SAMPLE_BRANCH_???")
	}
	if n <= 80 {
		return
	}
	c.str(", sample_regs_user=")
	c.hex(le64(attr[80:]))
	if n <= 88 {
		return
	}
	if sampleType&perfSampleStackUser != 0 {
		c.str(", sample_stack_user=")
		c.hex(uint64(le32(attr[88:])))
	}
	if bit(perfBitUseClockid) {
		if n <= 92 {
			return
		}
		c.str(", clockid=")
		c.xval(xClocknames, uint64(le32(attr[92:])), "CLOCK_???")
	}
	if n <= 96 {
		return
	}
	c.str(", sample_regs_intr=")
	c.hex(le64(attr[96:]))
	if n <= 104 {
		return
	}
	c.str(", aux_watermark=")
	c.uint(uint64(le32(attr[104:])))
	if n <= 108 {
		return
	}
	c.str(", sample_max_stack=")
	c.uint(uint64(le16(attr[108:])))
	if n <= 110 {
		return
	}
	if r := le16(attr[110:]); r != 0 {
		c.b = printers.AppendComment(c.b, "bytes 110..111: "+string(printers.AppendHex(nil, uint64(r))))
	}
	if n <= 112 {
		return
	}
	c.str(", aux_sample_size=")
	c.uint(uint64(le32(attr[112:])))
	if n <= 116 {
		return
	}
	if r := le32(attr[116:]); r != 0 {
		c.b = printers.AppendComment(c.b, "bytes 116..119: "+string(printers.AppendHex(nil, uint64(r))))
	}
	if n <= 120 {
		return
	}
	c.str(", sig_data=")
	c.hex(le64(attr[120:]))
}

// The perf ioctls (type '$') strace decodes.
const (
	perfIocEnable           = 0x2400
	perfIocDisable          = 0x2401
	perfIocRefresh          = 0x2402
	perfIocReset            = 0x2403
	perfIocPeriod           = 0x40082404
	perfIocSetOutput        = 0x2405
	perfIocSetFilter        = 0x40082406
	perfIocID               = 0x80082407
	perfIocSetBPF           = 0x40042408
	perfIocPauseOutput      = 0x40042409
	perfIocQueryBPF         = 0xc008240a
	perfIocModifyAttributes = 0x4008240b
)

// decPerfIoctl prints the argument of a perf ioctl it knows, after the
// descriptor and request, and reports whether it did.
func (c *ctx) decPerfIoctl(code uint32, arg uint64) bool {
	switch code {
	case perfIocID:
		if c.exiting {
			c.sep()
			c.numAt(arg, 8, false)
		}
		return true
	case perfIocQueryBPF:
		c.perfQueryBPF(arg)
		return true
	case perfIocEnable, perfIocDisable, perfIocReset, perfIocRefresh, perfIocPeriod,
		perfIocSetOutput, perfIocSetBPF, perfIocPauseOutput, perfIocSetFilter, perfIocModifyAttributes:
	default:
		return false
	}
	if c.exiting {
		return true
	}
	c.sep()
	switch code {
	case perfIocEnable, perfIocDisable, perfIocReset:
		c.flags(xPerfIoctlFlags, uint64(uint32(arg)), "PERF_IOC_FLAG_???")
	case perfIocRefresh:
		c.int(arg)
	case perfIocPeriod:
		c.numAt(arg, 8, false)
	case perfIocSetOutput, perfIocSetBPF:
		c.fd(arg)
	case perfIocPauseOutput:
		c.ulong(arg)
	case perfIocSetFilter:
		c.cstrN(arg, pageSize)
	case perfIocModifyAttributes:
		size, ok := c.perfSize(arg)
		n, fetched := c.perfFetchSize(uint32(size))
		var attr [perfAttrMax]byte
		b := c.mem(n)
		if !ok || !fetched || printers.ReadFull(c.m, arg, b) != nil {
			c.ptr(arg)
			return true
		}
		copy(attr[:], b)
		c.perfAttr(&attr, n, uint32(size), 0, false)
	}
	return true
}

// perfQueryBPF prints PERF_EVENT_IOC_QUERY_BPF's struct
// perf_event_query_bpf: ids_len at entry, the programs at exit.
func (c *ctx) perfQueryBPF(arg uint64) {
	if !c.exiting {
		c.sep()
		if b := c.read(arg, 4); b != nil {
			c.str("{ids_len=")
			c.uint(uint64(le32(b)))
			c.sep()
			c.save(1, 0)
		}
		return
	}
	if _, _, ok := c.saved(); !ok && c.st != nil {
		return
	}
	b := c.mem(4)
	if c.failed || printers.ReadFull(c.m, arg+4, b) != nil {
		c.str("...}")
		return
	}
	cnt := uint64(le32(b))
	c.str("prog_cnt=")
	c.uint(cnt)
	c.str(", ids=")
	c.array(arg+8, cnt, 4, false, func(c *ctx, e []byte) bool {
		c.uint(uint64(le32(e)))
		return true
	})
	c.b = append(c.b, '}')
}
