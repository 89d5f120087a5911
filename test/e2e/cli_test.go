package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/guestrace/guestrace/pkg/guestos"
	glinux "github.com/guestrace/guestrace/pkg/guestos/linux"
	oslinux "github.com/guestrace/guestrace/pkg/oses/linux"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/printers/linux"
)

// TestCLI runs the command line's filters, formats and summaries against
// one lab guest, one tracer after the other (a guest takes one tracer at
// a time).
func TestCLI(t *testing.T) {
	g := guestlab.Boot(t, guestlab.Options{VCPUs: 1})
	t.Run("ClassFilter", func(t *testing.T) { testClassFilter(t, g) })
	t.Run("JSON", func(t *testing.T) { testJSON(t, g) })
	t.Run("StatusFailedComm", func(t *testing.T) { testStatusFailedComm(t, g) })
	t.Run("Summary", func(t *testing.T) { testSummary(t, g) })
	t.Run("PID", func(t *testing.T) { testPID(t, g) })
	t.Run("Duration", func(t *testing.T) { testDuration(t, g) })
	t.Run("Mode", func(t *testing.T) { testMode(t, g) })
}

var placedRE = regexp.MustCompile(`guestrace: (\d+) breakpoints placed; tracing`)

// breakpoints is the count the tracer says it placed.
func (p *tracerProc) breakpoints(t *testing.T) int {
	m := placedRE.FindStringSubmatch(p.Stderr())
	require.NotNil(t, m, p.Stderr())
	n, _ := strconv.Atoi(m[1])
	return n
}

// entryPoints counts the guest kernel's system-call functions (of every
// ABI) whose call is in class c, from the profile's symbols.
func entryPoints(t *testing.T, g *guestlab.Guest, c linux.Class) int {
	p, err := isf.Load(g.Profile)
	require.NoError(t, err)
	n := 0
	for prefix, abi := range map[string]guestos.ABI{"__x64_sys_": glinux.ABIX64, "__ia32_sys_": glinux.ABIIA32, "__ia32_compat_sys_": glinux.ABICompat} {
		for _, sym := range p.SymbolsWithPrefix(prefix) {
			// The call's strace name: __x64_sys_newstat is stat.
			sc := guestos.Syscall{Name: strings.TrimPrefix(sym, prefix), Symbol: sym, ABI: abi}
			if row, ok := linux.Lookup(oslinux.Table.CallName(&sc)); ok && row.Class&c != 0 {
				n++
			}
		}
	}
	return n
}

func callName(text string) string {
	if s, ok := strings.CutPrefix(text, "<... "); ok {
		return s[:strings.IndexByte(s, ' ')]
	}
	return text[:max(strings.IndexByte(text, '('), 0)]
}

// testClassFilter: -e trace=%file places the breakpoints of the file
// calls only, and the trace holds them and only them.
func testClassFilter(t *testing.T, g *guestlab.Guest) {
	p := startTracer(t, append(qemuArgs(g), "-e", "trace=%file")...)
	want := entryPoints(t, g, linux.ClassFile)
	require.Greater(t, want, 30)
	assert.Equal(t, want, p.breakpoints(t), "breakpoints of %%file")

	dir := marker(t)
	as := runWorkload(t, g, "mkdir "+dir+" && /bin/gt-fileops "+dir)
	require.Equal(t, 0, p.stop(t, syscall.SIGINT), p.Stderr())
	tr := parseTrace(p.trace(t))
	var fileAs []account
	for _, a := range as {
		if row, ok := linux.Lookup(callName(a.text)); ok && row.Class&linux.ClassFile != 0 {
			fileAs = append(fileAs, a)
		}
	}
	require.GreaterOrEqual(t, len(fileAs), 8)
	tr.check(t, fileAs)
	for _, lines := range tr.byTID {
		for _, l := range lines {
			row, ok := linux.Lookup(callName(l))
			assert.True(t, ok && row.Class&linux.ClassFile != 0, "not a %%file call: %s", l)
		}
	}
}

// jsonLine is the schema of docs/cli.md.
type jsonLine struct {
	Time       string   `json:"time"`
	Event      string   `json:"event"`
	VCPU       *int     `json:"vcpu"`
	PID        uint32   `json:"pid"`
	TID        uint32   `json:"tid"`
	Comm       string   `json:"comm"`
	Syscall    string   `json:"syscall"`
	Args       []string `json:"args"`
	RawArgs    []uint64 `json:"raw_args"`
	Ret        *int64   `json:"ret"`
	Errno      string   `json:"errno"`
	DurationNS *int64   `json:"duration_ns"`
	Unfinished bool     `json:"unfinished"`
}

