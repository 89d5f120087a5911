package qemu

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// byteStream is a stream that reads from fixed bytes and swallows writes.
type byteStream struct{ r *bytes.Reader }

func (b byteStream) Read(p []byte) (int, error)       { return b.r.Read(p) }
func (b byteStream) Write(p []byte) (int, error)      { return len(p), nil }
func (b byteStream) SetReadDeadline(time.Time) error  { return nil }
func (b byteStream) SetWriteDeadline(time.Time) error { return nil }

// FuzzRecv feeds arbitrary bytes to the packet reader: it must return
// packets or errors, never panic or read past its bounds.
func FuzzRecv(f *testing.F) {
	for _, s := range []string{
		"$OK#9a", "+$T05thread:p01.02;#06", "$0* #00", "$}]#00", "$ab$OK#9a", "$O}", "$a*~#00", "junk$#00", "$E14#aa",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := newConn(byteStream{bytes.NewReader(data)}, "fuzz", time.Second)
		for range 8 {
			p, err := c.recv()
			if err != nil {
				return
			}
			if len(p) > maxPacketSize+97 {
				t.Fatalf("packet of %d bytes", len(p))
			}
		}
	})
}

// FuzzDecodePayload checks that escaping then decoding gives the payload
// back, and that decoding arbitrary bodies is bounded.
func FuzzDecodePayload(f *testing.F) {
	f.Add([]byte("0* }]"))
	f.Add([]byte("M0,4:}#$*"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if out, err := decodePayload(nil, b); err == nil && len(out) > 97*len(b)+1 {
			t.Fatalf("%d bytes from %d", len(out), len(b))
		}
		c := newConn(nil, "fuzz", time.Second)
		c.frame(b)
		got, err := decodePayload(nil, c.out[1:len(c.out)-3])
		if err != nil || !bytes.Equal(got, b) {
			t.Fatalf("round trip of %q: %q, %v", b, got, err)
		}
	})
}

// FuzzTargetXML parses arbitrary target descriptions, which may include
// one another.
func FuzzTargetXML(f *testing.F) {
	for _, dir := range []string{"qemu-7.2-x86_64", "qemu-7.2-i386", "aarch64"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.xml"))
		var target, other []byte
		for _, name := range files {
			data, _ := os.ReadFile(name)
			if filepath.Base(name) == "target.xml" {
				target = data
			} else {
				other = data
			}
		}
		f.Add(target, other)
	}
	f.Add([]byte(`<target><architecture>i386:x86-64</architecture><xi:include href="target.xml"/></target>`), []byte(nil))
	f.Fuzz(func(t *testing.T, target, other []byte) {
		l, err := parseTargetXML(func(annex string) ([]byte, error) {
			if annex == "target.xml" {
				return target, nil
			}
			if other == nil {
				return nil, io.ErrUnexpectedEOF
			}
			return other, nil
		})
		if err != nil {
			return
		}
		for id := range nRegs {
			if l.off[id] < 0 || l.off[id]+l.size[id] > l.gLen {
				t.Fatalf("register %s at %d+%d outside %d", regNames[id], l.off[id], l.size[id], l.gLen)
			}
		}
	})
}
