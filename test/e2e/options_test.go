package e2e

import (
	"cmp"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
)

// fileCalls are gt-syscalls' calls on files, descriptors and pipes
// (close holds the marker).
const fileCalls = "close,open,openat,creat,write,pwrite64,writev,lseek,fsync,fdatasync,ftruncate," +
	"fallocate,fstat,flock,fchmod,fchown,read,pread64,readv,dup,dup2,dup3,newfstatat," +
	"faccessat2,fchmodat,fchownat,renameat2,linkat,symlinkat,readlinkat,unlinkat,mknodat," +
	"mkdirat,getdents64,fchdir,syncfs,pipe,pipe2,tee,splice,eventfd2,epoll_create1," +
	"timerfd_create,timerfd_settime,timerfd_gettime,signalfd4,memfd_create,inotify_init1," +
	"inotify_add_watch,inotify_rm_watch"

// descCalls are fileCalls and the calls that take descriptors inside
// their arguments (poll's, select's sets) or return one (fcntl F_DUPFD).
const descCalls = fileCalls + ",poll,ppoll,select,pselect6,fcntl,epoll_ctl,epoll_wait,epoll_pwait,ioctl,sendfile"

// sockCalls are gt-syscalls' calls on sockets.
const sockCalls = "socket,socketpair,bind,listen,accept,accept4,connect,getsockname,getpeername," +
	"setsockopt,getsockopt,sendto,recvfrom,sendmsg,recvmsg,shutdown"

// optionCase is one strace option compared: its spelling (the same for
// strace and guestrace), the calls compared, and rules for values that
// differ between the host and the guest under this option.
type optionCase struct {
	name string
	// workload is the lab workload run (default gt-syscalls), given a
	// directory of its own.
	workload string
	opts     []string
	calls    string
	rules    []rule
	// stamp, when set, is the leading time stamp every line must have
	// (taken off before the lines are compared: the host's and the
	// guest's times differ).
	stamp *regexp.Regexp
	// noMarker compares from the first line rather than from the
	// marker call: -P leaves the marker out.
	noMarker bool
}

type rule struct {
	re   *regexp.Regexp
	with string
}

var (
	// Inode numbers of sockets and pipes differ between machines.
	inodeRule = rule{regexp.MustCompile(`(socket|pipe):\[\d+\]`), "$1:[<inode>]"}
	// -yy's socket details: inode numbers (the socket's, a unix
	// peer's) and a netlink socket's port id (its process id).
	sockRules = []rule{
		{regexp.MustCompile(`\b(UNIX|UNIX-STREAM|TCP|UDP|TCPv6|UDPv6|NETLINK):\[\d+(\]|,|->)`), "$1:[<inode>$2"},
		{regexp.MustCompile(`->\d+([],])`), "-><inode>$1"},
		{regexp.MustCompile(`NETLINK:\[(\w+):\d+\]`), "NETLINK:[$1:<portid>]"},
		inodeRule,
	}
	// A relative time stamp, strace's "%6ld.%06ld ".
	relStamp = regexp.MustCompile(`^ *\d+\.\d{6} `)
)

// statRules replace what -v shows of a file that differs between the
// host's file system and the guest's: device, inode, block size and
// count, and the times the kernel set.
var statRules = []rule{
	{regexp.MustCompile(`st_dev=makedev\([^)]*\)`), "st_dev=<dev>"},
	{regexp.MustCompile(`st_ino=\d+`), "st_ino=<ino>"},
	{regexp.MustCompile(`st_blksize=\d+, st_blocks=\d+`), "st_blksize=<blk>, st_blocks=<blk>"},
	{regexp.MustCompile(`st_([amc])time=\d+ /\* [^*]* \*/, st_[amc]time_nsec=\d+`), "st_${1}time=<time>"},
}