// testJSON: with --format json every line is a JSON object of the
// documented schema that jq reads, and every call of the file workload
// is there with its pid, tid, name, arguments and return.
func testJSON(t *testing.T, g *guestlab.Guest) {
	jq, err := exec.LookPath("jq")
	require.NoError(t, err, "this test reads the trace with jq: install jq")
	p := startTracer(t, append(qemuArgs(g), "--format", "json")...)
	dir := marker(t)
	as := runWorkload(t, g, "mkdir "+dir+" && /bin/gt-fileops "+dir)
	require.Equal(t, 0, p.stop(t, syscall.SIGINT), p.Stderr())

	data, err := os.ReadFile(p.out)
	require.NoError(t, err)
	out, err := exec.Command(jq, "-c", "[.event, .syscall]", p.out).CombinedOutput()
	require.NoError(t, err, "jq: %s", out)
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	assert.Equal(t, len(lines), strings.Count(string(out), "\n"), "jq read every line")

	tr := &traced{byTID: map[string][]string{}, comm: map[string]string{}, pid: map[string]string{}}
	for _, l := range lines {
		dec := json.NewDecoder(strings.NewReader(l))
		dec.DisallowUnknownFields()
		var e jsonLine
		require.NoError(t, dec.Decode(&e), l)
		_, err := time.Parse(time.RFC3339Nano, e.Time)
		require.NoError(t, err, l)
		require.NotNil(t, e.VCPU, l)
		require.NotNil(t, e.Args, l)
		require.NotNil(t, e.RawArgs, l)
		switch e.Event {
		case "call":
			continue
		case "complete", "return":
		default:
			t.Fatalf("event %q: %s", e.Event, l)
		}
		if e.Unfinished {
			continue
		}
		tid := fmt.Sprint(e.TID)
		tr.pid[tid], tr.comm[tid] = fmt.Sprint(e.PID), e.Comm
		text := e.Syscall + "(" + strings.Join(e.Args, ", ") + ") = "
		switch {
		case e.Ret == nil:
			text += "?"
		case e.Errno != "":
			require.Less(t, *e.Ret, int64(0), l)
			require.NotNil(t, e.DurationNS, l)
			text += "-1 " + e.Errno + " (" + linux.ErrnoText(uint64(-*e.Ret)) + ")"
		default:
			require.NotNil(t, e.DurationNS, l)
			text += strconv.FormatInt(*e.Ret, 10)
		}
		tr.byTID[tid] = append(tr.byTID[tid], text)
	}
	tr.check(t, as)
}

// testStatusFailedComm: -e status=failed --comm gt-fileops prints every
// failed call of the workload, whole, and nothing else.
func testStatusFailedComm(t *testing.T, g *guestlab.Guest) {
	p := startTracer(t, append(qemuArgs(g), "-e", "status=failed", "--comm", "gt-fileops")...)
	dir := marker(t)
	as := runWorkload(t, g, "mkdir "+dir+" && /bin/gt-fileops "+dir)
	require.Equal(t, 0, p.stop(t, syscall.SIGINT), p.Stderr())
	var failed []account
	for _, a := range as {
		if strings.Contains(a.text, " = -1 ") {
			failed = append(failed, a)
		}
	}
	require.Len(t, failed, 2)
	lines := p.trace(t)
	tr := parseTrace(lines)
	tr.check(t, failed)
	for _, l := range lines {
		assert.Regexp(t, `^\[pid \d+/\d+ gt-fileops\] .*\) += -1 E[A-Z]+ \(.*\)$`, l)
	}
	assert.Regexp(t, `detached; \d+ calls traced, 0 unfinished, [1-9]\d* of other processes left out`, p.Stderr())
}

var summaryRowRE = regexp.MustCompile(`^ *(\d+\.\d\d) +(\d+\.\d{6}) +(\d+) +(\d+) +(\d*) (\S+)$`)

