// Package qemu implements vmi.Target over QEMU's GDB stub (-gdb or the
// gdbserver monitor command), in pure Go.
//
// conn.go is the wire protocol (framing, acknowledgements, escapes,
// run-length decoding, deadlines); stop.go parses stop replies;
// targetxml.go reads the register layout from the stub's target
// description; this file and its neighbours give those packets the
// meaning vmi.Target asks for.
//
// QEMU's stub in brief: connecting stops the guest; any byte sent while
// the guest runs stops it (so every request made while it runs interrupts
// it first, and continues it afterwards); under TCG breakpoints live
// inside QEMU, invisible to the guest; a stop halts every vCPU; thread id
// N is vCPU N-1; after a stop, 'g', 'm' and 'c addr' act on the vCPU that
// stopped. QEMU 7.2 keeps a client's breakpoints when it goes away without
// detaching, and the guest stays stopped ("debug") at the next hit; Dial
// clears them, as GDB does, with '?'.
//
// States: Dial leaves the guest paused. Wait continues it and returns at
// the next breakpoint hit, with the guest stopped there; Resume executes
// the instruction under the breakpoint (emulating NOPs, endbr64, push r64,
// 64-bit register moves and stores to the kernel stack; single-stepping
// the rest with only that vCPU running) and lets the guest run. Pause and
// a Wait whose context ends leave it paused. Close removes every
// breakpoint and detaches: the guest runs on.
//
// Cost: QEMU 7.2 flushes all translated code at every breakpoint stop, so
// under TCG a hit costs the round trips here plus retranslating whatever
// the guest runs next.
//
// Emulation trusts the instruction read when the breakpoint was inserted;
// a guest that rewrites it later (ftrace turning the NOP into a call) is
// not noticed until the breakpoint is inserted again.
package qemu

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"time"

	"github.com/guestrace/guestrace/pkg/vmi"
)

var _ vmi.Target = (*Target)(nil)

// ErrRefused means the stub answered a request with an error (E nn).
var ErrRefused = errors.New("gdb stub refused the request")

const (
	defaultTimeout = 10 * time.Second
	// pollInterval is how often Wait looks at its context while the guest
	// runs.
	pollInterval = 20 * time.Millisecond
	// interruptWait is how long a ^C may take to stop the guest. The stub
	// ignores ^C when the guest is already stopped (paused by another
	// monitor); then '?' reports the stop instead.
	interruptWait = time.Second
)

type runState uint8

const (
	statePaused  runState = iota // stopped by us; no event outstanding
	stateRunning                 // continued: a stop reply will come
	stateEvent                   // stopped at the event Wait returned last
)

// Stats counts what the target did, for benchmarks and tests.
type Stats struct {
	Hits     uint64 // breakpoint events returned by Wait
	Emulated uint64 // resumes that emulated the instruction under the breakpoint
	Stepped  uint64 // resumes by remove, single-step, reinsert
	// Restepped counts steps that ended before the instruction ran and
	// were made again.
	Restepped uint64
	Spurious  uint64 // stops at no inserted breakpoint (continued silently)
}

type breakpoint struct {
	addr uint64
	insn insn
}

// Target is a guest reached through QEMU's GDB stub.
type Target struct {
	c      *conn
	nc     net.Conn
	addr   string
	layout *regLayout
	nvcpu  int
	pktMax int // PacketSize the stub announced
	chunk  int // bytes of memory per 'm'/'M'

	state  runState
	gcpu   int  // vCPU 'g' and 'm' use (Hg); -1 unknown
	ccpu   int  // vCPU 'c addr' sets rip of: the last one that stopped
	phys   int8 // memory mode of 'm'/'M': 1 physical, 0 virtual, -1 unknown
	regs   []regVals
	valid  []bool // regs[i] is current
	cur    vmi.Event
	pend   vmi.Event
	hasPnd bool
	// extPaused: the last stopGuest found the guest paused by another
	// monitor (our interrupt got no stop); see contPaused.
	extPaused bool
	// lastSignal is the signal of the last stop reply.
	lastSignal uint8

	bps   map[uint64]*breakpoint
	stats Stats

	buf      []byte // packet being built
	closed   bool
	answered bool // the stub has answered a packet
}

// Option configures Dial.
type Option func(*options)

type options struct {
	timeout time.Duration
}

// WithTimeout bounds how long any reply of the stub may take (default
// 10s). Wait is bounded by its context instead.
func WithTimeout(d time.Duration) Option {
	return func(o *options) { o.timeout = d }
}

