package guestlab

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDirNotBuilt(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(root, "go.mod"), []byte("module x\n"), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(root, "a", "b"), 0o755))
	t.Chdir(filepath.Join(root, "a", "b"))
	_, err := Dir()
	assert.ErrorIs(t, err, ErrNotBuilt)
	assert.ErrorContains(t, err, "run make guest")
	assert.ErrorContains(t, err, filepath.Join(root, "build", "guest", "vmlinuz"))

	// A complete lab is found from a subdirectory.
	lab := filepath.Join(root, "build", "guest")
	require.NoError(t, os.MkdirAll(lab, 0o755))
	for _, f := range labFiles {
		require.NoError(t, os.WriteFile(filepath.Join(lab, f), nil, 0o644))
	}
	dir, err := Dir()
	require.NoError(t, err)
	assert.Equal(t, lab, dir)
}
