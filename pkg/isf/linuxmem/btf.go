package linuxmem

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// btfMagic opens struct btf_header (little-endian x86-64).
const btfMagic = 0xeb9f

// errBadBTF is what CheckBTF wraps.
var errBadBTF = errors.New("not a BTF header")

// CheckBTF checks that raw starts with a BTF header whose type and string
// sections lie inside raw (what __start_BTF..__stop_BTF must hold). It
// reads only the header: linuxgen decodes the types.
func CheckBTF(raw []byte) error {
	const minHdr = 24 // magic, version, flags, hdr_len, type_off/len, str_off/len
	if len(raw) < minHdr {
		return fmt.Errorf("%w: %d bytes", errBadBTF, len(raw))
	}
	le := binary.LittleEndian
	if m := le.Uint16(raw); m != btfMagic {
		return fmt.Errorf("%w: magic %#04x", errBadBTF, m)
	}
	if raw[2] != 1 {
		return fmt.Errorf("%w: version %d", errBadBTF, raw[2])
	}
	hdr := uint64(le.Uint32(raw[4:]))
	if hdr < minHdr || hdr > uint64(len(raw)) || hdr > 4096 {
		return fmt.Errorf("%w: header length %d", errBadBTF, hdr)
	}
	size := uint64(len(raw)) - hdr
	for _, s := range []struct {
		name     string
		off, len uint64
	}{
		{"type", uint64(le.Uint32(raw[8:])), uint64(le.Uint32(raw[12:]))},
		{"string", uint64(le.Uint32(raw[16:])), uint64(le.Uint32(raw[20:]))},
	} {
		if s.off+s.len > size {
			return fmt.Errorf("%w: %s section %d+%d past the blob's %d bytes", errBadBTF, s.name, s.off, s.len, size)
		}
	}
	return nil
}
