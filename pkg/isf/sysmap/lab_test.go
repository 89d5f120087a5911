package sysmap_test

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/linux"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/isf/sysmap"
	"github.com/guestrace/guestrace/pkg/vmi"
	"github.com/guestrace/guestrace/pkg/vmi/qemu"
)

// The lab guest's System.map: its kallsyms, dumped from a boot without
// KASLR, holds link-time addresses as System.map does. libvmi's offsets
// are taken from the lab's full profile.

// labProfiles returns the lab's full profile and the one Build makes from
// its kallsyms and offsets.
func labProfiles(t *testing.T) (full, fromMap *isf.Profile) {
	t.Helper()
	dir, err := guestlab.Dir()
	if err != nil {
		if testing.Short() {
			t.Skipf("%v (skipped under -short)", err)
		}
		t.Fatal(err)
	}
	full, err = isf.Load(filepath.Join(dir, "profile.json"))
	require.NoError(t, err, "run make guest")
	off, err := sysmap.Offsets(full)
	require.NoError(t, err)
	fromMap, err = sysmap.Load(filepath.Join(dir, "kallsyms"), off)
	require.NoError(t, err, "run make guest")
	return full, fromMap
}

// TestLabOffsets: every offset the synthesized profile has, derived ones
// included, is the lab kernel's (from its BTF), and so is every symbol.
func TestLabOffsets(t *testing.T) {
	full, fromMap := labProfiles(t)
	for typ, u := range fromMap.UserTypes {
		for field, f := range u.Fields {
			want, err := full.FieldOffset(typ, field)
			require.NoError(t, err, "%s.%s", typ, field)
			assert.Equal(t, want, f.Offset, "%s.%s", typ, field)
		}
	}
	for _, typ := range []string{"pt_regs", "list_head"} {
		want, _ := full.TypeSize(typ)
		got, _ := fromMap.TypeSize(typ)
		assert.Equal(t, want, got, typ)
	}
	assert.Len(t, fromMap.UserTypes["pt_regs"].Fields, len(full.UserTypes["pt_regs"].Fields))
	require.Equal(t, len(full.Symbols), len(fromMap.Symbols))
	for name, s := range fromMap.Symbols {
		assert.Equal(t, full.Symbols[name].Address, s.Address, name)
	}
}

// frozen keeps the QEMU target paused while the OS layer attaches, so
// that both profiles see one state of the guest.
type frozen struct{ vmi.Target }

func (frozen) Pause() error   { return vmi.ErrUnsupported }
func (frozen) Unpause() error { return vmi.ErrUnsupported }

// TestLabAttach attaches the Linux layer to the live lab guest (KASLR on,
// two vCPUs) with the full profile and with the System.map one: the slide,
// the current tasks, the processes, the system-call functions, and the
// arguments at a system call must be the same.
func TestLabAttach(t *testing.T) {
	if testing.Short() {
		t.Skip("boots the lab guest (skipped under -short)")
	}
	full, fromMap := labProfiles(t)
	g := guestlab.Boot(t, guestlab.Options{VCPUs: 2})
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	// A spinner per vCPU, so that the vCPUs run known processes.
	out, status, err := g.Exec(ctx, "cp /bin/busybox /tmp/busybox-spin && for i in 1 2; do /tmp/busybox-spin sh -c 'while :; do :; done' & done; mkdir -p /tmp/sm")
	require.NoError(t, err)
	require.Equal(t, 0, status, out)

	tgt, err := qemu.Dial(ctx, "unix:"+g.GDBSocket) // leaves the guest paused
	require.NoError(t, err)
	defer tgt.Close()
	regs := make([]vmi.Regs, tgt.NumVCPUs())
	for v := range regs {
		require.NoError(t, tgt.Regs(v, &regs[v]))
	}
	lf, err := linux.Attach(frozen{tgt}, full)
	require.NoError(t, err)
	lm, err := linux.Attach(frozen{tgt}, fromMap)
	require.NoError(t, err)

	assert.NotZero(t, lm.Slide(), "KASLR is on in the lab")
	assert.Equal(t, lf.Slide(), lm.Slide())
	assert.Equal(t, lf.KernelRoot(), lm.KernelRoot())
	assert.Equal(t, g.Release, lm.Release(), "from the guest's banner")
	assert.Equal(t, lf.Syscalls(), lm.Syscalls())
	assert.NotEmpty(t, lm.Syscalls())

	// Whatever each vCPU runs at the stop (a spinner, mostly; the shell or
	// init when the stop comes first), both profiles must say the same.
	for v := range regs {
		var a, b guestos.Thread
		errA, errB := lf.Current(&regs[v], &a), lm.Current(&regs[v], &b)
		require.NoError(t, errA, "vCPU %d", v)
		assert.Equal(t, errA, errB, "vCPU %d", v)
		assert.Equal(t, a, b, "vCPU %d", v)
		assert.NotEmpty(t, b.Name(), "vCPU %d", v)
		t.Logf("vCPU %d: %d %d %s", v, b.PID, b.TID, b.Name())
	}

	pf, err := lf.Processes()
	require.NoError(t, err)
	pm, err := lm.Processes()
	require.NoError(t, err)
	// Parents too: the Linux layer finds real_parent in the guest.
	assert.Equal(t, pf, pm)
	assert.Equal(t, "swapper/0", string(pm[0].Name()))
	t.Logf("slide %#x, %d processes, %d system-call functions", lm.Slide(), len(pm), len(lm.Syscalls()))

	require.NoError(t, tgt.Unpause())
	testArgs(t, g, tgt, lf, lm)
}

