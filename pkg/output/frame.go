package output

// FrameDecoder is a decoder that needs, beside the arguments, the number
// of the call and the user stack pointer at the call (Linux's
// sys_ni_syscall serves every number the kernel lacks; rt_sigreturn finds
// its signal frame on the stack). The tracer reads them, when the OS can,
// into Args[FrameAt] (the number), Args[FrameAt+1] (1: they were read)
// and Args[FrameAt+2] (the stack pointer).
type FrameDecoder interface {
	Decoder
	NeedsFrame()
}

// FrameAt is where a FrameDecoder finds the call's frame among the
// captured arguments: after the six of a Linux call.
const FrameAt = 6
