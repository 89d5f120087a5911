// Package linuxgen makes a Volatility3 ISF profile of a Linux kernel from
// its /proc/kallsyms (symbol addresses), its BTF (/sys/kernel/btf/vmlinux:
// type layouts) and optionally its banner (/proc/version), checking first
// that the three come from the same kernel.
package linuxgen

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/cilium/ebpf/btf"
	"github.com/guestrace/guestrace/pkg/isf"
)

// Sentinel errors, wrapped with %w in errors that name the file.
var (
	ErrEmpty       = errors.New("empty file")
	ErrMalformed   = errors.New("malformed")
	ErrBadBTF      = errors.New("not valid BTF (truncated or corrupt)")
	ErrNoAddresses = errors.New("all addresses are zero: read it as root with kernel.kptr_restrict=0")
	ErrMismatch    = errors.New("files from different kernels")
)

// ProducerName and ProducerVersion identify guestrace in the metadata.
const (
	ProducerName    = "guestrace"
	ProducerVersion = "0.1.0"
)

// Input is what a profile is made from. The names are the files' paths:
// errors name them, and the metadata records their base names and hashes.
type Input struct {
	Kallsyms, BTF, Banner             []byte // Banner is optional
	KallsymsName, BTFName, BannerName string
}

// Files are the paths of the inputs; Banner may be "".
type Files struct {
	Kallsyms, BTF, Banner string
}

// maxInputSize bounds each input file (a vmlinux BTF is 4-6 MB, kallsyms
// under 20 MB).
const maxInputSize = 512 << 20

// GenerateFiles reads the files and calls Generate.
func GenerateFiles(f Files) (*isf.Profile, error) {
	in := Input{KallsymsName: f.Kallsyms, BTFName: f.BTF, BannerName: f.Banner}
	var err error
	if in.Kallsyms, err = readFile("kallsyms", f.Kallsyms); err != nil {
		return nil, err
	}
	if in.BTF, err = readFile("btf", f.BTF); err != nil {
		return nil, err
	}
	if f.Banner != "" {
		if in.Banner, err = readFile("banner", f.Banner); err != nil {
			return nil, err
		}
	}
	return Generate(in)
}

func readFile(what, path string) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, maxInputSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", what, path, err)
	}
	if len(data) > maxInputSize {
		return nil, fmt.Errorf("%s %s: larger than %d bytes", what, path, maxInputSize)
	}
	return data, nil
}

// Generate checks the inputs and builds the profile: every BTF struct,
// union, enum and base type, and every kallsyms symbol with its BTF type
// when BTF has one.
func Generate(in Input) (*isf.Profile, error) {
	ks, err := loadKallsyms(in)
	if err != nil {
		return nil, err
	}
	types, endian, err := loadBTF(in)
	if err != nil {
		return nil, err
	}
	banner, err := loadBanner(in)
	if err != nil {
		return nil, err
	}
	if err := checkMatch(in, ks, types, banner); err != nil {
		return nil, err
	}
	p, err := build(in, ks, types, endian, banner)
	if err != nil {
		return nil, fmt.Errorf("btf %s: %w: %v", in.BTFName, ErrBadBTF, err)
	}
	return p, nil
}

func loadKallsyms(in Input) (*Kallsyms, error) {
	if len(bytes.TrimSpace(in.Kallsyms)) == 0 {
		return nil, fmt.Errorf("kallsyms %s: %w", in.KallsymsName, ErrEmpty)
	}
	ks, err := ParseKallsyms(in.Kallsyms)
	if err != nil {
		return nil, fmt.Errorf("kallsyms %s: %w", in.KallsymsName, err)
	}
	if ks.AllZero() {
		return nil, fmt.Errorf("kallsyms %s: %w", in.KallsymsName, ErrNoAddresses)
	}
	return ks, nil
}

// loadBTF decodes every type, so that a corrupt file fails here rather
// than half-way through the profile.
func loadBTF(in Input) ([]btf.Type, string, error) {
	if len(in.BTF) == 0 {
		return nil, "", fmt.Errorf("btf %s: %w", in.BTFName, ErrEmpty)
	}
	spec, err := btf.LoadSpecFromReader(bytes.NewReader(in.BTF))
	if err != nil {
		return nil, "", fmt.Errorf("btf %s: %w: %v", in.BTFName, ErrBadBTF, err)
	}
	var types []btf.Type
	for t, err := range spec.All() {
		if err != nil {
			return nil, "", fmt.Errorf("btf %s: %w: %v", in.BTFName, ErrBadBTF, err)
		}
		types = append(types, t)
	}
	return types, endianOf(in.BTF), nil
}

