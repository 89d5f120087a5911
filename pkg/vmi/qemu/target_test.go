package qemu

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/vmi"
)

const (
	fnNop  = fakeVirtBase + 0x1000 // begins with the 5-byte ftrace NOP
	fnPush = fakeVirtBase + 0x2000 // push rbp
	fnMov  = fakeVirtBase + 0x3000 // mov rbp, rsp
	fnStep = fakeVirtBase + 0x4000 // mov edi, [rdi+0x70]: stepped
	fnEnd  = fakeVirtBase + 0x5000 // endbr64
	fnR15  = fakeVirtBase + 0x6000 // push r15
	stack  = fakeVirtBase + 0x8000
)

func newFakeTarget(t *testing.T, nvcpu int, tweak func(*fakeStub)) (*fakeStub, *Target) {
	s := newFakeStub(t, nvcpu)
	s.putCode(fnNop, []byte{0x0f, 0x1f, 0x44, 0x00, 0x00, 0x8b, 0x7f, 0x70})
	s.putCode(fnPush, []byte{0x55, 0x48, 0x89, 0xe5})
	s.putCode(fnMov, []byte{0x48, 0x89, 0xe5})
	s.putCode(fnStep, []byte{0x8b, 0x7f, 0x70})
	s.putCode(fnEnd, []byte{0xf3, 0x0f, 0x1e, 0xfa})
	s.putCode(fnR15, []byte{0x41, 0x57})
	for v := range nvcpu {
		s.setReg(v, rRSP, stack-uint64(v)*0x100)
		s.setReg(v, rRIP, fakeVirtBase+0x100)
	}
	if tweak != nil {
		tweak(s)
	}
	return s, connectFake(t, s)
}

func countPrefix(log []string, prefix string) int {
	n := 0
	for _, p := range log {
		if strings.HasPrefix(p, prefix) {
			n++
		}
	}
	return n
}

func TestDialHandshake(t *testing.T) {
	s, tg := newFakeTarget(t, 2, nil)
	assert.Equal(t, 2, tg.NumVCPUs())
	assert.Equal(t, 0x1000, tg.pktMax)
	assert.Equal(t, []string{
		"qSupported:multiprocess+;xmlRegisters=i386",
		"qXfer:features:read:target.xml:0,ff0",
		"qXfer:features:read:i386-64bit.xml:0,ff0",
		"qXfer:features:read:i386-64bit.xml:ff0,ff0",
		"qXfer:features:read:i386-64bit.xml:1fe0,ff0",
		"qfThreadInfo",
		"qsThreadInfo",
		"?",
	}, s.Log())
	// The layout QEMU 7.2 describes.
	assert.Equal(t, 16*8, tg.layout.off[rRIP])
	assert.Equal(t, 4, tg.layout.size[rRFLAGS])
	assert.Equal(t, 16*8+8+4+6*4+3*8+2*8, tg.layout.off[rCR3])
	assert.False(t, s.Running(), "Dial leaves the guest paused")
}

func TestDialClearsStaleBreakpoints(t *testing.T) {
	// A client that died left a breakpoint, and the guest stopped at it.
	s, tg := newFakeTarget(t, 1, func(s *fakeStub) {
		s.bps[fnStep] = 1
		s.setReg(0, rRIP, fnStep)
	})
	assert.Empty(t, s.Breakpoints())
	require.NoError(t, tg.InsertBreakpoint(fnNop))
	s.mu.Lock()
	s.hitOnRun = &fakeHit{0, fnNop}
	s.mu.Unlock()
	var ev vmi.Event
	require.NoError(t, tg.Wait(context.Background(), &ev))
	assert.Equal(t, uint64(fnNop), ev.Addr)
	assert.Zero(t, tg.Stats().Spurious)
}

