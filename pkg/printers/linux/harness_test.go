//go:build linux && amd64

package linux

import (
	"bufio"
	"context"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/guestrace/guestrace/pkg/printers"
)

// This file runs small C programs under ptrace, decoding each system call
// with this package, and under the real strace: the lines must be the same.
// It records what each call read from memory so that testdata/*.golden
// replays the same calls without ptrace or strace.

// runDeadline bounds each run of a test program.
const runDeadline = 30 * time.Second

const (
	addrNoRandomize  = 0x0040000
	ptraceOExitKill  = 0x100000
	ptraceOTraceExec = 0x10
)

// procMem reads a stopped tracee's memory through /proc/PID/mem, recording
// every byte it returns.
type procMem struct {
	f   *os.File
	rec *[]memChunk
}

type memChunk struct {
	va   uint64
	data []byte
}

func (m procMem) ReadVirt(va uint64, buf []byte) (int, error) {
	if va > 1<<63-1 {
		return 0, syscall.EFAULT
	}
	n, err := m.f.ReadAt(buf, int64(va))
	if n > 0 {
		*m.rec = append(*m.rec, memChunk{va, append([]byte(nil), buf[:n]...)})
	}
	if n < len(buf) && err == nil {
		err = syscall.EFAULT
	}
	return n, err
}

// record is one traced call: its arguments, return value, the memory its
// decoding read at entry and at exit, and its line.
type record struct {
	nr         int
	args       [6]uint64
	ret        int64
	enter, ext []memChunk
	line       string
}

// withNoASLR runs fn on a locked thread whose children start without
// address-space randomization, so that two runs of a program see the same
// addresses.
func withNoASLR(t *testing.T, fn func()) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	old, _, errno := syscall.RawSyscall(syscall.SYS_PERSONALITY, 0xffffffff, 0, 0)
	if errno != 0 {
		t.Fatalf("personality: %v", errno)
	}
	if _, _, errno := syscall.RawSyscall(syscall.SYS_PERSONALITY, old|addrNoRandomize, 0, 0); errno != 0 {
		t.Fatalf("personality: %v", errno)
	}
	defer syscall.RawSyscall(syscall.SYS_PERSONALITY, old, 0, 0)
	fn()
}

// ptraceRun runs prog in dir under ptrace and decodes each of its calls.
func ptraceRun(t *testing.T, prog, dir string, o *printers.Options) []record {
	var recs []record
	withNoASLR(t, func() {
		cmd := exec.Command(prog)
		cmd.Dir = dir
		cmd.Env = []string{}
		cmd.SysProcAttr = &syscall.SysProcAttr{Ptrace: true}
		if err := cmd.Start(); err != nil {
			t.Fatalf("start %s: %v", prog, err)
		}
		pid := cmd.Process.Pid
		// The programs run for milliseconds: one still running after
		// runDeadline is stuck, and killing it ends the loop below.
		timer := time.AfterFunc(runDeadline, func() { syscall.Kill(pid, syscall.SIGKILL) })
		defer timer.Stop()
		var ws syscall.WaitStatus
		if _, err := syscall.Wait4(pid, &ws, 0, nil); err != nil {
			t.Fatalf("wait %s: %v", prog, err)
		}
		if err := syscall.PtraceSetOptions(pid, syscall.PTRACE_O_TRACESYSGOOD|ptraceOExitKill|ptraceOTraceExec); err != nil {
			t.Fatalf("ptrace options: %v", err)
		}
		mf, err := os.Open(fmt.Sprintf("/proc/%d/mem", pid))
		if err != nil {
			t.Fatalf("open mem: %v", err)
		}
		defer mf.Close()
		var (
			inCall bool
			cur    record
			st     State
			line   []byte
			sig    int
		)
		for {
			if err := syscall.PtraceSyscall(pid, sig); err != nil {
				t.Fatalf("ptrace syscall: %v", err)
			}
			sig = 0
			if _, err := syscall.Wait4(pid, &ws, 0, nil); err != nil {
				t.Fatalf("wait: %v", err)
			}
			if ws.Exited() || ws.Signaled() {
				break
			}
			if !ws.Stopped() {
				continue
			}
			if ws.StopSignal() == syscall.SIGTRAP && ws.TrapCause() > 0 {
				continue // an event stop (exec): nothing to deliver
			}
			if ws.StopSignal() != syscall.SIGTRAP|0x80 {
				sig = int(ws.StopSignal())
				continue
			}
			var regs syscall.PtraceRegs
			if err := syscall.PtraceGetRegs(pid, &regs); err != nil {
				t.Fatalf("getregs: %v", err)
			}
			if !inCall {
				cur = record{nr: int(regs.Orig_rax), args: [6]uint64{regs.Rdi, regs.Rsi, regs.Rdx, regs.R10, regs.R8, regs.R9}}
				if cur.nr == syscall.SYS_RT_SIGRETURN {
					cur.args[0] = regs.Rsp // (what the tracer passes it)
				}
				m := procMem{mf, &cur.enter}
				line = line[:0]
				if s, ok := ByNumber(cur.nr); ok {
					line = s.EnterState(line, &cur.args, m, o, &st)
					if s.NoReturn() {
						line = s.ExitState(line, &cur.args, 0, m, o, &st)
						cur.line = string(line)
						recs = append(recs, cur)
						continue
					}
				} else {
					line = Raw(UnknownName(line, cur.nr), "", &cur.args, 6)
				}
				inCall = true
				continue
			}
			inCall = false
			cur.ret = int64(regs.Rax)
			m := procMem{mf, &cur.ext}
			if s, ok := ByNumber(cur.nr); ok {
				line = s.ExitState(line, &cur.args, cur.ret, m, o, &st)
			} else {
				line = RawExit(line, cur.ret, o)
			}
			cur.line = string(line)
			recs = append(recs, cur)
		}
	})
	return recs
}

