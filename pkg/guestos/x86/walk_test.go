package x86_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/x86"
	"github.com/guestrace/guestrace/pkg/guestos/x86/x86test"
)

const (
	kText   = 0xffffffff81000000 // a kernel image address (2 MiB page)
	kDirect = 0xffff888000000000 // direct map (1 GiB page)
	kStack  = 0xffffc90000010000 // vmalloc stack (4 KiB pages)
	uData   = 0x00007ffff7ff0000 // user page
	la57VA  = 0xff11000000000000 // only canonical with 5-level paging
)

// space builds an address space with every page size.
func space(t *testing.T, la57 bool) (*x86test.Mem, *x86test.PageTables) {
	t.Helper()
	m := x86test.NewMem(4 << 30)
	pt := x86test.NewPageTables(m, la57)
	pt.Map(kText, 0x1000000, x86.LargeSize)
	pt.Map(kDirect, 0, x86.HugeSize)
	pt.Map(kStack, 0x234000, x86.PageSize)
	pt.Map(kStack+0x1000, 0x567000, x86.PageSize)
	pt.Map(uData, 0x89a000, x86.PageSize)
	if la57 {
		pt.Map(la57VA, 0x7000, x86.PageSize)
	}
	return m, pt
}

func TestTranslate(t *testing.T) {
	for _, la57 := range []bool{false, true} {
		m, pt := space(t, la57)
		w := x86.NewWalker(m)
		for _, c := range []struct {
			va, pa, size uint64
		}{
			{kText + 0x1234, 0x1001234, x86.LargeSize},
			{kText + 0x1fffff, 0x11fffff, x86.LargeSize},
			{kDirect + 0x3fff_fff8, 0x3fff_fff8, x86.HugeSize},
			{kStack + 0x10, 0x234010, x86.PageSize},
			{kStack + 0x1ff8, 0x567ff8, x86.PageSize},
			{uData + 0xabc, 0x89aabc, x86.PageSize},
		} {
			// CR3 flag and PCID bits must not disturb the walk.
			pa, size, err := w.Translate(pt.Root|0x800|0x5, la57, c.va)
			require.NoError(t, err, "la57=%v va=%#x", la57, c.va)
			assert.Equal(t, c.pa, pa, "la57=%v va=%#x", la57, c.va)
			assert.Equal(t, c.size, size)
		}
		_, _, err := w.Translate(pt.Root, la57, kStack+0x2000)
		assert.ErrorIs(t, err, guestos.ErrUnmapped)
		_, _, err = w.Translate(pt.Root, la57, 0x0000800000000000)
		assert.ErrorIs(t, err, guestos.ErrUnmapped, "non-canonical")
		if la57 {
			pa, _, err := w.Translate(pt.Root, true, la57VA+8)
			require.NoError(t, err)
			assert.Equal(t, uint64(0x7008), pa)
		} else {
			_, _, err := w.Translate(pt.Root, false, la57VA)
			assert.ErrorIs(t, err, guestos.ErrUnmapped, "57-bit address under 4-level paging")
		}
	}
}

func TestWalkReadsPerLevel(t *testing.T) {
	m, pt := space(t, false)
	w := x86.NewWalker(m)
	m.Reads = 0
	_, _, err := w.Translate(pt.Root, false, kStack)
	require.NoError(t, err)
	assert.Equal(t, 4, m.Reads, "one entry per level")
	m.Reads = 0
	_, _, err = w.Translate(pt.Root, false, kStack+8)
	require.NoError(t, err)
	assert.Equal(t, 0, m.Reads, "cached")
	w.Invalidate()
	_, _, err = w.Translate(pt.Root, false, kDirect)
	require.NoError(t, err)
	assert.Equal(t, 2, m.Reads, "1 GiB page: two levels")
}