func TestDialAddress(t *testing.T) {
	for _, tt := range []struct{ addr, network, address, err string }{
		{"unix:/run/q.sock", "unix", "/run/q.sock", ""},
		{"localhost:1234", "tcp", "localhost:1234", ""},
		{"tcp:127.0.0.1:1", "tcp", "127.0.0.1:1", ""},
		{"unix:", "", "", `qemu gdb stub address "unix:": want unix:/path or host:port`},
		{"/run/q.sock", "", "", `qemu gdb stub address "/run/q.sock": want unix:/path or host:port`},
	} {
		n, a, err := splitAddr(tt.addr)
		if tt.err != "" {
			assert.EqualError(t, err, tt.err)
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, tt.network, n)
		assert.Equal(t, tt.address, a)
	}
	_, err := Dial(context.Background(), "unix:"+filepath.Join(t.TempDir(), "missing.sock"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "missing.sock")
	assert.Contains(t, err.Error(), "no such file or directory")
}

func TestDialUnixSocket(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "gdb.sock")
	l, err := net.Listen("unix", sock)
	require.NoError(t, err)
	defer l.Close()
	s := newFakeStub(t, 1)
	go func() {
		c, err := l.Accept()
		if err == nil {
			s.serve(c)
		}
	}()
	tg, err := Dial(context.Background(), "unix:"+sock, WithTimeout(time.Second))
	require.NoError(t, err)
	assert.Equal(t, 1, tg.NumVCPUs())
	require.NoError(t, tg.Close())
}

