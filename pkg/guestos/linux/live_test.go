package linux

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/x86"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/vmi"
	"github.com/guestrace/guestrace/pkg/vmi/qemu"
)

// Live tests: the lab guest (Debian's kernel under QEMU TCG, KASLR on)
// through QEMU's GDB stub.

// countingTarget counts the physical reads Linux makes and their time:
// each is a round trip to QEMU.
type countingTarget struct {
	*qemu.Target
	reads int
	took  time.Duration
}

func (c *countingTarget) ReadPhys(pa uint64, buf []byte) error {
	c.reads++
	start := time.Now()
	err := c.Target.ReadPhys(pa, buf)
	c.took += time.Since(start)
	return err
}

// bootLab boots the lab guest, dials its GDB stub and loads its profile.
func bootLab(t *testing.T, opt guestlab.Options) (*guestlab.Guest, *countingTarget, *isf.Profile) {
	t.Helper()
	if testing.Short() {
		t.Skip("boots the lab guest (skipped under -short)")
	}
	g := guestlab.Boot(t, opt)
	p, err := isf.Load(g.Profile)
	require.NoError(t, err, "the lab's profile: run make guest")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	tgt, err := qemu.Dial(ctx, "unix:"+g.GDBSocket)
	require.NoError(t, err)
	t.Cleanup(func() { tgt.Close() })
	require.NoError(t, tgt.Unpause()) // Dial leaves the guest paused
	return g, &countingTarget{Target: tgt}, p
}

// exec runs a command in the guest and requires status 0.
func exec(t *testing.T, g *guestlab.Guest, cmd string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	out, status, err := g.Exec(ctx, cmd)
	require.NoError(t, err, cmd)
	require.Equal(t, 0, status, "%s: %s", cmd, out)
	return out
}

// kallsyms reads runtime addresses from the guest's /proc/kallsyms.
func kallsyms(t *testing.T, g *guestlab.Guest, names ...string) map[string]uint64 {
	t.Helper()
	out := exec(t, g, "grep -w -e "+strings.Join(names, " -e ")+" /proc/kallsyms")
	syms := map[string]uint64{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Fields(line)
		if len(f) == 3 {
			addr, err := strconv.ParseUint(f[0], 16, 64)
			require.NoError(t, err, line)
			syms[f[2]] = addr
		}
	}
	return syms
}

// event is what the test saw at one breakpoint hit.
type event struct {
	th   guestos.Thread
	args [6]uint64
	ret  uint64
	path string
}

// runUntil runs cmd in the guest with a breakpoint at addr and calls
// handle at every hit, while the guest is stopped, until handle returns
// false or cmd ends. It returns cmd's output.
func runUntil(t *testing.T, g *guestlab.Guest, tgt vmi.Target, addr uint64, cmd string, handle func(ev *vmi.Event) bool) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	require.NoError(t, tgt.InsertBreakpoint(addr))
	type result struct {
		out    string
		status int
		err    error
	}
	done := make(chan result, 1)
	go func() {
		out, status, err := g.Exec(ctx, cmd)
		done <- result{out, status, err}
	}()
	var ev vmi.Event
	for {
		wctx, wcancel := context.WithTimeout(ctx, 2*time.Second)
		err := tgt.Wait(wctx, &ev)
		wcancel()
		if err != nil {
			select {
			case r := <-done: // the command ended without more hits
				require.NoError(t, tgt.RemoveBreakpoint(addr))
				require.NoError(t, tgt.Unpause())
				require.NoError(t, r.err)
				return r.out
			default:
			}
			require.NoError(t, ctx.Err(), "waiting for %s", cmd)
			continue
		}
		more := handle(&ev)
		if !more {
			require.NoError(t, tgt.RemoveBreakpoint(addr))
		}
		require.NoError(t, tgt.Resume(&ev))
		if !more {
			r := <-done
			require.NoError(t, r.err)
			require.Equal(t, 0, r.status, r.out)
			return r.out
		}
	}
}

