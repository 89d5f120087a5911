package loop

import (
	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// State is the guest as a callback sees it. It is valid only during the
// callback; the loop reuses it for the next event.
type State struct {
	Event  *vmi.Event     // the vCPU, breakpoint address and registers
	Thread guestos.Thread // who is running (pid, tid, name)
	Func   *Func          // the kernel function of the call

	os     guestos.OS
	atExit bool // an exitOnly call, reported at its exit
}

// Regs are the vCPU's registers at the event.
func (s *State) Regs() *vmi.Regs { return &s.Event.Regs }

// Args reads the system-call arguments; meaningful in a call callback
// (which runs at the function's exit for an ExitOnly callback: the OS
// reads them where the thread saved them).
func (s *State) Args(args *[6]uint64) error {
	if s.atExit {
		return s.os.(guestos.Exits).ExitArgs(&s.Event.Regs, s.Func.Addr, args)
	}
	return s.os.Args(&s.Event.Regs, args)
}

// AtExit reports whether a call callback runs at the function's exit
// (ExitOnly) rather than at its entry.
func (s *State) AtExit() bool { return s.atExit }

// ReturnValue is the function's result; meaningful in a return callback.
func (s *State) ReturnValue() int64 { return s.os.ReturnValue(&s.Event.Regs) }

// ReadVirt reads memory in the address space of the running process. It
// satisfies printers.Mem.
func (s *State) ReadVirt(va uint64, buf []byte) (int, error) {
	return s.os.ReadVirt(&s.Event.Regs, va, buf)
}

// OS is the attached guest operating system.
func (s *State) OS() guestos.OS { return s.os }
