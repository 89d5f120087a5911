package linuxmem

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/guestrace/guestrace/pkg/isf/linuxgen"
)

// The kallsyms tables, as scripts/kallsyms writes them into .rodata:
//
//	kallsyms_num_syms     u32 (a .quad before 6.4 on some kernels)
//	kallsyms_names        per symbol: length (1 byte, or 2 when the first
//	                      has bit 7 set, 6.1+), then token codes; the first
//	                      expanded character is the nm type letter
//	kallsyms_markers      u32 (u64 on old kernels): offset in names of
//	                      every 256th symbol
//	kallsyms_token_table  256 NUL-terminated tokens, in code order
//	kallsyms_token_index  256 u16: offset of each token in the table
//	kallsyms_offsets      one s32 per symbol, see addrEncoding
//
// Up to 6.3 the offsets (and kallsyms_relative_base) come first; from 6.4
// they follow the token index. 6.2 added kallsyms_seqs_of_names (an
// index sorted by name, which nothing here needs): 6.2 and 6.3 put it
// between the markers and the token table, later kernels last. Nothing in
// memory names the tables, so they are found by their content and every
// offset they hold is checked against the bytes around it.

// Bounds on what a guest may claim.
const (
	maxSyms     = 1 << 21 // a kernel with KALLSYMS_ALL has ~10^5
	maxName     = 512     // KSYM_NAME_LEN
	maxTokenLen = maxName
	maxCands    = 64 // token-table and marker candidates tried
	// maxSteps bounds the names entries walked in all, whatever the
	// guest's tables make the search try (a real decode takes 2-3 N).
	maxSteps = 64 * maxSyms
)

// digits are the tokens of codes '0'..'9': every kernel has symbols with
// digits, and a character used in names is its own token.
var digits = []byte("0\x001\x002\x003\x004\x005\x006\x007\x008\x009\x00")

// errNotFound is why Decode failed, wrapped into ErrNoKallsyms by callers.
var errNotFound = errors.New("kallsyms tables not found")

// Tables is what Decode found.
type Tables struct {
	Syms   []linuxgen.Sym // runtime addresses, in table order
	Layout string         // which encoding of the offsets the kernel uses
	// Where the tables are (runtime addresses), for messages and tests.
	TokenTable, Names uint64
}

// Decode finds and decodes the kallsyms tables in mem, the guest's kernel
// memory from virtual address base. text is the runtime address of
// _text, which the decoded table must agree with.
func Decode(mem []byte, base, text uint64) (*Tables, error) {
	m := &span{b: mem, base: base, steps: new(int)}
	return m.decode(text, nil)
}

// decode is Decode; grow, when not nil, is asked to extend m.b to n bytes
// once the symbol count tells how much of what follows the token table
// is needed.
func (m *span) decode(text uint64, grow func(n int)) (*Tables, error) {
	tt, err := m.findTokens(0)
	if err != nil {
		return nil, err
	}
	var firstErr error
	for _, mk := range m.markerCands(tt.start) {
		ns, err := m.findNames(mk, tt)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if grow != nil {
			grow(tt.indexEnd + 8 + 4*ns.n + 16)
		}
		syms, layout, err := m.decodeAddrs(ns, tt, text)
		if err != nil {
			return nil, err
		}
		return &Tables{Syms: syms, Layout: layout, TokenTable: m.va(tt.start), Names: m.va(ns.start)}, nil
	}
	if firstErr == nil {
		firstErr = fmt.Errorf("%w: no kallsyms_markers before the token table at %#x", errNotFound, m.va(tt.start))
	}
	return nil, firstErr
}

// span is guest memory read into a buffer; offsets into it are ints.
type span struct {
	b     []byte
	base  uint64
	steps *int // names entries walked so far, see maxSteps
}

func (m span) va(off int) uint64 { return m.base + uint64(off) }

// alignUp rounds an offset up so that its virtual address is a multiple
// of a (the assembler aligns labels by address).
func (m span) alignUp(off, a int) int {
	r := int(m.va(off) % uint64(a))
	if r == 0 {
		return off
	}
	return off + a - r
}

func (m span) u16(off int) (uint16, bool) {
	if off < 0 || off+2 > len(m.b) {
		return 0, false
	}
	return binary.LittleEndian.Uint16(m.b[off:]), true
}

