package jsonenc

import (
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAppendString(t *testing.T) {
	for in, want := range map[string]string{
		"":                 `""`,
		"plain":            `"plain"`,
		"q\"b\\":           `"q\"b\\"`,
		"\n\t\x00\x1b\x7f": `"\n\t\u0000\u001b\u007f"`,
		"\xff\xfe":         `"\ufffd\ufffd"`,
		"é\u2028":          `"é\u2028"`,
	} {
		assert.Equal(t, want, string(AppendString(nil, in)), "%q", in)
	}
}

func FuzzAppendString(f *testing.F) {
	f.Add([]byte("a\x00\xff\"\\\u2029"))
	f.Fuzz(func(t *testing.T, s []byte) {
		out := AppendString(nil, s)
		var back string
		require.NoError(t, json.Unmarshal(out, &back), "%q", out)
		if utf8.Valid(s) {
			assert.Equal(t, string(s), back)
		}
	})
}
