package sysmap

import (
	"errors"
	"fmt"

	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/libvmiconf"
)

// ErrNotX86 means the System.map is not an x86-64 kernel's: the facts
// below hold for x86-64 only.
var ErrNotX86 = errors.New("not an x86-64 kernel's System.map")

const (
	// kernelMap is __START_KERNEL_map: x86-64 kernels are linked in the
	// GiB above it (arch/x86/include/asm/page_64_types.h).
	kernelMap = 0xffffffff80000000
	imageSize = 1 << 30
	// maxOffset bounds libvmi's offsets as the Linux layer bounds a
	// profile's: task_struct is under 16 KiB in every kernel.
	maxOffset = 1 << 16
	// commLen is TASK_COMM_LEN, 16 since Linux 2.6.
	commLen = 16
)

// derive adds to p the types the Linux layer reads: task_struct
// from libvmi's offsets and what stands next to them, list_head,
// mm_struct.pgd when given, pt_regs, and pcpu_hot on kernels that keep the
// current task there.
func derive(p *isf.Profile, off libvmiconf.LinuxOffsets) error {
	if err := checkOffsets(off); err != nil {
		return err
	}
	it, ok := p.Symbols["init_task"]
	if !ok {
		return fmt.Errorf("%w: it lacks the symbol init_task (the head of the task list): %s", ErrMissing, fullProfile)
	}
	if it.Address < kernelMap || it.Address-kernelMap >= imageSize {
		return fmt.Errorf("%w: init_task at %#x is not in the kernel image at %#x", ErrNotX86, it.Address, uint64(kernelMap))
	}
	if err := currentTask(p); err != nil {
		return err
	}
	p.UserTypes["task_struct"] = taskStruct(off)
	p.UserTypes["list_head"] = listHead()
	p.UserTypes["mm_struct"] = mmStruct(off)
	p.UserTypes["pt_regs"] = ptRegs()
	return nil
}

// checkOffsets rejects offsets past any task_struct and members that
// overlap (pid spans tgid too: see taskStruct).
func checkOffsets(off libvmiconf.LinuxOffsets) error {
	spans := []struct {
		key     string
		at, len uint64
	}{
		{"linux_pid", off.PID, 8}, {"linux_name", off.Name, commLen},
		{"linux_tasks", off.Tasks, 16}, {"linux_mm", off.MM, 8},
	}
	for i, a := range spans {
		if a.at >= maxOffset {
			return fmt.Errorf("%w: %s = %#x is past any task_struct (%#x bytes)", ErrBadOffset, a.key, a.at, maxOffset)
		}
		for _, b := range spans[:i] {
			if a.at < b.at+b.len && b.at < a.at+a.len {
				return fmt.Errorf("%w: %s = %#x overlaps %s = %#x", ErrBadOffset, a.key, a.at, b.key, b.at)
			}
		}
	}
	if off.HasPGD && off.PGD >= maxOffset {
		return fmt.Errorf("%w: linux_pgd = %#x is past any mm_struct (%#x bytes)", ErrBadOffset, off.PGD, maxOffset)
	}
	return nil
}

// currentTask makes sure the Linux layer finds the per-CPU pointer to the
// running task. Linux 2.6.30 to 6.1, and 6.15 on, have the per-CPU
// variable current_task, a System.map symbol (before 2.6.30 x86-64 kept
// it in its PDA, which this package does not handle). 6.2 to 6.14 moved it
// into the per-CPU struct pcpu_hot as its first member, offset 0, which a
// System.map cannot say: it is added here.
func currentTask(p *isf.Profile) error {
	if _, ok := p.Symbols["current_task"]; ok {
		return nil
	}
	if _, ok := p.Symbols["pcpu_hot"]; ok {
		p.UserTypes["pcpu_hot"] = isf.UserType{Kind: isf.KindStruct, Size: 64, Fields: map[string]isf.Field{
			"current_task": {Type: pointerTo("task_struct"), Offset: 0},
		}}
		return nil
	}
	return fmt.Errorf("%w: it has neither current_task nor pcpu_hot, the per-CPU current task: %s", ErrMissing, fullProfile)
}

