//go:build !libvmi

package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestXenWithoutLibvmi: -d in a build without libvmi says how to get Xen.
func TestXenWithoutLibvmi(t *testing.T) {
	code, stderr := profileRun(t, "-d", "domU")
	assert.Equal(t, exitGuest, code)
	assert.Equal(t, "guestrace: -d domU: xen: this guestrace was built without Xen support; install libvmi and run make build-xen\n", stderr)
}
