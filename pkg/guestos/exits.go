package guestos

import "github.com/guestrace/guestrace/pkg/vmi"

// JumpKind is what a jump to an address outside a function does.
type JumpKind uint8

const (
	// JumpCode goes to more code (a tail call, a cold part).
	JumpCode JumpKind = iota
	// JumpReturn goes to one of the kernel's return thunks: the function
	// returns there, its result in place.
	JumpReturn
	// JumpIndirect goes to an indirect-branch thunk: the code that
	// follows cannot be known from the function's bytes.
	JumpIndirect
	// JumpShared goes to code the whole kernel calls (a library
	// function): breakpoints on its exits would stop unrelated work.
	JumpShared
)

// Exits is implemented by an OS whose system-call functions are entered
// only from the kernel's dispatcher, with the call's arguments saved where
// they can still be read when the function returns (Linux's
// __x64_sys_*(struct pt_regs *)). A tracer can then catch each call's
// return at the exits of the function itself, found in its code, rather
// than at the dispatcher's return site that every system call passes.
type Exits interface {
	// ExitsSupported reports whether this guest's kernel allows it
	// (Linux: the pt_regs convention, and where pt_regs lie is known).
	ExitsSupported() bool
	// CodeEnd is where the code of the function at addr ends: the next
	// symbol's address. ok is false when addr starts no known symbol.
	CodeEnd(addr uint64) (end uint64, ok bool)
	// JumpKind tells what a jump to target does.
	JumpKind(target uint64) JumpKind
	// Dispatched reports whether ret, a return address read at an exit
	// of code that the system-call function at fn jumps to, is where the
	// dispatcher of fn's calls resumes: other callers of that shared code
	// return elsewhere.
	Dispatched(fn, ret uint64) bool
	// ExitArgs reads, at an exit of the system-call function at fn, the
	// arguments its thread passed to the call.
	ExitArgs(regs *vmi.Regs, fn uint64, args *[6]uint64) error
}
