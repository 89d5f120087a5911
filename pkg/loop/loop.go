package loop

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// CallFunc runs when a thread enters a kernel function. What it returns is
// handed to the ReturnFunc of the same call on the same thread.
type CallFunc func(s *State, userData any) (callData any)

// ReturnFunc runs when that call returns.
type ReturnFunc func(s *State, callData, userData any)

// UnfinishedFunc runs for a call whose return will never be seen: the
// loop was closed while it was in progress, or its thread called again
// without returning (it died inside the call).
type UnfinishedFunc func(th *guestos.Thread, fn *Func, callData any)

// Callback is one row of a callback table for SetCallbacks.
type Callback struct {
	Func     string // kernel function, e.g. "__x64_sys_openat"
	OnCall   CallFunc
	OnReturn ReturnFunc // nil: the return is not traced (exit_group)
	UserData any
}

// Func is an instrumented kernel function.
type Func struct {
	Name string // kernel symbol
	Addr uint64 // runtime address

	onCall   CallFunc
	onReturn ReturnFunc
	userData any
}

// Stats counts what the loop saw.
type Stats struct {
	Calls      uint64 // call events
	Returns    uint64 // returns matched to their call
	Unmatched  uint64 // return-breakpoint hits of calls not traced
	Unfinished uint64 // calls whose return was never seen
	Errors     uint64 // events the OS layer could not decode (who ran)
	Resets     uint64 // kernel checks that failed (see CheckInterval)
}

// ErrQuit is not returned: Run returns nil after Quit.
var errNotAttached = errors.New("loop: no guest OS")

// maxPending bounds the calls in progress the loop remembers, so that a
// hostile guest cannot grow the tracer without bound.
const maxPending = 1 << 16

// Loop traces one guest.
type Loop struct {
	t  vmi.Target
	os guestos.OS

	funcs   map[uint64]*Func    // by address
	byName  map[string]*Func    // by kernel symbol
	pending map[uint64]*call    // by thread key: a thread is in one call at most
	rets    map[uint64]int      // return address -> calls waiting on it
	stale   map[uint64]struct{} // return breakpoints to remove at the next stop
	free    []*call             // call records to reuse

	unfinished UnfinishedFunc
	stats      Stats

	ev    vmi.Event
	state State
	check resetCheck

	mu     sync.Mutex // guards cancel and quit, which Quit touches
	cancel context.CancelFunc
	quit   bool
	closed bool
}

// call is a call in progress.
type call struct {
	thread guestos.Thread
	fn     *Func
	ret    uint64 // return address
	sp     uint64 // stack pointer once it has returned
	data   any
}

// NewWithOS makes a loop on a target and the guest OS attached on it.
func NewWithOS(t vmi.Target, os guestos.OS) (*Loop, error) {
	if os == nil {
		return nil, errNotAttached
	}
	l := &Loop{
		t:       t,
		os:      os,
		funcs:   make(map[uint64]*Func),
		byName:  make(map[string]*Func),
		pending: make(map[uint64]*call),
		rets:    make(map[uint64]int),
		stale:   make(map[uint64]struct{}),
	}
	l.state.os = os
	l.state.Event = &l.ev
	return l, nil
}

// OSType is the guest's operating system.
func (l *Loop) OSType() guestos.Type { return l.os.Type() }

// OS is the attached guest operating system.
func (l *Loop) OS() guestos.OS { return l.os }

// Target is the hypervisor backend.
func (l *Loop) Target() vmi.Target { return l.t }

// Stats returns the counters so far.
func (l *Loop) Stats() Stats { return l.stats }

// OnUnfinished sets the function told of calls whose return is lost.
func (l *Loop) OnUnfinished(fn UnfinishedFunc) { l.unfinished = fn }

// SetCallback instruments a kernel function. It reports whether the
// function exists in the guest kernel and its breakpoint was placed; err
// says why not when it exists but could not be instrumented.
func (l *Loop) SetCallback(kernelFunc string, onCall CallFunc, onReturn ReturnFunc, userData any) (bool, error) {
	if l.closed {
		return false, vmi.ErrClosed
	}
	addr, ok := l.os.Symbol(kernelFunc)
	if !ok {
		return false, nil
	}
	if f, dup := l.byName[kernelFunc]; dup {
		f.onCall, f.onReturn, f.userData = onCall, onReturn, userData
		return true, nil
	}
	if err := l.t.InsertBreakpoint(addr); err != nil {
		return false, fmt.Errorf("breakpoint on %s at %#x: %w", kernelFunc, addr, err)
	}
	f := &Func{Name: kernelFunc, Addr: addr, onCall: onCall, onReturn: onReturn, userData: userData}
	l.funcs[addr] = f
	l.byName[kernelFunc] = f
	return true, nil
}

// SetCallbacks instruments every function of a table and returns how many
// were set. The first placement error stops it.
func (l *Loop) SetCallbacks(table []Callback) (int, error) {
	n := 0
	for _, c := range table {
		ok, err := l.SetCallback(c.Func, c.OnCall, c.OnReturn, c.UserData)
		if err != nil {
			return n, err
		}
		if ok {
			n++
		}
	}
	return n, nil
}

// Breakpoints is how many call breakpoints are placed.
func (l *Loop) Breakpoints() int { return len(l.funcs) }

// Quit makes Run return. It is safe from any goroutine, more than once.
func (l *Loop) Quit() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.quit = true
	if l.cancel != nil {
		l.cancel()
	}
}

