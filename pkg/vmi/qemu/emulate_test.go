package qemu

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/arch/x86/x86asm"

	"github.com/guestrace/guestrace/pkg/vmi"
)

func TestClassifyMov64(t *testing.T) {
	mem := func(base, index regID, scale uint8, disp int32) memOperand {
		return memOperand{base: base, index: index, scale: scale, disp: disp}
	}
	for _, tt := range []struct {
		name string
		code []byte
		want insn
	}{
		// do_syscall_64's store of the return value into pt_regs->ax.
		{"mov [rbx+0x50],rax", []byte{0x48, 0x89, 0x43, 0x50}, insn{kind: emuStore, len: 4, src: rRAX, mem: mem(rRBX, regNone, 1, 0x50)}},
		{"mov [rsp+8],rdi", []byte{0x48, 0x89, 0x7c, 0x24, 0x08}, insn{kind: emuStore, len: 5, src: rRDI, mem: mem(rRSP, regNone, 1, 8)}},
		{"mov [rbp-8],r12", []byte{0x4c, 0x89, 0x65, 0xf8}, insn{kind: emuStore, len: 4, src: rR12, mem: mem(rRBP, regNone, 1, -8)}},
		{"mov [r13+0],rax", []byte{0x49, 0x89, 0x45, 0x00}, insn{kind: emuStore, len: 4, src: rRAX, mem: mem(rR13, regNone, 1, 0)}},
		{"mov [rax],rcx", []byte{0x48, 0x89, 0x08}, insn{kind: emuStore, len: 3, src: rRCX, mem: mem(rRAX, regNone, 1, 0)}},
		{"mov [r12],rcx", []byte{0x49, 0x89, 0x0c, 0x24}, insn{kind: emuStore, len: 4, src: rRCX, mem: mem(rR12, regNone, 1, 0)}},
		{"mov [rsp+rcx*8+0x10],rdx", []byte{0x48, 0x89, 0x54, 0xcc, 0x10}, insn{kind: emuStore, len: 5, src: rRDX, mem: mem(rRSP, rRCX, 8, 0x10)}},
		{"mov [rax+r12*4-0x20],r9", []byte{0x4e, 0x89, 0x4c, 0xa0, 0xe0}, insn{kind: emuStore, len: 5, src: rR9, mem: mem(rRAX, rR12, 4, -0x20)}},
		{"mov [rbx+0x1000],rsi", []byte{0x48, 0x89, 0xb3, 0x00, 0x10, 0x00, 0x00}, insn{kind: emuStore, len: 7, src: rRSI, mem: mem(rRBX, regNone, 1, 0x1000)}},
		{"mov [rdi-0x80000000],r15", []byte{0x4c, 0x89, 0xbf, 0x00, 0x00, 0x00, 0x80}, insn{kind: emuStore, len: 7, src: rR15, mem: mem(rRDI, regNone, 1, -0x80000000)}},
		{"mov [r13+rbp*2+0],rax (sib base 5, mod 1)", []byte{0x49, 0x89, 0x44, 0x6d, 0x00}, insn{kind: emuStore, len: 5, src: rRAX, mem: mem(rR13, rRBP, 2, 0)}},
		{"mov [rsp-8],rsp", []byte{0x48, 0x89, 0x64, 0x24, 0xf8}, insn{kind: emuStore, len: 5, src: rRSP, mem: mem(rRSP, regNone, 1, -8)}},
		{"mov rdi,rbx", []byte{0x48, 0x89, 0xdf}, insn{kind: emuMovRR, len: 3, src: rRBX, dst: rRDI}},
		{"mov r8,rax", []byte{0x49, 0x89, 0xc0}, insn{kind: emuMovRR, len: 3, src: rRAX, dst: rR8}},
		{"mov rax,r15", []byte{0x4c, 0x89, 0xf8}, insn{kind: emuMovRR, len: 3, src: rR15, dst: rRAX}},
		{"mov r11,r10 (8b)", []byte{0x4d, 0x8b, 0xda}, insn{kind: emuMovRR, len: 3, src: rR10, dst: rR11}},
		// __x64_sys_ni_syscall begins with it.
		{"mov rax,-38", []byte{0x48, 0xc7, 0xc0, 0xda, 0xff, 0xff, 0xff}, insn{kind: emuMovImm, len: 7, dst: rRAX, imm: -38}},
		{"mov r9,0x7fffffff", []byte{0x49, 0xc7, 0xc1, 0xff, 0xff, 0xff, 0x7f}, insn{kind: emuMovImm, len: 7, dst: rR9, imm: 0x7fffffff}},

		{"32-bit store", []byte{0x89, 0x43, 0x50}, insn{kind: emuNone}},
		{"REX without W", []byte{0x44, 0x89, 0x43, 0x50}, insn{kind: emuNone}},
		{"gs: store", []byte{0x65, 0x48, 0x89, 0x04, 0x25, 0x80, 0xfb, 0x01, 0x00}, insn{kind: emuNone}},
		{"address-size prefix", []byte{0x67, 0x48, 0x89, 0x43, 0x50}, insn{kind: emuNone}},
		{"operand-size prefix", []byte{0x66, 0x48, 0x89, 0x43, 0x50}, insn{kind: emuNone}},
		{"lock", []byte{0xf0, 0x48, 0x89, 0x43, 0x50}, insn{kind: emuNone}},
		{"rip-relative", []byte{0x48, 0x89, 0x05, 0x10, 0x00, 0x00, 0x00}, insn{kind: emuNone}},
		{"rip-relative with REX.B", []byte{0x49, 0x89, 0x05, 0x10, 0x00, 0x00, 0x00}, insn{kind: emuNone}},
		{"absolute (sib, no base)", []byte{0x48, 0x89, 0x04, 0x25, 0x00, 0x10, 0x00, 0x00}, insn{kind: emuNone}},
		{"absolute with REX.B (no base either)", []byte{0x49, 0x89, 0x04, 0x25, 0x00, 0x10, 0x00, 0x00}, insn{kind: emuNone}},
		{"load", []byte{0x48, 0x8b, 0x43, 0x50}, insn{kind: emuNone}},
		{"movq $imm,[rbx+0x50]", []byte{0x48, 0xc7, 0x43, 0x50, 0xda, 0xff, 0xff, 0xff}, insn{kind: emuNone}},
		{"c7 /1 (invalid)", []byte{0x48, 0xc7, 0xc8, 0x00, 0x00, 0x00, 0x00}, insn{kind: emuNone}},
		{"two REX", []byte{0x40, 0x48, 0x89, 0x43, 0x50}, insn{kind: emuNone}},
		{"truncated disp8", []byte{0x48, 0x89, 0x43}, insn{kind: emuNone}},
		{"truncated sib", []byte{0x48, 0x89, 0x44}, insn{kind: emuNone}},
		{"truncated disp32", []byte{0x48, 0x89, 0x83, 0x00, 0x10, 0x00}, insn{kind: emuNone}},
		{"truncated imm", []byte{0x48, 0xc7, 0xc0, 0xda, 0xff, 0xff}, insn{kind: emuNone}},
		{"xor eax,eax (flags)", []byte{0x31, 0xc0}, insn{kind: emuNone}},
		{"sub rsp,0x10 (flags)", []byte{0x48, 0x83, 0xec, 0x10}, insn{kind: emuNone}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := classify(tt.code)
			assert.Equal(t, tt.want, got, "% x", tt.code)
			checkDecode(t, tt.code, got)
		})
	}
}