// Dial connects to QEMU's GDB stub at addr, "unix:/path/to/socket" or
// "host:port". Connecting stops the guest, and Dial leaves it paused: Wait
// or Unpause lets it run. Dial removes breakpoints a previous client left
// in QEMU (QEMU keeps them when a client goes away without detaching).
func Dial(ctx context.Context, addr string, opts ...Option) (*Target, error) {
	o := options{timeout: defaultTimeout}
	for _, f := range opts {
		f(&o)
	}
	network, address, err := splitAddr(addr)
	if err != nil {
		return nil, err
	}
	var d net.Dialer
	nc, err := d.DialContext(ctx, network, address)
	if err != nil {
		return nil, fmt.Errorf("qemu gdb stub %s: %w", addr, err)
	}
	// The handshake uses deadlines; ctx may end sooner.
	stop := context.AfterFunc(ctx, func() { nc.SetDeadline(time.Unix(1, 0)) })
	t, err := newTarget(nc, addr, o)
	if !stop() && ctx.Err() != nil {
		err = fmt.Errorf("qemu gdb stub %s: %w", addr, ctx.Err())
	}
	var busy *BusyError
	if errors.As(err, &busy) {
		nc.SetDeadline(time.Time{})
		return nil, err // the caller owns busy.Conn
	}
	if err != nil {
		nc.Close()
		return nil, err
	}
	return t, nil
}

func splitAddr(addr string) (network, address string, err error) {
	switch {
	case strings.HasPrefix(addr, "unix:"):
		network, address = "unix", strings.TrimPrefix(addr, "unix:")
	case strings.HasPrefix(addr, "tcp:"):
		network, address = "tcp", strings.TrimPrefix(addr, "tcp:")
	default:
		network, address = "tcp", addr
	}
	if network == "tcp" {
		if _, _, err := net.SplitHostPort(address); err != nil {
			return "", "", fmt.Errorf("qemu gdb stub address %q: want unix:/path or host:port", addr)
		}
	}
	if address == "" {
		return "", "", fmt.Errorf("qemu gdb stub address %q: want unix:/path or host:port", addr)
	}
	return network, address, nil
}

// newTarget runs the handshake over an open connection.
func newTarget(nc net.Conn, addr string, o options) (*Target, error) {
	t := &Target{
		c:      newConn(nc, addr, o.timeout),
		nc:     nc,
		addr:   addr,
		gcpu:   -1,
		phys:   -1,
		bps:    map[uint64]*breakpoint{},
		pktMax: defaultPacketSize,
		buf:    make([]byte, 0, 4096),
	}
	if err := t.handshake(); err != nil {
		if !t.answered && errors.Is(err, os.ErrDeadlineExceeded) {
			return nil, &BusyError{Addr: addr, Conn: nc, err: err}
		}
		return nil, err
	}
	return t, nil
}

func (t *Target) handshake() error {
	// Connecting stopped the guest; if it was running, the stub reports
	// that stop before answering anything, so skip stop replies here.
	reply, err := t.c.exchange(pktSupported)
	for i := 0; err == nil && isStopReply(reply) && i < 4; i++ {
		reply, err = t.c.recv()
	}
	if err != nil {
		return err
	}
	t.answered = true
	if err := t.parseSupported(reply); err != nil {
		return err
	}
	// Reading target.xml also tells QEMU the client knows the register
	// layout, which enables 'p' and 'P'.
	t.layout, err = parseTargetXML(t.readXfer)
	if err != nil {
		return fmt.Errorf("qemu gdb stub %s: %w", t.addr, err)
	}
	if err := t.countVCPUs(); err != nil {
		return err
	}
	// '?' makes QEMU remove every breakpoint: a client that died without
	// detaching leaves its own, and the guest stopped at one of them.
	reply, err = t.c.exchange(pktQuery)
	if err != nil {
		return err
	}
	if !isStopReply(reply) {
		return t.replyError(pktQuery, reply)
	}
	t.regs = make([]regVals, t.nvcpu)
	t.valid = make([]bool, t.nvcpu)
	t.ccpu, t.gcpu = 0, -1
	t.state = statePaused
	return nil
}

func (t *Target) parseSupported(reply []byte) error {
	xfer := false
	for _, f := range strings.Split(string(reply), ";") {
		switch {
		case strings.HasPrefix(f, "PacketSize="):
			n, ok := parseUint([]byte(f[len("PacketSize="):]))
			if !ok || n < 64 || n > maxPacketSize {
				return fmt.Errorf("qemu gdb stub %s: bad %q in qSupported reply: %w", t.addr, f, ErrProtocol)
			}
			t.pktMax = int(n)
		case f == "qXfer:features:read+":
			xfer = true
		}
	}
	if !xfer {
		return fmt.Errorf("qemu gdb stub %s: no target description (qXfer:features:read) in %s: %w", t.addr, quote(reply), vmi.ErrUnsupported)
	}
	// 'm' replies are 2 hex digits a byte; 'M' also carries "Maddr,len:".
	// QEMU also caps 'm' at half its packet buffer.
	t.chunk = (t.pktMax - 32) / 2
	return nil
}

