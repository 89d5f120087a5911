// Package vmi is what guestrace needs from a hypervisor: guest physical
// memory, vCPU registers, execute breakpoints and the events they raise,
// pausing and resuming. It knows nothing about guest operating systems:
// page-table walks, symbols and processes live in the OS layer above it.
//
// Two backends implement Target: pkg/vmi/qemu (QEMU's GDB stub, pure Go)
// and pkg/vmi/libvmi (Xen through libvmi, build tag libvmi).
package vmi

import (
	"context"
	"errors"
)

// Sentinel errors, wrapped with %w by the backends so callers can test them
// with errors.Is.
var (
	// ErrClosed is returned by every method after Close.
	ErrClosed = errors.New("target closed")
	// ErrGuestGone means the hypervisor side went away (QEMU exited, the
	// stub's socket closed, the domain was destroyed).
	ErrGuestGone = errors.New("guest went away")
	// ErrGuestReset means the guest was reset or rebooted under the
	// tracer: the kernel it attached to no longer runs (see also
	// guestos.ErrGuestReset, the same error).
	ErrGuestReset = errors.New("guest was reset")
	// ErrNoVCPU means a vCPU index out of range.
	ErrNoVCPU = errors.New("no such vCPU")
	// ErrNoBreakpoint means a breakpoint that is not inserted.
	ErrNoBreakpoint = errors.New("no breakpoint at that address")
	// ErrUnsupported means the guest or hypervisor lacks something guestrace
	// needs (for example a guest that is not x86-64).
	ErrUnsupported = errors.New("unsupported")
)

// Regs is the x86-64 state of one vCPU that guestrace reads and writes.
// Segment selectors are kept for their privilege level (CS&3).
type Regs struct {
	RAX, RBX, RCX, RDX, RSI, RDI, RBP, RSP uint64
	R8, R9, R10, R11, R12, R13, R14, R15   uint64
	RIP, RFLAGS                            uint64
	CS, SS                                 uint64
	CR0, CR2, CR3, CR4, EFER               uint64
	FSBase, GSBase, KernelGSBase           uint64
}

// Event is one stop of one vCPU at a breakpoint guestrace inserted.
type Event struct {
	VCPU int    // index from 0
	Addr uint64 // guest virtual address of the breakpoint that was hit
	Regs Regs   // the vCPU's registers at the stop (RIP == Addr)

	// RegsChanged asks Resume to write Regs back to the vCPU before it
	// continues; a handler that changes Regs sets it.
	RegsChanged bool
}

// Target is one guest under a hypervisor.
//
// The guest is either running or paused. Wait lets it run until a vCPU hits
// one of the inserted breakpoints; the guest stays stopped (at least that
// vCPU does) until Resume. Methods other than Wait must not be called
// concurrently with each other; Wait returns when its context is cancelled.
type Target interface {
	// NumVCPUs is the number of virtual CPUs of the guest.
	NumVCPUs() int

	// ReadPhys fills buf from guest physical memory at pa.
	ReadPhys(pa uint64, buf []byte) error
	// WritePhys writes buf to guest physical memory at pa.
	WritePhys(pa uint64, buf []byte) error

	// Regs reads the registers of a vCPU into r. The guest must be paused
	// or stopped at an event.
	Regs(vcpu int, r *Regs) error
	// SetRegs writes the registers of a vCPU.
	SetRegs(vcpu int, r *Regs) error

	// InsertBreakpoint places an execute breakpoint at a guest virtual
	// address (kernel addresses: the same in every address space).
	InsertBreakpoint(va uint64) error
	// RemoveBreakpoint removes one; ErrNoBreakpoint if it is not there.
	RemoveBreakpoint(va uint64) error

	// Wait runs the guest until a vCPU hits an inserted breakpoint and
	// fills ev. When ctx ends first, the guest is left paused and Wait
	// returns ctx.Err().
	Wait(ctx context.Context, ev *Event) error
	// Resume continues after the event ev returned by Wait: it writes
	// ev.Regs back when ev.RegsChanged, executes the instruction under the
	// breakpoint once, and lets the guest run.
	Resume(ev *Event) error

	// Pause stops every vCPU; Unpause lets them run again.
	Pause() error
	Unpause() error

	// Close removes every breakpoint and leaves the guest running with its
	// original code. It is safe to call more than once.
	Close() error
}