// TestClassifyMov64Exhaustive decodes every ModRM and SIB byte of the three
// opcodes under every REX.W prefix, with positive and negative
// displacements, and compares with x86asm both ways: what classify
// accepts x86asm decodes the same, and every 64-bit move it should accept
// (register destination, or a store with a base register) it does.
func TestClassifyMov64Exhaustive(t *testing.T) {
	tails := [][]byte{
		{0x88, 0x77, 0x66, 0x95, 0x44, 0x33, 0x22, 0x11},
		{0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x7f},
	}
	code := make([]byte, 16)
	n := 0
	for rex := byte(0x48); rex <= 0x4f; rex++ {
		for _, op := range []byte{0x89, 0x8b, 0xc7} {
			for modrm := range 256 {
				sibs := 1
				if modrm>>6 != 3 && modrm&7 == 4 {
					sibs = 256
				}
				for sib := range sibs {
					for _, tail := range tails {
						code = append(code[:0], rex, op, byte(modrm))
						if sibs > 1 {
							code = append(code, byte(sib))
						}
						code = append(code, tail...)
						in := classify(code)
						checkDecode(t, code, in)
						if want := wantEmulated(t, code); want != (in.kind != emuNone) {
							t.Fatalf("% x: classify gives %v, want emulated=%v", code, in.kind, want)
						}
						n++
					}
				}
			}
		}
	}
	t.Logf("%d encodings", n)
}