func (m span) u32(off int) (uint32, bool) {
	if off < 0 || off+4 > len(m.b) {
		return 0, false
	}
	return binary.LittleEndian.Uint32(m.b[off:]), true
}

func (m span) u64(off int) (uint64, bool) {
	if off < 0 || off+8 > len(m.b) {
		return 0, false
	}
	return binary.LittleEndian.Uint64(m.b[off:]), true
}

// cstr returns the length of the NUL-terminated string at off, at most max.
func (m span) cstr(off, max int) (int, bool) {
	if off < 0 || off >= len(m.b) {
		return 0, false
	}
	n := bytes.IndexByte(m.b[off:min(len(m.b), off+max+1)], 0)
	return n, n >= 0
}

// tokens are the token table and index.
type tokens struct {
	start, end int // the table
	indexEnd   int // end of the 256 u16 of the index
	tok        [256][]byte
}

// findTokens returns the first valid token table at or after from.
func (m span) findTokens(from int) (*tokens, error) {
	tried := 0
	for off := from; tried < maxCands; off++ {
		i := bytes.Index(m.b[off:], digits)
		if i < 0 {
			break
		}
		off += i
		if off == 0 || m.b[off-1] != 0 {
			continue
		}
		tried++
		if tt := m.tokensAt(off); tt != nil {
			return tt, nil
		}
	}
	return nil, fmt.Errorf("%w: no token table in %d KiB of kernel memory from %#x", errNotFound, len(m.b)>>10, m.base)
}

// tokensAt checks a token table whose token '0' is at zero: after token
// 0xff comes the index, whose entries must point at every token.
func (m span) tokensAt(zero int) *tokens {
	end := zero
	for range 256 - '0' {
		n, ok := m.cstr(end, maxTokenLen)
		if !ok {
			return nil
		}
		end += n + 1
	}
	for _, a := range []int{2, 4, 8} {
		ix := m.alignUp(end, a)
		if ix-end >= a {
			continue
		}
		z, ok := m.u16(ix + 2*'0')
		if first, _ := m.u16(ix); !ok || first != 0 || int(z) > zero {
			continue
		}
		tt := &tokens{start: zero - int(z), end: end, indexEnd: ix + 512}
		pos := tt.start
		good := true
		for c := range 256 {
			at, ok := m.u16(ix + 2*c)
			n, ok2 := m.cstr(pos, maxTokenLen)
			if !ok || !ok2 || int(at) != pos-tt.start {
				good = false
				break
			}
			tt.tok[c] = m.b[pos : pos+n]
			pos += n + 1
		}
		if good && pos == end {
			return tt
		}
	}
	return nil
}

// markers is a candidate kallsyms_markers array.
type markers struct {
	start, end int
	off        []uint32
}

// markerCands lists the arrays that could be kallsyms_markers: u32 or
// u64 entries, strictly increasing from 0, ending (less up to 7 bytes of
// alignment padding) at the token table or, where kallsyms_seqs_of_names
// lies between (6.2, 6.3 and stable kernels that took it), where that
// array of 3 or 4 bytes per symbol begins.
func (m span) markerCands(tt int) []markers {
	var out []markers
	for pad := 0; pad < 8; pad += 4 {
		if end := tt - pad; m.va(end)%4 == 0 && m.zero(end, tt) {
			out = append(out, m.markersAt(end)...)
		}
	}
	for _, es := range []int{3, 4} {
		lo := max(0, tt-es*maxSyms-8)
		for end := tt - int(m.va(tt)%4); end >= lo; end -= 4 {
			// Cheap tests first: the last two markers increase, and
			// markers[0] = 0 sits where the symbol count the seqs'
			// size implies puts it.
			a, ok1 := m.u32(end - 8)
			b, ok2 := m.u32(end - 4)
			if !ok1 || !ok2 || b <= a {
				continue
			}
			seqs := tt - end
			for _, n := range []int{(seqs - 7) / es, seqs / es} {
				k := (n + 255) / 256
				if z, ok := m.u32(end - 4*k); n <= 256 || !ok || z != 0 {
					continue
				}
				for _, mk := range m.markersAt(end) {
					if len(mk.off) == k && len(out) < maxCands {
						out = append(out, mk)
					}
				}
				break
			}
		}
	}
	return out
}

