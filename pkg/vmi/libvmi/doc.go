// Package libvmi is guestrace's Xen backend: a vmi.Target over libvmi
// (cgo, build tag libvmi; the default build has only a stub whose Open
// says how to get it).
//
// Breakpoints are stealthy, as in the original guestrace: they live in
// copies of the kernel's pages mapped into an altp2m view the vCPUs run
// in, while the guest's own frames keep the original code. After a hit,
// the vCPU executes the original instruction with one single step in the
// host's view and goes back to the shadow view. See shadow.go and
// events.go.
//
// Open with Options.File opens a raw physical-memory dump with libvmi's
// file driver instead: memory reads only, registers from a side file
// (SaveRegs). That is how the backend is tested where there is no Xen.
package libvmi

import "github.com/guestrace/guestrace/pkg/vmi"

// ErrNotBuilt is Open's error in a build without libvmi: one line saying
// how to get Xen support, wrapping vmi.ErrUnsupported.
var ErrNotBuilt error = notBuilt{}

type notBuilt struct{}

func (notBuilt) Error() string {
	return "this guestrace was built without Xen support; install libvmi and run make build-xen"
}

func (notBuilt) Unwrap() error { return vmi.ErrUnsupported }
