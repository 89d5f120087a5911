package printers

// ArgKind says what a system-call argument is, so that it can be decoded,
// filtered on, or printed raw when no decoder knows it.
type ArgKind uint8

const (
	KindNone      ArgKind = iota
	KindInt               // signed int, decimal
	KindUint              // unsigned int, decimal
	KindLong              // signed long, decimal
	KindUlong             // unsigned long (sizes, counts), decimal
	KindHex               // a number printed in hex
	KindPtr               // an address: NULL or 0x...
	KindFD                // a file descriptor
	KindDirFD             // a directory descriptor for *at calls: AT_FDCWD
	KindPID               // a process or thread id
	KindMode              // file permission bits, octal
	KindSignal            // a signal number
	KindFlags             // a set of flags, by name
	KindEnum              // one value out of a table, by name
	KindPath              // a NUL-terminated path name
	KindString            // a NUL-terminated string, cut at -s
	KindBufIn             // a buffer read at entry (write)
	KindBufOut            // a buffer filled by the call, read at exit (read)
	KindStructIn          // a structure read at entry
	KindStructOut         // a structure filled by the call, read at exit
	KindArray             // an array (argv, iovec, pollfd...)
	KindCustom            // a decoder of its own
)

var kindNames = [...]string{
	KindNone: "none", KindInt: "int", KindUint: "uint", KindLong: "long",
	KindUlong: "ulong", KindHex: "hex", KindPtr: "ptr", KindFD: "fd",
	KindDirFD: "dirfd", KindPID: "pid", KindMode: "mode", KindSignal: "signal",
	KindFlags: "flags", KindEnum: "enum", KindPath: "path", KindString: "string",
	KindBufIn: "buf_in", KindBufOut: "buf_out", KindStructIn: "struct_in",
	KindStructOut: "struct_out", KindArray: "array", KindCustom: "custom",
}

func (k ArgKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// IsOutput reports whether an argument of this kind is only known when the
// call returns.
func (k ArgKind) IsOutput() bool { return k == KindBufOut || k == KindStructOut }
