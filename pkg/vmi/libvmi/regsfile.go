package libvmi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/guestrace/guestrace/pkg/vmi"
)

// A raw memory dump holds no registers, but the OS layer needs CR3 to
// walk page tables and the kernel's GS base to find the current task. The
// registers file is saved next to a dump, from the backend that took it,
// while the guest was paused for the dump:
//
//	{"format": "guestrace-regs/1", "vcpus": [{"RAX": 0, ..., "CR3": 123, ...}]}
//
// Numbers are decimal JSON integers (exact for uint64 in Go).

const regsFormat = "guestrace-regs/1"

// maxRegsFile bounds the registers file read (a few KiB per vCPU).
const maxRegsFile = 1 << 20

// ErrBadRegsFile means a registers file that is not one.
var ErrBadRegsFile = errors.New("not a guestrace registers file")

type regsFile struct {
	Format string     `json:"format"`
	VCPUs  []vmi.Regs `json:"vcpus"`
}

// SaveRegs writes the registers of a dump's vCPUs, index = vCPU.
func SaveRegs(path string, vcpus []vmi.Regs) error {
	data, err := json.MarshalIndent(regsFile{Format: regsFormat, VCPUs: vcpus}, "", "\t")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// LoadRegs reads a file SaveRegs wrote.
func LoadRegs(path string) ([]vmi.Regs, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxRegsFile+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return parseRegs(path, data)
}

func parseRegs(path string, data []byte) ([]vmi.Regs, error) {
	if len(data) > maxRegsFile {
		return nil, fmt.Errorf("%s: %w: larger than %d bytes", path, ErrBadRegsFile, maxRegsFile)
	}
	var rf regsFile
	if err := json.Unmarshal(data, &rf); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", path, ErrBadRegsFile, err)
	}
	if rf.Format != regsFormat {
		return nil, fmt.Errorf("%s: %w: format %q, want %q", path, ErrBadRegsFile, rf.Format, regsFormat)
	}
	if len(rf.VCPUs) == 0 {
		return nil, fmt.Errorf("%s: %w: no vCPUs", path, ErrBadRegsFile)
	}
	return rf.VCPUs, nil
}