// wantEmulated says from x86asm's decoding whether classify should
// emulate a REX.W 89/8B/C7 instruction.
func wantEmulated(t testing.TB, code []byte) bool {
	x, err := x86asm.Decode(code, 64)
	if err != nil || x.Op != x86asm.MOV || x.DataSize != 64 {
		return false
	}
	if dst, isReg := x.Args[0].(x86asm.Reg); isReg {
		_, isMem := x.Args[1].(x86asm.Mem) // a load
		return !isMem && dst >= x86asm.RAX && dst <= x86asm.R15
	}
	m, isMem := x.Args[0].(x86asm.Mem)
	_, srcReg := x.Args[1].(x86asm.Reg)
	return isMem && srcReg && m.Segment == 0 && m.Base >= x86asm.RAX && m.Base <= x86asm.R15
}

// asmReg is the x86asm name of a general register.
func asmReg(id regID) x86asm.Reg {
	for i, g := range gpr {
		if g == id {
			return x86asm.RAX + x86asm.Reg(i)
		}
	}
	return 0
}

// checkDecode checks what classify found against x86asm's decoding of the
// same bytes: length, operation, operands, and no prefix but REX.
func checkDecode(t testing.TB, code []byte, in insn) {
	t.Helper()
	if in.kind == emuNone {
		return
	}
	if in.len <= 0 || in.len > len(code) {
		t.Fatalf("% x: %v of length %d", code, in.kind, in.len)
	}
	if in.kind == emuNop && bytes.HasPrefix(code, endbr64) {
		return // x86asm does not know endbr64
	}
	x, err := x86asm.Decode(code, 64)
	if err != nil {
		t.Fatalf("% x: classified %v, x86asm: %v", code, in.kind, err)
	}
	if x.Len != in.len {
		t.Fatalf("% x: %v of length %d, x86asm %q of length %d", code, in.kind, in.len, x, x.Len)
	}
	fail := func() { t.Fatalf("% x: %+v, but x86asm decodes %q (%#v)", code, in, x, x.Args) }
	if in.kind == emuNop {
		if x.Op != x86asm.NOP {
			fail()
		}
		return
	}
	for _, p := range x.Prefix {
		if p != 0 && p&0xf0 != x86asm.PrefixREX {
			fail() // a legacy prefix or VEX
		}
	}
	switch in.kind {
	case emuPush:
		if x.Op != x86asm.PUSH || x.Args[0] != asmReg(in.src) {
			fail()
		}
	case emuMovRR:
		if x.Op != x86asm.MOV || x.DataSize != 64 || x.Args[0] != asmReg(in.dst) || x.Args[1] != asmReg(in.src) {
			fail()
		}
	case emuMovImm:
		if x.Op != x86asm.MOV || x.DataSize != 64 || x.Args[0] != asmReg(in.dst) || x.Args[1] != x86asm.Imm(in.imm) {
			fail()
		}
	case emuStore:
		m, ok := x.Args[0].(x86asm.Mem)
		if x.Op != x86asm.MOV || x.DataSize != 64 || x.MemBytes != 8 || !ok || x.Args[1] != asmReg(in.src) {
			fail()
		}
		want := x86asm.Mem{Base: asmReg(in.mem.base), Disp: int64(in.mem.disp)}
		if in.mem.index != regNone {
			want.Index, want.Scale = asmReg(in.mem.index), in.mem.scale
		}
		got := m
		if got.Index == 0 {
			got.Scale = 0 // x86asm keeps the SIB's scale with no index
		}
		if in.mem.base == regNone || got != want {
			fail()
		}
	default:
		fail()
	}
}

