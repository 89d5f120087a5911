package linux

import "github.com/guestrace/guestrace/pkg/printers"

// prctl options decoded specially.
const (
	prSetPdeathsig     = 1
	prGetPdeathsig     = 2
	prGetDumpable      = 3
	prSetDumpable      = 4
	prGetUnalign       = 5
	prSetUnalign       = 6
	prGetKeepcaps      = 7
	prSetKeepcaps      = 8
	prGetFpemu         = 9
	prSetFpemu         = 10
	prGetFpexc         = 11
	prSetFpexc         = 12
	prGetTiming        = 13
	prSetTiming        = 14
	prSetName          = 15
	prGetName          = 16
	prGetEndian        = 19
	prSetEndian        = 20
	prGetSeccomp       = 21
	prSetSeccomp       = 22
	prCapbsetRead      = 23
	prCapbsetDrop      = 24
	prGetTSC           = 25
	prSetTSC           = 26
	prSetSecurebits    = 28
	prSetTimerslack    = 29
	prGetTimerslack    = 30
	prPerfDisable      = 31
	prPerfEnable       = 32
	prSetMM            = 35
	prSetChildSubreap  = 36
	prGetChildSubreap  = 37
	prSetNoNewPrivs    = 38
	prGetTIDAddress    = 40
	prSetTHPDisable    = 41
	prSetIOFlusher     = 57
	prSetPtracer       = 0x59616d61
	taskCommLen        = 16
	archSetGS          = 0x1001
	archSetFS          = 0x1002
	archGetFS          = 0x1003
	archGetGS          = 0x1004
	archGetCPUID       = 0x1011
	futexWait          = 0
	futexWake          = 1
	futexFD            = 2
	futexRequeue       = 3
	futexCmpRequeue    = 4
	futexWakeOp        = 5
	futexLockPI        = 6
	futexUnlockPI      = 7
	futexTrylockPI     = 8
	futexWaitBitset    = 9
	futexWakeBitset    = 10
	futexWaitRequeuePI = 11
	futexCmpRequeuePI  = 12
	futexLockPI2       = 13
)

// prctlArgs prints prctl's arguments from the first on, in hex.
func (c *ctx) prctlArgs(first int) {
	for i := first; i < 5; i++ {
		c.sep()
		c.hex(c.a[i])
	}
}

