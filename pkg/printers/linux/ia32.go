package linux

import (
	"strconv"
	"strings"

	"github.com/guestrace/guestrace/pkg/printers"
)

// The calls of 32-bit processes on a 64-bit kernel. The kernel enters
// them through __ia32_sys_X (the native function, when its memory layouts
// are those of x86-64) or __ia32_compat_sys_X (a function that converts
// 32-bit structures). Each i386 row prints as strace prints it for an i386
// process: the i386 name, scalars, strings and flags decoded, structures
// decoded where their layout is the x86-64 one (or decoded for i386:
// stat64), and printed as addresses elsewhere. Arguments arrive 32 bits
// wide: signed ones are sign-extended, 64-bit values split over two
// registers are joined.

// ABI is the system-call ABI of a kernel entry point.
type ABI uint8

const (
	ABIX64    ABI = iota // __x64_sys_X: x86-64 processes
	ABIIA32              // __ia32_sys_X: i386 processes, native function
	ABICompat            // __ia32_compat_sys_X: i386 processes, compat function
)

type entryKey struct {
	abi ABI
	fn  string
}

var (
	byEntry      = map[entryKey]*Syscall{}
	i386ByNumber = map[int]*Syscall{}
	i386ByName   = map[string]*Syscall{}
	i386All      []*Syscall
)

// x64Entries are the x86-64 calls whose kernel function is not named
// after them.
var x64Entries = map[string]string{
	"newstat":  "stat",
	"newfstat": "fstat",
	"newlstat": "lstat",
	"newuname": "uname",
	"umount":   "umount2",
	// x86-64's sendfile takes a 64-bit offset: its entry point is
	// sendfile64, strace's sendfile.
	"sendfile64": "sendfile",
}

// ByEntry returns the call whose kernel entry point is fn (the function's
// name without its __x64_sys_, __ia32_sys_ or __ia32_compat_sys_ prefix)
// for abi: ByEntry(ABIX64, "newstat") is stat, ByEntry(ABICompat,
// "ia32_fstat64") is i386's fstat64. A compat function that serves two
// i386 numbers (compat_sys_fcntl64: fcntl and fcntl64) gives the later,
// the one the C library calls.
//
// The table follows one kernel; others route some i386 calls through
// another function (5.10's compat_sys_get_mempolicy, a native function
// since 5.15). An i386 entry point the table does not know is the i386
// call of its name: the memory the process passes is the same either way.
func ByEntry(abi ABI, fn string) (*Syscall, bool) {
	s, ok := byEntry[entryKey{abi, fn}]
	if !ok && abi != ABIX64 {
		s, ok = i386ByName[fn]
	}
	return s, ok
}

// I386ByNumber returns the i386 call numbered nr.
func I386ByNumber(nr int) (*Syscall, bool) {
	s, ok := i386ByNumber[nr]
	return s, ok
}

// I386 returns every i386 call, by number.
func I386() []*Syscall { return i386All }

// Is32 reports whether the row is an i386 call.
func (s *Syscall) Is32() bool { return s.compat }

func ia32ByNumber(nr int) (*Syscall, bool) { return I386ByNumber(nr) }

// i386Like says how an i386 call prints through an x86-64 row: base
// names the row, fix rearranges the arguments first.
type i386Like struct {
	base string
	fix  func(a *[6]uint64)
}

// join makes a[i] the 64-bit value of registers i (low) and i+1 (high),
// the arguments after them moving down one place.
func join(a *[6]uint64, i int) {
	a[i] = a[i]&0xffffffff | a[i+1]<<32
	copy(a[i+1:], a[i+2:])
	a[5] = 0
}

var i386Special = map[string]i386Like{
	"mmap2":           {"mmap", func(a *[6]uint64) { a[5] <<= 12 }}, // offset in pages
	"pread64":         {"pread64", func(a *[6]uint64) { join(a, 3) }},
	"pwrite64":        {"pwrite64", func(a *[6]uint64) { join(a, 3) }},
	"truncate64":      {"truncate", func(a *[6]uint64) { join(a, 1) }},
	"ftruncate64":     {"ftruncate", func(a *[6]uint64) { join(a, 1) }},
	"readahead":       {"readahead", func(a *[6]uint64) { join(a, 1) }},
	"fadvise64":       {"fadvise64", func(a *[6]uint64) { join(a, 1) }},
	"fadvise64_64":    {"fadvise64", func(a *[6]uint64) { join(a, 1); join(a, 2) }},
	"fallocate":       {"fallocate", func(a *[6]uint64) { join(a, 2); join(a, 3) }},
	"sync_file_range": {"sync_file_range", func(a *[6]uint64) { join(a, 1); join(a, 2) }},
	"preadv":          {"preadv", func(a *[6]uint64) { join(a, 3) }},
	"pwritev":         {"pwritev", func(a *[6]uint64) { join(a, 3) }},
	"preadv2":         {"preadv2", joinPos},
	"pwritev2":        {"pwritev2", joinPos},
	// i386's clone passes tls before child_tid.
	"clone":      {"clone", func(a *[6]uint64) { a[3], a[4] = a[4], a[3] }},
	"fcntl64":    {"fcntl", nil},
	"ugetrlimit": {"getrlimit", nil},
	"sendfile64": {"sendfile", nil},
	"_newselect": {"select", nil},
}

