package linux

import (
	"strings"
	"sync"

	"github.com/guestrace/guestrace/pkg/printers"
)

// i386's multiplexers, printed as strace prints them: as the call they
// make. socketcall(call, args): socket(AF_INET, SOCK_STREAM, IPPROTO_IP),
// its arguments read from the array of 32-bit words at args; as
// socketcall(call, args) when call is none or args cannot be read.
// ipc(call, first, second, third, ptr, fifth): msgget(IPC_PRIVATE,
// IPC_CREAT|0600), its arguments taken from ipc's in the call's order.

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

// Subcalls names the calls a multiplexer row makes (none for others).
func (s *Syscall) Subcalls() []string {
	if !s.compat {
		return nil
	}
	switch s.Name {
	case "socketcall":
		return subcallNames.socketcall
	case "ipc":
		return subcallNames.ipc
	}
	return nil
}

var subcallNames = func() (n struct{ socketcall, ipc []string }) {
	for _, name := range socketcalls {
		if name != "" {
			n.socketcall = append(n.socketcall, name)
		}
	}
	for _, c := range ipcCalls {
		n.ipc = append(n.ipc, c.name)
	}
	return n
}()

// ia32NetRows are the multiplexers' rows.
var ia32NetRows = map[string]*Syscall{
	"socketcall": {NArgs: 2, Class: N, Args: a(argOf(printers.KindEnum, func(c *ctx, v uint64) {
		c.xvalD(xSocketcalls, uint64(uint32(v)), "")
	}), aPtr), sub: socketcallSub},
	"ipc": {NArgs: 6, Class: I, Args: a(argOf(printers.KindEnum, func(c *ctx, v uint64) {
		if version := uint32(v) >> 16; version != 0 {
			c.uint(uint64(version))
			c.str("<<16|")
		}
		c.xvalD(xIpcCalls, uint64(uint16(v)), "")
	}), aHex, aHex, aHex, aHex, aHex), sub: ipcSub},
}

// ipcCalls are the calls of ipc by number (linux/ipc.h), with where each
// argument of the call is among ipc's first, second, third, ptr and
// fifth.
var ipcCalls = map[uint32]struct {
	name string
	args []int
}{
	1: {"semop", []int{0, 3, 1}}, 2: {"semget", []int{0, 1, 2}},
	3: {"semctl", []int{0, 1, 2, 3}}, 4: {"semtimedop", []int{0, 3, 1, 4}},
	11: {"msgsnd", []int{0, 3, 1, 2}}, 12: {"msgrcv", []int{0, 3, 1, 4, 2}},
	13: {"msgget", []int{0, 1}}, 14: {"msgctl", []int{0, 1, 3}},
	21: {"shmat", []int{0, 3, 1, 2}}, 22: {"shmdt", []int{3}},
	23: {"shmget", []int{0, 1, 2}}, 24: {"shmctl", []int{0, 1, 3}},
}

var xIpcCalls = func() *printers.Xlat {
	names := make([]string, 25)
	for n, c := range ipcCalls {
		names[n] = c.name
	}
	return xlatOf(names, "")
}()

// ipcSub takes ipc's arguments. Version 0 of msgrcv passes msgp and
// msgtyp in a struct ipc_kludge at ptr (its address printed when it
// cannot be read); version 0 of shmat, the address to store the result
// at in third (ipc's shmat row prints it); semctl, a pointer to its union
// semun.
func ipcSub(c *ctx) *Syscall {
	call, version := uint32(c.a[0])&0xffff, uint32(c.a[0])>>16
	k, ok := ipcCalls[call]
	if !ok || version > 1 {
		return nil
	}
	in := [5]uint64{c.a[1], c.a[2], c.a[3], c.a[4], c.a[5]}
	name := k.name
	switch {
	case call == 12 && version == 0:
		b := c.mem(8)
		if in[3] == 0 || printers.ReadFull(c.m, in[3], b) != nil {
			name, k.args = "ipc msgrcv", []int{0, 3, 1, 2}
			break
		}
		in[3], in[4] = uint64(le32(b)), uint64(le32(b[4:]))
	case call == 21 && version == 0:
		name = "ipc shmat"
	case call == 21:
		k.args = []int{0, 1, 2}
	case call == 3:
		name = "ipc semctl"
	}
	c.fixed = [6]uint64{}
	for i, j := range k.args {
		c.fixed[i] = in[j]
	}
	c.a = &c.fixed
	return i386Sub()[name]
}

// i386Sub are the rows of the multiplexers' calls by name: i386's, send
// and recv, which i386 has no calls of their own for (sendto and recvfrom
// without an address), ipc's variants, and the calls of the old mmap and
// old select, which pass their arguments in memory.
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
	// ipc's semtimedop: i386's has no call of its own but the _time64 one.
	semtimedop := *byName["semtimedop"]
	semtimedop.layout = layout{compat: true, time32: true}
	m["semtimedop"] = &semtimedop
	// ipc's shmat returns 0, the address stored at its fourth argument.
	shmat := *m["shmat"]
	shmat.ret = func(c *ctx) {
		if b := c.mem(4); printers.ReadFull(c.m, c.a[3], b) == nil {
			c.hex(uint64(le32(b)))
		} else {
			c.hex(uint64(c.ret))
		}
	}
	m["ipc shmat"] = &shmat
	// The old mmap's call: mmap2's row with its offset in bytes.
	mmap := *m["mmap2"]
	mmap.Name, mmap.fix = "mmap", nil
	m["old mmap"] = &mmap
	// The old select's call: _newselect's row.
	sel := *m["_newselect"]
	sel.Name = "select"
	m["old select"] = &sel
	// ipc's msgrcv whose struct ipc_kludge cannot be read: its address.
	msgrcv := *m["msgrcv"]
	msgrcv.dec, msgrcv.NArgs = nil, 4
	msgrcv.Args = a(aInt, aPtr, aUlong, aIpcMsgFlags)
	msgrcv.initSplit()
	m["ipc msgrcv"] = &msgrcv
	// ipc's semctl: its union semun is at an address.
	semctl := *m["semctl"]
	semctl.dec = decSemctlIndirect
	m["ipc semctl"] = &semctl
	return m
})

// socketcallSub reads socketcall's arguments.
func socketcallSub(c *ctx) *Syscall {
	call := uint32(c.a[0])
	if call == 0 || call >= uint32(len(socketcalls)) {
		return nil
	}
	s := i386Sub()[socketcalls[call]]
	if !c.argsAt(c.a[1], s.NArgs) {
		return nil
	}
	return s
}
