// Package x86 translates x86-64 guest virtual addresses through the guest's
// own page tables: 4-level paging, and 5-level when CR4.LA57 is set, with
// 1 GiB and 2 MiB pages. Linux and Windows share it.
//
// Page tables are guest memory and so untrusted: a walk reads at most one
// entry per level (it cannot loop), an entry that points outside RAM or sets
// a reserved bit ends it with an error, and nothing here panics on any
// input.
package x86

import (
	"encoding/binary"
	"fmt"

	"github.com/guestrace/guestrace/pkg/guestos"
)

// PhysReader reads guest physical memory; vmi.Target is one.
type PhysReader interface {
	ReadPhys(pa uint64, buf []byte) error
}

// Page sizes.
const (
	PageSize  = 1 << 12
	LargeSize = 1 << 21 // 2 MiB, a PD entry with PS set
	HugeSize  = 1 << 30 // 1 GiB, a PDPT entry with PS set
)

const (
	// CR4LA57 is CR4's 5-level paging bit.
	CR4LA57 = 1 << 12

	// AddrMask keeps an entry's (or CR3's) physical address bits 12..51;
	// CR3's low bits are flags or the PCID, its bit 63 a no-flush hint.
	AddrMask = 0x000f_ffff_ffff_f000

	ptePresent = 1 << 0
	ptePS      = 1 << 7
)

// LA57 reports whether cr4 selects 5-level paging.
func LA57(cr4 uint64) bool { return cr4&CR4LA57 != 0 }

// Canonical reports whether va is a canonical address: its bits above the
// paging mode's width (48 or 57) copy the top implemented bit.
func Canonical(va uint64, la57 bool) bool {
	bits := uint(48)
	if la57 {
		bits = 57
	}
	top := int64(va) >> (bits - 1)
	return top == 0 || top == -1
}

// Kernel reports whether va lies in the upper (kernel) half.
func Kernel(va uint64) bool { return va>>63 == 1 }

// Stats counts the physical reads a Walker made.
type Stats struct {
	EntryReads uint64 // page-table entries read from the guest
	DataReads  uint64 // reads of guest data (ReadVirt chunks)
	Hits       uint64 // translations served by the cache
	Misses     uint64 // translations that walked the tables
}

// Walker translates and reads guest virtual memory. It keeps a small
// translation cache; Invalidate empties it and must be called whenever the
// guest may have run (once per event). It is not safe for concurrent use:
// neither is the vmi.Target below it.
type Walker struct {
	mem PhysReader

	// KeepTop keeps, across Invalidate, the present top-level entries of
	// the kernel half: the kernel fills them at boot (Linux preallocates
	// the tables below them) and never changes them.
	KeepTop bool

	Stats Stats

	tlb    tlb
	tops   tops      // table entries (non-leaf)
	stable [4]vrange // see Keep
	ent    [8]byte   // scratch for one entry: no allocation per read
}

type vrange struct{ lo, hi uint64 }

// Keep declares [lo, hi) a linear mapping that never changes while the
// guest runs (Linux's direct map, its kernel image): translations there
// survive Invalidate, whatever their page size (a large page the kernel
// splits into small ones still maps the same frames). Elsewhere, small
// pages get remapped (vmalloc'd stacks, user memory) and are never kept.
// It reports false when all four slots are used.
func (w *Walker) Keep(lo, hi uint64) bool {
	for i := range w.stable {
		if w.stable[i] == (vrange{}) {
			w.stable[i] = vrange{lo, hi}
			return true
		}
	}
	return false
}

func (w *Walker) kept(va uint64) bool {
	for _, r := range w.stable {
		if va >= r.lo && va < r.hi {
			return true
		}
	}
	return false
}

// NewWalker makes a Walker reading page tables from mem.
func NewWalker(mem PhysReader) *Walker {
	return &Walker{mem: mem}
}

// Invalidate forgets the cached translations but those of Keep and KeepTop.
func (w *Walker) Invalidate() {
	w.tlb.invalidate(true)
	w.tops.invalidate(true)
}

// Flush forgets every cached translation, also the kept ones.
func (w *Walker) Flush() {
	w.tlb.invalidate(false)
	w.tops.invalidate(false)
}