// decPrctl is strace's prctl decoder for the common options.
func decPrctl(c *ctx) {
	opt := uint32(c.a[0])
	arg2 := c.a[1]
	if !c.exiting {
		c.xval(xPrctlOptions, uint64(opt), "PR_???")
		switch opt {
		case prGetKeepcaps, prGetSeccomp, prGetTimerslack, prGetTiming, prPerfDisable, prPerfEnable, prGetDumpable:
		case prGetChildSubreap, prGetEndian, prGetFpemu, prGetFpexc, prGetName, prGetPdeathsig, prGetTIDAddress, prGetTSC, prGetUnalign:
			c.sep()
		case prSetChildSubreap, prSetEndian, prSetFpemu, prSetFpexc, prSetKeepcaps, prSetTiming:
			c.sep()
			c.ulong(arg2)
		case prSetDumpable:
			c.sep()
			c.xval(xPrDumpable, arg2, "SUID_DUMP_???")
		case prCapbsetRead, prCapbsetDrop:
			c.sep()
			c.xval(xCap, arg2, "CAP_???")
		case prSetName:
			c.sep()
			c.cstrN(arg2, taskCommLen-1)
		case prSetMM:
			c.sep()
			c.xval(xPrSetMm, arg2, "PR_SET_MM_???")
			c.prctlArgs(2)
		case prSetPdeathsig:
			c.sep()
			if arg2 > 128 {
				c.ulong(arg2)
			} else {
				c.signal(int64(arg2))
			}
		case prSetPtracer:
			c.sep()
			if int32(arg2) == -1 {
				c.str("PR_SET_PTRACER_ANY")
			} else {
				c.int(arg2)
			}
		case prSetSecurebits:
			c.sep()
			c.flags(xSecbits, arg2, "SECBIT_???")
		case prSetTimerslack:
			c.sep()
			c.long(arg2)
		case prSetTSC:
			c.sep()
			c.xval(xPrTsc, arg2, "PR_TSC_???")
		case prSetUnalign:
			c.sep()
			c.flags(xPrUnalignFlags, arg2, "PR_UNALIGN_???")
		case prSetSeccomp:
			c.sep()
			c.xval(xSeccompModes, arg2, "SECCOMP_MODE_???")
			switch arg2 {
			case seccompModeStrict:
			case seccompModeFilter:
				c.sep()
				c.sockFprog(c.a[2])
			default:
				c.prctlArgs(2)
			}
		case prSetNoNewPrivs, prSetTHPDisable, prSetIOFlusher:
			c.sep()
			c.ulong(arg2)
			c.prctlArgs(2)
		default:
			c.prctlArgs(1)
		}
		return
	}
	switch opt {
	case prGetChildSubreap, prGetEndian, prGetFpemu, prGetFpexc:
		c.numAt(arg2, 4, false)
	case prGetName:
		if c.failed {
			c.ptr(arg2)
		} else {
			c.cstrN(arg2, taskCommLen)
		}
	case prGetPdeathsig:
		if b := c.read(arg2, 4); b != nil {
			c.b = append(c.b, '[')
			c.signal(int64(int32(le32(b))))
			c.b = append(c.b, ']')
		}
	case prGetTIDAddress:
		if b := c.read(arg2, 8); b != nil {
			c.b = append(c.b, '[')
			c.ptr(le64(b))
			c.b = append(c.b, ']')
		}
	case prGetTSC:
		if b := c.read(arg2, 4); b != nil {
			c.b = append(c.b, '[')
			c.xval(xPrTsc, uint64(le32(b)), "PR_TSC_???")
			c.b = append(c.b, ']')
		}
	case prGetUnalign:
		if b := c.read(arg2, 4); b != nil {
			c.b = append(c.b, '[')
			c.flags(xPrUnalignFlags, uint64(le32(b)), "PR_UNALIGN_???")
			c.b = append(c.b, ']')
		}
	}
}

// prctlRet adds the name of what PR_GET_DUMPABLE returns.
func prctlRet(c *ctx) {
	c.long(uint64(c.ret))
	if uint32(c.a[0]) == prGetDumpable {
		c.nameAfter(xPrDumpable, uint64(c.ret))
	}
}

// decArchPrctl is strace's arch_prctl decoder.
func decArchPrctl(c *ctx) {
	opt := uint32(c.a[0])
	if !c.exiting {
		c.xval(xArchvals, uint64(opt), "ARCH_???")
		switch opt {
		case archGetFS, archGetGS:
			c.sep()
		case archGetCPUID:
		default:
			c.sep()
			c.hex(c.a[1])
		}
		return
	}
	if opt == archGetFS || opt == archGetGS {
		if b := c.read(c.a[1], 8); b != nil {
			c.b = append(c.b, '[')
			c.ptr(le64(b))
			c.b = append(c.b, ']')
		}
	}
}

// decFutex is strace's futex decoder: the arguments each operation uses.
func decFutex(c *ctx) {
	if c.exiting {
		return
	}
	op := uint32(c.a[1])
	val, val2, val3 := uint64(uint32(c.a[2])), uint64(uint32(c.a[3])), uint64(uint32(c.a[5]))
	c.ptr(c.a[0])
	c.sep()
	c.xval(xFutexops, uint64(op), "FUTEX_???")
	bitset := func() {
		c.sep()
		if val3 == 0xffffffff {
			c.str("FUTEX_BITSET_MATCH_ANY")
		} else {
			c.hex(val3)
		}
	}
	switch op & 127 {
	case futexWait:
		c.sep()
		c.ulong(val)
		c.sep()
		c.timespecAt(c.a[3])
	case futexLockPI, futexLockPI2:
		c.sep()
		c.timespecAt(c.a[3])
	case futexWaitBitset:
		c.sep()
		c.ulong(val)
		c.sep()
		c.timespecAt(c.a[3])
		bitset()
	case futexWakeBitset:
		c.sep()
		c.ulong(val)
		bitset()
	case futexRequeue:
		c.sep()
		c.ulong(val)
		c.sep()
		c.ulong(val2)
		c.sep()
		c.ptr(c.a[4])
	case futexCmpRequeue, futexCmpRequeuePI:
		c.sep()
		c.ulong(val)
		c.sep()
		c.ulong(val2)
		c.sep()
		c.ptr(c.a[4])
		c.sep()
		c.ulong(val3)
	case futexWakeOp:
		c.sep()
		c.ulong(val)
		c.sep()
		c.ulong(val2)
		c.sep()
		c.ptr(c.a[4])
		c.sep()
		c.futexWakeOp(val3)
	case futexWaitRequeuePI:
		c.sep()
		c.ulong(val)
		c.sep()
		c.timespecAt(c.a[3])
		c.sep()
		c.ptr(c.a[4])
	case futexFD, futexWake:
		c.sep()
		c.ulong(val)
	case futexUnlockPI, futexTrylockPI:
	default:
		c.sep()
		c.ulong(val)
		c.sep()
		c.ptr(c.a[3])
		c.sep()
		c.ptr(c.a[4])
		c.sep()
		c.hex(val3)
	}
}

