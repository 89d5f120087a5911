package output

import "github.com/guestrace/guestrace/pkg/printers"

// FrameDecoder is a decoder that needs, beside the arguments, the number
// of the call and the user stack pointer at the call (printers.Frame).
// The tracer reads them, when the OS can, into the call's Event; the
// writers hand them to the decoder in its CallState.
type FrameDecoder interface {
	Decoder
	// FrameName is the call's name when its frame says it (a function
	// that serves several calls); the table's name otherwise.
	FrameName(f *printers.Frame) (string, bool)
}
