package linux

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/guestrace/guestrace/pkg/guestos/x86"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// Root is the top-level page table of an address space (a CR3) and its
// paging mode.
type Root struct {
	PA   uint64
	LA57 bool
}

// Control-register bits.
const (
	cr0PG   = 1 << 31
	eferLMA = 1 << 10
	// ptiUser is the CR3 bit that selects the user half of a page-table
	// isolation (KPTI) pair: the kernel's top-level table is the 8 KiB
	// aligned page below it.
	ptiUser = 1 << 12
)

func (l *Linux) roots() ([]Root, error) { return Roots(l.t) }

// Roots lists the address spaces of the vCPUs: each CR3, and the kernel
// table of its KPTI pair in case the vCPU was stopped in user mode.
func Roots(t vmi.Target) ([]Root, error) {
	var rs []Root
	var firstErr error
	add := func(r Root) {
		for _, o := range rs {
			if o == r {
				return
			}
		}
		rs = append(rs, r)
	}
	for i := 0; i < min(t.NumVCPUs(), maxVCPUs); i++ {
		var r vmi.Regs
		if err := t.Regs(i, &r); err != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("reading registers of vCPU %d: %w", i, err)
			}
			continue
		}
		// A backend that does not report CR0 and EFER leaves them 0.
		if r.CR3&x86.AddrMask == 0 || (r.CR0 != 0 && r.CR0&cr0PG == 0) || (r.EFER != 0 && r.EFER&eferLMA == 0) {
			continue
		}
		la57 := x86.LA57(r.CR4)
		add(Root{r.CR3 & x86.AddrMask, la57})
		if r.CR3&ptiUser != 0 {
			add(Root{r.CR3 & x86.AddrMask &^ ptiUser, la57})
		}
	}
	if len(rs) == 0 {
		if firstErr != nil {
			return nil, firstErr
		}
		return nil, fmt.Errorf("no vCPU is in 64-bit mode with paging on: %w", vmi.ErrUnsupported)
	}
	return rs, nil
}

// Slot is a present 2 MiB slot of the kernel image region: its address
// and its page-directory entry.
type Slot struct{ VA, Entry uint64 }

// ImageSlots lists the 2 MiB slots of the kernel image region that r's
// page directory maps, lowest first. Entries below _text are cleared at
// boot, so the first is where KASLR put _text. buf is scratch of at least
// 4 KiB.
func ImageSlots(w *x86.Walker, mem x86.PhysReader, r Root, buf []byte) ([]Slot, error) {
	pd, err := w.TableOf(r.PA, r.LA57, kernelMap, 2)
	if err != nil {
		return nil, err
	}
	if err := mem.ReadPhys(pd, buf[:4096]); err != nil {
		return nil, err
	}
	var present []Slot
	for i := range uint64(512) {
		if e := binary.LittleEndian.Uint64(buf[i*8:]); e&1 != 0 {
			present = append(present, Slot{kernelMap + i*kaslrAlign, e})
		}
	}
	return present, nil
}

// findKernel finds the KASLR slide, the paging mode and the kernel's page
// table: a slide is right when init_task's comm reads "swapper/0" through
// a vCPU's page tables.
func (l *Linux) findKernel(initTask uint64) error {
	rs, err := l.roots()
	if err != nil {
		return err
	}
	comm := initTask + l.lay.comm
	tried := 0
	for _, r := range rs {
		for _, slide := range l.candidates(r, comm) {
			tried++
			if l.isSwapper(r, comm+slide) {
				l.slide, l.la57 = slide, r.LA57
				l.kroot = l.kernelRoot(r, comm+slide)
				l.w.Flush()
				return nil
			}
		}
	}
	return mismatch("init_task.comm does not read \"swapper/0\" at any of %d KASLR slides through the page tables of %d vCPU address spaces", tried, len(rs))
}