func optionCases(dir string) []optionCase {
	return []optionCase{
		{name: "x", opts: []string{"-x"}, calls: fileCalls},
		{name: "xx", opts: []string{"-xx"}, calls: fileCalls},
		{name: "X raw", opts: []string{"-X", "raw"}, calls: fileCalls},
		{name: "X verbose", opts: []string{"-X", "verbose"}, calls: fileCalls},
		{name: "v", opts: []string{"-v"}, calls: "close,fstat,stat,lstat,newfstatat,rt_sigaction,sigaltstack," +
			"getitimer,setitimer,epoll_wait,sendmsg,recvmsg,timerfd_gettime", rules: statRules},
		{name: "y", opts: []string{"-y"}, calls: descCalls, rules: []rule{inodeRule}},
		{name: "yy", opts: []string{"-yy"}, calls: descCalls + "," + sockCalls, rules: sockRules},
		// gt-sockets once for both: its sockets under -yy, its messages' dumps.
		{name: "yy e read write sockets", workload: "gt-sockets", opts: []string{"-yy", "-e", "read=all", "-e", "write=all"}, calls: "all", rules: sockRules},
		{name: "r", opts: []string{"-r"}, calls: fileCalls, stamp: relStamp},
		{name: "P", opts: []string{"-P", dir + "/a"}, calls: "all", noMarker: true},
		{name: "e read write", opts: []string{"-e", "read=3,5", "-e", "write=all"}, calls: fileCalls},
	}
}

// TestOptionsMatchStrace runs gt-syscalls under strace on the host with
// each option of optionCases, and under guestrace with the same option in
// the lab guest, and wants the same lines; then -f and -y's JSON field.
// One guest serves them all. Its standard output is a pipe
// on both sides, as strace's harness gives it.
func TestOptionsMatchStrace(t *testing.T) {
	if testing.Short() {
		t.Skip("boots the lab guest (skipped under -short)")
	}
	lab, err := guestlab.Dir()
	require.NoError(t, err)
	workload := func(name string) string {
		bin := filepath.Join(lab, "workloads", name)
		_, err := os.Stat(bin)
		require.NoError(t, err, "run make guest")
		return bin
	}
	bin := workload("gt-syscalls")

	g := guestlab.Boot(t, guestlab.Options{VCPUs: 1})
	out, status, err := g.Exec(ctx(t, time.Minute), "echo 0 >/proc/sys/kernel/randomize_va_space && ip link set lo up")
	require.NoError(t, err)
	require.Equal(t, 0, status, out)

	dir := marker(t)
	for _, tc := range optionCases(dir) {
		t.Run(tc.name, func(t *testing.T) {
			from := straceMarker
			if tc.noMarker {
				from = ""
			}
			name := cmp.Or(tc.workload, "gt-syscalls")
			sel := []string{"-e", "trace=" + tc.calls}
			data := straceOnHostWith(t, workload(name), dir, append(append([]string{}, tc.opts...), sel...)...)
			data = stripStamps(t, tc.stamp, data, regexp.MustCompile(`^(\d+) +`))
			want := parseStraceFrom(t, data, from)

			args := append(append(append(qemuArgs(g), tc.opts...), sel...), "--comm", name)
			p := startTracer(t, args...)
			out, status, err := g.Exec(ctx(t, 10*time.Minute), "mkdir "+dir+" && { /bin/"+name+" "+dir+"; echo $? >/tmp/gt.status; } | cat; rm -rf "+dir+"; exit $(cat /tmp/gt.status)")
			require.NoError(t, err)
			require.Equal(t, 0, status, out)
			require.Equal(t, 0, p.stop(t, syscall.SIGINT), p.Stderr())
			trace := strings.Split(stripStamps(t, tc.stamp, strings.Join(p.trace(t), "\n"), regexp.MustCompile(`^(\[pid [^]]*\] )`)), "\n")
			got := parseGuestraceFrom(t, trace, name, from)
			compareOption(t, tc, want, got)
		})
	}
	t.Run("f", func(t *testing.T) { testFollowForks(t, g, bin) })
	t.Run("y json", func(t *testing.T) { testFDPathsJSON(t, g) })
	t.Run("entry read again", func(t *testing.T) { testEntryReadAgain(t, g) })
	t.Run("e write json", func(t *testing.T) { testDumpJSON(t, g, workload("gt-sockets")) })
}

