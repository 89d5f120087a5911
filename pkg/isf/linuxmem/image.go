package linuxmem

import (
	"errors"
	"fmt"

	"github.com/guestrace/guestrace/pkg/guestos/linux"
	"github.com/guestrace/guestrace/pkg/guestos/x86"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// Bounds on the reads of the kernel image.
const (
	slotSize  = x86.LargeSize
	scanChunk = 1 << 20
	// maxScan bounds the read-only data read while looking for the
	// token table (Debian's kernels have it 1-5 MiB into .rodata).
	maxScan = 64 << 20
	// afterTokens bounds what is read past the data scanned for the
	// tables that follow the token table (the offsets: 4 bytes a symbol).
	afterTokens = 4*maxSyms + 64
)

// Page-directory entry bits.
const (
	nxBit = 1 << 63 // no execute
	psBit = 1 << 7  // a 2 MiB page rather than a page table
)

// image is the running kernel image as the page tables map it.
type image struct {
	t    vmi.Target
	w    *x86.Walker
	root linux.Root
	text uint64 // runtime _text
	// [rodata, end): the slots after the code, up to the first hole.
	rodata, end uint64
}

// findImage finds the kernel image through the first vCPU address space
// whose page directory maps the kernel region: KASLR leaves only the
// image's slots present, the first being _text's.
func findImage(t vmi.Target) (*image, error) {
	roots, err := linux.Roots(t)
	if err != nil {
		return nil, err
	}
	w := x86.NewWalker(t)
	buf := make([]byte, 4096)
	var firstErr error
	for _, r := range roots {
		slots, err := linux.ImageSlots(w, t, r, buf)
		if err == nil && len(slots) == 0 {
			err = errors.New("no page of the kernel image region is mapped")
		}
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		img := &image{t: t, w: w, root: r, text: slots[0].VA}
		img.end = img.text
		for _, s := range slots {
			if s.VA != img.end {
				break
			}
			img.end += slotSize
			// Code is mapped executable; the first slot that is not (or
			// is split into small pages at the code's end) starts the
			// read-only data.
			if img.rodata == 0 && s.VA > img.text && (s.Entry&nxBit != 0 || s.Entry&psBit == 0) {
				img.rodata = s.VA
			}
		}
		if img.rodata == 0 {
			img.rodata = img.text
		}
		return img, nil
	}
	return nil, fmt.Errorf("finding the kernel image: %w", firstErr)
}

// read fills buf from kernel virtual memory; it returns how much it read
// before an unmapped page.
func (img *image) read(va uint64, buf []byte) (int, error) {
	return img.w.ReadVirt(img.root.PA, img.root.LA57, va, buf)
}

// readFull reads exactly len(buf) bytes or fails naming what.
func (img *image) readFull(what string, va uint64, buf []byte) error {
	if n, err := img.read(va, buf); n != len(buf) {
		return fmt.Errorf("reading %s (%d bytes at %#x): %w", what, len(buf), va, err)
	}
	return nil
}

// scanKallsyms reads the read-only data from its start until a token
// table is found, then what follows it as far as the tables need, and
// decodes the tables.
func (img *image) scanKallsyms() (*Tables, error) {
	limit := min(img.end, img.rodata+maxScan)
	m := &span{base: img.rodata, steps: new(int)}
	searched := 0
	for va := img.rodata; va < limit; va += scanChunk {
		chunk := make([]byte, min(scanChunk, limit-va))
		n, _ := img.read(va, chunk)
		m.b = append(m.b, chunk[:n]...)
		if n < len(chunk) {
			break
		}
		// Look again from a little before the new chunk, in case the
		// digits straddle it.
		if _, err := m.findTokens(max(0, searched-len(digits))); err == nil {
			break
		}
		searched = len(m.b)
	}
	return m.decode(img.text, func(n int) {
		if n <= len(m.b) || n > len(m.b)+afterTokens {
			return
		}
		more := make([]byte, n-len(m.b))
		k, _ := img.read(m.va(len(m.b)), more)
		m.b = append(m.b, more[:k]...)
	})
}
