package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
)

// syscallsDistinct is how many distinct system calls gt-syscalls makes
// after its marker; every one of them is compared.
const syscallsDistinct = 157

// longtailDistinct is the same for gt-longtail, counting only the calls
// gt-syscalls does not make; with it the comparison covers
// syscallsDistinct+longtailDistinct distinct x86-64 calls.
const longtailDistinct = 183

// straceMarker is the call that starts the comparison: what gt-syscalls
// does before it (the C library's start-up, its own set-up) differs
// between machines.
const straceMarker = "close(-100)"

// The rules under which a guestrace line and a strace line of the same
// call are the same line. Each names a value that is inherently different
// between the host and the guest, and replaces it on both sides:
//   - alignment: strace pads to column 40 counted from the start of its
//     line, which under -f begins with the pid; the padding is one space;
//   - pids: the returns of getpid, gettid, getppid, getpgrp, getsid, fork
//     and wait4, the pid arguments of kill, tgkill, tkill and wait4, and
//     si_pid in a siginfo are "<pid>";
//   - times: the timespec/timeval that clock_gettime and gettimeofday
//     return, the times in getrusage, and time()'s return with strace's
//     date comment are "<time>";
//   - uname's nodename (the host's name against "guestlab") is "<node>";
//   - sysinfo's structure (uptime, loads, memory and process counts of
//     each machine) is "{<sysinfo>}";
//   - brk(NULL)'s return: each kernel places the heap of a static
//     program its own way (6.1 right after .bss, later kernels further
//     away) - "<brk>";
//   - the AIO context io_setup returns, the address of the ring it maps
//     (each kernel places its mappings its own way): "<aioctx>".
//
// Pointers need no rule: gt-syscalls keeps every buffer in an arena at a
// fixed address. Inode, device and time fields of stat structures need
// none either: strace's default (non -v) output leaves them out, and
// gt-syscalls sets times it later reads. Signals ("--- SIGUSR1 ...") and
// exits ("+++ exited with 0 +++") are not system calls: strace prints
// them, guestrace does not, so they are left out of strace's side.
var straceRules = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`\) +(= )`), ") $1"},
	{regexp.MustCompile(`^((?:getpid|gettid|getppid|getpgrp|getpgid|getsid|fork|vfork|clone|wait4)\(.*\) = )\d+$`), "$1<pid>"},
	{regexp.MustCompile(`^((?:kcmp|pidfd_open|rt_sigqueueinfo|rt_tgsigqueueinfo|process_vm_readv|process_vm_writev)\()\d+`), "$1<pid>"},
	{regexp.MustCompile(`^((?:kcmp|rt_tgsigqueueinfo)\(<pid>, )\d+`), "$1<pid>"},
	{regexp.MustCompile(`^(waitid\(P_PID, )\d+`), "$1<pid>"},
	{regexp.MustCompile(`^((?:kill|tkill|wait4)\()\d+`), "$1<pid>"},
	{regexp.MustCompile(`^tgkill\(\d+, \d+`), "tgkill(<pid>, <pid>"},
	{regexp.MustCompile(`si_pid=\d+`), "si_pid=<pid>"},
	{regexp.MustCompile(`=\{pid=\d+`), "={pid=<pid>"},
	{regexp.MustCompile(`^(getsockopt\(.*, \{)pid=\d+`), "${1}pid=<pid>"},
	{regexp.MustCompile(`^time\(NULL\) = \d+ \([^)]*\)$`), "time(NULL) = <time>"},
	{regexp.MustCompile(`nodename="[^"]*"`), `nodename="<node>"`},
	{regexp.MustCompile(`^sysinfo\(\{.*\}\) = `), "sysinfo({<sysinfo>}) = "},
	{regexp.MustCompile(`^brk\(NULL\) = 0x[0-9a-f]+$`), "brk(NULL) = <brk>"},
	{regexp.MustCompile(`^(io_setup\(\d+, \[)0x[0-9a-f]+\]`), "$1<aioctx>]"},
	{regexp.MustCompile(`^((?:io_submit|io_getevents|io_pgetevents|io_cancel|io_destroy)\()0x[0-9a-f]+`), "$1<aioctx>"},
	//   - key serial numbers (add_key, keyctl, request_key; one a line in
	//     gt-longtail) are random: "<key>"; System V IPC ids count the objects each machine made
	//     before: "<ipc>".
	{regexp.MustCompile(`^((?:add_key|keyctl|request_key)\(.*)\b\d{6,}\b(.*)$`), "$1<key>$2"},
	{regexp.MustCompile(`^((?:msg|sem|shm)get\(.*\) = )\d+$`), "$1<ipc>"},
	{regexp.MustCompile(`^((?:msgsnd|msgrcv|msgctl|semop|semtimedop|semctl|shmat|shmctl)\()\d+`), "$1<ipc>"},
}

