package libvmiconf

import (
	"os"
	"reflect"
	"testing"
)

// FuzzParse checks that no input panics the parser and that whatever it
// accepts, Format writes back into a file that parses to the same entries.
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile("testdata/libvmi.conf"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("vm { kpgd = 0x10; ostype = \"Linux\"; };"))
	f.Add([]byte("a_b { sysmap = \"/x@y\"; linux_addr = 07; }\n# c"))
	f.Add([]byte("x {}\r\n{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := Parse(data)
		if err != nil {
			return
		}
		for _, e := range entries {
			_, _ = e.Profile()
		}
		out, err := Format(entries...)
		if err != nil {
			t.Fatalf("Format of parsed entries: %v", err)
		}
		again, err := Parse(out)
		if err != nil {
			t.Fatalf("reparse: %v\n%s", err, out)
		}
		if len(again) != len(entries) {
			t.Fatalf("reparse: %d entries, want %d", len(again), len(entries))
		}
		for i := range entries {
			a, b := *entries[i], *again[i]
			a.Line, b.Line = 0, 0
			if !reflect.DeepEqual(a, b) {
				t.Fatalf("entry %d: %+v, reparsed %+v", i, a, b)
			}
		}
	})
}
