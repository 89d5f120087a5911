package printers

import (
	"bytes"
	"strconv"
)

// FDDesc is what a file descriptor refers to, as strace's -y and -yy
// print it after the number.
type FDDesc struct {
	// Path is what the kernel's d_path gives: a path, or socket:[INODE],
	// pipe:[INODE], anon_inode:[eventfd]. Untrusted guest bytes: escaped
	// when printed.
	Path []byte
	// Char and Block say the file is a device (-yy prints <char 1:3>),
	// of number Major:Minor.
	Char, Block  bool
	Major, Minor uint32
	// Deleted says the file has no name any more: strace prints
	// "(deleted)" after the closing '>'.
	Deleted bool
}

// FDPather is a Mem that can also say what the traced process's file
// descriptors refer to (strace's -y). The tracer's memory implements it
// when the OS layer can walk the process's file table.
type FDPather interface {
	// FDPath describes descriptor fd of the process whose memory this
	// is; ok is false when the descriptor is not open or cannot be read.
	FDPath(fd int32) (d FDDesc, ok bool)
}

// AppendFD appends a file descriptor as strace prints it: the number
// and, under -y when m can say, <PATH> (strace's printfd).
func AppendFD(b []byte, fd int32, m Mem, o *Options) []byte {
	b = strconv.AppendInt(b, int64(fd), 10)
	if o.PathLevel() == 0 || fd < 0 {
		return b
	}
	p, ok := m.(FDPather)
	if !ok {
		return b
	}
	d, ok := p.FDPath(fd)
	if !ok {
		return b
	}
	if o.PathLevel() > 1 && isSocketPath(d.Path) {
		if s, ok := m.(SocketDescriber); ok {
			if sb, ok := s.AppendSocket(append(b, '<'), fd, o.HexLevel()); ok {
				return append(sb, '>')
			}
		}
	}
	return AppendFDDesc(b, &d, o)
}

// isSocketPath says path is a socket's name, socket:[INODE] (strace's
// printsocket: a non-zero decimal inode).
func isSocketPath(p []byte) bool {
	rest, ok := bytes.CutPrefix(p, []byte("socket:["))
	if !ok || len(rest) < 2 || rest[len(rest)-1] != ']' {
		return false
	}
	nonzero := false
	for _, c := range rest[:len(rest)-1] {
		if c < '0' || c > '9' {
			return false
		}
		nonzero = nonzero || c != '0'
	}
	return nonzero
}

// AppendFDDesc appends <PATH> and, under -yy, a device's <char M:m>.
func AppendFDDesc(b []byte, d *FDDesc, o *Options) []byte {
	b = append(b, '<')
	b = AppendEscaped(b, d.Path, o.HexLevel(), "<>")
	if o.PathLevel() > 1 && (d.Char || d.Block) {
		if d.Char {
			b = append(b, "<char "...)
		} else {
			b = append(b, "<block "...)
		}
		b = strconv.AppendUint(b, uint64(d.Major), 10)
		b = append(b, ':')
		b = strconv.AppendUint(b, uint64(d.Minor), 10)
		b = append(b, '>')
	}
	b = append(b, '>')
	if d.Deleted {
		b = append(b, "(deleted)"...)
	}
	return b
}
