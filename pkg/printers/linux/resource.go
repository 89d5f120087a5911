package linux

import "github.com/guestrace/guestrace/pkg/printers"

// rlim prints one limit: RLIM64_INFINITY, N*1024 or N; a limit of 4
// bytes (an i386 process's struct rlimit) is RLIM_INFINITY when all ones.
func (c *ctx) rlim(v uint64, size int) {
	switch {
	case size == 4 && v == 0xffffffff:
		c.str("RLIM_INFINITY")
	case v == ^uint64(0):
		c.str("RLIM64_INFINITY")
	case v > 1024 && v%1024 == 0:
		c.ulong(v / 1024)
		c.str("*1024")
	default:
		c.ulong(v)
	}
}

// rlimit prints a struct rlimit of two longs of the process
// (getrlimit, setrlimit).
func (c *ctx) rlimit(addr uint64) { c.rlimitOf(addr, c.longSize()) }

// rlimit64 prints a struct rlimit64 (prlimit64), of one layout.
func (c *ctx) rlimit64(addr uint64) { c.rlimitOf(addr, 8) }

func (c *ctx) rlimitOf(addr uint64, size int) {
	if b := c.read(addr, 2*size); b != nil {
		c.str("{rlim_cur=")
		c.rlim(leN(b, size), size)
		c.str(", rlim_max=")
		c.rlim(leN(b[size:], size), size)
		c.b = append(c.b, '}')
	}
}

// cstrField prints a fixed-size NUL-padded string field.
func (c *ctx) cstrField(b []byte) {
	n := 0
	for n < len(b) && b[n] != 0 {
		n++
	}
	c.quote(b[:n], len(b), n == len(b))
}

func (c *ctx) utsname(addr uint64) {
	u := c.read(addr, 6*65)
	if u == nil {
		return
	}
	names := [...]string{"sysname", "nodename", "release", "version", "machine", "domainname"}
	c.b = append(c.b, '{')
	for i, n := range names {
		if i == 2 && !c.verbose() {
			c.str(", ...")
			break
		}
		if i > 0 {
			c.sep()
		}
		c.name(n)
		c.cstrField(u[i*65 : (i+1)*65])
	}
	c.b = append(c.b, '}')
}

// sysinfo prints a struct sysinfo: longs of the process, but for procs
// (a u16 in a long's place) and mem_unit (a u32).
func (c *ctx) sysinfo(addr uint64) {
	l := c.longSize()
	size := 112 // sizeof: the fields, then padding to 64 bytes on i386
	if c.compat {
		size = 64
	}
	s := c.read(addr, size)
	if s == nil {
		return
	}
	c.str("{uptime=")
	c.long(c.slongOf(s))
	c.str(", loads=[")
	for i := 0; i < 3; i++ {
		if i > 0 {
			c.sep()
		}
		c.ulong(c.ulongOf(s[l+l*i:]))
	}
	c.b = append(c.b, ']')
	for i, n := range [...]string{"totalram", "freeram", "sharedram", "bufferram", "totalswap", "freeswap"} {
		c.sep()
		c.name(n)
		c.ulong(c.ulongOf(s[4*l+l*i:]))
	}
	c.str(", procs=")
	c.ulong(uint64(le16(s[10*l:])))
	c.str(", totalhigh=")
	c.ulong(c.ulongOf(s[11*l:]))
	c.str(", freehigh=")
	c.ulong(c.ulongOf(s[12*l:]))
	c.str(", mem_unit=")
	c.ulong(uint64(le32(s[13*l:])))
	c.b = append(c.b, '}')
}

// tms prints a struct tms, four clock_t of the process's long.
func (c *ctx) tms(addr uint64) {
	l := c.longSize()
	t := c.read(addr, 4*l)
	if t == nil {
		return
	}
	for i, n := range [...]string{"{tms_utime=", ", tms_stime=", ", tms_cutime=", ", tms_cstime="} {
		c.str(n)
		c.ulong(c.ulongOf(t[l*i:]))
	}
	c.b = append(c.b, '}')
}

var (
	aRlimit    = aInStruct((*ctx).rlimit)
	aRlimitOut = aOutStruct((*ctx).rlimit)
	aRlimit64  = aInStruct((*ctx).rlimit64)
	aRlim64Out = aOutStruct((*ctx).rlimit64)
	aResource  = aXval32(xResources, "RLIMIT_???")
	aRusageOut = aOutStruct((*ctx).rusage)
	// aUsageWho is getrusage's int who, whose names are negative too
	// (RUSAGE_CHILDREN is -1).
	aUsageWho = argOf(printers.KindEnum, func(c *ctx, v uint64) {
		c.xval(xUsagewho, uint64(int64(int32(v))), "RUSAGE_???")
	})
)

// schedulerRet names the policy sched_getscheduler returns.
func schedulerRet(c *ctx) {
	c.long(uint64(c.ret))
	c.nameAfter(xSchedulers, uint64(c.ret))
}
