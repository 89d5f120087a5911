package libvmiconf

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
)

// Paths lists where libvmi looks for its configuration, in its order
// (libvmi/core.c): the working directory's libvmi.conf, ~SUDO_USER/etc,
// ~/etc, then /etc. libvmi uses the first file it can open.
func Paths() []string {
	var paths []string
	if cwd, err := os.Getwd(); err == nil {
		paths = append(paths, filepath.Join(cwd, "libvmi.conf"))
	}
	if su := os.Getenv("SUDO_USER"); su != "" {
		if u, err := user.Lookup(su); err == nil && u.HomeDir != "" {
			paths = append(paths, filepath.Join(u.HomeDir, "etc", "libvmi.conf"))
		}
	}
	if home := os.Getenv("HOME"); home != "" {
		paths = append(paths, filepath.Join(home, "etc", "libvmi.conf"))
	}
	return append(paths, "/etc/libvmi.conf")
}

// Find reads the entry for domain from the first configuration file libvmi
// would read. It returns the file's path with the entry; a file without the
// entry is an error (ErrNoEntry) and later files are not consulted, as in
// libvmi.
func Find(domain string) (*Entry, string, error) {
	return FindIn(Paths(), domain)
}

// FindIn is Find over an explicit list of candidate files.
func FindIn(paths []string, domain string) (*Entry, string, error) {
	for _, p := range paths {
		data, err := readFile(p)
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
			continue // libvmi's fopen failed: it tries the next place
		}
		if err != nil {
			return nil, p, err
		}
		entries, err := Parse(data)
		if err != nil {
			return nil, p, fmt.Errorf("%s: %w", p, err)
		}
		e, ok := Lookup(entries, domain)
		if !ok {
			return nil, p, fmt.Errorf("%s: %w %q", p, ErrNoEntry, domain)
		}
		return e, p, nil
	}
	return nil, "", fmt.Errorf("%w (looked at %v)", ErrNoFile, paths)
}

func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s: %w: larger than %d bytes", path, ErrSyntax, MaxSize)
	}
	return data, nil
}