// Run handles events until Quit (it returns nil) or until the guest goes
// away or the backend fails (it returns the error). The guest is left
// paused when it returns.
func (l *Loop) Run(ctx context.Context) error {
	l.mu.Lock()
	if l.quit {
		l.mu.Unlock()
		return nil
	}
	ctx, l.cancel = context.WithCancel(ctx)
	l.mu.Unlock()
	defer l.cancel()

	for {
		// Quit from a callback (the output failed) ends the loop before
		// another event, even one the backend has pending.
		if ctx.Err() != nil {
			return nil
		}
		err := l.t.Wait(l.waitCtx(ctx), &l.ev)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			if l.checkDue(err) {
				if err := l.checkKernel(); err != nil {
					return err
				}
				continue
			}
			return err
		}
		if err := l.checkEvent(); err != nil {
			return err
		}
		if err := l.handle(); err != nil {
			return err
		}
		l.removeStale()
		if err := l.t.Resume(&l.ev); err != nil {
			return err
		}
	}
}

// handle dispatches one event to the call or return path.
func (l *Loop) handle() error {
	if f, ok := l.funcs[l.ev.Addr]; ok {
		return l.onCall(f)
	}
	if l.rets[l.ev.Addr] > 0 {
		l.onReturn()
		return nil
	}
	// A return breakpoint no call waits on any more, hit before its lazy
	// removal: nothing to do.
	l.stats.Unmatched++
	return nil
}

func (l *Loop) who() bool {
	if err := l.os.Current(&l.ev.Regs, &l.state.Thread); err != nil {
		l.state.Thread = guestos.Thread{}
		l.stats.Errors++
		return false
	}
	return true
}

func (l *Loop) onCall(f *Func) error {
	l.stats.Calls++
	known := l.who()
	l.state.Func = f
	key := l.state.Thread.Key
	if old, ok := l.pending[key]; ok && known {
		// A thread is inside one system call at a time: the old call's
		// thread died in it and its task was reused.
		l.drop(key, old)
	}
	var data any
	if f.onCall != nil {
		data = f.onCall(&l.state, f.userData)
	}
	if f.onReturn == nil || !known {
		if f.onReturn != nil {
			l.lost(&l.state.Thread, f, data)
		}
		return nil
	}
	ret, err := l.os.ReturnAddress(&l.ev.Regs)
	if err != nil || len(l.pending) >= maxPending {
		l.lost(&l.state.Thread, f, data)
		return nil
	}
	if l.rets[ret] == 0 {
		if _, ok := l.stale[ret]; ok {
			delete(l.stale, ret)
		} else if err := l.t.InsertBreakpoint(ret); err != nil {
			l.lost(&l.state.Thread, f, data)
			return nil
		}
	}
	l.rets[ret]++
	// After its ret instruction, the stack pointer is one slot above.
	c := l.newCall()
	*c = call{thread: l.state.Thread, fn: f, ret: ret, sp: l.ev.Regs.RSP + 8, data: data}
	l.pending[key] = c
	return nil
}

// newCall takes a call record from the free list: the event path does not
// allocate once the loop has warmed up.
func (l *Loop) newCall() *call {
	if n := len(l.free); n > 0 {
		c := l.free[n-1]
		l.free = l.free[:n-1]
		return c
	}
	return new(call)
}

func (l *Loop) onReturn() {
	if !l.who() {
		return
	}
	key := l.state.Thread.Key
	c, ok := l.pending[key]
	if !ok || c.ret != l.ev.Addr || c.sp != l.ev.Regs.RSP {
		l.stats.Unmatched++
		return
	}
	l.release(key, c)
	l.stats.Returns++
	l.state.Func = c.fn
	if c.fn.onReturn != nil {
		c.fn.onReturn(&l.state, c.data, c.fn.userData)
	}
	l.recycle(c)
}

// release forgets a call and schedules its return breakpoint's removal
// when no other call waits on it. Removal waits for the next stop so that
// the breakpoint under the current event is never pulled before Resume.
func (l *Loop) release(key uint64, c *call) {
	delete(l.pending, key)
	l.rets[c.ret]--
	if l.rets[c.ret] <= 0 {
		delete(l.rets, c.ret)
		l.stale[c.ret] = struct{}{}
	}
}

// recycle returns a call record to the free list once nothing refers to
// it any more.
func (l *Loop) recycle(c *call) {
	*c = call{}
	l.free = append(l.free, c)
}

func (l *Loop) drop(key uint64, c *call) {
	l.release(key, c)
	l.lost(&c.thread, c.fn, c.data)
	l.recycle(c)
}

func (l *Loop) lost(th *guestos.Thread, f *Func, data any) {
	l.stats.Unfinished++
	if l.unfinished != nil {
		l.unfinished(th, f, data)
	}
}

// removeStale pulls return breakpoints that no call waits on, except the
// one the current event stopped at.
func (l *Loop) removeStale() {
	for addr := range l.stale {
		if addr == l.ev.Addr {
			continue
		}
		delete(l.stale, addr)
		if _, isCall := l.funcs[addr]; isCall {
			continue
		}
		_ = l.t.RemoveBreakpoint(addr)
	}
}

// Close removes all instrumentation, reports the calls still in progress
// as unfinished, and leaves the guest running. Safe to call twice.
func (l *Loop) Close() error {
	if l.closed {
		return nil
	}
	l.closed = true
	l.Quit()
	if l.check.cancel != nil {
		l.check.cancel()
	}
	// In thread order, so that what is reported does not vary by run.
	keys := make([]uint64, 0, len(l.pending))
	for key := range l.pending {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	for _, key := range keys {
		l.drop(key, l.pending[key])
	}
	return l.t.Close()
}
