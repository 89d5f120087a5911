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
	"slices"
	"strings"
)

// Sentinel errors, wrapped with %w.
var (
	// ErrNotBuilt means the lab directory is missing or incomplete.
	ErrNotBuilt = errors.New("guestlab: lab guest not built")
	// ErrUnknownKernel means a kernel series the lab cannot build.
	ErrUnknownKernel = errors.New("guestlab: unknown kernel series")
)

// labFiles are what Boot needs from a lab directory.
var labFiles = []string{"vmlinuz", "initramfs.cpio.gz", "VERSION"}

// DefaultKernel is the series `make guest` builds into build/guest.
const DefaultKernel = "6.1"

// Kernels are the series of the kernel matrix, oldest first: Debian's
// cloud kernels of bullseye, bookworm, trixie and sid
// (scripts/kernels.list), built by `make guest KERNEL=<series>`.
var Kernels = []string{"5.10", "6.1", "6.12", "7.2"}

// KernelEnv names the environment variable that picks the kernel of
// guests booted with no Options.Kernel (and of Dir): e.g.
// GUESTRACE_KERNEL=6.12 go test ./... runs the suite on 6.12.
const KernelEnv = "GUESTRACE_KERNEL"

// Kernel is the series guests boot by default: $GUESTRACE_KERNEL, or
// DefaultKernel.
func Kernel() string {
	if k := os.Getenv(KernelEnv); k != "" {
		return k
	}
	return DefaultKernel
}

// Dir returns the absolute path of the default kernel's lab (see Kernel;
// build/guest unless GUESTRACE_KERNEL names another series), found by
// walking up from the working directory to the directory holding go.mod.
func Dir() (string, error) { return DirFor("") }

// DirFor returns the absolute path of the lab built for a kernel series:
// build/guest for DefaultKernel, build/guest-<series> for the others;
// "" means Kernel().
func DirFor(kernel string) (string, error) {
	if kernel == "" {
		kernel = Kernel()
	}
	if !slices.Contains(Kernels, kernel) {
		return "", fmt.Errorf("%w %q (have %s)", ErrUnknownKernel, kernel, strings.Join(Kernels, ", "))
	}
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	name, build := "guest", "make guest"
	if kernel != DefaultKernel {
		name, build = "guest-"+kernel, "make guest KERNEL="+kernel
	}
	dir := filepath.Join(root, "build", name)
	for _, f := range labFiles {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			return "", fmt.Errorf("%w: run %s (%s is missing)", ErrNotBuilt, build, filepath.Join(dir, f))
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
