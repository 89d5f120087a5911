package libvmi

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/guestrace/guestrace/pkg/vmi"
)

// Breakpoints live in shadow pages, as in the original guestrace: a kernel
// page holding one is copied to a page allocated for the purpose, the
// copy gets the 0xCC, and the altp2m view the vCPUs run in maps the
// original frame number to the copy. The host's view (view 0) still maps
// the original, so the guest reading its own code through view 0, and
// guestrace reading guest memory, see the original bytes. In the shadow
// view the page is execute-only: a read or write there traps, and the
// vCPU performs it in view 0 (one single step), so the guest's reads of
// the page see the original too, and its writes land in the original and
// are copied to the shadow afterwards.
//
// Breakpoints are kept by physical address (as DRAKVUF does): two virtual
// addresses of one physical byte share its 0xCC, and an int3 is known for
// ours by where it is, whatever address the vCPU reached it through.
//
// Shadow frames are never freed while the view exists: Xen's
// p2m_change_altp2m_gfn records every frame mapped into a view in the
// view's remapped range, and freeing a frame of that range makes
// p2m_altp2m_propagate_change reset the whole view (Xen 4.17
// xen/arch/x86/mm/p2m.c), losing every other shadow and trap. A frame
// whose page could not be shadowed waits in state.spare for the next
// page; all are freed after the view is destroyed (teardown.go).

const (
	pageShift = 12
	pageSize  = 1 << pageShift
	int3      = 0xCC

	// cr3AddrMask keeps CR3's page-table address (its low bits are flags
	// or the PCID, bit 63 a no-flush hint).
	cr3AddrMask = 0x000f_ffff_ffff_f000
	// kptiUserPGD is the bit that tells Linux's user-mode top-level table
	// (page-table isolation) from the kernel's, the page below it.
	kptiUserPGD = 1 << pageShift
)

type shadowPage struct {
	gfn, shadow uint64
	refs        map[uint16]int // page offset -> virtual addresses placed there
}

// InsertBreakpoint implements vmi.Target.
func (t *Target) InsertBreakpoint(va uint64) error {
	if t.file {
		return t.unsupportedInFile("breakpoints")
	}
	return t.call(func() error {
		s := &t.s
		if s.closing {
			return fmt.Errorf("%s: %w", t.name, vmi.ErrClosed)
		}
		if _, ok := s.bps[va]; ok {
			return nil
		}
		pa, err := t.kernelPA(va)
		if err != nil {
			return err
		}
		pg, err := t.shadowFor(pa >> pageShift)
		if err != nil {
			return err
		}
		off := uint16(pa & (pageSize - 1))
		if pg.refs[off] == 0 {
			if err := t.drv.writePA(pg.shadow<<pageShift|uint64(off), []byte{int3}); err != nil {
				return fmt.Errorf("%s: writing the breakpoint for %#x to shadow page %#x: %w", t.name, va, pg.shadow, err)
			}
		}
		pg.refs[off]++
		s.bps[va] = pa
		s.placed[pa] = true
		return nil
	})
}

// RemoveBreakpoint implements vmi.Target. The shadow page stays until
// Close: pages are few and return breakpoints come and go. The original
// byte is back in the shadow before the breakpoint is forgotten: on
// failure it stays listed, and can be removed again.
func (t *Target) RemoveBreakpoint(va uint64) error {
	return t.call(func() error {
		s := &t.s
		pa, ok := s.bps[va]
		if !ok {
			return fmt.Errorf("%s: %#x: %w", t.name, va, vmi.ErrNoBreakpoint)
		}
		pg := s.pages[pa>>pageShift]
		off := uint16(pa & (pageSize - 1))
		if pg != nil && pg.refs[off] == 1 {
			var orig [1]byte
			if err := t.drv.readPA(pa, orig[:]); err != nil {
				return fmt.Errorf("%s: reading the original byte at %#x: %w", t.name, va, err)
			}
			if err := t.drv.writePA(pg.shadow<<pageShift|uint64(off), orig[:]); err != nil {
				return fmt.Errorf("%s: restoring %#x in shadow page %#x: %w", t.name, va, pg.shadow, err)
			}
		}
		delete(s.bps, va)
		if pg != nil {
			if pg.refs[off]--; pg.refs[off] <= 0 {
				delete(pg.refs, off)
			}
		}
		return nil
	})
}

