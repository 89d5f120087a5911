package linuxgen

import (
	"bytes"
	"fmt"
	"strconv"
)

// maxSymbolName bounds a kallsyms name (the kernel's KSYM_NAME_LEN is 512).
const maxSymbolName = 512

// Sym is one line of /proc/kallsyms (or System.map): "address type name".
type Sym struct {
	Addr uint64
	Type byte // nm-style letter: T/t text, D/d data, A absolute (per-cpu), ...
	Name string
}

// Kallsyms is a parsed /proc/kallsyms of the kernel image. Module symbols
// (lines with a fourth "[module]" column) are left out: their addresses
// depend on load order, not on the kernel build.
type Kallsyms struct {
	Syms   []Sym          // in file order
	byName map[string]int // first symbol of each name
	dups   map[string]bool
}

// ParseKallsyms parses kallsyms text. Any malformed line is an error
// naming its line number; a file without symbols is ErrEmpty.
func ParseKallsyms(data []byte) (*Kallsyms, error) {
	k := &Kallsyms{byName: make(map[string]int), dups: make(map[string]bool)}
	for lineNo := 1; len(data) > 0; lineNo++ {
		var line []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			line, data = data, nil
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		s, module, err := parseKallsymsLine(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", lineNo, err)
		}
		if module {
			continue
		}
		if _, ok := k.byName[s.Name]; ok {
			k.dups[s.Name] = true
		} else {
			k.byName[s.Name] = len(k.Syms)
		}
		k.Syms = append(k.Syms, s)
	}
	if len(k.Syms) == 0 {
		return nil, ErrEmpty
	}
	return k, nil
}

func parseKallsymsLine(line []byte) (s Sym, module bool, err error) {
	f := bytes.Fields(line)
	if len(f) < 3 || len(f) > 4 {
		return s, false, fmt.Errorf("%w: %q is not \"address type name\"", ErrMalformed, clip(line))
	}
	if len(f[0]) > 16 {
		return s, false, fmt.Errorf("%w: address %q longer than 64 bits", ErrMalformed, clip(f[0]))
	}
	s.Addr, err = strconv.ParseUint(string(f[0]), 16, 64)
	if err != nil {
		return s, false, fmt.Errorf("%w: address %q is not hexadecimal", ErrMalformed, clip(f[0]))
	}
	if len(f[1]) != 1 || !isLetter(f[1][0]) {
		return s, false, fmt.Errorf("%w: symbol type %q is not a letter", ErrMalformed, clip(f[1]))
	}
	s.Type = f[1][0]
	if len(f[2]) > maxSymbolName {
		return s, false, fmt.Errorf("%w: symbol name longer than %d bytes", ErrMalformed, maxSymbolName)
	}
	s.Name = string(f[2])
	if len(f) == 4 {
		if f[3][0] != '[' || f[3][len(f[3])-1] != ']' {
			return s, false, fmt.Errorf("%w: %q is not a [module] column", ErrMalformed, clip(f[3]))
		}
		return s, true, nil
	}
	return s, false, nil
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// clip shortens untrusted text quoted in an error.
func clip(b []byte) []byte {
	if len(b) > 64 {
		return append(b[:64:64], "..."...)
	}
	return b
}

// Lookup returns the first symbol called name.
func (k *Kallsyms) Lookup(name string) (Sym, bool) {
	i, ok := k.byName[name]
	if !ok {
		return Sym{}, false
	}
	return k.Syms[i], true
}

// Unique reports whether exactly one symbol is called name.
func (k *Kallsyms) Unique(name string) bool {
	_, ok := k.byName[name]
	return ok && !k.dups[name]
}

// AllZero reports whether every address is zero, as non-root readers of
// /proc/kallsyms see them (kernel.kptr_restrict).
func (k *Kallsyms) AllZero() bool {
	for _, s := range k.Syms {
		if s.Addr != 0 {
			return false
		}
	}
	return true
}

// isText reports whether an nm-style type letter is a code symbol.
func isText(t byte) bool { return t == 't' || t == 'T' || t == 'w' || t == 'W' }
