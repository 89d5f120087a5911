package linux

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/guestrace/guestrace/pkg/printers"
)

// TestMountAPIFlags: the flags of the mount API, io_uring_enter and
// kexec_file_load, as strace 6.1 printed these calls.
func TestMountAPIFlags(t *testing.T) {
	o := &printers.Options{Column: -1}
	for _, c := range []struct {
		name string
		args func(m *rowMem) [6]uint64
		ret  int64
		want string
	}{
		{"fsopen", func(m *rowMem) [6]uint64 { return [6]uint64{m.str("ext4"), 1} }, 3,
			`fsopen("ext4", FSOPEN_CLOEXEC) = 3`},
		{"fsmount", func(m *rowMem) [6]uint64 { return [6]uint64{1<<64 - 1, 1, 0} }, -9,
			`fsmount(-1, FSMOUNT_CLOEXEC, 0) = -1 EBADF (Bad file descriptor)`},
		{"fspick", func(m *rowMem) [6]uint64 { return [6]uint64{atFDCWD64, m.str("/nonexistent-x"), 0xf} }, -2,
			`fspick(AT_FDCWD, "/nonexistent-x", FSPICK_CLOEXEC|FSPICK_SYMLINK_NOFOLLOW|FSPICK_NO_AUTOMOUNT|FSPICK_EMPTY_PATH) = -1 ENOENT (No such file or directory)`},
		{"move_mount", func(m *rowMem) [6]uint64 { return [6]uint64{1<<64 - 1, m.str(""), 1<<64 - 1, m.str(""), 0x377} }, -22,
			`move_mount(-1, "", -1, "", MOVE_MOUNT_F_SYMLINKS|MOVE_MOUNT_F_AUTOMOUNTS|MOVE_MOUNT_F_EMPTY_PATH|MOVE_MOUNT_T_SYMLINKS|MOVE_MOUNT_T_AUTOMOUNTS|MOVE_MOUNT_T_EMPTY_PATH|MOVE_MOUNT_SET_GROUP|0x200) = -1 EINVAL (Invalid argument)`},
		{"io_uring_enter", func(m *rowMem) [6]uint64 { return [6]uint64{1<<64 - 1, 0, 0, 0x1f, 0, 0} }, -22,
			`io_uring_enter(-1, 0, 0, IORING_ENTER_GETEVENTS|IORING_ENTER_SQ_WAKEUP|IORING_ENTER_SQ_WAIT|IORING_ENTER_EXT_ARG|IORING_ENTER_REGISTERED_RING, NULL, 0) = -1 EINVAL (Invalid argument)`},
		{"kexec_file_load", func(m *rowMem) [6]uint64 { return [6]uint64{1<<64 - 1, 1<<64 - 1, 0, m.str(""), 6} }, -38,
			`kexec_file_load(-1, -1, 0, "", KEXEC_FILE_ON_CRASH|KEXEC_FILE_NO_INITRAMFS) = -1 ENOSYS (Function not implemented)`},
		{"fsconfig", func(m *rowMem) [6]uint64 { return [6]uint64{1<<64 - 1, 1, m.str("key"), 0, 0} }, -22,
			`fsconfig(-1, FSCONFIG_SET_STRING, "key", NULL, 0) = -1 EINVAL (Invalid argument)`},
		{"fsconfig", func(m *rowMem) [6]uint64 { return [6]uint64{1<<64 - 1, 6, 0, 0, 0} }, -22,
			`fsconfig(-1, FSCONFIG_CMD_CREATE, NULL, NULL, 0) = -1 EINVAL (Invalid argument)`},
	} {
		m := &rowMem{flatMem: flatMem{base: rowMemBase}}
		args := c.args(m)
		s := lookup(t, c.name)
		got := s.Exit(s.Enter(nil, &args, m, o), &args, c.ret, m, o)
		assert.Equal(t, c.want, string(got))
	}
}