func TestHostileTables(t *testing.T) {
	for _, la57 := range []bool{false, true} {
		levels := 4
		if la57 {
			levels = 5
		}
		for lvl := levels; lvl >= 1; lvl-- {
			m, pt := space(t, la57)
			slot := pt.Entry(kStack, lvl)
			require.NotZero(t, slot)
			table := slot &^ 0xfff
			w := x86.NewWalker(m)

			// An entry pointing at its own table: the walk still ends
			// after one entry per level, whatever it finds.
			m.Put64(slot, table|x86test.Present)
			m.Reads = 0
			_, _, err := w.Translate(pt.Root, la57, kStack)
			if err != nil {
				assert.ErrorIs(t, err, guestos.ErrUnmapped)
			}
			assert.LessOrEqual(t, m.Reads, levels)

			// An entry pointing beyond RAM.
			w.Flush()
			m.Put64(slot, 0x000f_ffff_ffff_f000|x86test.Present)
			pa, _, err := w.Translate(pt.Root, la57, kStack)
			if lvl == 1 {
				// The leaf itself may name any frame; reading it fails.
				require.NoError(t, err)
				var b [8]byte
				_, err = w.ReadVirt(pt.Root, la57, kStack, b[:])
				assert.ErrorIs(t, err, guestos.ErrUnmapped, "pa %#x", pa)
			} else {
				assert.ErrorIs(t, err, guestos.ErrUnmapped)
			}
		}
		// The page-size bit where it is reserved (PML4E, PML5E).
		m, pt := space(t, la57)
		slot := pt.Entry(kStack, levels)
		m.Put64(slot, m.Get64(slot)|x86test.PS)
		_, _, err := x86.NewWalker(m).Translate(pt.Root, la57, kStack)
		assert.ErrorIs(t, err, guestos.ErrBadGuestData)
		assert.ErrorIs(t, err, guestos.ErrUnmapped)
	}
}

func TestReadVirt(t *testing.T) {
	m, pt := space(t, true)
	m.MustWrite(0x234ff8, []byte("stackend"))
	m.MustWrite(0x567000, []byte("next-page"))
	w := x86.NewWalker(m)

	buf := make([]byte, 17)
	n, err := w.ReadVirt(pt.Root, true, kStack+0xff8, buf)
	require.NoError(t, err)
	assert.Equal(t, 17, n)
	assert.Equal(t, "stackendnext-page", string(buf))

	// Runs into the unmapped page after the two stack pages.
	buf = make([]byte, 0x20)
	n, err = w.ReadVirt(pt.Root, true, kStack+0x1ff0, buf)
	assert.Equal(t, 0x10, n)
	assert.ErrorIs(t, err, guestos.ErrUnmapped)

	// One read across 4 KiB boundaries of a large page.
	m.MustWrite(0x1000ffc, []byte("abcdefgh"))
	m.Reads = 0
	w.Invalidate()
	buf = make([]byte, 8)
	n, err = w.ReadVirt(pt.Root, true, kText+0xffc, buf)
	require.NoError(t, err)
	assert.Equal(t, 8, n)
	assert.Equal(t, "abcdefgh", string(buf))
	assert.Equal(t, 4+1, m.Reads, "PML5, PML4, PDPT, PD entries, then one data read")

	// Wrapping past the top of the address space.
	n, err = w.ReadVirt(pt.Root, true, 0xfffffffffffffffc, make([]byte, 8))
	assert.Equal(t, 0, n)
	assert.ErrorIs(t, err, guestos.ErrUnmapped)
}

func TestKeepKernel(t *testing.T) {
	m, pt := space(t, false)
	w := x86.NewWalker(m)
	w.KeepTop = true
	w.Keep(kText&^(1<<30-1), kText&^(1<<30-1)+1<<30)
	w.Keep(kDirect, kDirect+1<<40)
	split := uint64(kDirect + 1<<30 + 0x5000) // direct map split into 4 KiB pages
	pt.Map(split, 0x5000, x86.PageSize)
	for _, va := range []uint64{kText, kDirect, split, kStack, uData} {
		_, _, err := w.Translate(pt.Root, false, va)
		require.NoError(t, err)
	}
	w.Invalidate()
	m.Reads = 0
	for _, c := range []struct {
		va    uint64
		reads int
	}{
		{kText + 0x100, 0},   // large page kept
		{kDirect + 0x100, 0}, // huge page kept
		{split + 0x100, 0},   // small page of a linear range kept
		{kStack + 0x100, 3},  // 4 KiB page elsewhere not kept; its PML4 entry is
		{uData + 0x100, 4},   // user: nothing kept
	} {
		m.Reads = 0
		_, _, err := w.Translate(pt.Root, false, c.va)
		require.NoError(t, err)
		assert.Equal(t, c.reads, m.Reads, "va %#x", c.va)
	}
	w.Flush()
	m.Reads = 0
	_, _, err := w.Translate(pt.Root, false, kText)
	require.NoError(t, err)
	assert.Equal(t, 3, m.Reads, "flushed")
}

