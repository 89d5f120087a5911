package x86

// The caches are small and searched linearly: a lookup costs nanoseconds,
// a miss costs a round trip to the hypervisor (tens of microseconds).

const (
	tlbSize  = 32
	topsSize = 32
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
	i := victim(&t.next, tlbSize, func(i int) bool { return t.e[i].valid && t.e[i].kept })
	t.e[i] = tlbEntry{root: root, va: va, pa: pa, size: size, valid: true, kept: kept}
}

func (t *tlb) invalidate(keep bool) {
	for i := range t.e {
		if !keep || !t.e[i].kept {
			t.e[i].valid = false
		}
	}
}

// tops caches entries that point at tables: (table, index) -> entry.
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
	i := victim(&t.next, topsSize, func(i int) bool { return t.e[i].valid && t.e[i].kept })
	t.e[i] = topEntry{table: table, idx: idx, val: val, valid: true, kept: kept}
}

func (t *tops) invalidate(keep bool) {
	for i := range t.e {
		if !keep || !t.e[i].kept {
			t.e[i].valid = false
		}
	}
}

// victim picks the slot to fill, round robin from *next, passing over
// kept slots while another is free or per-event: per-event entries must
// not push out those kept across events.
func victim(next *int, n int, kept func(i int) bool) int {
	for range n {
		i := *next
		*next = (*next + 1) % n
		if !kept(i) {
			return i
		}
	}
	i := *next
	*next = (*next + 1) % n
	return i
}
