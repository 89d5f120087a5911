package printers

// CallState is what a decoder keeps from a call's entry for its return:
// a value the kernel overwrites, such as accept's address length before
// the call, printed "[110 => 16]". Whoever holds a call in progress keeps
// its CallState beside its arguments; the zero value means "nothing kept".
type CallState struct {
	V     [2]uint64
	Valid bool
	// Frame is what the tracer read at the call beside its arguments,
	// for the decoders that ask for it (output.FrameDecoder).
	Frame Frame
}

// Frame is the number of the call being made and the user stack pointer
// at the call, when OK: Linux's sys_ni_syscall serves every number the
// kernel lacks, and rt_sigreturn finds its signal frame on the stack.
type Frame struct {
	Nr, SP uint64
	OK     bool
}
