package linuxmem

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/guestrace/guestrace/pkg/guestos/linux"
	"github.com/guestrace/guestrace/pkg/guestos/x86"
	"github.com/guestrace/guestrace/pkg/guestos/x86/x86test"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/isf/linuxgen"
	"github.com/guestrace/guestrace/pkg/vmi"
	"github.com/stretchr/testify/require"
)

// The synthetic guests reuse linuxgen's tiny kernel: its BTF, its banner
// and its symbols, plus fillers (so that there are several markers), a
// name longer than 127 bytes (two-byte length) and __start_BTF/__stop_BTF.
const miniDir = "../linuxgen/testdata/"

// layout is how a kernel version writes its kallsyms tables.
type layout struct {
	name string
	// offsetsFirst: offsets and relative_base before num_syms (to 6.3);
	// else after the token index.
	offsetsFirst     bool
	seqsBeforeTokens bool // 6.2, 6.3 and stable kernels with the backport
	absPercpu        bool // x86-64 SMP to 6.14
	pcRel            bool // since kallsyms_relative_base went away
	align            int  // label alignment: 8 (ALGN) or 4
	want             string
}

var layouts = []layout{
	{name: "5.10", offsetsFirst: true, absPercpu: true, align: 8, want: "offsets before names, absolute per-cpu"},
	{name: "6.1", offsetsFirst: true, seqsBeforeTokens: true, absPercpu: true, align: 8, want: "offsets before names, absolute per-cpu"},
	{name: "6.12", absPercpu: true, align: 8, want: "offsets after token index, absolute per-cpu"},
	{name: "6.15", align: 8, want: "offsets after token index"},
	{name: "7.2", pcRel: true, align: 4, want: "offsets after token index, place-relative"},
}

// Where the synthetic kernel lies.
const (
	linkText  = 0xffffffff81000000
	synSlide  = 0x2a00000
	imagePA   = 0x1000000
	imageLen  = 8 << 20
	tablesOff = 0x280000 // from _text: in the read-only data
	btfOff    = 0x300000
	percpuOff = 0x400000
	dataOff   = 0x500000 // where mini.kallsyms' data at _text+16 MiB moves
)

// synthSyms is the kernel's symbol table at link-time addresses, sorted
// as scripts/kallsyms sorts it. Without absolute per-cpu symbols (6.15+)
// the per-cpu ones lie in the image, as data.
func synthSyms(t testing.TB, btfLen int, absPercpu bool) []linuxgen.Sym {
	raw, err := os.ReadFile(miniDir + "mini.kallsyms")
	require.NoError(t, err)
	ks, err := linuxgen.ParseKallsyms(raw)
	require.NoError(t, err)
	syms := append([]linuxgen.Sym{}, ks.Syms...)
	for i, s := range syms {
		switch {
		case s.Type == 'A' && !absPercpu:
			syms[i].Addr, syms[i].Type = linkText+percpuOff+s.Addr, 'D'
		case s.Addr >= linkText+16<<20 && linux.InImage(s.Addr):
			syms[i].Addr -= 16<<20 - dataOff
		}
	}
	for i := range 700 {
		syms = append(syms, linuxgen.Sym{Addr: linkText + 0x10000 + uint64(i)*16, Type: 't', Name: fmt.Sprintf("filler_%d_fn", i)})
	}
	syms = append(syms,
		linuxgen.Sym{Addr: linkText + 0x20000, Type: 'T', Name: "a_" + strings.Repeat("very_long_", 15) + "name"},
		linuxgen.Sym{Addr: linkText + btfOff, Type: 'R', Name: "__start_BTF"},
		linuxgen.Sym{Addr: linkText + btfOff + uint64(btfLen), Type: 'R', Name: "__stop_BTF"})
	sort.SliceStable(syms, func(i, j int) bool { return syms[i].Addr < syms[j].Addr })
	return syms
}

// tokenTable gives every printable character its own code, as the
// kernel does for characters used in names, and the other codes a few
// substrings, so that decoding expands multi-character tokens.
func tokenTable() [256]string {
	var tok [256]string
	subs := []string{"filler_", "_fn", "very_long_", "_sys_", "per_cpu", "__", "init", "banner"}
	for c := range 256 {
		switch {
		case c > ' ' && c < 0x7f:
			tok[c] = string(rune(c))
		case len(subs) > 0:
			tok[c], subs = subs[0], subs[1:]
		default:
			tok[c] = "~~"
		}
	}
	return tok
}