// straceRun runs prog in dir under strace and returns its lines.
func straceRun(t *testing.T, prog, dir string, args ...string) []string {
	out := filepath.Join(t.TempDir(), "strace.out")
	withNoASLR(t, func() {
		ctx, cancel := context.WithTimeout(context.Background(), runDeadline)
		defer cancel()
		cmd := exec.CommandContext(ctx, "strace", append(append(args, "-o", out), prog)...)
		cmd.Dir = dir
		cmd.Env = []string{}
		// strace exits with the program's status: only a failure to run
		// it is an error.
		if b, err := cmd.CombinedOutput(); err != nil {
			if _, ok := err.(*exec.ExitError); !ok {
				t.Fatalf("strace %s: %v: %s", prog, err, b)
			}
		}
	})
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if strings.HasPrefix(l, "--- ") || strings.HasPrefix(l, "+++ ") {
			continue
		}
		lines = append(lines, l)
	}
	return lines
}

const marker = "close(-100)"

// fromMarker drops the lines before the program's marker call: the C
// library's start-up, whose random bytes differ between runs.
func fromMarker(t *testing.T, lines []string) []string {
	for i, l := range lines {
		if strings.HasPrefix(l, marker) {
			return lines[i:]
		}
	}
	t.Fatalf("no %s line in %d lines", marker, len(lines))
	return nil
}

var (
	pidCalls = regexp.MustCompile(`^(fork|vfork|clone|clone3|getpid|gettid|getppid|getpgid)\(.*= (\d+)$`)
	number   = regexp.MustCompile(`\b\d+\b`)
)

// normalizePIDs replaces the process ids the calls returned by <pid>: they
// differ between two runs.
func normalizePIDs(lines []string) []string {
	pids := map[string]bool{}
	for _, l := range lines {
		if m := pidCalls.FindStringSubmatch(l); m != nil && m[2] != "0" {
			pids[m[2]] = true
		}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = number.ReplaceAllStringFunc(l, func(s string) string {
			if pids[s] {
				return "<pid>"
			}
			return s
		})
	}
	return out
}

var (
	// keyCalls return key serial numbers, which differ between runs.
	keyCalls = regexp.MustCompile(`^(add_key|request_key|keyctl\(KEYCTL_(SEARCH|GET_KEYRING_ID|JOIN_SESSION_KEYRING))\(?.*= (\d+)$`)
	// ipcGets return IPC ids, which differ between runs; ipcID is an id
	// as the first argument of the calls that take one.
	ipcGets = regexp.MustCompile(`^((?:msg|sem|shm)get\(.*= )(\d+)$`)
	padding = regexp.MustCompile(`\) += `)
	ipcID   = regexp.MustCompile(`^((?:msg|sem|shm)(?:snd|rcv|ctl|op|timedop|at)\()(\d+)\b`)
)

// normalizeIDs replaces key serial numbers and IPC ids by <key> and <ipc>.
func normalizeIDs(lines []string) []string {
	keys := map[string]bool{}
	ipc := map[string]bool{}
	for _, l := range lines {
		if m := keyCalls.FindStringSubmatch(l); m != nil {
			keys[m[len(m)-1]] = true
		}
		if m := ipcGets.FindStringSubmatch(l); m != nil {
			ipc[m[2]] = true
		}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		orig := l
		l = number.ReplaceAllStringFunc(l, func(s string) string {
			if keys[s] {
				return "<key>"
			}
			return s
		})
		if m := ipcGets.FindStringSubmatch(l); m != nil {
			l = m[1] + "<ipc>"
		}
		if m := ipcID.FindStringSubmatch(l); m != nil && ipc[m[2]] {
			l = m[1] + "<ipc>" + l[len(m[0]):]
		}
		if l != orig { // (the padding before " = " depended on the id)
			l = padding.ReplaceAllString(l, ") = ")
		}
		out[i] = l
	}
	return out
}

