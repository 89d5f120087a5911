package output

import "github.com/guestrace/guestrace/pkg/printers"

// FrameDecoder is a decoder that needs, beside the arguments, the number
// of the call and the user stack pointer at the call (printers.Frame).
// The tracer reads them, when the OS can, into the call's Event; the
// writers hand them to the decoder in its CallState.
type FrameDecoder interface {
	Decoder
	NeedsFrame()
}

// Namer is a decoder of a function that serves several calls (Linux's
// sys_ni_syscall, i386's socketcall): it names the call made, as its line
// does, for the line that resumes it and the JSON record.
type Namer interface {
	Decoder
	CallName(args *Args, f *printers.Frame, m printers.Mem) (string, bool)
}
