package linux

import "github.com/guestrace/guestrace/pkg/printers"

// The key management calls (add_key, request_key, keyctl), printed as
// strace's keyctl.c prints them.

// keySerial prints a key serial number: a KEY_SPEC_* name or the number.
func (c *ctx) keySerial(v uint64) { c.xvalD(xKeySpec, uint64(int64(int32(v))), "") }

var aKeySerial = argOf(printers.KindEnum, (*ctx).keySerial)

// The keyctl commands whose arguments have their own form.
const (
	keyctlGetKeyringID     = 0
	keyctlJoinSession      = 1
	keyctlUpdate           = 2
	keyctlRevoke           = 3
	keyctlChown            = 4
	keyctlSetperm          = 5
	keyctlDescribe         = 6
	keyctlClear            = 7
	keyctlLink             = 8
	keyctlUnlink           = 9
	keyctlSearch           = 10
	keyctlRead             = 11
	keyctlInstantiate      = 12
	keyctlNegate           = 13
	keyctlSetReqkeyKeyring = 14
	keyctlSetTimeout       = 15
	keyctlAssumeAuthority  = 16
	keyctlGetSecurity      = 17
	keyctlSessionToParent  = 18
	keyctlReject           = 19
	keyctlInstantiateIov   = 20
	keyctlInvalidate       = 21
	keyctlGetPersistent    = 22
	keyctlRestrictKeyring  = 29
	keyctlMove             = 30
	keyctlCapabilities     = 31
)

// decKeyctl prints keyctl: the command, then its arguments; those that
// return data (read, describe, get_security, capabilities) print the
// buffer at exit.
func decKeyctl(c *ctx) {
	cmd := int32(c.a[0])
	a2, a3, a4, a5 := c.a[1], c.a[2], c.a[3], c.a[4]
	switch cmd {
	case keyctlDescribe, keyctlRead, keyctlGetSecurity:
		if !c.exiting {
			c.xval(xKeyctlCommands, uint64(uint32(cmd)), "KEYCTL_???")
			c.sep()
			c.keySerial(a2)
			c.sep()
			return
		}
		c.keyBuf(a3, a4, cmd != keyctlRead)
		c.sep()
		c.ulong(a4)
		return
	case keyctlCapabilities:
		if !c.exiting {
			c.xval(xKeyctlCommands, uint64(uint32(cmd)), "KEYCTL_???")
			c.sep()
			return
		}
		c.keyCaps(a2, a3)
		c.sep()
		c.ulong(a3)
		return
	}
	if c.exiting {
		return
	}
	c.xval(xKeyctlCommands, uint64(uint32(cmd)), "KEYCTL_???")
	if cmd != keyctlSessionToParent {
		c.sep()
	}
	switch cmd {
	case keyctlGetKeyringID:
		c.keySerial(a2)
		c.sep()
		c.int(a3)
	case keyctlJoinSession:
		c.cstr(a2)
	case keyctlUpdate:
		c.keySerial(a2)
		c.sep()
		c.strN(a3, a4)
		c.sep()
		c.ulong(a4)
	case keyctlRevoke, keyctlClear, keyctlInvalidate, keyctlAssumeAuthority:
		c.keySerial(a2)
	case keyctlLink, keyctlUnlink:
		c.keySerial(a2)
		c.sep()
		c.keySerial(a3)
	case keyctlSearch:
		c.keySerial(a2)
		c.sep()
		c.cstr(a3)
		c.sep()
		c.cstr(a4)
		c.sep()
		c.keySerial(a5)
	case keyctlChown:
		c.keySerial(a2)
		c.sep()
		c.uid(a3)
		c.sep()
		c.uid(a4)
	case keyctlSetperm:
		c.keySerial(a2)
		c.sep()
		c.flags(xKeyPerms, uint64(uint32(a3)), "KEY_???")
	case keyctlInstantiate:
		c.keySerial(a2)
		c.sep()
		c.strN(a3, a4)
		c.sep()
		c.ulong(a4)
		c.sep()
		c.keySerial(a5)
	case keyctlInstantiateIov:
		c.keySerial(a2)
		c.sep()
		c.iovec(a3, a4, ^uint64(0), false)
		c.sep()
		c.ulong(a4)
		c.sep()
		c.keySerial(a5)
	case keyctlNegate:
		c.keySerial(a2)
		c.sep()
		c.uint(a3)
		c.sep()
		c.keySerial(a4)
	case keyctlReject:
		c.keySerial(a2)
		c.sep()
		c.uint(a3)
		c.sep()
		c.errnoArg(uint64(uint32(a4)))
		c.sep()
		c.keySerial(a5)
	case keyctlSetReqkeyKeyring:
		c.xvalD(xKeyReqkeys, uint64(int64(int32(a2))), "KEY_REQKEY_DEFL_???")
	case keyctlSetTimeout:
		c.keySerial(a2)
		c.sep()
		c.uint(a3)
	case keyctlSessionToParent:
	case keyctlGetPersistent:
		c.uid(a2)
		c.sep()
		c.keySerial(a3)
	case keyctlRestrictKeyring:
		c.keySerial(a2)
		c.sep()
		c.cstr(a3)
		c.sep()
		c.cstr(a4)
	case keyctlMove:
		c.keySerial(a2)
		c.sep()
		c.keySerial(a3)
		c.sep()
		c.keySerial(a4)
		c.sep()
		c.flags(xKeyctlMoveFlags, uint64(uint32(a5)), "KEYCTL_MOVE_???")
	default:
		c.hex(a2)
		c.sep()
		c.hex(a3)
		c.sep()
		c.hex(a4)
		c.sep()
		c.hex(a5)
	}
}

