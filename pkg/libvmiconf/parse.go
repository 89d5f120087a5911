// Package libvmiconf reads libvmi's configuration file, libvmi.conf, the way
// libvmi does: the same grammar, the same places searched in the same
// order, the last entry of a name winning. It lets a libvmi user point
// guestrace at a domain (-d NAME) with the configuration they already have.
//
// A file looks like
//
//	# comment
//	win7 {
//	    ostype = "Windows";
//	    volatility_ist = "/etc/libvmi/win7.json";
//	}
//	debian {
//	    ostype = "Linux";
//	    sysmap = "/boot/System.map-6.1.0-56-cloud-amd64";
//	    linux_tasks = 0x890; linux_mm = 0x8e0; linux_pid = 0x970; linux_name = 0xba0;
//	}
//
// The file is whatever the machine's owner wrote: the parser bounds its
// work by the input's size and never panics.
package libvmiconf

import (
	"errors"
	"fmt"
)

// Sentinel errors, wrapped with %w.
var (
	// ErrSyntax means the file does not follow libvmi's grammar.
	ErrSyntax = errors.New("libvmi.conf syntax error")
	// ErrNoEntry means the file has no entry for the domain.
	ErrNoEntry = errors.New("no entry for the domain")
	// ErrNoFile means none of the places libvmi reads holds a libvmi.conf.
	ErrNoFile = errors.New("no libvmi.conf found")
)

// MaxSize bounds the configuration files read (libvmi.conf files are a few
// hundred bytes).
const MaxSize = 1 << 20

// Entry is one domain's block.
type Entry struct {
	Name string
	Line int // where the block starts, from 1

	// Strings holds the quoted values (sysmap, volatility_ist,
	// rekall_profile, ostype, pagemode, aarch64_*_granule_size).
	Strings map[string]string
	// Numbers holds the numeric ones (kpgd, linux_*, win_*, freebsd_*,
	// aarch64_*_va_width), read as C's strtoull(s, NULL, 0) reads them.
	Numbers map[string]uint64
}

// String returns a quoted value of the entry.
func (e *Entry) String(key string) (string, bool) {
	v, ok := e.Strings[key]
	return v, ok
}

// Number returns a numeric value of the entry.
func (e *Entry) Number(key string) (uint64, bool) {
	v, ok := e.Numbers[key]
	return v, ok
}

// valueKind is what a keyword takes after '='.
type valueKind int

const (
	valNum valueKind = iota
	valQuoted
	valIgnored // linux_addr: libvmi reads and drops it
)

func kindOf(key string) valueKind {
	switch key {
	case "sysmap", "rekall_profile", "volatility_ist", "ostype", "pagemode",
		"aarch64_ttbr0_granule_size", "aarch64_ttbr1_granule_size":
		return valQuoted
	case "linux_addr":
		return valIgnored
	}
	return valNum
}

type parser struct {
	lx  lexer
	tok token
}

func (p *parser) advance() { p.tok = p.lx.next() }

func (p *parser) errorf(format string, args ...any) error {
	return fmt.Errorf("%w: line %d: %s", ErrSyntax, p.tok.line, fmt.Sprintf(format, args...))
}

func (p *parser) unexpected(want string) error {
	got := p.tok.kind.String()
	switch p.tok.kind {
	case tokKey, tokNum, tokWord, tokFilename:
		got = fmt.Sprintf("%s %q", got, p.tok.text)
	}
	return p.errorf("expected %s, found %s", want, got)
}

// Parse reads a whole file. Like libvmi it fails on any syntax error, even
// in another domain's entry. Entries are in file order; Lookup picks the
// last one of a name, as libvmi does.
func Parse(data []byte) ([]*Entry, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%w: larger than %d bytes", ErrSyntax, MaxSize)
	}
	p := &parser{lx: lexer{src: data, line: 1}}
	p.advance()
	var entries []*Entry
	for p.tok.kind != tokEOF {
		e, err := p.entry()
		if err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
	return entries, nil
}

// entry parses WORD '{' (assignment? ';')* '}'.
func (p *parser) entry() (*Entry, error) {
	if p.tok.kind != tokWord {
		return nil, p.unexpected("a domain name")
	}
	e := &Entry{Name: p.tok.text, Line: p.tok.line, Strings: map[string]string{}, Numbers: map[string]uint64{}}
	p.advance()
	if p.tok.kind != tokOBrace {
		return nil, p.unexpected("'{' after " + e.Name)
	}
	p.advance()
	for {
		switch p.tok.kind {
		case tokEBrace:
			p.advance()
			return e, nil
		case tokSemicolon: // an empty assignment is allowed
			p.advance()
			continue
		case tokKey:
			if err := p.assignment(e); err != nil {
				return nil, err
			}
			if p.tok.kind != tokSemicolon {
				return nil, p.unexpected("';'")
			}
			p.advance()
		default:
			return nil, p.unexpected("a setting or '}'")
		}
	}
}

func (p *parser) assignment(e *Entry) error {
	key := p.tok.text
	p.advance()
	if p.tok.kind != tokEquals {
		return p.unexpected("'=' after " + key)
	}
	p.advance()
	switch kindOf(key) {
	case valNum, valIgnored:
		if p.tok.kind != tokNum {
			return p.unexpected("a number for " + key)
		}
		if kindOf(key) == valNum {
			e.Numbers[key] = strtoull(p.tok.text)
		}
		p.advance()
	case valQuoted:
		if p.tok.kind != tokQuote {
			return p.unexpected(`'"' for ` + key)
		}
		p.advance()
		// libvmi wants a FILENAME token for paths and a WORD for the
		// others; either is taken here, so "System.map" (a WORD to
		// libvmi's scanner) works too.
		switch p.tok.kind {
		case tokWord, tokFilename, tokNum:
			e.Strings[key] = p.tok.text
		default:
			return p.unexpected("a value for " + key)
		}
		p.advance()
		if p.tok.kind != tokQuote {
			return p.unexpected(`closing '"' for ` + key)
		}
		p.advance()
	}
	return nil
}

// strtoull reads s as C's strtoull(s, NULL, 0): 0x hex, leading-0 octal,
// else decimal, stopping at the first byte that is not a digit of the base
// and saturating on overflow.
func strtoull(s string) uint64 {
	base := uint64(10)
	switch {
	case len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'):
		base, s = 16, s[2:]
	case len(s) > 1 && s[0] == '0':
		base, s = 8, s[1:]
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		d := uint64(255)
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			d = uint64(c - '0')
		case c >= 'a' && c <= 'f':
			d = uint64(c-'a') + 10
		case c >= 'A' && c <= 'F':
			d = uint64(c-'A') + 10
		}
		if d >= base {
			return v
		}
		if v > (^uint64(0)-d)/base {
			return ^uint64(0)
		}
		v = v*base + d
	}
	return v
}

// Lookup returns the last entry named name.
func Lookup(entries []*Entry, name string) (*Entry, bool) {
	for i := len(entries) - 1; i >= 0; i-- {
		if entries[i].Name == name {
			return entries[i], true
		}
	}
	return nil, false
}
