package qemu

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/arch/x86/x86asm"

	"github.com/guestrace/guestrace/pkg/vmi"
)

// fakeStub behaves like QEMU 7.2's GDB stub for an x86-64 guest, byte for
// byte where it matters: it acknowledges every packet and resends its last
// one on '-'; while the guest "runs" any byte stops it and is dropped;
// ^C while stopped is ignored; breakpoints live in the stub; a stop
// points 'g' and 'c' at the vCPU that stopped.
//
// Memory: phys is guest RAM from 0; a virtual address va >= virtBase maps
// to physical va-virtBase (a stand-in for the kernel's direct map).
type fakeStub struct {
	tb   testing.TB
	conn net.Conn
	out  chan []byte
	done chan struct{}

	mu       sync.Mutex
	xmlDir   string
	pktSize  int
	nvcpu    int
	layout   *regLayout
	regs     [][]byte // raw 'g' bytes per vCPU
	phys     []byte
	virtMode bool // Qqemu.PhyMemMode:0
	gcpu     int
	ccpu     int
	running  bool
	detached bool
	bps      map[uint64]int // address -> insert count
	lastPkt  []byte         // sent, not yet acknowledged
	log      []string       // packets received, in order

	// Knobs for protocol edge cases.
	nackNext     int               // answer '-' to the next n packets
	corruptNext  int               // send the next n packets with a bad checksum
	rle          bool              // run-length encode replies
	escapeAll    bool              // escape every reply byte that may be escaped
	raceHit      *fakeHit          // ^C while running: report this hit instead
	lateStop     bool              // ^C while running stops the guest only when the next byte comes
	heldStop     bool              // a late ^C waiting for that byte
	truncateNext bool              // send half of the next reply and close
	replyFor     map[string]string // packet prefix -> canned reply
	connectStop  bool              // report T02 when the client connects (QEMU does)
	hitOnRun     *fakeHit          // every continue hits this breakpoint
	steps        int               // single steps done
	onStep       func(vcpu int)
}

type fakeHit struct {
	vcpu int
	addr uint64
}

const fakeVirtBase = 0xffffffff80000000

func newFakeStub(tb testing.TB, nvcpu int) *fakeStub {
	layoutXML := filepath.Join("testdata", "qemu-7.2-x86_64")
	s := &fakeStub{
		tb:          tb,
		xmlDir:      layoutXML,
		pktSize:     0x1000,
		nvcpu:       nvcpu,
		phys:        make([]byte, 1<<20),
		bps:         map[uint64]int{},
		replyFor:    map[string]string{},
		connectStop: true,
		out:         make(chan []byte, 1024),
		done:        make(chan struct{}),
	}
	l, err := parseTargetXML(func(annex string) ([]byte, error) {
		return os.ReadFile(filepath.Join(layoutXML, annex))
	})
	if err != nil {
		tb.Fatal(err)
	}
	s.layout = l
	// The whole 'g' of QEMU's x86-64: 608 bytes.
	for range nvcpu {
		s.regs = append(s.regs, make([]byte, 608))
	}
	for i := range s.phys {
		s.phys[i] = byte(i * 7)
	}
	return s
}

// start serves one end of a pipe and returns the other.
func (s *fakeStub) start() net.Conn {
	client, server := net.Pipe()
	s.serve(server)
	return client
}

// serve speaks the protocol on server.
func (s *fakeStub) serve(server net.Conn) {
	s.conn = server
	go s.writer()
	go s.reader()
	s.tb.Cleanup(func() { server.Close(); <-s.done })
	if s.connectStop {
		s.mu.Lock()
		s.sendLocked("T02thread:p01.01;")
		s.mu.Unlock()
	}
}

func (s *fakeStub) writer() {
	for b := range s.out {
		if _, err := s.conn.Write(b); err != nil {
			return
		}
	}
}