// testSummary: -c of the workload's calls counts each of them, and its
// errors, exactly; nothing but the table is printed.
func testSummary(t *testing.T, g *guestlab.Guest) {
	p := startTracer(t, append(qemuArgs(g), "-c", "--comm", "gt-fileops",
		"-e", "trace=mkdir,openat,write,close,read,newfstatat,rename,unlink,rmdir,unlinkat")...)
	dir := marker(t)
	as := runWorkload(t, g, "mkdir "+dir+" && /bin/gt-fileops "+dir)
	require.Equal(t, 0, p.stop(t, syscall.SIGINT), p.Stderr())

	// Like strace, -c counts calls at their return: exit_group has none.
	calls, errs, total := map[string]int{}, map[string]int{}, 0
	for _, a := range as {
		if strings.HasSuffix(a.text, " = ?") {
			continue
		}
		total++
		name := callName(a.text)
		calls[name]++
		if strings.Contains(a.text, " = -1 ") {
			errs[name]++
		}
	}
	lines := p.trace(t)
	require.GreaterOrEqual(t, len(lines), 5, strings.Join(lines, "\n"))
	assert.Equal(t, "% time     seconds  usecs/call     calls    errors syscall", lines[0])
	assert.Equal(t, "------ ----------- ----------- --------- --------- ----------------", lines[1])
	got, gotErrs := map[string]int{}, map[string]int{}
	for _, l := range lines[2 : len(lines)-2] {
		m := summaryRowRE.FindStringSubmatch(l)
		require.NotNil(t, m, "table row %q", l)
		got[m[6]], _ = strconv.Atoi(m[4])
		if m[5] != "" {
			gotErrs[m[6]], _ = strconv.Atoi(m[5])
		}
	}
	assert.Equal(t, calls, got)
	assert.Equal(t, errs, gotErrs)
	assert.Equal(t, lines[1], lines[len(lines)-2])
	m := summaryRowRE.FindStringSubmatch(lines[len(lines)-1])
	require.NotNil(t, m, lines[len(lines)-1])
	assert.Equal(t, "100.00", m[1])
	assert.Equal(t, fmt.Sprint(total), m[4])
	assert.Equal(t, "total", m[6])
}

// testPID: -p PID traces that process only, while another runs the same
// calls.
func testPID(t *testing.T, g *guestlab.Guest) {
	start := func() string {
		out, status, err := g.Exec(ctx(t, time.Minute), "/bin/gt-closeloop 1000000000 >/dev/null 2>&1 & echo $!")
		require.NoError(t, err)
		require.Equal(t, 0, status)
		return strings.TrimSpace(out)
	}
	pid, other := start(), start()
	t.Cleanup(func() { g.Exec(ctx(t, time.Minute), "kill "+pid+" "+other) })

	p := startTracer(t, append(qemuArgs(g), "-p", pid, "-e", "trace=close")...)
	p.waitTrace(t, regexp.MustCompile(`(?m)^\[pid `+pid+`/`+pid+` gt-closeloop\] close\(-1\) += -1 EBADF`))
	time.Sleep(time.Second)
	require.Equal(t, 0, p.stop(t, syscall.SIGINT), p.Stderr())
	lines := p.trace(t)
	for _, l := range lines {
		assert.Regexp(t, `^\[pid `+pid+`/`+pid+` gt-closeloop\] close\(-1`, l)
	}
	// The other loop ran all along: its calls were left out.
	assert.Regexp(t, `, [1-9]\d* of other processes left out`, p.Stderr())
}

// testDuration: --duration detaches by itself, cleanly, exit status 0.
func testDuration(t *testing.T, g *guestlab.Guest) {
	p := startTracer(t, append(qemuArgs(g), "--duration", "3s", "-e", "trace=read,write")...)
	assert.Contains(t, p.Stderr(), "breakpoints placed; tracing for 3s\n")
	began := time.Now()
	select {
	case <-p.done:
	case <-time.After(time.Minute):
		t.Fatalf("guestrace --duration 3s still runs after a minute:\n%s", p.Stderr())
	}
	assert.Equal(t, 0, p.cmd.ProcessState.ExitCode(), p.Stderr())
	assert.Less(t, time.Since(began), 20*time.Second)
	assert.Regexp(t, `guestrace: detached; \d+ calls traced, \d+ unfinished\n$`, p.Stderr())
	// The guest runs on.
	out, status, err := g.Exec(ctx(t, time.Minute), "echo alive")
	require.NoError(t, err)
	require.Equal(t, 0, status)
	assert.Equal(t, "alive", strings.TrimSpace(out))
}