// timeFields are the seconds and fractions of a time; replaced in the
// calls that return the current time or the time used.
var (
	timeCalls  = regexp.MustCompile(`^(clock_gettime\(CLOCK_MONOTONIC|gettimeofday|getrusage)\(?`)
	timeFields = regexp.MustCompile(`tv_sec=\d+, tv_(n|u)sec=\d+`)
)

func straceNormalize(l string) string {
	for _, r := range straceRules {
		l = r.re.ReplaceAllString(l, r.with)
	}
	if timeCalls.MatchString(l) {
		l = timeFields.ReplaceAllString(l, "tv_sec=<time>, tv_${1}sec=<time>")
	}
	return l
}

// callLines is one process's lines from the marker on, split calls
// joined, in the order of the processes' first lines.
type callLines [][]string

// joiner joins "<unfinished ...>" entries with their "<... resumed>"
// ends, per thread.
type joiner map[string]string

func (j joiner) add(id, text string) (string, bool) {
	if entry, ok := strings.CutSuffix(text, " <unfinished ...>"); ok {
		j[id] = entry
		return "", false
	}
	if strings.HasPrefix(text, "<... ") {
		if i := strings.Index(text, " resumed>"); i >= 0 {
			entry := j[id]
			delete(j, id)
			return entry + text[i+len(" resumed>"):], true
		}
	}
	return text, true
}

// groupFrom orders (id, line) pairs into per-process lists, starting at
// the marker line of the first process that has it ("" starts at the
// first line).
func groupFrom(ids, lines []string, marker string) (callLines, bool) {
	start := -1
	for i, l := range lines {
		if strings.HasPrefix(l, marker) {
			start = i
			break
		}
	}
	if start < 0 {
		return nil, false
	}
	var out callLines
	index := map[string]int{}
	for i := start; i < len(lines); i++ {
		n, ok := index[ids[i]]
		if !ok {
			n = len(out)
			index[ids[i]] = n
			out = append(out, nil)
		}
		out[n] = append(out[n], straceNormalize(lines[i]))
	}
	return out, true
}

var straceLineRE = regexp.MustCompile(`^(\d+) +(.*)$`)

// parseStrace reads `strace -f -o` output: "PID  line".
func parseStrace(t *testing.T, data string) callLines {
	t.Helper()
	return parseStraceFrom(t, data, straceMarker)
}

// parseStraceFrom is parseStrace from another marker.
func parseStraceFrom(t *testing.T, data, marker string) callLines {
	t.Helper()
	var ids, lines []string
	j := joiner{}
	last := ""
	for _, l := range strings.Split(strings.TrimRight(data, "\n"), "\n") {
		if strings.HasPrefix(l, " | ") || strings.HasPrefix(l, " * ") || strings.HasPrefix(l, " = ") {
			// -e read=/write= dump lines carry no pid: the call's.
			l = last + l
		}
		m := straceLineRE.FindStringSubmatch(l)
		require.NotNil(t, m, "strace line %q", l)
		last = m[1] + " "
		if strings.HasPrefix(m[2], "--- ") || strings.HasPrefix(m[2], "+++ ") {
			continue
		}
		if text, ok := j.add(m[1], m[2]); ok {
			ids, lines = append(ids, m[1]), append(lines, text)
		}
	}
	g, ok := groupFrom(ids, lines, marker)
	require.True(t, ok, "no %s in strace's output:\n%s", marker, data)
	return g
}

