package windows

import (
	"encoding/binary"

	"github.com/guestrace/guestrace/pkg/printers"
)

var (
	fileAttributes = newXlat([]xe{
		{0x1, "FILE_ATTRIBUTE_READONLY"}, {0x2, "FILE_ATTRIBUTE_HIDDEN"}, {0x4, "FILE_ATTRIBUTE_SYSTEM"},
		{0x10, "FILE_ATTRIBUTE_DIRECTORY"}, {0x20, "FILE_ATTRIBUTE_ARCHIVE"}, {0x40, "FILE_ATTRIBUTE_DEVICE"},
		{0x80, "FILE_ATTRIBUTE_NORMAL"}, {0x100, "FILE_ATTRIBUTE_TEMPORARY"}, {0x200, "FILE_ATTRIBUTE_SPARSE_FILE"},
		{0x400, "FILE_ATTRIBUTE_REPARSE_POINT"}, {0x800, "FILE_ATTRIBUTE_COMPRESSED"}, {0x1000, "FILE_ATTRIBUTE_OFFLINE"},
		{0x2000, "FILE_ATTRIBUTE_NOT_CONTENT_INDEXED"}, {0x4000, "FILE_ATTRIBUTE_ENCRYPTED"},
	})
	shareAccess = newXlat([]xe{
		{0x1, "FILE_SHARE_READ"}, {0x2, "FILE_SHARE_WRITE"}, {0x4, "FILE_SHARE_DELETE"},
	})
	createDisposition = newSorted([]xe{
		{0, "FILE_SUPERSEDE"}, {1, "FILE_OPEN"}, {2, "FILE_CREATE"},
		{3, "FILE_OPEN_IF"}, {4, "FILE_OVERWRITE"}, {5, "FILE_OVERWRITE_IF"},
	})
	createOptions = newXlat([]xe{
		{0x1, "FILE_DIRECTORY_FILE"}, {0x2, "FILE_WRITE_THROUGH"}, {0x4, "FILE_SEQUENTIAL_ONLY"},
		{0x8, "FILE_NO_INTERMEDIATE_BUFFERING"}, {0x10, "FILE_SYNCHRONOUS_IO_ALERT"},
		{0x20, "FILE_SYNCHRONOUS_IO_NONALERT"}, {0x40, "FILE_NON_DIRECTORY_FILE"},
		{0x80, "FILE_CREATE_TREE_CONNECTION"}, {0x100, "FILE_COMPLETE_IF_OPLOCKED"},
		{0x200, "FILE_NO_EA_KNOWLEDGE"}, {0x400, "FILE_OPEN_REMOTE_INSTANCE"}, {0x800, "FILE_RANDOM_ACCESS"},
		{0x1000, "FILE_DELETE_ON_CLOSE"}, {0x2000, "FILE_OPEN_BY_FILE_ID"}, {0x4000, "FILE_OPEN_FOR_BACKUP_INTENT"},
		{0x8000, "FILE_NO_COMPRESSION"}, {0x10000, "FILE_OPEN_REQUIRING_OPLOCK"},
		{0x100000, "FILE_RESERVE_OPFILTER"}, {0x200000, "FILE_OPEN_REPARSE_POINT"},
		{0x400000, "FILE_OPEN_NO_RECALL"}, {0x800000, "FILE_OPEN_FOR_FREE_SPACE_QUERY"},
	})
	// Information of an IO_STATUS_BLOCK after a create or open.
	createResult = newSorted([]xe{
		{0, "FILE_SUPERSEDED"}, {1, "FILE_OPENED"}, {2, "FILE_CREATED"},
		{3, "FILE_OVERWRITTEN"}, {4, "FILE_EXISTS"}, {5, "FILE_DOES_NOT_EXIST"},
	})
	fileInfoClass = newSorted([]xe{
		{1, "FileDirectoryInformation"}, {2, "FileFullDirectoryInformation"}, {3, "FileBothDirectoryInformation"},
		{4, "FileBasicInformation"}, {5, "FileStandardInformation"}, {6, "FileInternalInformation"},
		{7, "FileEaInformation"}, {8, "FileAccessInformation"}, {9, "FileNameInformation"},
		{10, "FileRenameInformation"}, {11, "FileLinkInformation"}, {12, "FileNamesInformation"},
		{13, "FileDispositionInformation"}, {14, "FilePositionInformation"}, {15, "FileFullEaInformation"},
		{16, "FileModeInformation"}, {17, "FileAlignmentInformation"}, {18, "FileAllInformation"},
		{19, "FileAllocationInformation"}, {20, "FileEndOfFileInformation"}, {21, "FileAlternateNameInformation"},
		{22, "FileStreamInformation"}, {23, "FilePipeInformation"}, {24, "FilePipeLocalInformation"},
		{25, "FilePipeRemoteInformation"}, {26, "FileMailslotQueryInformation"}, {27, "FileMailslotSetInformation"},
		{28, "FileCompressionInformation"}, {29, "FileObjectIdInformation"}, {30, "FileCompletionInformation"},
		{31, "FileMoveClusterInformation"}, {32, "FileQuotaInformation"}, {33, "FileReparsePointInformation"},
		{34, "FileNetworkOpenInformation"}, {35, "FileAttributeTagInformation"}, {36, "FileTrackingInformation"},
		{37, "FileIdBothDirectoryInformation"}, {38, "FileIdFullDirectoryInformation"},
		{39, "FileValidDataLengthInformation"}, {40, "FileShortNameInformation"},
		{41, "FileIoCompletionNotificationInformation"}, {42, "FileIoStatusBlockRangeInformation"},
		{43, "FileIoPriorityHintInformation"}, {44, "FileSfioReserveInformation"}, {45, "FileSfioVolumeInformation"},
		{46, "FileHardLinkInformation"}, {47, "FileProcessIdsUsingFileInformation"},
		{48, "FileNormalizedNameInformation"}, {49, "FileNetworkPhysicalNameInformation"},
		{50, "FileIdGlobalTxDirectoryInformation"}, {51, "FileIsRemoteDeviceInformation"},
		{52, "FileUnusedInformation"}, {53, "FileNumaNodeInformation"}, {54, "FileStandardLinkInformation"},
		{55, "FileRemoteProtocolInformation"}, {56, "FileRenameInformationBypassAccessCheck"},
		{57, "FileLinkInformationBypassAccessCheck"}, {58, "FileVolumeNameInformation"},
		{59, "FileIdInformation"}, {60, "FileIdExtdDirectoryInformation"}, {61, "FileReplaceCompletionInformation"},
		{62, "FileHardLinkFullIdInformation"}, {63, "FileIdExtdBothDirectoryInformation"},
		{64, "FileDispositionInformationEx"}, {65, "FileRenameInformationEx"},
		{66, "FileRenameInformationExBypassAccessCheck"}, {67, "FileDesiredStorageClassInformation"},
		{68, "FileStatInformation"}, {69, "FileMemoryPartitionInformation"}, {70, "FileStatLxInformation"},
		{71, "FileCaseSensitiveInformation"}, {72, "FileLinkInformationEx"},
	})
	fsInfoClass = newSorted([]xe{
		{1, "FileFsVolumeInformation"}, {2, "FileFsLabelInformation"}, {3, "FileFsSizeInformation"},
		{4, "FileFsDeviceInformation"}, {5, "FileFsAttributeInformation"}, {6, "FileFsControlInformation"},
		{7, "FileFsFullSizeInformation"}, {8, "FileFsObjectIdInformation"}, {9, "FileFsDriverPathInformation"},
		{10, "FileFsVolumeFlagsInformation"}, {11, "FileFsSectorSizeInformation"}, {12, "FileFsDataCopyInformation"},
		{13, "FileFsMetadataSizeInformation"}, {14, "FileFsFullSizeInformationEx"},
	})
	// Control codes analysts meet first; the others print in hex.
	ioControlCodes = newXlat([]xe{
		{0x90018, "FSCTL_LOCK_VOLUME"}, {0x9001c, "FSCTL_UNLOCK_VOLUME"}, {0x90020, "FSCTL_DISMOUNT_VOLUME"},
		{0x900a4, "FSCTL_SET_REPARSE_POINT"}, {0x900a8, "FSCTL_GET_REPARSE_POINT"},
		{0x900ac, "FSCTL_DELETE_REPARSE_POINT"}, {0x9c040, "FSCTL_SET_COMPRESSION"},
		{0x110004, "FSCTL_PIPE_DISCONNECT"}, {0x110008, "FSCTL_PIPE_LISTEN"}, {0x11400c, "FSCTL_PIPE_PEEK"},
		{0x11c017, "FSCTL_PIPE_TRANSCEIVE"}, {0x110018, "FSCTL_PIPE_WAIT"}, {0x11001c, "FSCTL_PIPE_IMPERSONATE"},
		{0x12003, "IOCTL_AFD_BIND"}, {0x12007, "IOCTL_AFD_CONNECT"}, {0x1200b, "IOCTL_AFD_START_LISTEN"},
		{0x12017, "IOCTL_AFD_RECV"}, {0x1201b, "IOCTL_AFD_RECV_DATAGRAM"}, {0x1201f, "IOCTL_AFD_SEND"},
		{0x12023, "IOCTL_AFD_SEND_DATAGRAM"}, {0x12024, "IOCTL_AFD_SELECT"},
		{0x2d1400, "IOCTL_STORAGE_QUERY_PROPERTY"}, {0x70000, "IOCTL_DISK_GET_DRIVE_GEOMETRY"},
		{0x560000, "IOCTL_VOLUME_GET_VOLUME_DISK_EXTENTS"},
	})
	completionFilter = newXlat([]xe{
		{0x1, "FILE_NOTIFY_CHANGE_FILE_NAME"}, {0x2, "FILE_NOTIFY_CHANGE_DIR_NAME"},
		{0x4, "FILE_NOTIFY_CHANGE_ATTRIBUTES"}, {0x8, "FILE_NOTIFY_CHANGE_SIZE"},
		{0x10, "FILE_NOTIFY_CHANGE_LAST_WRITE"}, {0x20, "FILE_NOTIFY_CHANGE_LAST_ACCESS"},
		{0x40, "FILE_NOTIFY_CHANGE_CREATION"}, {0x80, "FILE_NOTIFY_CHANGE_EA"},
		{0x100, "FILE_NOTIFY_CHANGE_SECURITY"}, {0x200, "FILE_NOTIFY_CHANGE_STREAM_NAME"},
		{0x400, "FILE_NOTIFY_CHANGE_STREAM_SIZE"}, {0x800, "FILE_NOTIFY_CHANGE_STREAM_WRITE"},
	})
	// NamedPipeType holds flags: the type, and whether remote clients
	// are rejected.
	pipeType = newXlat([]xe{
		{0, "FILE_PIPE_BYTE_STREAM_TYPE"}, {1, "FILE_PIPE_MESSAGE_TYPE"}, {2, "FILE_PIPE_REJECT_REMOTE_CLIENTS"},
	})
	pipeReadMode = newSorted([]xe{
		{0, "FILE_PIPE_BYTE_STREAM_MODE"}, {1, "FILE_PIPE_MESSAGE_MODE"},
	})
	pipeCompletion = newSorted([]xe{
		{0, "FILE_PIPE_QUEUE_OPERATION"}, {1, "FILE_PIPE_COMPLETE_OPERATION"},
	})
	dispositionFlags = newXlat([]xe{
		{0x1, "FILE_DISPOSITION_DELETE"}, {0x2, "FILE_DISPOSITION_POSIX_SEMANTICS"},
		{0x4, "FILE_DISPOSITION_FORCE_IMAGE_SECTION_CHECK"}, {0x8, "FILE_DISPOSITION_ON_CLOSE"},
		{0x10, "FILE_DISPOSITION_IGNORE_READONLY_ATTRIBUTE"},
	})
	renameFlags = newXlat([]xe{
		{0x1, "FILE_RENAME_REPLACE_IF_EXISTS"}, {0x2, "FILE_RENAME_POSIX_SEMANTICS"},
		{0x4, "FILE_RENAME_SUPPRESS_PIN_STATE_INHERITANCE"}, {0x8, "FILE_RENAME_SUPPRESS_STORAGE_RESERVE_INHERITANCE"},
		{0x40, "FILE_RENAME_IGNORE_READONLY_ATTRIBUTE"},
	})
)

