package tracer

import (
	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/guestrace/guestrace/pkg/printers/windows"
)

// Failures (output.Failer) and argument counts (output.ArgCounter) of the
// rows: the JSON form's errno and raw_args, -e status= and -c's errors.

// AppendError: a Linux call fails when it returns -errno, unless it never
// fails (getpid) or never returns.
func (r linuxRow) AppendError(b []byte, ret int64) ([]byte, bool) {
	if r.s.NeverFails || r.s.NoReturn() {
		return b, false
	}
	return appendErrno(b, ret)
}

func (r linuxRow) NArgs() int { return r.s.NArgs }

func (r *rawLinux) AppendError(b []byte, ret int64) ([]byte, bool) { return appendErrno(b, ret) }

func (r *rawLinux) NArgs() int { return 6 }

func appendErrno(b []byte, ret int64) ([]byte, bool) {
	if !printers.IsError(ret) {
		return b, false
	}
	if name, ok := printers.ErrnoName(uint64(-ret)); ok {
		return append(b, name...), true
	}
	return printers.AppendInt(append(b, "errno "...), -ret), true
}

// AppendError: an NT call fails when its NTSTATUS is a warning or an
// error (NT_SUCCESS is false).
func (r windowsRow) AppendError(b []byte, ret int64) ([]byte, bool) {
	if int32(ret) >= 0 {
		return b, false
	}
	return windows.AppendStatus(b, uint32(ret)), true
}
