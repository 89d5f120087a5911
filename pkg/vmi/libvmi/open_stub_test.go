//go:build !libvmi

package libvmi

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/guestrace/guestrace/pkg/vmi"
)

func TestOpenWithoutLibvmi(t *testing.T) {
	tg, err := Open(context.Background(), "guest", Options{})
	assert.Nil(t, tg)
	assert.Equal(t, "this guestrace was built without Xen support; install libvmi and run make build-xen", err.Error())
	assert.True(t, errors.Is(err, vmi.ErrUnsupported))
	assert.False(t, Built)
}
