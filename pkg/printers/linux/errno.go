package linux

import "github.com/guestrace/guestrace/pkg/printers"

// Linux's codes for a system call interrupted by a signal, which never reach
// the process but are seen at the kernel's return.
const (
	ERESTARTSYS          = 512
	ERESTARTNOINTR       = 513
	ERESTARTNOHAND       = 514
	ERESTARTRESTARTBLOCK = 516
)

// MaxErrno is the largest error number a system call returns (as -errno).
const MaxErrno = 4095

// ErrnoName returns the symbolic name of an error number, as ENOENT.
func ErrnoName(e uint64) (string, bool) {
	if e < uint64(len(errnoNames)) && errnoNames[e] != "" {
		return errnoNames[e], true
	}
	return "", false
}

// ErrnoText returns glibc's strerror text for an error number.
func ErrnoText(e uint64) string {
	if e < uint64(len(errnoTexts)) && errnoTexts[e] != "" {
		return errnoTexts[e]
	}
	return ""
}

// IsError reports whether a raw system-call return value is a negated error
// number.
func IsError(ret int64) bool { return ret < 0 && ret >= -MaxErrno }

// AppendErrorReturn appends the return of a failed call, from "= " on, as
// strace prints it: "= -1 ENOENT (No such file or directory)", or for the
// restart codes "= ? ERESTARTSYS (To be restarted if SA_RESTART is set)".
func AppendErrorReturn(b []byte, errno uint64) []byte {
	switch errno {
	case ERESTARTSYS:
		return append(b, "= ? ERESTARTSYS (To be restarted if SA_RESTART is set)"...)
	case ERESTARTNOINTR:
		return append(b, "= ? ERESTARTNOINTR (To be restarted)"...)
	case ERESTARTNOHAND:
		return append(b, "= ? ERESTARTNOHAND (To be restarted if no handler)"...)
	case ERESTARTRESTARTBLOCK:
		return append(b, "= ? ERESTART_RESTARTBLOCK (Interrupted by signal)"...)
	}
	b = append(b, "= -1 "...)
	name, ok := ErrnoName(errno)
	if !ok {
		b = append(b, "(errno "...)
		b = printers.AppendUint(b, errno)
		return append(b, ')')
	}
	b = append(b, name...)
	b = append(b, " ("...)
	if t := ErrnoText(errno); t != "" {
		b = append(b, t...)
	} else {
		b = append(b, "Unknown error "...)
		b = printers.AppendUint(b, errno)
	}
	return append(b, ')')
}