// taskStruct lays out the members libvmi names, plus tgid: "pid_t pid;
// pid_t tgid;" are adjacent in struct task_struct (include/linux/sched.h)
// in every kernel with a per-CPU current_task (2.6.30 on, which
// currentTask requires), so tgid is 4 bytes after linux_pid. The size is
// unknown; nothing reads it. real_parent is left out: after tgid comes
// stack_canary or not depending on CONFIG_STACKPROTECTOR, so a System.map
// cannot tell its offset (the Linux layer finds it in the guest).
func taskStruct(off libvmiconf.LinuxOffsets) isf.UserType {
	return isf.UserType{Kind: isf.KindStruct, Fields: map[string]isf.Field{
		"pid":   {Type: base("int"), Offset: off.PID},
		"tgid":  {Type: base("int"), Offset: off.PID + 4},
		"comm":  {Type: isf.Type{Kind: isf.KindArray, Count: commLen, Subtype: ptr(base("char"))}, Offset: off.Name},
		"tasks": {Type: isf.Type{Kind: isf.KindStruct, Name: "list_head"}, Offset: off.Tasks},
		"mm":    {Type: pointerTo("mm_struct"), Offset: off.MM},
	}}
}

// listHead is struct list_head { next, prev }, unchanged since Linux 2.0.
func listHead() isf.UserType {
	return isf.UserType{Kind: isf.KindStruct, Size: 16, Fields: map[string]isf.Field{
		"next": {Type: pointerTo("list_head"), Offset: 0},
		"prev": {Type: pointerTo("list_head"), Offset: 8},
	}}
}

// mmStruct has pgd when the entry gives linux_pgd.
func mmStruct(off libvmiconf.LinuxOffsets) isf.UserType {
	t := isf.UserType{Kind: isf.KindStruct, Fields: map[string]isf.Field{}}
	if off.HasPGD {
		t.Fields["pgd"] = isf.Field{Type: isf.Type{Kind: isf.KindPointer, Subtype: ptr(base("void"))}, Offset: off.PGD}
	}
	return t
}

// ptRegsOrder is struct pt_regs on x86-64 (arch/x86/include/asm/ptrace.h),
// one 8-byte slot each: the order the entry code pushes the registers in,
// part of the kernel's ABI (the layout of user_regs_struct for ptrace, the
// stack frame the system-call entry builds) and unchanged since the x86-64
// port (2.6.25 renamed rdi to di, keeping the offsets).
var ptRegsOrder = [...]string{
	"r15", "r14", "r13", "r12", "bp", "bx", "r11", "r10", "r9", "r8",
	"ax", "cx", "dx", "si", "di", "orig_ax", "ip", "cs", "flags", "sp", "ss",
}

func ptRegs() isf.UserType {
	t := isf.UserType{Kind: isf.KindStruct, Size: 8 * uint64(len(ptRegsOrder)), Fields: map[string]isf.Field{}}
	for i, name := range ptRegsOrder {
		t.Fields[name] = isf.Field{Type: base("long unsigned int"), Offset: 8 * uint64(i)}
	}
	return t
}

// baseTypes are the scalar types the derived members use, as x86-64's
// LP64 C has them.
func baseTypes() map[string]isf.BaseType {
	return map[string]isf.BaseType{
		"void":              {Size: 0, Kind: "void", Endian: "little"},
		"char":              {Size: 1, Signed: true, Kind: "char", Endian: "little"},
		"int":               {Size: 4, Signed: true, Kind: "int", Endian: "little"},
		"long unsigned int": {Size: 8, Kind: "int", Endian: "little"},
		"pointer":           {Size: 8, Kind: "int", Endian: "little"},
	}
}

func base(name string) isf.Type { return isf.Type{Kind: isf.KindBase, Name: name} }

func pointerTo(structName string) isf.Type {
	return isf.Type{Kind: isf.KindPointer, Subtype: &isf.Type{Kind: isf.KindStruct, Name: structName}}
}

func ptr(t isf.Type) *isf.Type { return &t }