// compress encodes one "type+name" greedily with the token table.
func compress(tok [256]string, s string) []byte {
	var out []byte
	for len(s) > 0 {
		best, bestLen := -1, 0
		for c, tk := range tok {
			if len(tk) > bestLen && len(tk) > 1 && strings.HasPrefix(s, tk) && tk != "~~" {
				best, bestLen = c, len(tk)
			}
		}
		if best < 0 {
			best, bestLen = int(s[0]), 1
		}
		out = append(out, byte(best))
		s = s[bestLen:]
	}
	return out
}

// blob builds the tables as scripts/kallsyms of layout l lays them out at
// virtual address va, for the symbols at runtime addresses.
type blob struct {
	b  []byte
	va uint64
}

func (b *blob) align(a int) {
	for (b.va+uint64(len(b.b)))%uint64(a) != 0 {
		b.b = append(b.b, 0)
	}
}
func (b *blob) u16(v uint16) { b.b = binary.LittleEndian.AppendUint16(b.b, v) }
func (b *blob) u32(v uint32) { b.b = binary.LittleEndian.AppendUint32(b.b, v) }
func (b *blob) u64(v uint64) { b.b = binary.LittleEndian.AppendUint64(b.b, v) }
func (b *blob) here() uint64 { return b.va + uint64(len(b.b)) }

func encodeTables(l layout, va uint64, syms []linuxgen.Sym) []byte {
	tok := tokenTable()
	b := &blob{va: va}
	relBase := uint64(0)
	for _, s := range syms {
		if !(l.absPercpu && s.Type == 'A') {
			relBase = s.Addr
			break
		}
	}
	offsets := func() {
		b.align(l.align)
		for _, s := range syms {
			switch {
			case l.pcRel:
				b.u32(uint32(int32(int64(s.Addr - b.here()))))
			case l.absPercpu && s.Type == 'A':
				b.u32(uint32(s.Addr))
			case l.absPercpu:
				b.u32(uint32(int32(int64(relBase - s.Addr - 1))))
			default:
				b.u32(uint32(s.Addr - relBase))
			}
		}
		if !l.pcRel {
			b.align(8)
			b.u64(relBase)
		}
	}
	seqs := func() {
		b.align(l.align)
		for i := range syms {
			b.b = append(b.b, byte(i>>16), byte(i>>8), byte(i))
		}
	}
	if l.offsetsFirst {
		offsets()
	}
	b.align(l.align)
	b.u32(uint32(len(syms)))
	b.align(l.align)
	names := len(b.b)
	var markers []uint32
	for i, s := range syms {
		if i%256 == 0 {
			markers = append(markers, uint32(len(b.b)-names))
		}
		codes := compress(tok, string(s.Type)+s.Name)
		if len(codes) > 127 {
			b.b = append(b.b, byte(len(codes))|0x80, byte(len(codes)>>7))
		} else {
			b.b = append(b.b, byte(len(codes)))
		}
		b.b = append(b.b, codes...)
	}
	b.align(l.align)
	for _, m := range markers {
		b.u32(m)
	}
	if l.seqsBeforeTokens {
		seqs()
	}
	b.align(l.align)
	start := len(b.b)
	var index []uint16
	for _, tk := range tok {
		index = append(index, uint16(len(b.b)-start))
		b.b = append(append(b.b, tk...), 0)
	}
	b.align(l.align)
	for _, ix := range index {
		b.u16(ix)
	}
	if !l.offsetsFirst {
		offsets()
		seqs()
	}
	return b.b
}

// synthGuest is a fake guest running the mini kernel with KASLR.
type synthGuest struct {
	tgt    *x86test.Target
	syms   []linuxgen.Sym // link-time
	btf    []byte
	banner []byte
	text   uint64 // runtime _text
	tables []byte // the kallsyms tables as written at _text+tablesOff
}

func (g *synthGuest) pa(va uint64) uint64 { return imagePA + va - g.text }

func (g *synthGuest) symbol(name string) uint64 {
	for _, s := range g.syms {
		if s.Name == name {
			return s.Addr
		}
	}
	panic(name)
}

// without drops the named symbols.
func without(names ...string) func([]linuxgen.Sym) []linuxgen.Sym {
	return func(syms []linuxgen.Sym) []linuxgen.Sym {
		var out []linuxgen.Sym
		for _, s := range syms {
			if !slices.Contains(names, s.Name) {
				out = append(out, s)
			}
		}
		return out
	}
}

// runtime is a symbol's address in the running guest.
func runtime(s linuxgen.Sym) uint64 {
	if linux.InImage(s.Addr) {
		return s.Addr + synSlide
	}
	return s.Addr
}

