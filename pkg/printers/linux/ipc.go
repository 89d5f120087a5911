package linux

import "github.com/guestrace/guestrace/pkg/printers"

// System V IPC (msg*, sem*, shm*), printed as strace's ipc_*.c print
// them, with the 64-bit structures (msqid64_ds, semid64_ds, shmid64_ds)
// of the process: x86-64's, or i386's (compat_*64_ds, whose longs are 4
// bytes; strace prints them whether or not the i386 call passes IPC_64).

const (
	ipcSet  = 1
	ipc64   = 0x100
	mode777 = 0o777
)

// ipcFlags prints a get call's flags: IPC_* names, then the permission
// bits in octal: IPC_CREAT|IPC_EXCL|0600.
func (c *ctx) ipcFlags(x *printers.Xlat, v uint64) {
	v = uint64(uint32(v))
	var ok bool
	if c.b, ok = printers.AppendFlags(c.b, x, v&^mode777, ""); ok {
		c.b = append(c.b, '|')
	}
	c.mode(v & mode777)
}

// shmFlags is shmget's flags: the huge page size (log2 << SHM_HUGE_SHIFT)
// printed apart.
func (c *ctx) shmFlags(v uint64) {
	const hugeShift, hugeMask = 26, 0x3f << 26
	v = uint64(uint32(v))
	flags, huge := v&^mode777&^hugeMask, v&hugeMask
	if flags != 0 || huge == 0 {
		c.flags(xShmResourceFlags, flags, "")
	}
	if huge != 0 {
		if flags != 0 {
			c.b = append(c.b, '|')
		}
		c.ulong(huge >> hugeShift)
		c.str("<<SHM_HUGE_SHIFT")
	}
	if flags != 0 || huge != 0 {
		c.b = append(c.b, '|')
	}
	c.mode(v & mode777)
}

var (
	aIpcKey      = aXval32(xIpcPrivate, "")
	aMsgFlags3   = argOf(printers.KindFlags, func(c *ctx, v uint64) { c.ipcFlags(xResourceFlags, v) })
	aShmgetFlags = argOf(printers.KindFlags, (*ctx).shmFlags)
	aIpcMsgFlags = aFlags32(xIpcMsgFlags, "MSG_???")
	// msgsnd(msqid, {mtype, mtext}, msgsz, flags)
	aMsgbufIn = aInStruct(func(c *ctx, v uint64) { c.msgbuf(v, c.a[2]) })
	// semop(semid, sops, nsops)
	aSembufs = aInStruct(func(c *ctx, v uint64) { c.sembufs(v, c.a[2]) })
)

// msgbuf prints {mtype=N, mtext="..."} of count bytes of text; mtype is
// a long.
func (c *ctx) msgbuf(addr, count uint64) {
	ls := c.longSize()
	b := c.read(addr, ls)
	if b == nil {
		return
	}
	c.str("{mtype=")
	c.long(c.slongOf(b))
	c.str(", mtext=")
	c.strN(addr+uint64(ls), count)
	c.b = append(c.b, '}')
}

// decMsgrcv prints msgrcv: the message at exit.
func decMsgrcv(c *ctx) {
	if !c.exiting {
		c.int(c.a[0])
		c.sep()
		return
	}
	c.msgbuf(c.a[1], c.a[2])
	c.sep()
	c.ulong(c.a[2])
	c.sep()
	c.long(c.longArg(c.a[3]))
	c.sep()
	c.flags(xIpcMsgFlags, uint64(uint32(c.a[4])), "MSG_???")
}

// sembufs prints an array of struct sembuf.
func (c *ctx) sembufs(addr, n uint64) {
	c.array(addr, uint64(uint32(n)), 6, false, func(c *ctx, e []byte) bool {
		c.str("{sem_num=")
		c.ulong(uint64(le16(e)))
		c.str(", sem_op=")
		c.long(uint64(int64(int16(le16(e[2:])))))
		c.str(", sem_flg=")
		c.flags(xSemopFlags, uint64(le16(e[4:])), "SEM_???")
		c.b = append(c.b, '}')
		return true
	})
}