// testDumpJSON: under -e write= the JSON objects carry the dump lines
// strace prints after gt-sockets' sendmsg and sendmmsg.
func testDumpJSON(t *testing.T, g *guestlab.Guest, bin string) {
	dir := marker(t)
	const calls = "sendmsg,sendmmsg"
	var want [][]string
	for _, l := range strings.Split(straceOnHostWith(t, bin, dir, "-e", "trace="+calls, "-e", "write=all"), "\n") {
		l = regexp.MustCompile(`^\d+ +`).ReplaceAllString(l, "")
		switch {
		case strings.HasPrefix(l, "sendmsg(") || strings.HasPrefix(l, "sendmmsg("):
			want = append(want, nil)
		case strings.HasPrefix(l, " ") && len(want) > 0:
			want[len(want)-1] = append(want[len(want)-1], l)
		}
	}
	require.Len(t, want, 2)
	require.NotEmpty(t, want[0])
	require.NotEmpty(t, want[1])

	p := startTracer(t, append(qemuArgs(g), "--format", "json", "-e", "trace="+calls, "-e", "write=all", "--comm", "gt-sockets")...)
	out, status, err := g.Exec(ctx(t, 10*time.Minute), "mkdir "+dir+" && /bin/gt-sockets "+dir)
	require.NoError(t, err)
	require.Equal(t, 0, status, out)
	require.Equal(t, 0, p.stop(t, syscall.SIGINT), p.Stderr())
	var got [][]string
	for _, l := range p.trace(t) {
		var rec struct {
			Dump []string `json:"dump"`
		}
		require.NoError(t, json.Unmarshal([]byte(l), &rec), l)
		got = append(got, rec.Dump)
	}
	assert.Equal(t, want, got)
}

// testEntryReadAgain: a static program's first readlink names
// "/proc/self/exe" from a page of its data it has not touched yet (the
// kernel faults it in during the call). Seen at its entry (-y), the
// path cannot be read there: it is read again at the return, in text
// and in JSON, rather than printed as its address.
func testEntryReadAgain(t *testing.T, g *guestlab.Guest) {
	for _, format := range []string{"text", "json"} {
		dir := marker(t)
		p := startTracer(t, append(qemuArgs(g), "-y", "--format", format, "-e", "trace=readlink", "--comm", "gt-fileops")...)
		out, status, err := g.Exec(ctx(t, 10*time.Minute), "mkdir "+dir+" && /bin/gt-fileops "+dir)
		require.NoError(t, err)
		require.Equal(t, 0, status, out)
		require.Equal(t, 0, p.stop(t, syscall.SIGINT), p.Stderr())
		lines := p.trace(t)
		require.Len(t, lines, 1, format)
		if format == "text" {
			assert.Regexp(t, `\] readlink\("/proc/self/exe", "/bin/gt-fileops", 4096\) += 15$`, lines[0])
			continue
		}
		var rec struct {
			Args []string `json:"args"`
		}
		require.NoError(t, json.Unmarshal([]byte(lines[0]), &rec), lines[0])
		assert.Equal(t, []string{`"/proc/self/exe"`, `"/bin/gt-fileops"`, "4096"}, rec.Args, lines[0])
	}
}

// testFDPathsJSON: under -y the JSON objects carry the descriptors'
// paths: gt-syscalls' openat(AT_FDCWD, "a", O_RDONLY|O_CLOEXEC) = 3 in
// DIR names DIR and DIR/a.
func testFDPathsJSON(t *testing.T, g *guestlab.Guest) {
	dir := marker(t)
	p := startTracer(t, append(qemuArgs(g), "-y", "--format", "json", "-e", "trace=openat", "--comm", "gt-syscalls")...)
	out, status, err := g.Exec(ctx(t, 10*time.Minute), "mkdir "+dir+" && /bin/gt-syscalls "+dir)
	require.NoError(t, err)
	require.Equal(t, 0, status, out)
	require.Equal(t, 0, p.stop(t, syscall.SIGINT), p.Stderr())
	found := false
	for _, l := range p.trace(t) {
		var rec struct {
			Args    []string          `json:"args"`
			Ret     int64             `json:"ret"`
			FDPaths map[string]string `json:"fd_paths"`
		}
		require.NoError(t, json.Unmarshal([]byte(l), &rec), l)
		if len(rec.Args) == 3 && rec.Args[1] == `"a"` && rec.Args[2] == "O_RDONLY|O_CLOEXEC" {
			found = true
			assert.Equal(t, "AT_FDCWD<"+dir+">", rec.Args[0])
			assert.Equal(t, map[string]string{"AT_FDCWD": dir, strconv.FormatInt(rec.Ret, 10): dir + "/a"}, rec.FDPaths, l)
		}
	}
	assert.True(t, found, "no openat of a in %d lines", len(p.trace(t)))
}