func TestDialHonoursContext(t *testing.T) {
	// A socket that accepts and never answers.
	sock := filepath.Join(t.TempDir(), "mute.sock")
	l, err := net.Listen("unix", sock)
	require.NoError(t, err)
	defer l.Close()
	go func() {
		c, err := l.Accept()
		if err == nil {
			defer c.Close()
			io.Copy(io.Discard, c)
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = Dial(ctx, "unix:"+sock)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Contains(t, err.Error(), "qemu gdb stub unix:"+sock)
	assert.Less(t, time.Since(start), 2*time.Second)

	// Without a context deadline, the reply timeout bounds it.
	_, err = Dial(context.Background(), "unix:"+sock, WithTimeout(100*time.Millisecond))
	require.ErrorIs(t, err, os.ErrDeadlineExceeded)
	assert.Contains(t, err.Error(), `no answer within 100ms waiting for the acknowledgement of "qSupported:multiprocess+;xmlRegisters=i386"`)
}

func TestNonX86Rejected(t *testing.T) {
	for _, tt := range []struct{ dir, want string }{
		{"qemu-7.2-i386", `guest architecture is "i386", not x86-64 (i386:x86-64)`},
		{"aarch64", `guest architecture is "aarch64", not x86-64`},
	} {
		s := newFakeStub(t, 1)
		s.xmlDir = filepath.Join("testdata", tt.dir)
		_, err := newTarget(s.start(), "fake", options{timeout: time.Second})
		require.Error(t, err, tt.dir)
		assert.ErrorIs(t, err, vmi.ErrUnsupported)
		assert.Contains(t, err.Error(), tt.want)
	}
}

func TestRegs(t *testing.T) {
	s, tg := newFakeTarget(t, 2, nil)
	s.SetReg(1, rCR3, 0x1234000)
	s.SetReg(1, rGSBase, 0xffff888007a00000)
	s.SetReg(1, rRFLAGS, 0x246)
	var r vmi.Regs
	require.NoError(t, tg.Regs(1, &r))
	assert.Equal(t, uint64(0x1234000), r.CR3)
	assert.Equal(t, uint64(0xffff888007a00000), r.GSBase)
	assert.Equal(t, uint64(0x246), r.RFLAGS)
	assert.Equal(t, uint64(stack-0x100), r.RSP)

	r.RAX = 0xdeadbeef
	r.RFLAGS = 0x202
	require.NoError(t, tg.SetRegs(1, &r))
	assert.Equal(t, uint64(0xdeadbeef), s.Reg(1, rRAX))
	assert.Equal(t, uint64(0x202), s.Reg(1, rRFLAGS))
	log := s.Log()
	// Only what changed is written: rax (0) and eflags (0x11).
	assert.Equal(t, []string{"P0=efbeadde00000000", "P11=02020000"}, log[len(log)-2:])

	require.ErrorIs(t, tg.Regs(2, &r), vmi.ErrNoVCPU)
	require.ErrorIs(t, tg.Regs(-1, &r), vmi.ErrNoVCPU)
}

func TestMemoryChunking(t *testing.T) {
	for _, tt := range []struct {
		pktSize, n, wantPackets int
	}{
		{0x1000, 8, 1},
		{0x1000, 2032, 1},
		{0x1000, 2033, 2},
		{0x1000, 10000, 5},
		{0x100, 1000, 9}, // 112 bytes a packet
		{0x40, 100, 100}, // 16 bytes a packet: the minimum size
	} {
		t.Run(fmt.Sprintf("size%#x/n%d", tt.pktSize, tt.n), func(t *testing.T) {
			s, tg := newFakeTarget(t, 1, func(s *fakeStub) { s.pktSize = tt.pktSize })
			pa := uint64(0x10003)
			buf := make([]byte, tt.n)
			require.NoError(t, tg.ReadPhys(pa, buf))
			assert.Equal(t, s.physAt(pa, tt.n), buf)
			wantPkts := (tt.n + tg.chunk - 1) / tg.chunk
			if tt.pktSize == 0x40 {
				wantPkts = (tt.n + 15) / 16
			}
			assert.Equal(t, wantPkts, countPrefix(s.Log(), "m"))

			for i := range buf {
				buf[i] = byte(i*13 + 1)
			}
			require.NoError(t, tg.WritePhys(pa+1, buf))
			assert.Equal(t, buf, s.physAt(pa+1, tt.n))
			assert.Equal(t, wantPkts, countPrefix(s.Log(), "M"))
			for _, p := range s.Log() {
				assert.Less(t, len(p)+4, tt.pktSize, "packet %.20q too long", p)
			}
		})
	}
}

func TestProtocolEdgeCasesLive(t *testing.T) {
	// Each tweak makes the fake stub send its replies in another legal
	// form; reads must give the same bytes.
	for _, tt := range []struct {
		name  string
		tweak func(*fakeStub)
	}{
		{"plain", func(*fakeStub) {}},
		{"run-length", func(s *fakeStub) { s.rle = true }},
		{"escaped", func(s *fakeStub) { s.escapeAll = true }},
		{"run-length and escaped", func(s *fakeStub) { s.rle, s.escapeAll = true, true }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, tg := newFakeTarget(t, 1, tt.tweak)
			s.mu.Lock()
			for i := 0x20000; i < 0x21000; i++ {
				s.phys[i] = byte(i>>8) & 0xf0 // runs of equal bytes
			}
			s.mu.Unlock()
			buf := make([]byte, 0x1000)
			require.NoError(t, tg.ReadPhys(0x20000, buf))
			assert.Equal(t, s.physAt(0x20000, 0x1000), buf)
		})
	}
	t.Run("checksum and nack recovered", func(t *testing.T) {
		s, tg := newFakeTarget(t, 1, nil)
		s.mu.Lock()
		s.corruptNext, s.nackNext = 2, 2
		s.mu.Unlock()
		buf := make([]byte, 64)
		require.NoError(t, tg.ReadPhys(0x100, buf))
		assert.Equal(t, s.physAt(0x100, 64), buf)
	})
}

func TestStubErrors(t *testing.T) {
	t.Run("E14 on an unreadable address", func(t *testing.T) {
		_, tg := newFakeTarget(t, 1, nil)
		err := tg.ReadPhys(0x7fff0000, make([]byte, 8))
		require.ErrorIs(t, err, ErrRefused)
		assert.EqualError(t, err, `qemu gdb stub fake: "m7fff0000,8" answered "E14": gdb stub refused the request`)
		// Not fatal: the next request works.
		require.NoError(t, tg.ReadPhys(0, make([]byte, 8)))
	})
	t.Run("breakpoint refused", func(t *testing.T) {
		_, tg := newFakeTarget(t, 1, func(s *fakeStub) { s.replyFor["Z0"] = "E22" })
		err := tg.InsertBreakpoint(fnNop)
		require.ErrorIs(t, err, ErrRefused)
		assert.Contains(t, err.Error(), `"Z0,ffffffff80001000,1" answered "E22"`)
	})
	t.Run("breakpoints unsupported", func(t *testing.T) {
		_, tg := newFakeTarget(t, 1, func(s *fakeStub) { s.replyFor["Z0"] = "" })
		err := tg.InsertBreakpoint(fnNop)
		require.ErrorIs(t, err, vmi.ErrUnsupported)
		assert.Contains(t, err.Error(), `"Z0,ffffffff80001000,1" is not supported (empty reply)`)
	})
	t.Run("garbage reply", func(t *testing.T) {
		_, tg := newFakeTarget(t, 1, func(s *fakeStub) { s.replyFor["m"] = "zz" })
		err := tg.ReadPhys(0, make([]byte, 1))
		require.ErrorIs(t, err, ErrProtocol)
	})
	t.Run("truncated reply", func(t *testing.T) {
		s, tg := newFakeTarget(t, 1, nil)
		s.mu.Lock()
		s.truncateNext = true
		s.mu.Unlock()
		err := tg.ReadPhys(0, make([]byte, 64))
		require.ErrorIs(t, err, vmi.ErrGuestGone)
		assert.Contains(t, err.Error(), "(truncated)")
		require.ErrorIs(t, tg.ReadPhys(0, make([]byte, 1)), vmi.ErrGuestGone)
		require.NoError(t, tg.Close())
	})
	t.Run("no PacketSize or xfer", func(t *testing.T) {
		s := newFakeStub(t, 1)
		s.replyFor["qSupported"] = "PacketSize=1000"
		_, err := newTarget(s.start(), "fake", options{timeout: time.Second})
		require.ErrorIs(t, err, vmi.ErrUnsupported)
		assert.Contains(t, err.Error(), "no target description")
	})
}

// hitLoop runs n hit/resume rounds at addr on vcpu.
func hitLoop(t *testing.T, s *fakeStub, tg *Target, vcpu int, addr uint64, n int) {
	s.mu.Lock()
	s.hitOnRun = &fakeHit{vcpu, addr}
	if s.running {
		s.hitLocked(vcpu, addr)
	}
	s.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var ev vmi.Event
	for i := range n {
		require.NoError(t, tg.Wait(ctx, &ev), "hit %d", i)
		require.Equal(t, vcpu, ev.VCPU)
		require.Equal(t, addr, ev.Addr)
		require.Equal(t, addr, ev.Regs.RIP)
		if i == n-1 {
			s.mu.Lock()
			s.hitOnRun = nil
			s.mu.Unlock()
		}
		require.NoError(t, tg.Resume(&ev))
	}
}

func TestResumeByEmulation(t *testing.T) {
	for _, tt := range []struct {
		name string
		addr uint64
		kind string
		len  uint64
	}{
		{"ftrace nop", fnNop, "nop", 5},
		{"endbr64", fnEnd, "nop", 4},
		{"push rbp", fnPush, "push", 1},
		{"push r15", fnR15, "push", 2},
		{"mov rbp,rsp", fnMov, "mov r64,r64", 3},
		{"stepped", fnStep, "step", 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, tg := newFakeTarget(t, 2, nil)
			require.NoError(t, tg.InsertBreakpoint(tt.addr))
			kind, err := tg.BreakpointKind(tt.addr)
			require.NoError(t, err)
			assert.Equal(t, tt.kind, kind)

			s.SetReg(1, rRBP, 0x1111222233334444)
			s.SetReg(1, rR15, 0x5555666677778888)
			rsp := s.Reg(1, rRSP)
			s.mu.Lock()
			s.hitOnRun = &fakeHit{1, tt.addr}
			s.mu.Unlock()
			var ev vmi.Event
			require.NoError(t, tg.Wait(context.Background(), &ev))
			assert.Equal(t, vmi.Event{VCPU: 1, Addr: tt.addr, Regs: ev.Regs}, ev)
			s.mu.Lock()
			s.hitOnRun = nil
			s.mu.Unlock()
			require.NoError(t, tg.Resume(&ev))
			assert.True(t, s.Running())
			// What the instruction would have done, done.
			assert.Equal(t, tt.addr+tt.len, s.Reg(1, rRIP))
			switch tt.name {
			case "push rbp":
				assert.Equal(t, rsp-8, s.Reg(1, rRSP))
				assert.Equal(t, uint64(0x1111222233334444), binary.LittleEndian.Uint64(s.physAt(rsp-8-fakeVirtBase, 8)))
			case "push r15":
				assert.Equal(t, rsp-8, s.Reg(1, rRSP))
				assert.Equal(t, uint64(0x5555666677778888), binary.LittleEndian.Uint64(s.physAt(rsp-8-fakeVirtBase, 8)))
			case "mov rbp,rsp":
				assert.Equal(t, rsp, s.Reg(1, rRBP))
			default:
				assert.Equal(t, rsp, s.Reg(1, rRSP))
			}
			st := tg.Stats()
			if tt.kind == "step" {
				assert.Equal(t, Stats{Hits: 1, Stepped: 1}, st)
				log := s.Log()
				i := slices.Index(log, "vCont;s:p1.2")
				require.Positive(t, i, "log %q", log)
				// The step is checked to have run the instruction ("g").
				assert.Equal(t, []string{"z0,ffffffff80004000,1", "vCont;s:p1.2", "g", "Z0,ffffffff80004000,1", "c"}, log[i-1:i+4])
				assert.Equal(t, map[uint64]int{tt.addr: 1}, s.Breakpoints())
				assert.Equal(t, 1, s.steps)
			} else {
				assert.Equal(t, Stats{Hits: 1, Emulated: 1}, st)
				assert.Equal(t, 0, s.steps)
			}
		})
	}
}

