package qemu

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/guestrace/guestrace/pkg/vmi"
)

// The register layout of the 'g' packet comes from the target description
// the stub serves (qXfer:features:read:target.xml and the files it
// includes): registers in regnum order, each bitsize/8 bytes, target byte
// order. Nothing here hard-codes an offset.

// regID names the registers guestrace uses.
type regID int

const (
	rRAX regID = iota
	rRBX
	rRCX
	rRDX
	rRSI
	rRDI
	rRBP
	rRSP
	rR8
	rR9
	rR10
	rR11
	rR12
	rR13
	rR14
	rR15
	rRIP
	rRFLAGS
	rCS
	rSS
	rFSBase
	rGSBase
	rKernelGSBase
	rCR0
	rCR2
	rCR3
	rCR4
	rEFER
	nRegs
)

// regNames are the names in QEMU's i386-64bit.xml, by regID.
var regNames = [nRegs]string{
	"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp",
	"r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
	"rip", "eflags", "cs", "ss", "fs_base", "gs_base", "k_gs_base",
	"cr0", "cr2", "cr3", "cr4", "efer",
}

// regLayout says where each register is.
type regLayout struct {
	off  [nRegs]int // byte offset in the 'g' reply
	size [nRegs]int // bytes: 4 or 8
	num  [nRegs]int // register number, for 'p' and 'P'
	gLen int        // bytes of all registers up to the last one we use
}

const (
	maxXMLSize     = 1 << 20 // one description document
	maxXMLIncludes = 32
	maxXMLRegs     = 4096
)

// xmlReg is one <reg> element.
type xmlReg struct {
	name    string
	bitsize int
	regnum  int
}

// parseTargetXML reads target.xml through fetch, follows its includes, and
// returns the register layout. Guests that are not x86-64 are rejected
// with vmi.ErrUnsupported.
func parseTargetXML(fetch func(annex string) ([]byte, error)) (*regLayout, error) {
	p := xmlParser{fetch: fetch, seen: map[string]bool{}}
	if err := p.doc("target.xml", 0); err != nil {
		return nil, err
	}
	switch {
	case p.arch == "":
		return nil, fmt.Errorf("target.xml names no architecture; guestrace needs an x86-64 guest (qemu-system-x86_64): %w", vmi.ErrUnsupported)
	case p.arch != "i386:x86-64" && !strings.HasPrefix(p.arch, "i386:x86-64:"):
		return nil, fmt.Errorf("guest architecture is %q, not x86-64 (i386:x86-64): %w", p.arch, vmi.ErrUnsupported)
	}
	return layoutOf(p.regs)
}

type xmlParser struct {
	fetch    func(string) ([]byte, error)
	seen     map[string]bool
	includes int
	arch     string
	regs     []xmlReg
	next     int // regnum of the next <reg> without one
}

func (p *xmlParser) doc(annex string, depth int) error {
	if p.seen[annex] {
		return fmt.Errorf("target description %s includes itself: %w", annex, ErrProtocol)
	}
	p.seen[annex] = true
	p.includes++
	if p.includes > maxXMLIncludes || depth > 8 {
		return fmt.Errorf("target description: more than %d included files: %w", maxXMLIncludes, ErrProtocol)
	}
	data, err := p.fetch(annex)
	if err != nil {
		return err
	}
	if len(data) > maxXMLSize {
		return fmt.Errorf("target description %s: larger than %d bytes: %w", annex, maxXMLSize, ErrProtocol)
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	var inArch bool
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("target description %s: %v: %w", annex, err, ErrProtocol)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "architecture":
				inArch = true
			case "include":
				href := attr(t, "href")
				if !validAnnex(href) {
					return fmt.Errorf("target description %s: bad include %q: %w", annex, href, ErrProtocol)
				}
				if err := p.doc(href, depth+1); err != nil {
					return err
				}
			case "reg":
				if err := p.reg(annex, t); err != nil {
					return err
				}
			}
		case xml.EndElement:
			if t.Name.Local == "architecture" {
				inArch = false
			}
		case xml.CharData:
			if inArch {
				p.arch += strings.TrimSpace(string(t))
			}
		}
	}
}

func (p *xmlParser) reg(annex string, t xml.StartElement) error {
	r := xmlReg{name: attr(t, "name"), regnum: p.next}
	if len(p.regs) >= maxXMLRegs {
		return fmt.Errorf("target description %s: more than %d registers: %w", annex, maxXMLRegs, ErrProtocol)
	}
	var err error
	if r.bitsize, err = strconv.Atoi(attr(t, "bitsize")); err != nil || r.bitsize <= 0 || r.bitsize%8 != 0 || r.bitsize > 4096 {
		return fmt.Errorf("target description %s: register %q has bad bitsize %q: %w", annex, r.name, attr(t, "bitsize"), ErrProtocol)
	}
	if s := attr(t, "regnum"); s != "" {
		if r.regnum, err = strconv.Atoi(s); err != nil || r.regnum < 0 || r.regnum >= maxXMLRegs {
			return fmt.Errorf("target description %s: register %q has bad regnum %q: %w", annex, r.name, s, ErrProtocol)
		}
	}
	p.next = r.regnum + 1
	p.regs = append(p.regs, r)
	return nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// validAnnex keeps include names to what fits in a qXfer packet.
func validAnnex(s string) bool {
	if s == "" || len(s) > 128 {
		return false
	}
	for _, c := range []byte(s) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// layoutOf computes each register's offset in 'g': registers in regnum
// order, each taking bitsize/8 bytes.
func layoutOf(regs []xmlReg) (*regLayout, error) {
	sorted := append([]xmlReg(nil), regs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].regnum < sorted[j].regnum })
	l := &regLayout{}
	for i := range l.off {
		l.off[i] = -1
	}
	off := 0
	for i, r := range sorted {
		if i > 0 && sorted[i-1].regnum == r.regnum {
			return nil, fmt.Errorf("target description: registers %q and %q share number %d: %w", sorted[i-1].name, r.name, r.regnum, ErrProtocol)
		}
		for id, name := range regNames {
			if name != r.name {
				continue
			}
			if l.off[id] >= 0 {
				return nil, fmt.Errorf("target description: register %q twice: %w", name, ErrProtocol)
			}
			size := r.bitsize / 8
			if size != 8 && (size != 4 || regID(id) < rRIP || regID(id) == rRIP) {
				return nil, fmt.Errorf("target description: register %q is %d bits, not 64: %w", name, r.bitsize, vmi.ErrUnsupported)
			}
			l.off[id], l.size[id], l.num[id] = off, size, r.regnum
			l.gLen = max(l.gLen, off+size)
		}
		off += r.bitsize / 8
	}
	for id, name := range regNames {
		if l.off[id] < 0 {
			return nil, fmt.Errorf("target description has no register %q (guestrace needs an x86-64 guest under qemu-system-x86_64): %w", name, vmi.ErrUnsupported)
		}
	}
	return l, nil
}