// i386AsX64 are the calls whose x86-64 row prints their i386 layouts
// too, by domain: calls whose structures have one layout, and calls whose
// decoders read longs, pointers and times through compat.go's helpers.
var i386AsX64 = []map[string]bool{compatSame, i386Times, i386Signals, ia32IOAsX64}

func asX64(name string) bool {
	for _, m := range i386AsX64 {
		if m[name] {
			return true
		}
	}
	return false
}

// time64Calls are the i386 calls with 64-bit times whose names do not end
// in _time64: the ones named ...64 and those added since.
var time64Calls = map[string]bool{
	"clock_gettime64": true, "clock_settime64": true, "clock_adjtime64": true,
	"timer_gettime64": true, "timer_settime64": true,
	"timerfd_gettime64": true, "timerfd_settime64": true,
	"epoll_pwait2": true, "futex_waitv": true, "io_uring_enter": true,
}

// compatSame are calls with a compat function whose memory arguments
// still have their x86-64 layout (signal sets, CPU masks, socket
// addresses).
var compatSame = map[string]bool{
	"rt_sigprocmask": true, "rt_sigpending": true, "rt_sigsuspend": true,
	"signalfd": true, "signalfd4": true, "sched_setaffinity": true,
	"sched_getaffinity": true, "fcntl64": true,
	"recvfrom": true, "arch_prctl": true, "open": true, "openat": true,
	"lseek": true, "ppoll_time64": true, "epoll_pwait2": true,
	"truncate": true, "ftruncate": true, "open_by_handle_at": true,
	"keyctl": true, "add_key": true, "request_key": true,
	// union bpf_attr and struct perf_event_attr have one layout.
	"bpf": true, "perf_event_open": true,
}

// i386Only are calls x86-64 lacks, with their argument counts, printed
// in hex unless decoded below.
var i386Only = map[string]int{
	"waitpid": 3, "signal": 2, "sigaction": 3, "sigprocmask": 3,
	"sigpending": 1, "sigsuspend": 3, "oldstat": 2, "oldfstat": 2,
	"oldlstat": 2, "olduname": 1, "oldolduname": 1, "socketcall": 2,
	"ipc": 6, "nice": 1, "stime": 1, "umount": 1, "sgetmask": 0,
	"ssetmask": 1, "readdir": 3, "mmap": 1, "select": 1, "vm86old": 1,
	"vm86": 2, "sigreturn": 0, "set_thread_area": 1, "get_thread_area": 1,
	"_llseek": 5, "bdflush": 2,
}

// sameLayout reports whether the i386 call's function is the native one
// of x86-64 with x86-64's memory layouts, or with 16-bit ids (...16: the
// id printers read them at c.id16's width): no compat function, no
// 32-bit time (_time32, ...32), no old_ structures.
func sameLayout(native, compat string) bool {
	if compat != "" {
		return false
	}
	if ids16(native, compat) {
		return true
	}
	switch native {
	case "stat", "fstat", "lstat", "uname", "olduname":
		return false
	}
	return !strings.HasSuffix(native, "32") && !strings.HasPrefix(native, "old")
}

// ids16 reports whether the i386 call's function is one of the old ones
// of 16-bit user and group ids (chown16...).
func ids16(native, compat string) bool {
	return compat == "" && strings.HasSuffix(native, "16")
}

// initEntries indexes the x86-64 rows by kernel function and builds the
// i386 rows; the x86-64 table must be loaded.
func initEntries() {
	for _, s := range all {
		byEntry[entryKey{ABIX64, s.Name}] = s
	}
	for fn, name := range x64Entries {
		byEntry[entryKey{ABIX64, fn}] = byName[name]
	}
	for _, line := range strings.Split(strings.TrimSpace(i386Table), "\n") {
		f := strings.Fields(line)
		nr, _ := strconv.Atoi(f[0])
		name := f[1]
		native, compat := name, ""
		if len(f) > 2 && f[2] != "=" {
			native = f[2]
		}
		if len(f) > 3 {
			compat = f[3]
			if compat == "=" {
				compat = name
			}
		}
		s := newI386(nr, name, native, compat)
		s.time32 = !strings.HasSuffix(name, "_time64") && !time64Calls[name]
		s.id16 = ids16(native, compat)
		i386ByNumber[nr] = s
		i386ByName[name] = s
		i386All = append(i386All, s)
		if compat != "" {
			byEntry[entryKey{ABICompat, compat}] = s
		} else {
			byEntry[entryKey{ABIIA32, native}] = s
		}
	}
}

