package loop

import (
	"context"
	"fmt"
	"sort"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// fakeTarget plays a script of events. Each event is delivered only if a
// breakpoint is inserted at its address, as a real guest would.
type fakeTarget struct {
	events  []vmi.Event
	bps     map[uint64]bool
	log     []string
	closed  bool
	gone    bool // the guest goes away after the script
	block   chan struct{}
	resumes int
}

var _ vmi.Target = (*fakeTarget)(nil)

func newFakeTarget(events ...vmi.Event) *fakeTarget {
	return &fakeTarget{events: events, bps: map[uint64]bool{}}
}

func (f *fakeTarget) NumVCPUs() int                  { return 2 }
func (f *fakeTarget) ReadPhys(uint64, []byte) error  { return nil }
func (f *fakeTarget) WritePhys(uint64, []byte) error { return nil }
func (f *fakeTarget) Regs(int, *vmi.Regs) error      { return nil }
func (f *fakeTarget) SetRegs(int, *vmi.Regs) error   { return nil }
func (f *fakeTarget) Pause() error                   { return nil }
func (f *fakeTarget) Unpause() error                 { return nil }
func (f *fakeTarget) Resume(*vmi.Event) error        { f.resumes++; return nil }
func (f *fakeTarget) InsertBreakpoint(va uint64) error {
	f.bps[va] = true
	f.log = append(f.log, fmt.Sprintf("Z %#x", va))
	return nil
}
func (f *fakeTarget) RemoveBreakpoint(va uint64) error {
	if !f.bps[va] {
		return vmi.ErrNoBreakpoint
	}
	delete(f.bps, va)
	f.log = append(f.log, fmt.Sprintf("z %#x", va))
	return nil
}

func (f *fakeTarget) Wait(ctx context.Context, ev *vmi.Event) error {
	for len(f.events) > 0 {
		next := f.events[0]
		f.events = f.events[1:]
		if f.bps[next.Addr] {
			*ev = next
			return nil
		}
	}
	if f.gone {
		return fmt.Errorf("fake: %w", vmi.ErrGuestGone)
	}
	if f.block != nil {
		close(f.block)
		f.block = nil
	}
	<-ctx.Done()
	return ctx.Err()
}

func (f *fakeTarget) Close() error {
	f.closed = true
	f.bps = map[uint64]bool{}
	return nil
}

func (f *fakeTarget) inserted() []uint64 {
	var out []uint64
	for a := range f.bps {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// fakeOS reads everything from registers: R15 is the thread key, R14 the
// pid, R13 the tid, R12 the return address at a function's entry; RDI..R9
// are the arguments; RAX the return value.
type fakeOS struct {
	syms map[string]uint64
}

var _ guestos.OS = (*fakeOS)(nil)

func (o *fakeOS) Type() guestos.Type { return guestos.Linux }
func (o *fakeOS) Release() string    { return "fake" }
func (o *fakeOS) Slide() uint64      { return 0 }
func (o *fakeOS) Symbol(name string) (uint64, bool) {
	a, ok := o.syms[name]
	return a, ok
}
func (o *fakeOS) Syscalls() []guestos.Syscall { return nil }
func (o *fakeOS) Current(r *vmi.Regs, th *guestos.Thread) error {
	if r.R15 == 0 {
		return guestos.ErrBadGuestData
	}
	*th = guestos.Thread{PID: uint32(r.R14), TID: uint32(r.R13), Key: r.R15}
	copy(th.Comm[:], "fake")
	return nil
}
func (o *fakeOS) Args(r *vmi.Regs, a *[6]uint64) error {
	*a = [6]uint64{r.RDI, r.RSI, r.RDX, r.R10, r.R8, r.R9}
	return nil
}
func (o *fakeOS) ReturnAddress(r *vmi.Regs) (uint64, error) {
	if r.R12 == 0 {
		return 0, guestos.ErrUnmapped
	}
	return r.R12, nil
}
func (o *fakeOS) ReturnValue(r *vmi.Regs) int64 { return int64(r.RAX) }
func (o *fakeOS) ReadVirt(*vmi.Regs, uint64, []byte) (int, error) {
	return 0, guestos.ErrUnmapped
}
