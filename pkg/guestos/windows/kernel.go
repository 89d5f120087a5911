package windows

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/x86"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// maxKernelScan bounds the search back from an address inside ntoskrnl to
// its PE header: the image is 8 to 17 MiB on Windows 7 to 11, and an
// interrupt handler may sit near its end (KVASCODE).
const maxKernelScan = 32 << 20

// candidates are addresses inside ntoskrnl, by trust: the handler of
// vector 0 (KiDivideErrorFault or its KVA-shadow twin) from each vCPU's
// IDT, then a kernel rip (which may be in a driver).
func (w *Windows) candidates() ([]vmi.Regs, []uint64) {
	var regs []vmi.Regs
	var addrs []uint64
	for i := 0; i < w.t.NumVCPUs(); i++ {
		var r vmi.Regs
		if w.t.Regs(i, &r) != nil {
			continue
		}
		if kpcr := kpcrOf(&r); kpcr != 0 && w.l.hasIdt {
			if idt, err := w.read64(&r, kpcr+w.l.kpcrIdt); err == nil && x86.Kernel(idt) {
				var gate [16]byte
				if _, err := w.ReadVirt(&r, idt, gate[:]); err == nil {
					h := uint64(binary.LittleEndian.Uint16(gate[0:])) |
						uint64(binary.LittleEndian.Uint16(gate[6:]))<<16 |
						uint64(binary.LittleEndian.Uint32(gate[8:]))<<32
					regs, addrs = append(regs, r), append(addrs, h)
				}
			}
		}
		if x86.Kernel(r.RIP) {
			regs, addrs = append(regs, r), append(addrs, r.RIP)
		}
	}
	return regs, addrs
}

// kpcrOf is the KPCR of a vCPU: the GS base in kernel mode, the swapped
// one (KernelGSBase) in user mode.
func kpcrOf(r *vmi.Regs) uint64 {
	if x86.Kernel(r.GSBase) {
		return r.GSBase
	}
	if x86.Kernel(r.KernelGSBase) {
		return r.KernelGSBase
	}
	return 0
}

// findKernel locates ntoskrnl and checks its PDB against the profile's.
func (w *Windows) findKernel(meta *profileMeta) error {
	regs, addrs := w.candidates()
	if len(addrs) == 0 {
		return mismatch("no vCPU shows a kernel address (rip, or the IDT through the KPCR at the GS base)")
	}
	// The error reported is that of the most trusted candidate.
	var firstErr error
	fail := func(err error) {
		if firstErr == nil {
			firstErr = err
		}
	}
	seen := map[uint64]bool{}
	for i, a := range addrs {
		base, id, err := w.scanBack(&regs[i], a)
		if err != nil {
			fail(err)
			continue
		}
		if seen[base] {
			continue
		}
		seen[base] = true
		if meta.PDB != nil {
			if !strings.EqualFold(id.GUID, strings.ReplaceAll(meta.PDB.GUID, "-", "")) || id.Age != meta.PDB.Age {
				fail(mismatch("the kernel at %#x was built with %s; the profile is for %s %s/%d",
					base, id, meta.PDB.Database, meta.PDB.GUID, meta.PDB.Age))
				continue
			}
		} else if !kernelPDB(id.Name) {
			fail(mismatch("the image at %#x is %s, not ntoskrnl", base, id.Name))
			continue
		}
		w.base, w.pdb = base, id
		return nil
	}
	return firstErr
}

// scanBack walks down from a, page by page, to the PE header of the image
// holding a, and reads its PDB identity.
func (w *Windows) scanBack(r *vmi.Regs, a uint64) (uint64, pdbID, error) {
	hdr := make([]byte, peHeaderSize)
	start := a &^ (x86.PageSize - 1)
	for off := uint64(0); off < maxKernelScan && off <= start; off += x86.PageSize {
		base := start - off
		if !x86.Kernel(base) {
			break
		}
		if _, err := w.ReadVirt(r, base, hdr[:2]); err != nil || hdr[0] != 'M' || hdr[1] != 'Z' {
			continue // unmapped (discarded INIT pages) or not a header
		}
		if _, err := w.ReadVirt(r, base, hdr); err != nil {
			continue
		}
		im, err := parsePE(hdr)
		if err != nil {
			continue // a stray "MZ"
		}
		if a-base >= uint64(im.sizeOfImage) {
			// The nearest image below ends before a: a is in no image.
			return 0, pdbID{}, mismatch("%#x is past the end of the image at %#x", a, base)
		}
		id, err := w.imagePDB(r, base, &im)
		if err != nil {
			return 0, id, fmt.Errorf("image at %#x: %w", base, err)
		}
		return base, id, nil
	}
	return 0, pdbID{}, mismatch("no PE image header within %d MiB below %#x", maxKernelScan>>20, a)
}

// imagePDB reads the CodeView record of the image at base.
func (w *Windows) imagePDB(r *vmi.Regs, base uint64, im *peImage) (pdbID, error) {
	if im.debugRVA == 0 || im.debugSize == 0 || im.debugRVA >= im.sizeOfImage {
		return pdbID{}, fmt.Errorf("no debug directory: %w", guestos.ErrBadGuestData)
	}
	dir := make([]byte, min(im.debugSize, maxDebugDirs*debugEntrySize))
	if _, err := w.ReadVirt(r, base+uint64(im.debugRVA), dir); err != nil {
		return pdbID{}, fmt.Errorf("debug directory: %w", err)
	}
	rva, size, ok := codeViewEntry(dir)
	if !ok || rva == 0 || rva >= im.sizeOfImage {
		return pdbID{}, fmt.Errorf("no CodeView debug entry: %w", guestos.ErrBadGuestData)
	}
	rec := make([]byte, min(size, rsdsMin+maxPDBName))
	if _, err := w.ReadVirt(r, base+uint64(rva), rec); err != nil {
		return pdbID{}, fmt.Errorf("CodeView record: %w", err)
	}
	id, err := parseRSDS(rec)
	if err != nil {
		return id, errors.Join(err, guestos.ErrBadGuestData)
	}
	return id, nil
}
