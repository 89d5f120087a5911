package linux

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/x86"
)

// maxProcesses bounds the walk of the task list: a guest's list that
// runs longer is reported as corrupt rather than walked for minutes.
var maxProcesses = 1 << 16

// Process is a thread group of the guest: one task on init_task's tasks
// list (the group leaders), starting with init_task itself (pid 0).
type Process struct {
	PID  uint32 // tgid
	PPID uint32 // tgid of real_parent; 0 when unknown
	Comm [guestos.CommLen]byte
	Task uint64 // task_struct address
}

// Name returns the process name up to its first NUL (unescaped).
func (p *Process) Name() []byte {
	if i := bytes.IndexByte(p.Comm[:], 0); i >= 0 {
		return p.Comm[:i]
	}
	return p.Comm[:]
}

// Processes walks the task list. The guest should be paused: a list that
// changes under the walk may end it with an error. A list that loops,
// leaves kernel memory or runs past 65536 tasks ends it with an error
// wrapping guestos.ErrBadGuestData; the processes read so far are
// returned with any error.
func (l *Linux) Processes() ([]Process, error) {
	l.w.Invalidate()
	lay := &l.lay
	head := l.initTask + lay.tasks
	seen := map[uint64]bool{head: true}
	parents := map[uint64]uint64{} // index in procs -> real_parent task
	var procs []Process
	for task := l.initTask; ; {
		var p Process
		next, parent, err := l.readProc(task, &p)
		if err != nil {
			return procs, err
		}
		if parent != 0 {
			parents[uint64(len(procs))] = parent
		}
		procs = append(procs, p)
		if next == head {
			break
		}
		if !x86.Kernel(next) || next < lay.tasks {
			return procs, fmt.Errorf("task list: next %#x after task %#x is not a kernel address: %w", next, task, guestos.ErrBadGuestData)
		}
		if seen[next] {
			return procs, fmt.Errorf("task list loops back to %#x after %d tasks: %w", next, len(procs), guestos.ErrBadGuestData)
		}
		if len(procs) >= maxProcesses {
			return procs, fmt.Errorf("task list runs past %d tasks: %w", maxProcesses, guestos.ErrBadGuestData)
		}
		seen[next] = true
		task = next - lay.tasks
	}
	l.fillParents(procs, parents)
	return procs, nil
}

// readProc reads a task's identity, its next list entry and its parent in
// one read when the profile's offsets are close, else field by field.
func (l *Linux) readProc(task uint64, p *Process) (next, parent uint64, err error) {
	lay := &l.lay
	lo, hi := min(lay.taskLo, lay.tasks), max(lay.taskHi, lay.tasks+8)
	if lay.realParent != 0 {
		lo, hi = min(lo, lay.realParent), max(hi, lay.realParent+8)
	}
	if hi-lo > scratchSize {
		var th guestos.Thread
		if err := l.readTask(task, &th); err != nil {
			return 0, 0, err
		}
		p.PID, p.Comm, p.Task = th.PID, th.Comm, task
		if next, err = l.read64(task + lay.tasks); err != nil {
			return 0, 0, fmt.Errorf("reading task_struct.tasks at %#x: %w", task, err)
		}
		if lay.realParent != 0 {
			parent, _ = l.read64(task + lay.realParent)
		}
		return next, parent, nil
	}
	b := l.buf[:hi-lo]
	if _, err := l.w.ReadVirt(l.kroot, l.la57, task+lo, b); err != nil {
		return 0, 0, fmt.Errorf("reading task_struct at %#x: %w", task, err)
	}
	p.PID = binary.LittleEndian.Uint32(b[lay.tgid-lo:])
	copy(p.Comm[:], b[lay.comm-lo:])
	p.Task = task
	next = binary.LittleEndian.Uint64(b[lay.tasks-lo:])
	if lay.realParent != 0 {
		parent = binary.LittleEndian.Uint64(b[lay.realParent-lo:])
	}
	return next, parent, nil
}

// fillParents sets PPID from the tasks already read, reading the tgid of
// parents that are not group leaders.
func (l *Linux) fillParents(procs []Process, parents map[uint64]uint64) {
	tgid := make(map[uint64]uint32, len(procs))
	for _, p := range procs {
		tgid[p.Task] = p.PID
	}
	for i, parent := range parents {
		if id, ok := tgid[parent]; ok {
			procs[i].PPID = id
			continue
		}
		if !x86.Kernel(parent) {
			continue
		}
		b := l.buf[:4]
		if _, err := l.w.ReadVirt(l.kroot, l.la57, parent+l.lay.tgid, b); err == nil {
			procs[i].PPID = binary.LittleEndian.Uint32(b)
			tgid[parent] = procs[i].PPID
		}
	}
}
