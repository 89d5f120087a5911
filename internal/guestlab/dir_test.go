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
	t.Setenv(KernelEnv, "")
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

func TestDirFor(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(root, "go.mod"), []byte("module x\n"), 0o644))
	t.Chdir(root)
	t.Setenv(KernelEnv, "")

	// The default series lives in build/guest, the others next to it.
	_, err := DirFor("6.12")
	assert.ErrorIs(t, err, ErrNotBuilt)
	assert.ErrorContains(t, err, "run make guest KERNEL=6.12")
	assert.ErrorContains(t, err, filepath.Join(root, "build", "guest-6.12", "vmlinuz"))
	for _, k := range Kernels {
		name := "guest-" + k
		if k == DefaultKernel {
			name = "guest"
		}
		lab := filepath.Join(root, "build", name)
		require.NoError(t, os.MkdirAll(lab, 0o755))
		for _, f := range labFiles {
			require.NoError(t, os.WriteFile(filepath.Join(lab, f), nil, 0o644))
		}
		dir, err := DirFor(k)
		require.NoError(t, err)
		assert.Equal(t, lab, dir, k)
	}

	// "" is the default series, or GUESTRACE_KERNEL's.
	dir, err := DirFor("")
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(root, "build", "guest"), dir)
	t.Setenv(KernelEnv, "7.2")
	assert.Equal(t, "7.2", Kernel())
	dir, err = Dir()
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(root, "build", "guest-7.2"), dir)

	// A series the lab does not build is named in the error.
	t.Setenv(KernelEnv, "4.19")
	_, err = Dir()
	assert.ErrorIs(t, err, ErrUnknownKernel)
	assert.ErrorContains(t, err, `"4.19"`)
	_, err = DirFor("6.2")
	assert.ErrorIs(t, err, ErrUnknownKernel)
}
