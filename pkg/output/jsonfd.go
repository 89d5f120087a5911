package output

import "bytes"

// appendFDPaths appends the JSON field "fd_paths" under -y: each
// descriptor argument and returned descriptor that was printed with its
// path (3</tmp/x>, AT_FDCWD</root>), by the descriptor as printed, with
// the path as strace escapes it: {"3":"/tmp/x","AT_FDCWD":"/root"}.
// Descriptors inside structures are left out.
func appendFDPaths(b []byte, entry []byte, spans []Span, end int) []byte {
	n := 0
	add := func(text []byte) {
		fd, path, ok := fdPath(text)
		if !ok {
			return
		}
		if n == 0 {
			b = append(b, `,"fd_paths":{`...)
		} else {
			b = append(b, ',')
		}
		n++
		b = AppendJSONString(b, fd)
		b = append(b, ':')
		b = AppendJSONString(b, path)
	}
	for _, s := range spans {
		add(entry[s.Start:s.End])
	}
	if end >= 0 && end <= len(entry) {
		if i := bytes.Index(entry[end:], []byte("= ")); i >= 0 {
			add(entry[end+i+2:])
		}
	}
	if n > 0 {
		b = append(b, '}')
	}
	return b
}

// fdPath splits "3</tmp/x>" (or "AT_FDCWD</tmp>", "8</x>(deleted)") into
// the descriptor and the path.
func fdPath(text []byte) (fd, path []byte, ok bool) {
	i := bytes.IndexByte(text, '<')
	if i <= 0 {
		return nil, nil, false
	}
	fd = text[:i]
	if string(fd) != "AT_FDCWD" {
		for j, c := range fd {
			if (c < '0' || c > '9') && !(j == 0 && c == '-') {
				return nil, nil, false
			}
		}
	}
	rest := bytes.TrimSuffix(text[i+1:], []byte("(deleted)"))
	// The path's own '<' and '>' are escaped: the first '>' that closes
	// it is the last one but for -yy's <char 1:3>.
	j := bytes.LastIndexByte(rest, '>')
	if j < 0 {
		return nil, nil, false
	}
	path = rest[:j]
	if k := bytes.Index(path, []byte("<char ")); k >= 0 {
		path = path[:k]
	} else if k := bytes.Index(path, []byte("<block ")); k >= 0 {
		path = path[:k]
	}
	return fd, path, true
}