// keyBuf prints the data a read-like command returned: at most len bytes,
// a trailing NUL left out for the text commands (strace's
// QUOTE_OMIT_TRAILING_0).
func (c *ctx) keyBuf(addr, n uint64, hasNul bool) {
	if c.failed {
		c.ptr(addr)
		return
	}
	if uint64(c.ret) < n {
		n = uint64(c.ret)
	}
	if addr == 0 {
		c.str("NULL")
		return
	}
	lim := c.limit()
	size := min(uint64(lim)+1, n)
	buf := c.mem(int(size))
	if printers.ReadFull(c.m, addr, buf) != nil {
		c.ptr(addr)
		return
	}
	show := buf[:min(size, uint64(lim))]
	if hasNul && len(show) > 0 && show[len(show)-1] == 0 {
		c.b = printers.AppendQuoted(c.b, show[:len(show)-1], lim, false)
		return
	}
	c.b = printers.AppendQuoted(c.b, show, lim, n > uint64(lim))
}

// keyCaps prints KEYCTL_CAPABILITIES' bytes: the first two as flags.
func (c *ctx) keyCaps(addr, n uint64) {
	if c.failed {
		c.ptr(addr)
		return
	}
	pos := 0
	c.array(addr, min(n, uint64(c.ret)), 1, false, func(c *ctx, e []byte) bool {
		switch pos {
		case 0:
			c.flags(xKeyctlCaps0, uint64(e[0]), "KEYCTL_CAPS0_???")
		case 1:
			c.flags(xKeyctlCaps1, uint64(e[0]), "KEYCTL_CAPS1_???")
		default:
			c.hex(uint64(e[0]))
		}
		pos++
		return true
	})
}

// errnoArg prints an error number argument: 61 /* ENODATA */ style is
// strace's -X verbose; its default prints the name alone.
func (c *ctx) errnoArg(e uint64) {
	if name, ok := ErrnoName(e); ok {
		c.str(name)
		return
	}
	c.ulong(e)
}

var (
	// add_key(type, description, payload, plen, keyring)
	aKeyPayload = aInStruct(func(c *ctx, v uint64) { c.strN(v, c.a[3]) })
)
