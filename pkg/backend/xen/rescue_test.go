package xen

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/backend"
)

// The CLI starts a guard for every backend with a Rescue: Xen guests get
// one, which undoes what a killed guestrace left (libvmi.Rescue).
func TestXenHasRescue(t *testing.T) {
	b, err := backend.Lookup("xen")
	require.NoError(t, err)
	assert.NotNil(t, b.Rescue)
}