// cString reads a NUL-terminated string of at most 256 bytes.
func cString(t *testing.T, l *Linux, regs *vmi.Regs, va uint64) string {
	b := make([]byte, 256)
	n, _ := l.ReadVirt(regs, va, b)
	if i := bytes.IndexByte(b[:n], 0); i >= 0 {
		return string(b[:i])
	}
	t.Errorf("no NUL in %q at %#x", b[:n], va)
	return string(b[:n])
}

func TestLive(t *testing.T) {
	g, tgt, p := bootLab(t, guestlab.Options{})
	syms := kallsyms(t, g, "_text", "_etext", "init_task", "__x64_sys_openat", "__x64_sys_close")
	init1 := strings.TrimSpace(exec(t, g, "cat /proc/1/comm; mkdir -p /tmp/lx"))

	l, err := Attach(tgt, p)
	require.NoError(t, err)
	profText, _ := p.SymbolAddress("_text")
	assert.Equal(t, syms["_text"]-profText, l.Slide(), "slide = runtime _text - profile _text")
	assert.NotZero(t, l.Slide(), "KASLR is on in the lab")
	assert.Equal(t, g.Release, l.Release())
	for _, name := range []string{"_text", "init_task", "__x64_sys_openat"} {
		addr, ok := l.Symbol(name)
		require.True(t, ok, name)
		assert.Equal(t, syms[name], addr, name)
	}
	t.Logf("slide %#x, kernel page table at %#x, la57 %v, %d system-call functions, attach made %d reads in %v",
		l.Slide(), l.KernelRoot(), l.LA57(), len(l.Syscalls()), tgt.reads, tgt.took)

	// Profiles of another kernel: another banner, a moved init_task.
	other := withSymbol(p, "linux_banner", isf.Symbol{Address: mustSym(t, p, "linux_banner"), ConstantData: []byte("Linux version 6.1.0-99-cloud-amd64 (x) #1\n\x00")})
	_, err = Attach(tgt, other)
	require.ErrorIs(t, err, guestos.ErrProfileMismatch)
	assert.Contains(t, err.Error(), `profile is for "Linux version 6.1.0-99-cloud-amd64 (x) #1", guest runs "`+strings.TrimSpace(exec(t, g, "cat /proc/version"))+`"`)
	other = withSymbol(p, "init_task", isf.Symbol{Address: mustSym(t, p, "init_task") + 0x40})
	_, err = Attach(tgt, other)
	require.ErrorIs(t, err, guestos.ErrProfileMismatch)
	assert.Contains(t, err.Error(), `init_task.comm does not read "swapper/0"`)

	// Two openat calls of gt-fileops, whose pid the shell prints first.
	var evs []event
	var procs []Process
	var procErr error
	out := runUntil(t, g, tgt, syms["__x64_sys_openat"], "sh -c 'echo SHELL $$ $PPID; exec /bin/gt-fileops /tmp/lx'", func(ev *vmi.Event) bool {
		var e event
		require.NoError(t, l.Current(&ev.Regs, &e.th))
		if string(e.th.Name()) != "gt-fileops" {
			return true
		}
		require.NoError(t, l.Args(&ev.Regs, &e.args))
		e.ret, err = l.ReturnAddress(&ev.Regs)
		require.NoError(t, err)
		e.path = cString(t, l, &ev.Regs, e.args[1])
		evs = append(evs, e)
		if len(evs) == 1 {
			procs, procErr = l.Processes()
		}
		return len(evs) < 2
	})
	m := regexp.MustCompile(`SHELL (\d+) (\d+)`).FindStringSubmatch(out)
	require.NotNil(t, m, out)
	pid, _ := strconv.Atoi(m[1])
	ppid, _ := strconv.Atoi(m[2])

	// The expected lines are the workload's own accounts of its calls.
	accounts := regexp.MustCompile(`(?m)^WORKLOAD .* openat\(.*\)`).FindAllString(out, -1)
	require.Len(t, evs, 2)
	require.GreaterOrEqual(t, len(accounts), 2, out)
	for i, e := range evs {
		assert.Equal(t, uint32(pid), e.th.PID)
		assert.Equal(t, uint32(pid), e.th.TID)
		assert.Equal(t, int32(-100), int32(e.args[0]), "AT_FDCWD")
		flags := map[uint64]string{0x241: "O_WRONLY|O_CREAT|O_TRUNC", 0: "O_RDONLY"}[e.args[2]]
		mode := ""
		if e.args[2]&0x40 != 0 {
			mode = fmt.Sprintf(", %#o", e.args[3])
		}
		got := fmt.Sprintf("WORKLOAD pid=%d tid=%d comm=%s openat(AT_FDCWD, %q, %s%s)", e.th.PID, e.th.TID, e.th.Name(), e.path, flags, mode)
		assert.Equal(t, accounts[i], got)
		assert.True(t, e.ret >= syms["_text"] && e.ret < syms["_etext"], "return address %#x in the kernel text", e.ret)
	}

	require.NoError(t, procErr)
	var names []string
	for _, pr := range procs {
		names = append(names, fmt.Sprintf("%d %d %s", pr.PID, pr.PPID, pr.Name()))
	}
	assert.Contains(t, names, "0 0 swapper/0")
	assert.Contains(t, names, fmt.Sprintf("1 0 %s", init1))
	assert.Contains(t, names, fmt.Sprintf("%d %d gt-fileops", pid, ppid))
	t.Logf("%d processes", len(procs))

	measureEvents(t, g, tgt, l, syms["__x64_sys_close"])
}

