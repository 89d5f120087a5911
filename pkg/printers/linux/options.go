package linux

import "github.com/guestrace/guestrace/pkg/printers"

// The hooks of strace's printing options (-x, -X, -y) into the decoders.

// quote prints s quoted under the -x level in force.
func (c *ctx) quote(s []byte, limit int, truncated bool) {
	c.b = printers.AppendQuotedHex(c.b, s, limit, truncated, c.o.HexLevel())
}

// fd prints a descriptor, with its path under -y.
func (c *ctx) fd(v uint64) { c.b = printers.AppendFD(c.b, int32(v), c.m, c.o) }

// dirfd prints a directory descriptor of the *at calls: AT_FDCWD, with
// the current directory under -y, as strace does.
func (c *ctx) dirfd(v uint64) {
	if int32(v) != atFDCWD {
		c.fd(v)
		return
	}
	c.b = printers.AppendXvalStyle(c.b, &xAtFDCWD, uint64(int64(int32(v))), "", printers.Decimal, c.o.Style())
	if c.o.PathLevel() == 0 {
		return
	}
	if p, ok := c.m.(printers.FDPather); ok {
		if d, ok := p.FDPath(atFDCWD); ok {
			c.b = printers.AppendFDDesc(c.b, &d, c.o)
		}
	}
}

// xAtFDCWD names AT_FDCWD, sign-extended as strace's print_xlat_d takes it.
var xAtFDCWD = printers.Xlat{Entries: []printers.XlatEntry{{Val: 1<<64 + atFDCWD, Name: "AT_FDCWD"}}}

func (c *ctx) flags(x *printers.Xlat, v uint64, dflt string) {
	c.b = printers.AppendFlagsStyle(c.b, x, v, dflt, c.o.Style())
}

func (c *ctx) xval(x *printers.Xlat, v uint64, dflt string) {
	c.b = printers.AppendXvalStyle(c.b, x, v, dflt, printers.Hex, c.o.Style())
}

func (c *ctx) xvalD(x *printers.Xlat, v uint64, dflt string) {
	c.b = printers.AppendXvalStyle(c.b, x, v, dflt, printers.Decimal, c.o.Style())
}

// fdReturns are the calls whose successful return is a new descriptor,
// printed with its path under -y (strace's RVAL_FD).
var fdReturns = map[string]bool{
	"open": true, "openat": true, "openat2": true, "creat": true,
	"dup": true, "dup2": true, "dup3": true, "socket": true,
	"accept": true, "accept4": true, "epoll_create": true,
	"epoll_create1": true, "eventfd": true, "eventfd2": true,
	"signalfd": true, "signalfd4": true, "timerfd_create": true,
	"inotify_init": true, "inotify_init1": true, "memfd_create": true,
	"fanotify_init": true, "pidfd_open": true, "pidfd_getfd": true,
	"open_tree": true, "fsopen": true, "fspick": true, "fsmount": true,
	"perf_event_open": true, "userfaultfd": true, "io_uring_setup": true,
	"open_by_handle_at": true, "memfd_secret": true, "mq_open": true,
	"landlock_create_ruleset": true,
}

// retFD prints a successful return that is a descriptor, under -y; it
// reports whether it did.
func (s *Syscall) retFD(c *ctx) bool {
	if c.o.PathLevel() == 0 || s.ret != nil || !fdReturns[s.Name] {
		return false
	}
	c.str("= ")
	c.fd(uint64(c.ret))
	return true
}

// styled prints a value whose abbreviated form abbrev prints, under -X
// raw (raw alone) or verbose (raw, then the abbreviated form in a
// comment), and reports whether it did; under abbrev the caller prints.
func (c *ctx) styled(raw, abbrev func()) bool {
	switch c.o.Style() {
	case printers.XlatRaw:
		raw()
	case printers.XlatVerbose:
		raw()
		saved := c.o
		o := *c.o
		o.Xlat = printers.XlatAbbrev
		c.o = &o
		mark := len(c.b)
		abbrev()
		name := string(c.b[mark:])
		c.o = saved
		c.b = printers.AppendComment(c.b[:mark], name)
	default:
		return false
	}
	return true
}

// styledName prints a number that has a name (a signal) under -X: the
// name, the number, or the number and the name in a comment.
func (c *ctx) styledName(v int64, name string) {
	switch c.o.Style() {
	case printers.XlatRaw:
		c.b = printers.AppendInt(c.b, v)
	case printers.XlatVerbose:
		c.b = printers.AppendInt(c.b, v)
		c.b = printers.AppendComment(c.b, name)
	default:
		c.str(name)
	}
}
