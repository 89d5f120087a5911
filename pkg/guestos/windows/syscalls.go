package windows

import (
	"encoding/binary"
	"slices"
	"strings"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/x86"
)

// ABINT is the one system-call ABI of a 64-bit Windows kernel: the
// native NT services.
const ABINT guestos.ABI = "nt"

// maxServices bounds the system service table read from the guest; real
// kernels have 400 to 500 services.
const maxServices = 2048

// syscalls lists the NT system services: the Nt* functions the kernel's
// service table (KiServiceTable) points at, or, when the profile or the
// guest does not give the table, every Nt* function symbol of the profile
// (which may then include a few Nt* variables).
func (w *Windows) syscalls() []guestos.Syscall {
	byAddr := map[uint64]string{}
	var names []string
	for _, name := range w.p.SymbolsWithPrefix("Nt") {
		if len(name) < 3 || name[2] < 'A' || name[2] > 'Z' || strings.ContainsAny(name, "@?") {
			continue
		}
		names = append(names, name)
		a, _ := w.Symbol(name)
		if _, dup := byAddr[a]; !dup {
			byAddr[a] = name
		}
	}
	nargs := map[string]int{}
	if table, ok := w.serviceTable(byAddr, nargs); ok {
		names = table
	}
	calls := make([]guestos.Syscall, 0, len(names))
	for _, name := range names {
		a, _ := w.Symbol(name)
		calls = append(calls, guestos.Syscall{Name: name, Symbol: name, Addr: a, ABI: ABINT, NArgs: nargs[name]})
	}
	return calls
}

// serviceTable reads KiServiceTable: KiServiceLimit 32-bit entries, each
// the target's offset from the table shifted left by 4 over the count of
// stack arguments (those after the four passed in registers), which it
// stores in nargs as the call's argument count.
func (w *Windows) serviceTable(byAddr map[uint64]string, nargs map[string]int) ([]string, bool) {
	table, ok1 := w.Symbol("KiServiceTable")
	limit, ok2 := w.Symbol("KiServiceLimit")
	if !ok1 || !ok2 {
		return nil, false
	}
	regs, err := w.anyRegs()
	if err != nil {
		return nil, false
	}
	la57 := x86.LA57(regs.CR4)
	var b [4]byte
	if _, err := w.w.ReadVirt(regs.CR3, la57, limit, b[:]); err != nil {
		return nil, false
	}
	n := binary.LittleEndian.Uint32(b[:])
	if n == 0 || n > maxServices {
		return nil, false
	}
	raw := make([]byte, 4*n)
	if _, err := w.w.ReadVirt(regs.CR3, la57, table, raw); err != nil {
		return nil, false
	}
	var names []string
	for i := range n {
		e := binary.LittleEndian.Uint32(raw[4*i:])
		off := int64(int32(e)) >> 4
		if name, ok := byAddr[table+uint64(off)]; ok {
			names = append(names, name)
			nargs[name] = 4 + int(e&0xf)
		}
	}
	if len(names) == 0 {
		return nil, false
	}
	slices.Sort(names)
	return slices.Compact(names), true
}
