package guestlab

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseFrame(t *testing.T) {
	for _, tc := range []struct {
		text, out string
		status    int
		ok        bool
	}{
		{"X\nGLB:1-ab\nhello\nGLE:1-ab:0\n", "hello\n", 0, true},
		{"GLB:1-ab\nno newline GLE:1-ab:3\n", "no newline ", 3, true},
		{"GLB:1-ab\n[ 1.0] kernel says hi\nout\nGLE:1-ab:255\nlater", "[ 1.0] kernel says hi\nout\n", 255, true},
		{"GLB:1-ab\nGLE:1-ab:0\n", "", 0, true},
		{"GLB:2-ab\nother\nGLE:2-ab:0\nGLB:1-ab\nmine\nGLE:1-ab:1\n", "mine\n", 1, true},
		{"GLB:1-ab\nhello\n", "", -1, false},           // not finished
		{"GLB:1-ab\nhello\nGLE:1-ab:1", "", -1, false}, // status line incomplete
		{"GLB:1-ab\nGLE:1-ab:x\n", "", -1, false},      // not a status
		{"GLB:1-ab\nGLE:1-ab:-1\n", "", -1, false},     // not a status
		{"GLB:1-ab\nGLE:1-ab:99999\n", "", -1, false},  // out of range
		{"GLB:1-abc\nGLE:1-abc:0\n", "", -1, false},    // another id
		{"GLE:1-ab:0\nGLB:1-ab\n", "", -1, false},      // end before begin
	} {
		out, st, ok := parseFrame(tc.text, "1-ab")
		assert.Equal(t, tc.ok, ok, "%q", tc.text)
		assert.Equal(t, tc.out, out, "%q", tc.text)
		assert.Equal(t, tc.status, st, "%q", tc.text)
	}
}

// FuzzParseFrame: console text comes from the guest; parsing never
// panics, and a frame found is one the text really holds.
func FuzzParseFrame(f *testing.F) {
	f.Add("GLB:1-ab\nhello\nGLE:1-ab:0\n", "1-ab")
	f.Add("GLB:1-ab\nGLE:1-ab:", "1-ab")
	f.Fuzz(func(t *testing.T, text, id string) {
		out, st, ok := parseFrame(text, id)
		if !ok {
			return
		}
		if st < 0 || st > 255 {
			t.Fatalf("status %d", st)
		}
		if !strings.Contains(text, "GLB:"+id+"\n"+out+"GLE:"+id+":") {
			t.Fatalf("frame %q not in %q", out, text)
		}
	})
}
