package guestlab

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWorkloadAccounts runs each workload on the host under strace and
// checks that its account lines equal strace's lines, call by call and
// thread by thread, for the calls it accounts. The binaries are the
// static ones that go into the lab's initramfs.
func TestWorkloadAccounts(t *testing.T) {
	dir, err := Dir()
	if err != nil {
		if testing.Short() {
			t.Skip(err)
		}
		t.Fatal(err)
	}
	if _, err := exec.LookPath("strace"); err != nil {
		t.Fatalf("strace not found (apt-get install strace, or make deps): %v", err)
	}
	for _, tc := range []struct {
		name  string
		args  []string // "DIR" is replaced by a temp dir
		trace string   // the calls the workload accounts (and execve, always traced)
	}{
		{"gt-fileops", []string{"DIR"}, "mkdir,openat,write,read,close,newfstatat,rename,unlink,rmdir,unlinkat,exit_group"},
		// strace's escapes: quote, tab, backslash, octal before a digit and not, UTF-8 bytes.
		{"gt-fileops", []string{"DIR/q\"t\tb\\o\x01" + "7\x02x\u00e9"}, "mkdir,openat,write,read,close,newfstatat,rename,unlink,rmdir,unlinkat,exit_group"},
		{"gt-procops", nil, "fork,wait4,exit_group"},
		{"gt-threads", []string{"DIR", "3", "4"}, "openat,write,read,close,unlink,exit_group"},
		{"gt-closeloop", []string{"5", "-v"}, "close,exit_group"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bin := filepath.Join(dir, "workloads", tc.name)
			if _, err := os.Stat(bin); err != nil {
				t.Fatalf("%v: run make guest", err)
			}
			tmp := t.TempDir()
			args := []string{"-f", "-qq", "-e", "signal=none", "-e", "trace=execve," + tc.trace,
				"-o", filepath.Join(tmp, "strace.out"), bin}
			for _, a := range tc.args {
				a = strings.ReplaceAll(a, "DIR", tmp)
				if strings.HasPrefix(a, tmp+"/") {
					require.NoError(t, os.Mkdir(a, 0o755))
				}
				args = append(args, a)
			}
			cmd := exec.Command("strace", args...)
			cmd.Stderr = os.Stderr
			out, err := cmd.Output()
			require.NoError(t, err, "strace %s", strings.Join(args, " "))
			traced, err := os.ReadFile(filepath.Join(tmp, "strace.out"))
			require.NoError(t, err)

			root, want := parseStrace(t, string(traced))
			got := parseAccounts(t, string(out), tc.name, root)
			require.NotEmpty(t, got)
			assert.Equal(t, want, got, "strace's lines (want) and the account lines (got), by thread")
		})
	}
}

var (
	straceLineRE = regexp.MustCompile(`^(\d+) +(.*)$`) // strace pads short pids
	resumedRE    = regexp.MustCompile(`^<\.\.\. [a-z0-9_]+ resumed>(.*)$`)
	// strace pads the call to a column before " = "; the account does not.
	retRE = regexp.MustCompile(`^(.*\))\s+= (.+)$`)
)

// parseStrace reads `strace -f -o` output into calls by thread id, joining
// unfinished/resumed halves and dropping the execve that strace itself
// made to start the program (the first line). It returns that first pid.
func parseStrace(t *testing.T, s string) (int, map[int][]string) {
	t.Helper()
	calls := map[int][]string{}
	pending := map[int]string{}
	root := 0
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		m := straceLineRE.FindStringSubmatch(sc.Text())
		require.NotNil(t, m, "strace line %q", sc.Text())
		tid, _ := strconv.Atoi(m[1])
		rest := m[2]
		if strings.HasPrefix(rest, "+++ ") || strings.HasPrefix(rest, "--- ") {
			continue
		}
		if r := resumedRE.FindStringSubmatch(rest); r != nil {
			rest = pending[tid] + r[1]
			delete(pending, tid)
		} else if head, ok := strings.CutSuffix(rest, " <unfinished ...>"); ok {
			pending[tid] = head
			continue
		}
		if root == 0 {
			root = tid
			require.True(t, strings.HasPrefix(rest, "execve("), "first strace line %q", rest)
			continue
		}
		r := retRE.FindStringSubmatch(rest)
		require.NotNil(t, r, "strace line %q", rest)
		calls[tid] = append(calls[tid], r[1]+" = "+r[2])
	}
	require.Empty(t, pending, "unfinished calls")
	return root, calls
}

// parseAccounts reads the account lines by thread id and checks their
// pid (the process of the root, or the child for gt-procops) and comm.
func parseAccounts(t *testing.T, s, comm string, root int) map[int][]string {
	t.Helper()
	calls := map[int][]string{}
	for _, m := range accountRE.FindAllStringSubmatch(s, -1) {
		pid, _ := strconv.Atoi(m[1])
		tid, _ := strconv.Atoi(m[2])
		assert.Equal(t, comm, m[3], "comm of %q", m[0])
		if comm == "gt-procops" {
			assert.Equal(t, tid, pid, "pid of %q", m[0]) // single-threaded processes
		} else {
			assert.Equal(t, root, pid, "pid of %q", m[0])
		}
		calls[tid] = append(calls[tid], m[4])
	}
	return calls
}