func TestThousandHits(t *testing.T) {
	s, tg := newFakeTarget(t, 1, nil)
	require.NoError(t, tg.InsertBreakpoint(fnNop))
	require.NoError(t, tg.InsertBreakpoint(fnStep))
	n0 := len(s.Log())
	hitLoop(t, s, tg, 0, fnNop, 1000)
	// Per hit: the stop, 'g' for the event, 'g' again before emulating
	// (is the vCPU still there? see stillAt), "c addr" setting rip of the
	// vCPU that stopped: no 'P', no Hg, no memory mode switch.
	log := s.Log()[n0:]
	assert.Equal(t, 1+3000, len(log)) // and the first 'c'

	assert.Equal(t, 2000, countPrefix(log, "g"))
	assert.Equal(t, 1000, countPrefix(log, "cffffffff80001005"))
	hitLoop(t, s, tg, 0, fnStep, 10)
	assert.Equal(t, Stats{Hits: 1010, Emulated: 1000, Stepped: 10}, tg.Stats())
}

func TestRegsChangedWrittenOnResume(t *testing.T) {
	s, tg := newFakeTarget(t, 1, nil)
	require.NoError(t, tg.InsertBreakpoint(fnNop))
	ev := s.hitOnce(t, tg, 0, fnNop)
	ev.Regs.RAX = 42
	ev.RegsChanged = true
	require.NoError(t, tg.Resume(&ev))
	assert.Equal(t, uint64(42), s.Reg(0, rRAX))
	assert.Equal(t, uint64(fnNop+5), s.Reg(0, rRIP))

	// A handler that moves rip elsewhere: the guest continues there.
	s.Hit(0, fnNop)
	require.NoError(t, tg.Wait(context.Background(), &ev))
	ev.Regs.RIP = fnStep + 3
	ev.RegsChanged = true
	require.NoError(t, tg.Resume(&ev))
	assert.Equal(t, uint64(fnStep+3), s.Reg(0, rRIP))
	assert.Equal(t, Stats{Hits: 2, Emulated: 1}, tg.Stats())
}