// ipcPerm prints struct ipc64_perm held in b; IPC_SET shows only what
// it sets.
func (c *ctx) ipcPerm(b []byte, cmd uint64) {
	c.str("{uid=")
	c.uid(uint64(le32(b[4:])))
	c.str(", gid=")
	c.uid(uint64(le32(b[8:])))
	c.str(", mode=")
	if c.compat {
		c.mode(uint64(le16(b[20:]))) // (i386's mode_t is 16 bits)
	} else {
		c.mode(uint64(le32(b[20:])))
	}
	if cmd != ipcSet {
		c.str(", key=")
		c.ulong(uint64(le32(b)))
		c.str(", cuid=")
		c.uid(uint64(le32(b[12:])))
		c.str(", cgid=")
		c.uid(uint64(le32(b[16:])))
	}
	c.b = append(c.b, '}')
}

// ipcCtl describes one *ctl call: where its command is, its names, and
// how its structures print.
type ipcCtl struct {
	cmdArg  int
	names   *printers.Xlat
	dflt    string
	ds      func(c *ctx, b []byte, cmd uint64)
	dsSize  [2]int             // x86-64's, i386's
	info    map[uint64]ipcInfo // IPC_INFO and the like
	stat    map[uint64]bool    // commands that fill the ds at exit
	bufArgN int
	// indirect: the buffer's address came through a pointer (i386's
	// ipc semctl); printed, it is in brackets.
	indirect bool
}

type ipcInfo struct {
	size  [2]int // x86-64's, i386's
	print func(c *ctx, b []byte)
}

// ipcSize is the size of the process's structure.
func (c *ctx) ipcSize(size [2]int) int { return c.ofLayout(size[0], size[1]) }

// ipcLongs are fields of a long's width: name, offset on x86-64 and on
// i386.
func (c *ctx) ipcLongs(b []byte, fs ...ipcLong) {
	for i, f := range fs {
		if i > 0 {
			c.sep()
		}
		c.str(f.name)
		c.b = append(c.b, '=')
		c.ulong(c.ulongOf(b[c.ofLayout(f.off, f.off32):]))
	}
}

// ofLayout is the x86-64 or the i386 value of an IPC structure's size or
// offset, as the process's layout has it.
func (c *ctx) ofLayout(x64, i386 int) int {
	if c.compat {
		return i386
	}
	return x64
}

type ipcLong struct {
	name       string
	off, off32 int
}

// ipcPid prints a pid_t field, at the offset of the process's layout.
func (c *ctx) ipcPid(b []byte, name string, off, off32 int) {
	c.str(name)
	c.b = append(c.b, '=')
	c.long(uint64(int64(int32(le32(b[c.ofLayout(off, off32):])))))
}

// decCtl prints a msgctl/shmctl/semctl call.
func (k *ipcCtl) dec(c *ctx) {
	raw := uint64(uint32(c.a[k.cmdArg]))
	cmd := raw &^ ipc64
	addr := c.a[k.bufArgN]
	if !c.exiting {
		for i := 0; i < k.cmdArg; i++ {
			c.int(c.a[i])
			c.sep()
		}
		if raw&ipc64 != 0 {
			c.str("IPC_64|")
		}
		c.xval(k.names, cmd, k.dflt)
		c.sep()
		switch {
		case cmd == ipcSet:
			if b := c.read(addr, c.ipcSize(k.dsSize)); b != nil {
				k.ds(c, b, cmd)
			}
		case k.stat[cmd]:
		case k.info[cmd].print != nil:
		case k.indirect:
			c.b = append(c.b, '[')
			c.ptr(addr)
			c.b = append(c.b, ']')
		default:
			c.ptr(addr)
		}
		return
	}
	if k.stat[cmd] {
		if b := c.read(addr, c.ipcSize(k.dsSize)); b != nil {
			k.ds(c, b, cmd)
		}
	} else if in := k.info[cmd]; in.print != nil {
		if b := c.read(addr, c.ipcSize(in.size)); b != nil {
			in.print(c, b)
		}
	}
}