// appendIosb prints an IO_STATUS_BLOCK the kernel filled:
// {Status=STATUS_SUCCESS, Information=FILE_OPENED}.
func (c *ctx) appendIosb(b []byte, va uint64, info *printers.Xlat) []byte {
	var io [16]byte
	if !c.read(va, io[:]) {
		return printers.AppendPtr(b, va)
	}
	b = append(b, "{Status="...)
	b = AppendStatus(b, binary.LittleEndian.Uint32(io[0:]))
	b = append(b, ", Information="...)
	n := binary.LittleEndian.Uint64(io[8:])
	if info != nil {
		b = printers.AppendXvalBase(b, info, n, "", printers.Unsigned)
	} else {
		b = printers.AppendUint(b, n)
	}
	return append(b, '}')
}

// File information classes decoded for NtSetInformationFile: what malware
// does with files besides writing them (deleting, renaming, truncating,
// hiding them).
const (
	fileBasicInformation         = 4
	fileRenameInformation        = 10
	fileDispositionInformation   = 13
	fileEndOfFileInformation     = 20
	fileDispositionInformationEx = 64
	fileRenameInformationEx      = 65
)

// appendFileInfo prints a FileInformation buffer of class cls and length n.
func (c *ctx) appendFileInfo(b []byte, va uint64, cls uint32, n uint64) []byte {
	var buf [40]byte
	need := map[uint32]int{fileBasicInformation: 40, fileRenameInformation: 20, fileRenameInformationEx: 20,
		fileDispositionInformation: 1, fileDispositionInformationEx: 4, fileEndOfFileInformation: 8}[cls]
	if need == 0 || n < uint64(need) || !c.read(va, buf[:need]) {
		return printers.AppendPtr(b, va)
	}
	switch cls {
	case fileBasicInformation:
		b = append(b, "{FileAttributes="...)
		b = appendFlags(b, fileAttributes, uint64(binary.LittleEndian.Uint32(buf[32:])))
	case fileRenameInformation, fileRenameInformationEx:
		if cls == fileRenameInformation {
			b = append(b, "{ReplaceIfExists="...)
			b = appendBool(b, uint64(buf[0]))
		} else {
			b = append(b, "{Flags="...)
			b = appendFlags(b, renameFlags, uint64(binary.LittleEndian.Uint32(buf[0:])))
		}
		b = append(b, ", RootDirectory="...)
		b = appendHandle(b, binary.LittleEndian.Uint64(buf[8:]))
		b = append(b, ", FileName="...)
		// FileNameLength bytes of UTF-16 follow at offset 20, inside n.
		l := uint64(binary.LittleEndian.Uint32(buf[16:]))
		l = min(l, n-20) / 2
		b = c.appendUTF16(b, va+20, int(l), maxName)
	case fileDispositionInformation:
		b = append(b, "{DeleteFile="...)
		b = appendBool(b, uint64(buf[0]))
	case fileDispositionInformationEx:
		b = append(b, "{Flags="...)
		b = appendFlags(b, dispositionFlags, uint64(binary.LittleEndian.Uint32(buf[0:])))
	case fileEndOfFileInformation:
		b = append(b, "{EndOfFile="...)
		b = printers.AppendInt(b, int64(binary.LittleEndian.Uint64(buf[0:])))
	}
	return append(b, '}')
}
