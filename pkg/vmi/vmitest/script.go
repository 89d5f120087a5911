// Package vmitest has a scripted vmi.Target for unit tests of what sits on
// top of a backend.
package vmitest

import (
	"context"
	"fmt"
	"sort"

	"github.com/guestrace/guestrace/pkg/vmi"
)

// Script plays a list of events. An event is delivered only while a
// breakpoint is inserted at its address, as a real guest would hit it.
// After the last event Wait blocks until its context ends, or returns
// vmi.ErrGuestGone when Gone is set.
type Script struct {
	Events []vmi.Event
	Gone   bool
	// Blocked, when set, is closed once Wait has run out of events.
	Blocked chan struct{}

	Log     []string // "Z 0x..." and "z 0x..." in order
	Resumes int
	Closed  bool
	bps     map[uint64]bool
}

var _ vmi.Target = (*Script)(nil)

// NewScript makes a script of events.
func NewScript(events ...vmi.Event) *Script {
	return &Script{Events: events, bps: map[uint64]bool{}}
}

func (s *Script) NumVCPUs() int                  { return 2 }
func (s *Script) ReadPhys(uint64, []byte) error  { return nil }
func (s *Script) WritePhys(uint64, []byte) error { return nil }
func (s *Script) Regs(int, *vmi.Regs) error      { return nil }
func (s *Script) SetRegs(int, *vmi.Regs) error   { return nil }
func (s *Script) Pause() error                   { return nil }
func (s *Script) Unpause() error                 { return nil }
func (s *Script) Resume(*vmi.Event) error        { s.Resumes++; return nil }

func (s *Script) InsertBreakpoint(va uint64) error {
	s.bps[va] = true
	s.Log = append(s.Log, fmt.Sprintf("Z %#x", va))
	return nil
}

func (s *Script) RemoveBreakpoint(va uint64) error {
	if !s.bps[va] {
		return vmi.ErrNoBreakpoint
	}
	delete(s.bps, va)
	s.Log = append(s.Log, fmt.Sprintf("z %#x", va))
	return nil
}

func (s *Script) Wait(ctx context.Context, ev *vmi.Event) error {
	for len(s.Events) > 0 {
		next := s.Events[0]
		s.Events = s.Events[1:]
		if s.bps[next.Addr] {
			*ev = next
			return nil
		}
	}
	if s.Gone {
		return fmt.Errorf("script ended: %w", vmi.ErrGuestGone)
	}
	if s.Blocked != nil {
		close(s.Blocked)
		s.Blocked = nil
	}
	<-ctx.Done()
	return ctx.Err()
}

func (s *Script) Close() error {
	s.Closed = true
	s.bps = map[uint64]bool{}
	return nil
}

// Inserted lists the breakpoints in place, in address order.
func (s *Script) Inserted() []uint64 {
	out := make([]uint64, 0, len(s.bps))
	for a := range s.bps {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
