package windows

import (
	"encoding/binary"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseRSDS(t *testing.T) {
	rec := []byte("RSDS")
	rec = append(rec, 0x3a, 0x6f, 0x1f, 0x9e, 0x4c, 0x2b, 0x5e, 0x4d, 0x8f, 0x60, 0x71, 0x82, 0x93, 0xa4, 0xb5, 0xc6)
	rec = binary.LittleEndian.AppendUint32(rec, 3)
	rec = append(rec, `d:\os\obj\ntkrnlmp.pdb`+"\x00junk"...)
	id, err := parseRSDS(rec)
	require.NoError(t, err)
	assert.Equal(t, pdbID{GUID: "9E1F6F3A2B4C4D5E8F60718293A4B5C6", Age: 3, Name: "ntkrnlmp.pdb"}, id)
	assert.True(t, kernelPDB(id.Name))
	assert.False(t, kernelPDB("hal.pdb"))
	_, err = parseRSDS(rec[:20])
	assert.Error(t, err)
}

// FuzzPE parses random image headers, debug directories and CodeView
// records: no panic, and whatever it returns stays within what it read.
func FuzzPE(f *testing.F) {
	hdr := make([]byte, 0x200)
	copy(hdr, "MZ")
	binary.LittleEndian.PutUint32(hdr[0x3c:], 0x80)
	copy(hdr[0x80:], "PE\x00\x00")
	binary.LittleEndian.PutUint16(hdr[0x84:], machineAMD64)
	binary.LittleEndian.PutUint16(hdr[0x98:], optMagicPE32p)
	binary.LittleEndian.PutUint32(hdr[0x98+56:], 0x100000)
	binary.LittleEndian.PutUint32(hdr[0x98+108:], 16)
	f.Add(hdr)
	f.Add([]byte("RSDS0123456789abcdef\x01\x00\x00\x00ntkrnlmp.pdb"))
	f.Add([]byte("MZ"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if im, err := parsePE(b); err == nil && im.sizeOfImage < peHeaderSize {
			t.Fatalf("image of %d bytes accepted", im.sizeOfImage)
		}
		codeViewEntry(b)
		if id, err := parseRSDS(b); err == nil {
			if len(id.GUID) != 32 || len(id.Name) > maxPDBName || !utf8.ValidString(id.Name) {
				t.Fatalf("bad id %q", id)
			}
		}
	})
}
