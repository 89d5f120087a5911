package libvmiconf

import (
	"bytes"
	"fmt"
	"sort"
)

// Format writes entries in libvmi's syntax, keys sorted, numbers in hex. It
// refuses names and values libvmi's scanner would not read back as one
// token (a domain name must be a libvmi WORD: no '/', no '@').
func Format(entries ...*Entry) ([]byte, error) {
	var b bytes.Buffer
	for _, e := range entries {
		if !oneToken(e.Name, tokWord) {
			return nil, fmt.Errorf("%w: domain name %q is not a libvmi word", ErrSyntax, e.Name)
		}
		fmt.Fprintf(&b, "%s {\n", e.Name)
		for _, k := range sortedKeys(e.Strings) {
			v := e.Strings[k]
			if kindOf(k) != valQuoted || !(oneToken(v, tokWord) || oneToken(v, tokFilename) || oneToken(v, tokNum)) {
				return nil, fmt.Errorf("%w: %s = %q cannot be written", ErrSyntax, k, v)
			}
			fmt.Fprintf(&b, "    %s = \"%s\";\n", k, v)
		}
		for _, k := range sortedKeys(e.Numbers) {
			if !isKeyword(k) || kindOf(k) != valNum {
				return nil, fmt.Errorf("%w: %s is not a numeric setting", ErrSyntax, k)
			}
			fmt.Fprintf(&b, "    %s = %#x;\n", k, e.Numbers[k])
		}
		b.WriteString("}\n")
	}
	return b.Bytes(), nil
}

// oneToken reports whether s scans as exactly one token of kind k.
func oneToken(s string, k tokKind) bool {
	lx := lexer{src: []byte(s), line: 1}
	t := lx.next()
	return t.kind == k && t.text == s && lx.next().kind == tokEOF
}

func isKeyword(s string) bool {
	for _, k := range keywords {
		if k == s {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