// FuzzClassify: any bytes classify without panic, and whatever is
// emulated is exactly what x86asm decodes; everything else is stepped.
func FuzzClassify(f *testing.F) {
	for _, s := range [][]byte{
		{0x48, 0x89, 0x43, 0x50}, {0x4e, 0x89, 0x4c, 0xa0, 0xe0}, {0x48, 0x89, 0x54, 0xcc, 0x10},
		{0x48, 0xc7, 0xc0, 0xda, 0xff, 0xff, 0xff}, {0x4d, 0x8b, 0xda}, {0x0f, 0x1f, 0x44, 0x00, 0x00},
		{0xf3, 0x0f, 0x1e, 0xfa}, {0x41, 0x57}, {0x65, 0x48, 0x89, 0x04, 0x25}, {0x48, 0x89, 0x05, 1, 2, 3, 4},
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code []byte) {
		checkDecode(t, code, classify(code))
	})
}

// emuFn is where the resume tests put the instruction.
const emuFn = fakeVirtBase + 0x7000

func TestResumeEmulatesMoves(t *testing.T) {
	const rsp = fakeVirtBase + 0xa000 // the kernel stack is [0x8000, 0xc000)
	type memWant struct {
		va  uint64
		val uint64
	}
	for _, tt := range []struct {
		name  string
		code  []byte
		set   map[regID]uint64
		regs  map[regID]uint64 // registers it changes, rip aside
		mem   *memWant
		kind  string
		stepd bool
	}{
		{"mov [rbx+0x50],rax", []byte{0x48, 0x89, 0x43, 0x50},
			map[regID]uint64{rRBX: rsp + 0x100, rRAX: 0xfffffffffffffff7}, nil,
			&memWant{rsp + 0x150, 0xfffffffffffffff7}, "mov m64,r64", false},
		{"mov [rsp+8],rdi", []byte{0x48, 0x89, 0x7c, 0x24, 0x08},
			map[regID]uint64{rRDI: 0x0102030405060708}, nil,
			&memWant{rsp + 8, 0x0102030405060708}, "mov m64,r64", false},
		{"mov [rbp-8],r12", []byte{0x4c, 0x89, 0x65, 0xf8},
			map[regID]uint64{rRBP: rsp + 0x40, rR12: 12}, nil,
			&memWant{rsp + 0x38, 12}, "mov m64,r64", false},
		{"mov [r13+0],rax", []byte{0x49, 0x89, 0x45, 0x00},
			map[regID]uint64{rR13: rsp + 0x18, rRAX: 0xabcdef}, nil,
			&memWant{rsp + 0x18, 0xabcdef}, "mov m64,r64", false},
		{"mov [rsp+rcx*8+0x10],rdx", []byte{0x48, 0x89, 0x54, 0xcc, 0x10},
			map[regID]uint64{rRCX: 3, rRDX: 0x5555}, nil,
			&memWant{rsp + 0x28, 0x5555}, "mov m64,r64", false},
		{"mov [rax+r12*4-0x20],r9", []byte{0x4e, 0x89, 0x4c, 0xa0, 0xe0},
			map[regID]uint64{rRAX: rsp + 0x200, rR12: 0x10, rR9: 0x99}, nil,
			&memWant{rsp + 0x220, 0x99}, "mov m64,r64", false},
		{"mov [rbx+0x1000],rsi", []byte{0x48, 0x89, 0xb3, 0x00, 0x10, 0x00, 0x00},
			map[regID]uint64{rRBX: rsp - 0x800, rRSI: 0x7777}, nil,
			&memWant{rsp + 0x800, 0x7777}, "mov m64,r64", false},
		{"mov [rsp],rsp", []byte{0x48, 0x89, 0x24, 0x24},
			nil, nil, &memWant{rsp, rsp}, "mov m64,r64", false},
		{"push rbx", []byte{0x53},
			map[regID]uint64{rRBX: 0x0123456789abcdef}, map[regID]uint64{rRSP: rsp - 8},
			&memWant{rsp - 8, 0x0123456789abcdef}, "push", false},
		{"push r13 on an empty stack", []byte{0x41, 0x55},
			map[regID]uint64{rRSP: rsp + 0x2000, rR13: 13}, map[regID]uint64{rRSP: rsp + 0x2000 - 8},
			&memWant{rsp + 0x2000 - 8, 13}, "push", false},
		{"mov [rbx-0x50],rax (disp32)", []byte{0x48, 0x89, 0x83, 0xb0, 0xff, 0xff, 0xff},
			map[regID]uint64{rRBX: rsp + 0x100, rRAX: 1}, nil,
			&memWant{rsp + 0xb0, 1}, "mov m64,r64", false},

		{"mov rdi,rbx", []byte{0x48, 0x89, 0xdf},
			map[regID]uint64{rRBX: 0x1234}, map[regID]uint64{rRDI: 0x1234}, nil, "mov r64,r64", false},
		{"mov rbp,rsp", []byte{0x48, 0x89, 0xe5},
			nil, map[regID]uint64{rRBP: rsp}, nil, "mov r64,r64", false},
		{"mov rbp,rsp (8b)", []byte{0x48, 0x8b, 0xec},
			nil, map[regID]uint64{rRBP: rsp}, nil, "mov r64,r64", false},
		{"mov r8,rax", []byte{0x49, 0x89, 0xc0},
			map[regID]uint64{rRAX: 0xffffffffffffffff}, map[regID]uint64{rR8: 0xffffffffffffffff}, nil, "mov r64,r64", false},
		{"mov rax,r15", []byte{0x4c, 0x89, 0xf8},
			map[regID]uint64{rR15: 15}, map[regID]uint64{rRAX: 15}, nil, "mov r64,r64", false},
		{"mov r11,r10", []byte{0x4d, 0x8b, 0xda},
			map[regID]uint64{rR10: 10}, map[regID]uint64{rR11: 10}, nil, "mov r64,r64", false},
		{"mov rax,-38", []byte{0x48, 0xc7, 0xc0, 0xda, 0xff, 0xff, 0xff},
			nil, map[regID]uint64{rRAX: 0xffffffffffffffda}, nil, "mov r64,imm", false},
		{"mov r9,0x7fffffff", []byte{0x49, 0xc7, 0xc1, 0xff, 0xff, 0xff, 0x7f},
			map[regID]uint64{rR9: 0xffffffffffffffff}, map[regID]uint64{rR9: 0x7fffffff}, nil, "mov r64,imm", false},

		// Stores apply.go cannot vouch for are stepped: the fake's step
		// moves rip only, so memory stays as it was.
		{"store above the stack", []byte{0x48, 0x89, 0x43, 0x50},
			map[regID]uint64{rRBX: rsp + 0x2000 - 0x50, rRAX: 1}, nil, nil, "mov m64,r64", true},
		{"store below the stack", []byte{0x48, 0x89, 0x43, 0x50},
			map[regID]uint64{rRBX: rsp - 0x2000 - 0x50 - 8, rRAX: 1}, nil, nil, "mov m64,r64", true},
		{"store across a page", []byte{0x48, 0x89, 0x43, 0x50},
			map[regID]uint64{rRBX: rsp + 0xffc - 0x50, rRAX: 1}, nil, nil, "mov m64,r64", true},
		{"store below the stack pointer", []byte{0x48, 0x89, 0x64, 0x24, 0xf8},
			nil, nil, nil, "mov m64,r64", true},
		{"push in user mode", []byte{0x55},
			map[regID]uint64{rCS: 0x33}, nil, nil, "push", true},
		{"push the stub refuses (unmapped)", []byte{0x55},
			map[regID]uint64{rRSP: fakeVirtBase + 0x200000}, nil, nil, "push", true},
		{"push on a user stack", []byte{0x55},
			map[regID]uint64{rRSP: 0x7ffc0000}, nil, nil, "push", true},
		{"store in user mode", []byte{0x48, 0x89, 0x43, 0x50},
			map[regID]uint64{rCS: 0x33, rRBX: rsp + 0x100, rRAX: 1}, nil, nil, "mov m64,r64", true},
		{"store on a user stack", []byte{0x48, 0x89, 0x43, 0x50},
			map[regID]uint64{rRSP: 0x7ffc0000, rRBX: 0x7ffc0100, rRAX: 1}, nil, nil, "mov m64,r64", true},
		{"store the stub refuses (unmapped)", []byte{0x48, 0x89, 0x43, 0x50},
			map[regID]uint64{rRSP: fakeVirtBase + 0x200000, rRBX: fakeVirtBase + 0x200000, rRAX: 1}, nil, nil, "mov m64,r64", true},
		{"32-bit store", []byte{0x89, 0x43, 0x50},
			map[regID]uint64{rRBX: rsp + 0x100, rRAX: 1}, nil, nil, "step", true},
		{"gs: store", []byte{0x65, 0x48, 0x89, 0x04, 0x25, 0x00, 0xa1, 0x00, 0x00},
			nil, nil, nil, "step", true},
		{"xor eax,eax", []byte{0x31, 0xc0}, nil, nil, nil, "step", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, tg := newFakeTarget(t, 2, func(s *fakeStub) {
				copy(s.phys[emuFn-fakeVirtBase:], tt.code)
				s.setReg(1, rRSP, rsp)
				for id, v := range tt.set {
					s.setReg(1, id, v)
				}
			})
			require.NoError(t, tg.InsertBreakpoint(emuFn))
			kind, err := tg.BreakpointKind(emuFn)
			require.NoError(t, err)
			assert.Equal(t, tt.kind, kind)

			s.mu.Lock()
			s.hitOnRun = &fakeHit{1, emuFn}
			s.mu.Unlock()
			var ev vmi.Event
			require.NoError(t, tg.Wait(context.Background(), &ev))
			s.mu.Lock()
			s.hitOnRun = nil
			before := bytes.Clone(s.phys)
			var regs [2]regVals
			for v := range 2 {
				for id := range nRegs {
					regs[v][id] = s.reg(v, id)
				}
			}
			s.mu.Unlock()
			require.NoError(t, tg.Resume(&ev))
			require.True(t, s.Running())

			// Exactly the instruction's effect: rip past it, the
			// registers and the 8 bytes it writes, nothing else.
			regs[1][rRIP] = emuFn + uint64(len(tt.code))
			if tt.kind == "step" {
				x, err := x86asm.Decode(tt.code, 64)
				require.NoError(t, err)
				regs[1][rRIP] = emuFn + uint64(x.Len)
			}
			for id, v := range tt.regs {
				regs[1][id] = v
			}
			for v := range 2 {
				for id := range nRegs {
					assert.Equal(t, fmt.Sprintf("%#x", regs[v][id]), fmt.Sprintf("%#x", s.Reg(v, id)), "vCPU %d %s", v, regNames[id])
				}
			}
			want := before
			if tt.mem != nil {
				binary.LittleEndian.PutUint64(want[tt.mem.va-fakeVirtBase:], tt.mem.val)
			}
			after := s.physAt(0, len(before))
			if !bytes.Equal(want, after) {
				for i := range want {
					if want[i] != after[i] {
						t.Fatalf("memory at %#x: %#x, want %#x", fakeVirtBase+uint64(i), after[i], want[i])
					}
				}
			}
			if tt.stepd {
				assert.Equal(t, Stats{Hits: 1, Stepped: 1}, tg.Stats())
				assert.Equal(t, 1, s.steps)
			} else {
				assert.Equal(t, Stats{Hits: 1, Emulated: 1}, tg.Stats())
				assert.Equal(t, 0, s.steps)
			}
			assert.Equal(t, map[uint64]int{emuFn: 1}, s.Breakpoints())
		})
	}
}

