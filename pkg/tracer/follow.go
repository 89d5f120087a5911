package tracer

import "github.com/guestrace/guestrace/pkg/guestos"

// maxAncestors bounds the walk up a thread's parents (-f): a guest whose
// parent chain loops or runs on is cut there.
const maxAncestors = 64

// maxFollowCache bounds the remembered decisions of -f; the cache starts
// over when it is full.
const maxFollowCache = 1 << 14

// followKey identifies a thread for the cache: its task address and id
// together, so that a reused address of a new thread is not confused
// with the old one.
type followKey struct {
	key uint64
	tid uint32
}

// selected reports whether the process filters name th itself.
func (t *Tracer) selected(th *guestos.Thread) bool {
	for _, p := range t.cfg.PIDs {
		if th.PID == p || th.TID == p {
			return true
		}
	}
	name := th.Name()
	for _, c := range t.cfg.Comms {
		if string(name) == c {
			return true
		}
	}
	return false
}

// descends reports whether one of th's ancestors is selected (-f: the
// children of traced processes are traced, and theirs). Each thread's
// answer is remembered: a process's ancestry does not change, except
// when an ancestor dies and the child is re-parented, and strace keeps
// tracing such children too.
func (t *Tracer) descends(th *guestos.Thread, os guestos.OS) bool {
	pr, ok := os.(guestos.Parenter)
	if !ok {
		return false
	}
	k := followKey{th.Key, th.TID}
	if v, ok := t.follow[k]; ok {
		return v
	}
	if len(t.follow) >= maxFollowCache || t.follow == nil {
		t.follow = make(map[followKey]bool)
	}
	found := false
	cur := *th
	for i := 0; i < maxAncestors; i++ {
		var parent guestos.Thread
		if pr.Parent(&cur, &parent) != nil || parent.Key == cur.Key || parent.PID == 0 {
			break
		}
		if t.selected(&parent) {
			found = true
			break
		}
		if v, ok := t.follow[followKey{parent.Key, parent.TID}]; ok {
			found = v
			break
		}
		cur = parent
	}
	t.follow[k] = found
	return found
}