// kernelPA translates a kernel address through the page tables of the
// vCPU at the current event, else of vCPU 0. Kernel addresses map alike
// in every address space, except that under Linux's page-table isolation
// a vCPU in user mode runs on a table mapping no kernel text: then the
// kernel's table, one page below, is tried.
func (t *Target) kernelPA(va uint64) (uint64, error) {
	var r vmi.Regs
	if h := t.s.cur; h != nil {
		r = h.ev.Regs
	} else if err := t.drv.regs(0, &r); err != nil {
		return 0, fmt.Errorf("%s: registers of vCPU 0: %w", t.name, err)
	}
	dtb := r.CR3 & cr3AddrMask
	pa, err := t.drv.translate(dtb, va)
	if err != nil && dtb&kptiUserPGD != 0 {
		pa, err = t.drv.translate(dtb&^kptiUserPGD, va)
	}
	if err != nil {
		return 0, fmt.Errorf("%s: translating %#x (CR3 %#x): %w", t.name, va, r.CR3, err)
	}
	return pa, nil
}

// shadowFor returns the shadow of a page, making it if needed: take a
// frame, copy the page, map the copy in the view, make the page
// execute-only there (guestrace's _setup_mem_trap). The domain is paused
// meanwhile (as DRAKVUF's inject_trap_pa does): a vCPU writing the page
// between the copy and the trap would have its write lost from the
// shadow, or made in the shadow only.
func (t *Target) shadowFor(gfn uint64) (_ *shadowPage, err error) {
	s := &t.s
	if pg := s.pages[gfn]; pg != nil {
		return pg, nil
	}
	if !s.paused {
		if err := t.pause(); err != nil {
			return nil, err
		}
		defer func() { err = errors.Join(err, t.unpause()) }()
	}
	shadow, err := t.frame()
	if err != nil {
		return nil, err
	}
	pg := &shadowPage{gfn: gfn, shadow: shadow, refs: map[uint16]int{}}
	if err := t.syncShadow(pg); err != nil {
		s.spare = append(s.spare, shadow)
		return nil, err
	}
	s.mapping = gfn
	t.persist()
	defer func() { s.mapping = 0; t.persist() }()
	if err := t.drv.slatChangeGFN(s.view, gfn, shadow); err != nil {
		s.spare = append(s.spare, shadow)
		return nil, fmt.Errorf("%s: mapping frame %#x to its shadow %#x in view %d: %w", t.name, gfn, shadow, s.view, err)
	}
	if err := t.drv.setMemAccess(gfn, memRW, s.view); err != nil {
		_ = t.drv.slatChangeGFN(s.view, gfn, invalidGFN)
		s.spare = append(s.spare, shadow)
		return nil, fmt.Errorf("%s: trapping reads and writes of frame %#x in view %d: %w", t.name, gfn, s.view, err)
	}
	s.pages[gfn] = pg
	return pg, nil
}

// frame returns a frame for a shadow page: a spare one, else a new one
// (setup lifted the domain's memory limit).
func (t *Target) frame() (uint64, error) {
	s := &t.s
	if n := len(s.spare); n > 0 {
		f := s.spare[n-1]
		s.spare = s.spare[:n-1]
		return f, nil
	}
	shadow, err := t.drv.nextFreeGFN()
	if err != nil {
		return 0, fmt.Errorf("%s: finding a free frame for a shadow page: %w", t.name, err)
	}
	if err := t.drv.allocGFN(shadow); err != nil {
		return 0, fmt.Errorf("%s: allocating shadow frame %#x (the domain may be at its memory limit: raise it with xl mem-max): %w", t.name, shadow, err)
	}
	s.frames = append(s.frames, shadow)
	t.persist()
	return shadow, nil
}

// syncShadow copies a page to its shadow and puts the breakpoints back.
func (t *Target) syncShadow(pg *shadowPage) error {
	var page [pageSize]byte
	if err := t.drv.readPA(pg.gfn<<pageShift, page[:]); err != nil {
		return fmt.Errorf("%s: reading frame %#x: %w", t.name, pg.gfn, err)
	}
	t.markBreakpoints(pg, &page)
	if err := t.drv.writePA(pg.shadow<<pageShift, page[:]); err != nil {
		return fmt.Errorf("%s: writing shadow frame %#x: %w", t.name, pg.shadow, err)
	}
	return nil
}

func (t *Target) markBreakpoints(pg *shadowPage, page *[pageSize]byte) {
	for off := range pg.refs {
		page[off] = int3
	}
}

// resyncChanged refreshes every shadow whose original changed: after an
// instruction stepped in view 0 wrote, since one instruction (a string
// move, an unaligned store) can write more pages than the one whose trap
// sent it there, and writes in view 0 raise no event.
func (t *Target) resyncChanged() {
	var orig, shadow [pageSize]byte
	for _, pg := range t.s.pages {
		if t.drv.readPA(pg.gfn<<pageShift, orig[:]) != nil || t.drv.readPA(pg.shadow<<pageShift, shadow[:]) != nil {
			continue
		}
		t.markBreakpoints(pg, &orig)
		if !bytes.Equal(orig[:], shadow[:]) {
			// An error leaves the shadow stale until the next write;
			// nothing better can be done from a callback.
			_ = t.drv.writePA(pg.shadow<<pageShift, orig[:])
		}
	}
}
