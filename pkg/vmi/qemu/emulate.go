package qemu

import (
	"bytes"
	"encoding/binary"

	"golang.org/x/arch/x86/x86asm"
)

// Resuming past a breakpoint means executing the instruction under it
// once. Removing the breakpoint, single-stepping and reinserting it costs
// four round trips and a step; the instructions guestrace breaks on are
// usually ones whose effect is simple enough to apply from outside, which
// costs a register or memory write and the continue packet:
//
//   - a kernel function's first instruction: Debian kernels begin each one
//     with the 5-byte ftrace NOP (endbr64, push rbp and mov rbp,rsp in
//     others);
//   - the instruction after the call of a system call: in Linux 6.1,
//     do_syscall_64 stores the return value with mov [rbx+0x50], rax
//     (pt_regs->ax), and every system call returns there.
//
// Only exact encodings are recognised here; anything else, and any memory
// store that apply.go cannot vouch for, is stepped.

type emuKind uint8

const (
	emuNone   emuKind = iota // single-step it
	emuNop                   // any NOP, endbr64: only rip moves
	emuPush                  // push r64: rsp -= 8, [rsp] = r64
	emuMovRR                 // mov r64, r64
	emuMovImm                // mov r64, imm32 (sign-extended)
	emuStore                 // mov m64, r64
)

func (k emuKind) String() string {
	switch k {
	case emuNop:
		return "nop"
	case emuPush:
		return "push"
	case emuMovRR:
		return "mov r64,r64"
	case emuMovImm:
		return "mov r64,imm"
	case emuStore:
		return "mov m64,r64"
	}
	return "step"
}

// regNone is a memory operand's missing base or index.
const regNone regID = -1

// memOperand is [base + index*scale + disp].
type memOperand struct {
	base  regID // regNone: none
	index regID // regNone: none
	scale uint8 // 1, 2, 4 or 8
	disp  int32
}

// insn is what Resume needs to know about the instruction under a
// breakpoint.
type insn struct {
	kind emuKind
	len  int
	src  regID // emuPush: the register pushed; emuMovRR, emuStore: the source
	dst  regID // emuMovRR, emuMovImm: the destination
	imm  int64 // emuMovImm
	mem  memOperand
}

var endbr64 = []byte{0xf3, 0x0f, 0x1e, 0xfa}

// classify decodes the instruction at the start of code (64-bit mode).
func classify(code []byte) insn {
	if bytes.HasPrefix(code, endbr64) {
		return insn{kind: emuNop, len: len(endbr64)}
	}
	// Only the plain encodings: a prefix could change the operand size.
	if len(code) >= 1 && code[0]&0xf8 == 0x50 {
		return insn{kind: emuPush, len: 1, src: gpr[code[0]&7]}
	}
	if len(code) >= 2 && code[0] == 0x41 && code[1]&0xf8 == 0x50 {
		return insn{kind: emuPush, len: 2, src: gpr[8+code[1]&7]}
	}
	if in, ok := decodeMov64(code); ok {
		return in
	}
	in, err := x86asm.Decode(code, 64)
	if err == nil && in.Op == x86asm.NOP {
		return insn{kind: emuNop, len: in.Len}
	}
	return insn{kind: emuNone}
}

// decodeMov64 recognises the 64-bit moves REX.W 89 /r (register or memory
// destination), REX.W 8B /r with a register source, and REX.W C7 /0 with
// a register destination. Nothing may precede the REX prefix, and memory
// operands must have a base register: no segment override, no address-size
// override, no RIP-relative or absolute address.
func decodeMov64(code []byte) (insn, bool) {
	if len(code) < 3 || code[0]&0xf8 != 0x48 { // REX with W set
		return insn{}, false
	}
	rex, op, modrm := code[0], code[1], code[2]
	mod, reg, rm := modrm>>6, regID((modrm>>3)&7), regID(modrm&7)
	if rex&4 != 0 { // REX.R
		reg += 8
	}
	rmB := rm
	if rex&1 != 0 { // REX.B
		rmB += 8
	}
	switch {
	case mod == 3 && op == 0x89:
		return insn{kind: emuMovRR, len: 3, src: gpr[reg], dst: gpr[rmB]}, true
	case mod == 3 && op == 0x8b:
		return insn{kind: emuMovRR, len: 3, src: gpr[rmB], dst: gpr[reg]}, true
	case mod == 3 && op == 0xc7 && reg&7 == 0:
		if len(code) < 7 {
			return insn{}, false
		}
		imm := int64(int32(binary.LittleEndian.Uint32(code[3:])))
		return insn{kind: emuMovImm, len: 7, dst: gpr[rmB], imm: imm}, true
	case mod != 3 && op == 0x89:
		m, n, ok := decodeMem(rex, code[2:])
		if !ok {
			return insn{}, false
		}
		return insn{kind: emuStore, len: 2 + n, src: gpr[reg], mem: m}, true
	}
	return insn{}, false
}

// decodeMem decodes a memory operand (mod != 3) from its ModRM byte on: it
// returns the operand and the bytes it takes (ModRM, SIB, displacement).
func decodeMem(rex byte, b []byte) (memOperand, int, bool) {
	mod, rm := b[0]>>6, b[0]&7
	m := memOperand{base: regNone, index: regNone, scale: 1}
	n := 1
	base := rm
	if rm == 4 { // a SIB byte follows
		if len(b) < 2 {
			return m, 0, false
		}
		sib := b[1]
		n++
		m.scale = 1 << (sib >> 6)
		idx := (sib >> 3) & 7
		if rex&2 != 0 { // REX.X
			idx += 8
		}
		if idx != 4 { // rsp cannot be an index; r12 can
			m.index = gpr[idx]
		}
		base = sib & 7
	}
	if mod == 0 && base == 5 {
		// RIP-relative (no SIB) or absolute disp32 (SIB): no base.
		return m, 0, false
	}
	if rex&1 != 0 { // REX.B
		base += 8
	}
	m.base = gpr[base]
	switch mod {
	case 1:
		if len(b) < n+1 {
			return m, 0, false
		}
		m.disp = int32(int8(b[n]))
		n++
	case 2:
		if len(b) < n+4 {
			return m, 0, false
		}
		m.disp = int32(binary.LittleEndian.Uint32(b[n:]))
		n += 4
	}
	return m, n, true
}

// gpr maps the register numbers of x86 encodings (REX bits included) to
// regIDs.
var gpr = [16]regID{rRAX, rRCX, rRDX, rRBX, rRSP, rRBP, rRSI, rRDI, rR8, rR9, rR10, rR11, rR12, rR13, rR14, rR15}