func (s *fakeStub) reader() {
	defer close(s.done)
	defer close(s.out)
	buf := make([]byte, 1)
	var pkt []byte
	inPkt, sum := false, 0
	for {
		if _, err := s.conn.Read(buf); err != nil {
			return
		}
		ch := buf[0]
		s.mu.Lock()
		if s.heldStop {
			// The late ^C stops the guest now; this byte is read with
			// the guest stopped, as QEMU reads it when busy.
			s.heldStop, s.running = false, false
			s.stopLocked(sigInt, s.ccpu)
		}
		if s.lastPkt != nil {
			switch ch {
			case '-':
				s.out <- s.maybeCorrupt(s.lastPkt)
			case '+':
				s.lastPkt = nil
			case '$':
				s.lastPkt = nil
			}
			if ch != '$' {
				s.mu.Unlock()
				continue
			}
		}
		if s.running && !inPkt && ch == interruptByte && s.lateStop {
			s.lateStop, s.heldStop = false, true
			s.mu.Unlock()
			continue
		}
		if s.running && !inPkt {
			// Any byte stops a running guest and is lost.
			s.running = false
			if h := s.raceHit; h != nil && ch == interruptByte {
				s.raceHit = nil
				s.hitLocked(h.vcpu, h.addr)
			} else {
				s.stopLocked(sigInt, s.ccpu)
			}
			s.mu.Unlock()
			continue
		}
		switch {
		case !inPkt && ch == '$':
			inPkt, pkt, sum = true, pkt[:0], -1
		case !inPkt:
			// ^C while stopped, '+', noise: ignored
		case sum == -1 && ch == '#':
			sum = -2
		case sum == -1:
			pkt = append(pkt, ch)
		case sum == -2:
			sum = -3 - int(ch)
		default:
			inPkt = false
			want := checksum(pkt)
			hi, lo := byte(-3-sum), ch
			got, ok := unhex2(hi, lo)
			if !ok || got != want {
				s.out <- []byte("-")
				break
			}
			if s.nackNext > 0 {
				s.nackNext--
				s.out <- []byte("-")
				break
			}
			s.out <- []byte("+")
			decoded, err := decodePayload(nil, pkt)
			if err != nil {
				s.tb.Errorf("fake stub: bad packet %q: %v", pkt, err)
				break
			}
			s.log = append(s.log, string(decoded))
			s.handleLocked(decoded)
		}
		s.mu.Unlock()
	}
}

// sendLocked frames and sends one packet, honouring the knobs.
func (s *fakeStub) sendLocked(payload string) {
	body := []byte(payload)
	if s.escapeAll {
		var e []byte
		for _, b := range body {
			if b == '$' || b == '#' || b == '}' || b == '*' || b == '0' {
				e = append(e, '}', b^0x20)
			} else {
				e = append(e, b)
			}
		}
		body = e
	}
	if s.rle {
		body = rleEncode(body)
	}
	framed := fmt.Appendf(nil, "$%s#%02x", body, checksum(body))
	s.lastPkt = framed
	framed = s.maybeCorrupt(framed)
	if s.truncateNext {
		s.out <- framed[:len(framed)/2]
		go func() { time.Sleep(10 * time.Millisecond); s.conn.Close() }()
		return
	}
	s.out <- framed
}

// maybeCorrupt spoils the checksum of a (re)transmission while
// corruptNext says so.
func (s *fakeStub) maybeCorrupt(framed []byte) []byte {
	if s.corruptNext == 0 {
		return framed
	}
	s.corruptNext--
	bad := bytes.Clone(framed)
	bad[len(bad)-1] ^= 1
	return bad
}

// rleEncode compresses runs of 4 or more bytes as GDB does (never making
// the count character '#' or '$').
func rleEncode(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); {
		j := i
		for j < len(b) && b[j] == b[i] && j-i < 98 {
			j++
		}
		n := j - i
		for n-1 == 6 || n-1 == 7 { // counts giving '#' (35) and '$' (36)
			n--
		}
		if n >= 4 && b[i] != '}' {
			out = append(out, b[i], '*', byte(n-1+29))
			i += n
			continue
		}
		out = append(out, b[i])
		i++
	}
	return out
}

func (s *fakeStub) reg(vcpu int, id regID) uint64 {
	off := s.layout.off[id]
	var b [8]byte
	copy(b[:s.layout.size[id]], s.regs[vcpu][off:])
	return binary.LittleEndian.Uint64(b[:])
}

func (s *fakeStub) setReg(vcpu int, id regID, v uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	copy(s.regs[vcpu][s.layout.off[id]:], b[:s.layout.size[id]])
}

// Reg and SetReg are for tests.
func (s *fakeStub) Reg(vcpu int, id regID) uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reg(vcpu, id)
}

func (s *fakeStub) SetReg(vcpu int, id regID, v uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.setReg(vcpu, id, v)
}

func (s *fakeStub) stopLocked(sig, vcpu int) {
	s.running = false
	s.ccpu, s.gcpu = vcpu, vcpu
	s.sendLocked(fmt.Sprintf("T%02xthread:p01.%02x;", sig, vcpu+1))
}

func (s *fakeStub) hitLocked(vcpu int, addr uint64) {
	s.setReg(vcpu, rRIP, addr)
	s.stopLocked(sigTrap, vcpu)
}