// futexWakeOp prints FUTEX_WAKE_OP's encoded operation.
func (c *ctx) futexWakeOp(v uint64) {
	if v>>28&8 != 0 {
		c.str("FUTEX_OP_OPARG_SHIFT<<28|")
	}
	c.shiftedName(xFutexwakeops, v>>28&7, "<<28", " /* FUTEX_OP_??? */")
	c.b = append(c.b, '|')
	c.hex(v >> 12 & 0xfff)
	c.str("<<12|")
	c.shiftedName(xFutexwakecmps, v>>24&0xf, "<<24", " /* FUTEX_OP_CMP_??? */")
	c.b = append(c.b, '|')
	c.hex(v & 0xfff)
}

// shiftedName prints a field of an encoded word by name (in hex with
// strace's comment when unknown), followed by its shift.
func (c *ctx) shiftedName(x *printers.Xlat, v uint64, shift, unknown string) {
	name, ok := x.Lookup(v)
	if ok {
		c.str(name)
	} else {
		c.hex(v)
	}
	c.str(shift)
	if !ok {
		c.str(unknown)
	}
}

// cpuSet prints the CPUs in a cpu_set_t of n bytes: [0 1].
func (c *ctx) cpuSet(addr, n uint64) {
	n = min(n, 8192)
	b := c.read(addr, int(n))
	if b == nil {
		return
	}
	c.b = append(c.b, '[')
	first := true
	for i := 0; i < int(n)*8; i++ {
		if b[i/8]&(1<<(i%8)) != 0 {
			if !first {
				c.b = append(c.b, ' ')
			}
			first = false
			c.int(uint64(i))
		}
	}
	c.b = append(c.b, ']')
}

var (
	aCPUSetIn  = aInStruct(func(c *ctx, v uint64) { c.cpuSet(v, c.a[1]) })
	aCPUSetOut = aOutStruct(func(c *ctx, v uint64) {
		if c.ret <= 0 {
			c.ptr(v)
			return
		}
		c.cpuSet(v, min(uint64(c.ret), c.a[1]))
	})
	aIntOut = aOutStruct(func(c *ctx, v uint64) { c.numAt(v, 4, true) })
	aUIDOut = aOutStruct(func(c *ctx, v uint64) { c.numAt(v, 4, false) })
	// aIDOut is a user or group id the call stores: [0], [-1].
	aIDOut = aOutStruct(func(c *ctx, v uint64) {
		if b := c.read(v, c.idSize()); b != nil {
			c.b = append(c.b, '[')
			c.uid(c.idOf(b))
			c.b = append(c.b, ']')
		}
	})
)

// gids prints a list of n group ids.
func (c *ctx) gids(addr, n uint64) {
	c.array(addr, n, c.idSize(), false, func(c *ctx, e []byte) bool {
		c.uid(c.idOf(e))
		return true
	})
}

var (
	aGidsIn = aInStruct(func(c *ctx, v uint64) { c.gids(v, uint64(uint32(c.a[0]))) })
	// getgroups' list holds what it returned: [] for none, NULL for a
	// NULL list (strace's print_groups with the return as the count).
	aGidsOut = aOutStruct(func(c *ctx, v uint64) {
		if c.failed {
			c.ptr(v)
			return
		}
		c.gids(v, uint64(c.ret))
	})
)
