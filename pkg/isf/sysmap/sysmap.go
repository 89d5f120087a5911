// Package sysmap makes a Volatility3 ISF profile of an x86-64 Linux kernel
// from what a libvmi.conf entry of the System.map kind gives: the kernel's
// System.map (symbol addresses) and libvmi's linux_* offsets (linux_tasks,
// linux_mm, linux_pid, linux_name and optionally linux_pgd). An existing
// libvmi user's configuration is then enough for guestrace.
//
// What guestrace's Linux layer reads and libvmi's offsets do not give is
// derived from facts that hold across x86-64 kernels (see derive.go, each
// with its reason). What cannot be derived is an error naming it and
// pointing at a full profile (guestrace profile, volatility_ist).
package sysmap

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/isf/linuxgen"
	"github.com/guestrace/guestrace/pkg/libvmiconf"
)

// Sentinel errors, wrapped with %w in errors that name the file.
var (
	// ErrMissing means the System.map or the offsets lack something the
	// Linux layer needs and that cannot be derived.
	ErrMissing = errors.New("cannot make a profile from a System.map")
	// ErrStub means the file is the one-line placeholder Debian ships in
	// /boot instead of the real System.map.
	ErrStub = errors.New("is a placeholder, not a System.map")
	// ErrBadOffset means a linux_* offset cannot be a task_struct
	// member's.
	ErrBadOffset = errors.New("bad libvmi.conf offset")
)

// fullProfile is the advice given when a System.map is not enough.
const fullProfile = "make a full profile with guestrace profile and name it with volatility_ist (or pass --profile)"

// maxSize bounds the file Load reads: a distribution kernel's System.map
// is 3-10 MB, an allyesconfig one about 30 MB.
const maxSize = 256 << 20

// Load reads the System.map at path and calls Build. Errors name the file.
func Load(path string, off libvmiconf.LinuxOffsets) (*isf.Profile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("sysmap: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		return nil, fmt.Errorf("sysmap %s: %w", path, err)
	}
	if len(data) > maxSize {
		return nil, fmt.Errorf("sysmap %s: %w: larger than %d bytes", path, linuxgen.ErrMalformed, maxSize)
	}
	return Build(data, path, off)
}

// Build makes the profile from a System.map's contents (name is its path,
// for errors and the metadata) and the entry's offsets. The text is
// untrusted: any line that is not "address type name" is an error naming
// it, and the profile returned is valid ISF.
func Build(data []byte, name string, off libvmiconf.LinuxOffsets) (*isf.Profile, error) {
	if bytes.Contains(data[:min(len(data), 256)], []byte("The real System.map is in")) {
		return nil, fmt.Errorf("sysmap %s %w: install the kernel's -dbg package for its System.map, or %s", name, ErrStub, fullProfile)
	}
	ks, err := linuxgen.ParseKallsyms(data)
	if err != nil {
		return nil, fmt.Errorf("sysmap %s: %w", name, err)
	}
	if ks.AllZero() {
		return nil, fmt.Errorf("sysmap %s: %w", name, linuxgen.ErrNoAddresses)
	}
	p := &isf.Profile{
		Metadata: isf.Metadata{
			Format:   isf.FormatVersion,
			Producer: &isf.Producer{Name: linuxgen.ProducerName, Version: linuxgen.ProducerVersion},
			Linux:    &isf.UnixMetadata{Symbols: []isf.Source{source(name, data)}},
		},
		BaseTypes: baseTypes(),
		UserTypes: make(map[string]isf.UserType),
		Enums:     make(map[string]isf.Enum),
		Symbols:   make(map[string]isf.Symbol, len(ks.Syms)),
	}
	for _, s := range ks.Syms {
		if _, ok := p.Symbols[s.Name]; !ok { // the first of a name, as linuxgen does
			p.Symbols[s.Name] = isf.Symbol{Address: s.Addr}
		}
	}
	if err := derive(p, off); err != nil {
		return nil, fmt.Errorf("sysmap %s: %w", name, err)
	}
	return p, p.Validate()
}

func source(path string, data []byte) isf.Source {
	sum := sha256.Sum256(data)
	return isf.Source{Kind: "system-map", Name: filepath.Base(path), HashType: "sha256", HashValue: hex.EncodeToString(sum[:])}
}
