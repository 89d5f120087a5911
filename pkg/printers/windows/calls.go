package windows

import (
	"sync"

	"github.com/guestrace/guestrace/pkg/printers"
)

// maxCalls bounds the calls whose State a Calls keeps: the calls in
// progress of every thread of a guest, and those whose return never came
// (a thread killed in a call), dropped oldest first.
const maxCalls = 4096

// Calls keeps the State of calls between their entry and their return.
// A writer keeps beside each call in progress a printers.CallState of two
// words, too small for what an entry reads (NtWriteFile's data): Enter
// stores the State here under a token it puts in the CallState, Exit
// finds it by that token.
type Calls struct {
	mu    sync.Mutex
	next  uint64
	live  map[uint64]*State
	order []uint64 // tokens in the order of their calls, for the bound
	free  []*State
}

// Enter is EnterState with a State kept until Exit, under the token it
// writes in cs.
func (k *Calls) Enter(s *Syscall, b []byte, a *Args, cs *printers.CallState, m printers.Mem, o *printers.Options) []byte {
	*cs = printers.CallState{}
	if s.EndsCaller(a) || s.split() == len(s.args) {
		return s.EnterArgs(b, a, m, o)
	}
	st := k.alloc()
	b = s.EnterState(b, a, m, o, st)
	cs.V[0], cs.Valid = k.keep(st), true
	return b
}

// Exit is ExitState with the State Enter kept, if any.
func (k *Calls) Exit(s *Syscall, b []byte, a *Args, cs *printers.CallState, ret int64, m printers.Mem, o *printers.Options) []byte {
	var st *State
	if cs != nil && cs.Valid {
		st = k.take(cs.V[0])
	}
	b = s.ExitState(b, a, ret, m, o, st)
	if st != nil {
		k.release(st)
	}
	return b
}

func (k *Calls) alloc() *State {
	k.mu.Lock()
	defer k.mu.Unlock()
	if n := len(k.free); n > 0 {
		st := k.free[n-1]
		k.free = k.free[:n-1]
		return st
	}
	return new(State)
}

func (k *Calls) release(st *State) {
	k.mu.Lock()
	defer k.mu.Unlock()
	st.valid = false
	if len(k.free) < 64 {
		k.free = append(k.free, st)
	}
}

// keep stores st under a new token (never 0).
func (k *Calls) keep(st *State) uint64 {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.live == nil {
		k.live = make(map[uint64]*State)
	}
	k.next++
	k.live[k.next] = st
	k.order = append(k.order, k.next)
	for len(k.live) > maxCalls && len(k.order) > 0 {
		delete(k.live, k.order[0])
		k.order = k.order[1:]
	}
	if len(k.order) > 2*maxCalls {
		// Most are tokens already taken: keep the live ones.
		kept := k.order[:0]
		for _, t := range k.order {
			if _, ok := k.live[t]; ok {
				kept = append(kept, t)
			}
		}
		k.order = append([]uint64(nil), kept...)
	}
	return k.next
}

// take removes and returns the State of token, or nil.
func (k *Calls) take(token uint64) *State {
	k.mu.Lock()
	defer k.mu.Unlock()
	st, ok := k.live[token]
	if !ok {
		return nil
	}
	delete(k.live, token)
	return st
}

// Len is how many States are kept.
func (k *Calls) Len() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return len(k.live)
}
