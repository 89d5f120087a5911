package linux

import "strings"

// Gates puts the 32-bit (__ia32_*) entry points of a 64-bit kernel behind
// the dispatchers every 32-bit system call passes first: the switch-based
// ia32_sys_call (6.9, and stable kernels since the BHI fixes of 2024), or
// else both 32-bit entry paths, the fast one (sysenter, syscall; called
// from assembly, so never inlined) and int $0x80 (do_int80_syscall_32,
// do_int80_emulation since 6.7, both where a kernel has both). A kernel
// with neither arms them at once.
func (l *Linux) Gates(fn string) []string {
	if !strings.HasPrefix(fn, "__ia32_") {
		return nil
	}
	if _, ok := l.Symbol("ia32_sys_call"); ok {
		return []string{"ia32_sys_call"}
	}
	if _, ok := l.Symbol("do_fast_syscall_32"); !ok {
		return nil
	}
	gates := []string{"do_fast_syscall_32"}
	for _, name := range []string{"do_int80_syscall_32", "do_int80_emulation"} {
		if _, ok := l.Symbol(name); ok {
			gates = append(gates, name)
		}
	}
	if len(gates) == 1 {
		return nil
	}
	return gates
}
