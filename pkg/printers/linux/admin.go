package linux

import "github.com/guestrace/guestrace/pkg/printers"

// System administration calls (reboot, syslog, mount, quotactl,
// sethostname, ustat), kcmp and fanotify_init, as strace prints them.

const linuxRebootCmdRestart2 = 0xa1b2c3d4

func decReboot(c *ctx) {
	if c.exiting {
		return
	}
	c.xval(xBootflags1, uint64(uint32(c.a[0])), "LINUX_REBOOT_MAGIC_???")
	c.sep()
	c.xval(xBootflags2, uint64(uint32(c.a[1])), "LINUX_REBOOT_MAGIC_???")
	c.sep()
	cmd := uint64(uint32(c.a[2]))
	c.xval(xBootflags3, cmd, "LINUX_REBOOT_CMD_???")
	if cmd == linuxRebootCmdRestart2 {
		c.sep()
		c.strZ(c.a[3], min(255, c.limit()))
	}
}

// syslogType prints a syslog action the way strace does, number first:
// 10 /* SYSLOG_ACTION_SIZE_BUFFER */.
func (c *ctx) xvalVerboseD(x *printers.Xlat, v int64, dflt string) {
	c.b = printers.AppendInt(c.b, v)
	name, ok := x.Lookup(uint64(v))
	if !ok {
		name = dflt
	}
	c.b = printers.AppendComment(c.b, name)
}

const (
	syslogActionRead         = 2
	syslogActionReadAll      = 3
	syslogActionReadClear    = 4
	syslogActionConsoleLevel = 8
)

// decSyslog: the actions that ignore the buffer print the type alone;
// the reads print what they read at exit.
func decSyslog(c *ctx) {
	typ := int64(int32(c.a[0]))
	if !c.exiting {
		c.xvalVerboseD(xSyslogActionType, typ, "SYSLOG_ACTION_???")
	}
	switch typ {
	case 0, 1, 5, 6, 7, 9, 10: // close, open, clear, console off/on, sizes
		return
	case syslogActionRead, syslogActionReadAll, syslogActionReadClear:
		if !c.exiting {
			return
		}
		c.sep()
		if c.failed {
			c.ptr(c.a[1])
		} else {
			c.strN(c.a[1], uint64(c.ret))
		}
		c.sep()
		c.int(c.a[2])
		return
	}
	if c.exiting {
		return
	}
	c.sep()
	c.ptr(c.a[1])
	c.sep()
	if typ == syslogActionConsoleLevel {
		c.xvalVerboseD(xSyslogConsoleLevels, int64(int32(c.a[2])), "LOGLEVEL_???")
		return
	}
	c.int(c.a[2])
}

// Mount flags that make mount ignore its type and data.
const (
	msRemount   = 0x20
	msBind      = 0x1000
	msMove      = 0x2000
	msUnbinding = 0x20000 | 0x40000 | 0x80000 | 0x100000 // UNBINDABLE, PRIVATE, SLAVE, SHARED
	msMgcMsk    = 0xffff0000
	msMgcVal    = 0xc0ed0000
)

func decMount(c *ctx) {
	if c.exiting {
		return
	}
	flags := c.a[3]
	oldMagic := flags&msMgcMsk == msMgcVal
	if oldMagic {
		flags &^= msMgcMsk
	}
	ignoreType, ignoreData := false, false
	if flags&msRemount != 0 {
		ignoreType = true
	} else if flags&(msBind|msMove|msUnbinding) != 0 {
		ignoreType, ignoreData = true, true
	}
	c.path(c.a[0])
	c.sep()
	c.path(c.a[1])
	c.sep()
	if ignoreType {
		c.ptr(c.a[2])
	} else {
		c.cstr(c.a[2])
	}
	c.sep()
	if oldMagic {
		c.str("MS_MGC_VAL")
		if flags != 0 {
			c.b = append(c.b, '|')
		}
	}
	if flags != 0 || !oldMagic {
		c.flags(xMountFlags, flags, "MS_???")
	}
	c.sep()
	if ignoreData {
		c.ptr(c.a[4])
	} else {
		c.cstr(c.a[4])
	}
}

// hostname prints sethostname's name: its address when longer than a
// host name can be.
func (c *ctx) hostname(v uint64) {
	const newUtsLen = 64
	if n := uint32(c.a[1]); n > newUtsLen {
		c.ptr(v)
	} else {
		c.strN(v, uint64(n))
	}
}

var aHostname = aInStruct((*ctx).hostname)

// qcmd prints a quotactl command: QCMD(Q_SYNC, USRQUOTA).
func (c *ctx) qcmd(v uint64) {
	v = uint64(uint32(v))
	c.str("QCMD(")
	c.xval(xQuotaCmds, v>>8, "Q_???")
	c.sep()
	c.xval(xQuotatypes, v&0xff, "???QUOTA")
	c.b = append(c.b, ')')
}