// markersAt returns the marker arrays that end exactly at end.
func (m span) markersAt(end int) []markers {
	var out []markers
	for _, stride := range []int{4, 8} {
		var vals []uint32
		pos := end - stride
		for len(vals) <= maxSyms/256+1 {
			v, ok := m.u32(pos)
			if stride == 8 {
				hi, ok2 := m.u32(pos + 4)
				ok = ok && ok2 && hi == 0
			}
			if !ok || (len(vals) > 0 && v >= vals[len(vals)-1]) {
				vals = nil
				break
			}
			vals = append(vals, v)
			if v == 0 {
				break
			}
			pos -= stride
		}
		if len(vals) == 0 || vals[len(vals)-1] != 0 {
			continue
		}
		off := make([]uint32, len(vals))
		for i, v := range vals {
			off[len(vals)-1-i] = v
		}
		out = append(out, markers{start: pos, end: end, off: off})
	}
	return out
}

func (m span) zero(from, to int) bool {
	for _, c := range m.b[from:to] {
		if c != 0 {
			return false
		}
	}
	return true
}

// names is the located kallsyms_names with its kallsyms_num_syms.
type names struct {
	start, end int
	numAt      int // kallsyms_num_syms
	n          int
}

// entry returns the code bytes of the names entry at off and the offset
// of the next one.
func (m span) entry(off int) (codes []byte, next int, ok bool) {
	if off < 0 || off >= len(m.b) || *m.steps >= maxSteps {
		return nil, 0, false
	}
	*m.steps++
	n, hdr := int(m.b[off]), 1
	if n&0x80 != 0 {
		if off+1 >= len(m.b) {
			return nil, 0, false
		}
		n, hdr = n&0x7f|int(m.b[off+1])<<7, 2
	}
	if n == 0 || n > maxName || off+hdr+n > len(m.b) {
		return nil, 0, false
	}
	return m.b[off+hdr : off+hdr+n], off + hdr + n, true
}

// findNames finds kallsyms_names before the markers: the entries of the
// last group end where the markers begin (less padding), every 256th
// entry is where its marker says, and kallsyms_num_syms just before
// counts them.
func (m span) findNames(mk markers, tt *tokens) (*names, error) {
	k := len(mk.off)
	last := int(mk.off[k-1])
	hi := mk.start - last - 2
	lo := max(0, mk.start-last-256*(2+maxName))
	for s := hi - int(m.va(hi)%4); s >= lo; s -= 4 {
		for _, numAt := range []int{s - 4, s - 8} {
			n, ok := m.u32(numAt)
			if !ok || n <= uint32(256*(k-1)) || n > uint32(256*k) || n > maxSyms {
				continue
			}
			if numAt == s-8 && !m.zero(s-4, s) {
				continue
			}
			ns := &names{start: s, numAt: numAt, n: int(n)}
			if m.checkNames(ns, mk) {
				return ns, nil
			}
		}
	}
	return nil, fmt.Errorf("%w: no kallsyms_names matches the %d markers at %#x", errNotFound, k, m.va(mk.start))
}

// checkNames walks the last group first (cheap), then all entries.
func (m span) checkNames(ns *names, mk markers) bool {
	k := len(mk.off)
	pos := ns.start + int(mk.off[k-1])
	for range ns.n - 256*(k-1) {
		var ok bool
		if _, pos, ok = m.entry(pos); !ok {
			return false
		}
	}
	if pos > mk.start || mk.start-pos >= 8 || !m.zero(pos, mk.start) {
		return false
	}
	ns.end = pos
	pos = ns.start
	for i := range ns.n {
		if i%256 == 0 && pos-ns.start != int(mk.off[i/256]) {
			return false
		}
		var ok bool
		if _, pos, ok = m.entry(pos); !ok {
			return false
		}
	}
	return pos == ns.end
}