// measureEvents counts the reads and their time per event of a close()
// loop, with kernel translations kept across events and without.
func measureEvents(t *testing.T, g *guestlab.Guest, tgt *countingTarget, l *Linux, closeAddr uint64) {
	const n = 200
	type tally struct {
		events, reads int
		took          time.Duration
	}
	var kept, notKept tally
	seen := 0
	runUntil(t, g, tgt, closeAddr, fmt.Sprintf("/bin/gt-closeloop %d", 2*n+10), func(ev *vmi.Event) bool {
		var th guestos.Thread
		var args [6]uint64
		tgt.reads, tgt.took = 0, 0
		require.NoError(t, l.Current(&ev.Regs, &th))
		if string(th.Name()) != "gt-closeloop" {
			return true
		}
		require.NoError(t, l.Args(&ev.Regs, &args))
		_, err := l.ReturnAddress(&ev.Regs)
		require.NoError(t, err)
		require.Equal(t, uint64(1<<32-1), args[0]&(1<<32-1), "close(-1)")
		seen++
		switch {
		case seen == 1: // cold
			t.Logf("page sizes: GS base %s, task %s, pt_regs %s, stack pointer %s",
				pageSize(l, ev.Regs.GSBase), pageSize(l, th.Key), pageSize(l, ev.Regs.RDI), pageSize(l, ev.Regs.RSP))
		case seen <= n:
			kept.events, kept.reads, kept.took = kept.events+1, kept.reads+tgt.reads, kept.took+tgt.took
		case seen == n+1:
			l.SetKeepKernel(false)
		default:
			notKept.events, notKept.reads, notKept.took = notKept.events+1, notKept.reads+tgt.reads, notKept.took+tgt.took
		}
		return seen < 2*n
	})
	l.SetKeepKernel(true)
	require.Equal(t, n-1, kept.events)
	require.Equal(t, n-1, notKept.events)
	per := func(x tally) string {
		return fmt.Sprintf("%.1f reads, %v", float64(x.reads)/float64(x.events), x.took/time.Duration(x.events))
	}
	t.Logf("Current+Args+ReturnAddress per event: kernel translations kept: %s; not kept: %s", per(kept), per(notKept))
	assert.Less(t, kept.reads, notKept.reads)
}