// fieldsU prints name=value pairs of the unsigned values read at the
// given offsets and sizes of b.
type ipcField struct {
	name   string
	off    int
	size   int
	signed bool
}

func (c *ctx) ipcFields(b []byte, fs []ipcField) {
	for i, f := range fs {
		if i > 0 {
			c.sep()
		}
		c.str(f.name)
		c.b = append(c.b, '=')
		var v uint64
		switch f.size {
		case 2:
			v = uint64(le16(b[f.off:]))
		case 4:
			v = uint64(le32(b[f.off:]))
			if f.signed {
				v = uint64(int64(int32(v)))
			}
		default:
			v = le64(b[f.off:])
		}
		if f.signed {
			c.long(v)
		} else {
			c.ulong(v)
		}
	}
}

func (c *ctx) ipcStruct(b []byte, fs []ipcField) {
	c.b = append(c.b, '{')
	c.ipcFields(b, fs)
	c.b = append(c.b, '}')
}

var (
	msgctl = &ipcCtl{
		cmdArg: 1, bufArgN: 2, names: xMsgctlFlags, dflt: "MSG_???", dsSize: [2]int{120, 88},
		stat: map[uint64]bool{2: true, 11: true, 13: true}, // IPC_STAT, MSG_STAT, MSG_STAT_ANY
		ds: func(c *ctx, b []byte, cmd uint64) {
			c.str("{msg_perm=")
			c.ipcPerm(b, cmd)
			if cmd != ipcSet {
				c.sep()
				c.ipcLongs(b, ipcLong{"msg_stime", 48, 36}, ipcLong{"msg_rtime", 56, 44}, ipcLong{"msg_ctime", 64, 52}, ipcLong{"msg_qnum", 80, 64})
			}
			c.sep()
			c.ipcLongs(b, ipcLong{"msg_qbytes", 88, 68})
			if cmd != ipcSet {
				c.sep()
				c.ipcPid(b, "msg_lspid", 96, 72)
				c.sep()
				c.ipcPid(b, "msg_lrpid", 100, 76)
			}
			c.b = append(c.b, '}')
		},
		info: map[uint64]ipcInfo{3: msginfo, 12: msginfo}, // IPC_INFO, MSG_INFO
	}
	msginfo = ipcInfo{[2]int{32, 32}, func(c *ctx, b []byte) {
		c.ipcStruct(b, []ipcField{{"msgpool", 0, 4, true}, {"msgmap", 4, 4, true}, {"msgmax", 8, 4, true}, {"msgmnb", 12, 4, true},
			{"msgmni", 16, 4, true}, {"msgssz", 20, 4, true}, {"msgtql", 24, 4, true}, {"msgseg", 28, 2, false}})
	}}

	shmctl = &ipcCtl{
		cmdArg: 1, bufArgN: 2, names: xShmctlFlags, dflt: "SHM_???", dsSize: [2]int{112, 84},
		stat: map[uint64]bool{2: true, 13: true, 15: true}, // IPC_STAT, SHM_STAT, SHM_STAT_ANY
		ds: func(c *ctx, b []byte, cmd uint64) {
			c.str("{shm_perm=")
			c.ipcPerm(b, cmd)
			if cmd != ipcSet {
				c.sep()
				c.ipcLongs(b, ipcLong{"shm_segsz", 48, 36})
				c.sep()
				c.ipcPid(b, "shm_cpid", 80, 64)
				c.sep()
				c.ipcPid(b, "shm_lpid", 84, 68)
				c.sep()
				c.ipcLongs(b, ipcLong{"shm_nattch", 88, 72}, ipcLong{"shm_atime", 56, 40}, ipcLong{"shm_dtime", 64, 48}, ipcLong{"shm_ctime", 72, 56})
			}
			c.b = append(c.b, '}')
		},
		info: map[uint64]ipcInfo{
			3: {[2]int{72, 36}, func(c *ctx, b []byte) { // IPC_INFO: struct shminfo64
				c.b = append(c.b, '{')
				c.ipcLongs(b, ipcLong{"shmmax", 0, 0}, ipcLong{"shmmin", 8, 4}, ipcLong{"shmmni", 16, 8}, ipcLong{"shmseg", 24, 12}, ipcLong{"shmall", 32, 16})
				c.b = append(c.b, '}')
			}},
			14: {[2]int{48, 24}, func(c *ctx, b []byte) { // SHM_INFO: struct shm_info
				c.b = append(c.b, '{')
				c.ipcFields(b, []ipcField{{"used_ids", 0, 4, true}})
				c.sep()
				c.ipcLongs(b, ipcLong{"shm_tot", 8, 4}, ipcLong{"shm_rss", 16, 8}, ipcLong{"shm_swp", 24, 12},
					ipcLong{"swap_attempts", 32, 16}, ipcLong{"swap_successes", 40, 20})
				c.b = append(c.b, '}')
			}},
		},
	}

	semctl = &ipcCtl{
		cmdArg: 2, bufArgN: 3, names: xSemctlFlags, dflt: "SEM_???", dsSize: [2]int{104, 64},
		stat: map[uint64]bool{2: true, 18: true, 20: true}, // IPC_STAT, SEM_STAT, SEM_STAT_ANY
		ds: func(c *ctx, b []byte, cmd uint64) {
			c.str("{sem_perm=")
			c.ipcPerm(b, cmd)
			if cmd != ipcSet {
				c.sep()
				c.ipcLongs(b, ipcLong{"sem_otime", 48, 36}, ipcLong{"sem_ctime", 64, 44}, ipcLong{"sem_nsems", 80, 52})
			}
			c.b = append(c.b, '}')
		},
		info: map[uint64]ipcInfo{3: seminfo, 19: seminfo}, // IPC_INFO, SEM_INFO
	}
	seminfo = ipcInfo{[2]int{40, 40}, func(c *ctx, b []byte) {
		c.ipcStruct(b, []ipcField{{"semmap", 0, 4, true}, {"semmni", 4, 4, true}, {"semmns", 8, 4, true}, {"semmnu", 12, 4, true},
			{"semmsl", 16, 4, true}, {"semopm", 20, 4, true}, {"semume", 24, 4, true}, {"semusz", 28, 4, true},
			{"semvmx", 32, 4, true}, {"semaem", 36, 4, true}})
	}}
)

// semctlIndirect is the semctl of i386's ipc multiplexer: its fourth
// argument points to the union semun, whose pointer (when the call
// takes one) prints as [0x...].
var semctlIndirect = func() *ipcCtl {
	k := *semctl
	k.indirect = true
	return &k
}()

// decSemctlIndirect prints ipc's semctl.
func decSemctlIndirect(c *ctx) {
	if !c.exiting {
		// The union's pointer, read at entry and kept for the exit.
		if b := c.mem(4); printers.ReadFull(c.m, c.a[3], b) == nil {
			c.save(uint64(le32(b)), 1)
		}
	}
	if p, ok, _ := c.saved(); ok == 1 {
		c.fixed = *c.a
		c.fixed[3] = p
		c.a = &c.fixed
		semctlIndirect.dec(c)
		return
	}
	semctl.dec(c) // (its address unreadable: printed)
}

func decMsgctl(c *ctx) { msgctl.dec(c) }
func decShmctl(c *ctx) { shmctl.dec(c) }
func decSemctl(c *ctx) { semctl.dec(c) }
