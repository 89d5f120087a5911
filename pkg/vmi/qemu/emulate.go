package qemu

import (
	"bytes"

	"golang.org/x/arch/x86/x86asm"
)

// Resuming past a breakpoint means executing the instruction under it
// once. Removing the breakpoint, single-stepping and reinserting it costs
// four round trips and a step; the first instruction of a kernel function
// is usually one whose effect is simple enough to apply from outside
// (Debian kernels begin each one with the 5-byte ftrace NOP), which costs
// one register write folded into the continue packet.

type emuKind uint8

const (
	emuNone   emuKind = iota // single-step it
	emuNop                   // any NOP, endbr64: only rip moves
	emuPush                  // push r64: rsp -= 8, [rsp] = r64
	emuMovRBP                // mov rbp, rsp
)

func (k emuKind) String() string {
	switch k {
	case emuNop:
		return "nop"
	case emuPush:
		return "push"
	case emuMovRBP:
		return "mov rbp,rsp"
	}
	return "step"
}

// insn is what Resume needs to know about the instruction under a
// breakpoint.
type insn struct {
	kind emuKind
	len  int
	reg  regID // emuPush: the register pushed
}

var endbr64 = []byte{0xf3, 0x0f, 0x1e, 0xfa}

// classify decodes the instruction at the start of code (64-bit mode).
func classify(code []byte) insn {
	if bytes.HasPrefix(code, endbr64) {
		return insn{kind: emuNop, len: len(endbr64)}
	}
	// Only the plain encodings: a prefix could change the operand size.
	if len(code) >= 3 && (bytes.Equal(code[:3], []byte{0x48, 0x89, 0xe5}) || bytes.Equal(code[:3], []byte{0x48, 0x8b, 0xec})) {
		return insn{kind: emuMovRBP, len: 3}
	}
	if len(code) >= 1 && code[0]&0xf8 == 0x50 {
		return insn{kind: emuPush, len: 1, reg: pushRegs[code[0]&7]}
	}
	if len(code) >= 2 && code[0] == 0x41 && code[1]&0xf8 == 0x50 {
		return insn{kind: emuPush, len: 2, reg: pushRegs[8+code[1]&7]}
	}
	in, err := x86asm.Decode(code, 64)
	if err == nil && in.Op == x86asm.NOP {
		return insn{kind: emuNop, len: in.Len}
	}
	return insn{kind: emuNone}
}

// pushRegs maps the register field of push (0x50+r, REX.B adds 8).
var pushRegs = [16]regID{rRAX, rRCX, rRDX, rRBX, rRSP, rRBP, rRSI, rRDI, rR8, rR9, rR10, rR11, rR12, rR13, rR14, rR15}
