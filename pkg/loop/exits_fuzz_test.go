package loop

import (
	"testing"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/guestostest"
)

// FuzzScanExits: any code a hostile guest holds is scanned without a
// panic, and every exit found lies in the code read.
func FuzzScanExits(f *testing.F) {
	f.Add([]byte{0x0f, 0x1f, 0x44, 0x00, 0x00, 0xc3})
	f.Add([]byte{0xe9, 0x00, 0x00, 0x00, 0x00, 0xc3, 0xcc})
	f.Add([]byte{0x74, 0x05, 0xe9, 0xeb, 0x1e, 0xa0, 0x00, 0xc3, 0xff, 0xe0})
	f.Add([]byte{0xf3, 0x0f, 0x1e, 0xfa, 0xeb, 0xfe})
	f.Fuzz(func(t *testing.T, code []byte) {
		if len(code) == 0 || len(code) > 4096 {
			return
		}
		const base, other = 0xffffffff81000000, 0xffffffff81100000
		o := &guestostest.ExitsOS{
			RegsOS: guestostest.RegsOS{Mem: map[uint64][]byte{base: code, other: code}},
			Ends:   map[uint64]uint64{base: base + uint64(len(code)), other: other + uint64(len(code))},
			Jumps:  map[uint64]guestos.JumpKind{other + 1: guestos.JumpReturn},
		}
		src := codeSource{ex: o, read: func(va uint64, buf []byte) error {
			_, err := o.ReadVirt(nil, va, buf)
			return err
		}}
		s, err := scanExits(src, base)
		if err != nil {
			return
		}
		for _, a := range s.own {
			if a < base || a >= base+uint64(len(code)) {
				t.Fatalf("exit %#x outside the function", a)
			}
		}
		for _, a := range s.followed {
			if a < other || a >= other+uint64(len(code)) {
				t.Fatalf("followed exit %#x outside the code read", a)
			}
		}
	})
}
