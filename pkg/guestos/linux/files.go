package linux

import (
	"encoding/binary"
	"fmt"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/x86"
)

// Bounds of the walk from a descriptor to its path: the guest is
// untrusted, so a dentry chain that loops or runs on ends the walk.
const (
	maxPathDepth = 256     // dentries walked up for one path
	maxMountHops = 64      // mounts crossed for one path
	maxNameLen   = 255     // NAME_MAX
	maxFDs       = 1 << 20 // sysctl fs.nr_open's ceiling
	pathCap      = 4096    // PATH_MAX
)

// fileLayout holds the offsets of the structures between a task and the
// path of one of its descriptors, from the profile's types.
type fileLayout struct {
	taskFiles, taskFS         uint64 // task_struct.files, .fs
	fsRoot, fsPwd             uint64 // fs_struct.root, .pwd (struct path)
	filesFdt                  uint64 // files_struct.fdt
	fdtMax, fdtFD             uint64 // fdtable.max_fds, .fd
	filePath, fileInode       uint64 // file.f_path, .f_inode
	pathMnt, pathDentry       uint64 // path.mnt, .dentry
	dParent, dName, dHash     uint64 // dentry.d_parent, .d_name, .d_hash (its pprev follows next)
	dOp                       uint64 // dentry.d_op
	qName, qLen               uint64 // qstr.name, .len
	mntParent, mntPoint       uint64 // mount.mnt_parent, .mnt_mountpoint
	mntVFS, vfsRoot           uint64 // mount.mnt (struct vfsmount), vfsmount.mnt_root
	iMode, iIno, iRdev        uint64 // inode.i_mode, .i_ino, .i_rdev
	sockOps, pipeOps, anonOps uint64 // runtime addresses of the pseudo file systems' dentry_operations (0: unknown)
}

func (l *Linux) readFileLayout() (fileLayout, error) {
	var f fileLayout
	for _, x := range []struct {
		typ, name string
		off       *uint64
	}{
		{"task_struct", "files", &f.taskFiles}, {"task_struct", "fs", &f.taskFS},
		{"fs_struct", "root", &f.fsRoot}, {"fs_struct", "pwd", &f.fsPwd},
		{"files_struct", "fdt", &f.filesFdt},
		{"fdtable", "max_fds", &f.fdtMax}, {"fdtable", "fd", &f.fdtFD},
		{"file", "f_path", &f.filePath}, {"file", "f_inode", &f.fileInode},
		{"path", "mnt", &f.pathMnt}, {"path", "dentry", &f.pathDentry},
		{"dentry", "d_parent", &f.dParent}, {"dentry", "d_name", &f.dName},
		{"dentry", "d_hash", &f.dHash}, {"dentry", "d_op", &f.dOp},
		{"qstr", "name", &f.qName}, {"qstr", "len", &f.qLen},
		{"mount", "mnt_parent", &f.mntParent}, {"mount", "mnt_mountpoint", &f.mntPoint},
		{"mount", "mnt", &f.mntVFS}, {"vfsmount", "mnt_root", &f.vfsRoot},
		{"inode", "i_mode", &f.iMode}, {"inode", "i_ino", &f.iIno}, {"inode", "i_rdev", &f.iRdev},
	} {
		var err error
		if *x.off, err = field(l.p, x.typ, x.name); err != nil {
			return f, err
		}
	}
	f.sockOps, _ = l.Symbol("sockfs_dentry_operations")
	f.pipeOps, _ = l.Symbol("pipefs_dentry_operations")
	f.anonOps, _ = l.Symbol("anon_inodefs_dentry_operations")
	return f, nil
}

// files returns the file layout, read from the profile on first use.
func (l *Linux) files() (*fileLayout, error) {
	if !l.filesRead {
		l.filesRead = true
		l.fl, l.flErr = l.readFileLayout()
	}
	return &l.fl, l.flErr
}

// atFDCWD is the descriptor that names the current directory.
const atFDCWD = -100

var _ guestos.FDPather = (*Linux)(nil)

// FDPath describes descriptor fd of thread th, as /proc/PID/fd/FD would:
// task_struct.files -> fdt -> fd[fd] -> f_path, whose dentry is walked
// up to the root across mounts; sockets, pipes and anonymous inodes are
// named as their file systems name them (socket:[INODE]). AT_FDCWD is the
// current directory. The path is appended to buf. A descriptor that is
// not open is an error wrapping guestos.ErrNotOpen.
func (l *Linux) FDPath(th *guestos.Thread, fd int32, buf []byte) (guestos.FDInfo, error) {
	f, err := l.files()
	if err != nil {
		return guestos.FDInfo{}, err
	}
	task := th.Key
	if !x86.Kernel(task) {
		return guestos.FDInfo{}, fmt.Errorf("task %#x: %w", task, guestos.ErrBadGuestData)
	}
	var mnt, dentry uint64
	if fd == atFDCWD {
		fs, err := l.kptr(task + f.taskFS)
		if err != nil {
			return guestos.FDInfo{}, fmt.Errorf("task_struct.fs: %w", err)
		}
		if mnt, dentry, err = l.path(fs + f.fsPwd); err != nil {
			return guestos.FDInfo{}, err
		}
		return l.describe(f, mnt, dentry, 0, buf)
	}
	file, err := l.fileOf(f, task, fd)
	if err != nil {
		return guestos.FDInfo{}, err
	}
	if mnt, dentry, err = l.path(file + f.filePath); err != nil {
		return guestos.FDInfo{}, err
	}
	inode, err := l.kptr(file + f.fileInode)
	if err != nil {
		return guestos.FDInfo{}, fmt.Errorf("file.f_inode: %w", err)
	}
	return l.describe(f, mnt, dentry, inode, buf)
}

