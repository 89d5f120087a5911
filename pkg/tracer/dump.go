package tracer

import (
	"encoding/binary"

	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/printers"
)

// FDSet is a set of descriptors, as strace's -e read=SET takes it.
type FDSet struct {
	All bool           // every descriptor
	FDs map[int32]bool // those named
	Not bool           // the complement of the above
}

// Has reports whether fd is in the set.
func (s *FDSet) Has(fd int32) bool {
	if s == nil || fd < 0 {
		return false
	}
	return (s.All || s.FDs[fd]) != s.Not
}

// Dumps writes strace's -e read=SET and -e write=SET dumps of Linux
// calls: the data read from a descriptor of Read, written to one of
// Write, whole, in strace's hex dump form.
type Dumps struct {
	Read, Write FDSet
	buf         []byte
}

var _ output.Dumper = (*Dumps)(nil)

// How a dumped call gives its data: a buffer, an iovec array, a msghdr's
// iovec array, or an array of mmsghdr, read from (reads, up to the return
// value) or written to (writes, all of it).
const (
	dumpNone = iota
	dumpBufRead
	dumpBufWrite
	dumpIovRead
	dumpIovWrite
	dumpMsgRead
	dumpMsgWrite
	dumpMmsgRead
	dumpMmsgWrite
)

// dumpOf is how strace's dumpio treats each call (fd first, data second).
var dumpOf = map[string]int{
	"read": dumpBufRead, "pread64": dumpBufRead, "recvfrom": dumpBufRead, "mq_timedreceive": dumpBufRead,
	"write": dumpBufWrite, "pwrite64": dumpBufWrite, "sendto": dumpBufWrite, "mq_timedsend": dumpBufWrite,
	"readv": dumpIovRead, "preadv": dumpIovRead, "preadv2": dumpIovRead,
	"writev": dumpIovWrite, "pwritev": dumpIovWrite, "pwritev2": dumpIovWrite, "vmsplice": dumpIovWrite,
	"recvmsg": dumpMsgRead, "sendmsg": dumpMsgWrite,
	"recvmmsg": dumpMmsgRead, "sendmmsg": dumpMmsgWrite,
}

// The x86-64 struct msghdr (msg_iov, msg_iovlen) and struct mmsghdr
// (msg_hdr, msg_len).
const (
	msgIov, msgIovlen = 16, 24
	mmsgLen, mmsgSize = 56, 64
)

// maxDump bounds the data dumped of one call (and maxIov its vectors):
// the guest says how much there is.
const (
	maxDump = 16 << 20
	maxIov  = 1024 // UIO_MAXIOV
)

// AppendDump appends a returned call's dump. Writes are dumped even when
// they failed, as much as they asked to write; reads only when they
// succeeded, as much as they read.
func (d *Dumps) AppendDump(b []byte, name string, args *output.Args, ret int64, failed bool, m printers.Mem) []byte {
	how := dumpOf[name]
	fd := int32(args[0])
	switch how {
	case dumpBufWrite:
		if d.Write.Has(fd) {
			b = d.appendData(b, m, args[1], args[2])
		}
	case dumpIovWrite:
		if d.Write.Has(fd) {
			b = d.appendIov(b, m, args[1], args[2], ^uint64(0))
		}
	case dumpBufRead:
		if !failed && ret > 0 && d.Read.Has(fd) {
			b = d.appendData(b, m, args[1], uint64(ret))
		}
	case dumpIovRead:
		if !failed && ret > 0 && d.Read.Has(fd) {
			b = d.appendIov(b, m, args[1], args[2], uint64(ret))
		}
	case dumpMsgWrite:
		if d.Write.Has(fd) {
			b = d.appendMsg(b, m, args[1], ^uint64(0))
		}
	case dumpMsgRead:
		if !failed && d.Read.Has(fd) {
			b = d.appendMsg(b, m, args[1], uint64(ret))
		}
	case dumpMmsgWrite:
		// (strace dumps a failed sendmmsg's as if it had sent 2^32-1
		// messages, reading past the array: not done here.)
		if !failed && d.Write.Has(fd) {
			b = d.appendMmsg(b, m, args[1], uint64(ret))
		}
	case dumpMmsgRead:
		if !failed && d.Read.Has(fd) {
			b = d.appendMmsg(b, m, args[1], uint64(ret))
		}
	}
	return b
}

// appendMsg dumps the iovec array of the msghdr at addr, up to total
// bytes (strace's dumpiov_in_msghdr).
func (d *Dumps) appendMsg(b []byte, m printers.Mem, addr, total uint64) []byte {
	var h [msgIovlen + 8]byte
	if printers.ReadFull(m, addr, h[:]) != nil {
		return b
	}
	return d.appendIov(b, m, binary.LittleEndian.Uint64(h[msgIov:]), binary.LittleEndian.Uint64(h[msgIovlen:]), total)
}

// appendMmsg dumps the first n messages of the mmsghdr array at addr,
// each " = N buffers in vector I" and its iovec array up to its msg_len
// (strace's dumpiov_in_mmsghdr).
func (d *Dumps) appendMmsg(b []byte, m printers.Mem, addr, n uint64) []byte {
	var h [mmsgSize]byte
	for i := uint64(0); i < min(n, maxIov); i++ {
		if printers.ReadFull(m, addr+i*mmsgSize, h[:]) != nil {
			return b
		}
		cnt := binary.LittleEndian.Uint64(h[msgIovlen:])
		b = append(b, " = "...)
		b = printers.AppendUint(b, cnt)
		b = append(b, " buffers in vector "...)
		b = printers.AppendUint(b, i)
		b = append(b, '\n')
		b = d.appendIov(b, m, binary.LittleEndian.Uint64(h[msgIov:]), cnt, uint64(binary.LittleEndian.Uint32(h[mmsgLen:])))
	}
	return b
}

// appendData dumps n bytes at addr; nothing when they cannot be read.
func (d *Dumps) appendData(b []byte, m printers.Mem, addr, n uint64) []byte {
	n = min(n, maxDump)
	if n == 0 {
		return b
	}
	if uint64(cap(d.buf)) < n {
		d.buf = make([]byte, n)
	}
	data := d.buf[:n]
	if printers.ReadFull(m, addr, data) != nil {
		return b
	}
	return printers.AppendHexDump(b, data, 0)
}

// appendIov dumps the buffers of an iovec array of cnt entries, up to
// total bytes, each after " * N bytes in buffer I", up to the first empty
// one as strace's dumpiov_upto; nothing for more than UIO_MAXIOV entries.
func (d *Dumps) appendIov(b []byte, m printers.Mem, addr, cnt, total uint64) []byte {
	if cnt > maxIov {
		return b
	}
	var iov [16]byte
	for i := uint64(0); i < cnt && total > 0; i++ {
		if printers.ReadFull(m, addr+16*i, iov[:]) != nil {
			return b
		}
		base, n := binary.LittleEndian.Uint64(iov[:]), binary.LittleEndian.Uint64(iov[8:])
		n = min(n, total)
		total -= n
		if n == 0 {
			break
		}
		b = append(b, " * "...)
		b = printers.AppendUint(b, n)
		b = append(b, " bytes in buffer "...)
		b = printers.AppendUint(b, i)
		b = append(b, '\n')
		b = d.appendData(b, m, base, n)
	}
	return b
}
