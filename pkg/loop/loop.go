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
// loop was closed while it was in progress, or its thread's stack pointer
// shows that it left the call without returning (it died inside the call
// and its task was reused, or it unwound past it).
type UnfinishedFunc func(th *guestos.Thread, fn *Func, callData any)

// Callback is one row of a callback table for SetCallbacks.
type Callback struct {
	Func     string // kernel function, e.g. "__x64_sys_openat"
	OnCall   CallFunc
	OnReturn ReturnFunc // nil: the return is not traced (exit_group)
	UserData any
	// ExitOnly lets the loop run OnCall at the function's exit, just
	// before OnReturn, when the OS can read the call's arguments there:
	// one stop per call instead of two. OnCall must then need nothing
	// that only the entry shows (memory the call changes, the time it
	// started).
	ExitOnly bool
}

// Func is an instrumented kernel function.
type Func struct {
	Name string // kernel symbol
	Addr uint64 // runtime address

	onCall   CallFunc
	onReturn ReturnFunc
	userData any
	mode     mode
	exits    []uint64 // exit breakpoints this function holds
}

// mode is how a function's calls are caught.
type mode uint8

const (
	// entryOnly: a breakpoint on the entry; the return is not traced.
	entryOnly mode = iota
	// returnAddr: the entry, and a breakpoint on each call's return
	// address (the dispatcher's return site, which every call passes).
	returnAddr
	// entryExit: the entry, and breakpoints on the function's exits.
	entryExit
	// exitOnly: breakpoints on the function's exits only; the call is
	// reported there with the arguments the OS reads at the exit.
	exitOnly
)

// exitSite is an exit breakpoint.
type exitSite struct {
	refs int   // functions that hold it
	only *Func // the exitOnly function reported there, if any
	// shared: the site lies in code the function jumps to, which other
	// code calls too; only returns to the dispatcher are the function's.
	shared bool
}

// Stats counts what the loop saw.
type Stats struct {
	Calls      uint64 // call events
	Returns    uint64 // returns matched to their call
	Unmatched  uint64 // return-breakpoint hits of calls not traced
	Unfinished uint64 // calls whose return was never seen
	Errors     uint64 // events the OS layer could not decode (who ran)
	Stops      uint64 // breakpoint hits handled: what tracing cost the guest
	ExitOnly   uint64 // calls reported at their exit alone (one stop)
	Gates      uint64 // gates opened: functions armed when their ABI first ran
	Resets     uint64 // kernel checks that failed (see CheckInterval)
}

// ErrQuit is not returned: Run returns nil after Quit.
var errNotAttached = errors.New("loop: no guest OS")

// maxPending bounds the calls in progress the loop remembers, so that a
// hostile guest cannot grow the tracer without bound.
const maxPending = 1 << 16

// maxNest bounds how far below a call in progress a new call of the same
// thread may start and still be nested in it (Windows drivers' Zw* calls
// inside a system call). Further away, the new call runs on another stack:
// the thread's task was reused, and the old call is over.
const maxNest = 256 << 10