// newI386 makes the row of one i386 call.
func newI386(nr int, name, native, compat string) *Syscall {
	if s, ok := i386Row(name); ok {
		r := *s
		r.Nr, r.Name, r.compat = nr, name, true
		r.initSplit()
		return &r
	}
	like, special := i386Special[name]
	base := name
	if special {
		base = like.base
	} else if b, ok := strings.CutSuffix(name, "_time64"); ok {
		base = b
	} else if b, ok := strings.CutSuffix(name, "32"); ok && byName[b] != nil && native == b {
		base = b // getuid32 is getuid
	} else if b, ok := strings.CutSuffix(name, "64"); ok && byName[b] != nil && native == b {
		base = b // clock_gettime64 is clock_gettime
	}
	x, ok := byName[base]
	if _, only := i386Only[name]; only || !ok {
		n, known := i386Only[name]
		if !known {
			n = 6
		}
		r := &Syscall{Nr: nr, Name: name, NArgs: n, raw: true, layout: layout{compat: true}}
		r.Args = make([]Arg, n)
		for i := range r.Args {
			r.Args[i] = aHex
		}
		r.initSplit()
		return r
	}
	r := *x
	r.Nr, r.Name, r.compat = nr, name, true
	if special {
		r.fix = like.fix
	}
	args := x.Args
	if r.fix == nil { // (a fix joins 64-bit values: no 32-bit longs left)
		args = signExtended(x.Args)
	}
	if sameLayout(native, compat) || asX64(name) || asX64(base) && compat == "" {
		r.Args = args
		r.initSplit()
		return &r
	}
	// Structures of another layout print as addresses.
	if r.dec != nil {
		r.dec, r.ret = nil, nil
		r.Args = make([]Arg, r.NArgs)
		for i := range r.Args {
			r.Args[i] = aHex
		}
		r.raw = true
	} else {
		r.Args = make([]Arg, len(x.Args))
		for i, a := range args {
			switch a.Kind {
			case printers.KindStructIn, printers.KindStructOut, printers.KindArray, printers.KindCustom:
				a = aPtr
			}
			r.Args[i] = a
		}
	}
	r.initSplit()
	return &r
}

// signExtended replaces the signed long arguments by their 32-bit form.
func signExtended(args []Arg) []Arg {
	out := make([]Arg, len(args))
	for i, a := range args {
		if a.Kind == printers.KindLong && a.fn != nil {
			fn := a.fn
			a.fn = func(c *ctx, v uint64) { fn(c, uint64(int64(int32(v)))) }
		}
		out[i] = a
	}
	return out
}

// i386Rows are the i386 calls with rows of their own, by domain: each
// domain's file holds one map (a call in one map only).
var i386Rows = []map[string]*Syscall{i386Decoded, i386TimeRows, i386SignalRows, ia32NetRows, ia32IORows}

// i386Row returns the row of its own of the i386 call name.
func i386Row(name string) (*Syscall, bool) {
	for _, m := range i386Rows {
		if s, ok := m[name]; ok {
			return s, true
		}
	}
	return nil, false
}

// i386Decoded are i386 calls with decoders of their own.
var i386Decoded = map[string]*Syscall{
	"stat64":    {NArgs: 2, Class: F | ST | STA, Args: a(aPath, aStat64Out)},
	"lstat64":   {NArgs: 2, Class: F | LST | STA, Args: a(aPath, aStat64Out)},
	"fstat64":   {NArgs: 2, Class: D | FST | STA, Args: a(aFD, aStat64Out)},
	"fstatat64": {NArgs: 4, Class: D | F | FST | STA, Args: a(aDirFD, aPath, aStat64Out, aAtFlags)},
	"_llseek":   {NArgs: 5, Class: D, dec: decLlseek},
	"waitpid":   {NArgs: 3, Class: P, dec: decWaitpid},
}

// statI386 is i386's struct stat64, 96 bytes.
var statI386 = statLayout{
	bytes: 96,
	dev:   statField{0, 8}, mode: statField{16, 4}, nlink: statField{20, 4},
	uid: statField{24, 4}, gid: statField{28, 4}, rdev: statField{32, 8},
	size: statField{44, 8}, blksize: statField{52, 4}, blocks: statField{56, 8},
	atime: statField{64, 4}, ino: statField{88, 8},
	signedSize: true,
}

// stat64 prints i386's struct stat64.
func (c *ctx) stat64(addr uint64) { c.statAs(addr, &statI386) }

var aStat64Out = aOutStruct((*ctx).stat64)

// decLlseek is _llseek(fd, offset_high, offset_low, result, whence),
// printed as strace does: _llseek(3, 0, [0], SEEK_SET).
func decLlseek(c *ctx) {
	if !c.exiting {
		c.fd(c.a[0])
		c.sep()
		c.long(uint64(int64(c.a[1]<<32 | c.a[2]&0xffffffff)))
		c.sep()
		return
	}
	if b := c.read(c.a[3], 8); b != nil {
		c.b = append(c.b, '[')
		c.long(le64(b))
		c.b = append(c.b, ']')
	}
	c.sep()
	c.xval(xWhenceCodes, uint64(uint32(c.a[4])), "SEEK_???")
}

// decWaitpid is wait4 without its rusage.
func decWaitpid(c *ctx) {
	if !c.exiting {
		c.int(c.a[0])
		c.sep()
		return
	}
	c.waitStatusAt(c.a[1])
	c.sep()
	c.flags(xWait4Options, uint64(uint32(c.a[2])), "W???")
}
