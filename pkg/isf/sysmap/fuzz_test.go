package sysmap

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/libvmiconf"
)

// FuzzBuild feeds arbitrary System.map text and offsets to Build: it must
// return a profile or an error, never panic, and a profile must be valid
// ISF holding what the Linux layer requires.
func FuzzBuild(f *testing.F) {
	for _, name := range []string{"mini.map", "pcpu_hot.map", "debian-stub.map"} {
		f.Add(readTestdata(f, name), uint16(0x890), uint16(0x8e0), uint16(0x970), uint16(0xba0))
	}
	f.Add([]byte("ffffffff81000000 T init_task\r\n0000000000000010 A current_task\tx\n"), uint16(0), uint16(16), uint16(24), uint16(32))
	f.Add([]byte("ffffffff82000000 D init_task\n0 D pcpu_hot\n\n"), uint16(0x40), uint16(0x10), uint16(0x20), uint16(0x30))
	f.Fuzz(func(t *testing.T, data []byte, tasks, mm, pid, name uint16) {
		off := libvmiconf.LinuxOffsets{Tasks: uint64(tasks), MM: uint64(mm), PID: uint64(pid), Name: uint64(name)}
		p, err := Build(data, "fuzz.map", off)
		if err != nil {
			require.Nil(t, p)
			return
		}
		require.NoError(t, p.Validate())
		for field, want := range map[string]uint64{"pid": off.PID, "tgid": off.PID + 4, "comm": off.Name, "tasks": off.Tasks} {
			got, err := p.FieldOffset("task_struct", field)
			require.NoError(t, err)
			assert.Equal(t, want, got, field)
		}
		_, ok := p.SymbolAddress("init_task")
		require.True(t, ok)
		_, ok = p.SymbolAddress("current_task")
		require.True(t, ok || p.HasField("pcpu_hot", "current_task"))
		require.True(t, p.HasField("pt_regs", "di"))
	})
}
