package linux

import "encoding/binary"

// findRealParent finds task_struct.real_parent in the guest when the
// profile lacks it, as one made from a System.map does: the member moves
// with CONFIG_STACKPROTECTOR. In struct task_struct, "pid_t pid; pid_t
// tgid;" are followed by "unsigned long stack_canary;" in kernels with a
// stack protector, then by "struct task_struct *real_parent; struct
// task_struct *parent;". Both of init_task's point to init_task itself
// (init/init_task.c) and its canary is random, so the slot that holds
// init_task's address twice in a row is real_parent. Without a match,
// parents stay unknown.
func (l *Linux) findRealParent() {
	if l.lay.realParent != 0 || l.p.HasField("task_struct", "real_parent") {
		return
	}
	start := (l.lay.tgid + 4 + 7) &^ 7 // the first 8-byte slot after tgid
	b := l.buf[:32]
	if n, _ := l.w.ReadVirt(l.kroot, l.la57, l.initTask+start, b); n != len(b) {
		return
	}
	for _, skip := range []uint64{0, 8} { // without, with stack_canary
		if binary.LittleEndian.Uint64(b[skip:]) == l.initTask && binary.LittleEndian.Uint64(b[skip+8:]) == l.initTask {
			l.lay.realParent = start + skip
			return
		}
	}
}