func TestResumeWithoutEvent(t *testing.T) {
	_, tg := newFakeTarget(t, 1, nil)
	err := tg.Resume(&vmi.Event{Addr: fnNop})
	assert.EqualError(t, err, "qemu: Resume of vCPU 0 at 0xffffffff80001000, but the guest is not stopped at that event")
}

func TestInterruptWhileRunning(t *testing.T) {
	s, tg := newFakeTarget(t, 2, nil)
	require.NoError(t, tg.InsertBreakpoint(fnNop))
	require.NoError(t, tg.Unpause())
	require.True(t, s.Running())

	// A request while running interrupts, does its work, and continues.
	buf := make([]byte, 4)
	require.NoError(t, tg.ReadPhys(0x40, buf))
	assert.Equal(t, s.physAt(0x40, 4), buf)
	assert.True(t, s.Running())
	log := s.Log()
	assert.Equal(t, "c", log[len(log)-1])

	// This time a breakpoint hit on vCPU 2 races the ^C: the stub ignores
	// the ^C and reports the hit, which the next Wait returns without
	// running the guest.
	s.mu.Lock()
	s.raceHit = &fakeHit{1, fnNop}
	s.mu.Unlock()
	require.NoError(t, tg.InsertBreakpoint(fnStep))
	assert.False(t, s.Running(), "a pending event keeps the guest stopped")
	n := len(s.Log())
	var ev vmi.Event
	require.NoError(t, tg.Wait(context.Background(), &ev))
	assert.Equal(t, 1, ev.VCPU)
	assert.Equal(t, uint64(fnNop), ev.Addr)
	assert.Equal(t, uint64(fnNop), ev.Regs.RIP)
	assert.Equal(t, n, len(s.Log()), "Wait returned the pending event without a request")
	require.NoError(t, tg.Resume(&ev))
	assert.Equal(t, uint64(fnNop+5), s.Reg(1, rRIP))
}