// testFollowForks: -f with -p follows the children of the
// selected process. A shell in the guest waits on a FIFO, guestrace
// traces it by its pid with -f, then the shell runs gt-syscalls as a
// child: gt-syscalls' calls (and those of its own children) must be the
// lines strace -f prints for it on the host.
func testFollowForks(t *testing.T, g *guestlab.Guest, bin string) {
	dir := marker(t)
	const calls = "close,openat,read,write,getpid,exit_group"
	want := parseStrace(t, straceOnHostWith(t, bin, dir, "-e", "trace="+calls))

	out, status, err := g.Exec(ctx(t, time.Minute),
		"mkdir "+dir+" && rm -f /tmp/go /tmp/gt.status && mkfifo /tmp/go && "+
			"{ (read x </tmp/go; /bin/gt-syscalls "+dir+" >/tmp/gt.out 2>&1; echo $? >/tmp/gt.status) </dev/null >/dev/null 2>&1 & } && echo $!")
	require.NoError(t, err)
	require.Equal(t, 0, status, out)
	pid, err := strconv.Atoi(strings.TrimSpace(out))
	require.NoError(t, err, "the waiting shell's pid: %q", out)

	p := startTracer(t, append(qemuArgs(g), "-e", "trace="+calls, "-p", strconv.Itoa(pid), "-f")...)
	out, status, err = g.Exec(ctx(t, 10*time.Minute), "echo go >/tmp/go; while [ ! -s /tmp/gt.status ]; do sleep 0.2; done; cat /tmp/gt.out; exit $(cat /tmp/gt.status)")
	require.NoError(t, err)
	require.Equal(t, 0, status, out)
	require.Equal(t, 0, p.stop(t, syscall.SIGINT), p.Stderr())
	got := parseGuestrace(t, p.trace(t), "gt-syscalls")
	compareOption(t, optionCase{name: "f"}, want, got)
}

// stripStamps takes the time stamp off every line of data after its
// prefix (which lead matches), and fails unless every line has one.
func stripStamps(t *testing.T, stamp *regexp.Regexp, data string, lead *regexp.Regexp) string {
	t.Helper()
	if stamp == nil {
		return data
	}
	lines := strings.Split(data, "\n")
	for i, l := range lines {
		if l == "" {
			continue
		}
		m := lead.FindStringIndex(l)
		require.NotNil(t, m, "line %q", l)
		rest := l[m[1]:]
		s := stamp.FindStringIndex(rest)
		require.NotNil(t, s, "no time stamp in %q", l)
		lines[i] = l[:m[1]] + rest[s[1]:]
	}
	return strings.Join(lines, "\n")
}

// compareOption compares strace's lines with guestrace's, process by
// process, after the option's rules. A dump line starts with " | " or
// " * " in both: strace's pid padding has eaten the first space.
func compareOption(t *testing.T, tc optionCase, want, got callLines) {
	t.Helper()
	norm := func(l string) string {
		l = strings.TrimLeft(l, " ")
		for _, r := range tc.rules {
			l = r.re.ReplaceAllString(l, r.with)
		}
		return l
	}
	require.Len(t, got, len(want), "processes: guestrace %q, strace %q", got, want)
	compared := 0
	for i := range want {
		for k := 0; k < max(len(want[i]), len(got[i])); k++ {
			var w, gl string
			if k < len(want[i]) {
				w = norm(want[i][k])
			}
			if k < len(got[i]) {
				gl = norm(got[i][k])
			}
			if assert.Equal(t, w, gl, "%s: process %d line %d", tc.name, i, k) {
				compared++
			}
		}
	}
	t.Logf("%s: %d lines compared", tc.name, compared)
	assert.Greater(t, compared, 0)
}
