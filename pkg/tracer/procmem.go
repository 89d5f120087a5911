package tracer

import (
	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/loop"
	"github.com/guestrace/guestrace/pkg/printers"
)

// procMem is the traced process's memory as decoders see it: the loop's
// state, counting the reads that fail, plus what its descriptors refer to
// when the OS layer can walk the process's file table (strace -y, -P).
type procMem struct {
	s    *loop.State
	fdp  guestos.FDPather // nil: descriptors print as numbers
	path []byte           // scratch for descriptor paths
	// faults counts reads that did not complete (printers.Faulter).
	faults uint64
	sock   guestos.SockInfo // scratch for a socket (-yy)
	// socks describes sockets as strace's -yy does, and remembers them
	// by inode as strace does.
	socks printers.SockCache
}

var (
	_ printers.FDPather        = (*procMem)(nil)
	_ printers.SocketDescriber = (*procMem)(nil)
)

func (m *procMem) ReadVirt(va uint64, buf []byte) (int, error) {
	n, err := m.s.ReadVirt(va, buf)
	if n < len(buf) {
		m.faults++
	}
	return n, err
}

// Faults counts the reads that failed: a writer decodes a call's entry
// again at its return when one failed at the entry.
func (m *procMem) Faults() uint64 { return m.faults }

// Inode mode bits of device files (S_IFMT, S_IFCHR, S_IFBLK).
const (
	sIFMT  = 0o170000
	sIFCHR = 0o020000
	sIFBLK = 0o060000
)

// FDPath describes a descriptor of the thread of the current event.
func (m *procMem) FDPath(fd int32) (printers.FDDesc, bool) {
	if m.fdp == nil {
		return printers.FDDesc{}, false
	}
	info, err := m.fdp.FDPath(&m.s.Thread, fd, m.path[:0])
	if err != nil {
		return printers.FDDesc{}, false
	}
	m.path = info.Path[:0]
	d := printers.FDDesc{Path: info.Path, Deleted: info.Deleted}
	switch info.Mode & sIFMT {
	case sIFCHR:
		d.Char = true
	case sIFBLK:
		d.Block = true
	}
	// The kernel's dev_t: 12 bits of major above 20 bits of minor.
	d.Major, d.Minor = info.Rdev>>20, info.Rdev&(1<<20-1)
	return d, true
}

// AppendSocket describes socket descriptor fd of the thread of the
// current event (-yy), when the OS layer can read sockets.
func (m *procMem) AppendSocket(b []byte, fd int32, hex printers.HexStrings) ([]byte, bool) {
	r, ok := m.fdp.(guestos.SocketReader)
	if !ok {
		return b, false
	}
	if err := r.Socket(&m.s.Thread, fd, &m.sock); err != nil {
		return b, false
	}
	s := printers.Socket(m.sock)
	return m.socks.Append(b, &s, hex)
}

// mem returns the memory decoders read for the event of s.
func (t *Tracer) mem(s *loop.State) printers.Mem {
	t.pm.s = s
	t.pm.fdp = nil
	if t.cfg.FDPaths || len(t.cfg.Paths) > 0 {
		t.pm.fdp, _ = s.OS().(guestos.FDPather)
	}
	return &t.pm
}