// fileOf is the struct file of descriptor fd in the task's table.
func (l *Linux) fileOf(f *fileLayout, task uint64, fd int32) (uint64, error) {
	if fd < 0 {
		return 0, guestos.ErrNotOpen
	}
	files, err := l.kptr(task + f.taskFiles)
	if err != nil {
		return 0, fmt.Errorf("task_struct.files: %w", err)
	}
	fdt, err := l.kptr(files + f.filesFdt)
	if err != nil {
		return 0, fmt.Errorf("files_struct.fdt: %w", err)
	}
	b := l.small[:4]
	if err := l.kread(fdt+f.fdtMax, b); err != nil {
		return 0, fmt.Errorf("fdtable.max_fds: %w", err)
	}
	if max := binary.LittleEndian.Uint32(b); max > maxFDs || uint32(fd) >= max {
		return 0, guestos.ErrNotOpen
	}
	arr, err := l.kptr(fdt + f.fdtFD)
	if err != nil {
		return 0, fmt.Errorf("fdtable.fd: %w", err)
	}
	slot := arr + 8*uint64(fd)
	if slot < arr {
		return 0, guestos.ErrBadGuestData
	}
	p, err := l.read64(slot)
	if err != nil {
		return 0, fmt.Errorf("fdtable.fd[%d]: %w", fd, err)
	}
	if p == 0 {
		return 0, guestos.ErrNotOpen
	}
	if !x86.Kernel(p) {
		return 0, fmt.Errorf("fdtable.fd[%d] = %#x: %w", fd, p, guestos.ErrBadGuestData)
	}
	return p, nil
}

// path reads a struct path: its vfsmount and dentry.
func (l *Linux) path(at uint64) (mnt, dentry uint64, err error) {
	f := &l.fl
	if mnt, err = l.kptr(at + f.pathMnt); err != nil {
		return 0, 0, fmt.Errorf("path.mnt: %w", err)
	}
	if dentry, err = l.kptr(at + f.pathDentry); err != nil {
		return 0, 0, fmt.Errorf("path.dentry: %w", err)
	}
	return mnt, dentry, nil
}

// describe names the file of (mnt, dentry) and its inode (0: not read).
func (l *Linux) describe(f *fileLayout, mnt, dentry, inode uint64, buf []byte) (guestos.FDInfo, error) {
	info := guestos.FDInfo{Path: buf}
	if inode != 0 {
		var b [4]byte
		if err := l.kread(inode+f.iMode, b[:2]); err != nil {
			return info, fmt.Errorf("inode.i_mode: %w", err)
		}
		info.Mode = uint32(binary.LittleEndian.Uint16(b[:]))
		if err := l.kread(inode+f.iRdev, b[:]); err == nil {
			info.Rdev = binary.LittleEndian.Uint32(b[:])
		}
	}
	// Pseudo file systems name their files themselves (d_op->d_dname).
	op, err := l.read64(dentry + f.dOp)
	if err != nil {
		return info, fmt.Errorf("dentry.d_op: %w", err)
	}
	switch {
	case op == 0:
	case op == f.sockOps || op == f.pipeOps:
		ino, err := l.read64(inode + f.iIno)
		if inode == 0 || err != nil {
			return info, fmt.Errorf("inode.i_ino: %w", guestos.ErrBadGuestData)
		}
		kind := "socket:["
		if op == f.pipeOps {
			kind = "pipe:["
		}
		info.Path = append(info.Path, kind...)
		info.Path = fmt.Appendf(info.Path, "%d]", ino)
		return info, nil
	case op == f.anonOps:
		info.Path = append(info.Path, "anon_inode:"...)
		info.Path, err = l.appendName(info.Path, dentry)
		return info, err
	}
	if info.Deleted, err = l.unlinked(f, dentry); err != nil {
		return info, err
	}
	root, err := l.kptr(mnt + f.vfsRoot)
	if err != nil {
		return info, fmt.Errorf("vfsmount.mnt_root: %w", err)
	}
	parent, err := l.kptr(dentry + f.dParent)
	if err != nil {
		return info, fmt.Errorf("dentry.d_parent: %w", err)
	}
	if parent == dentry && dentry != root {
		// A file made without a name in any directory (memfd's, by
		// alloc_file_pseudo): the kernel's simple_dname gives
		// "/NAME (deleted)".
		info.Path = append(info.Path, '/')
		info.Path, err = l.appendName(info.Path, dentry)
		info.Deleted = true
		return info, err
	}
	info.Path, err = l.appendPath(f, info.Path, mnt, dentry)
	return info, err
}

