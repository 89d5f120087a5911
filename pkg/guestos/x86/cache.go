package x86

// The caches are small and searched linearly: a lookup costs nanoseconds,
// a miss costs a round trip to the hypervisor (tens of microseconds).

const (
	tlbSize  = 32
	topsSize = 16
)

// tlb caches leaf translations: virtual page -> physical page.
type tlb struct {
	e    [tlbSize]tlbEntry
	next int
}

type tlbEntry struct {
	root, va, pa, size uint64
	valid, kept        bool
}

func (t *tlb) lookup(root, va uint64) (pa, size uint64, ok bool) {
	for i := range t.e {
		e := &t.e[i]
		if e.valid && e.root == root && va&^(e.size-1) == e.va {
			return e.pa | va&(e.size-1), e.size, true
		}
	}
	return 0, 0, false
}

func (t *tlb) insert(root, va, pa, size uint64, kept bool) {
	// Kept entries are not evicted by per-event ones while a free or
	// per-event slot exists.
	for range t.e {
		i := t.next
		t.next = (t.next + 1) % tlbSize
		if !t.e[i].kept || !t.e[i].valid {
			t.e[i] = tlbEntry{root: root, va: va, pa: pa, size: size, valid: true, kept: kept}
			return
		}
	}
	t.e[t.next] = tlbEntry{root: root, va: va, pa: pa, size: size, valid: true, kept: kept}
	t.next = (t.next + 1) % tlbSize
}

func (t *tlb) invalidate(keep bool) {
	for i := range t.e {
		if !keep || !t.e[i].kept {
			t.e[i].valid = false
		}
	}
}

// tops caches top-level entries of the kernel half: (table, index) -> entry.
type tops struct {
	e    [topsSize]topEntry
	next int
}

type topEntry struct {
	table, idx, val uint64
	valid, kept     bool
}

func (t *tops) lookup(table, idx uint64) (uint64, bool) {
	for i := range t.e {
		e := &t.e[i]
		if e.valid && e.table == table && e.idx == idx {
			return e.val, true
		}
	}
	return 0, false
}

func (t *tops) insert(table, idx, val uint64, kept bool) {
	t.e[t.next] = topEntry{table: table, idx: idx, val: val, valid: true, kept: kept}
	t.next = (t.next + 1) % topsSize
}

func (t *tops) invalidate(keep bool) {
	for i := range t.e {
		if !keep || !t.e[i].kept {
			t.e[i].valid = false
		}
	}
}
