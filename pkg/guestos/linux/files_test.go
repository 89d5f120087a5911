package linux

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/isf"
)

// Offsets of the file structures in Debian's 6.1 kernel (its BTF).
const (
	offFiles, offFS            = 0xbe8, 0xbe0 // task_struct
	offRoot, offPwd            = 24, 40       // fs_struct
	offFdt                     = 32           // files_struct
	offMaxFDs, offFD           = 0, 8         // fdtable
	offFPath, offFInode        = 16, 32       // file
	offDHash, offDParent       = 8, 24        // dentry (d_hash.pprev at +8)
	offDName, offDOp           = 32, 96       // dentry (qstr: len at +4, name at +8)
	offMntParent, offMntPoint  = 16, 24       // mount
	offMntVFS                  = 32           // mount.mnt (vfsmount: mnt_root at 0)
	offIMode, offIIno, offRdev = 0, 64, 76    // inode

	physFiles                             = 0x14000000
	linkSockOps, linkPipeOps, linkAnonOps = linkDataSym + 0x200, linkDataSym + 0x300, linkDataSym + 0x400
)

// fileGuest adds a file table to a synthetic guest: /tmp is a mount of
// its own, and the task sh has descriptors 3 (/tmp/gt/a), 4 (/dev/null),
// 5 (a socket), 6 (a memfd), 7 (an unlinked /tmp/gt/b); its working
// directory is /tmp/gt.
type fileGuest struct {
	s               *synth
	next            uint64 // direct-map bump allocator
	fdArr           uint64
	rootMnt, tmpMnt uint64 // struct mount
	gt, a           uint64 // dentries
	task            *task
}

func (g *fileGuest) alloc(n uint64) uint64 {
	va := g.next
	g.next += (n + 63) &^ 63
	return va
}

func (g *fileGuest) put64(va, v uint64)        { g.s.m.Put64(va-g.s.pob, v) }
func (g *fileGuest) put32(va uint64, v uint32) { g.s.m.Put32(va-g.s.pob, v) }

// dentry makes a dentry named name under parent (0: its own root).
func (g *fileGuest) dentry(name string, parent uint64) uint64 {
	d := g.alloc(192)
	if parent == 0 {
		parent = d
	}
	g.put64(d+offDParent, parent)
	g.put64(d+offDHash+8, d+0x1000) // hashed
	str := g.alloc(uint64(len(name)) + 1)
	g.s.m.MustWrite(str-g.s.pob, []byte(name))
	g.put32(d+offDName+4, uint32(len(name)))
	g.put64(d+offDName+8, str)
	return d
}

func (g *fileGuest) mount(root, parent, point uint64) uint64 {
	m := g.alloc(320)
	if parent == 0 {
		parent = m
	}
	g.put64(m+offMntParent, parent)
	g.put64(m+offMntPoint, point)
	g.put64(m+offMntVFS, root)
	return m
}

// file makes descriptor fd a file at (mnt, dentry) with an inode.
func (g *fileGuest) file(fd int, mnt, dentry uint64, mode uint32, ino uint64, rdev uint32) {
	f, in := g.alloc(232), g.alloc(632)
	g.put64(f+offFPath, mnt+offMntVFS)
	g.put64(f+offFPath+8, dentry)
	g.put64(f+offFInode, in)
	g.put32(in+offIMode, mode)
	g.put64(in+offIIno, ino)
	g.put32(in+offRdev, rdev)
	g.put64(g.fdArr+8*uint64(fd), f)
}