// buildProg compiles testdata/name.c statically into dir, with the C
// library or without (libc false).
func buildProg(t *testing.T, name, dir string, libc bool) string {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Fatal("gcc is needed to build the test programs (make deps)")
	}
	if _, err := exec.LookPath("strace"); err != nil {
		t.Fatal("strace is needed as the reference (make deps)")
	}
	bin := filepath.Join(dir, name)
	src, _ := filepath.Abs(filepath.Join("testdata", name+".c"))
	// A workload shared with the lab (a link) includes its headers
	// from where it really lives.
	if real, err := filepath.EvalSymlinks(src); err == nil {
		src = real
	}
	args := []string{"-static", "-O0", "-o", bin, src}
	if !libc {
		args = append([]string{"-nostdlib"}, args...)
	}
	if b, err := exec.Command("gcc", args...).CombinedOutput(); err != nil {
		t.Fatalf("gcc %s: %v: %s", src, err, b)
	}
	return bin
}

// writeGolden saves the records from the marker on, with strace's lines.
func writeGolden(t *testing.T, path string, o *printers.Options, recs []record) {
	var b strings.Builder
	fmt.Fprintf(&b, "# Calls of testdata/%s recorded under ptrace; each line was checked\n# against strace's own line for the same call.\n", strings.TrimSuffix(filepath.Base(path), ".golden")+".c")
	if o != nil {
		fmt.Fprintf(&b, "options %d %t\n", o.StringLimit, o.Verbose)
	}
	for _, r := range recs {
		fmt.Fprintf(&b, "call %d", r.nr)
		for _, a := range r.args {
			fmt.Fprintf(&b, " %#x", a)
		}
		fmt.Fprintf(&b, " %d\n", r.ret)
		for _, c := range mergeChunks(r.enter) {
			fmt.Fprintf(&b, "enter %#x %s\n", c.va, hex.EncodeToString(c.data))
		}
		for _, c := range mergeChunks(r.ext) {
			fmt.Fprintf(&b, "exit %#x %s\n", c.va, hex.EncodeToString(c.data))
		}
		fmt.Fprintf(&b, "line %s\n", r.line)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// mergeChunks joins overlapping and adjacent reads.
func mergeChunks(cs []memChunk) []memChunk {
	sorted := append([]memChunk(nil), cs...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].va < sorted[j].va })
	var out []memChunk
	for _, c := range sorted {
		if n := len(out); n > 0 {
			last := &out[n-1]
			end := last.va + uint64(len(last.data))
			if c.va <= end {
				if cend := c.va + uint64(len(c.data)); cend > end {
					last.data = append(last.data, c.data[end-c.va:]...)
				}
				continue
			}
		}
		out = append(out, memChunk{c.va, append([]byte(nil), c.data...)})
	}
	return out
}

// readGolden parses a golden file: its options and its calls.
func readGolden(t testing.TB, path string) (*printers.Options, []record) {
	var o *printers.Options
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var recs []record
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		l := sc.Text()
		kind, rest, _ := strings.Cut(l, " ")
		switch kind {
		case "call":
			f := strings.Fields(rest)
			if len(f) != 8 {
				t.Fatalf("%s: bad call line %q", path, l)
			}
			var r record
			r.nr, _ = strconv.Atoi(f[0])
			for i := range r.args {
				r.args[i], _ = strconv.ParseUint(f[1+i], 0, 64)
			}
			r.ret, _ = strconv.ParseInt(f[7], 10, 64)
			recs = append(recs, r)
		case "enter", "exit":
			va, data, _ := strings.Cut(rest, " ")
			v, _ := strconv.ParseUint(va, 0, 64)
			d, err := hex.DecodeString(data)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			r := &recs[len(recs)-1]
			if kind == "enter" {
				r.enter = append(r.enter, memChunk{v, d})
			} else {
				r.ext = append(r.ext, memChunk{v, d})
			}
		case "line":
			recs[len(recs)-1].line = rest
		case "options":
			o = &printers.Options{}
			if _, err := fmt.Sscanf(rest, "%d %t", &o.StringLimit, &o.Verbose); err != nil {
				t.Fatalf("%s: bad options %q", path, rest)
			}
		}
	}
	return o, recs
}

// fakeMem serves reads from recorded chunks; a byte outside them is an
// unmapped one.
type fakeMem []memChunk

func (m fakeMem) ReadVirt(va uint64, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		found := false
		for _, c := range m {
			if a := va + uint64(n); a >= c.va && a < c.va+uint64(len(c.data)) {
				n += copy(buf[n:], c.data[a-c.va:])
				found = true
				break
			}
		}
		if !found {
			return n, syscall.EFAULT
		}
	}
	return n, nil
}

// replay decodes a recorded call again.
func replay(b []byte, r *record, o *printers.Options) []byte {
	s, ok := ByNumber(r.nr)
	if !ok {
		b = Raw(UnknownName(b, r.nr), "", &r.args, 6)
		return RawExit(b, r.ret, o)
	}
	var st State
	if s.NoReturn() {
		b = s.EnterState(b, &r.args, fakeMem(r.enter), o, &st)
		return s.ExitState(b, &r.args, r.ret, fakeMem(r.enter), o, &st)
	}
	b = s.EnterState(b, &r.args, fakeMem(r.enter), o, &st)
	return s.ExitState(b, &r.args, r.ret, fakeMem(r.ext), o, &st)
}