// parseGuestrace reads guestrace's lines of the processes named comm.
func parseGuestrace(t *testing.T, trace []string, comm string) callLines {
	t.Helper()
	return parseGuestraceFrom(t, trace, comm, straceMarker)
}

// parseGuestraceFrom is parseGuestrace from another marker.
func parseGuestraceFrom(t *testing.T, trace []string, comm, marker string) callLines {
	t.Helper()
	var ids, lines []string
	j := joiner{}
	for _, l := range trace {
		m := traceRE.FindStringSubmatch(l)
		if m == nil || m[3] != comm {
			continue
		}
		if text, ok := j.add(m[2], m[4]); ok {
			ids, lines = append(ids, m[2]), append(lines, text)
		}
	}
	g, ok := groupFrom(ids, lines, marker)
	require.True(t, ok, "no %s of %s in guestrace's output (%d lines)", marker, comm, len(trace))
	return g
}

// straceOnHost runs the workload under strace -f on this machine, in a
// directory of the same path as the guest's, without address-space
// randomisation (as the guest runs it), and returns strace's output.
func straceOnHost(t *testing.T, bin, dir string) string {
	t.Helper()
	return straceOnHostWith(t, bin, dir)
}

// straceOnHostWith is straceOnHost with more strace options. The
// workload's only output is its "NAME: done" line.
func straceOnHostWith(t *testing.T, bin, dir string, opts ...string) string {
	t.Helper()
	for _, tool := range []string{"strace", "setarch"} {
		_, err := exec.LookPath(tool)
		require.NoError(t, err, "%s is needed on the host (scripts/deps.sh)", tool)
	}
	require.NoError(t, os.Mkdir(dir, 0o755))
	t.Cleanup(func() { os.RemoveAll(dir) })
	out := filepath.Join(t.TempDir(), "strace.out")
	c, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	args := append(append([]string{"-R", "strace", "-f", "-o", out}, opts...), bin, dir)
	cmd := exec.CommandContext(c, "setarch", args...)
	cmd.Env = []string{}
	b, err := cmd.CombinedOutput()
	require.NoError(t, err, "strace %s %s: %s", bin, dir, b)
	require.Equal(t, filepath.Base(bin)+": done\n", string(b))
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	return string(data)
}

// TestSyscallsMatchStrace runs gt-syscalls under strace on the host and
// under guestrace in the lab guest (matchStrace).
func TestSyscallsMatchStrace(t *testing.T) {
	g := guestlab.Boot(t, guestlab.Options{VCPUs: 1})
	names := matchStrace(t, g, qemuArgs(g), "gt-syscalls")
	assert.Equal(t, syscallsDistinct, len(names), "distinct calls compared")
	assert.GreaterOrEqual(t, len(names), 80)
}

// TestLongtailMatchStrace is TestSyscallsMatchStrace for gt-longtail, the
// long tail of calls (keys, IPC, mounts, NUMA, timers...). The two
// workloads together compare syscallsDistinct+longtailDistinct calls.
func TestLongtailMatchStrace(t *testing.T) {
	g := guestlab.Boot(t, guestlab.Options{VCPUs: 1})
	names := matchStrace(t, g, qemuArgs(g), "gt-longtail")
	beyond := beyondSyscalls(t, names)
	t.Logf("%d distinct calls beyond gt-syscalls'", beyond)
	assert.Equal(t, longtailDistinct, beyond, "distinct calls gt-syscalls does not make")
}

