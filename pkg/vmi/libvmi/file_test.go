package libvmi

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/vmi"
)

func TestFileModeRegsFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "regs.json")
	want := []vmi.Regs{{RIP: 0xffffffff81000040, CR3: 0x1234000, GSBase: 0xffff88801f000000, CS: 0x10}, {RIP: 1}}
	require.NoError(t, SaveRegs(path, want))

	f := newFake(1)
	tg, err := newTarget(f, "mem.raw", Options{File: true, RegsFile: path, NoSignals: true})
	require.NoError(t, err)
	defer tg.Close()
	assert.Empty(t, f.takeCalls(), "a dump has no pause, no altp2m, no events")
	assert.Equal(t, 2, tg.NumVCPUs())

	var r vmi.Regs
	require.NoError(t, tg.Regs(0, &r))
	assert.Equal(t, want[0], r)
	assert.True(t, errors.Is(tg.Regs(2, &r), vmi.ErrNoVCPU))
	assert.True(t, errors.Is(tg.SetRegs(0, &r), vmi.ErrUnsupported))
	err = tg.InsertBreakpoint(0xffffffff81000040)
	assert.True(t, errors.Is(err, vmi.ErrUnsupported))
	assert.Equal(t, "mem.raw: breakpoints: a memory dump has no events: unsupported", err.Error())
	assert.True(t, errors.Is(tg.Wait(context.Background(), &vmi.Event{}), vmi.ErrUnsupported))
	require.NoError(t, tg.Pause())
	require.NoError(t, tg.Unpause())
	require.NoError(t, tg.Close())
	assert.Equal(t, []string{"vmi_destroy"}, f.takeCalls())
}

func TestFileModeWithoutRegs(t *testing.T) {
	tg, err := newTarget(newFake(1), "mem.raw", Options{File: true, NoSignals: true})
	require.NoError(t, err)
	defer tg.Close()
	var r vmi.Regs
	err = tg.Regs(0, &r)
	assert.True(t, errors.Is(err, vmi.ErrUnsupported))
	assert.Equal(t, "mem.raw: a memory dump has no registers (give Options.RegsFile): unsupported", err.Error())
}

func TestLoadRegsErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, data, want string }{
		{"json", `{"format":`, `: not a guestrace registers file: unexpected end of JSON input`},
		{"format", `{"format":"x","vcpus":[{}]}`, `: not a guestrace registers file: format "x", want "guestrace-regs/1"`},
		{"empty", `{"format":"guestrace-regs/1","vcpus":[]}`, `: not a guestrace registers file: no vCPUs`},
		{"negative", `{"format":"guestrace-regs/1","vcpus":[{"RIP":-1}]}`, `: not a guestrace registers file: json: cannot unmarshal number -1 into Go struct field Regs.vcpus.RIP of type uint64`},
	} {
		path := filepath.Join(dir, tc.name)
		require.NoError(t, os.WriteFile(path, []byte(tc.data), 0o644))
		_, err := LoadRegs(path)
		require.Error(t, err, tc.name)
		assert.True(t, errors.Is(err, ErrBadRegsFile), tc.name)
		assert.Equal(t, path+tc.want, err.Error(), tc.name)
	}
	_, err := LoadRegs(filepath.Join(dir, "missing"))
	assert.True(t, errors.Is(err, os.ErrNotExist))
}

func FuzzParseRegs(f *testing.F) {
	f.Add([]byte(`{"format":"guestrace-regs/1","vcpus":[{"RIP":18446744073709551615,"CR3":4096}]}`))
	f.Add([]byte(`{"format":"guestrace-regs/1","vcpus":[{}, {}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		regs, err := parseRegs("f", data)
		if err == nil && len(regs) == 0 {
			t.Fatal("accepted a file with no vCPUs")
		}
	})
}
