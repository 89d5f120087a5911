package x86test

import "fmt"

// Page-table entry bits the builder sets.
const (
	Present  = 1 << 0
	Writable = 1 << 1
	User     = 1 << 2
	PS       = 1 << 7
	NX       = 1 << 63
)

// PageTables builds one address space in a Mem.
type PageTables struct {
	M    *Mem
	Root uint64 // physical address of the top-level table (CR3)
	LA57 bool
}

// NewPageTables allocates an empty top-level table.
func NewPageTables(m *Mem, la57 bool) *PageTables {
	return &PageTables{M: m, Root: m.AllocPage(), LA57: la57}
}

// NewPageTablesAt uses the page at root (zeroed) as the top-level table:
// a kernel's table lies in its image (Linux's init_top_pgt).
func NewPageTablesAt(m *Mem, la57 bool, root uint64) *PageTables {
	m.MustWrite(root, make([]byte, pageSize))
	return &PageTables{M: m, Root: root, LA57: la57}
}

// Map maps the page of size (4 KiB, 2 MiB or 1 GiB) at va to pa, making
// intermediate tables as needed. Entries get NX to show it is ignored.
func (p *PageTables) Map(va, pa, size uint64) {
	leaf := map[uint64]int{1 << 12: 1, 1 << 21: 2, 1 << 30: 3}[size]
	if leaf == 0 || va%size != 0 || pa%size != 0 {
		panic(fmt.Sprintf("x86test: bad mapping %#x -> %#x size %#x", va, pa, size))
	}
	levels := 4
	if p.LA57 {
		levels = 5
	}
	table := p.Root
	for lvl := levels; lvl > leaf; lvl-- {
		slot := table + (va>>(12+9*(lvl-1))&511)*8
		e := p.get(slot)
		if e&Present == 0 {
			e = p.M.AllocPage() | Present | Writable | User
			p.M.Put64(slot, e)
		}
		table = e & 0x000f_ffff_ffff_f000
	}
	e := pa | Present | Writable | NX
	if leaf > 1 {
		e |= PS
	}
	p.M.Put64(table+(va>>(12+9*(leaf-1))&511)*8, e)
}

// MapRange maps length bytes at va to pa with pages of size.
func (p *PageTables) MapRange(va, pa, length, size uint64) {
	for off := uint64(0); off < length; off += size {
		p.Map(va+off, pa+off, size)
	}
}

// Entry returns the physical address of the entry at level lvl (5..1) of
// the walk of va, or 0 when a table on the way is missing; tests use it to
// corrupt tables.
func (p *PageTables) Entry(va uint64, lvl int) uint64 {
	levels := 4
	if p.LA57 {
		levels = 5
	}
	table := p.Root
	for l := levels; ; l-- {
		slot := table + (va>>(12+9*(l-1))&511)*8
		if l == lvl {
			return slot
		}
		e := p.get(slot)
		if e&Present == 0 || e&PS != 0 {
			return 0
		}
		table = e & 0x000f_ffff_ffff_f000
	}
}

func (p *PageTables) get(pa uint64) uint64 { return p.M.Get64(pa) }
