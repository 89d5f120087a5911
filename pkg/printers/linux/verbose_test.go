package linux

import (
	"encoding/binary"
	"testing"
	"time"

	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/stretchr/testify/assert"
)

// memAt builds a fake memory holding data at base.
func memAt(base uint64, data []byte) flatMem { return flatMem{base, data} }

func put64(b []byte, off int, v uint64) { binary.LittleEndian.PutUint64(b[off:], v) }
func put32(b []byte, off int, v uint32) { binary.LittleEndian.PutUint32(b[off:], v) }
func put16(b []byte, off int, v uint16) { binary.LittleEndian.PutUint16(b[off:], v) }

// TestVerbose checks structures strace -v prints whole; the expected lines
// are strace 6.1's for the same values (strace -v -s 8, TZ unset).
func TestVerbose(t *testing.T) {
	old := time.Local
	time.Local = time.UTC
	defer func() { time.Local = old }()
	o := &printers.Options{StringLimit: 8, Verbose: true}
	line := func(name string, args [6]uint64, ret int64, m printers.Mem) string {
		s := lookup(t, name)
		return string(s.Exit(s.Enter(nil, &args, m, o), &args, ret, m, o))
	}

	st := make([]byte, 144)
	put64(st, 0, 0xfe00)
	put64(st, 8, 10002436)
	put64(st, 16, 1)
	put32(st, 24, 0o100600)
	put64(st, 56, 4096)
	put64(st, 64, 8)
	put64(st, 48, 16)
	put64(st, 72, 1700000000)
	put64(st, 88, 1600000000)
	put64(st, 104, 1795906248)
	put64(st, 112, 607843462)
	assert.Equal(t, "fstat(3, {st_dev=makedev(0xfe, 0), st_ino=10002436, st_mode=S_IFREG|0600, st_nlink=1, st_uid=0, st_gid=0, st_blksize=4096, st_blocks=8, st_size=16, st_atime=1700000000 /* 2023-11-14T22:13:20+0000 */, st_atime_nsec=0, st_mtime=1600000000 /* 2020-09-13T12:26:40+0000 */, st_mtime_nsec=0, st_ctime=1795906248 /* 2026-11-28T22:50:48.607843462+0000 */, st_ctime_nsec=607843462}) = 0",
		line("fstat", [6]uint64{3, 0x1000}, 0, memAt(0x1000, st)))

	stx := make([]byte, 256)
	put32(stx, 0, 0x17ff)
	put32(stx, 4, 4096)
	put32(stx, 16, 1)
	put16(stx, 28, 0o100600)
	put64(stx, 32, 10002436)
	put64(stx, 40, 16)
	put64(stx, 48, 8)
	put64(stx, 56, 0x303874)
	put64(stx, 64, 1700000000)
	put64(stx, 96, 1795906248)
	put32(stx, 104, 607843462)
	put64(stx, 112, 1600000000)
	put32(stx, 136, 254)
	put64(stx, 144, 0x1a)
	mem := append([]byte("file\x00\x00\x00\x00"), stx...)
	assert.Equal(t, `statx(AT_FDCWD, "file", AT_STATX_SYNC_AS_STAT, STATX_TYPE|STATX_MODE|STATX_MTIME|STATX_SIZE, {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_blksize=4096, stx_attributes=0, stx_nlink=1, stx_uid=0, stx_gid=0, stx_mode=S_IFREG|0600, stx_ino=10002436, stx_size=16, stx_blocks=8, stx_attributes_mask=STATX_ATTR_COMPRESSED|STATX_ATTR_IMMUTABLE|STATX_ATTR_APPEND|STATX_ATTR_NODUMP|STATX_ATTR_ENCRYPTED|STATX_ATTR_AUTOMOUNT|STATX_ATTR_MOUNT_ROOT|STATX_ATTR_VERITY|STATX_ATTR_DAX, stx_atime={tv_sec=1700000000, tv_nsec=0} /* 2023-11-14T22:13:20+0000 */, stx_ctime={tv_sec=1795906248, tv_nsec=607843462} /* 2026-11-28T22:50:48.607843462+0000 */, stx_mtime={tv_sec=1600000000, tv_nsec=0} /* 2020-09-13T12:26:40+0000 */, stx_rdev_major=0, stx_rdev_minor=0, stx_dev_major=254, stx_dev_minor=0, stx_mnt_id=0x1a}) = 0`,
		line("statx", [6]uint64{uint64(1<<64 - 100), 0x1000, 0, 0x243, 0x1008}, 0, memAt(0x1000, mem)))

	var d []byte
	dent := func(ino, off uint64, reclen int, typ byte, name string) {
		e := make([]byte, reclen)
		put64(e, 0, ino)
		put64(e, 8, off)
		put16(e, 16, uint16(reclen))
		e[18] = typ
		copy(e[19:], name)
		d = append(d, e...)
	}
	dent(10002453, 6357504699377170974, 24, 4, ".")
	dent(10002459, 8124492435173706948, 24, 4, "..")
	dent(10002454, 9223372036854775807, 48, 10, "link-with-a-long-name")
	assert.Equal(t, `getdents64(3, [{d_ino=10002453, d_off=6357504699377170974, d_reclen=24, d_type=DT_DIR, d_name="."}, {d_ino=10002459, d_off=8124492435173706948, d_reclen=24, d_type=DT_DIR, d_name=".."}, {d_ino=10002454, d_off=9223372036854775807, d_reclen=48, d_type=DT_LNK, d_name="link-with-a-long-name"}], 4096) = 96`,
		line("getdents64", [6]uint64{3, 0x1000, 4096}, 96, memAt(0x1000, d)))
	assert.Equal(t, `getdents64(3, [], 4096)                 = 0`,
		line("getdents64", [6]uint64{3, 0x1000, 4096}, 0, memAt(0x1000, d)))

	// Without -v: the address and the number of entries.
	s := lookup(t, "getdents64")
	args := [6]uint64{3, 0x1000, 4096}
	assert.Equal(t, `getdents64(3, 0x1000 /* 3 entries */, 4096) = 96`,
		string(s.Exit(s.Enter(nil, &args, memAt(0x1000, d), nil), &args, 96, memAt(0x1000, d), nil)))
}
