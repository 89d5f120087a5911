package qemu

import "fmt"

// ReadPhys fills buf from guest physical memory at pa.
func (t *Target) ReadPhys(pa uint64, buf []byte) error {
	return t.physAccess(pa, buf, t.readMem)
}

// WritePhys writes buf to guest physical memory at pa.
func (t *Target) WritePhys(pa uint64, buf []byte) error {
	return t.physAccess(pa, buf, t.writeMem)
}

// physAccess runs a physical-memory access with the guest stopped, and
// lets it run again if it was running.
func (t *Target) physAccess(pa uint64, buf []byte, access func(uint64, []byte) error) error {
	if err := t.check(); err != nil {
		return err
	}
	running, err := t.ensureStopped()
	if err != nil {
		return err
	}
	err = t.setPhys(true)
	if err == nil {
		err = access(pa, buf)
	}
	return t.restore(running, err)
}

// readVirt reads guest virtual memory through vcpu's page tables.
func (t *Target) readVirt(vcpu int, va uint64, buf []byte) error {
	return t.virtAccess(vcpu, va, buf, t.readMem)
}

// writeVirt writes guest virtual memory through vcpu's page tables.
func (t *Target) writeVirt(vcpu int, va uint64, buf []byte) error {
	return t.virtAccess(vcpu, va, buf, t.writeMem)
}

func (t *Target) virtAccess(vcpu int, va uint64, buf []byte, access func(uint64, []byte) error) error {
	if err := t.selectG(vcpu); err != nil {
		return err
	}
	if err := t.setPhys(false); err != nil {
		return err
	}
	return access(va, buf)
}

// readMem reads with 'm' in the current mode, in chunks that fit a packet.
// The reply's hex is decoded straight into buf.
func (t *Target) readMem(addr uint64, buf []byte) error {
	for len(buf) > 0 {
		n := min(len(buf), t.chunk)
		t.buf = append(t.buf[:0], 'm')
		t.buf = appendUint(t.buf, addr)
		t.buf = append(t.buf, ',')
		t.buf = appendUint(t.buf, uint64(n))
		reply, err := t.request(t.buf)
		if err != nil {
			return err
		}
		// The protocol allows a shorter reply; an empty or odd one is an
		// error.
		if len(reply) == 0 || len(reply)%2 != 0 || len(reply) > 2*n {
			return t.replyError(t.buf, reply)
		}
		got := len(reply) / 2
		if !decodeHex(buf[:got], reply) {
			return fmt.Errorf("qemu gdb stub %s: %s answered non-hex %s: %w", t.addr, quote(t.buf), quote(reply), ErrProtocol)
		}
		buf = buf[got:]
		addr += uint64(got)
	}
	return nil
}

// writeMem writes with 'M' in the current mode, in chunks.
func (t *Target) writeMem(addr uint64, buf []byte) error {
	for len(buf) > 0 {
		n := min(len(buf), t.chunk)
		t.buf = append(t.buf[:0], 'M')
		t.buf = appendUint(t.buf, addr)
		t.buf = append(t.buf, ',')
		t.buf = appendUint(t.buf, uint64(n))
		t.buf = append(t.buf, ':')
		t.buf = appendHex(t.buf, buf[:n])
		if err := t.requestOK(t.buf); err != nil {
			return err
		}
		buf = buf[n:]
		addr += uint64(n)
	}
	return nil
}
