package tracer

import (
	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/printers"
)

// argKinder is a decoder that says what each argument is; the path
// filter (-P) needs it to find the paths and descriptors of a call.
type argKinder interface{ ArgKinds() []printers.ArgKind }

// touchesPath reports whether a call names one of the -P paths: by a path
// argument, as strace compares them (the string as the call gives it), or
// through a descriptor argument whose file has that path. A decoder that
// does not list its arguments is taken to have a descriptor first when
// first says so.
func (t *Tracer) touchesPath(e *entry, args *output.Args, m printers.Mem) bool {
	if e.name == "close_range" {
		return false // a range of descriptors, which strace does not match
	}
	for i, k := range e.kinds {
		if i >= len(args) {
			break
		}
		switch k {
		case printers.KindPath:
			if t.pathArg(args[i], m) {
				return true
			}
		case printers.KindFD, printers.KindDirFD:
			if t.fdArg(int32(args[i]), m) {
				return true
			}
		}
	}
	return false
}

// pathArg reads a path argument and compares it with the -P paths.
func (t *Tracer) pathArg(addr uint64, m printers.Mem) bool {
	if addr == 0 {
		return false
	}
	if cap(t.pathBuf) < maxPath {
		t.pathBuf = make([]byte, maxPath)
	}
	buf := t.pathBuf[:maxPath]
	n, nul, err := printers.ReadString(m, addr, buf)
	if err != nil || !nul {
		return false
	}
	return t.isPath(buf[:n])
}

// fdArg compares the path of a descriptor with the -P paths.
func (t *Tracer) fdArg(fd int32, m printers.Mem) bool {
	p, ok := m.(printers.FDPather)
	if !ok || fd < 0 {
		return false
	}
	d, ok := p.FDPath(fd)
	return ok && t.isPath(d.Path)
}

func (t *Tracer) isPath(p []byte) bool {
	for _, want := range t.cfg.Paths {
		if string(p) == want {
			return true
		}
	}
	return false
}

// maxPath is PATH_MAX: the longest path argument read.
const maxPath = 4096
