package linux

import (
	"context"
	"encoding/binary"
	"errors"
	"testing"
	"time"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/x86/x86test"
	"github.com/guestrace/guestrace/pkg/loop"
	"github.com/guestrace/guestrace/pkg/printers"
	plinux "github.com/guestrace/guestrace/pkg/printers/linux"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// corrupting is the synthetic guest as a backend that, before each event,
// writes the next chunk of the fuzzer's bytes over a region Linux reads
// (tasks, per-CPU area, page tables, the stack, the process's strings),
// then reports openat's call and its return in turn.
type corrupting struct {
	*x86test.Target
	s       *synth
	data    []byte
	regions []uint64
	n       int
}

func (c *corrupting) Wait(_ context.Context, ev *vmi.Event) error {
	if len(c.data) < 4 {
		return vmi.ErrGuestGone
	}
	region := c.regions[int(c.data[0])%len(c.regions)]
	off := uint64(binary.BigEndian.Uint16(c.data[1:])) % 0x3000
	n := min(int(c.data[3]), len(c.data)-4)
	_ = c.s.m.WritePhys(region+off, c.data[4:4+n]) // may run past RAM
	c.data = c.data[4+n:]
	c.n++
	regs := c.s.bpOpenat
	if c.n%2 == 0 { // the return: one slot above, a result in rax
		regs.RIP, regs.RSP, regs.RAX = c.s.retAddr, regs.RSP+8, uint64(n)-2
	}
	*ev = vmi.Event{Addr: regs.RIP, Regs: regs}
	return nil
}

func (c *corrupting) Resume(*vmi.Event) error { return nil }

// FuzzLoopOverHostileGuest runs the real loop and openat's printer over a
// guest whose memory changes under it between events: no panic, no hang,
// and the loop ends when the guest goes away (or looks reset).
func FuzzLoopOverHostileGuest(f *testing.F) {
	f.Add([]byte{0, 0x08, 0x90, 8, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 7, 0, 0, 0})
	f.Add([]byte{6, 0x0f, 0xf0, 4, 0xff, 0xff, 0xff, 0xff, 3, 0, 0x10, 2, 0, 0, 8, 0, 0, 0})
	f.Add([]byte{8, 0x0f, 0xf0, 8, '/', 't', 'm', 'p', 0x1b, '[', '2', 'J'})
	row, ok := plinux.Lookup("openat")
	if !ok {
		f.Fatal("no openat row")
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s := newSynth(t, false, 0x1e200000)
		osys, err := Attach(s.target, s.profile)
		if err != nil {
			t.Fatal(err)
		}
		ct := &corrupting{Target: s.target, s: s, data: data, regions: []uint64{
			s.taskPhys(s.tasks[0]), s.taskPhys(s.tasks[1]), s.taskPhys(s.thread),
			s.kpt.Root, s.ppt.Root, s.kpt.Entry(s.stack, 1) &^ 0xfff,
			physPercpu0 + percpuCurrent&^0xfff, physStackLow, physUser,
		}}
		l, err := loop.NewWithOS(ct, osys)
		if err != nil {
			t.Fatal(err)
		}
		var (
			line []byte
			st   printers.CallState
			args [6]uint64
		)
		_, err = l.SetCallback("__x64_sys_openat", func(s *loop.State, _ any) any {
			_ = s.Args(&args)
			line = row.EnterState(line[:0], &args, s, nil, &st)
			return nil
		}, func(s *loop.State, _, _ any) {
			line = row.ExitState(line, &args, s.ReturnValue(), s, nil, &st)
		}, nil)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		// A guest whose page tables no longer map init_task at the slide
		// found looks reset: an end as legitimate as its going away.
		if err := l.Run(ctx); !errors.Is(err, vmi.ErrGuestGone) && !errors.Is(err, guestos.ErrGuestReset) {
			t.Fatalf("the loop ended with %v, not when the guest went away or was reset", err)
		}
		if err := l.Close(); err != nil {
			t.Fatal(err)
		}
	})
}
