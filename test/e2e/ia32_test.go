package e2e

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/internal/guestlab"
	"github.com/guestrace/guestrace/pkg/backend"
	_ "github.com/guestrace/guestrace/pkg/backend/qemu"
	"github.com/guestrace/guestrace/pkg/guestos"
	glinux "github.com/guestrace/guestrace/pkg/guestos/linux"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/loop"
	"github.com/guestrace/guestrace/pkg/oses"
	"github.com/guestrace/guestrace/pkg/oses/linux"
	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/guestrace/guestrace/pkg/tracer"
)

// lockedBuffer is a trace output shared by the tracing goroutine and the
// test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// ia32Want are gt-ia32's calls after its marker, as strace prints them
// for an i386 process: i386 names and numbers' calls (getuid is the
// 16-bit one, getuid32 the other), 64-bit values joined from their two
// registers (_llseek, pread64, truncate64), i386's struct stat64, 16-bit
// ids (lchown's -1, getgroups' list) and other i386 structures decoded
// (gt-ia32sig and gt-ia32io have more). DIR and PID stand for the run's
// directory and process id.
var ia32Want = []string{
	"close(-132) = -1 EBADF (Bad file descriptor)",
	"getpid() = PID",
	"getuid32() = 0",
	"getuid() = 0",
	`mkdir("DIR", 0755) = 0`,
	`open("DIR/f", O_RDWR|O_CREAT|O_TRUNC, 0644) = 3`,
	`write(3, "ia32\n", 5) = 5`,
	"_llseek(3, 0, [0], SEEK_SET) = 0",
	`pread64(3, "", 2, 4294967296) = 0`,
	"fstat64(3, {st_mode=S_IFREG|0644, st_size=5, ...}) = 0",
	"close(3) = 0",
	`truncate64("DIR/f", 4) = 0`,
	`stat64("DIR/f", {st_mode=S_IFREG|0644, st_size=4, ...}) = 0`,
	`lstat64("DIR/f", {st_mode=S_IFREG|0644, st_size=4, ...}) = 0`,
	`fstatat64(AT_FDCWD, "DIR/f", {st_mode=S_IFREG|0644, st_size=4, ...}, 0) = 0`,
	`uname({sysname="Linux", nodename="guestlab", ...}) = 0`,
	`lchown("DIR/f", -1, -1) = 0`,
	"setgroups(2, [0, 7]) = 0",
	"getgroups(4, [0, 7]) = 2",
	"getresuid([0], [0], [0]) = 0",
	"setuid(0) = 0",
	"clock_nanosleep_time64(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, NULL) = 0",
	"rt_sigprocmask(SIG_BLOCK, [USR2], [], 8) = 0",
	"kill(PID, 0) = 0",
	"gettimeofday(0x10, NULL) = -1 EFAULT (Bad address)",
	`unlink("DIR/f") = 0`,
	`rmdir("DIR") = 0`,
	"exit_group(0) = ?",
}

// attachLoop attaches a loop to the lab guest in this process, through
// the registries as the CLI does, with the lab's profile.
func attachLoop(t *testing.T, c context.Context, g *guestlab.Guest) *loop.Loop {
	t.Helper()
	prof, err := isf.Load(g.Profile)
	require.NoError(t, err)
	tg, err := backend.Open(c, backend.Spec{Backend: "qemu", Guest: "unix:" + g.GDBSocket})
	require.NoError(t, err)
	osys, _, err := oses.Attach(tg, prof)
	require.NoError(t, err)
	l, err := loop.NewWithOS(tg, osys)
	require.NoError(t, err)
	return l
}

// ia32Programs are the i386 workloads (guest/workloads/ia32) and the
// lines wanted of each.
var ia32Programs = []struct {
	name string
	want []string
}{
	{"gt-ia32", ia32Want},
	{"gt-ia32sig", ia32SigWant},
	{"gt-ia32io", ia32IOWant},
}

var fsidRE = regexp.MustCompile(`f_fsid=\{val=\[[^]]*\]\}`)

// TestIA32Calls traces the i386 entry points (__ia32_sys_*,
// __ia32_compat_sys_*) while 32-bit programs run in the guest, through
// the tracer (the command line selects x86-64 calls), and wants each of
// their calls as strace prints them for an i386 process.
func TestIA32Calls(t *testing.T) {
	g := guestlab.Boot(t, guestlab.Options{VCPUs: 1})
	c, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	l := attachLoop(t, c, g)
	var out lockedBuffer
	var comms []string
	for _, p := range ia32Programs {
		comms = append(comms, p.name)
	}
	tr := tracer.NewConfig(l, output.NewText(&out, printers.Options{}), tracer.Config{Comms: comms})
	defer tr.Close()
	n, err := tr.Instrument(l.OS().Syscalls(), func(sc *guestos.Syscall) bool { return sc.ABI != glinux.ABIX64 }, linux.Table)
	require.NoError(t, err)
	require.Greater(t, n, 400, "i386 entry points")
	runCtx, stop := context.WithCancel(c)
	done := make(chan error, 1)
	go func() { done <- tr.Run(runCtx) }()

	dirs := make([]string, len(ia32Programs))
	for i, p := range ia32Programs {
		dirs[i] = marker(t)
		res, status, err := g.Exec(ctx(t, 5*time.Minute), "/bin/"+p.name+" "+dirs[i])
		require.NoError(t, err)
		require.Equal(t, 0, status, "%s: %s\ntrace:\n%s", p.name, res, out.String())
	}
	// The exit_group line is printed at entry: it is there when the
	// programs have ended.
	stop()
	if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
		t.Fatalf("tracing: %v", err)
	}
	require.NoError(t, tr.Close())

	tx := parseTrace(strings.Split(strings.TrimRight(out.String(), "\n"), "\n"))
	for i, p := range ia32Programs {
		var got []string
		var pid string
		for tid, lines := range tx.byTID {
			if tx.comm[tid] == p.name {
				got, pid = lines, tx.pid[tid]
			}
		}
		for i, l := range got {
			if strings.HasPrefix(l, "close(-132)") {
				got = got[i:]
				break
			}
		}
		// A pipe's file system id is its device number: each kernel's own.
		for j, l := range got {
			got[j] = fsidRE.ReplaceAllString(l, "f_fsid={val=FSID}")
		}
		want := make([]string, len(p.want))
		for j, w := range p.want {
			want[j] = strings.NewReplacer("DIR", dirs[i], "PID", pid).Replace(w)
		}
		assert.Equal(t, want, got, "%s: trace:\n%s", p.name, out.String())
	}
	// The i386 entry points waited behind the 32-bit dispatcher until the
	// first program's first call.
	assert.EqualValues(t, 1, l.Stats().Gates)
}
