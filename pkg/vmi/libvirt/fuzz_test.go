package libvirt

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Monitor replies and live XML come from the domain's QEMU and libvirt:
// parsing them must never panic.
func FuzzGdbChardev(f *testing.F) {
	for _, p := range []string{"testdata/chardev-open.txt", "testdata/chardev-closed.txt"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, s string) {
		if desc, ok := gdbChardev(s); ok {
			stubIsIn(desc, "/tmp/guestrace-libvirt-1")
			if dir, ok := ourDir(desc); ok && !strings.HasPrefix(filepath.Base(dir), dirPrefix) {
				t.Fatalf("ourDir(%q) = %q", desc, dir)
			}
		}
		oneLine(s)
	})
}

func FuzzDacLabel(f *testing.F) {
	b, err := os.ReadFile("testdata/live.xml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Fuzz(func(t *testing.T, s string) {
		if l, ok := dacLabel(s); ok && l == "" {
			t.Fatal("empty label reported")
		}
	})
}

func FuzzParseURI(f *testing.F) {
	for _, s := range []string{"qemu:///system", "qemu:///session", "qemu+unix:///system?socket=/x", "xen:///"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := parseURI(s, func(string) string { return "" })
		if err == nil && e.socket == "" {
			t.Fatalf("%q: no socket", s)
		}
	})
}