// expand decodes every name: its type letter and its name.
func (m span) expand(ns *names, tt *tokens) ([]linuxgen.Sym, error) {
	syms := make([]linuxgen.Sym, ns.n)
	buf := make([]byte, 0, maxName+1)
	pos := ns.start
	for i := range syms {
		codes, next, _ := m.entry(pos)
		buf = buf[:0]
		for _, c := range codes {
			buf = append(buf, tt.tok[c]...)
			if len(buf) > maxName+1 {
				return nil, fmt.Errorf("%w: symbol %d at %#x expands past %d bytes", errNotFound, i, m.va(pos), maxName)
			}
		}
		if len(buf) < 2 || !isLetter(buf[0]) {
			return nil, fmt.Errorf("%w: symbol %d at %#x has no type letter and name", errNotFound, i, m.va(pos))
		}
		for _, c := range buf[1:] {
			if c <= ' ' || c >= 0x7f {
				return nil, fmt.Errorf("%w: symbol %d at %#x: byte %#x in its name", errNotFound, i, m.va(pos), c)
			}
		}
		syms[i] = linuxgen.Sym{Type: buf[0], Name: string(buf[1:])}
		pos = next
	}
	return syms, nil
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// addrEncoding is one way kallsyms_offsets encodes addresses.
type addrEncoding struct {
	name  string
	start int  // kallsyms_offsets
	rel   int  // kallsyms_relative_base, or -1
	abs   bool // non-negative entries are absolute (per-cpu) addresses
}

// decodeAddrs finds kallsyms_offsets and its encoding: the one whose
// addresses are sorted and put _text where the page tables do.
//
//   - up to 6.3, before kallsyms_num_syms, with kallsyms_relative_base
//     between; on x86-64 SMP up to 6.14 (absolute per-cpu), a non-negative
//     entry is an address and a negative one is relative_base-1-entry;
//   - 6.4 to 6.14, after the token index, the same; then relative_base;
//   - 6.15 on, without absolute per-cpu: relative_base + (u32)entry;
//   - since kallsyms_relative_base went away: the entry's own address
//     plus the entry (place-relative).
func (m span) decodeAddrs(ns *names, tt *tokens, text uint64) ([]linuxgen.Sym, string, error) {
	syms, err := m.expand(ns, tt)
	if err != nil {
		return nil, "", err
	}
	textIdx := -1
	for i, s := range syms {
		if s.Name == "_text" {
			textIdx = i
			break
		}
	}
	if textIdx < 0 {
		return nil, "", fmt.Errorf("%w: %d symbols decoded but none is _text", errNotFound, len(syms))
	}
	size := 4 * ns.n
	var encs []addrEncoding
	// Offsets first: relative_base is the 8 bytes before num_syms.
	if rel := ns.numAt - 8; m.va(rel)%8 == 0 {
		start := rel - ((size + 7) &^ 7)
		encs = append(encs, addrEncoding{"offsets before names, absolute per-cpu", start, rel, true},
			addrEncoding{"offsets before names", start, rel, false})
	}
	for _, a := range []int{8, 4} {
		start := m.alignUp(tt.indexEnd, a)
		rel := m.alignUp(start+size, 8)
		encs = append(encs, addrEncoding{"offsets after token index, absolute per-cpu", start, rel, true},
			addrEncoding{"offsets after token index", start, rel, false},
			addrEncoding{"offsets after token index, place-relative", start, -1, false})
	}
	for _, e := range encs {
		if m.addrs(e, syms, textIdx, text) {
			return syms, e.name, nil
		}
	}
	return nil, "", fmt.Errorf("%w: no encoding of kallsyms_offsets puts _text at %#x", errNotFound, text)
}

// addrs fills syms' addresses by encoding e and reports whether they are
// sorted and put _text at text.
func (m span) addrs(e addrEncoding, syms []linuxgen.Sym, textIdx int, text uint64) bool {
	if e.start < 0 || e.start+4*len(syms) > len(m.b) {
		return false
	}
	var base uint64
	if e.rel >= 0 {
		var ok bool
		if base, ok = m.u64(e.rel); !ok {
			return false
		}
	}
	prev := uint64(0)
	for i := range syms {
		v, _ := m.u32(e.start + 4*i)
		var a uint64
		switch {
		case e.rel < 0:
			a = m.va(e.start+4*i) + uint64(int64(int32(v)))
		case e.abs && int32(v) >= 0:
			a = uint64(v)
		case e.abs:
			a = base - 1 - uint64(int64(int32(v)))
		default:
			a = base + uint64(v)
		}
		if a < prev {
			return false
		}
		prev = a
		syms[i].Addr = a
	}
	return syms[textIdx].Addr == text
}
