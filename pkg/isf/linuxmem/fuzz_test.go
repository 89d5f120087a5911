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

// FuzzBuildBTF puts mutated BTF between __start_BTF and __stop_BTF of a
// synthetic guest: Build returns a profile or an error, never panics.
func FuzzBuildBTF(f *testing.F) {
	g := newSynthGuest(f, layouts[4])
	f.Add(g.btf)
	at := g.pa(g.text + btfOff)
	f.Fuzz(func(t *testing.T, data []byte) {
		buf := make([]byte, len(g.btf))
		copy(buf, data)
		g.tgt.MustWrite(at, buf)
		Build(g.tgt)
	})
}
