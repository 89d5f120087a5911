package output

import "github.com/guestrace/guestrace/pkg/printers"

// Dumper writes strace's -e read= and -e write= dumps: the data a call
// read or wrote, in full, after the call's line.
type Dumper interface {
	// AppendDump appends the dump lines of a returned call, each ending
	// in '\n' (the writer puts the line prefix before each), or nothing
	// when the call is not dumped.
	AppendDump(b []byte, name string, args *Args, ret int64, failed bool, m printers.Mem) []byte
}

// writeDump writes the dump of a returned call, each line after the
// thread's prefix.
func (t *Text) writeDump(c *Call, ret int64, bad bool, m printers.Mem) {
	if t.cfg.Dump == nil {
		return
	}
	t.dump = t.cfg.Dump.AppendDump(t.dump[:0], c.name, &c.args, ret, bad, m)
	for rest := t.dump; len(rest) > 0; {
		n := 0
		for n < len(rest) && rest[n] != '\n' {
			n++
		}
		n = min(n+1, len(rest))
		t.writePrefix(&c.thread)
		t.w.Write(rest[:n]) //nolint:errcheck // Flush reports write errors
		rest = rest[n:]
	}
}
