package qemu

import (
	"bytes"
	"fmt"
)

// Stop replies: what the stub sends when the guest stops (or ends).
//
//	S05                    signal 5, no thread named
//	T05thread:p01.02;      signal 5 on thread 2 of process 1 (vCPU 1)
//	T02thread:01;          the same without the multiprocess extension
//	W00 / X09              QEMU is exiting
//	O48656c6c6f            console output; not a stop
//
// QEMU reports SIGTRAP (5) for breakpoints and single steps, SIGINT (2)
// when ^C or another monitor stopped the guest.

type stopKind uint8

const (
	stopSignal stopKind = iota + 1 // S or T
	stopExited                     // W or X
	stopOutput                     // O
)

const (
	sigInt  = 2
	sigTrap = 5
)

// stopReply is one parsed stop reply.
type stopReply struct {
	kind   stopKind
	signal uint8 // S/T signal, X signal, W exit status
	// thread is the thread id (vCPU index + 1) of a T reply with a
	// thread: field, 0 when not named.
	thread int
}

// parseStop parses a stop reply. It does not allocate.
func parseStop(p []byte, s *stopReply) error {
	*s = stopReply{}
	if len(p) == 0 {
		return fmt.Errorf("empty stop reply: %w", ErrProtocol)
	}
	switch p[0] {
	case 'S', 'T', 'W', 'X':
		if len(p) < 3 {
			return fmt.Errorf("stop reply %s too short: %w", quote(p), ErrProtocol)
		}
		sig, ok := unhex2(p[1], p[2])
		if !ok {
			return fmt.Errorf("stop reply %s: bad signal: %w", quote(p), ErrProtocol)
		}
		s.signal = sig
		s.kind = stopSignal
		if p[0] == 'W' || p[0] == 'X' {
			s.kind = stopExited
			return nil // ";process:pid" may follow; nothing to use
		}
		if p[0] == 'S' {
			if len(p) != 3 {
				return fmt.Errorf("stop reply %s: junk after the signal: %w", quote(p), ErrProtocol)
			}
			return nil
		}
		return parseStopFields(p, p[3:], s)
	case 'O':
		if len(p) == 1 || (len(p)-1)%2 != 0 {
			// "OK" is no stop reply either; an odd O is malformed.
			return fmt.Errorf("stop reply %s: bad console output: %w", quote(p), ErrProtocol)
		}
		for _, b := range p[1:] {
			if _, ok := unhex(b); !ok {
				return fmt.Errorf("stop reply %s: bad console output: %w", quote(p), ErrProtocol)
			}
		}
		s.kind = stopOutput
		return nil
	case 'E':
		return fmt.Errorf("stub answered %s instead of a stop reply: %w", quote(p), ErrProtocol)
	}
	return fmt.Errorf("unknown stop reply %s: %w", quote(p), ErrProtocol)
}

// parseStopFields parses the n:r; pairs of a T reply; only thread matters.
func parseStopFields(p, rest []byte, s *stopReply) error {
	for len(rest) > 0 {
		semi := bytes.IndexByte(rest, ';')
		if semi < 0 {
			return fmt.Errorf("stop reply %s: field without ';': %w", quote(p), ErrProtocol)
		}
		field := rest[:semi]
		rest = rest[semi+1:]
		colon := bytes.IndexByte(field, ':')
		if colon < 0 {
			return fmt.Errorf("stop reply %s: field without ':': %w", quote(p), ErrProtocol)
		}
		if string(field[:colon]) != "thread" {
			continue // registers, watch:, swbreak:, core: ...
		}
		tid, err := parseThreadID(field[colon+1:])
		if err != nil {
			return fmt.Errorf("stop reply %s: %w", quote(p), err)
		}
		s.thread = tid
	}
	return nil
}

// parseThreadID parses "p01.02" (process 1, thread 2) or "02" and returns
// the thread. QEMU has one process per CPU cluster; x86 has one, p1.
func parseThreadID(b []byte) (int, error) {
	if len(b) > 0 && b[0] == 'p' {
		dot := bytes.IndexByte(b, '.')
		if dot < 0 {
			return 0, fmt.Errorf("thread id %s without '.': %w", quote(b), ErrProtocol)
		}
		pid, ok := parseUint(b[1:dot])
		if !ok || pid != 1 {
			return 0, fmt.Errorf("thread id %s: process is not 1: %w", quote(b), ErrProtocol)
		}
		b = b[dot+1:]
	}
	tid, ok := parseUint(b)
	if !ok || tid == 0 || tid > maxVCPUs {
		return 0, fmt.Errorf("bad thread id %s: %w", quote(b), ErrProtocol)
	}
	return int(tid), nil
}

// maxVCPUs bounds the vCPU count we believe (QEMU's x86 limit is far
// lower than this).
const maxVCPUs = 4096
