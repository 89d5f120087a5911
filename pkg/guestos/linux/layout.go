package linux

import (
	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/isf"
)

// maxStructOffset bounds offsets taken from a profile (a profile is a file
// from elsewhere: a wrong one must not make us read megabytes).
const maxStructOffset = 1 << 16

// layout is what Linux needs of the kernel's structures, from the profile.
type layout struct {
	// task_struct
	pid, tgid, comm, tasks uint64
	realParent             uint64 // 0: not in the profile
	// span of one read that covers pid, tgid and comm
	taskLo, taskHi uint64

	// Offset of the current task pointer from the kernel GS base: the
	// per-CPU current_task (zero-based per-CPU offset or, on kernels
	// without zero-based per-CPU data, its address) or pcpu_hot's field.
	currentTask uint64
	currentWhat string // for messages: "current_task" or "pcpu_hot.current_task"

	// struct pt_regs, for the pt_regs system-call convention
	regs ptRegs
}

// ptRegs holds offsets in struct pt_regs.
type ptRegs struct {
	di, si, dx, r10, r8, r9, bx, cx, bp uint64
	lo, hi                              uint64 // span of the x64 and ia32 argument registers
	ok                                  bool
	origAX, sp                          uint64 // the system-call number, the user stack pointer
	hasOrigAX                           bool
}

// mismatch makes an ErrProfileMismatch error.
var mismatch = guestos.Mismatch

// field is a field's offset, bounded, or a mismatch error naming it.
func field(p *isf.Profile, typ, name string) (uint64, error) {
	return guestos.Field(p, typ, name, maxStructOffset)
}

func readLayout(p *isf.Profile, needPtRegs bool) (layout, error) {
	var l layout
	var err error
	for _, f := range []struct {
		name string
		off  *uint64
	}{{"pid", &l.pid}, {"tgid", &l.tgid}, {"comm", &l.comm}, {"tasks", &l.tasks}} {
		if *f.off, err = field(p, "task_struct", f.name); err != nil {
			return l, err
		}
	}
	if p.HasField("task_struct", "real_parent") {
		l.realParent, _ = field(p, "task_struct", "real_parent")
	}
	l.taskLo = min(l.pid, l.tgid, l.comm)
	l.taskHi = max(l.pid+4, l.tgid+4, l.comm+guestos.CommLen)

	switch {
	case has(p, "current_task"):
		l.currentTask, _ = p.SymbolAddress("current_task")
		l.currentWhat = "current_task"
	case has(p, "pcpu_hot") && p.HasField("pcpu_hot", "current_task"):
		base, _ := p.SymbolAddress("pcpu_hot")
		off, err := field(p, "pcpu_hot", "current_task")
		if err != nil {
			return l, err
		}
		l.currentTask = base + off
		l.currentWhat = "pcpu_hot.current_task"
	default:
		return l, mismatch("profile has neither the per-CPU symbol current_task nor pcpu_hot with a current_task field")
	}

	if p.HasField("pt_regs", "di") {
		r := &l.regs
		for _, f := range []struct {
			name string
			off  *uint64
		}{{"di", &r.di}, {"si", &r.si}, {"dx", &r.dx}, {"r10", &r.r10}, {"r8", &r.r8}, {"r9", &r.r9}, {"bx", &r.bx}, {"cx", &r.cx}, {"bp", &r.bp}} {
			if *f.off, err = field(p, "pt_regs", f.name); err != nil {
				return l, err
			}
		}
		r.lo = min(r.di, r.si, r.dx, r.r10, r.r8, r.r9, r.bx, r.cx, r.bp)
		r.hi = max(r.di, r.si, r.dx, r.r10, r.r8, r.r9, r.bx, r.cx, r.bp) + 8
		r.ok = true
		if p.HasField("pt_regs", "orig_ax") && p.HasField("pt_regs", "sp") {
			r.origAX, _ = field(p, "pt_regs", "orig_ax")
			r.sp, _ = field(p, "pt_regs", "sp")
			r.hasOrigAX = true
		}
	} else if needPtRegs {
		return l, mismatch("profile has __x64_sys_* functions but lacks struct pt_regs")
	}
	return l, nil
}

func has(p *isf.Profile, sym string) bool {
	_, ok := p.SymbolAddress(sym)
	return ok
}
