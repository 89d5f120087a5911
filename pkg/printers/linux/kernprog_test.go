package linux

import (
	"encoding/binary"
	"testing"

	"github.com/guestrace/guestrace/pkg/printers"
)

// FuzzKernelPrograms decodes bpf, perf_event_open, seccomp, the AIO
// calls, getsockopt/setsockopt and socket ioctls with a structure from
// the fuzzer at their pointer arguments,
// with and without -v: no panic, bounded output, no raw control bytes.
func FuzzKernelPrograms(f *testing.F) {
	attr := make([]byte, 256)
	binary.LittleEndian.PutUint32(attr[4:], 128)
	f.Add(uint8(0), uint32(5), uint32(128), attr, int64(3))
	f.Add(uint8(0), uint32(28), uint32(256), attr, int64(-7))
	f.Add(uint8(1), uint32(0), uint32(0), attr, int64(-7))
	f.Add(uint8(2), uint32(1), uint32(0), attr, int64(0))
	f.Add(uint8(3), uint32(0), uint32(2), attr, int64(1))
	f.Add(uint8(8), uint32(1<<16|13), uint32(8), attr, int64(0))
	f.Add(uint8(10), uint32(0x8912), uint32(0), attr, int64(0))
	names := []string{"bpf", "perf_event_open", "seccomp", "io_submit", "io_getevents", "io_pgetevents", "io_cancel", "io_setup",
		"getsockopt", "setsockopt", "ioctl"}
	levels := []uint64{solIP, solSocket, solTCP, solIPv6, solRaw, solPacket, solNetlink}
	f.Fuzz(func(t *testing.T, which uint8, a0, a2 uint32, data []byte, ret int64) {
		s, _ := Lookup(names[int(which)%len(names)])
		mem := flatMem{fuzzBase, data}
		// Pointers at the data, and within it, to follow.
		args := [6]uint64{uint64(a0), fuzzBase, uint64(a2), fuzzBase + uint64(a0)%64, fuzzBase + 16, fuzzBase + 32}
		if s.Name != "bpf" && s.Name != "seccomp" {
			args[0] = fuzzBase
		}
		switch s.Name {
		case "getsockopt", "setsockopt":
			// level, name, value, length (a pointer for getsockopt)
			args = [6]uint64{3, levels[int(a0>>16)%len(levels)], uint64(a0 & 0xff), fuzzBase, uint64(a2), 0}
			if s.Name == "getsockopt" {
				args[4] = fuzzBase + uint64(a2)%64
			}
		case "ioctl":
			args = [6]uint64{3, 0x8900 | uint64(a0&0xff), fuzzBase + uint64(a2)%64}
		}
		if s.Name == "io_submit" {
			args[2] = fuzzBase + uint64(a2)%128
			args[1] = uint64(a0 % 8)
		}
		for _, o := range []*printers.Options{nil, {Verbose: true}} {
			var st State
			b := s.EnterState(nil, &args, mem, o, &st)
			b = s.ExitState(b, &args, ret, mem, o, &st)
			if len(b) > 1<<20 {
				t.Fatalf("%s: %d bytes of output", s.Name, len(b))
			}
			for _, c := range b {
				if c < ' ' || c >= 0x7f {
					t.Fatalf("%s: raw byte %#x in %q", s.Name, c, b)
				}
			}
		}
	})
}
