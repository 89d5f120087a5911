package linux

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/x86"
	"github.com/guestrace/guestrace/pkg/vmi"
)

var _ guestos.Exits = (*Linux)(nil)

// returnThunks are the kernel's return thunks: a function that jumps to
// one returns (retpoline and retbleed/SRSO mitigations, 5.19+).
var returnThunks = []string{
	"__x86_return_thunk", "retbleed_return_thunk", "srso_return_thunk",
	"srso_alias_return_thunk", "zen_untrain_ret", "__x86_return_skl",
	"call_depth_return_thunk", "its_return_thunk",
}

// indirectThunks prefix the kernel's indirect-branch thunks.
var indirectThunks = []string{
	"__x86_indirect_thunk_", "__x86_indirect_jump_thunk_",
	"__x86_indirect_call_thunk_", "__x86_indirect_its_thunk_",
}

// exitInfo is what reading arguments at a function's exit needs, found
// at attach.
type exitInfo struct {
	topOff  uint64 // from the kernel GS base to the current top of stack
	regsLen uint64 // sizeof(struct pt_regs)
	ok      bool

	starts []uint64                    // runtime addresses of the image's symbols, sorted
	names  []string                    // their names (one of them, for aliases)
	jumps  map[uint64]guestos.JumpKind // thunks by runtime address
}

// findExitInfo looks for the per-CPU top of the kernel stack (the entry
// code saves the user registers, struct pt_regs, right below it) and the
// size of pt_regs. Without them, calls are caught at their entry.
func (l *Linux) findExitInfo() {
	if l.conv != ptRegsConv || !l.lay.regs.ok {
		return
	}
	size, err := l.p.TypeSize("pt_regs")
	if err != nil || size < l.lay.regs.hi || size > maxStructOffset {
		return
	}
	var off uint64
	switch {
	case has(l.p, "cpu_current_top_of_stack"):
		off, _ = l.p.SymbolAddress("cpu_current_top_of_stack")
	case has(l.p, "pcpu_hot") && l.p.HasField("pcpu_hot", "top_of_stack"):
		base, _ := l.p.SymbolAddress("pcpu_hot")
		f, err := field(l.p, "pcpu_hot", "top_of_stack")
		if err != nil {
			return
		}
		off = base + f
	default:
		return
	}
	if !l.zeroBased {
		off += l.slide
	}
	l.exit = exitInfo{topOff: off, regsLen: size, ok: true}
}

// ExitsSupported reports whether arguments can be read at a system-call
// function's exit: the pt_regs convention, with the per-CPU top of stack
// and pt_regs' size in the profile.
func (l *Linux) ExitsSupported() bool { return l.exit.ok }

// CodeEnd is the address of the first symbol of the kernel image after
// addr (a function's start, or a jump target inside one).
func (l *Linux) CodeEnd(addr uint64) (uint64, bool) {
	if l.exit.starts == nil {
		l.indexSymbols()
	}
	s := l.exit.starts
	i, found := slices.BinarySearch(s, addr)
	if found {
		i++
	}
	if i == 0 || i >= len(s) {
		return 0, false // outside the image's symbols
	}
	return s[i], true
}

// JumpKind tells a jump to a return thunk or an indirect-branch thunk
// from one to more code of a system call's own (its __do_sys_, ksys_,
// do_ helpers, its cold part), and from one to code the whole kernel
// calls, whose exits are not to be followed.
func (l *Linux) JumpKind(target uint64) guestos.JumpKind {
	if l.exit.jumps == nil {
		l.indexSymbols()
	}
	if k, ok := l.exit.jumps[target]; ok {
		return k
	}
	i, found := slices.BinarySearch(l.exit.starts, target)
	if !found {
		i-- // inside the symbol before
	}
	if i < 0 || !syscallCode(l.exit.names[i]) {
		return guestos.JumpShared
	}
	return guestos.JumpCode
}

