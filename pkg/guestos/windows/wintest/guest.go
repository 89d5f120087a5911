// Package wintest builds synthetic 64-bit Windows guests for tests: real
// page tables over a sparse memory (pkg/guestos/x86/x86test), an ntoskrnl
// PE header with a CodeView (RSDS) record, a service table, a KPCR per
// vCPU, and threads (ETHREAD) and processes (EPROCESS) laid out with the
// offsets of an ISF profile. A Target plays scripted breakpoint events.
package wintest

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"unicode/utf16"

	"github.com/guestrace/guestrace/pkg/guestos/x86"
	"github.com/guestrace/guestrace/pkg/guestos/x86/x86test"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// Guest address space layout.
const (
	KernelBase = 0xfffff8034ac00000 // ntoskrnl (4 KiB pages)
	ImageSize  = 0x800000
	PoolBase   = 0xffffc00000000000 // KPCRs, threads, processes, stacks (one 2 MiB page)
	UserBase   = 0x00007ff700000000 // user memory for argument structures (1 MiB)
	userSize   = 1 << 20

	kernelPhys = 0x1000000
	poolPhys   = 0x3000000
	userPhys   = 0x4000000
	memSize    = 0x8000000

	DebugDirRVA = 0x2000 // debug directory
	rsdsRVA     = 0x2100
	// HandlerRVA is where vector 0 of the IDT points: near the image's
	// end, as KVA-shadow handlers are.
	HandlerRVA = 0x7f0010
	// HoleRVA starts a range of unmapped pages inside the image, as the
	// discarded INIT section leaves.
	HoleRVA, holeSize = 0x600000, 0x40000
)

// Guest is a synthetic Windows guest.
type Guest struct {
	Mem     *x86test.Mem
	PT      *x86test.PageTables
	Profile *isf.Profile

	KPCR []uint64 // per vCPU
	GUID []byte   // 16 raw bytes of the RSDS GUID
	Age  uint32

	pool, user uint64 // bump allocators (virtual)
}

// New builds a guest with vcpus vCPUs for the profile p; its kernel's
// RSDS record carries the profile's PDB GUID and age (when it has them).
func New(p *isf.Profile, vcpus int) (*Guest, error) {
	m := x86test.NewMem(memSize)
	g := &Guest{Mem: m, PT: x86test.NewPageTables(m, false), Profile: p, pool: PoolBase, user: UserBase}
	for off := uint64(0); off < ImageSize; off += x86.PageSize {
		if off >= HoleRVA && off < HoleRVA+holeSize {
			continue
		}
		g.PT.Map(KernelBase+off, kernelPhys+off, x86.PageSize)
	}
	g.PT.Map(PoolBase, poolPhys, x86.LargeSize)
	g.PT.MapRange(UserBase, userPhys, userSize, x86.PageSize)

	var meta struct {
		PDB struct {
			GUID string `json:"GUID"`
			Age  uint32 `json:"age"`
		} `json:"pdb"`
	}
	_ = json.Unmarshal(p.Metadata.Windows, &meta)
	g.GUID = make([]byte, 16)
	if raw, err := hex.DecodeString(meta.PDB.GUID); err == nil && len(raw) == 16 {
		// Back from the printed form to the in-memory one.
		binary.LittleEndian.PutUint32(g.GUID[0:], binary.BigEndian.Uint32(raw[0:]))
		binary.LittleEndian.PutUint16(g.GUID[4:], binary.BigEndian.Uint16(raw[4:]))
		binary.LittleEndian.PutUint16(g.GUID[6:], binary.BigEndian.Uint16(raw[6:]))
		copy(g.GUID[8:], raw[8:])
	}
	g.Age = meta.PDB.Age
	g.WritePE(g.GUID, g.Age, "ntkrnlmp.pdb")
	if err := g.writeServiceTable(); err != nil {
		return nil, err
	}

	idt := g.Alloc(0x1000)
	g.WriteGate(idt, KernelBase+HandlerRVA)
	for i := 0; i < vcpus; i++ {
		size, err := p.TypeSize("_KPCR")
		if err != nil {
			return nil, err
		}
		kpcr := g.Alloc(size)
		g.PutField(kpcr, "_KPCR", "Self", kpcr)
		g.PutField(kpcr, "_KPCR", "IdtBase", idt)
		g.KPCR = append(g.KPCR, kpcr)
	}
	return g, nil
}

