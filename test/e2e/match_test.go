package e2e

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// account is one line a workload printed about one of its calls:
// "WORKLOAD pid=P tid=T comm=C <call as strace prints it> = <ret>".
type account struct {
	pid, tid string
	comm     string
	text     string
}

var (
	accountRE = regexp.MustCompile(`^WORKLOAD pid=(\d+) tid=(\d+) comm=(\S+) (.*)$`)
	traceRE   = regexp.MustCompile(`^\[pid (\d+)/(\d+) (\S+)\] (.*)$`)
	// alignRE is strace's padding before " = ": the workloads print one
	// space, guestrace aligns as strace does.
	alignRE = regexp.MustCompile(`\) +(= )`)
)

func parseAccounts(out string) []account {
	var as []account
	for _, l := range strings.Split(out, "\n") {
		if m := accountRE.FindStringSubmatch(strings.TrimRight(l, "\r")); m != nil {
			as = append(as, account{pid: m[1], tid: m[2], comm: m[3], text: m[4]})
		}
	}
	return as
}

// normalize applies the comparison rules between a workload's account and
// guestrace's line:
//   - strace's alignment padding before " = " is one space;
//   - a call split by other events ("read(3 <unfinished ...>" then
//     "<... read resumed>, ...") is joined back into one line.
func normalize(s string) string { return alignRE.ReplaceAllString(s, ") $1") }

// traced is guestrace's output as lines per thread, split calls joined.
type traced struct {
	byTID map[string][]string // tid -> call lines, in order
	comm  map[string]string   // tid -> the process name on its lines
	pid   map[string]string   // tid -> pid
	bad   []string            // lines that do not parse
}

func parseTrace(lines []string) *traced {
	tr := &traced{byTID: map[string][]string{}, comm: map[string]string{}, pid: map[string]string{}}
	open := map[string]string{} // tid -> entry text awaiting its resumption
	for _, l := range lines {
		if l == "" {
			continue
		}
		m := traceRE.FindStringSubmatch(l)
		if m == nil {
			tr.bad = append(tr.bad, l)
			continue
		}
		pid, tid, comm, text := m[1], m[2], m[3], m[4]
		tr.pid[tid], tr.comm[tid] = pid, comm
		if entry, ok := strings.CutSuffix(text, " <unfinished ...>"); ok {
			open[tid] = entry
			continue
		}
		if strings.HasPrefix(text, "<... ") {
			i := strings.Index(text, " resumed>")
			if i < 0 {
				tr.bad = append(tr.bad, l)
				continue
			}
			entry, ok := open[tid]
			if !ok {
				tr.bad = append(tr.bad, "resumed without an unfinished entry: "+l)
				continue
			}
			delete(open, tid)
			text = entry + text[i+len(" resumed>"):]
		}
		tr.byTID[tid] = append(tr.byTID[tid], normalize(text))
	}
	return tr
}

// check finds every account in the trace, in order per thread, with the
// same pid, tid and process name, and the same text.
func (tr *traced) check(t *testing.T, as []account) {
	t.Helper()
	if len(as) == 0 {
		t.Fatal("the workload printed no account lines")
	}
	pos := map[string]int{}
	for _, a := range as {
		lines := tr.byTID[a.tid]
		want := normalize(a.text)
		found := -1
		for i := pos[a.tid]; i < len(lines); i++ {
			if lines[i] == want {
				found = i
				break
			}
		}
		if found < 0 {
			t.Errorf("pid %s tid %s: no trace line\n  %s\namong %d lines of that thread:\n%s",
				a.pid, a.tid, want, len(lines), tail(lines[pos[a.tid]:], 12))
			continue
		}
		pos[a.tid] = found + 1
		if tr.pid[a.tid] != a.pid || tr.comm[a.tid] != a.comm {
			t.Errorf("tid %s: trace says pid %s comm %s, the workload pid %s comm %s",
				a.tid, tr.pid[a.tid], tr.comm[a.tid], a.pid, a.comm)
		}
	}
	if len(tr.bad) > 0 {
		t.Errorf("%d trace lines do not parse, e.g. %q", len(tr.bad), tr.bad[0])
	}
}

func tail(lines []string, n int) string {
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	var b strings.Builder
	for _, l := range lines {
		fmt.Fprintf(&b, "  %s\n", l)
	}
	return b.String()
}