// Hit makes a running guest hit the breakpoint at addr on vcpu.
func (s *fakeStub) Hit(vcpu int, addr uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.running || s.bps[addr] == 0 {
		s.tb.Errorf("fake stub: Hit(%d, %#x) while running=%v, bp=%d", vcpu, addr, s.running, s.bps[addr])
		return
	}
	s.hitLocked(vcpu, addr)
}

func (s *fakeStub) Running() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.running
}

func (s *fakeStub) Log() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.log...)
}

func (s *fakeStub) Breakpoints() map[uint64]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := map[uint64]int{}
	for k, v := range s.bps {
		m[k] = v
	}
	return m
}

// translate maps an address of 'm'/'M' to an offset in phys.
func (s *fakeStub) translate(addr uint64, n int) (int, bool) {
	if s.virtMode {
		if addr < fakeVirtBase {
			return 0, false
		}
		addr -= fakeVirtBase
	}
	if addr+uint64(n) > uint64(len(s.phys)) || addr+uint64(n) < addr {
		return 0, false
	}
	return int(addr), true
}

func (s *fakeStub) run() {
	s.running = true
	// A vCPU standing on a breakpoint hits it again at once.
	for v := range s.nvcpu {
		if rip := s.reg(v, rRIP); s.bps[rip] > 0 {
			s.hitLocked(v, rip)
			return
		}
	}
	if h := s.hitOnRun; h != nil && s.bps[h.addr] > 0 {
		s.hitLocked(h.vcpu, h.addr)
	}
}

