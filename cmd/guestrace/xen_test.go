//go:build !libvmi

package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestXenWithoutLibvmi: -d in a build without libvmi says how to get Xen,
// alone when --connect xen:/// asks for Xen, next to what libvirt says
// otherwise.
func TestXenWithoutLibvmi(t *testing.T) {
	code, stderr := profileRun(t, "-d", "domU", "--connect", "xen:///")
	assert.Equal(t, exitGuest, code)
	assert.Equal(t, "guestrace: -d domU: this guestrace was built without Xen support; install libvmi and run make build-xen\n", stderr)

	t.Setenv("LIBVIRT_DEFAULT_URI", "qemu:///system?socket=/nonexistent/libvirt-sock")
	code, stderr = profileRun(t, "-d", "domU")
	assert.Equal(t, exitGuest, code)
	assert.Equal(t, `guestrace: -d domU: no such guest "domU" (xen: this guestrace was built without Xen support; install libvmi and run make build-xen; `+
		`libvirt: libvirt qemu:///system?socket=/nonexistent/libvirt-sock: no libvirt daemon at /nonexistent/libvirt-sock (is libvirtd running?))`+"\n", stderr)
}
