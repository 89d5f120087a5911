package linux

import (
	"encoding/binary"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/x86/x86test"
	"github.com/guestrace/guestrace/pkg/isf"
)

func TestProfileMismatch(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(p *isf.Profile)
		want   string
	}{
		{"comm offset", func(p *isf.Profile) {
			p.UserTypes["task_struct"].Fields["comm"] = isf.Field{Offset: offComm + 8}
		}, `init_task.comm does not read "swapper/0" at any of`},
		{"init_task", func(p *isf.Profile) {
			p.Symbols["init_task"] = isf.Symbol{Address: linkInitTask + 0x1000}
		}, `init_task.comm does not read "swapper/0"`},
		{"banner", func(p *isf.Profile) {
			p.Symbols["linux_banner"] = isf.Symbol{Address: linkBanner, ConstantData: []byte("Linux version 6.1.0-57-cloud-amd64 (x) #1\n")}
		}, `profile is for "Linux version 6.1.0-57-cloud-amd64 (x) #1", guest runs "Linux version 6.1.0-56-cloud-amd64 (debian-kernel@lists.debian.org)`},
		{"pid", func(p *isf.Profile) {
			delete(p.UserTypes["task_struct"].Fields, "pid")
		}, "profile lacks task_struct.pid"},
		{"current_task", func(p *isf.Profile) {
			delete(p.Symbols, "current_task")
		}, "profile has neither the per-CPU symbol current_task nor pcpu_hot"},
		{"pt_regs", func(p *isf.Profile) {
			delete(p.UserTypes, "pt_regs")
		}, "profile has __x64_sys_* functions but lacks struct pt_regs"},
		{"windows", func(p *isf.Profile) {
			p.Metadata.Linux, p.Metadata.Windows = nil, []byte(`{}`)
		}, "profile is for windows, not Linux"},
		{"huge offset", func(p *isf.Profile) {
			p.UserTypes["task_struct"].Fields["comm"] = isf.Field{Offset: 1 << 40}
		}, "profile puts task_struct.comm at offset 0x10000000000"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newSynth(t, false, 0x1e200000)
			c.change(s.profile)
			_, err := Attach(s.target, s.profile)
			require.ErrorIs(t, err, guestos.ErrProfileMismatch)
			assert.Contains(t, err.Error(), c.want)
			assert.False(t, s.target.Paused, "left paused after a failed attach")
		})
	}
}

func TestNoLongModeVCPU(t *testing.T) {
	s := newSynth(t, false, 0)
	for i := range s.target.VCPU {
		s.target.VCPU[i].CR0 = 0x10 // paging off
	}
	_, err := Attach(s.target, s.profile)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no vCPU is in 64-bit mode with paging on")
}

// TestPcpuHot: Linux 6.2 to 6.14 keep current_task in struct pcpu_hot.
func TestPcpuHot(t *testing.T) {
	s := newSynth(t, false, 0x1e200000)
	delete(s.profile.Symbols, "current_task")
	s.profile.Symbols["pcpu_hot"] = isf.Symbol{Address: percpuCurrent - 0x40}
	s.profile.UserTypes["pcpu_hot"] = isf.UserType{Kind: "struct", Size: 0x80, Fields: map[string]isf.Field{
		"current_task": {Offset: 0x40, Type: isf.Type{Kind: isf.KindPointer}},
	}}
	l, err := Attach(s.target, s.profile)
	require.NoError(t, err)
	var th guestos.Thread
	require.NoError(t, l.Current(&s.bpOpenat, &th))
	assert.Equal(t, uint32(44), th.TID)
}

// TestRelativePercpu: without zero-based per-CPU data (Linux 6.15+) GS
// holds the CPU's offset from the variables' addresses in the image.
func TestRelativePercpu(t *testing.T) {
	const slide, linkCurrent = 0x1e200000, 0xffffffff82c1fb80
	s := newSynth(t, false, slide)
	s.profile.Symbols["current_task"] = isf.Symbol{Address: linkCurrent}
	l, err := Attach(s.target, s.profile)
	require.NoError(t, err)
	regs := s.bpOpenat
	regs.GSBase = s.gs0 + percpuCurrent - (linkCurrent + slide) // __per_cpu_offset[0]
	var th guestos.Thread
	require.NoError(t, l.Current(&regs, &th))
	assert.Equal(t, uint32(44), th.TID)
}

func TestHostileCurrent(t *testing.T) {
	s := newSynth(t, false, 0x1e200000)
	l, err := Attach(s.target, s.profile)
	require.NoError(t, err)
	var th guestos.Thread

	regs := s.bpOpenat
	regs.GSBase = 0x7f0000000000
	err = l.Current(&regs, &th)
	assert.ErrorIs(t, err, guestos.ErrBadGuestData)
	assert.Contains(t, err.Error(), "kernel GS base 0x7f0000000000 is not a kernel address")

	regs = s.bpOpenat
	regs.GSBase = s.vmb + 0x7770000 // kernel, unmapped
	assert.ErrorIs(t, l.Current(&regs, &th), guestos.ErrUnmapped)

	s.m.Put64(physPercpu0+percpuCurrent, 0x1000)
	err = l.Current(&s.bpOpenat, &th)
	assert.ErrorIs(t, err, guestos.ErrBadGuestData)
	assert.Contains(t, err.Error(), "current task 0x1000 is not a kernel address")

	s.m.Put64(physPercpu0+percpuCurrent, s.vmb+0x100000)
	assert.ErrorIs(t, l.Current(&s.bpOpenat, &th), guestos.ErrUnmapped)

	// Garbage comm: returned as raw bytes for the caller to escape; no
	// NUL means all 16 bytes.
	s.m.Put64(physPercpu0+percpuCurrent, s.thread.va)
	garbage := []byte("\xff\x1b[31mred\nline\x00\x01\x02\x03")
	s.m.MustWrite(s.taskPhys(s.thread)+offComm, garbage)
	require.NoError(t, l.Current(&s.bpOpenat, &th))
	assert.Equal(t, []byte("\xff\x1b[31mred\nline"), th.Name())
	s.m.MustWrite(s.taskPhys(s.thread)+offComm, []byte("0123456789abcdef"))
	require.NoError(t, l.Current(&s.bpOpenat, &th))
	assert.Equal(t, "0123456789abcdef", string(th.Name()))

	// pt_regs pointer into nowhere; a stack pointer into nowhere.
	var args [6]uint64
	regs = s.bpOpenat
	regs.RDI = 0xffffc90000000000 - 0x1000
	assert.ErrorIs(t, l.Args(&regs, &args), guestos.ErrUnmapped)
	regs.RSP = 0x10
	_, err = l.ReturnAddress(&regs)
	assert.ErrorIs(t, err, guestos.ErrUnmapped)
}

