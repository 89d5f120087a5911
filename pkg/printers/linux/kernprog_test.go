package linux

import (
	"encoding/binary"
	"testing"

	"github.com/guestrace/guestrace/pkg/printers"
)

// perfIoctls are the perf requests with decoders.
var perfIoctls = []uint64{perfIocEnable, perfIocDisable, perfIocRefresh, perfIocReset, perfIocPeriod,
	perfIocSetOutput, perfIocSetFilter, perfIocID, perfIocSetBPF, perfIocPauseOutput, perfIocQueryBPF,
	perfIocModifyAttributes}

// FuzzKernelPrograms decodes bpf, perf_event_open, seccomp, the AIO
// calls, getsockopt/setsockopt and socket and perf ioctls with a structure from
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
			if a0&0x100 != 0 {
				args[1] = perfIoctls[int(a0)%len(perfIoctls)]
			}
			if a0&0x200 != 0 {
				args[1] = 0xc0502100 + uint64(a0)%4 // the seccomp requests
				if a0&0x400 != 0 {
					args[1] = seccompIocIDValidWrong
				}
			}
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

// BenchmarkKernelPrograms decodes a BPF_PROG_LOAD, a perf_event_open and
// an io_submit of one write, each entry and exit, into a reused buffer.
func BenchmarkKernelPrograms(b *testing.B) {
	data := make([]byte, 0x400)
	// BPF_PROG_LOAD's attribute at 0, its license at 0x200.
	binary.LittleEndian.PutUint32(data[0:], 1)
	binary.LittleEndian.PutUint32(data[4:], 2)
	binary.LittleEndian.PutUint64(data[8:], fuzzBase+0x300)
	binary.LittleEndian.PutUint64(data[16:], fuzzBase+0x200)
	copy(data[0x200:], "GPL\x00")
	// perf_event_attr at 0x100.
	binary.LittleEndian.PutUint32(data[0x100:], 1)
	binary.LittleEndian.PutUint32(data[0x104:], 128)
	binary.LittleEndian.PutUint64(data[0x128:], 1|1<<5)
	// An iocb pointer at 0x380, the iocb at 0x300, its buffer at 0x210.
	binary.LittleEndian.PutUint64(data[0x380:], fuzzBase+0x300)
	binary.LittleEndian.PutUint16(data[0x310:], 1)
	binary.LittleEndian.PutUint64(data[0x318:], fuzzBase+0x210)
	binary.LittleEndian.PutUint64(data[0x320:], 5)
	copy(data[0x210:], "hello")
	var mem printers.Mem = flatMem{fuzzBase, data}
	get := func(n string) *Syscall { s, _ := Lookup(n); return s }
	calls := []struct {
		s    *Syscall
		args [6]uint64
		ret  int64
	}{
		{get("bpf"), [6]uint64{5, fuzzBase, 128}, 3},
		{get("perf_event_open"), [6]uint64{fuzzBase + 0x100, 0, 1<<64 - 1, 1<<64 - 1, 8}, 4},
		{get("io_submit"), [6]uint64{0x7f0000000000, 1, fuzzBase + 0x380}, 1},
	}
	buf := make([]byte, 0, 4096)
	var st State
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := &calls[i%len(calls)]
		buf = c.s.EnterState(buf[:0], &c.args, mem, nil, &st)
		buf = c.s.ExitState(buf, &c.args, c.ret, mem, nil, &st)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}