func newFileGuest(t testing.TB) (*fileGuest, *Linux) {
	s := newSynth(t, false, 0x1e200000)
	addFileTypes(s.profile)
	g := &fileGuest{s: s, next: s.pob + physFiles, task: s.tasks[2]}

	root := g.dentry("/", 0)
	tmp := g.dentry("tmp", root)
	dev := g.dentry("dev", root)
	null := g.dentry("null", dev)
	g.rootMnt = g.mount(root, 0, 0)
	tmpRoot := g.dentry("/", 0)
	g.tmpMnt = g.mount(tmpRoot, g.rootMnt, tmp)
	g.gt = g.dentry("gt", tmpRoot)
	g.a = g.dentry("a", g.gt)
	b := g.dentry("b", g.gt)
	g.put64(b+offDHash+8, 0) // unlinked
	sock := g.dentry("", 0)
	g.put64(sock+offDOp, linkSockOps+s.slide)
	sockMnt := g.mount(sock, 0, 0)
	memfd := g.dentry("memfd:x", 0)
	memMnt := g.mount(g.dentry("/", 0), 0, 0)

	files, fdt := g.alloc(704), g.alloc(56)
	g.fdArr = g.alloc(8 * 64)
	tk := s.taskPhys(g.task)
	s.m.Put64(tk+offFiles, files)
	g.put64(files+offFdt, fdt)
	g.put32(fdt+offMaxFDs, 64)
	g.put64(fdt+offFD, g.fdArr)
	g.file(3, g.tmpMnt, g.a, 0o100644, 11, 0)
	g.file(4, g.rootMnt, null, 0o20666, 12, 1<<20|3)
	g.file(5, sockMnt, sock, 0o140777, 4242, 0)
	g.file(6, memMnt, memfd, 0o100600, 13, 0)
	g.file(7, g.tmpMnt, b, 0o100644, 14, 0)
	fs := g.alloc(64)
	s.m.Put64(tk+offFS, fs)
	g.put64(fs+offPwd, g.tmpMnt+offMntVFS)
	g.put64(fs+offPwd+8, g.gt)

	l, err := Attach(s.target, s.profile)
	require.NoError(t, err)
	return g, l
}

func addFileTypes(p *isf.Profile) {
	f := func(pairs ...any) map[string]isf.Field {
		m := map[string]isf.Field{}
		for i := 0; i < len(pairs); i += 2 {
			m[pairs[i].(string)] = isf.Field{Offset: uint64(pairs[i+1].(int))}
		}
		return m
	}
	tf := p.UserTypes["task_struct"].Fields
	tf["files"] = isf.Field{Offset: offFiles}
	tf["fs"] = isf.Field{Offset: offFS}
	for name, fields := range map[string]map[string]isf.Field{
		"fs_struct":    f("root", offRoot, "pwd", offPwd),
		"files_struct": f("fdt", offFdt),
		"fdtable":      f("max_fds", offMaxFDs, "fd", offFD),
		"file":         f("f_path", offFPath, "f_inode", offFInode),
		"path":         f("mnt", 0, "dentry", 8),
		"dentry":       f("d_hash", offDHash, "d_parent", offDParent, "d_name", offDName, "d_op", offDOp),
		"qstr":         f("len", 4, "name", 8),
		"mount":        f("mnt_parent", offMntParent, "mnt_mountpoint", offMntPoint, "mnt", offMntVFS),
		"vfsmount":     f("mnt_root", 0),
		"inode":        f("i_mode", offIMode, "i_ino", offIIno, "i_rdev", offRdev),
	} {
		p.UserTypes[name] = isf.UserType{Kind: "struct", Size: 1024, Fields: fields}
	}
	p.Symbols["sockfs_dentry_operations"] = isf.Symbol{Address: linkSockOps}
	p.Symbols["pipefs_dentry_operations"] = isf.Symbol{Address: linkPipeOps}
	p.Symbols["anon_inodefs_dentry_operations"] = isf.Symbol{Address: linkAnonOps}
}

func (g *fileGuest) thread() *guestos.Thread {
	return &guestos.Thread{PID: g.task.tgid, TID: g.task.pid, Key: g.task.va}
}

