package linux

// rlim prints one limit: RLIM64_INFINITY, N*1024 or N.
func (c *ctx) rlim(v uint64) {
	switch {
	case v == ^uint64(0):
		c.str("RLIM64_INFINITY")
	case v > 1024 && v%1024 == 0:
		c.ulong(v / 1024)
		c.str("*1024")
	default:
		c.ulong(v)
	}
}

func (c *ctx) rlimit(addr uint64) {
	if b := c.read(addr, 16); b != nil {
		c.str("{rlim_cur=")
		c.rlim(le64(b))
		c.str(", rlim_max=")
		c.rlim(le64(b[8:]))
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

func (c *ctx) sysinfo(addr uint64) {
	s := c.read(addr, 112)
	if s == nil {
		return
	}
	c.str("{uptime=")
	c.long(le64(s))
	c.str(", loads=[")
	for i := 0; i < 3; i++ {
		if i > 0 {
			c.sep()
		}
		c.ulong(le64(s[8+8*i:]))
	}
	c.b = append(c.b, ']')
	for i, n := range [...]string{"totalram", "freeram", "sharedram", "bufferram", "totalswap", "freeswap"} {
		c.sep()
		c.name(n)
		c.ulong(le64(s[32+8*i:]))
	}
	c.str(", procs=")
	c.ulong(uint64(le16(s[80:])))
	c.str(", totalhigh=")
	c.ulong(le64(s[88:]))
	c.str(", freehigh=")
	c.ulong(le64(s[96:]))
	c.str(", mem_unit=")
	c.ulong(uint64(le32(s[104:])))
	c.b = append(c.b, '}')
}

func (c *ctx) tms(addr uint64) {
	t := c.read(addr, 32)
	if t == nil {
		return
	}
	for i, n := range [...]string{"{tms_utime=", ", tms_stime=", ", tms_cutime=", ", tms_cstime="} {
		c.str(n)
		c.ulong(le64(t[8*i:]))
	}
	c.b = append(c.b, '}')
}

var (
	aRlimit    = aInStruct((*ctx).rlimit)
	aRlimitOut = aOutStruct((*ctx).rlimit)
	aResource  = aXval32(xResources, "RLIMIT_???")
	aRusageOut = aOutStruct((*ctx).rusage)
)

// schedulerRet names the policy sched_getscheduler returns.
func schedulerRet(c *ctx) {
	c.long(uint64(c.ret))
	if name, ok := xSchedulers.Lookup(uint64(c.ret)); ok {
		c.str(" (")
		c.str(name)
		c.b = append(c.b, ')')
	}
}
