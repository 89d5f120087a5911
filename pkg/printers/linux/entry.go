package linux

// NeedsEntry reports whether the call must be seen at its entry to be
// printed as strace prints it, rather than whole at its return:
//   - rows that keep entry state for the exit ("[in => out]"), or print at
//     entry memory that the call changes (select's and poll's sets,
//     sendfile's, splice's and copy_file_range's offsets): every row with
//     a decoder of its own but those known to print only inputs;
//   - calls whose saved registers change (execve, rt_sigreturn), so that
//     their arguments are gone at the return;
//   - calls that never return.
func (s *Syscall) NeedsEntry() bool {
	if s.NoReturn() || entryCalls[s.Name] {
		return true
	}
	// (a multiplexer's calls may read their memory at entry)
	return (s.dec != nil || s.sub != nil) && !exitSafe[s.Name]
}

// entryCalls are the calls without a decoder of their own that need their
// entry.
var entryCalls = map[string]bool{
	"execve": true, "execveat": true, "rt_sigreturn": true, "sigreturn": true,
	"splice": true, "copy_file_range": true,
}

// exitSafe are calls with a decoder of their own whose entry part reads
// nothing the call changes.
var exitSafe = map[string]bool{
	"futex": true, "socket": true, "epoll_ctl": true, "setsockopt": true,
	"mremap": true, "arch_prctl": true,
}