// TestLateInterrupt: a busy QEMU takes the ^C only after the interrupt
// wait; the query sent then is answered after the stop. The next request
// gets its own reply (it got the query's "QCp01.01", a protocol error
// that ended a 15-minute soak).
func TestLateInterrupt(t *testing.T) {
	s, tg := newFakeTarget(t, 2, nil)
	require.NoError(t, tg.Unpause())
	s.mu.Lock()
	s.lateStop = true
	s.mu.Unlock()
	var r vmi.Regs
	require.NoError(t, tg.Regs(1, &r))
	assert.Equal(t, s.Reg(1, rRIP), r.RIP)
	require.NoError(t, tg.Regs(0, &r))
	assert.Equal(t, s.Reg(0, rRIP), r.RIP)
	assert.True(t, s.Running(), "the guest runs again after the requests")
}

func TestWaitHonoursContext(t *testing.T) {
	s, tg := newFakeTarget(t, 1, nil)
	require.NoError(t, tg.InsertBreakpoint(fnNop))
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Millisecond)
	defer cancel()
	start := time.Now()
	var ev vmi.Event
	err := tg.Wait(ctx, &ev)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), time.Second)
	assert.False(t, s.Running(), "left paused")
	log := s.Log()
	assert.Equal(t, "c", log[len(log)-1])

	// Already cancelled: the paused guest is not started.
	require.ErrorIs(t, tg.Wait(ctx, &ev), context.DeadlineExceeded)
	assert.False(t, s.Running())
	assert.Equal(t, len(log), len(s.Log()))
}

func TestPausedByAnotherMonitor(t *testing.T) {
	s, tg := newFakeTarget(t, 1, nil)
	require.NoError(t, tg.InsertBreakpoint(fnNop))
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		// QMP "stop" while Wait waits: the stub reports T02.
		time.Sleep(30 * time.Millisecond)
		s.mu.Lock()
		s.stopLocked(sigInt, 0)
		s.mu.Unlock()
		time.Sleep(50 * time.Millisecond)
		cancel()
	}()
	var ev vmi.Event
	err := tg.Wait(ctx, &ev)
	require.ErrorIs(t, err, context.Canceled)
	// Wait did not resume the guest itself; the ^C found it stopped and a
	// query synchronised, leaving the breakpoints alone.
	log := s.Log()
	assert.Equal(t, []string{"c", "qC"}, log[len(log)-2:])
	assert.False(t, s.Running())
	assert.Equal(t, map[uint64]int{fnNop: 1}, s.Breakpoints())
	require.NoError(t, tg.ReadPhys(0, make([]byte, 8)))
}