// TestLoopingPageTables: a kernel top-level entry pointing at the table
// itself; every walk is still one entry per level.
func TestLoopingPageTables(t *testing.T) {
	s := newSynth(t, false, 0x1e200000)
	l, err := Attach(s.target, s.profile)
	require.NoError(t, err)
	slot := s.kpt.Entry(s.pob, 4)
	s.m.Put64(slot, s.kpt.Root|x86test.Present)
	l.SetKeepKernel(false)
	var th guestos.Thread
	s.m.Reads = 0
	err = l.Current(&s.bpOpenat, &th)
	require.Error(t, err)
	assert.LessOrEqual(t, s.m.Reads, 8)

	// Beyond RAM.
	s.m.Put64(slot, 0x7_0000_0000|x86test.Present)
	err = l.Current(&s.bpOpenat, &th)
	assert.ErrorIs(t, err, guestos.ErrUnmapped)
}

func TestHostileTaskList(t *testing.T) {
	s := newSynth(t, false, 0x1e200000)
	l, err := Attach(s.target, s.profile)
	require.NoError(t, err)
	sh := s.tasks[2]

	// sh -> init -> sh -> ...: never back to init_task.
	s.m.Put64(s.taskPhys(sh)+offTasks, s.tasks[1].va+offTasks)
	procs, err := l.Processes()
	assert.ErrorIs(t, err, guestos.ErrBadGuestData)
	assert.Contains(t, err.Error(), "task list loops back to")
	assert.Len(t, procs, 3)

	// A pointer out of kernel memory.
	s.m.Put64(s.taskPhys(sh)+offTasks, 0x4141414141414141)
	_, err = l.Processes()
	assert.ErrorIs(t, err, guestos.ErrBadGuestData)

	// A pointer to unmapped kernel memory.
	s.m.Put64(s.taskPhys(sh)+offTasks, s.vmb+0x100000)
	_, err = l.Processes()
	assert.ErrorIs(t, err, guestos.ErrUnmapped)

	// A list longer than the bound.
	s.writeTasks()
	defer func(n int) { maxProcesses = n }(maxProcesses)
	maxProcesses = 2
	procs, err = l.Processes()
	assert.ErrorIs(t, err, guestos.ErrBadGuestData)
	assert.Len(t, procs, 2)
}

// FuzzLinux corrupts the synthetic guest where Linux reads (task structs,
// per-CPU area, stack, page tables, the kernel image's page directory)
// and runs Attach, Current, Args and Processes: no panic, no hang, errors
// of the documented kinds.
func FuzzLinux(f *testing.F) {
	f.Add([]byte{0, 0x08, 0x90, 8, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41})
	f.Add([]byte{3, 0x00, 0x00, 8, 0x83, 0x00, 0xa0, 0x03, 0, 0, 0, 0})
	f.Add([]byte{5, 0x0f, 0xf0, 16, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4, 5, 6, 7, 8})
	f.Fuzz(func(t *testing.T, data []byte) {
		s := newSynth(t, len(data) > 0 && data[0]&0x80 != 0, 0x1e200000)
		regions := []uint64{
			s.taskPhys(s.tasks[0]), s.taskPhys(s.tasks[1]), s.taskPhys(s.thread),
			s.kpt.Root, s.kpt.Entry(s.stack, 1) &^ 0xfff, s.kpt.Entry(linkText+s.slide, 2) &^ 0xfff,
			physPercpu0 + percpuCurrent&^0xfff, physStack,
		}
		for len(data) >= 4 {
			region := regions[int(data[0]&0x7f)%len(regions)]
			off := uint64(binary.BigEndian.Uint16(data[1:])) % 0x3000
			n := min(int(data[3]), len(data)-4)
			_ = s.m.WritePhys(region+off, data[4:4+n]) // may run past RAM
			data = data[4+n:]
		}
		check := func(err error) {
			if err != nil && !errors.Is(err, guestos.ErrUnmapped) && !errors.Is(err, guestos.ErrBadGuestData) && !errors.Is(err, guestos.ErrProfileMismatch) {
				t.Fatalf("unexpected error kind: %v", err)
			}
		}
		s.m.Reads = 0
		l, err := Attach(s.target, s.profile)
		check(err)
		if s.m.Reads > 4000 {
			t.Fatalf("attach made %d reads", s.m.Reads)
		}
		if err != nil {
			return
		}
		var th guestos.Thread
		var args [6]uint64
		check(l.Current(&s.bpOpenat, &th))
		check(l.Args(&s.bpOpenat, &args))
		_, err = l.ReturnAddress(&s.bpOpenat)
		check(err)
		_, err = l.Processes()
		check(err)
	})
}
