package windows

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
)

// The parts of the PE format the kernel-base search reads: the DOS and NT
// headers, the debug data directory and its CodeView (RSDS) record, which
// names the PDB (GUID and age) that a profile is made from. All of it is
// guest memory: every offset is bounds-checked against what was read.

const (
	peHeaderSize = 0x1000 // the headers of ntoskrnl fit in their page

	machineAMD64   = 0x8664
	optMagicPE32p  = 0x20b
	debugTypeCView = 2
	debugEntrySize = 28
	maxDebugDirs   = 16
	rsdsMin        = 4 + 16 + 4 // signature, GUID, age
	maxPDBName     = 260
)

var errNotPE = errors.New("not a PE64 image header")

// peImage is what the NT headers say of an image.
type peImage struct {
	sizeOfImage uint32
	debugRVA    uint32 // debug data directory, 0 when absent
	debugSize   uint32
}

// parsePE checks a 64-bit PE header at the start of hdr.
func parsePE(hdr []byte) (peImage, error) {
	var im peImage
	if len(hdr) < 0x40 || hdr[0] != 'M' || hdr[1] != 'Z' {
		return im, errNotPE
	}
	nt := uint64(binary.LittleEndian.Uint32(hdr[0x3c:]))
	// Signature (4), file header (20), then the optional header: magic at
	// +0, SizeOfImage at +56, NumberOfRvaAndSizes at +108, data
	// directories at +112, the debug one seventh.
	const optOff, dirOff = 24, 24 + 112
	if nt > uint64(len(hdr)) || uint64(len(hdr))-nt < dirOff+7*8 {
		return im, errNotPE
	}
	h := hdr[nt:]
	if !bytes.Equal(h[:4], []byte("PE\x00\x00")) ||
		binary.LittleEndian.Uint16(h[4:]) != machineAMD64 ||
		binary.LittleEndian.Uint16(h[optOff:]) != optMagicPE32p {
		return im, errNotPE
	}
	im.sizeOfImage = binary.LittleEndian.Uint32(h[optOff+56:])
	if binary.LittleEndian.Uint32(h[optOff+108:]) > 6 {
		im.debugRVA = binary.LittleEndian.Uint32(h[dirOff+6*8:])
		im.debugSize = binary.LittleEndian.Uint32(h[dirOff+6*8+4:])
	}
	if im.sizeOfImage < peHeaderSize {
		return im, errNotPE
	}
	return im, nil
}

// codeViewEntry finds the CodeView entry in a debug directory and returns
// the RVA and size of its data.
func codeViewEntry(dir []byte) (rva, size uint32, ok bool) {
	for i := 0; i+debugEntrySize <= len(dir) && i < maxDebugDirs*debugEntrySize; i += debugEntrySize {
		e := dir[i : i+debugEntrySize]
		if binary.LittleEndian.Uint32(e[12:]) == debugTypeCView {
			return binary.LittleEndian.Uint32(e[20:]), binary.LittleEndian.Uint32(e[16:]), true
		}
	}
	return 0, 0, false
}

// pdbID identifies the PDB an image was built with.
type pdbID struct {
	GUID string // as Volatility3 and symbol servers print it: 32 upper-case hex digits
	Age  uint32
	Name string // file name, e.g. ntkrnlmp.pdb
}

func (id pdbID) String() string { return fmt.Sprintf("%s %s/%d", id.Name, id.GUID, id.Age) }

// parseRSDS decodes a CodeView RSDS record.
func parseRSDS(b []byte) (pdbID, error) {
	var id pdbID
	if len(b) < rsdsMin || !bytes.Equal(b[:4], []byte("RSDS")) {
		return id, errors.New("no RSDS CodeView record")
	}
	g := b[4:20]
	// Data1, Data2 and Data3 are little-endian integers, Data4 bytes.
	id.GUID = fmt.Sprintf("%08X%04X%04X%X", binary.LittleEndian.Uint32(g), binary.LittleEndian.Uint16(g[4:]),
		binary.LittleEndian.Uint16(g[6:]), g[8:16])
	id.Age = binary.LittleEndian.Uint32(b[20:])
	name := b[rsdsMin:min(len(b), rsdsMin+maxPDBName)]
	if i := bytes.IndexByte(name, 0); i >= 0 {
		name = name[:i]
	}
	// A path on the build machine may precede the name.
	s := string(name)
	if i := strings.LastIndexAny(s, `\/`); i >= 0 {
		s = s[i+1:]
	}
	id.Name = strings.ToValidUTF8(s, "?")
	return id, nil
}

// kernelPDB reports whether a PDB name is one of ntoskrnl's: ntkrnlmp.pdb
// (multiprocessor), ntoskrnl.pdb, ntkrla57.pdb (5-level paging), ...
func kernelPDB(name string) bool {
	n := strings.ToLower(name)
	return strings.HasPrefix(n, "ntkrnl") || strings.HasPrefix(n, "ntoskrnl") || strings.HasPrefix(n, "ntkrla57")
}
