package linux

import "github.com/guestrace/guestrace/pkg/printers"

// timespec prints a struct timespec held in b (2*c.timeSize() bytes).
func (c *ctx) timespec(b []byte) {
	c.str("{tv_sec=")
	c.long(c.timeOf(b))
	c.str(", tv_nsec=")
	if c.time32 {
		c.long(c.timeOf(b[4:]))
	} else {
		c.ulong(le64(b[8:]))
	}
	c.b = append(c.b, '}')
}

func (c *ctx) timespecAt(addr uint64) {
	if b := c.read(addr, 2*c.timeSize()); b != nil {
		c.timespec(b)
	}
}

func (c *ctx) timevalAt(addr uint64) {
	if b := c.read(addr, 2*c.timeSize()); b != nil {
		c.timeval(b)
	}
}

// itimerval prints {it_interval={...}, it_value={...}} of timevals or,
// with ts, of timespecs.
func (c *ctx) itimer(addr uint64, ts bool) {
	n := 2 * c.timeSize()
	b := c.read(addr, 2*n)
	if b == nil {
		return
	}
	one := (*ctx).timeval
	if ts {
		one = (*ctx).timespec
	}
	c.str("{it_interval=")
	one(c, b)
	c.str(", it_value=")
	one(c, b[n:])
	c.b = append(c.b, '}')
}

func (c *ctx) timezone(addr uint64) {
	if b := c.read(addr, 8); b != nil {
		c.str("{tz_minuteswest=")
		c.int(uint64(le32(b)))
		c.str(", tz_dsttime=")
		c.int(uint64(le32(b[4:])))
		c.b = append(c.b, '}')
	}
}

// isRestart reports whether the call was interrupted to be restarted.
func (c *ctx) isRestart() bool {
	switch -c.ret {
	case ERESTARTSYS, ERESTARTNOINTR, ERESTARTNOHAND, ERESTARTRESTARTBLOCK:
		return true
	}
	return false
}

// remaining prints the time left that an interrupted sleep wrote, or only
// its address when the call was not interrupted.
func (c *ctx) remaining(addr uint64) {
	if !c.isRestart() {
		c.ptr(addr)
		return
	}
	failed := c.failed
	c.failed = false
	c.timespecAt(addr)
	c.failed = failed
}

// clockName prints a clock id, with the dynamic clocks of processes,
// threads and descriptors as strace writes them.
func (c *ctx) clockName(v uint64) {
	id := int32(v)
	if id >= 0 {
		c.xval(xClocknames, uint64(id), "CLOCK_???")
		return
	}
	if id&7 == 3 {
		c.str("FD_TO_CLOCKID(")
		c.b = printers.AppendInt(c.b, int64(^(id >> 3)))
	} else {
		if id&4 != 0 {
			c.str("MAKE_THREAD_CPUCLOCK(")
		} else {
			c.str("MAKE_PROCESS_CPUCLOCK(")
		}
		c.b = printers.AppendInt(c.b, int64(^(id >> 3)))
		c.sep()
		c.xval(xCpuclocknames, uint64(id&7), "CPUCLOCK_???")
	}
	c.b = append(c.b, ')')
}

var (
	aTimespec     = aInStruct((*ctx).timespecAt)
	aTimespecOut  = aOutStruct((*ctx).timespecAt)
	aTimeval      = aInStruct((*ctx).timevalAt)
	aTimevalOut   = aOutStruct((*ctx).timevalAt)
	aTimezone     = aInStruct((*ctx).timezone)
	aTimezoneOut  = aOutStruct((*ctx).timezone)
	aItimerval    = aInStruct(func(c *ctx, v uint64) { c.itimer(v, false) })
	aItimervalOut = aOutStruct(func(c *ctx, v uint64) { c.itimer(v, false) })
	aItimerspec   = aInStruct(func(c *ctx, v uint64) { c.itimer(v, true) })
	aItimerspecO  = aOutStruct(func(c *ctx, v uint64) { c.itimer(v, true) })
	aRemaining    = aOutStruct((*ctx).remaining)
	aClock        = argOf(printers.KindEnum, (*ctx).clockName)
)

