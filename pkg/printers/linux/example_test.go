package linux_test

import (
	"fmt"

	"github.com/guestrace/guestrace/pkg/printers/linux"
)

// guestMem stands for the traced process's memory: a path at 0x1000.
type guestMem struct{}

func (guestMem) ReadVirt(va uint64, buf []byte) (int, error) {
	data := []byte("/etc/passwd\x00")
	if va < 0x1000 || va >= 0x1000+uint64(len(data)) {
		return 0, fmt.Errorf("unmapped %#x", va)
	}
	n := copy(buf, data[va-0x1000:])
	if n < len(buf) {
		return n, fmt.Errorf("unmapped %#x", va+uint64(n))
	}
	return n, nil
}

func Example() {
	s, _ := linux.Lookup("openat")
	args := [6]uint64{uint64(1<<64 - 100), 0x1000, 0x80000}
	var st linux.State
	line := s.EnterState(nil, &args, guestMem{}, nil, &st)    // at the call
	line = s.ExitState(line, &args, -2, guestMem{}, nil, &st) // at its return
	fmt.Println(string(line))
	// Output: openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)
}
