// Package libvirt opens QEMU's GDB stub on a running libvirt domain, by
// the domain's name, for the QEMU backend (pkg/vmi/qemu) to trace through,
// and closes it again. It speaks libvirt's RPC protocol in pure Go
// (github.com/digitalocean/go-libvirt) and runs two HMP monitor commands,
// `gdbserver unix:DIR/gdb.sock,server=on,wait=off` and `gdbserver none`;
// the domain's definition is never changed. libvirt logs the domain as
// tainted ("custom-monitor") from the first command on.
package libvirt

import "errors"

// Sentinel errors, wrapped with %w; each message names the URI, domain,
// socket or directory concerned.
var (
	// ErrNoDaemon means no libvirt daemon answers on the URI's socket.
	ErrNoDaemon = errors.New("no libvirt daemon")
	// ErrURI means a connection URI this package cannot serve.
	ErrURI = errors.New("unsupported libvirt URI")
	// ErrNoDomain means libvirt knows no domain by that name.
	ErrNoDomain = errors.New("no such domain")
	// ErrNotRunning means the domain exists but is not running.
	ErrNotRunning = errors.New("domain not running")
	// ErrStubOpen means the domain's QEMU already has a GDB stub open,
	// someone else's: it is left alone.
	ErrStubOpen = errors.New("a gdb stub is already open")
	// ErrPermission means QEMU may not create its socket in the socket
	// directory, or guestrace may not give the directory to QEMU's user.
	ErrPermission = errors.New("permission denied on the socket directory")
	// ErrMonitor means a monitor command failed in another way.
	ErrMonitor = errors.New("qemu monitor command failed")
)