// endianOf reads the byte order from the BTF magic (0xeB9F) or, for an
// ELF file holding a .BTF section, from its identification bytes.
func endianOf(data []byte) string {
	if len(data) > 5 && string(data[:4]) == "\x7fELF" {
		if data[5] == 2 {
			return "big"
		}
		return "little"
	}
	if len(data) > 1 && data[0] == 0xeb && data[1] == 0x9f {
		return "big"
	}
	return "little"
}

// loadBanner returns the banner as it is in kernel memory: the one line
// of /proc/version, its newline and a NUL (linux_banner is a C string).
func loadBanner(in Input) ([]byte, error) {
	if in.BannerName == "" && in.Banner == nil {
		return nil, nil
	}
	line := bytes.TrimRight(in.Banner, "\x00\r\n\t ")
	if len(line) == 0 {
		return nil, fmt.Errorf("banner %s: %w", in.BannerName, ErrEmpty)
	}
	if !bytes.HasPrefix(line, []byte("Linux version ")) || bytes.ContainsAny(line, "\x00\n") || len(line) > 1024 {
		return nil, fmt.Errorf("banner %s: %w: not one \"Linux version ...\" line as /proc/version has", in.BannerName, ErrMalformed)
	}
	return append(append([]byte{}, line...), '\n', 0), nil
}

// build assembles the profile from checked inputs.
func build(in Input, ks *Kallsyms, types []btf.Type, endian string, banner []byte) (*isf.Profile, error) {
	p := &isf.Profile{
		Metadata: isf.Metadata{
			Format:   isf.FormatVersion,
			Producer: &isf.Producer{Name: ProducerName, Version: ProducerVersion},
			Linux: &isf.UnixMetadata{
				Symbols: []isf.Source{source("system-map", in.KallsymsName, in.Kallsyms)},
				// The schema has no kind for BTF: leave it out.
				Types: []isf.Source{source("", in.BTFName, in.BTF)},
			},
		},
		BaseTypes: map[string]isf.BaseType{
			"void":    {Size: 0, Signed: false, Kind: "void", Endian: endian},
			"pointer": {Size: 8, Signed: false, Kind: "int", Endian: endian},
		},
		UserTypes: make(map[string]isf.UserType),
		Enums:     make(map[string]isf.Enum),
		Symbols:   make(map[string]isf.Symbol, len(ks.Syms)),
	}
	c := newConverter(p, endian)
	c.nameTypedefs(types)
	symTypes := make(map[string]*isf.Type)
	for _, t := range types {
		switch t := t.(type) {
		case *btf.Int, *btf.Float:
			c.addBase(t)
		case *btf.Pointer:
			if n := c.size(t); n > 0 {
				bt := p.BaseTypes["pointer"]
				bt.Size = uint64(n)
				p.BaseTypes["pointer"] = bt
			}
		}
	}
	for _, t := range types {
		switch t := t.(type) {
		case *btf.Struct, *btf.Union:
			c.addUserType(t)
		case *btf.Enum:
			c.addEnum(t)
		case *btf.Func:
			if _, ok := symTypes[t.Name]; !ok {
				symTypes[t.Name] = &isf.Type{Kind: isf.KindFunction}
			}
		case *btf.Datasec:
			for _, v := range t.Vars {
				if v, ok := v.Type.(*btf.Var); ok {
					if _, ok := symTypes[v.Name]; !ok {
						symTypes[v.Name] = c.desc(v.Type, 0)
					}
				}
			}
		}
	}
	for _, s := range ks.Syms {
		if _, ok := p.Symbols[s.Name]; ok {
			continue // the first of a name, like Lookup
		}
		p.Symbols[s.Name] = isf.Symbol{Address: s.Addr, Type: symTypes[s.Name]}
	}
	if banner != nil {
		sym := p.Symbols["linux_banner"]
		sym.ConstantData = banner
		sym.Type = &isf.Type{Kind: isf.KindArray, Count: uint64(len(banner)), Subtype: &isf.Type{Kind: isf.KindBase, Name: "char"}}
		p.Symbols["linux_banner"] = sym
	}
	if c.err != nil {
		return nil, c.err
	}
	// Whatever a hostile file holds, never write invalid ISF.
	return p, p.Validate()
}

func source(kind, path string, data []byte) isf.Source {
	sum := sha256.Sum256(data)
	return isf.Source{Kind: kind, Name: filepath.Base(path), HashType: "sha256", HashValue: hex.EncodeToString(sum[:])}
}