// TestStoreAfterHandlerChange: a handler that changes the stored register
// (or the base) has its values stored.
func TestStoreAfterHandlerChange(t *testing.T) {
	const rsp = fakeVirtBase + 0xa000
	s, tg := newFakeTarget(t, 1, func(s *fakeStub) {
		copy(s.phys[emuFn-fakeVirtBase:], []byte{0x48, 0x89, 0x43, 0x50})
		s.setReg(0, rRSP, rsp)
		s.setReg(0, rRBX, rsp+0x100)
		s.setReg(0, rRAX, 1)
	})
	require.NoError(t, tg.InsertBreakpoint(emuFn))
	ev := s.hitOnce(t, tg, 0, emuFn)
	old := s.physAt(rsp+0x150-fakeVirtBase, 8)
	ev.Regs.RAX = 0xffffffffffffffda
	ev.Regs.RBX = rsp + 0x200
	ev.RegsChanged = true
	require.NoError(t, tg.Resume(&ev))
	assert.Equal(t, uint64(0xffffffffffffffda), binary.LittleEndian.Uint64(s.physAt(rsp+0x250-fakeVirtBase, 8)))
	assert.Equal(t, old, s.physAt(rsp+0x150-fakeVirtBase, 8), "not where rbx was")
	assert.Equal(t, uint64(emuFn+4), s.Reg(0, rRIP))
	assert.Equal(t, Stats{Hits: 1, Emulated: 1}, tg.Stats())
}