// TestLiveLA57 boots the lab with QEMU's "max" CPU, which offers 5-level
// paging under TCG, and attaches through a 5-level walk.
func TestLiveLA57(t *testing.T) {
	g, tgt, p := bootLab(t, guestlab.Options{CPU: "max", VCPUs: 2})
	var regs [2]vmi.Regs
	require.NoError(t, tgt.Pause())
	for i := range regs {
		require.NoError(t, tgt.Regs(i, &regs[i]))
	}
	require.NoError(t, tgt.Unpause())
	if !x86.LA57(regs[0].CR4) {
		t.Fatalf("CR4 %#x: QEMU's max CPU did not enable 5-level paging; the synthetic 5-level tests still cover the walk", regs[0].CR4)
	}
	syms := kallsyms(t, g, "_text", "init_task")
	l, err := Attach(tgt, p)
	require.NoError(t, err)
	assert.True(t, l.LA57())
	profText, _ := p.SymbolAddress("_text")
	assert.Equal(t, syms["_text"]-profText, l.Slide())
	procs, err := l.Processes()
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(procs), 2)
	assert.Equal(t, "swapper/0", string(procs[0].Name()))
	assert.Equal(t, uint32(1), procs[1].PID)

	// Whatever each vCPU was doing when paused (idle in the kernel, or in
	// user mode with the kernel's GS base swapped out), Current names a
	// task: the idle tasks are the swappers, and a shell spinning in user
	// mode is itself.
	spin, err := strconv.Atoi(strings.TrimSpace(exec(t, g, "sh -c 'while :; do :; done' >/dev/null 2>&1 & echo $!")))
	require.NoError(t, err)
	defer exec(t, g, fmt.Sprint("kill ", spin))
	user := false
	for try := 0; try < 50 && !user; try++ {
		require.NoError(t, tgt.Pause())
		for i := range regs {
			require.NoError(t, tgt.Regs(i, &regs[i]))
			var th guestos.Thread
			require.NoError(t, l.Current(&regs[i], &th), "vCPU %d", i)
			switch {
			case regs[i].CS&3 == 3 && th.PID == uint32(spin):
				assert.Equal(t, "sh", string(th.Name()))
				user = true
			case regs[i].CS&3 == 3:
				// Another process in user mode (init reading the
				// console): a real task all the same.
				assert.NotZero(t, th.PID, "vCPU %d in user mode", i)
				assert.NotEmpty(t, th.Name(), "vCPU %d in user mode", i)
			case th.TID == 0:
				assert.Equal(t, fmt.Sprintf("swapper/%d", i), string(th.Name()))
			}
		}
		require.NoError(t, tgt.Unpause())
		time.Sleep(20 * time.Millisecond)
	}
	assert.True(t, user, "no vCPU was in user mode in 50 pauses")
}

// pageSize names the size of the page mapping a kernel address.
func pageSize(l *Linux, va uint64) string {
	_, size, err := l.Walker().Translate(l.KernelRoot(), l.LA57(), va)
	if err != nil {
		return err.Error()
	}
	return map[uint64]string{x86.PageSize: "4K", x86.LargeSize: "2M", x86.HugeSize: "1G"}[size]
}

// withSymbol returns a copy of p with one symbol changed.
func withSymbol(p *isf.Profile, name string, sym isf.Symbol) *isf.Profile {
	q := *p
	q.Symbols = make(map[string]isf.Symbol, len(p.Symbols))
	for k, v := range p.Symbols {
		q.Symbols[k] = v
	}
	q.Symbols[name] = sym
	return &q
}

func mustSym(t *testing.T, p *isf.Profile, name string) uint64 {
	addr, ok := p.SymbolAddress(name)
	require.True(t, ok, name)
	return addr
}