// newSynthGuest makes the guest; edit, if given, changes its symbols.
func newSynthGuest(t testing.TB, l layout, edit ...func([]linuxgen.Sym) []linuxgen.Sym) *synthGuest {
	btf, err := os.ReadFile(miniDir + "mini.btf")
	require.NoError(t, err)
	banner, err := os.ReadFile(miniDir + "mini.version")
	require.NoError(t, err)
	g := &synthGuest{syms: synthSyms(t, len(btf), l.absPercpu), btf: btf, banner: banner, text: linkText + synSlide}
	for _, e := range edit {
		g.syms = e(g.syms)
	}
	m := x86test.NewMem(64 << 20)
	pt := x86test.NewPageTables(m, false)
	pt.MapRange(g.text, imagePA, imageLen, x86.LargeSize)
	rt := make([]linuxgen.Sym, len(g.syms))
	for i, s := range g.syms {
		rt[i] = s
		rt[i].Addr = runtime(s)
	}
	tables := g.text + tablesOff
	g.tables = encodeTables(l, tables, rt)
	m.MustWrite(g.pa(tables), g.tables)
	m.MustWrite(g.pa(g.text+btfOff), btf)
	m.MustWrite(g.pa(g.symbol("linux_banner")+synSlide), append(bytes.TrimRight(banner, "\n"), '\n', 0))
	m.MustWrite(g.pa(g.symbol("init_task")+synSlide+48), []byte("swapper/0\x00")) // task_struct.comm in mini.btf
	g.tgt = x86test.NewTarget(m, vmi.Regs{CR3: pt.Root, CR0: 1 << 31, EFER: 1 << 10})
	return g
}

// wantProfile is what linuxgen makes of the same kernel's files.
func (g *synthGuest) wantProfile(t testing.TB) *isf.Profile {
	p, err := linuxgen.Generate(linuxgen.Input{
		Kallsyms: kallsymsText(g.syms, 0), KallsymsName: "kallsyms",
		BTF: g.btf, BTFName: "btf", Banner: g.banner, BannerName: "version",
	})
	require.NoError(t, err)
	return p
}

// TestBuildSynthetic decodes each kernel version's layout of the tables
// from a KASLR guest and makes the profile the files make.
func TestBuildSynthetic(t *testing.T) {
	for _, l := range layouts {
		t.Run(l.name, func(t *testing.T) {
			g := newSynthGuest(t, l)
			res, err := Build(g.tgt)
			require.NoError(t, err)
			require.Equal(t, l.want, res.Layout)
			require.Equal(t, uint64(synSlide), res.Slide)
			require.Equal(t, len(g.syms), res.Syms)
			want := g.wantProfile(t)
			require.Equal(t, want.Symbols, res.Profile.Symbols)
			require.Equal(t, want.UserTypes, res.Profile.UserTypes)
			require.Equal(t, want.Enums, res.Profile.Enums)
			require.Equal(t, want.BaseTypes, res.Profile.BaseTypes)
			require.Equal(t, g.tgt.Pauses, g.tgt.Unpauses)
			require.False(t, g.tgt.Paused)
		})
	}
}

// TestBuildKernelOffset: the slide is vmcoreinfo's KERNELOFFSET when the
// guest has one (here one that does not put _text at its default link
// address), the default link address's otherwise.
func TestBuildKernelOffset(t *testing.T) {
	const note = 0x600000 // from _text
	vmcoreinfo := linuxgen.Sym{Addr: linkText + dataOff + 0x3000, Type: 'B', Name: "vmcoreinfo_data"}
	g := newSynthGuest(t, layouts[1], func(syms []linuxgen.Sym) []linuxgen.Sym {
		syms = append(syms, vmcoreinfo)
		sort.SliceStable(syms, func(i, j int) bool { return syms[i].Addr < syms[j].Addr })
		return syms
	})
	offset := uint64(synSlide - 0x200000)
	var ptr [8]byte
	binary.LittleEndian.PutUint64(ptr[:], g.text+note)
	g.tgt.MustWrite(g.pa(vmcoreinfo.Addr+synSlide), ptr[:])
	g.tgt.MustWrite(g.pa(g.text+note), fmt.Appendf(nil, "OSRELEASE=6.1.0-mini\nKERNELOFFSET=%x\nNUMBER(phys_base)=0\n\x00", offset))
	res, err := Build(g.tgt)
	require.NoError(t, err)
	require.Equal(t, offset, res.Slide)
	text, _ := res.Profile.SymbolAddress("_text")
	require.Equal(t, g.text-offset, text)
}
