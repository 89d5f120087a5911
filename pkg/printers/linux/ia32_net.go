package linux

import (
	"strings"
	"sync"

	"github.com/guestrace/guestrace/pkg/printers"
)

// i386's socketcall(call, args) multiplexer, printed as strace prints it:
// as the call it makes, socket(AF_INET, SOCK_STREAM, IPPROTO_IP), its
// arguments read from the array of 32-bit words at args; as
// socketcall(call, args) when call is none or args cannot be read.

// socketcalls are the calls of socketcall, by number (linux/net.h's SYS_*).
var socketcalls = []string{1: "socket", "bind", "connect", "listen",
	"accept", "getsockname", "getpeername", "socketpair", "send", "recv",
	"sendto", "recvfrom", "shutdown", "setsockopt", "getsockopt",
	"sendmsg", "recvmsg", "accept4", "recvmmsg", "sendmmsg"}

// xSocketcalls names socketcall's calls: SYS_SOCKET, ...
var xSocketcalls = xlatOf(socketcalls, "SYS_")

// xlatOf is the table naming i by prefix+names[i] in capitals.
func xlatOf(names []string, prefix string) *printers.Xlat {
	x := &printers.Xlat{Sorted: true}
	for i, n := range names {
		if n != "" {
			x.Entries = append(x.Entries, printers.XlatEntry{Val: uint64(i), Name: prefix + strings.ToUpper(n)})
		}
	}
	return x
}

var ia32NetRows = map[string]*Syscall{
	"socketcall": {NArgs: 2, Class: N, Args: a(argOf(printers.KindEnum, func(c *ctx, v uint64) {
		c.xvalD(xSocketcalls, uint64(uint32(v)), "")
	}), aPtr), sub: socketcallSub},
}

// i386Sub are the rows of the multiplexers' calls: socketcall's by
// number, then send and recv, which i386 has no calls of their own for
// (sendto and recvfrom without an address).
var i386Sub = sync.OnceValue(func() map[string]*Syscall {
	m := map[string]*Syscall{}
	for _, s := range I386() {
		m[s.Name] = s
	}
	for name, of := range map[string]string{"send": "sendto", "recv": "recvfrom"} {
		r := *m[of]
		r.Name, r.NArgs, r.dec = name, 4, nil
		r.Args = a(aFD, aBufIn(2), aUlong, aMsgFlags)
		if name == "recv" {
			r.Args[1] = aBufOut
		}
		r.initSplit()
		m[name] = &r
	}
	return m
})

// socketcallSub reads socketcall's arguments.
func socketcallSub(c *ctx) *Syscall {
	call := uint32(c.a[0])
	if call == 0 || call >= uint32(len(socketcalls)) {
		return nil
	}
	s := i386Sub()[socketcalls[call]]
	b := c.mem(4 * s.NArgs)
	if c.a[1] == 0 || printers.ReadFull(c.m, c.a[1], b) != nil {
		return nil
	}
	c.fixed = [6]uint64{}
	for i := range s.NArgs {
		c.fixed[i] = uint64(le32(b[4*i:]))
	}
	c.a = &c.fixed
	return s
}