// candidates lists the slides worth trying, likeliest first. The kernel's
// page directory for its image region tells where KASLR put it: entries
// below _text are cleared at boot, so the first present one is _text's
// 2 MiB page. Then slide 0, then every slide that puts init_task.comm on
// a present page (slides are multiples of 2 MiB).
func (l *Linux) candidates(r Root, comm uint64) []uint64 {
	var out []uint64
	add := func(s uint64) {
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	present, err := ImageSlots(l.w, l.t, r, l.buf[:])
	if err != nil {
		return []uint64{0}
	}
	if text, ok := l.p.SymbolAddress("_text"); ok && len(present) > 0 {
		add(present[0].VA - text&^(kaslrAlign-1))
	}
	add(0)
	for _, s := range present {
		add(s.VA - comm&^(kaslrAlign-1))
	}
	return out
}

// isSwapper reports whether va holds init_task's comm.
func (l *Linux) isSwapper(r Root, va uint64) bool {
	b := l.buf[:16]
	if n, _ := l.w.ReadVirt(r.PA, r.LA57, va, b); n != len(b) {
		return false
	}
	return swapperComm(b)
}

// swapperComm reports whether b (16 bytes) is init_task's comm.
func swapperComm(b []byte) bool {
	return bytes.HasPrefix(b, []byte("swapper/0\x00")) || bytes.HasPrefix(b, []byte("swapper\x00"))
}

// kernelRoot returns the physical address of init_top_pgt when the
// profile names it and it maps the kernel like r does; else r's table.
func (l *Linux) kernelRoot(r Root, comm uint64) uint64 {
	for _, name := range []string{"init_top_pgt", "init_level4_pgt"} {
		va, ok := l.Symbol(name)
		if !ok {
			continue
		}
		pa, _, err := l.w.Translate(r.PA, r.LA57, va)
		if err == nil && pa&(x86.PageSize-1) == 0 && (pa == r.PA || l.isSwapper(Root{pa, r.LA57}, comm)) {
			return pa
		}
	}
	return r.PA
}

// maxBanner bounds the read of linux_banner.
const maxBanner = 512

// checkBanner compares the guest's linux_banner with the profile's and
// takes the release from it.
func (l *Linux) checkBanner() error {
	want := l.p.Banner()
	var got string
	readable := false
	if va, ok := l.Symbol("linux_banner"); ok {
		b := l.buf[:maxBanner]
		n, _ := l.w.ReadVirt(l.kroot, l.la57, va, b)
		b = b[:n]
		if i := bytes.IndexByte(b, 0); i >= 0 {
			b, readable = b[:i], true
		}
		got = strings.TrimRight(string(b), "\n")
	}
	if want != "" {
		if !readable {
			return mismatch("cannot read the guest's linux_banner to compare with the profile's %q", clip(want))
		}
		if got != want {
			return mismatch("profile is for %q, guest runs %q", clip(want), clip(got))
		}
	}
	l.release = isf.BannerRelease(got)
	if l.release == "" {
		l.release = l.p.Release()
	}
	return nil
}

func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "..."
	}
	return s
}

// findDirectMap finds the direct map, [page_offset_base, vmalloc_base),
// which memory KASLR may have moved.
func (l *Linux) findDirectMap() {
	lo, hi := uint64(directMap4), uint64(vmalloc4)
	if l.la57 {
		lo, hi = directMap5, vmalloc5
	}
	l.directMap = [2]uint64{l.readBase("page_offset_base", lo), l.readBase("vmalloc_base", hi)}
}

// SetKeepKernel sets whether translations of the kernel image and of the
// direct map through large pages, and the kernel's top-level entries, are
// kept across events (the default after Attach): they never change while
// the kernel runs, and keeping them saves most of the page-table reads of
// an event.
func (l *Linux) SetKeepKernel(on bool) {
	l.w.Unkeep()
	if !on {
		return
	}
	l.w.KeepTop = true
	l.w.Keep(kernelMap, kernelMap+imageSize)
	if l.directMap[0] < l.directMap[1] {
		l.w.Keep(l.directMap[0], l.directMap[1])
	}
}

// readBase reads a kernel variable holding a region's base, or returns def.
func (l *Linux) readBase(sym string, def uint64) uint64 {
	va, ok := l.Symbol(sym)
	if !ok {
		return def
	}
	b := l.buf[:8]
	if n, _ := l.w.ReadVirt(l.kroot, l.la57, va, b); n != 8 {
		return def
	}
	if v := binary.LittleEndian.Uint64(b); x86.Kernel(v) && x86.Canonical(v, l.la57) {
		return v
	}
	return def
}