func TestWaitWithoutResume(t *testing.T) {
	s, tg := newFakeTarget(t, 1, nil)
	require.NoError(t, tg.InsertBreakpoint(fnNop))
	s.mu.Lock()
	s.hitOnRun = &fakeHit{0, fnNop}
	s.mu.Unlock()
	var ev vmi.Event
	require.NoError(t, tg.Wait(context.Background(), &ev))
	require.NoError(t, tg.Wait(context.Background(), &ev))
	assert.Equal(t, Stats{Hits: 2, Emulated: 1}, tg.Stats())
}

func TestSpuriousStopContinued(t *testing.T) {
	s, tg := newFakeTarget(t, 1, nil)
	require.NoError(t, tg.InsertBreakpoint(fnNop))
	require.NoError(t, tg.Unpause())
	// A SIGTRAP at an address with no breakpoint, then a real hit.
	s.mu.Lock()
	s.setReg(0, rRIP, fnStep)
	s.stopLocked(sigTrap, 0)
	s.hitOnRun = &fakeHit{0, fnNop}
	s.mu.Unlock()
	var ev vmi.Event
	require.NoError(t, tg.Wait(context.Background(), &ev))
	assert.Equal(t, uint64(fnNop), ev.Addr)
	assert.Equal(t, uint64(1), tg.Stats().Spurious)
}

func TestBreakpoints(t *testing.T) {
	s, tg := newFakeTarget(t, 1, nil)
	require.NoError(t, tg.InsertBreakpoint(fnNop))
	require.NoError(t, tg.InsertBreakpoint(fnNop)) // already there
	assert.Equal(t, map[uint64]int{fnNop: 1}, s.Breakpoints())
	require.NoError(t, tg.RemoveBreakpoint(fnNop))
	assert.Empty(t, s.Breakpoints())
	err := tg.RemoveBreakpoint(fnNop)
	require.ErrorIs(t, err, vmi.ErrNoBreakpoint)
	assert.EqualError(t, err, "breakpoint at 0xffffffff80001000: no breakpoint at that address")
	// Code that cannot be read is single-stepped.
	require.NoError(t, tg.InsertBreakpoint(0x1000))
	kind, _ := tg.BreakpointKind(0x1000)
	assert.Equal(t, "step", kind)
}

func TestCloseRemovesBreakpointsAndDetaches(t *testing.T) {
	for _, running := range []bool{false, true} {
		t.Run(fmt.Sprintf("running=%v", running), func(t *testing.T) {
			s, tg := newFakeTarget(t, 2, nil)
			for _, a := range []uint64{fnNop, fnPush, fnStep} {
				require.NoError(t, tg.InsertBreakpoint(a))
			}
			require.NoError(t, tg.ReadPhys(0, make([]byte, 8)))
			if running {
				require.NoError(t, tg.Unpause())
			}
			require.NoError(t, tg.Close())
			assert.Empty(t, s.Breakpoints())
			log := s.Log()
			assert.Equal(t, []string{"Qqemu.PhyMemMode:0", "D;1"}, log[len(log)-2:])
			assert.Equal(t, 3, countPrefix(log, "z0,"))
			assert.True(t, s.Running(), "the guest runs after Close")
			require.NoError(t, tg.Close())
			require.ErrorIs(t, tg.ReadPhys(0, make([]byte, 1)), vmi.ErrClosed)
			var ev vmi.Event
			require.ErrorIs(t, tg.Wait(context.Background(), &ev), vmi.ErrClosed)
		})
	}
}

func TestGuestGone(t *testing.T) {
	t.Run("connection closed while waiting", func(t *testing.T) {
		s, tg := newFakeTarget(t, 1, nil)
		go func() { time.Sleep(30 * time.Millisecond); s.conn.Close() }()
		var ev vmi.Event
		err := tg.Wait(context.Background(), &ev)
		require.ErrorIs(t, err, vmi.ErrGuestGone)
		assert.Contains(t, err.Error(), "qemu gdb stub fake: connection closed")
		require.NoError(t, tg.Close())
	})
	t.Run("QEMU exits", func(t *testing.T) {
		s, tg := newFakeTarget(t, 1, nil)
		go func() {
			time.Sleep(30 * time.Millisecond)
			s.mu.Lock()
			s.sendLocked("W00")
			s.mu.Unlock()
		}()
		var ev vmi.Event
		err := tg.Wait(context.Background(), &ev)
		require.ErrorIs(t, err, vmi.ErrGuestGone)
		assert.Contains(t, err.Error(), `QEMU is exiting ("W00")`)
	})
}

