// Package windows is guestrace's OS layer for 64-bit Windows guests
// (Windows 7 to 11): it finds the running kernel (ntoskrnl) in guest
// memory, checks it against an ISF profile made from the kernel's PDB,
// tells who is running from the KPCR, and reads the arguments of the NT
// system-call functions (Nt*) by the x64 calling convention.
package windows

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/x86"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// Windows is an attached Windows guest.
type Windows struct {
	t       vmi.Target
	p       *isf.Profile
	w       *x86.Walker
	l       layout
	base    uint64 // ntoskrnl's load address
	pdb     pdbID  // what the running kernel's RSDS record says
	release string
	calls   []guestos.Syscall

	buf  [16]byte      // scratch for per-event reads: no allocation per event
	span [maxSpan]byte // scratch for the thread's ids and mode
}

var (
	_ guestos.OS         = (*Windows)(nil)
	_ guestos.ArgsReader = (*Windows)(nil)
)

// profileMeta is the Windows block of an ISF profile's metadata, as
// Volatility3's PDB converter writes it.
type profileMeta struct {
	PE *struct {
		Major, Minor, Revision int
		Build                  *int
	} `json:"pe"`
	PDB *struct {
		GUID     string `json:"GUID"`
		Age      uint32 `json:"age"`
		Database string `json:"database"`
	} `json:"pdb"`
}

// Attach finds the Windows kernel of the guest behind t and binds it to
// the profile p, which must be an ntoskrnl profile (metadata.windows). The
// guest should be paused.
func Attach(t vmi.Target, p *isf.Profile) (*Windows, error) {
	if os := p.OS(); os != "windows" {
		if os == "" {
			os = "no operating system"
		}
		return nil, mismatch("profile is for %s, not windows", os)
	}
	var meta profileMeta
	if err := json.Unmarshal(p.Metadata.Windows, &meta); err != nil {
		return nil, mismatch("profile's metadata.windows: %v", err)
	}
	l, err := readLayout(p)
	if err != nil {
		return nil, err
	}
	w := &Windows{t: t, p: p, w: x86.NewWalker(t), l: l}
	if err := w.findKernel(&meta); err != nil {
		return nil, err
	}
	w.release = release(&meta, w)
	w.calls = w.syscalls()
	return w, nil
}

// release says which Windows the profile describes, e.g. "10.0.19041".
func release(m *profileMeta, w *Windows) string {
	if m.PE != nil {
		s := fmt.Sprintf("%d.%d.%d", m.PE.Major, m.PE.Minor, m.PE.Revision)
		if m.PE.Build != nil {
			s += fmt.Sprintf(".%d", *m.PE.Build)
		}
		return s
	}
	// NtBuildNumber: the build in the low 16 bits, flags above.
	if a, ok := w.Symbol("NtBuildNumber"); ok {
		var b [4]byte
		if regs, err := w.anyRegs(); err == nil {
			if _, err := w.w.ReadVirt(regs.CR3, x86.LA57(regs.CR4), a, b[:]); err == nil {
				return fmt.Sprintf("build %d", binary.LittleEndian.Uint32(b[:])&0xffff)
			}
		}
	}
	return "unknown"
}

func (w *Windows) Type() guestos.Type { return guestos.Windows }

// Release is the Windows version the profile names ("10.0.19041").
func (w *Windows) Release() string { return w.release }

// Slide is ntoskrnl's load address: profile symbol addresses are relative
// to it.
func (w *Windows) Slide() uint64 { return w.base }

// Base is ntoskrnl's load address.
func (w *Windows) Base() uint64 { return w.base }

// PDB is the identity of the running kernel's PDB, from its RSDS record.
func (w *Windows) PDB() (guid string, age uint32, name string) {
	return w.pdb.GUID, w.pdb.Age, w.pdb.Name
}

// Symbol is the runtime address of a kernel symbol.
func (w *Windows) Symbol(name string) (uint64, bool) {
	rva, ok := w.p.SymbolAddress(name)
	if !ok {
		return 0, false
	}
	return w.base + rva, true
}

// Syscalls lists the NT system services of the running kernel.
func (w *Windows) Syscalls() []guestos.Syscall { return w.calls }

// ReadVirt reads guest virtual memory in the address space of regs.
func (w *Windows) ReadVirt(regs *vmi.Regs, va uint64, buf []byte) (int, error) {
	return w.w.ReadVirt(regs.CR3, x86.LA57(regs.CR4), va, buf)
}

// read64 reads a little-endian 64-bit value.
func (w *Windows) read64(regs *vmi.Regs, va uint64) (uint64, error) {
	if _, err := w.ReadVirt(regs, va, w.buf[:8]); err != nil {
		return 0, err
	}
	return binary.LittleEndian.Uint64(w.buf[:8]), nil
}

// anyRegs returns the registers of the first vCPU that can be read.
func (w *Windows) anyRegs() (*vmi.Regs, error) {
	var regs vmi.Regs
	err := vmi.ErrNoVCPU
	for i := 0; i < w.t.NumVCPUs(); i++ {
		if err = w.t.Regs(i, &regs); err == nil {
			return &regs, nil
		}
	}
	return nil, fmt.Errorf("reading vCPU registers: %w", err)
}
