//go:build libvmi

package libvmi

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/guestrace/guestrace/pkg/vmi"
)

// The shim's callback on libvmi's real event structures: what reaches Go,
// and what is left for libvmi after Go's answer.

type stubHandler struct {
	got  event
	regs vmi.Regs
	rsp  response
	rax  uint64 // set in the registers when rsp.setRegs
}

func (s *stubHandler) handle(e *event) response {
	s.got, s.regs = *e, *e.regs
	s.got.regs = nil
	if s.rsp.setRegs {
		e.regs.RAX = s.rax
	}
	return s.rsp
}

var shimRegs = vmi.Regs{RIP: 0xffffffff81000040, RSP: 0xffffc90000013f00, RDI: 3, RFLAGS: 0x246, CR3: 0x1234000, CS: 0x10, KernelGSBase: 0xffff88801f000000}

func TestShimInt3Ours(t *testing.T) {
	h := &stubHandler{rsp: response{singleStep: true, setSLAT: true, slat: 0, setRegs: true}, rax: 42}
	r := simulateEvent(h, evInt3, 3, 1, 0xffffffff81000040, 0x1000, 0, shimRegs)
	assert.Equal(t, event{kind: evInt3, vcpu: 3, slat: 1, gla: 0xffffffff81000040, gfn: 0x1000}, h.got)
	assert.Equal(t, shimRegs.RIP, h.regs.RIP)
	assert.Equal(t, shimRegs.CR3, h.regs.CR3)
	assert.Equal(t, shimRegs.CS, h.regs.CS)
	assert.Equal(t, shimRegs.KernelGSBase, h.regs.KernelGSBase)
	assert.Equal(t, shimRegs.RFLAGS, h.regs.RFLAGS)
	// VMI_EVENT_RESPONSE_TOGGLE_SINGLESTEP | _SLAT_ID | _SET_REGISTERS
	assert.Equal(t, uint32(1<<5|1<<6|1<<7), r.flags)
	assert.Equal(t, uint16(0), r.slat)
	assert.Equal(t, int8(0), r.reinject)
	assert.Equal(t, uint32(1), r.insnLength)
	assert.Equal(t, uint64(42), r.regs.RAX)
	assert.Equal(t, shimRegs.RIP, r.regs.RIP)
}

func TestShimInt3Reinject(t *testing.T) {
	h := &stubHandler{rsp: response{reinject: true}}
	r := simulateEvent(h, evInt3, 0, 1, 0xffffffff81000999, 0x1000, 0, shimRegs)
	assert.Equal(t, uint32(0), r.flags)
	assert.Equal(t, int8(1), r.reinject)
	assert.Equal(t, uint16(1), r.slat, "view unchanged")
}

func TestShimSingleStep(t *testing.T) {
	h := &stubHandler{rsp: response{singleStep: true, setSLAT: true, slat: 1}}
	r := simulateEvent(h, evSingleStep, 1, 0, 0xffffffff81000045, 0x1000, 0, shimRegs)
	assert.Equal(t, event{kind: evSingleStep, vcpu: 1, slat: 0, gla: 0xffffffff81000045, gfn: 0x1000}, h.got)
	assert.Equal(t, uint32(1<<5|1<<6), r.flags)
	assert.Equal(t, uint16(1), r.slat)
}

func TestShimMemAccess(t *testing.T) {
	h := &stubHandler{rsp: response{singleStep: true, setSLAT: true, slat: 0}}
	r := simulateEvent(h, evMemAccess, 0, 1, 0xffffffff81000041, 0x1000, memW, shimRegs)
	assert.Equal(t, event{kind: evMemAccess, vcpu: 0, slat: 1, gla: 0xffffffff81000041, gfn: 0x1000, access: memW}, h.got)
	assert.Equal(t, uint32(1<<5|1<<6), r.flags)
	assert.Equal(t, uint16(0), r.slat)
}
