package guestos

import "github.com/guestrace/guestrace/pkg/vmi"

// MaxArgs is the most arguments a traced kernel function takes: NT system
// calls take up to 17 (NtCreateNamedPipeFile has 14, NtCreateUserProcess
// 11), Linux system calls six.
const MaxArgs = 17

// ArgsReader is implemented by an OS whose system calls take more than the
// six arguments OS.Args reads: Windows passes the first four in rcx, rdx,
// r8 and r9 and the rest on the stack. Callers that trace such calls
// capture them all at the call, since the callee may reuse its stack
// parameter slots before it returns.
type ArgsReader interface {
	// ArgsN reads the first len(args) (at most MaxArgs) arguments at the
	// entry of a system-call function. On an error the arguments it
	// could not read are zero.
	ArgsN(regs *vmi.Regs, args []uint64) error
}

// SyscallFrameReader is implemented by an OS that can tell, at the entry
// of a system-call function, which call number was made and the user
// stack pointer: Linux's sys_ni_syscall serves every number the kernel
// does not implement, and rt_sigreturn's frame is on the user stack.
type SyscallFrameReader interface {
	SyscallFrame(regs *vmi.Regs) (nr, sp uint64, err error)
}
