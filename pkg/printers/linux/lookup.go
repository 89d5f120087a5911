package linux

import "github.com/guestrace/guestrace/pkg/printers"

// Short class names for the table.
const (
	D   = ClassDesc
	F   = ClassFile
	I   = ClassIPC
	N   = ClassNetwork
	P   = ClassProcess
	S   = ClassSignal
	M   = ClassMemory
	ST  = ClassStat
	LST = ClassLstat
	FST = ClassFstat
	STA = ClassStatLike
	SF  = ClassStatfs
	FSF = ClassFstatfs
	SFA = ClassStatfsLike
	PU  = ClassPure
	C   = ClassCreds
	CL  = ClassClock
)

func a(args ...Arg) []Arg { return args }

var (
	byName   = map[string]*Syscall{}
	byNumber = map[int]*Syscall{}
	all      []*Syscall
)

func init() {
	for i := range table {
		s := &table[i]
		if s.raw {
			s.Args = make([]Arg, s.NArgs)
			for j := range s.Args {
				s.Args[j] = aHex
			}
		}
		s.initSplit()
		byName[s.Name] = s
		byNumber[s.Nr] = s
		all = append(all, s)
	}
	initEntries()
}

// initSplit finds the first argument printed at exit.
func (s *Syscall) initSplit() {
	s.split = len(s.Args)
	for j, arg := range s.Args {
		if arg.Out {
			s.split = j
			break
		}
	}
}

// Lookup returns the system call named name, as "openat".
func Lookup(name string) (*Syscall, bool) {
	s, ok := byName[name]
	return s, ok
}

// ByNumber returns the x86-64 system call numbered nr.
func ByNumber(nr int) (*Syscall, bool) {
	s, ok := byNumber[nr]
	return s, ok
}

// All returns every system call of the table, by number.
func All() []*Syscall { return all }

// Decoded reports whether the call's arguments are decoded, rather than
// printed in hex.
func (s *Syscall) Decoded() bool { return !s.raw }

// uid prints a uid or gid: -1 for the "unchanged" value, else unsigned.
func (c *ctx) uid(v uint64) {
	if c.id16 && uint16(v) == 0xffff || !c.id16 && uint32(v) == 0xffffffff {
		c.str("-1")
		return
	}
	if c.id16 {
		v = uint64(uint16(v))
	}
	c.uint(v)
}

// hexOut prints the bytes the call returned, all in \x form (getrandom).
func (c *ctx) hexOut(addr uint64) {
	if c.failed {
		c.ptr(addr)
		return
	}
	c.strNStyle(addr, uint64(c.ret), true)
}

var (
	aUID   = argOf(printers.KindUint, (*ctx).uid)
	aHex32 = argOf(printers.KindHex, func(c *ctx, v uint64) { c.hex(uint64(uint32(v))) })
)