// aClockRemaining is clock_nanosleep's remaining time: meaningful only for
// a relative sleep (flags, argument 1, zero).
var aClockRemaining = aOutStruct(func(c *ctx, v uint64) {
	if c.a[1] != 0 {
		c.ptr(v)
		return
	}
	c.remaining(v)
})

// ulongAt prints the unsigned long of the process at addr in brackets
// (get_robust_list's length).
func (c *ctx) ulongAt(addr uint64) {
	if b := c.read(addr, c.longSize()); b != nil {
		c.b = append(c.b, '[')
		c.long(c.ulongOf(b))
		c.b = append(c.b, ']')
	}
}

// timevalPair prints utimes' pair of times, each with its date.
func (c *ctx) timevalPair(addr uint64) {
	n := c.timeSize()
	t := c.read(addr, 4*n)
	if t == nil {
		return
	}
	c.b = append(c.b, '[')
	for i := 0; i < 2; i++ {
		if i > 0 {
			c.sep()
		}
		tv := t[2*n*i:]
		c.timeval(tv)
		c.timeCommentPart(int64(c.timeOf(tv)), c.timeOf(tv[n:]), 1e6)
	}
	c.b = append(c.b, ']')
}

// utimbuf prints utime's {actime, modtime}, each with its date.
func (c *ctx) utimbuf(addr uint64) {
	n := c.timeSize()
	t := c.read(addr, 2*n)
	if t == nil {
		return
	}
	actime, modtime := c.timeOf(t), c.timeOf(t[n:])
	c.str("{actime=")
	c.long(actime)
	c.timeComment(int64(actime), 0)
	c.str(", modtime=")
	c.long(modtime)
	c.timeComment(int64(modtime), 0)
	c.b = append(c.b, '}')
}

// timeAt prints the time stored at time's argument, with its date.
func (c *ctx) timeAt(addr uint64) {
	if b := c.read(addr, c.timeSize()); b != nil {
		t := c.timeOf(b)
		c.b = append(c.b, '[')
		c.long(t)
		c.timeComment(int64(t), 0)
		c.b = append(c.b, ']')
	}
}

// timeRet prints time's return with its date: = 1700000000 (2023-11-14T22:13:20+0000).
func timeRet(c *ctx) {
	c.long(uint64(c.ret))
	c.str(" (")
	c.b = appendTime(c.b, c.ret, 0, 1)
	c.b = append(c.b, ')')
}

// timexFields are struct timex's fields after modes, each in a slot of
// the width of its time_t (ints padded to it); time is two slots.
var timexFields = [...]string{"offset", "freq", "maxerror", "esterror",
	"status", "constant", "precision", "tolerance", "time", "", "tick",
	"ppsfreq", "jitter", "shift", "stabil", "jitcnt", "calcnt", "errcnt",
	"stbcnt", "tai"}

// timex prints the struct timex adjtimex and clock_adjtime filled.
func (c *ctx) timex(addr uint64) {
	n := c.timeSize()
	t := c.read(addr, 20*n+48) // sizeof: 21 slots and 44 bytes of padding
	if t == nil {
		return
	}
	c.str("{modes=")
	c.flags(xAdjtimexModes, uint64(le32(t)), "ADJ_???")
	for i, f := range timexFields {
		v := t[n*(i+1):]
		switch f {
		case "":
			continue
		case "status":
			c.str(", status=")
			c.flags(xAdjtimexStatus, uint64(le32(v)), "STA_???")
		case "shift", "tai":
			c.sep()
			c.name(f)
			c.int(uint64(le32(v)))
		case "time":
			c.str(", time={tv_sec=")
			c.long(c.timeOf(v))
			c.str(", tv_usec=")
			if n == 4 {
				c.ulong(uint64(le32(v[4:])))
			} else {
				c.ulong(le64(v[8:]))
			}
			c.b = append(c.b, '}')
		default:
			c.sep()
			c.name(f)
			c.long(c.timeOf(v))
		}
	}
	c.b = append(c.b, '}')
}

// timexRet prints adjtimex's clock state: = 5 (TIME_ERROR).
func timexRet(c *ctx) {
	c.long(uint64(c.ret))
	c.nameAfter(xAdjtimexState, uint64(c.ret))
}

var aTimexOut = aOutStruct((*ctx).timex)
