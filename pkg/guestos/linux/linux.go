// Package linux is guestrace's view of a Linux x86-64 guest: it finds the
// running kernel's KASLR slide from a Volatility3 ISF profile, lists its
// system-call functions, tells which task runs on a vCPU, and reads the
// arguments of a system call at the entry of its kernel function.
//
// Everything read from the guest is untrusted: reads are bounded, list
// walks are cycle-safe, and strings are returned as raw bytes for the
// caller to escape.
package linux

import (
	"errors"
	"fmt"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/x86"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// Kernel virtual memory regions (x86-64, arch/x86/include/asm/page_64_types.h).
const (
	// kernelMap is __START_KERNEL_map: the kernel image lies in the GiB
	// above it, where KASLR moves it in 2 MiB steps.
	kernelMap   = 0xffffffff80000000
	imageSize   = 1 << 30
	kaslrAlign  = 2 << 20
	directMap4  = 0xffff888000000000 // default page_offset_base, 4-level
	directMap5  = 0xff11000000000000 // default page_offset_base, 5-level
	vmalloc4    = 0xffffc90000000000 // default vmalloc_base, 4-level
	vmalloc5    = 0xffa0000000000000 // default vmalloc_base, 5-level
	maxVCPUs    = 256                // vCPUs looked at during Attach
	scratchSize = 4096
)

// Linux is an attached Linux guest. Its methods are not safe for
// concurrent use (the vmi.Target below is not either).
type Linux struct {
	t    vmi.Target
	p    *isf.Profile
	w    *x86.Walker
	la57 bool
	// kroot is the physical address of the kernel's top-level page table
	// (init_top_pgt): kernel addresses are translated through it whatever
	// the vCPU's CR3, so their translations can be shared by all events.
	kroot   uint64
	slide   uint64
	release string

	directMap  [2]uint64 // [page_offset_base, vmalloc_base)
	lay        layout
	conv       convention
	currentOff uint64 // from the kernel GS base to the current task pointer
	zeroBased  bool   // per-CPU symbols are offsets from the per-CPU area (GS base)
	initTask   uint64 // runtime address
	syscalls   []guestos.Syscall
	abiAt      map[uint64]guestos.ABI // 32-bit system-call function address -> ABI
	exit       exitInfo               // reading arguments at a function's exit

	gsSeen []uint64    // per-CPU bases seen running the attached kernel (CheckEvent)
	cw     *x86.Walker // keeps nothing: reads through live page tables (CheckEvent)

	// fl is the layout FDPath needs, read from the profile on its first
	// use (filesRead): tracing without -y needs none of it.
	fl        fileLayout
	flErr     error
	filesRead bool
	// sl is the layout Socket needs (-yy), read likewise (socksRead).
	sl        sockLayout
	slErr     error
	socksRead bool
	sockBuf   [sockSpan]byte // scratch for struct sock_common
	small     [8]byte        // scratch for FDPath's and Socket's short reads

	buf [scratchSize]byte // scratch for reads: no allocation per event
}

var _ guestos.OS = (*Linux)(nil)

// Attach finds the running kernel that profile p describes in the guest of
// t: its KASLR slide, its page tables, and the layout of what Current,
// Args and Processes read. It pauses the guest while it reads and lets it
// run again before it returns (a backend without Pause, such as a memory
// dump, is read as it is). Errors wrap guestos.ErrProfileMismatch when the
// profile does not describe the guest, naming what did not match.
func Attach(t vmi.Target, p *isf.Profile) (l *Linux, err error) {
	if p == nil {
		return nil, errors.New("linux: no profile")
	}
	if os := p.OS(); os != "" && os != "linux" {
		return nil, mismatch("profile is for %s, not Linux", os)
	}
	switch perr := t.Pause(); {
	case perr == nil:
		defer func() {
			if uerr := t.Unpause(); uerr != nil && err == nil {
				l, err = nil, fmt.Errorf("resuming the guest after attach: %w", uerr)
			}
		}()
	case !errors.Is(perr, vmi.ErrUnsupported):
		return nil, fmt.Errorf("pausing the guest: %w", perr)
	}
	l = &Linux{t: t, p: p, w: x86.NewWalker(t)}
	if err := l.attach(); err != nil {
		return nil, err
	}
	return l, nil
}

func (l *Linux) attach() error {
	p := l.p
	l.conv = conventionOf(p)
	var err error
	if l.lay, err = readLayout(p, l.conv == ptRegsConv); err != nil {
		return err
	}
	if l.lay.taskHi-l.lay.taskLo > scratchSize {
		return mismatch("profile puts task_struct's pid and comm %d bytes apart", l.lay.taskHi-l.lay.taskLo)
	}
	initTask, ok := p.SymbolAddress("init_task")
	if !ok {
		return mismatch("profile lacks the symbol init_task")
	}
	if err := l.findKernel(initTask); err != nil {
		return err
	}
	l.initTask = initTask + l.slide
	l.findRealParent()
	l.currentOff = l.lay.currentTask
	l.zeroBased = !InImage(l.lay.currentTask)
	if !l.zeroBased {
		// Per-CPU data that is not zero-based (Linux 6.15+): GS holds
		// the CPU's offset and %gs:current_task names the variable's
		// address in the image.
		l.currentOff += l.slide
	}
	if err := l.checkBanner(); err != nil {
		return err
	}
	l.findDirectMap()
	l.findExitInfo()
	l.SetKeepKernel(true)
	l.listSyscalls()
	return nil
}

// InImage reports whether a profile address lies in the kernel image's
// region, where KASLR moves it (per-CPU offsets and absolute symbols do
// not move).
func InImage(addr uint64) bool { return addr >= kernelMap && addr-kernelMap < imageSize }

// Type is guestos.Linux.
func (l *Linux) Type() guestos.Type { return guestos.Linux }

// Release is the kernel release from the guest's linux_banner (or the
// profile's when the guest's cannot be read), e.g. "6.1.0-56-cloud-amd64".
func (l *Linux) Release() string { return l.release }

// Slide is the KASLR displacement of the kernel image: runtime address
// minus profile address (two's complement when the profile was made from
// a kernel placed higher than the running one).
func (l *Linux) Slide() uint64 { return l.slide }

// Symbol returns the runtime address of a kernel symbol: the profile's
// address plus the slide for symbols of the kernel image; per-CPU offsets
// and absolute symbols are returned as the profile has them.
func (l *Linux) Symbol(name string) (uint64, bool) {
	addr, ok := l.p.SymbolAddress(name)
	if !ok {
		return 0, false
	}
	if InImage(addr) {
		addr += l.slide
	}
	return addr, true
}

// KernelRoot is the physical address of the kernel's top-level page table.
func (l *Linux) KernelRoot() uint64 { return l.kroot }

// LA57 reports whether the guest uses 5-level paging.
func (l *Linux) LA57() bool { return l.la57 }

// Walker is the page-table walker reads go through (for its statistics
// and cache settings).
func (l *Linux) Walker() *x86.Walker { return l.w }

// Invalidate drops the translations cached for the current event. Current
// calls it, as the first thing the loop asks at every event; a caller that
// reads without Current after the guest ran must call it.
func (l *Linux) Invalidate() { l.w.Invalidate() }
