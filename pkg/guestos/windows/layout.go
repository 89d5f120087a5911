package windows

import (
	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/isf"
)

// maxStructOffset bounds offsets taken from a profile: a wrong profile
// must not make the tracer read megabytes per event.
const maxStructOffset = 1 << 16

// layout is what guestrace needs of the kernel's structures, from the
// profile. The names are those of ntoskrnl's PDB.
type layout struct {
	kpcrSelf      uint64 // _KPCR.Self: the KPCR points at itself
	kpcrIdt       uint64 // _KPCR.IdtBase; 0 when the profile lacks it
	hasIdt        bool
	currentThread uint64 // _KPCR.Prcb + _KPRCB.CurrentThread
	cid           uint64 // _ETHREAD.Cid (+0 UniqueProcess, +8 UniqueThread)
	process       uint64 // _KTHREAD.Process, or ApcState + _KAPC_STATE.Process
	processWhat   string // for messages
	imageFileName uint64 // _EPROCESS.ImageFileName (15 bytes)
	// _KTHREAD.PreviousMode: KernelMode (0) when the kernel itself made
	// the call in progress. hasMode is false when the profile lacks it.
	previousMode uint64
	hasMode      bool
}

// mismatch makes an ErrProfileMismatch error.
var mismatch = guestos.Mismatch

// field is a field's offset, bounded, or a mismatch error naming it.
func field(p *isf.Profile, typ, name string) (uint64, error) {
	return guestos.Field(p, typ, name, maxStructOffset)
}

func readLayout(p *isf.Profile) (layout, error) {
	var l layout
	var prcb, cur uint64
	var err error
	for _, f := range []struct {
		typ, name string
		off       *uint64
	}{
		{"_KPCR", "Self", &l.kpcrSelf},
		{"_KPCR", "Prcb", &prcb},
		{"_KPRCB", "CurrentThread", &cur},
		{"_ETHREAD", "Cid", &l.cid},
		{"_EPROCESS", "ImageFileName", &l.imageFileName},
	} {
		if *f.off, err = field(p, f.typ, f.name); err != nil {
			return l, err
		}
	}
	l.currentThread = prcb + cur
	if p.HasField("_KTHREAD", "PreviousMode") {
		if l.previousMode, err = field(p, "_KTHREAD", "PreviousMode"); err != nil {
			return l, err
		}
		l.hasMode = true
	}
	if p.HasField("_KPCR", "IdtBase") {
		l.kpcrIdt, _ = field(p, "_KPCR", "IdtBase")
		l.hasIdt = true
	}
	// The owning process of the thread. KTHREAD.Process names it on every
	// x64 kernel from Windows 7 on; ApcState.Process is the process whose
	// address space the thread is attached to, the same at a system call's
	// entry, and the fallback for profiles without the former.
	if p.HasField("_KTHREAD", "Process") {
		l.process, err = field(p, "_KTHREAD", "Process")
		l.processWhat = "_KTHREAD.Process"
	} else {
		var apc, proc uint64
		if apc, err = field(p, "_KTHREAD", "ApcState"); err == nil {
			proc, err = field(p, "_KAPC_STATE", "Process")
		}
		l.process = apc + proc
		l.processWhat = "_KTHREAD.ApcState.Process"
	}
	if err != nil {
		return l, mismatch("profile has neither _KTHREAD.Process nor _KTHREAD.ApcState with _KAPC_STATE.Process")
	}
	return l, nil
}