// TestStorePacketsPerHit: emulating the store at a return site costs one
// 'M' and the continue, after the stop, 'g' of the event and the 'g' that
// checks the vCPU is still there (see stillAt).
func TestStorePacketsPerHit(t *testing.T) {
	const rsp = fakeVirtBase + 0xa000
	s, tg := newFakeTarget(t, 1, func(s *fakeStub) {
		copy(s.phys[emuFn-fakeVirtBase:], []byte{0x48, 0x89, 0x43, 0x50})
		s.setReg(0, rRSP, rsp)
		s.setReg(0, rRBX, rsp+0x100)
		s.setReg(0, rRAX, 0x2a)
	})
	require.NoError(t, tg.InsertBreakpoint(emuFn)) // reads the code in virtual mode
	n0 := len(s.Log())
	hitLoop(t, s, tg, 0, emuFn, 100)
	log := s.Log()[n0:]
	assert.Equal(t, 1+400, len(log), "%q", log[:min(len(log), 8)])
	assert.Equal(t, 200, countPrefix(log, "g"))
	assert.Equal(t, 100, countPrefix(log, "Mffffffff8000a150,8:2a00000000000000"))
	assert.Equal(t, 100, countPrefix(log, "cffffffff80007004"))
	assert.Equal(t, Stats{Hits: 100, Emulated: 100}, tg.Stats())
}
