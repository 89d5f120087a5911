package windows

import (
	"encoding/binary"
	"testing"

	"github.com/guestrace/guestrace/pkg/printers"
)

// maxLine bounds a printed call: 17 arguments, each at most a name of
// maxName units (4 octal escapes a byte, 3 bytes a unit) or a structure of
// a few of them.
const maxLine = 17 * 4 * (4*3*maxName + 256)

// FuzzRows prints every row with random arguments over random memory:
// no panic, bounded output, and nothing but printable ASCII (every guest
// byte escaped).
func FuzzRows(f *testing.F) {
	f.Add([]byte("\x10\x00\x12\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00"), uint64(0x1000), uint64(0), int64(0))
	f.Add(make([]byte, 256), uint64(0x1008), uint64(0xffffffffffffffff), int64(-0x3fffffde))
	f.Fuzz(func(t *testing.T, mem []byte, base, seed uint64, ret int64) {
		if len(mem) > 1<<16 {
			mem = mem[:1<<16]
		}
		m := &fakeMem{base: 0x1000, data: mem}
		var a Args
		for i := range a {
			// Arguments point into the memory, at its edges, or anywhere.
			switch (seed >> (2 * i)) & 3 {
			case 0:
				a[i] = base
			case 1:
				a[i] = 0x1000 + uint64(i*8)
			case 2:
				if len(mem) >= 8 {
					a[i] = binary.LittleEndian.Uint64(mem[(i*8)%(len(mem)-7):])
				}
			default:
				a[i] = seed * uint64(i+1)
			}
		}
		var k Calls
		for _, o := range []*printers.Options{{}, {Verbose: true, StringLimit: 1 << 12}} {
			for _, s := range All() {
				// As the tracer prints: inputs kept from the call to
				// the return (EnterState, or EnterArgs without a State).
				var cs printers.CallState
				b := k.Exit(s, k.Enter(s, nil, &a, &cs, m, o), &a, &cs, ret, m, o)
				var six [6]uint64
				copy(six[:], a[:])
				b = s.Exit(s.Enter(b, &six, m, o), &six, ret, m, o)
				if len(b) > 2*maxLine {
					t.Fatalf("%s: %d bytes", s.Name, len(b))
				}
				for _, c := range b {
					if c < 0x20 || c > 0x7e {
						t.Fatalf("%s: raw byte %#x in %q", s.Name, c, b)
					}
				}
			}
		}
	})
}
