package linux

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFindRealParent: a profile without task_struct.real_parent (one made
// from a System.map) finds it in the guest, after tgid with and without a
// stack canary between; a guest where no slot fits leaves parents unknown.
func TestFindRealParent(t *testing.T) {
	for _, c := range []struct {
		name   string
		layout func(s *synth)
		want   []string
	}{
		{"stack protector", func(s *synth) {
			// real_parent at 0x980 as newSynth wrote it, the canary
			// before it, parent after it.
			init := s.taskPhys(s.tasks[0])
			s.m.Put64(init+offTGID+4, 0x5eed5eed5eed5e00)
			s.m.Put64(init+offParent+8, s.tasks[0].va)
		}, []string{"0 0 swapper/0", "1 0 init", "42 1 sh", "43 42 gt-fileops"}},
		{"no stack protector", func(s *synth) {
			// real_parent right after tgid, parent after it; parent
			// differs from real_parent under ptrace (here: itself).
			for i, tk := range s.tasks {
				s.m.Put64(s.taskPhys(tk)+offTGID+4, tk.parent.va)
				if i > 0 {
					s.m.Put64(s.taskPhys(tk)+offTGID+12, tk.va)
				}
			}
		}, []string{"0 0 swapper/0", "1 0 init", "42 1 sh", "43 42 gt-fileops"}},
		{"no match", func(s *synth) {
			// init_task's parent slot is not init_task: unknown.
			s.m.Put64(s.taskPhys(s.tasks[0])+offParent+8, 0)
		}, []string{"0 0 swapper/0", "1 0 init", "42 0 sh", "43 0 gt-fileops"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newSynth(t, false, 0x1e200000)
			delete(s.profile.UserTypes["task_struct"].Fields, "real_parent")
			c.layout(s)
			l, err := Attach(s.target, s.profile)
			require.NoError(t, err)
			procs, err := l.Processes()
			require.NoError(t, err)
			var got []string
			for _, p := range procs {
				got = append(got, fmt.Sprintf("%d %d %s", p.PID, p.PPID, p.Name()))
			}
			assert.Equal(t, c.want, got)
		})
	}
}
