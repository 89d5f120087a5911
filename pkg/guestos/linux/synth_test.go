package linux

import (
	"testing"

	"github.com/guestrace/guestrace/pkg/guestos/x86"
	"github.com/guestrace/guestrace/pkg/guestos/x86/x86test"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// A synthetic Linux guest: a kernel image placed by KASLR, real page
// tables (the kernel's, a process's and a KPTI user table), per-CPU areas,
// task_structs on a task list, a vmalloc'd stack holding pt_regs, and a
// user page with a path. Offsets are those of Debian's 6.1 kernel.

const (
	linkText     = 0xffffffff81000000
	linkEtext    = 0xffffffff82000000
	linkBanner   = 0xffffffff82000100
	linkPOB      = 0xffffffff82000800 // page_offset_base
	linkVMB      = 0xffffffff82000808 // vmalloc_base
	linkTopPgt   = 0xffffffff82a0a000 // init_top_pgt, 8 KiB aligned
	linkInitTask = 0xffffffff82a0c940
	linkOpenat   = 0xffffffff8130a0b0
	linkGetppid  = 0xffffffff810b2c10
	linkIA32Open = 0xffffffff8130a0f0
	linkCompOpen = 0xffffffff8130a130
	linkDataSym  = 0xffffffff82b00000 // a __x64_sys_ symbol outside the text

	percpuCurrent = 0x1fb80
	percpuTop     = 0x1fb50 // cpu_current_top_of_stack

	offTasks, offPID, offTGID, offParent, offComm = 0x890, 0x970, 0x974, 0x980, 0xba0

	imagePhys = 0x2000000 // physical load address of the image
	imageLen  = 48 << 20

	banner = "Linux version 6.1.0-56-cloud-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.158-1 (2025-11-09)"
)

// pt_regs offsets (arch/x86/include/asm/ptrace.h).
var ptRegsOffsets = map[string]uint64{
	"r15": 0, "r14": 0x8, "r13": 0x10, "r12": 0x18, "bp": 0x20, "bx": 0x28, "r11": 0x30,
	"r10": 0x38, "r9": 0x40, "r8": 0x48, "ax": 0x50, "cx": 0x58, "dx": 0x60, "si": 0x68,
	"di": 0x70, "orig_ax": 0x78, "ip": 0x80, "cs": 0x88, "flags": 0x90, "sp": 0x98, "ss": 0xa0,
}

// task is one synthetic task_struct.
type task struct {
	va        uint64 // direct-map address (init_task: image address)
	pid, tgid uint32
	comm      string
	parent    *task
	listed    bool // on the tasks list (group leaders)
}

type synth struct {
	la57         bool
	slide        uint64
	pob, vmb     uint64 // page_offset_base, vmalloc_base
	m            *x86test.Mem
	kpt, ppt     *x86test.PageTables // kernel, process
	upt          *x86test.PageTables // KPTI user half of the kernel table
	tasks        []*task             // [0] is init_task
	thread       *task               // a non-leader thread, running on vCPU 0
	gs0, gs1     uint64              // per-CPU bases
	stack, regs  uint64              // vmalloc'd stack's top page and pt_regs in it
	userPath     uint64              // user address of a path string
	retAddr      uint64
	profile      *isf.Profile
	target       *x86test.Target
	bpOpenat     vmi.Regs // vCPU 0 at __x64_sys_openat
	bpIA32Openat vmi.Regs // vCPU 0 at __ia32_sys_openat
}

const (
	physPercpu0, physPercpu1 = 0x10000000, 0x10200000
	physTasks                = 0x11000000
	physStack                = 0x12345000
	physStackLow             = 0x12344000
	physUser                 = 0x13579000
	vaUser                   = 0x00007ffd1234a000
)

func newSynth(t testing.TB, la57 bool, slide uint64) *synth {
	t.Helper()
	s := &synth{la57: la57, slide: slide}
	s.pob, s.vmb = 0xffff9a8000000000, 0xffffb10000000000 // moved by memory KASLR
	if la57 {
		s.pob, s.vmb = 0xff11000000000000, 0xffa0000000000000
	}
	s.m = x86test.NewMem(1 << 30)
	s.kpt = x86test.NewPageTablesAt(s.m, la57, s.phys(linkTopPgt))
	s.kpt.MapRange(linkText+slide, imagePhys, imageLen, x86.LargeSize)
	s.kpt.Map(s.pob, 0, x86.HugeSize)
	s.stack = s.vmb + 0x3a000
	s.kpt.Map(s.stack, physStack, x86.PageSize)
	s.kpt.Map(s.stack-x86.PageSize, physStackLow, x86.PageSize)
	s.upt = x86test.NewPageTablesAt(s.m, la57, s.phys(linkTopPgt)+0x1000)
	s.upt.Map(linkText+slide, imagePhys, x86.LargeSize) // entry text only

	s.putImage(linkBanner, []byte(banner+"\n\x00"))
	s.m.Put64(s.phys(linkPOB), s.pob)
	s.m.Put64(s.phys(linkVMB), s.vmb)

	// Tasks: init_task in the image, the rest in the direct map.
	next := s.pob + physTasks
	newTask := func(pid, tgid uint32, comm string, parent *task, listed bool) *task {
		tk := &task{va: next, pid: pid, tgid: tgid, comm: comm, parent: parent, listed: listed}
		next += 0x3000
		s.tasks = append(s.tasks, tk)
		return tk
	}
	initTask := &task{va: linkInitTask + slide, comm: "swapper/0", listed: true}
	initTask.parent = initTask
	s.tasks = append(s.tasks, initTask)
	initProc := newTask(1, 1, "init", initTask, true)
	shell := newTask(42, 42, "sh", initProc, true)
	fileops := newTask(43, 43, "gt-fileops", shell, true)
	s.thread = newTask(44, 43, "gt-fileops", shell, false)
	_ = fileops
	s.writeTasks()

	// Per-CPU areas: current_task of CPU 0 is the thread, of CPU 1 init.
	s.gs0, s.gs1 = s.pob+physPercpu0, s.pob+physPercpu1
	s.m.Put64(physPercpu0+percpuCurrent, s.thread.va)
	s.m.Put64(physPercpu0+percpuTop, s.stack+0x1000)
	s.m.Put64(physPercpu1+percpuCurrent, initProc.va)

	// The process's table shares the kernel half and maps a user page.
	s.ppt = x86test.NewPageTables(s.m, la57)
	for i := uint64(256); i < 512; i++ {
		s.m.Put64(s.ppt.Root+i*8, s.m.Get64(s.kpt.Root+i*8))
	}
	s.ppt.Map(vaUser, physUser, x86.PageSize)
	s.userPath = vaUser + 0xff0
	s.m.MustWrite(physUser+0xff0, []byte("/tmp/x\x00"))

	// pt_regs at the top of the stack, the return address below.
	s.regs = s.stack + 0x1000 - 0xa8
	s.retAddr = linkText + slide + 0xc0007b
	put := func(reg string, v uint64) { s.m.Put64(physStack+0x1000-0xa8+ptRegsOffsets[reg], v) }
	put("di", 0xffffffffffffff9c) // AT_FDCWD
	put("si", s.userPath)
	put("dx", 0x241) // O_WRONLY|O_CREAT|O_TRUNC
	put("r10", 0o640)
	put("r8", 0x8888)
	put("r9", 0x9999)
	put("bx", 0xdeadbeefffffff9c)
	put("cx", 0x11112222)
	put("bp", 0x5555)
	// The stack pointer is a page below pt_regs, as in a real kernel.
	rsp := s.stack - 0x100
	s.m.Put64(physStackLow+0xf00, s.retAddr)

	cr4 := uint64(0x3606f0)
	if la57 {
		cr4 |= x86.CR4LA57
	}
	s.bpOpenat = vmi.Regs{
		RIP: linkOpenat + slide, RDI: s.regs, RSP: rsp, RAX: 0x101,
		CS: 0x10, SS: 0x18, CR0: 0x80050033, CR3: s.ppt.Root | 0x5, CR4: cr4, EFER: 0xd01,
		GSBase: s.gs0, KernelGSBase: 0x7f0000001000,
	}
	s.bpIA32Openat = s.bpOpenat
	s.bpIA32Openat.RIP = linkIA32Open + slide
	user := vmi.Regs{
		RIP: 0x401000, RSP: 0x7ffd12349f00, CS: 0x33, SS: 0x2b,
		CR0: 0x80050033, CR3: s.upt.Root | 0x801, CR4: cr4, EFER: 0xd01,
		GSBase: 0, KernelGSBase: s.gs1,
	}
	s.target = x86test.NewTarget(s.m, s.bpOpenat, user)
	s.profile = s.makeProfile()
	return s
}

// phys is the physical address of a link-time image address.
func (s *synth) phys(link uint64) uint64 { return link - linkText + imagePhys }

func (s *synth) putImage(link uint64, b []byte) { s.m.MustWrite(s.phys(link), b) }

// taskPhys is the physical address of a task.
func (s *synth) taskPhys(tk *task) uint64 {
	if tk.va >= kernelMap {
		return s.phys(tk.va - s.slide)
	}
	return tk.va - s.pob
}

// writeTasks writes every task_struct and links the listed ones.
func (s *synth) writeTasks() {
	var listed []*task
	for _, tk := range s.tasks {
		if tk.listed {
			listed = append(listed, tk)
		}
	}
	for i, tk := range s.tasks {
		pa := s.taskPhys(tk)
		s.m.Put32(pa+offPID, tk.pid)
		s.m.Put32(pa+offTGID, tk.tgid)
		var comm [16]byte
		copy(comm[:], tk.comm)
		s.m.MustWrite(pa+offComm, comm[:])
		s.m.Put64(pa+offParent, tk.parent.va)
		_ = i
	}
	for i, tk := range listed {
		nx, pv := listed[(i+1)%len(listed)], listed[(i+len(listed)-1)%len(listed)]
		s.m.Put64(s.taskPhys(tk)+offTasks, nx.va+offTasks)
		s.m.Put64(s.taskPhys(tk)+offTasks+8, pv.va+offTasks)
	}
}

func (s *synth) makeProfile() *isf.Profile {
	ptr := isf.Type{Kind: isf.KindPointer}
	u32 := isf.Type{Kind: isf.KindBase, Name: "int"}
	p := &isf.Profile{
		Metadata: isf.Metadata{Format: isf.FormatVersion, Linux: &isf.UnixMetadata{}},
		Symbols: map[string]isf.Symbol{
			"_text":                    {Address: linkText},
			"_stext":                   {Address: linkText},
			"_etext":                   {Address: linkEtext},
			"linux_banner":             {Address: linkBanner, ConstantData: []byte(banner + "\n\x00")},
			"page_offset_base":         {Address: linkPOB},
			"vmalloc_base":             {Address: linkVMB},
			"init_top_pgt":             {Address: linkTopPgt},
			"init_task":                {Address: linkInitTask},
			"current_task":             {Address: percpuCurrent},
			"cpu_current_top_of_stack": {Address: percpuTop},
			"do_syscall_64":            {Address: linkText + 0x3ef0},
			"__x86_return_thunk":       {Address: linkText + 0xe01ef0},
			"_find_next_bit":           {Address: linkText + 0x59ef00},
			"__x64_sys_openat":         {Address: linkOpenat},
			"__x64_sys_getppid":        {Address: linkGetppid},
			"__x64_sys_getppid.cold":   {Address: linkGetppid + 0x80000}, // not an entry
			"__ia32_sys_openat":        {Address: linkIA32Open},
			"__ia32_compat_sys_openat": {Address: linkCompOpen},
			"__x64_sys_not_code":       {Address: linkDataSym},
			"sys_call_table":           {Address: linkDataSym + 0x100},
		},
		UserTypes: map[string]isf.UserType{
			"task_struct": {Kind: "struct", Size: 0x2540, Fields: map[string]isf.Field{
				"tasks":       {Offset: offTasks, Type: isf.Type{Kind: isf.KindStruct, Name: "list_head"}},
				"pid":         {Offset: offPID, Type: u32},
				"tgid":        {Offset: offTGID, Type: u32},
				"real_parent": {Offset: offParent, Type: ptr},
				"comm":        {Offset: offComm, Type: isf.Type{Kind: isf.KindArray, Count: 16}},
			}},
			"pt_regs": {Kind: "struct", Size: 0xa8, Fields: map[string]isf.Field{}},
		},
	}
	for name, off := range ptRegsOffsets {
		p.UserTypes["pt_regs"].Fields[name] = isf.Field{Offset: off, Type: isf.Type{Kind: isf.KindBase, Name: "unsigned long"}}
	}
	return p
}