// TestFDPath: paths across a mount, a device, a socket, a memfd, an
// unlinked file and the working directory, as /proc/PID/fd shows them.
func TestFDPath(t *testing.T) {
	g, l := newFileGuest(t)
	for _, tc := range []struct {
		fd      int32
		path    string
		mode    uint32
		rdev    uint32
		deleted bool
	}{
		{3, "/tmp/gt/a", 0o100644, 0, false},
		{4, "/dev/null", 0o20666, 1<<20 | 3, false},
		{5, "socket:[4242]", 0o140777, 0, false},
		{6, "/memfd:x", 0o100600, 0, true},
		{7, "/tmp/gt/b", 0o100644, 0, true},
		{atFDCWD, "/tmp/gt", 0, 0, false},
	} {
		info, err := l.FDPath(g.thread(), tc.fd, nil)
		require.NoError(t, err, "fd %d", tc.fd)
		assert.Equal(t, tc.path, string(info.Path), "fd %d", tc.fd)
		assert.Equal(t, guestos.FDInfo{Path: info.Path, Mode: tc.mode, Rdev: tc.rdev, Deleted: tc.deleted}, info, "fd %d", tc.fd)
	}
	for _, fd := range []int32{2, 64, 1 << 30, -1} {
		_, err := l.FDPath(g.thread(), fd, nil)
		assert.ErrorIs(t, err, guestos.ErrNotOpen, "fd %d", fd)
	}
}

// TestHostileFDPath: loops in the dentry and mount chains, pointers out of
// kernel memory and absurd table sizes end in errors, not hangs.
func TestHostileFDPath(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(g *fileGuest)
		want   error
	}{
		{"dentry loop", func(g *fileGuest) { g.put64(g.gt+offDParent, g.a) }, guestos.ErrBadGuestData},
		{"mount loop", func(g *fileGuest) {
			// / is mounted on /tmp/gt/a: the walk climbs for ever.
			g.put64(g.rootMnt+offMntParent, g.tmpMnt)
			g.put64(g.rootMnt+offMntPoint, g.a)
		}, guestos.ErrBadGuestData},
		{"file pointer", func(g *fileGuest) { g.put64(g.fdArr+3*8, 0x4141414141414141) }, guestos.ErrBadGuestData},
		{"name pointer", func(g *fileGuest) { g.put64(g.a+offDName+8, 0x1000) }, guestos.ErrBadGuestData},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, l := newFileGuest(t)
			tc.change(g)
			_, err := l.FDPath(g.thread(), 3, nil)
			require.Error(t, err)
			assert.True(t, errors.Is(err, tc.want), "%v", err)
		})
	}
	// A name longer than NAME_MAX is cut there.
	g, l := newFileGuest(t)
	g.put32(g.a+offDName+4, 1<<20)
	info, err := l.FDPath(g.thread(), 3, nil)
	require.NoError(t, err)
	assert.Len(t, info.Path, len("/tmp/gt/")+maxNameLen)
}

// FuzzFDPath corrupts the file structures of the synthetic guest (file
// table, files, dentries, mounts, inodes, names) and resolves every
// descriptor and the working directory: no panic, no hang, errors of the
// documented kinds.
func FuzzFDPath(f *testing.F) {
	f.Add([]byte{0x00, 0x18, 8, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41})
	f.Add([]byte{0x01, 0x00, 4, 0xff, 0xff, 0xff, 0x7f})
	f.Fuzz(func(t *testing.T, data []byte) {
		g, l := newFileGuest(t)
		for len(data) >= 3 {
			off := uint64(data[0])<<8 | uint64(data[1])
			n := min(int(data[2]), len(data)-3)
			_ = g.s.m.WritePhys(physFiles+off%0x4000, data[3:3+n])
			data = data[3+n:]
		}
		for _, fd := range []int32{3, 4, 5, 6, 7, 8, atFDCWD} {
			info, err := l.FDPath(g.thread(), fd, nil)
			if err != nil && !errors.Is(err, guestos.ErrUnmapped) && !errors.Is(err, guestos.ErrBadGuestData) && !errors.Is(err, guestos.ErrNotOpen) {
				t.Fatalf("fd %d: unexpected error kind: %v", fd, err)
			}
			if len(info.Path) > pathCap+maxNameLen+1 {
				t.Fatalf("fd %d: path of %d bytes", fd, len(info.Path))
			}
		}
	})
}