// Translate returns the physical address of va in the address space whose
// top-level table is at root (a CR3 value: flag bits are ignored), and the
// size of the page that maps it. Errors wrap guestos.ErrUnmapped, and also
// guestos.ErrBadGuestData when an entry is impossible.
func (w *Walker) Translate(root uint64, la57 bool, va uint64) (pa, size uint64, err error) {
	root &= AddrMask
	if !Canonical(va, la57) {
		return 0, 0, fmt.Errorf("%#x is not canonical: %w", va, guestos.ErrUnmapped)
	}
	if pa, size, ok := w.tlb.lookup(root, va); ok {
		w.Stats.Hits++
		return pa, size, nil
	}
	w.Stats.Misses++
	levels := 4
	if la57 {
		levels = 5
	}
	table := root
	for lvl := levels; lvl >= 1; lvl-- {
		shift := uint(12 + 9*(lvl-1))
		idx := (va >> shift) & 511
		e, err := w.entry(table, idx, lvl, lvl == levels && Kernel(va))
		if err != nil {
			return 0, 0, fmt.Errorf("translating %#x: level %d table at %#x: %w: %w", va, lvl, table, guestos.ErrUnmapped, err)
		}
		if e&ptePresent == 0 {
			return 0, 0, fmt.Errorf("%#x: level %d entry not present: %w", va, lvl, guestos.ErrUnmapped)
		}
		if e&ptePS != 0 && lvl >= 2 {
			if lvl > 3 {
				return 0, 0, fmt.Errorf("%#x: level %d entry %#x sets the page-size bit: %w: %w", va, lvl, e, guestos.ErrUnmapped, guestos.ErrBadGuestData)
			}
			size := uint64(1) << shift
			base := e & AddrMask &^ (size - 1)
			w.tlb.insert(root, va&^(size-1), base, size, w.kept(va))
			return base | va&(size-1), size, nil
		}
		table = e & AddrMask
	}
	w.tlb.insert(root, va&^(PageSize-1), table, PageSize, w.kept(va))
	return table | va&(PageSize-1), PageSize, nil
}

// entry reads entry idx of the level-lvl table at pa. Entries pointing at
// lower tables are cached for the event (walks of neighbouring pages
// share them); top says it is a top-level entry of the kernel half, which
// KeepTop keeps across events.
func (w *Walker) entry(table, idx uint64, lvl int, top bool) (uint64, error) {
	if e, ok := w.tops.lookup(table, idx); ok {
		return e, nil
	}
	w.Stats.EntryReads++
	if err := w.mem.ReadPhys(table+idx*8, w.ent[:]); err != nil {
		return 0, err
	}
	e := binary.LittleEndian.Uint64(w.ent[:])
	if lvl > 1 && e&ptePresent != 0 && e&ptePS == 0 {
		w.tops.insert(table, idx, e, top && w.KeepTop)
	}
	return e, nil
}

// ReadVirt fills buf from guest virtual memory at va in the address space
// of root. It returns how many bytes it read; when fewer than len(buf), the
// error wraps guestos.ErrUnmapped. Each mapped page is one physical read
// (a large page allows one read across its 4 KiB boundaries).
func (w *Walker) ReadVirt(root uint64, la57 bool, va uint64, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		at := va + uint64(n)
		if at < va { // wrapped past 2^64
			return n, fmt.Errorf("read of %d bytes at %#x wraps: %w", len(buf), va, guestos.ErrUnmapped)
		}
		pa, size, err := w.Translate(root, la57, at)
		if err != nil {
			return n, err
		}
		chunk := size - at&(size-1)
		if rest := uint64(len(buf) - n); chunk > rest {
			chunk = rest
		}
		w.Stats.DataReads++
		if err := w.mem.ReadPhys(pa, buf[n:n+int(chunk)]); err != nil {
			return n, fmt.Errorf("reading %#x (physical %#x): %w: %w", at, pa, guestos.ErrUnmapped, err)
		}
		n += int(chunk)
	}
	return n, nil
}

// TableOf returns the physical address of the level-lvl table (1 = page
// table, 2 = page directory, ...) on the walk of va: Linux reads the page
// directory of its kernel image to find where KASLR put it.
func (w *Walker) TableOf(root uint64, la57 bool, va uint64, lvl int) (uint64, error) {
	levels := 4
	if la57 {
		levels = 5
	}
	if lvl < 1 || lvl > levels || !Canonical(va, la57) {
		return 0, fmt.Errorf("no level %d table for %#x: %w", lvl, va, guestos.ErrUnmapped)
	}
	table := root & AddrMask
	for l := levels; l > lvl; l-- {
		e, err := w.entry(table, (va>>(12+9*(l-1)))&511, l, l == levels && Kernel(va))
		if err != nil {
			return 0, fmt.Errorf("level %d table at %#x: %w: %w", l, table, guestos.ErrUnmapped, err)
		}
		if e&ptePresent == 0 || e&ptePS != 0 {
			return 0, fmt.Errorf("%#x: level %d entry %#x does not point at a table: %w", va, l, e, guestos.ErrUnmapped)
		}
		table = e & AddrMask
	}
	return table, nil
}

// Unkeep drops the Keep ranges and KeepTop, and flushes the cache.
func (w *Walker) Unkeep() {
	w.stable = [4]vrange{}
	w.KeepTop = false
	w.Flush()
}
