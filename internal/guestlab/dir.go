// Package guestlab boots the lab guest built by `make guest` (Debian's
// cloud kernel, a busybox initramfs with the workload programs) under
// QEMU for tests: console access, shell commands, QEMU's GDB stub and QMP
// sockets, and memory dumps.
package guestlab

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrNotBuilt means build/guest is missing or incomplete.
var ErrNotBuilt = errors.New("guestlab: lab guest not built: run make guest")

// labFiles are what Boot needs from build/guest.
var labFiles = []string{"vmlinuz", "initramfs.cpio.gz", "VERSION"}

// Dir returns the absolute path of build/guest, found by walking up from
// the working directory to the directory holding go.mod.
func Dir() (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(root, "build", "guest")
	for _, f := range labFiles {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			return "", fmt.Errorf("%w (%s is missing)", ErrNotBuilt, filepath.Join(dir, f))
		}
	}
	return dir, nil
}

// moduleRoot is the nearest directory at or above the working directory
// that holds go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("guestlab: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("guestlab: no go.mod above the working directory: %w", ErrNotBuilt)
		}
		dir = parent
	}
}