// syscallPrefixes name the functions that implement system calls.
var syscallPrefixes = []string{
	"__x64_sys_", "__ia32_sys_", "__ia32_compat_sys_", "__se_sys_", "__do_sys_",
	"__do_compat_sys_", "__se_compat_sys_", "ksys_", "__sys_", "do_", "kernel_",
	"vm_mmap", "path_",
}

// syscallCode reports whether a function's name says it implements a
// system call, so that few other callers reach it.
func syscallCode(name string) bool {
	for _, p := range syscallPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return strings.HasSuffix(name, ".cold")
}

// indexSymbols sorts the image's symbol addresses and finds the thunks,
// once, on the first scan of a function.
func (l *Linux) indexSymbols() {
	type sym struct {
		addr uint64
		name string
	}
	syms := make([]sym, 0, len(l.p.Symbols))
	jumps := map[uint64]guestos.JumpKind{}
	for name, s := range l.p.Symbols {
		if !InImage(s.Address) {
			continue
		}
		addr := s.Address + l.slide
		syms = append(syms, sym{addr, name})
		if slices.Contains(returnThunks, name) {
			jumps[addr] = guestos.JumpReturn
		}
		for _, p := range indirectThunks {
			if strings.HasPrefix(name, p) {
				jumps[addr] = guestos.JumpIndirect
			}
		}
	}
	// By address, then name, so that an alias is picked the same way
	// every run.
	slices.SortFunc(syms, func(a, b sym) int {
		if a.addr != b.addr {
			return cmp.Compare(a.addr, b.addr)
		}
		return strings.Compare(a.name, b.name)
	})
	syms = slices.CompactFunc(syms, func(a, b sym) bool { return a.addr == b.addr })
	l.exit.starts = make([]uint64, len(syms))
	l.exit.names = make([]string, len(syms))
	for i, s := range syms {
		l.exit.starts[i], l.exit.names[i] = s.addr, s.name
	}
	l.exit.jumps = jumps
}

// dispatchers are the functions that call the system-call functions of
// each ABI: x86-64's, and the i386 ones that the 32-bit ABIs share.
var dispatchers = [2][]string{
	{"do_syscall_64"},
	{"__do_fast_syscall_32", "do_int80_syscall_32", "do_int80_emulation", "do_SYSENTER_32", "do_fast_syscall_32"},
}

// Dispatched reports whether ret lies in a dispatcher of fn's ABI.
func (l *Linux) Dispatched(fn, ret uint64) bool {
	abi := 0
	if _, bits32 := l.abiAt[fn]; bits32 {
		abi = 1
	}
	for _, name := range dispatchers[abi] {
		start, ok := l.Symbol(name)
		if !ok || ret <= start {
			continue
		}
		if end, ok := l.CodeEnd(start); ok && ret < end {
			return true
		}
	}
	return false
}

// ExitArgs reads a call's arguments at an exit of its system-call
// function: from the struct pt_regs the entry code saved at the top of
// the running thread's kernel stack, which the function was handed.
func (l *Linux) ExitArgs(regs *vmi.Regs, fn uint64, args *[6]uint64) error {
	if !l.exit.ok {
		return fmt.Errorf("pt_regs at a function's exit: %w", vmi.ErrUnsupported)
	}
	gs, err := l.gsBase(regs)
	if err != nil {
		return err
	}
	ptr := gs + l.exit.topOff
	if !x86.Kernel(ptr) {
		return fmt.Errorf("top of stack pointer %#x is not a kernel address: %w", ptr, guestos.ErrBadGuestData)
	}
	top, err := l.read64(ptr)
	if err != nil {
		return fmt.Errorf("reading the top of the kernel stack: %w", err)
	}
	base := top - l.exit.regsLen
	if !x86.Kernel(base) || base > top {
		return fmt.Errorf("top of the kernel stack %#x is not a kernel address: %w", top, guestos.ErrBadGuestData)
	}
	_, bits32 := l.abiAt[fn] // only 32-bit entry points are listed
	return l.argsAt(base, bits32, args)
}