// appendPath appends the path of dentry under the vfsmount mnt, as the
// kernel's prepend_path builds it: names up to the mount's root, then on
// from the mount point in the parent mount, up to a mount that is its own
// parent.
func (l *Linux) appendPath(f *fileLayout, b []byte, vfs, dentry uint64) ([]byte, error) {
	var names [maxPathDepth]uint64
	n, hops := 0, 0
	var err error
	for {
		root, err := l.kptr(vfs + f.vfsRoot)
		if err != nil {
			return b, fmt.Errorf("vfsmount.mnt_root: %w", err)
		}
		parent, err := l.kptr(dentry + f.dParent)
		if err != nil {
			return b, fmt.Errorf("dentry.d_parent: %w", err)
		}
		if dentry == root || parent == dentry {
			if vfs < f.mntVFS {
				return b, guestos.ErrBadGuestData
			}
			mount := vfs - f.mntVFS
			up, err := l.kptr(mount + f.mntParent)
			if err != nil {
				return b, fmt.Errorf("mount.mnt_parent: %w", err)
			}
			if up == mount || dentry != root {
				break // the global root, or a disconnected tree
			}
			if hops++; hops > maxMountHops {
				return b, fmt.Errorf("more than %d mounts up: %w", maxMountHops, guestos.ErrBadGuestData)
			}
			if dentry, err = l.kptr(mount + f.mntPoint); err != nil {
				return b, fmt.Errorf("mount.mnt_mountpoint: %w", err)
			}
			vfs = up + f.mntVFS
			continue
		}
		if n == len(names) {
			return b, fmt.Errorf("path deeper than %d: %w", maxPathDepth, guestos.ErrBadGuestData)
		}
		names[n] = dentry
		n++
		dentry = parent
	}
	if n == 0 {
		b = append(b, '/')
	}
	start := len(b)
	for i := n - 1; i >= 0; i-- {
		b = append(b, '/')
		if b, err = l.appendName(b, names[i]); err != nil {
			return b, err
		}
		if len(b)-start > pathCap {
			return b[:start+pathCap], nil
		}
	}
	return b, nil
}

// unlinked is the kernel's d_unlinked: the dentry is out of the hash
// (d_hash.pprev is NULL) and not a root.
func (l *Linux) unlinked(f *fileLayout, dentry uint64) (bool, error) {
	pprev, err := l.read64(dentry + f.dHash + 8)
	if err != nil {
		return false, fmt.Errorf("dentry.d_hash: %w", err)
	}
	parent, err := l.kptr(dentry + f.dParent)
	if err != nil {
		return false, fmt.Errorf("dentry.d_parent: %w", err)
	}
	return pprev == 0 && parent != dentry, nil
}

// appendName appends a dentry's name (d_name), at most NAME_MAX bytes.
func (l *Linux) appendName(b []byte, dentry uint64) ([]byte, error) {
	f := &l.fl
	var q [4]byte
	if err := l.kread(dentry+f.dName+f.qLen, q[:]); err != nil {
		return b, fmt.Errorf("dentry.d_name.len: %w", err)
	}
	n := min(binary.LittleEndian.Uint32(q[:]), maxNameLen)
	name, err := l.kptr(dentry + f.dName + f.qName)
	if err != nil {
		return b, fmt.Errorf("dentry.d_name.name: %w", err)
	}
	start := len(b)
	b = append(b, make([]byte, n)...)
	if err := l.kread(name, b[start:]); err != nil {
		return b[:start], fmt.Errorf("dentry name at %#x: %w", name, err)
	}
	return b, nil
}

// kptr reads a kernel pointer that must be a kernel address.
func (l *Linux) kptr(at uint64) (uint64, error) {
	if !x86.Kernel(at) {
		return 0, fmt.Errorf("%#x is not a kernel address: %w", at, guestos.ErrBadGuestData)
	}
	p, err := l.read64(at)
	if err != nil {
		return 0, err
	}
	if !x86.Kernel(p) {
		return 0, fmt.Errorf("pointer %#x at %#x: %w", p, at, guestos.ErrBadGuestData)
	}
	return p, nil
}

// kread reads kernel memory at a kernel address.
func (l *Linux) kread(at uint64, b []byte) error {
	if !x86.Kernel(at) {
		return fmt.Errorf("%#x is not a kernel address: %w", at, guestos.ErrBadGuestData)
	}
	_, err := l.w.ReadVirt(l.kroot, l.la57, at, b)
	return err
}

// Parent fills parent with the process that th's process descends from
// (task_struct.real_parent: for a thread, the parent of whoever cloned
// it), for following children (strace -f).
func (l *Linux) Parent(th *guestos.Thread, parent *guestos.Thread) error {
	if l.lay.realParent == 0 {
		return fmt.Errorf("task_struct.real_parent: %w", guestos.ErrProfileMismatch)
	}
	p, err := l.kptr(th.Key + l.lay.realParent)
	if err != nil {
		return fmt.Errorf("task_struct.real_parent: %w", err)
	}
	return l.readTask(p, parent)
}