const (
	qSync       = 0x800001
	qQuotaon    = 0x800002
	qQuotaoff   = 0x800003
	qXQuotaSync = 0x5807
)

// quotaData prints what follows the command and its target: nothing for
// the commands without data, the format and path for Q_QUOTAON, else the
// id and the address of the data.
func (c *ctx) quotaData(cmd, id, addr uint64) {
	switch cmd {
	case qSync, qQuotaoff, qXQuotaSync:
	case qQuotaon:
		c.sep()
		c.xval(xQuotaFormats, uint64(uint32(id)), "QFMT_VFS_???")
		c.sep()
		c.path(addr)
	default:
		c.sep()
		c.uid(id)
		c.sep()
		c.ptr(addr)
	}
}

func decQuotactl(c *ctx) {
	if c.exiting {
		return
	}
	c.qcmd(c.a[0])
	c.sep()
	c.path(c.a[1])
	c.quotaData(uint64(uint32(c.a[0]))>>8, c.a[2], c.a[3])
}

func decQuotactlFd(c *ctx) {
	if c.exiting {
		return
	}
	c.fd(c.a[0])
	c.sep()
	c.qcmd(c.a[1])
	c.quotaData(uint64(uint32(c.a[1]))>>8, c.a[2], c.a[3])
}

// ustat's device is a 32-bit dev_t.
var aUstatDev = argOf(printers.KindUint, func(c *ctx, v uint64) { c.dev(uint64(uint32(v))) })

const (
	kcmpFile     = 0
	kcmpEpollTfd = 7
)

func decKcmp(c *ctx) {
	if c.exiting {
		return
	}
	c.int(c.a[0])
	c.sep()
	c.int(c.a[1])
	c.sep()
	typ := uint64(uint32(c.a[2]))
	c.xval(xKcmpTypes, typ, "KCMP_???")
	switch typ {
	case kcmpFile:
		c.sep()
		c.fd(c.a[3])
		c.sep()
		c.fd(c.a[4])
	case kcmpEpollTfd:
		c.sep()
		c.fd(c.a[3])
		c.sep()
		if b := c.read(c.a[4], 12); b != nil {
			c.str("{efd=")
			c.fd(uint64(le32(b)))
			c.str(", tfd=")
			c.fd(uint64(le32(b[4:])))
			c.str(", toff=")
			c.ulong(uint64(le32(b[8:])))
			c.b = append(c.b, '}')
		}
	case 1, 2, 3, 4, 5, 6: // FILES, VM, FS, SIGHAND, IO, SYSVSEM
	default:
		c.sep()
		c.hex(c.a[3])
		c.sep()
		c.hex(c.a[4])
	}
}

const fanAllClassBits = 0xc

func (c *ctx) fanInitFlags(v uint64) {
	v = uint64(uint32(v))
	c.xval(xFanClasses, v&fanAllClassBits, "FAN_CLASS_???")
	if rest := v &^ fanAllClassBits; rest != 0 {
		c.b = append(c.b, '|')
		c.flags(xFanInitFlags, rest, "FAN_???")
	}
}

var aFanInitFlags = argOf(printers.KindFlags, (*ctx).fanInitFlags)

// The fsconfig commands.
const (
	fsconfigSetFlag = iota
	fsconfigSetString
	fsconfigSetBinary
	fsconfigSetPath
	fsconfigSetPathEmpty
	fsconfigSetFd
)

func decFsconfig(c *ctx) {
	if c.exiting {
		return
	}
	cmd := uint64(uint32(c.a[1]))
	key, value, aux := c.a[2], c.a[3], int32(c.a[4])
	c.fd(c.a[0])
	c.sep()
	c.xval(xFsconfigCmds, cmd, "FSCONFIG_???")
	c.sep()
	if cmd <= fsconfigSetFd {
		c.strZ(key, min(256, c.limit()))
	} else {
		c.ptr(key)
	}
	c.sep()
	switch cmd {
	case fsconfigSetString:
		c.strZ(value, min(256, c.limit()))
	case fsconfigSetPath, fsconfigSetPathEmpty:
		c.path(value)
	case fsconfigSetBinary:
		if aux >= 0 && aux <= 1<<20 {
			c.strNStyle(value, uint64(aux), true)
			break
		}
		c.ptr(value)
	default:
		c.ptr(value)
	}
	c.sep()
	switch cmd {
	case fsconfigSetPath, fsconfigSetPathEmpty:
		c.dirfd(uint64(uint32(aux)))
	default:
		c.int(uint64(uint32(aux)))
	}
}

// xFsmountAttrFlags are the MOUNT_ATTR_* flags fsmount knows: those of
// xMountAttrFlags before MOUNT_ATTR_IDMAP.
var xFsmountAttrFlags = &printers.Xlat{Entries: xMountAttrFlags.Entries[:7]}
