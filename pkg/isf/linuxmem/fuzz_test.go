package linuxmem

import (
	"os"
	"testing"
)

// FuzzDecode feeds the kallsyms decoder every layout's tables, mutated:
// it must return tables or an error, never panic or hang.
func FuzzDecode(f *testing.F) {
	for _, l := range layouts {
		g := newSynthGuest(f, l)
		f.Add(g.tables)
	}
	text := uint64(linkText + synSlide)
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := Decode(data, text+tablesOff, text)
		if err == nil && len(tab.Syms) == 0 {
			t.Fatal("decoded no symbols without an error")
		}
	})
}

// FuzzCheckBTF feeds the BTF header check mutated BTF.
func FuzzCheckBTF(f *testing.F) {
	raw, err := os.ReadFile(miniDir + "mini.btf")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw)
	f.Fuzz(func(t *testing.T, data []byte) {
		CheckBTF(data)
	})
}

// FuzzLocateBTF points __start_BTF and __stop_BTF anywhere around the
// BTF of a synthetic guest and mutates the bytes there: the locator
// returns a checked blob or an error, never panics or reads unbounded.
func FuzzLocateBTF(f *testing.F) {
	g := newSynthGuest(f, layouts[4])
	img, err := findImage(g.tgt)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(int64(0), int64(len(g.btf)), g.btf)
	at := g.text + btfOff
	f.Fuzz(func(t *testing.T, start, stop int64, data []byte) {
		if len(data) > len(g.btf) {
			data = data[:len(g.btf)]
		}
		g.tgt.MustWrite(g.pa(at), data)
		defer g.tgt.MustWrite(g.pa(at), g.btf)
		raw, err := img.btf(map[string]uint64{"__start_BTF": at + uint64(start), "__stop_BTF": at + uint64(stop)})
		if err == nil && CheckBTF(raw) != nil {
			t.Fatal("returned a blob that fails the check")
		}
	})
}
