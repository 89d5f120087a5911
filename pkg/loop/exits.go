package loop

import (
	"errors"
	"fmt"

	"golang.org/x/arch/x86/x86asm"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// Bounds of a scan: the code read of one function, and the functions a
// chain of tail calls may visit.
const (
	maxCodeLen = 64 << 10
	maxRegions = 16
)

// errNoExits means a function whose exits cannot all be found in its
// code: it jumps through a register, returns conditionally, or holds
// what the decoder does not know. Its calls are caught at their return
// address instead.
var errNoExits = errors.New("exits not found")

// exitScan is where a function's calls return.
type exitScan struct {
	own      []uint64 // exits in the function's own code
	followed []uint64 // exits of code it jumps to, which other code may call too
}

// codeSource is what a scan reads: the guest's code and its symbols.
type codeSource struct {
	ex   guestos.Exits
	read func(va uint64, buf []byte) error
}

func (l *Loop) codeSource(ex guestos.Exits) codeSource {
	var none vmi.Regs // kernel code reads go through the kernel's page tables
	return codeSource{ex: ex, read: func(va uint64, buf []byte) error {
		_, err := l.os.ReadVirt(&none, va, buf)
		return err
	}}
}

// scanExits finds every exit of the function at addr: each ret, each
// jump to a return thunk, and those of the code its tail calls jump to
// when that code is the system call's own (a jump into code the whole
// kernel shares leaves the function to its return address).
// At each, the stack pointer is the one of the function's entry and rax
// holds its result. The code is read from guest memory, bounded by the
// next symbol.
func scanExits(src codeSource, addr uint64) (exitScan, error) {
	var s exitScan
	seen := map[uint64]bool{addr: true}
	work := []uint64{addr}
	var own [2]uint64 // the function's own code, once scanned
	for len(work) > 0 {
		start := work[0]
		work = work[1:]
		exits, tails, err := scanRegion(src, start, own)
		if err != nil {
			return s, err
		}
		if start == addr {
			end, _ := src.ex.CodeEnd(addr)
			own = [2]uint64{addr, end}
		}
		if start == addr {
			s.own = exits
		} else {
			s.followed = append(s.followed, exits...)
		}
		for _, t := range tails {
			if seen[t] {
				continue
			}
			if len(seen) >= maxRegions {
				return s, fmt.Errorf("more than %d functions reached by tail calls from %#x: %w", maxRegions, addr, errNoExits)
			}
			seen[t] = true
			work = append(work, t)
		}
	}
	if len(s.own)+len(s.followed) == 0 {
		return s, fmt.Errorf("no exit in the code at %#x: %w", addr, errNoExits)
	}
	return s, nil
}

// endbr64 is the indirect-branch landing pad, which x86asm does not
// decode.
var endbr64 = [4]byte{0xf3, 0x0f, 0x1e, 0xfa}

// scanRegion decodes the code from start to the next symbol and returns
// its exits and the targets of its jumps out of it.
func scanRegion(src codeSource, start uint64, own [2]uint64) (exits, tails []uint64, err error) {
	end, ok := src.ex.CodeEnd(start)
	if !ok || end <= start || end-start > maxCodeLen {
		return nil, nil, fmt.Errorf("no bounds for the code at %#x: %w", start, errNoExits)
	}
	if own[1] == 0 {
		own = [2]uint64{start, end} // scanning the function itself
	}
	code := make([]byte, end-start)
	if err := src.read(start, code); err != nil {
		return nil, nil, fmt.Errorf("reading the code at %#x: %w", start, err)
	}
	for off := 0; off < len(code); {
		pc := start + uint64(off)
		if len(code)-off >= 4 && [4]byte(code[off:off+4]) == endbr64 {
			off += 4
			continue
		}
		in, err := x86asm.Decode(code[off:], 64)
		if err != nil {
			return nil, nil, fmt.Errorf("decoding at %#x: %v: %w", pc, err, errNoExits)
		}
		off += in.Len
		switch {
		case in.Op == x86asm.RET:
			exits = append(exits, pc)
			continue
		case in.Op != x86asm.JMP && !condJumps[in.Op]:
			continue
		}
		rel, ok := in.Args[0].(x86asm.Rel)
		if !ok {
			return nil, nil, fmt.Errorf("indirect jump at %#x: %w", pc, errNoExits)
		}
		t := start + uint64(off) + uint64(int64(rel))
		if (t >= start && t < end) || (t >= own[0] && t < own[1]) {
			continue
		}
		switch src.ex.JumpKind(t) {
		case guestos.JumpReturn:
			if in.Op != x86asm.JMP {
				return nil, nil, fmt.Errorf("conditional return at %#x: %w", pc, errNoExits)
			}
			exits = append(exits, pc)
		case guestos.JumpIndirect:
			return nil, nil, fmt.Errorf("indirect jump at %#x: %w", pc, errNoExits)
		case guestos.JumpShared:
			// Back into the function itself (from its cold part) is
			// code already scanned; elsewhere, code every part of the
			// kernel runs.
			if t < own[0] || t >= own[1] {
				return nil, nil, fmt.Errorf("jump at %#x to code the kernel shares (%#x): %w", pc, t, errNoExits)
			}
		default:
			tails = append(tails, t)
		}
	}
	return exits, tails, nil
}

// condJumps are the conditional jumps (and loops) with a relative target.
var condJumps = map[x86asm.Op]bool{
	x86asm.JA: true, x86asm.JAE: true, x86asm.JB: true, x86asm.JBE: true,
	x86asm.JCXZ: true, x86asm.JE: true, x86asm.JECXZ: true, x86asm.JG: true,
	x86asm.JGE: true, x86asm.JL: true, x86asm.JLE: true, x86asm.JNE: true,
	x86asm.JNO: true, x86asm.JNP: true, x86asm.JNS: true, x86asm.JO: true,
	x86asm.JP: true, x86asm.JRCXZ: true, x86asm.JS: true, x86asm.LOOP: true,
	x86asm.LOOPE: true, x86asm.LOOPNE: true,
}