func (s *fakeStub) handleLocked(p []byte) {
	cmd := string(p)
	for prefix, reply := range s.replyFor {
		if strings.HasPrefix(cmd, prefix) {
			s.sendLocked(reply)
			return
		}
	}
	switch {
	case strings.HasPrefix(cmd, "qSupported"):
		s.sendLocked(fmt.Sprintf("PacketSize=%x;qXfer:features:read+;vContSupported+;multiprocess+", s.pktSize))
	case strings.HasPrefix(cmd, "qXfer:features:read:"):
		f := strings.Split(strings.TrimPrefix(cmd, "qXfer:features:read:"), ":")
		offLen := strings.Split(f[1], ",")
		off, _ := strconv.ParseUint(offLen[0], 16, 64)
		n, _ := strconv.ParseUint(offLen[1], 16, 64)
		data, err := os.ReadFile(filepath.Join(s.xmlDir, f[0]))
		if err != nil {
			s.sendLocked("E00")
			return
		}
		if off >= uint64(len(data)) {
			s.sendLocked("l")
			return
		}
		data = data[off:]
		if uint64(len(data)) > n {
			s.sendLocked("m" + string(data[:n]))
			return
		}
		s.sendLocked("l" + string(data))
	case cmd == "qfThreadInfo":
		var ids []string
		for v := range s.nvcpu {
			ids = append(ids, fmt.Sprintf("p01.%02x", v+1))
		}
		s.sendLocked("m" + strings.Join(ids, ","))
	case cmd == "qsThreadInfo":
		s.sendLocked("l")
	case strings.HasPrefix(cmd, "Hgp1."):
		v, err := strconv.ParseUint(cmd[5:], 16, 64)
		if err != nil || v < 1 || int(v) > s.nvcpu {
			s.sendLocked("E22")
			return
		}
		s.gcpu = int(v) - 1
		s.sendLocked("OK")
	case cmd == "g":
		s.sendLocked(fmt.Sprintf("%x", s.regs[s.gcpu]))
	case strings.HasPrefix(cmd, "P"):
		kv := strings.SplitN(cmd[1:], "=", 2)
		num, _ := strconv.ParseUint(kv[0], 16, 64)
		val, _ := hexBytes(kv[1])
		for id := range nRegs {
			if s.layout.num[id] == int(num) {
				copy(s.regs[s.gcpu][s.layout.off[id]:], val)
				s.sendLocked("OK")
				return
			}
		}
		s.sendLocked("E22")
	case strings.HasPrefix(cmd, "Qqemu.PhyMemMode:"):
		s.virtMode = cmd[len(cmd)-1] == '0'
		s.sendLocked("OK")
	case strings.HasPrefix(cmd, "m"):
		al := strings.Split(cmd[1:], ",")
		addr, _ := strconv.ParseUint(al[0], 16, 64)
		n, _ := strconv.ParseUint(al[1], 16, 64)
		if n > uint64(s.pktSize/2) {
			s.sendLocked("E22")
			return
		}
		off, ok := s.translate(addr, int(n))
		if !ok {
			s.sendLocked("E14")
			return
		}
		s.sendLocked(fmt.Sprintf("%x", s.phys[off:off+int(n)]))
	case strings.HasPrefix(cmd, "M"):
		hdr, data, _ := strings.Cut(cmd[1:], ":")
		al := strings.Split(hdr, ",")
		addr, _ := strconv.ParseUint(al[0], 16, 64)
		n, _ := strconv.ParseUint(al[1], 16, 64)
		b, err := hexBytes(data)
		if err != nil || uint64(len(b)) != n || len(p) >= s.pktSize {
			s.sendLocked("E22")
			return
		}
		off, ok := s.translate(addr, int(n))
		if !ok {
			s.sendLocked("E14")
			return
		}
		copy(s.phys[off:], b)
		s.sendLocked("OK")
	case strings.HasPrefix(cmd, "Z0,") || strings.HasPrefix(cmd, "z0,"):
		f := strings.Split(cmd, ",")
		addr, _ := strconv.ParseUint(f[1], 16, 64)
		if cmd[0] == 'Z' {
			s.bps[addr]++
		} else if s.bps[addr] > 0 {
			s.bps[addr]--
			if s.bps[addr] == 0 {
				delete(s.bps, addr)
			}
		} else {
			s.sendLocked("E22")
			return
		}
		s.sendLocked("OK")
	case cmd == "c" || strings.HasPrefix(cmd, "c"):
		if len(cmd) > 1 {
			pc, _ := strconv.ParseUint(cmd[1:], 16, 64)
			s.setReg(s.ccpu, rRIP, pc)
		}
		s.run()
	case cmd == "vCont;c":
		s.run()
	case strings.HasPrefix(cmd, "vCont;s:p1."):
		v, _ := strconv.ParseUint(cmd[len("vCont;s:p1."):], 16, 64)
		vcpu := int(v) - 1
		rip := s.reg(vcpu, rRIP)
		length := 1
		if off := rip - fakeVirtBase; rip >= fakeVirtBase && off+16 <= uint64(len(s.phys)) {
			if in, err := x86asm.Decode(s.phys[off:off+16], 64); err == nil {
				length = in.Len
			}
		}
		s.setReg(vcpu, rRIP, rip+uint64(length))
		s.steps++
		if s.onStep != nil {
			s.onStep(vcpu)
		}
		s.stopLocked(sigTrap, vcpu)
	case cmd == "?":
		// QEMU assumes a debugger connecting and clears its breakpoints.
		clear(s.bps)
		s.sendLocked(fmt.Sprintf("T05thread:p01.%02x;", s.ccpu+1))
	case cmd == "qC":
		s.sendLocked(fmt.Sprintf("QCp01.%02x", s.ccpu+1))
	case cmd == "qAttached":
		s.sendLocked("1") // (QEMU's GDB_ATTACHED)
	case cmd == "D;1":
		clear(s.bps)
		s.detached = true
		s.sendLocked("OK")
		s.running = true
	default:
		s.sendLocked("")
	}
}

func hexBytes(s string) ([]byte, error) {
	if len(s)%2 != 0 {
		return nil, fmt.Errorf("odd hex")
	}
	b := make([]byte, len(s)/2)
	if !decodeHex(b, []byte(s)) {
		return nil, fmt.Errorf("bad hex %q", s)
	}
	return b, nil
}

// connectFake starts a fake stub and dials it.
func connectFake(tb testing.TB, s *fakeStub) *Target {
	tb.Helper()
	t, err := newTarget(s.start(), "fake", options{timeout: 2 * time.Second})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { t.Close() })
	return t
}

// putCode writes code at the virtual address va of the fake.
func (s *fakeStub) putCode(va uint64, code []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	copy(s.phys[va-fakeVirtBase:], code)
}

func (s *fakeStub) physAt(pa uint64, n int) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return bytes.Clone(s.phys[pa : pa+uint64(n)])
}

// hitOnce makes vCPU vcpu hit the breakpoint at addr when the guest next
// runs, waits for that event, and lets later runs go on without hits.
func (s *fakeStub) hitOnce(t *testing.T, tg *Target, vcpu int, addr uint64) vmi.Event {
	t.Helper()
	s.mu.Lock()
	s.hitOnRun = &fakeHit{vcpu, addr}
	s.mu.Unlock()
	var ev vmi.Event
	require.NoError(t, tg.Wait(context.Background(), &ev))
	s.mu.Lock()
	s.hitOnRun = nil
	s.mu.Unlock()
	return ev
}
