// Package x86test builds synthetic x86-64 guests for tests: a sparse
// physical memory, real 4- or 5-level page tables with 4 KiB, 2 MiB and
// 1 GiB pages, and a vmi.Target over them.
package x86test

import (
	"encoding/binary"
	"fmt"
)

const pageSize = 4096

// Mem is a sparse guest physical memory of Size bytes. Pages never written
// read as zeros; reads past Size fail, like RAM that does not exist.
type Mem struct {
	Size  uint64
	Reads int // ReadPhys calls, to count round trips

	pages map[uint64]*[pageSize]byte
	brk   uint64 // next free page of the table allocator (grows down)
}

// NewMem makes a memory of size bytes (a multiple of 4 KiB). Page tables
// are allocated from its top.
func NewMem(size uint64) *Mem {
	return &Mem{Size: size, pages: make(map[uint64]*[pageSize]byte), brk: size}
}

// ReadPhys fills buf from pa.
func (m *Mem) ReadPhys(pa uint64, buf []byte) error {
	m.Reads++
	if err := m.check(pa, len(buf)); err != nil {
		return err
	}
	for n := 0; n < len(buf); {
		at := pa + uint64(n)
		off := at % pageSize
		c := min(pageSize-int(off), len(buf)-n)
		if p := m.pages[at-off]; p != nil {
			copy(buf[n:n+c], p[off:])
		} else {
			clear(buf[n : n+c])
		}
		n += c
	}
	return nil
}

// WritePhys writes buf at pa.
func (m *Mem) WritePhys(pa uint64, buf []byte) error {
	if err := m.check(pa, len(buf)); err != nil {
		return err
	}
	for n := 0; n < len(buf); {
		at := pa + uint64(n)
		off := at % pageSize
		c := min(pageSize-int(off), len(buf)-n)
		p := m.pages[at-off]
		if p == nil {
			p = new([pageSize]byte)
			m.pages[at-off] = p
		}
		copy(p[off:], buf[n:n+c])
		n += c
	}
	return nil
}

func (m *Mem) check(pa uint64, n int) error {
	if pa >= m.Size || uint64(n) > m.Size-pa {
		return fmt.Errorf("physical %#x+%d is beyond RAM (%#x bytes)", pa, n, m.Size)
	}
	return nil
}

// Put64 writes a little-endian 64-bit value; it panics on a bad address
// (a bug in the test).
func (m *Mem) Put64(pa, v uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	m.MustWrite(pa, b[:])
}

// Get64 reads a little-endian 64-bit value without counting a read.
func (m *Mem) Get64(pa uint64) uint64 {
	var b [8]byte
	if err := m.ReadPhys(pa, b[:]); err != nil {
		panic(err)
	}
	m.Reads--
	return binary.LittleEndian.Uint64(b[:])
}

// Put32 writes a little-endian 32-bit value.
func (m *Mem) Put32(pa uint64, v uint32) {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], v)
	m.MustWrite(pa, b[:])
}

// MustWrite is WritePhys for test set-up.
func (m *Mem) MustWrite(pa uint64, b []byte) {
	if err := m.WritePhys(pa, b); err != nil {
		panic(err)
	}
}

// AllocPage returns a zeroed page from the top of memory, for tables.
func (m *Mem) AllocPage() uint64 {
	if m.brk < pageSize {
		panic("x86test: out of memory for page tables")
	}
	m.brk -= pageSize
	return m.brk
}