// WritePE writes ntoskrnl's headers: DOS and NT headers, the debug
// directory and an RSDS record naming the PDB.
func (g *Guest) WritePE(guid []byte, age uint32, pdb string) {
	h := make([]byte, 0x1000)
	copy(h, "MZ")
	binary.LittleEndian.PutUint32(h[0x3c:], 0x108)
	nt := h[0x108:]
	copy(nt, "PE\x00\x00")
	binary.LittleEndian.PutUint16(nt[4:], 0x8664)
	opt := nt[24:]
	binary.LittleEndian.PutUint16(opt[0:], 0x20b)
	binary.LittleEndian.PutUint32(opt[56:], ImageSize)
	binary.LittleEndian.PutUint32(opt[108:], 16)
	binary.LittleEndian.PutUint32(opt[112+6*8:], DebugDirRVA)
	binary.LittleEndian.PutUint32(opt[112+6*8+4:], 28)
	g.WriteVirt(KernelBase, h)

	rec := append([]byte("RSDS"), guid...)
	rec = binary.LittleEndian.AppendUint32(rec, age)
	rec = append(append(rec, pdb...), 0)
	dir := make([]byte, 28)
	binary.LittleEndian.PutUint32(dir[12:], 2) // IMAGE_DEBUG_TYPE_CODEVIEW
	binary.LittleEndian.PutUint32(dir[16:], uint32(len(rec)))
	binary.LittleEndian.PutUint32(dir[20:], rsdsRVA)
	g.WriteVirt(KernelBase+DebugDirRVA, dir)
	g.WriteVirt(KernelBase+rsdsRVA, rec)
}

// StackArgs are the stack arguments (those after the four in registers)
// of the fixture's services, from their prototypes: the count each
// service table entry carries in its low four bits.
var StackArgs = map[string]uint32{
	"NtAllocateVirtualMemory": 2, "NtCreateFile": 7, "NtCreateThreadEx": 7, "NtReadFile": 5,
	"NtSetValueKey": 2, "NtWriteFile": 5, "NtWriteVirtualMemory": 1, "NtOpenFile": 2,
	"NtProtectVirtualMemory": 1, "NtReadVirtualMemory": 1, "NtDeviceIoControlFile": 6, "NtCreateProfileEx": 6,
}

// writeServiceTable fills KiServiceTable with every Nt* function symbol
// of the profile, in name order, with its StackArgs, and sets
// KiServiceLimit and NtBuildNumber.
func (g *Guest) writeServiceTable() error {
	table, ok1 := g.Profile.SymbolAddress("KiServiceTable")
	limit, ok2 := g.Profile.SymbolAddress("KiServiceLimit")
	if !ok1 || !ok2 {
		return nil
	}
	var ents []byte
	for _, name := range g.Profile.SymbolsWithPrefix("Nt") {
		if name == "NtBuildNumber" || name == "NtGlobalFlag" {
			continue // variables
		}
		rva, _ := g.Profile.SymbolAddress(name)
		ents = binary.LittleEndian.AppendUint32(ents, uint32(int32(rva-table)<<4)|StackArgs[name])
	}
	g.WriteVirt(KernelBase+table, ents)
	g.Put32(KernelBase+limit, uint32(len(ents)/4))
	if b, ok := g.Profile.SymbolAddress("NtBuildNumber"); ok {
		g.Put32(KernelBase+b, 0xf0004a61) // 19041, free build
	}
	return nil
}

// WriteGate writes an interrupt gate for handler as vector 0 of the IDT.
func (g *Guest) WriteGate(idt, handler uint64) {
	var e [16]byte
	binary.LittleEndian.PutUint16(e[0:], uint16(handler))
	binary.LittleEndian.PutUint16(e[2:], 0x10)
	e[5] = 0x8e
	binary.LittleEndian.PutUint16(e[6:], uint16(handler>>16))
	binary.LittleEndian.PutUint32(e[8:], uint32(handler>>32))
	g.WriteVirt(idt, e[:])
}

// Alloc returns zeroed kernel pool memory, 16-byte aligned.
func (g *Guest) Alloc(size uint64) uint64 {
	a := g.pool
	g.pool += (size + 15) &^ 15
	if g.pool > PoolBase+x86.LargeSize {
		panic("wintest: pool exhausted")
	}
	return a
}

// UserAlloc returns zeroed user memory, 16-byte aligned.
func (g *Guest) UserAlloc(size uint64) uint64 {
	a := g.user
	g.user += (size + 15) &^ 15
	if g.user > UserBase+userSize {
		panic("wintest: user memory exhausted")
	}
	return a
}

// phys translates through the guest's page tables.
func (g *Guest) phys(va uint64) uint64 {
	pa, _, err := x86.NewWalker(g.Mem).Translate(g.PT.Root, false, va)
	if err != nil {
		panic(fmt.Sprintf("wintest: %v", err))
	}
	return pa
}

// WriteVirt writes b at va, page by page.
func (g *Guest) WriteVirt(va uint64, b []byte) {
	for len(b) > 0 {
		n := min(uint64(len(b)), x86.PageSize-va%x86.PageSize)
		g.Mem.MustWrite(g.phys(va), b[:n])
		va, b = va+n, b[n:]
	}
}