// testArgs stops the guest at openat's kernel function, called by the
// lab's file workload, and compares what both profiles read there.
func testArgs(t *testing.T, g *guestlab.Guest, tgt vmi.Target, lf, lm *linux.Linux) {
	addr, ok := lm.Symbol("__x64_sys_openat")
	require.True(t, ok)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	require.NoError(t, tgt.InsertBreakpoint(addr))
	type result struct {
		out    string
		status int
		err    error
	}
	done := make(chan result, 1)
	go func() {
		out, status, err := g.Exec(ctx, "sh -c 'echo PID $$; exec /bin/gt-fileops /tmp/sm'")
		done <- result{out, status, err}
	}()
	var ev vmi.Event
	var th guestos.Thread
	for string(th.Name()) != "gt-fileops" {
		if ev.Addr != 0 {
			require.NoError(t, tgt.Resume(&ev))
		}
		require.NoError(t, tgt.Wait(ctx, &ev))
		require.NoError(t, lm.Current(&ev.Regs, &th))
	}
	var a, b [6]uint64
	require.NoError(t, lf.Args(&ev.Regs, &a))
	require.NoError(t, lm.Args(&ev.Regs, &b))
	assert.Equal(t, a, b)
	path := make([]byte, 64)
	n, _ := lm.ReadVirt(&ev.Regs, b[1], path)
	path = path[:n]
	if i := bytes.IndexByte(path, 0); i >= 0 {
		path = path[:i]
	}
	require.NoError(t, tgt.RemoveBreakpoint(addr))
	require.NoError(t, tgt.Resume(&ev))
	r := <-done
	require.NoError(t, r.err)
	require.Equal(t, 0, r.status, r.out)

	// The workload's own account of its first openat.
	pid, err := strconv.Atoi(strings.Fields(strings.SplitN(r.out, "PID ", 2)[1])[0])
	require.NoError(t, err, r.out)
	first := regexp.MustCompile(`(?m)^WORKLOAD .* openat\(.*\)`).FindString(r.out)
	got := fmt.Sprintf("WORKLOAD pid=%d tid=%d comm=%s openat(AT_FDCWD, %q, O_WRONLY|O_CREAT|O_TRUNC, %#o)", th.PID, th.TID, th.Name(), path, b[3])
	assert.Equal(t, first, got)
	assert.Equal(t, uint32(pid), th.PID)
	assert.Equal(t, int32(-100), int32(b[0]), "AT_FDCWD")
	assert.Equal(t, uint64(0x241), b[2], "O_WRONLY|O_CREAT|O_TRUNC")
}
