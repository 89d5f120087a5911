package linux

// Classic BPF programs (seccomp filters, socket filters) and eBPF
// instructions, as strace's bpf_filter.c and bpf.c print them under -v:
// BPF_STMT(code, k) and BPF_JUMP(code, k, jt, jf), {code=..., dst_reg=...}.

const (
	bpfClassLD   = 0
	bpfClassLDX  = 1
	bpfClassST   = 2
	bpfClassSTX  = 3
	bpfClassALU  = 4
	bpfClassJMP  = 5
	bpfClassRET  = 6
	bpfClassMISC = 7
	bpfInsnSize  = 8
	bpfModeABS   = 0x20
	// The negative offsets of socket filters' loads: ancillary data,
	// the network header, the link-layer header.
	skfADOff  = 0xfffff000
	skfNetOff = 0xfff00000
	skfLLOff  = 0xffe00000
	// seccompRetActionFull masks the action of a filter's return value.
	seccompRetActionFull = 0xffff0000
)

// bpfCode prints an instruction's code: its class, then the fields the
// class has (strace's print_bpf_filter_code); extended is eBPF.
func (c *ctx) bpfCode(code uint16, extended bool) {
	class := uint64(code & 7)
	rest := uint64(code) &^ class
	mode, classes := xBpfMode, xBpfClass
	if extended {
		mode, classes = xEbpfMode, xEbpfClass
	}
	c.xval(classes, class, "BPF_???")
	unknown := func(v uint64) {
		if v != 0 {
			c.b = append(c.b, '|')
			c.hex(v)
			c.str(" /* BPF_??? */")
		}
	}
	switch {
	case (class == bpfClassST || class == bpfClassSTX) && !extended:
		unknown(rest)
	case class <= bpfClassSTX:
		c.b = append(c.b, '|')
		c.xval(xBpfSize, uint64(code&0x18), "BPF_???")
		c.b = append(c.b, '|')
		c.xval(mode, uint64(code&0xe0), "BPF_???")
	case class == bpfClassMISC && !extended:
		c.b = append(c.b, '|')
		c.xval(xBpfMiscop, uint64(code&0xf8), "BPF_???")
		unknown(rest &^ uint64(code&0xf8))
	case class == bpfClassALU || class == bpfClassMISC:
		c.b = append(c.b, '|')
		c.xval(xBpfSrc, uint64(code&0x08), "BPF_???")
		c.b = append(c.b, '|')
		c.xval(xBpfOpAlu, uint64(code&0xf0), "BPF_???")
	case class == bpfClassJMP:
		c.b = append(c.b, '|')
		c.xval(xBpfSrc, uint64(code&0x08), "BPF_???")
		c.b = append(c.b, '|')
		c.xval(xBpfOpJmp, uint64(code&0xf0), "BPF_???")
	default: // BPF_RET, reserved in eBPF
		if !extended {
			c.b = append(c.b, '|')
			c.xval(xBpfRval, uint64(code&0x18), "BPF_???")
			rest &^= uint64(code & 0x18)
		}
		unknown(rest)
	}
}

// bpfFilter prints a classic BPF program of n instructions at addr: its
// address without -v, else its instructions; seccomp names the actions
// of BPF_RET.
func (c *ctx) bpfFilter(addr, n uint64, seccomp bool) {
	if !c.verbose() {
		c.ptr(addr)
		return
	}
	c.array(addr, n, bpfInsnSize, true, func(c *ctx, e []byte) bool {
		code, jt, jf, k := le16(e), uint64(e[2]), uint64(e[3]), uint64(le32(e[4:]))
		if jt != 0 || jf != 0 {
			c.str("BPF_JUMP(")
			c.bpfCode(code, false)
			for _, v := range [...]uint64{k, jt, jf} {
				c.sep()
				c.hex(v)
			}
			c.b = append(c.b, ')')
			return true
		}
		c.str("BPF_STMT(")
		c.bpfCode(code, false)
		c.sep()
		if !seccomp && code&7 == bpfClassLD && code&0xe0 == bpfModeABS && k >= skfLLOff {
			c.skfOffset(k)
		} else if seccomp && code&7 == bpfClassRET {
			action := k & seccompRetActionFull
			c.xval(xSeccompRetActions, action, "SECCOMP_RET_???")
			if data := k &^ action; data != 0 {
				c.b = append(c.b, '|')
				c.hex(data)
			}
		} else {
			c.hex(k)
		}
		c.b = append(c.b, ')')
		return true
	})
}

// ebpfInsns prints a program's n eBPF instructions: their address
// without -v.
func (c *ctx) ebpfInsns(addr, n uint64) {
	if !c.verbose() {
		c.ptr(addr)
		return
	}
	c.array(addr, n, bpfInsnSize, true, func(c *ctx, e []byte) bool {
		c.str("{code=")
		c.bpfCode(uint16(e[0]), true)
		c.str(", dst_reg=")
		c.xval(xEbpfRegs, uint64(e[1]&0xf), "BPF_REG_???")
		c.str(", src_reg=")
		c.xval(xEbpfRegs, uint64(e[1]>>4), "BPF_REG_???")
		c.str(", off=")
		c.int(uint64(int64(int16(le16(e[2:])))))
		c.str(", imm=")
		c.hex(uint64(le32(e[4:])))
		c.b = append(c.b, '}')
		return true
	})
}

// skfOffset prints a socket filter's load from a special offset:
// SKF_AD_OFF+SKF_AD_PROTOCOL, SKF_NET_OFF+14.
func (c *ctx) skfOffset(k uint64) {
	base, name := uint64(skfLLOff), "SKF_LL_OFF"
	switch {
	case k >= skfADOff:
		base, name = skfADOff, "SKF_AD_OFF"
	case k >= skfNetOff:
		base, name = skfNetOff, "SKF_NET_OFF"
	}
	if !c.styled(func() { c.hex(base) }, func() { c.str(name) }) {
		c.str(name)
	}
	c.b = append(c.b, '+')
	if base == skfADOff {
		c.xval(xSkfAd, k-base, "SKF_AD_???")
	} else {
		c.ulong(k - base)
	}
}