// readXfer reads a whole target description file.
func (t *Target) readXfer(annex string) ([]byte, error) {
	var data []byte
	for {
		t.buf = append(t.buf[:0], "qXfer:features:read:"...)
		t.buf = append(t.buf, annex...)
		t.buf = append(t.buf, ':')
		t.buf = appendUint(t.buf, uint64(len(data)))
		t.buf = append(t.buf, ',')
		t.buf = appendUint(t.buf, uint64(t.pktMax-16))
		reply, err := t.request(t.buf)
		if err != nil {
			return nil, err
		}
		if len(reply) == 0 || (reply[0] != 'm' && reply[0] != 'l') {
			return nil, fmt.Errorf("qemu gdb stub %s: reading %s: reply %s: %w", t.addr, annex, quote(reply), ErrProtocol)
		}
		data = append(data, reply[1:]...)
		if len(data) > maxXMLSize {
			return nil, fmt.Errorf("qemu gdb stub %s: %s larger than %d bytes: %w", t.addr, annex, maxXMLSize, ErrProtocol)
		}
		if reply[0] == 'l' {
			return data, nil
		}
		if len(reply) == 1 {
			return nil, fmt.Errorf("qemu gdb stub %s: reading %s: empty 'm' chunk: %w", t.addr, annex, ErrProtocol)
		}
	}
}

// countVCPUs lists the threads: one per vCPU, ids 1..N.
func (t *Target) countVCPUs() error {
	pkt := []byte("qfThreadInfo")
	for {
		reply, err := t.request(pkt)
		if err != nil {
			return err
		}
		if len(reply) == 0 || (reply[0] != 'm' && reply[0] != 'l') {
			return fmt.Errorf("qemu gdb stub %s: thread list reply %s: %w", t.addr, quote(reply), ErrProtocol)
		}
		if reply[0] == 'l' {
			break
		}
		for _, id := range strings.Split(string(reply[1:]), ",") {
			tid, err := parseThreadID([]byte(id))
			if err != nil {
				return fmt.Errorf("qemu gdb stub %s: thread list: %w", t.addr, err)
			}
			if tid != t.nvcpu+1 {
				return fmt.Errorf("qemu gdb stub %s: thread list %s: vCPU threads are not 1..N: %w", t.addr, quote(reply), ErrProtocol)
			}
			t.nvcpu++
		}
		pkt = []byte("qsThreadInfo")
	}
	if t.nvcpu == 0 {
		return fmt.Errorf("qemu gdb stub %s: no vCPUs in the thread list: %w", t.addr, ErrProtocol)
	}
	return nil
}

// isStopReply tells a stop reply from a command's reply: T or S and a
// signal number, which no reply to our other commands looks like.
func isStopReply(p []byte) bool {
	if len(p) < 3 || (p[0] != 'T' && p[0] != 'S') {
		return false
	}
	_, ok := unhex2(p[1], p[2])
	return ok && (p[0] == 'T' || len(p) == 3)
}

func isErrorReply(p []byte) bool {
	if len(p) != 3 || p[0] != 'E' {
		return false
	}
	_, ok := unhex2(p[1], p[2])
	return ok
}

// request sends a command and returns its reply. If another monitor
// resumed the guest meanwhile, our packet's first byte stopped it instead
// of being read: the stub then reports that stop, and the command is sent
// again.
func (t *Target) request(pkt []byte) ([]byte, error) {
	for i := 0; ; i++ {
		reply, err := t.c.exchange(pkt)
		if err != nil {
			return nil, err
		}
		if !isStopReply(reply) || i == 2 {
			return reply, nil
		}
		t.invalidate()
	}
}

// requestOK sends a command whose reply is "OK".
func (t *Target) requestOK(pkt []byte) error {
	reply, err := t.request(pkt)
	if err != nil {
		return err
	}
	if string(reply) == "OK" {
		return nil
	}
	return t.replyError(pkt, reply)
}

// replyError describes a reply that is not what pkt asks for.
func (t *Target) replyError(pkt, reply []byte) error {
	switch {
	case isErrorReply(reply):
		return fmt.Errorf("qemu gdb stub %s: %s answered %s: %w", t.addr, quote(pkt), quote(reply), ErrRefused)
	case len(reply) == 0:
		return fmt.Errorf("qemu gdb stub %s: %s is not supported (empty reply): %w", t.addr, quote(pkt), vmi.ErrUnsupported)
	}
	return fmt.Errorf("qemu gdb stub %s: %s answered %s: %w", t.addr, quote(pkt), quote(reply), ErrProtocol)
}