// beyondSyscalls counts the calls of names that gt-syscalls does not make.
func beyondSyscalls(t *testing.T, names map[string]bool) int {
	t.Helper()
	src, err := os.ReadFile("../../guest/workloads/gt-syscalls.c")
	require.NoError(t, err)
	beyond := 0
	for name := range names {
		if !strings.Contains(string(src), "SYS_"+name+",") && !strings.Contains(string(src), "SYS_"+name+")") {
			beyond++
		}
	}
	return beyond
}

// newerCalls are the workloads' calls newer than a kernel of the matrix,
// with the release that added them (docs/linux-syscalls.md).
var newerCalls = map[string]string{
	"mount_setattr":           "5.12",
	"landlock_create_ruleset": "5.13",
	"landlock_add_rule":       "5.13",
	"landlock_restrict_self":  "5.13",
	"process_mrelease":        "5.15",
	"futex_waitv":             "5.16",
	"set_mempolicy_home_node": "5.17",
}

// lackedCalls are the newerCalls a kernel release ("5.10.0-46-cloud-amd64")
// lacks.
func lackedCalls(t *testing.T, release string) map[string]bool {
	t.Helper()
	version := func(s string) [2]int {
		var v [2]int
		_, err := fmt.Sscanf(s, "%d.%d", &v[0], &v[1])
		require.NoError(t, err, "release %q", s)
		return v
	}
	have := version(release)
	lacks := map[string]bool{}
	for name, since := range newerCalls {
		v := version(since)
		if have[0] < v[0] || have[0] == v[0] && have[1] < v[1] {
			lacks[name] = true
		}
	}
	return lacks
}

// matchStrace runs the guest's workload under strace on the host and
// under guestrace (attached with the attach arguments) in the guest,
// compares their lines after the rules above, and returns the names of
// the calls whose lines matched.
func matchStrace(t *testing.T, g *guestlab.Guest, attach []string, workload string) map[string]bool {
	bin := filepath.Join(g.LabDir, "workloads", workload)
	_, err := os.Stat(bin)
	require.NoError(t, err, "run make guest")

	dir := marker(t)
	want := parseStrace(t, straceOnHost(t, bin, dir))

	p := startTracer(t, attach...)
	// Every call of every process stops the guest: on 2 vCPUs of a busy
	// machine the run takes minutes.
	out, status, err := g.Exec(ctx(t, 10*time.Minute),
		"echo 0 >/proc/sys/kernel/randomize_va_space && ip link set lo up && mkdir "+dir+" && /bin/"+workload+" "+dir)
	require.NoError(t, err)
	require.Equal(t, 0, status, out)
	require.Equal(t, 0, p.stop(t, syscall.SIGINT), p.Stderr())
	got := parseGuestrace(t, p.trace(t), workload)

	require.Len(t, got, len(want), "processes: guestrace %q, strace %q", got, want)
	// Calls the kernel lacks fail with ENOSYS before any function of it
	// runs when their number is past its table: strace sees them, a
	// breakpoint on a function cannot (docs/linux-syscalls.md).
	lacking := lackedCalls(t, g.Release)
	for i := range want {
		want[i] = slices.DeleteFunc(want[i], func(l string) bool {
			name, _, _ := strings.Cut(l, "(")
			return lacking[name]
		})
		got[i] = slices.DeleteFunc(got[i], func(l string) bool {
			name, _, _ := strings.Cut(l, "(")
			return lacking[name] && strings.HasSuffix(l, "= -1 ENOSYS (Function not implemented)")
		})
	}
	names := map[string]bool{}
	compared := 0
	for i := range want {
		for k := 0; k < max(len(want[i]), len(got[i])); k++ {
			var w, gl string
			if k < len(want[i]) {
				w = want[i][k]
			}
			if k < len(got[i]) {
				gl = got[i][k]
			}
			if !assert.Equal(t, w, gl, "process %d line %d", i, k) {
				continue
			}
			name, _, _ := strings.Cut(w, "(")
			names[name] = true
			compared++
		}
	}
	t.Logf("%d lines, %d distinct system calls compared", compared, len(names))
	return names
}
