package linux

import (
	"cmp"
	"slices"
	"strings"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/isf"
)

// convention is how a kernel's system-call functions get their arguments.
type convention int

const (
	// ptRegsConv (Linux 4.17+, CONFIG_ARCH_HAS_SYSCALL_WRAPPER):
	// __x64_sys_NAME(const struct pt_regs *regs), arguments in *regs.
	ptRegsConv convention = iota
	// cRegsConv (older): sys_NAME(args...) called from C, arguments in
	// rdi, rsi, rdx, rcx, r8, r9 (the entry code moved r10 to rcx).
	cRegsConv
)

// conventionOf picks the convention from the profile's symbols.
func conventionOf(p *isf.Profile) convention {
	if len(p.SymbolsWithPrefix("__x64_sys_")) > 0 {
		return ptRegsConv
	}
	return cRegsConv
}

// The system-call ABIs of a 64-bit Linux kernel.
const (
	ABIX64    guestos.ABI = "x64"    // __x64_sys_X: x86-64 processes
	ABIIA32   guestos.ABI = "ia32"   // __ia32_sys_X: i386 processes, native function
	ABICompat guestos.ABI = "compat" // __ia32_compat_sys_X: i386 processes, compat function
)

// prefixes of system-call functions per convention.
var prefixes = map[convention][]struct {
	prefix string
	abi    guestos.ABI
}{
	ptRegsConv: {{"__x64_sys_", ABIX64}, {"__ia32_sys_", ABIIA32}, {"__ia32_compat_sys_", ABICompat}},
	cRegsConv:  {{"sys_", ABIX64}, {"compat_sys_", ABICompat}},
}

// listSyscalls builds Syscalls and the address -> ABI map from the
// profile's function symbols inside the kernel text (which drops data
// such as sys_call_table that shares the prefix).
func (l *Linux) listSyscalls() {
	textLo, okLo := l.p.SymbolAddress("_stext")
	if !okLo {
		textLo, okLo = l.p.SymbolAddress("_text")
	}
	textHi, okHi := l.p.SymbolAddress("_etext")
	l.abiAt = make(map[uint64]guestos.ABI)
	// A function that is also an x64 entry point (__ia32_sys_ni_syscall
	// and __x64_sys_ni_syscall are one function) reads x64 registers.
	x64 := map[uint64]bool{}
	for _, pf := range prefixes[l.conv] {
		for _, sym := range l.p.SymbolsWithPrefix(pf.prefix) {
			addr, _ := l.p.SymbolAddress(sym)
			if okLo && okHi && (addr < textLo || addr >= textHi) {
				continue
			}
			name := strings.TrimPrefix(sym, pf.prefix)
			if name == "" {
				continue
			}
			rt, _ := l.Symbol(sym)
			l.syscalls = append(l.syscalls, guestos.Syscall{Name: name, Symbol: sym, Addr: rt, ABI: pf.abi})
			switch {
			case pf.abi == ABIX64:
				x64[rt] = true
				delete(l.abiAt, rt)
			case !x64[rt]:
				l.abiAt[rt] = pf.abi
			}
		}
	}
	slices.SortFunc(l.syscalls, func(a, b guestos.Syscall) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ABI, b.ABI))
	})
}

// Syscalls lists the kernel's system-call functions, sorted by name then
// ABI. The slice is shared: do not modify it.
func (l *Linux) Syscalls() []guestos.Syscall { return l.syscalls }