// check is the common entry check of every method.
func (t *Target) check() error {
	if t.closed {
		return vmi.ErrClosed
	}
	return t.c.err
}

func (t *Target) checkVCPU(vcpu int) error {
	if vcpu < 0 || vcpu >= t.nvcpu {
		return fmt.Errorf("vCPU %d of %d: %w", vcpu, t.nvcpu, vmi.ErrNoVCPU)
	}
	return nil
}

// NumVCPUs is the number of vCPUs the stub listed.
func (t *Target) NumVCPUs() int { return t.nvcpu }

// Stats returns the counters.
func (t *Target) Stats() Stats { return t.stats }

func (t *Target) invalidate() {
	clear(t.valid)
}

// selectG makes 'g' and 'm' act on vcpu.
func (t *Target) selectG(vcpu int) error {
	if t.gcpu == vcpu {
		return nil
	}
	t.buf = append(t.buf[:0], "Hgp1."...)
	t.buf = appendUint(t.buf, uint64(vcpu+1))
	if err := t.requestOK(t.buf); err != nil {
		t.gcpu = -1
		return err
	}
	t.gcpu = vcpu
	return nil
}

// setPhys switches 'm' and 'M' between physical and virtual addresses.
func (t *Target) setPhys(on bool) error {
	want := int8(0)
	if on {
		want = 1
	}
	if t.phys == want {
		return nil
	}
	t.buf = append(t.buf[:0], "Qqemu.PhyMemMode:"...)
	t.buf = append(t.buf, '0'+byte(want))
	if err := t.requestOK(t.buf); err != nil {
		t.phys = -1
		return err
	}
	t.phys = want
	return nil
}

// loadRegs makes t.regs[vcpu] current.
func (t *Target) loadRegs(vcpu int) error {
	if t.valid[vcpu] {
		return nil
	}
	if err := t.selectG(vcpu); err != nil {
		return err
	}
	reply, err := t.request(pktG)
	if err != nil {
		return err
	}
	if isErrorReply(reply) || len(reply) == 0 {
		return t.replyError(pktG, reply)
	}
	if err := t.layout.decodeG(&t.regs[vcpu], reply); err != nil {
		return fmt.Errorf("qemu gdb stub %s: vCPU %d: %w", t.addr, vcpu, err)
	}
	t.valid[vcpu] = true
	return nil
}

var (
	pktG             = []byte("g")
	pktContinue      = []byte("c")
	pktCurrentThread = []byte("qC")
	pktAttached      = []byte("qAttached")
	pktQuery         = []byte("?")
	pktSupported     = []byte("qSupported:multiprocess+;xmlRegisters=i386")
	pktDetach        = []byte("D;1") // with multiprocess, D names the process
)

// Regs reads the registers of a vCPU.
func (t *Target) Regs(vcpu int, r *vmi.Regs) error {
	if err := t.check(); err != nil {
		return err
	}
	if err := t.checkVCPU(vcpu); err != nil {
		return err
	}
	running, err := t.ensureStopped()
	if err != nil {
		return err
	}
	err = t.loadRegs(vcpu)
	if err == nil {
		t.regs[vcpu].toRegs(r)
	}
	return t.restore(running, err)
}

// SetRegs writes the registers of a vCPU that differ from their current
// values, one 'P' packet each.
func (t *Target) SetRegs(vcpu int, r *vmi.Regs) error {
	if err := t.check(); err != nil {
		return err
	}
	if err := t.checkVCPU(vcpu); err != nil {
		return err
	}
	running, err := t.ensureStopped()
	if err != nil {
		return err
	}
	return t.restore(running, t.setRegs(vcpu, r))
}

func (t *Target) setRegs(vcpu int, r *vmi.Regs) error {
	if err := t.loadRegs(vcpu); err != nil {
		return err
	}
	var want regVals
	want.fromRegs(r)
	for id := range nRegs {
		if want[id] != t.regs[vcpu][id] {
			if err := t.setReg(vcpu, id, want[id]); err != nil {
				return err
			}
		}
	}
	return nil
}

func (t *Target) setReg(vcpu int, id regID, val uint64) error {
	if err := t.selectG(vcpu); err != nil {
		return err
	}
	t.buf = t.layout.appendP(t.buf[:0], id, val)
	if err := t.requestOK(t.buf); err != nil {
		t.valid[vcpu] = false
		return err
	}
	if t.layout.size[id] == 4 {
		val &= 0xffffffff
	}
	t.regs[vcpu][id] = val
	return nil
}