// Loop traces one guest.
type Loop struct {
	t  vmi.Target
	os guestos.OS

	funcs   map[uint64]*Func // by address
	byName  map[string]*Func // by kernel symbol
	pending map[uint64]*call // by thread key: the innermost of its calls in progress
	npend   int              // calls in pending's stacks
	rets    map[uint64]int   // return address -> calls waiting on it
	exits   map[uint64]*exitSite
	scanned map[uint64]exitScan // function address -> its exits, scanned once
	stale   map[uint64]struct{} // return and gate breakpoints to remove at the next stop
	gates   map[string]*gate    // by the names of their dispatchers
	gateAt  map[uint64]*gate    // closed gates by breakpoint address
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
	ret    uint64 // return address (returnAddr mode), 0 at exits
	frame  uint64 // stack pointer at the entry: where its return address is
	data   any
	outer  *call // the call of the same thread it is nested in
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
		exits:   make(map[uint64]*exitSite),
		scanned: make(map[uint64]exitScan),
		stale:   make(map[uint64]struct{}),
		gates:   make(map[string]*gate),
		gateAt:  make(map[uint64]*gate),
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
// says why not when it exists but could not be instrumented. OnCall runs
// at the function's entry.
func (l *Loop) SetCallback(kernelFunc string, onCall CallFunc, onReturn ReturnFunc, userData any) (bool, error) {
	return l.set(Callback{Func: kernelFunc, OnCall: onCall, OnReturn: onReturn, UserData: userData})
}

// set instruments one function, choosing how its calls are caught: at
// its exits when the OS allows it (no stop at the dispatcher's shared
// return site), at its exits alone when the callback allows it too.
func (l *Loop) set(cb Callback) (bool, error) {
	if l.closed {
		return false, vmi.ErrClosed
	}
	addr, ok := l.os.Symbol(cb.Func)
	if !ok {
		return false, nil
	}
	if f, dup := l.byName[cb.Func]; dup {
		f.onCall, f.onReturn, f.userData = cb.OnCall, cb.OnReturn, cb.UserData
		return true, nil
	}
	if held, err := l.deferred(cb); held || err != nil {
		return err == nil, err
	}
	f := &Func{Name: cb.Func, Addr: addr, onCall: cb.OnCall, onReturn: cb.OnReturn, userData: cb.UserData, mode: entryOnly}
	if cb.OnReturn != nil {
		f.mode = returnAddr
		// Scanned before any breakpoint goes in: a backend that writes
		// int3 into guest memory would change the code read.
		if err := l.placeExits(f, cb.ExitOnly); err != nil {
			return false, fmt.Errorf("breakpoint on an exit of %s: %w", cb.Func, err)
		}
	}
	if f.mode != exitOnly {
		if err := l.t.InsertBreakpoint(addr); err != nil {
			l.unplaceExits(f)
			return false, fmt.Errorf("breakpoint on %s at %#x: %w", cb.Func, addr, err)
		}
		l.funcs[addr] = f
	}
	l.byName[cb.Func] = f
	return true, nil
}

// placeExits puts breakpoints on a function's exits when the OS layer
// supports it and they can all be found; f keeps returnAddr otherwise.
func (l *Loop) placeExits(f *Func, exitOK bool) error {
	ex, ok := l.os.(guestos.Exits)
	if !ok || !ex.ExitsSupported() {
		return nil
	}
	sc, ok := l.scanned[f.Addr]
	if !ok {
		var err error
		if sc, err = scanExits(l.codeSource(ex), f.Addr); err != nil {
			return nil // caught at the return address instead
		}
		l.scanned[f.Addr] = sc
	}
	f.mode = entryExit
	// Code the function jumps to may be reached the same way, returning
	// to the dispatcher, from another system call's function (access and
	// faccessat2 both end in do_faccessat's ret): there the return alone
	// does not tell whose call it was, and the entry must.
	if exitOK && len(sc.followed) == 0 {
		// A site that another exitOnly function already reports is
		// left to it: this one's calls are matched from their entry.
		f.mode = exitOnly
		for _, a := range slices.Concat(sc.own, sc.followed) {
			if s := l.exits[a]; s != nil && s.only != nil {
				f.mode = entryExit
			}
		}
	}
	for i, list := range [2][]uint64{sc.own, sc.followed} {
		for _, a := range list {
			s := l.exits[a]
			if s == nil {
				if err := l.t.InsertBreakpoint(a); err != nil {
					l.unplaceExits(f)
					return err
				}
				s = &exitSite{}
				l.exits[a] = s
			}
			s.refs++
			s.shared = s.shared || i == 1
			if f.mode == exitOnly {
				s.only = f
			}
			f.exits = append(f.exits, a)
		}
	}
	return nil
}

// unplaceExits removes the exit breakpoints that only f held.
func (l *Loop) unplaceExits(f *Func) {
	for _, a := range f.exits {
		s := l.exits[a]
		if s.only == f {
			s.only = nil
		}
		if s.refs--; s.refs == 0 {
			delete(l.exits, a)
			_ = l.t.RemoveBreakpoint(a)
		}
	}
	f.exits = nil
	f.mode = returnAddr
}

// SetCallbacks instruments every function of a table and returns how many
// were set. The first placement error stops it.
func (l *Loop) SetCallbacks(table []Callback) (int, error) {
	n := 0
	for _, c := range table {
		ok, err := l.set(c)
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

// handle dispatches one event to the call, exit or return path.
func (l *Loop) handle() error {
	l.stats.Stops++
	if f, ok := l.funcs[l.ev.Addr]; ok {
		return l.onCall(f)
	}
	if s, ok := l.exits[l.ev.Addr]; ok {
		l.onExit(s)
		return nil
	}
	if l.rets[l.ev.Addr] > 0 {
		l.onReturn()
		return nil
	}
	if g, ok := l.gateAt[l.ev.Addr]; ok {
		return l.openGate(g)
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
	sp := l.ev.Regs.RSP
	if known {
		l.leave(key, sp)
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
	if l.npend >= maxPending {
		l.lost(&l.state.Thread, f, data)
		return nil
	}
	var ret uint64
	if f.mode == returnAddr {
		var err error
		if ret, err = l.os.ReturnAddress(&l.ev.Regs); err != nil {
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
	}
	c := l.newCall()
	*c = call{thread: l.state.Thread, fn: f, ret: ret, frame: sp, data: data, outer: l.pending[key]}
	l.pending[key] = c
	l.npend++
	return nil
}

// leave reports unfinished the calls of a thread that its stack pointer
// sp shows it has left: those whose frame is at or below sp (a call
// entered at the same depth or above), or so far above it that sp is on
// another stack. Calls nested deeper stay: the new one runs inside them.
func (l *Loop) leave(key, sp uint64) {
	for c := l.pending[key]; c != nil; c = l.pending[key] {
		if c.frame > sp && c.frame-sp <= maxNest {
			return
		}
		l.pop(key)
		l.lost(&c.thread, c.fn, c.data)
		l.recycle(c)
	}
}

// match finds the call of a thread that returns with stack pointer sp at
// addr: a call caught at its return address (ret) sees sp one slot above
// its frame, a call caught at an exit sees its frame. Calls nested in it
// are over: they are reported unfinished. It returns nil, changing
// nothing, when no call of the thread matches.
func (l *Loop) match(key, addr, sp uint64, atExit bool) *call {
	var c *call
	for c = l.pending[key]; c != nil; c = c.outer {
		if atExit && c.ret == 0 && c.fn.mode != returnAddr && c.frame == sp {
			break
		}
		if !atExit && c.ret == addr && c.frame+8 == sp {
			break
		}
	}
	if c == nil {
		return nil
	}
	for inner := l.pending[key]; inner != c; inner = l.pending[key] {
		l.pop(key)
		l.lost(&inner.thread, inner.fn, inner.data)
		l.recycle(inner)
	}
	l.pop(key)
	return c
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
	c := l.match(l.state.Thread.Key, l.ev.Addr, l.ev.Regs.RSP, false)
	if c == nil {
		l.stats.Unmatched++
		return
	}
	l.returned(c)
}

// onExit handles a hit on a function's exit: the return of a call seen at
// its entry, or a whole exitOnly call.
func (l *Loop) onExit(s *exitSite) {
	known := l.who()
	if known {
		if c := l.match(l.state.Thread.Key, l.ev.Addr, l.ev.Regs.RSP, true); c != nil {
			l.returned(c)
			return
		}
	}
	f := s.only
	if f == nil || (s.shared && !l.dispatched(f)) {
		// Shared code run for a call not traced, or a traced call
		// whose entry was missed.
		l.stats.Unmatched++
		return
	}
	l.stats.Calls++
	l.stats.ExitOnly++
	l.state.Func = f
	l.state.atExit = true
	defer func() { l.state.atExit = false }()
	var data any
	if f.onCall != nil {
		data = f.onCall(&l.state, f.userData)
	}
	if !known {
		l.lost(&l.state.Thread, f, data)
		return
	}
	// Calls of this thread it has left without their return being seen.
	l.leave(l.state.Thread.Key, l.ev.Regs.RSP)
	l.stats.Returns++
	f.onReturn(&l.state, data, f.userData)
}

// dispatched reports whether the exit just hit returns to the dispatcher
// of f's calls: the word at the stack pointer is the return address.
func (l *Loop) dispatched(f *Func) bool {
	ret, err := l.os.ReturnAddress(&l.ev.Regs)
	return err == nil && l.os.(guestos.Exits).Dispatched(f.Addr, ret)
}

// returned reports a call's return.
func (l *Loop) returned(c *call) {
	l.stats.Returns++
	l.state.Func = c.fn
	if c.fn.onReturn != nil {
		c.fn.onReturn(&l.state, c.data, c.fn.userData)
	}
	l.recycle(c)
}

// pop forgets the innermost call of a thread and schedules its return
// breakpoint's removal when no other call waits on it. Removal waits for
// the next stop so that the breakpoint under the current event is never
// pulled before Resume.
func (l *Loop) pop(key uint64) {
	c := l.pending[key]
	if c.outer != nil {
		l.pending[key] = c.outer
	} else {
		delete(l.pending, key)
	}
	l.npend--
	if c.ret == 0 {
		return
	}
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
		// Innermost first, as the thread would unwind.
		for c := l.pending[key]; c != nil; c = l.pending[key] {
			l.pop(key)
			l.lost(&c.thread, c.fn, c.data)
			l.recycle(c)
		}
	}
	return l.t.Close()
}