func TestTranslateAllocationFree(t *testing.T) {
	m, pt := space(t, false)
	w := x86.NewWalker(m)
	buf := make([]byte, 16)
	allocs := testing.AllocsPerRun(100, func() {
		w.Invalidate()
		if _, err := w.ReadVirt(pt.Root, false, kStack+0xff8, buf); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs)
}

// FuzzTranslate walks random page-table memory: no panic, bounded reads,
// and any translation it returns is consistent with the entries it read.
func FuzzTranslate(f *testing.F) {
	seed := make([]byte, 64)
	binary.LittleEndian.PutUint64(seed[0:], 0x1000|x86test.Present)
	binary.LittleEndian.PutUint64(seed[8:], 0x2000|x86test.Present|x86test.PS)
	f.Add(seed, uint64(0), false)
	f.Add(seed, uint64(0xffff800000000000), true)
	f.Add(bytes.Repeat([]byte{0x83, 0, 0, 0, 0, 0, 0, 0}, 8), uint64(0x7fff_ffff_f000), false)
	f.Fuzz(func(t *testing.T, data []byte, va uint64, la57 bool) {
		m := x86test.NewMem(1 << 20)
		// Spread the data over the first pages so that entries can point
		// at each other, at themselves, or beyond the 1 MiB of RAM.
		for i := 0; i < len(data) && i < 64*8; i += 8 {
			var e [8]byte
			copy(e[:], data[i:])
			for p := uint64(0); p < 8; p++ {
				m.MustWrite(p*0x1000+uint64(i), e[:])
			}
		}
		w := x86.NewWalker(m)
		w.KeepTop = la57
		w.Keep(0xffff800000000000, 0xffffffffffffffff)
		pa, size, err := w.Translate(0, la57, va)
		if m.Reads > 5 {
			t.Fatalf("%d reads for one walk", m.Reads)
		}
		if err != nil {
			if !errors.Is(err, guestos.ErrUnmapped) {
				t.Fatalf("error %v does not wrap ErrUnmapped", err)
			}
			return
		}
		if size != x86.PageSize && size != x86.LargeSize && size != x86.HugeSize {
			t.Fatalf("page size %#x", size)
		}
		if pa&(size-1) != va&(size-1) || pa > 0x000f_ffff_ffff_ffff {
			t.Fatalf("va %#x -> pa %#x size %#x", va, pa, size)
		}
		buf := make([]byte, 64)
		n, err := w.ReadVirt(0, la57, va, buf)
		if n > len(buf) || (err == nil && n != len(buf)) {
			t.Fatalf("ReadVirt n=%d err=%v", n, err)
		}
	})
}

func TestTableOf(t *testing.T) {
	for _, la57 := range []bool{false, true} {
		m, pt := space(t, la57)
		w := x86.NewWalker(m)
		pd, err := w.TableOf(pt.Root, la57, kText, 2)
		require.NoError(t, err)
		assert.Equal(t, pt.Entry(kText, 2)&^0xfff, pd)
		_, err = w.TableOf(pt.Root, la57, kDirect, 2)
		assert.ErrorIs(t, err, guestos.ErrUnmapped, "1 GiB page: no page directory")
		_, err = w.TableOf(pt.Root, la57, kText, 6)
		assert.ErrorIs(t, err, guestos.ErrUnmapped)
	}
}