func TestConsoleOutputIgnored(t *testing.T) {
	s, tg := newFakeTarget(t, 1, nil)
	require.NoError(t, tg.InsertBreakpoint(fnNop))
	require.NoError(t, tg.Unpause())
	s.mu.Lock()
	s.sendLocked("O48690a")
	s.mu.Unlock()
	time.Sleep(10 * time.Millisecond)
	s.Hit(0, fnNop)
	var ev vmi.Event
	require.NoError(t, tg.Wait(context.Background(), &ev))
	assert.Equal(t, uint64(fnNop), ev.Addr)
}

func TestClassify(t *testing.T) {
	for _, tt := range []struct {
		code []byte
		want insn
	}{
		{[]byte{0x0f, 0x1f, 0x44, 0x00, 0x00}, insn{kind: emuNop, len: 5}},
		{[]byte{0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00}, insn{kind: emuNop, len: 6}},
		{[]byte{0x90}, insn{kind: emuNop, len: 1}},
		{[]byte{0xf3, 0x0f, 0x1e, 0xfa, 0x55}, insn{kind: emuNop, len: 4}},
		{[]byte{0x55}, insn{kind: emuPush, len: 1, src: rRBP}},
		{[]byte{0x53}, insn{kind: emuPush, len: 1, src: rRBX}},
		{[]byte{0x54}, insn{kind: emuPush, len: 1, src: rRSP}},
		{[]byte{0x41, 0x54}, insn{kind: emuPush, len: 2, src: rR12}},
		{[]byte{0x48, 0x89, 0xe5}, insn{kind: emuMovRR, len: 3, src: rRSP, dst: rRBP}},
		{[]byte{0x48, 0x8b, 0xec}, insn{kind: emuMovRR, len: 3, src: rRSP, dst: rRBP}},
		{[]byte{0x66, 0x55}, insn{kind: emuNone}}, // push bp: 16 bits
		{[]byte{0xf3, 0x90}, insn{kind: emuNone}}, // pause
		{[]byte{0x41, 0x90}, insn{kind: emuNone}}, // xchg r8d, eax
		{[]byte{0x8b, 0x7f, 0x70}, insn{kind: emuNone}},
		{[]byte{0xcc}, insn{kind: emuNone}},
		{nil, insn{kind: emuNone}},
	} {
		assert.Equal(t, tt.want, classify(tt.code), "% x", tt.code)
	}
}

func TestPushRSPPushesOldValue(t *testing.T) {
	s, tg := newFakeTarget(t, 1, nil)
	s.putCode(fnPush, []byte{0x54})
	require.NoError(t, tg.InsertBreakpoint(fnPush))
	ev := s.hitOnce(t, tg, 0, fnPush)
	require.NoError(t, tg.Resume(&ev))
	assert.Equal(t, ev.Regs.RSP, binary.LittleEndian.Uint64(s.physAt(ev.Regs.RSP-8-fakeVirtBase, 8)))
	assert.True(t, bytes.Equal(s.physAt(fnPush-fakeVirtBase, 1), []byte{0x54}))
}

func TestPushOnUnmappedStackIsStepped(t *testing.T) {
	s, tg := newFakeTarget(t, 1, nil)
	require.NoError(t, tg.InsertBreakpoint(fnPush))
	s.SetReg(0, rRSP, 0x1000) // below the fake's virtual base: unmapped
	ev := s.hitOnce(t, tg, 0, fnPush)
	require.NoError(t, tg.Resume(&ev))
	assert.Equal(t, Stats{Hits: 1, Stepped: 1}, tg.Stats())
	assert.Equal(t, uint64(fnPush+1), s.Reg(0, rRIP))
}