// Put64 and Put32 write little-endian values at va.
func (g *Guest) Put64(va, v uint64) { g.WriteVirt(va, binary.LittleEndian.AppendUint64(nil, v)) }
func (g *Guest) Put32(va uint64, v uint32) {
	g.WriteVirt(va, binary.LittleEndian.AppendUint32(nil, v))
}

// PutField writes a pointer-sized value at a profile field of the struct
// at va.
func (g *Guest) PutField(va uint64, typ, field string, v uint64) {
	off, err := g.Profile.FieldOffset(typ, field)
	if err != nil {
		panic(fmt.Sprintf("wintest: %v", err))
	}
	g.Put64(va+off, v)
}

// Process makes an EPROCESS named name (at most 15 bytes are kept).
func (g *Guest) Process(pid uint64, name string) uint64 {
	size, _ := g.Profile.TypeSize("_EPROCESS")
	p := g.Alloc(size)
	g.PutField(p, "_EPROCESS", "UniqueProcessId", pid)
	off, _ := g.Profile.FieldOffset("_EPROCESS", "ImageFileName")
	b := []byte(name)
	g.WriteVirt(p+off, b[:min(len(b), 15)])
	return p
}

// Thread makes an ETHREAD of process proc with ids pid and tid, and a
// kernel stack of 4 KiB; it returns the ETHREAD and the top of its stack.
func (g *Guest) Thread(proc, pid, tid uint64) (ethread, stackTop uint64) {
	size, _ := g.Profile.TypeSize("_ETHREAD")
	t := g.Alloc(size)
	cid, _ := g.Profile.FieldOffset("_ETHREAD", "Cid")
	g.Put64(t+cid, pid)
	g.Put64(t+cid+8, tid)
	if g.Profile.HasField("_KTHREAD", "Process") {
		g.PutField(t, "_KTHREAD", "Process", proc)
	}
	apc, err := g.Profile.FieldOffset("_KTHREAD", "ApcState")
	if err == nil {
		g.PutField(t+apc, "_KAPC_STATE", "Process", proc)
	}
	g.SetKernelMode(t, false)
	stack := g.Alloc(0x1000)
	return t, stack + 0x1000
}

// SetKernelMode sets a thread's KTHREAD.PreviousMode: KernelMode (0) while
// it runs a call the kernel made itself, UserMode (1) otherwise.
func (g *Guest) SetKernelMode(ethread uint64, kernel bool) {
	off, err := g.Profile.FieldOffset("_KTHREAD", "PreviousMode")
	if err != nil {
		return
	}
	mode := byte(1)
	if kernel {
		mode = 0
	}
	g.WriteVirt(ethread+off, []byte{mode})
}

// SetCurrent makes ethread the running thread of a vCPU.
func (g *Guest) SetCurrent(vcpu int, ethread uint64) {
	prcb, _ := g.Profile.FieldOffset("_KPCR", "Prcb")
	g.PutField(g.KPCR[vcpu]+prcb, "_KPRCB", "CurrentThread", ethread)
}

// Regs are a vCPU's registers in kernel mode: CR3 of the guest's tables,
// GS base at its KPCR.
func (g *Guest) Regs(vcpu int) vmi.Regs {
	return vmi.Regs{CR3: g.PT.Root, CR0: 0x80050033, CR4: 0x3506f8, EFER: 0xd01, CS: 0x10, SS: 0x18,
		GSBase: g.KPCR[vcpu], RIP: KernelBase + 0x1000}
}

// UnicodeString writes a UNICODE_STRING for s in user memory and returns
// its address.
func (g *Guest) UnicodeString(s string) uint64 {
	u := utf16.Encode([]rune(s))
	buf := g.UserAlloc(uint64(2*len(u)) + 2)
	for i, c := range u {
		g.WriteVirt(buf+uint64(2*i), []byte{byte(c), byte(c >> 8)})
	}
	us := g.UserAlloc(16)
	g.WriteVirt(us, []byte{byte(2 * len(u)), byte(2 * len(u) >> 8), byte(2*len(u) + 2), byte((2*len(u) + 2) >> 8)})
	g.Put64(us+8, buf)
	return us
}

// ObjectAttributes writes an OBJECT_ATTRIBUTES naming s under root.
func (g *Guest) ObjectAttributes(root uint64, s string, attributes uint32) uint64 {
	name := g.UnicodeString(s)
	oa := g.UserAlloc(0x30)
	g.Put32(oa, 0x30)
	g.Put64(oa+8, root)
	g.Put64(oa+0x10, name)
	g.Put32(oa+0x18, attributes)
	return oa
}
