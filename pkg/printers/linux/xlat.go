// Names of Linux UAPI constants, in the order strace prints them: one
// table per constant family, kept by hand (values from the kernel's UAPI
// headers).

package linux

import "github.com/guestrace/guestrace/pkg/printers"

var xOpenAccessModes = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "O_RDONLY"},
	{Val: 0x1, Name: "O_WRONLY"},
	{Val: 0x2, Name: "O_RDWR"},
	{Val: 0x3, Name: "O_ACCMODE"},
}}

var xOpenModeFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x40, Name: "O_CREAT"},
	{Val: 0x80, Name: "O_EXCL"},
	{Val: 0x100, Name: "O_NOCTTY"},
	{Val: 0x200, Name: "O_TRUNC"},
	{Val: 0x400, Name: "O_APPEND"},
	{Val: 0x800, Name: "O_NONBLOCK"},
	{Val: 0x101000, Name: "O_SYNC"},
	{Val: 0x100000, Name: "__O_SYNC"},
	{Val: 0x1000, Name: "O_DSYNC"},
	{Val: 0x4000, Name: "O_DIRECT"},
	{Val: 0x8000, Name: "O_LARGEFILE"},
	{Val: 0x20000, Name: "O_NOFOLLOW"},
	{Val: 0x40000, Name: "O_NOATIME"},
	{Val: 0x80000, Name: "O_CLOEXEC"},
	{Val: 0x200000, Name: "O_PATH"},
	{Val: 0x410000, Name: "O_TMPFILE"},
	{Val: 0x400000, Name: "__O_TMPFILE"},
	{Val: 0x10000, Name: "O_DIRECTORY"},
	{Val: 0x2000, Name: "FASYNC"},
}}

var xAtFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x100, Name: "AT_SYMLINK_NOFOLLOW"},
	{Val: 0x200, Name: "AT_REMOVEDIR"},
	{Val: 0x400, Name: "AT_SYMLINK_FOLLOW"},
	{Val: 0x800, Name: "AT_NO_AUTOMOUNT"},
	{Val: 0x1000, Name: "AT_EMPTY_PATH"},
	{Val: 0x8000, Name: "AT_RECURSIVE"},
}}

var xRenameFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "RENAME_NOREPLACE"},
	{Val: 0x2, Name: "RENAME_EXCHANGE"},
	{Val: 0x4, Name: "RENAME_WHITEOUT"},
}}

var xCloneFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x100, Name: "CLONE_VM"},
	{Val: 0x200, Name: "CLONE_FS"},
	{Val: 0x400, Name: "CLONE_FILES"},
	{Val: 0x800, Name: "CLONE_SIGHAND"},
	{Val: 0x1000, Name: "CLONE_PIDFD"},
	{Val: 0x2000, Name: "CLONE_PTRACE"},
	{Val: 0x4000, Name: "CLONE_VFORK"},
	{Val: 0x8000, Name: "CLONE_PARENT"},
	{Val: 0x10000, Name: "CLONE_THREAD"},
	{Val: 0x20000, Name: "CLONE_NEWNS"},
	{Val: 0x40000, Name: "CLONE_SYSVSEM"},
	{Val: 0x80000, Name: "CLONE_SETTLS"},
	{Val: 0x100000, Name: "CLONE_PARENT_SETTID"},
	{Val: 0x200000, Name: "CLONE_CHILD_CLEARTID"},
	{Val: 0x800000, Name: "CLONE_UNTRACED"},
	{Val: 0x1000000, Name: "CLONE_CHILD_SETTID"},
	{Val: 0x2000000, Name: "CLONE_NEWCGROUP"},
	{Val: 0x4000000, Name: "CLONE_NEWUTS"},
	{Val: 0x8000000, Name: "CLONE_NEWIPC"},
	{Val: 0x10000000, Name: "CLONE_NEWUSER"},
	{Val: 0x20000000, Name: "CLONE_NEWPID"},
	{Val: 0x40000000, Name: "CLONE_NEWNET"},
	{Val: 0x80000000, Name: "CLONE_IO"},
}}

var xClone3Flags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x80, Name: "CLONE_NEWTIME"},
	{Val: 0x100000000, Name: "CLONE_CLEAR_SIGHAND"},
	{Val: 0x200000000, Name: "CLONE_INTO_CGROUP"},
}}

var xWait4Options = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "WNOHANG"},
	{Val: 0x4, Name: "WEXITED"},
	{Val: 0x2, Name: "WSTOPPED"},
	{Val: 0x8, Name: "WCONTINUED"},
	{Val: 0x1000000, Name: "WNOWAIT"},
	{Val: 0x80000000, Name: "__WCLONE"},
	{Val: 0x40000000, Name: "__WALL"},
	{Val: 0x20000000, Name: "__WNOTHREAD"},
}}

var xAddrfams = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "AF_UNSPEC"},
	{Val: 0x1, Name: "AF_UNIX"},
	{Val: 0x2, Name: "AF_INET"},
	{Val: 0x3, Name: "AF_AX25"},
	{Val: 0x4, Name: "AF_IPX"},
	{Val: 0x5, Name: "AF_APPLETALK"},
	{Val: 0x6, Name: "AF_NETROM"},
	{Val: 0x7, Name: "AF_BRIDGE"},
	{Val: 0x8, Name: "AF_ATMPVC"},
	{Val: 0x9, Name: "AF_X25"},
	{Val: 0xa, Name: "AF_INET6"},
	{Val: 0xb, Name: "AF_ROSE"},
	{Val: 0xc, Name: "AF_DECnet"},
	{Val: 0xd, Name: "AF_NETBEUI"},
	{Val: 0xe, Name: "AF_SECURITY"},
	{Val: 0xf, Name: "AF_KEY"},
	{Val: 0x10, Name: "AF_NETLINK"},
	{Val: 0x11, Name: "AF_PACKET"},
	{Val: 0x12, Name: "AF_ASH"},
	{Val: 0x13, Name: "AF_ECONET"},
	{Val: 0x14, Name: "AF_ATMSVC"},
	{Val: 0x15, Name: "AF_RDS"},
	{Val: 0x16, Name: "AF_SNA"},
	{Val: 0x17, Name: "AF_IRDA"},
	{Val: 0x18, Name: "AF_PPPOX"},
	{Val: 0x19, Name: "AF_WANPIPE"},
	{Val: 0x1a, Name: "AF_LLC"},
	{Val: 0x1b, Name: "AF_IB"},
	{Val: 0x1c, Name: "AF_MPLS"},
	{Val: 0x1d, Name: "AF_CAN"},
	{Val: 0x1e, Name: "AF_TIPC"},
	{Val: 0x1f, Name: "AF_BLUETOOTH"},
	{Val: 0x20, Name: "AF_IUCV"},
	{Val: 0x21, Name: "AF_RXRPC"},
	{Val: 0x22, Name: "AF_ISDN"},
	{Val: 0x23, Name: "AF_PHONET"},
	{Val: 0x24, Name: "AF_IEEE802154"},
	{Val: 0x25, Name: "AF_CAIF"},
	{Val: 0x26, Name: "AF_ALG"},
	{Val: 0x27, Name: "AF_NFC"},
	{Val: 0x28, Name: "AF_VSOCK"},
	{Val: 0x29, Name: "AF_KCM"},
	{Val: 0x2a, Name: "AF_QIPCRTR"},
	{Val: 0x2b, Name: "AF_SMC"},
	{Val: 0x2c, Name: "AF_XDP"},
	{Val: 0x2d, Name: "AF_MCTP"},
}}

var xSocktypes = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "SOCK_STREAM"},
	{Val: 0x2, Name: "SOCK_DGRAM"},
	{Val: 0x3, Name: "SOCK_RAW"},
	{Val: 0x4, Name: "SOCK_RDM"},
	{Val: 0x5, Name: "SOCK_SEQPACKET"},
	{Val: 0x6, Name: "SOCK_DCCP"},
	{Val: 0xa, Name: "SOCK_PACKET"},
}}

var xSockTypeFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x80000, Name: "SOCK_CLOEXEC"},
	{Val: 0x800, Name: "SOCK_NONBLOCK"},
}}

var xInetProtocols = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "IPPROTO_IP"},
	{Val: 0x1, Name: "IPPROTO_ICMP"},
	{Val: 0x2, Name: "IPPROTO_IGMP"},
	{Val: 0x4, Name: "IPPROTO_IPIP"},
	{Val: 0x6, Name: "IPPROTO_TCP"},
	{Val: 0x8, Name: "IPPROTO_EGP"},
	{Val: 0xc, Name: "IPPROTO_PUP"},
	{Val: 0x11, Name: "IPPROTO_UDP"},
	{Val: 0x16, Name: "IPPROTO_IDP"},
	{Val: 0x1d, Name: "IPPROTO_TP"},
	{Val: 0x21, Name: "IPPROTO_DCCP"},
	{Val: 0x29, Name: "IPPROTO_IPV6"},
	{Val: 0x2b, Name: "IPPROTO_ROUTING"},
	{Val: 0x2c, Name: "IPPROTO_FRAGMENT"},
	{Val: 0x2e, Name: "IPPROTO_RSVP"},
	{Val: 0x2f, Name: "IPPROTO_GRE"},
	{Val: 0x32, Name: "IPPROTO_ESP"},
	{Val: 0x33, Name: "IPPROTO_AH"},
	{Val: 0x3a, Name: "IPPROTO_ICMPV6"},
	{Val: 0x3b, Name: "IPPROTO_NONE"},
	{Val: 0x3c, Name: "IPPROTO_DSTOPTS"},
	{Val: 0x5c, Name: "IPPROTO_MTP"},
	{Val: 0x5e, Name: "IPPROTO_BEETPH"},
	{Val: 0x62, Name: "IPPROTO_ENCAP"},
	{Val: 0x67, Name: "IPPROTO_PIM"},
	{Val: 0x6c, Name: "IPPROTO_COMP"},
	{Val: 0x73, Name: "IPPROTO_L2TP"},
	{Val: 0x84, Name: "IPPROTO_SCTP"},
	{Val: 0x87, Name: "IPPROTO_MH"},
	{Val: 0x88, Name: "IPPROTO_UDPLITE"},
	{Val: 0x89, Name: "IPPROTO_MPLS"},
	{Val: 0x8f, Name: "IPPROTO_ETHERNET"},
	{Val: 0xff, Name: "IPPROTO_RAW"},
	{Val: 0x106, Name: "IPPROTO_MPTCP"},
}}

var xModetypes = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x8000, Name: "S_IFREG"},
	{Val: 0xc000, Name: "S_IFSOCK"},
	{Val: 0x1000, Name: "S_IFIFO"},
	{Val: 0xa000, Name: "S_IFLNK"},
	{Val: 0x4000, Name: "S_IFDIR"},
	{Val: 0x6000, Name: "S_IFBLK"},
	{Val: 0x2000, Name: "S_IFCHR"},
}}

var xAccessModes = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "F_OK"},
	{Val: 0x4, Name: "R_OK"},
	{Val: 0x2, Name: "W_OK"},
	{Val: 0x1, Name: "X_OK"},
}}

var xFaccessatFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x100, Name: "AT_SYMLINK_NOFOLLOW"},
	{Val: 0x200, Name: "AT_EACCESS"},
	{Val: 0x1000, Name: "AT_EMPTY_PATH"},
}}

var xMmapProt = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "PROT_NONE"},
	{Val: 0x1, Name: "PROT_READ"},
	{Val: 0x2, Name: "PROT_WRITE"},
	{Val: 0x4, Name: "PROT_EXEC"},
	{Val: 0x8, Name: "PROT_SEM"},
	{Val: 0x1000000, Name: "PROT_GROWSDOWN"},
	{Val: 0x2000000, Name: "PROT_GROWSUP"},
}}

var xMmapFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "MAP_SHARED"},
	{Val: 0x2, Name: "MAP_PRIVATE"},
	{Val: 0x3, Name: "MAP_SHARED_VALIDATE"},
	{Val: 0x10, Name: "MAP_FIXED"},
	{Val: 0x20, Name: "MAP_ANONYMOUS"},
	{Val: 0x40, Name: "MAP_32BIT"},
	{Val: 0x4000, Name: "MAP_NORESERVE"},
	{Val: 0x8000, Name: "MAP_POPULATE"},
	{Val: 0x10000, Name: "MAP_NONBLOCK"},
	{Val: 0x100, Name: "MAP_GROWSDOWN"},
	{Val: 0x800, Name: "MAP_DENYWRITE"},
	{Val: 0x1000, Name: "MAP_EXECUTABLE"},
	{Val: 0x0, Name: "MAP_FILE"},
	{Val: 0x2000, Name: "MAP_LOCKED"},
	{Val: 0x20000, Name: "MAP_STACK"},
	{Val: 0x40000, Name: "MAP_HUGETLB"},
	{Val: 0x80000, Name: "MAP_SYNC"},
	{Val: 0x4000000, Name: "MAP_UNINITIALIZED"},
	{Val: 0x100000, Name: "MAP_FIXED_NOREPLACE"},
}}

var xMadviseCmds = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "MADV_NORMAL"},
	{Val: 0x1, Name: "MADV_RANDOM"},
	{Val: 0x2, Name: "MADV_SEQUENTIAL"},
	{Val: 0x3, Name: "MADV_WILLNEED"},
	{Val: 0x4, Name: "MADV_DONTNEED"},
	{Val: 0x8, Name: "MADV_FREE"},
	{Val: 0x9, Name: "MADV_REMOVE"},
	{Val: 0xa, Name: "MADV_DONTFORK"},
	{Val: 0xb, Name: "MADV_DOFORK"},
	{Val: 0xc, Name: "MADV_MERGEABLE"},
	{Val: 0xd, Name: "MADV_UNMERGEABLE"},
	{Val: 0xe, Name: "MADV_HUGEPAGE"},
	{Val: 0xf, Name: "MADV_NOHUGEPAGE"},
	{Val: 0x10, Name: "MADV_DONTDUMP"},
	{Val: 0x11, Name: "MADV_DODUMP"},
	{Val: 0x12, Name: "MADV_WIPEONFORK"},
	{Val: 0x13, Name: "MADV_KEEPONFORK"},
	{Val: 0x14, Name: "MADV_COLD"},
	{Val: 0x15, Name: "MADV_PAGEOUT"},
	{Val: 0x16, Name: "MADV_POPULATE_READ"},
	{Val: 0x17, Name: "MADV_POPULATE_WRITE"},
	{Val: 0x18, Name: "MADV_DONTNEED_LOCKED"},
	{Val: 0x19, Name: "MADV_COLLAPSE"},
	{Val: 0x64, Name: "MADV_HWPOISON"},
	{Val: 0x65, Name: "MADV_SOFT_OFFLINE"},
}}

var xMremapFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "MREMAP_MAYMOVE"},
	{Val: 0x2, Name: "MREMAP_FIXED"},
	{Val: 0x4, Name: "MREMAP_DONTUNMAP"},
}}

var xMctlSync = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x4, Name: "MS_SYNC"},
	{Val: 0x1, Name: "MS_ASYNC"},
	{Val: 0x2, Name: "MS_INVALIDATE"},
}}

var xMlockFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "MLOCK_ONFAULT"},
}}

var xMlockallFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "MCL_CURRENT"},
	{Val: 0x2, Name: "MCL_FUTURE"},
	{Val: 0x4, Name: "MCL_ONFAULT"},
}}

var xFcntlcmds = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "F_DUPFD"},
	{Val: 0x1, Name: "F_GETFD"},
	{Val: 0x2, Name: "F_SETFD"},
	{Val: 0x3, Name: "F_GETFL"},
	{Val: 0x4, Name: "F_SETFL"},
	{Val: 0x5, Name: "F_GETLK"},
	{Val: 0x6, Name: "F_SETLK"},
	{Val: 0x7, Name: "F_SETLKW"},
	{Val: 0x8, Name: "F_SETOWN"},
	{Val: 0x9, Name: "F_GETOWN"},
	{Val: 0xa, Name: "F_SETSIG"},
	{Val: 0xb, Name: "F_GETSIG"},
	{Val: 0xf, Name: "F_SETOWN_EX"},
	{Val: 0x10, Name: "F_GETOWN_EX"},
	{Val: 0x11, Name: "F_GETOWNER_UIDS"},
	{Val: 0x24, Name: "F_OFD_GETLK"},
	{Val: 0x25, Name: "F_OFD_SETLK"},
	{Val: 0x26, Name: "F_OFD_SETLKW"},
	{Val: 0x400, Name: "F_SETLEASE"},
	{Val: 0x401, Name: "F_GETLEASE"},
	{Val: 0x402, Name: "F_NOTIFY"},
	{Val: 0x405, Name: "F_CANCELLK"},
	{Val: 0x406, Name: "F_DUPFD_CLOEXEC"},
	{Val: 0x407, Name: "F_SETPIPE_SZ"},
	{Val: 0x408, Name: "F_GETPIPE_SZ"},
	{Val: 0x409, Name: "F_ADD_SEALS"},
	{Val: 0x40a, Name: "F_GET_SEALS"},
}}

var xFdflags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "FD_CLOEXEC"},
}}

var xFlockcmds = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "LOCK_SH"},
	{Val: 0x2, Name: "LOCK_EX"},
	{Val: 0x4, Name: "LOCK_NB"},
	{Val: 0x8, Name: "LOCK_UN"},
	{Val: 0x20, Name: "LOCK_MAND"},
	{Val: 0xc0, Name: "LOCK_RW"},
	{Val: 0x40, Name: "LOCK_READ"},
	{Val: 0x80, Name: "LOCK_WRITE"},
}}

var xFSeals = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "F_SEAL_SEAL"},
	{Val: 0x2, Name: "F_SEAL_SHRINK"},
	{Val: 0x4, Name: "F_SEAL_GROW"},
	{Val: 0x8, Name: "F_SEAL_WRITE"},
	{Val: 0x10, Name: "F_SEAL_FUTURE_WRITE"},
}}

var xPollflags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "POLLIN"},
	{Val: 0x2, Name: "POLLPRI"},
	{Val: 0x4, Name: "POLLOUT"},
	{Val: 0x8, Name: "POLLERR"},
	{Val: 0x10, Name: "POLLHUP"},
	{Val: 0x20, Name: "POLLNVAL"},
	{Val: 0x40, Name: "POLLRDNORM"},
	{Val: 0x80, Name: "POLLRDBAND"},
	{Val: 0x100, Name: "POLLWRNORM"},
	{Val: 0x200, Name: "POLLWRBAND"},
	{Val: 0x400, Name: "POLLMSG"},
	{Val: 0x1000, Name: "POLLREMOVE"},
	{Val: 0x2000, Name: "POLLRDHUP"},
	{Val: 0x8000, Name: "POLL_BUSY_LOOP"},
}}

var xEpollctls = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "EPOLL_CTL_ADD"},
	{Val: 0x2, Name: "EPOLL_CTL_DEL"},
	{Val: 0x3, Name: "EPOLL_CTL_MOD"},
}}

var xEpollevents = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "EPOLLIN"},
	{Val: 0x2, Name: "EPOLLPRI"},
	{Val: 0x4, Name: "EPOLLOUT"},
	{Val: 0x8, Name: "EPOLLERR"},
	{Val: 0x10, Name: "EPOLLHUP"},
	{Val: 0x20, Name: "EPOLLNVAL"},
	{Val: 0x40, Name: "EPOLLRDNORM"},
	{Val: 0x80, Name: "EPOLLRDBAND"},
	{Val: 0x100, Name: "EPOLLWRNORM"},
	{Val: 0x200, Name: "EPOLLWRBAND"},
	{Val: 0x400, Name: "EPOLLMSG"},
	{Val: 0x2000, Name: "EPOLLRDHUP"},
	{Val: 0x10000000, Name: "EPOLLEXCLUSIVE"},
	{Val: 0x20000000, Name: "EPOLLWAKEUP"},
	{Val: 0x40000000, Name: "EPOLLONESHOT"},
	{Val: 0x80000000, Name: "EPOLLET"},
}}

var xEpollflags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x80000, Name: "EPOLL_CLOEXEC"},
}}

var xInotifyFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "IN_ACCESS"},
	{Val: 0x2, Name: "IN_MODIFY"},
	{Val: 0x4, Name: "IN_ATTRIB"},
	{Val: 0x8, Name: "IN_CLOSE_WRITE"},
	{Val: 0x10, Name: "IN_CLOSE_NOWRITE"},
	{Val: 0x20, Name: "IN_OPEN"},
	{Val: 0x40, Name: "IN_MOVED_FROM"},
	{Val: 0x80, Name: "IN_MOVED_TO"},
	{Val: 0x100, Name: "IN_CREATE"},
	{Val: 0x200, Name: "IN_DELETE"},
	{Val: 0x400, Name: "IN_DELETE_SELF"},
	{Val: 0x800, Name: "IN_MOVE_SELF"},
	{Val: 0x2000, Name: "IN_UNMOUNT"},
	{Val: 0x4000, Name: "IN_Q_OVERFLOW"},
	{Val: 0x8000, Name: "IN_IGNORED"},
	{Val: 0x1000000, Name: "IN_ONLYDIR"},
	{Val: 0x2000000, Name: "IN_DONT_FOLLOW"},
	{Val: 0x4000000, Name: "IN_EXCL_UNLINK"},
	{Val: 0x10000000, Name: "IN_MASK_CREATE"},
	{Val: 0x20000000, Name: "IN_MASK_ADD"},
	{Val: 0x40000000, Name: "IN_ISDIR"},
	{Val: 0x80000000, Name: "IN_ONESHOT"},
}}

var xInotifyInitFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x800, Name: "IN_NONBLOCK"},
	{Val: 0x80000, Name: "IN_CLOEXEC"},
}}

var xFutexops = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "FUTEX_WAIT"},
	{Val: 0x1, Name: "FUTEX_WAKE"},
	{Val: 0x2, Name: "FUTEX_FD"},
	{Val: 0x3, Name: "FUTEX_REQUEUE"},
	{Val: 0x4, Name: "FUTEX_CMP_REQUEUE"},
	{Val: 0x5, Name: "FUTEX_WAKE_OP"},
	{Val: 0x6, Name: "FUTEX_LOCK_PI"},
	{Val: 0x7, Name: "FUTEX_UNLOCK_PI"},
	{Val: 0x8, Name: "FUTEX_TRYLOCK_PI"},
	{Val: 0x9, Name: "FUTEX_WAIT_BITSET"},
	{Val: 0xa, Name: "FUTEX_WAKE_BITSET"},
	{Val: 0xb, Name: "FUTEX_WAIT_REQUEUE_PI"},
	{Val: 0xc, Name: "FUTEX_CMP_REQUEUE_PI"},
	{Val: 0xd, Name: "FUTEX_LOCK_PI2"},
	{Val: 0x80, Name: "FUTEX_WAIT_PRIVATE"},
	{Val: 0x81, Name: "FUTEX_WAKE_PRIVATE"},
	{Val: 0x82, Name: "FUTEX_FD|FUTEX_PRIVATE_FLAG"},
	{Val: 0x83, Name: "FUTEX_REQUEUE_PRIVATE"},
	{Val: 0x84, Name: "FUTEX_CMP_REQUEUE_PRIVATE"},
	{Val: 0x85, Name: "FUTEX_WAKE_OP_PRIVATE"},
	{Val: 0x86, Name: "FUTEX_LOCK_PI_PRIVATE"},
	{Val: 0x87, Name: "FUTEX_UNLOCK_PI_PRIVATE"},
	{Val: 0x88, Name: "FUTEX_TRYLOCK_PI_PRIVATE"},
	{Val: 0x89, Name: "FUTEX_WAIT_BITSET_PRIVATE"},
	{Val: 0x8a, Name: "FUTEX_WAKE_BITSET_PRIVATE"},
	{Val: 0x8b, Name: "FUTEX_WAIT_REQUEUE_PI_PRIVATE"},
	{Val: 0x8c, Name: "FUTEX_CMP_REQUEUE_PI_PRIVATE"},
	{Val: 0x8d, Name: "FUTEX_LOCK_PI2_PRIVATE"},
	{Val: 0x100, Name: "FUTEX_WAIT|FUTEX_CLOCK_REALTIME"},
	{Val: 0x180, Name: "FUTEX_WAIT_PRIVATE|FUTEX_CLOCK_REALTIME"},
	{Val: 0x109, Name: "FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME"},
	{Val: 0x189, Name: "FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME"},
	{Val: 0x10b, Name: "FUTEX_WAIT_REQUEUE_PI|FUTEX_CLOCK_REALTIME"},
	{Val: 0x18b, Name: "FUTEX_WAIT_REQUEUE_PI_PRIVATE|FUTEX_CLOCK_REALTIME"},
}}

var xSigprocmaskcmds = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "SIG_BLOCK"},
	{Val: 0x1, Name: "SIG_UNBLOCK"},
	{Val: 0x2, Name: "SIG_SETMASK"},
}}

var xSaHandlerValues = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0xffffffffffffffff, Name: "SIG_ERR"},
	{Val: 0x0, Name: "SIG_DFL"},
	{Val: 0x1, Name: "SIG_IGN"},
}}

var xSigactFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x4000000, Name: "SA_RESTORER"},
	{Val: 0x8000000, Name: "SA_ONSTACK"},
	{Val: 0x10000000, Name: "SA_RESTART"},
	{Val: 0x20000000, Name: "SA_INTERRUPT"},
	{Val: 0x40000000, Name: "SA_NODEFER"},
	{Val: 0x80000000, Name: "SA_RESETHAND"},
	{Val: 0x4, Name: "SA_SIGINFO"},
	{Val: 0x80000000, Name: "SA_RESETHAND"},
	{Val: 0x8000000, Name: "SA_ONSTACK"},
	{Val: 0x40000000, Name: "SA_NODEFER"},
	{Val: 0x1, Name: "SA_NOCLDSTOP"},
	{Val: 0x2, Name: "SA_NOCLDWAIT"},
}}

var xResources = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "RLIMIT_CPU"},
	{Val: 0x1, Name: "RLIMIT_FSIZE"},
	{Val: 0x2, Name: "RLIMIT_DATA"},
	{Val: 0x3, Name: "RLIMIT_STACK"},
	{Val: 0x4, Name: "RLIMIT_CORE"},
	{Val: 0x5, Name: "RLIMIT_RSS"},
	{Val: 0x6, Name: "RLIMIT_NPROC"},
	{Val: 0x7, Name: "RLIMIT_NOFILE"},
	{Val: 0x8, Name: "RLIMIT_MEMLOCK"},
	{Val: 0x9, Name: "RLIMIT_AS"},
	{Val: 0xa, Name: "RLIMIT_LOCKS"},
	{Val: 0xb, Name: "RLIMIT_SIGPENDING"},
	{Val: 0xc, Name: "RLIMIT_MSGQUEUE"},
	{Val: 0xd, Name: "RLIMIT_NICE"},
	{Val: 0xe, Name: "RLIMIT_RTPRIO"},
	{Val: 0xf, Name: "RLIMIT_RTTIME"},
}}

var xUsagewho = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "RUSAGE_SELF"},
	{Val: 0xffffffffffffffff, Name: "RUSAGE_CHILDREN"},
	{Val: 0xfffffffffffffffe, Name: "RUSAGE_BOTH"},
	{Val: 0x1, Name: "RUSAGE_THREAD"},
}}

var xPrctlOptions = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "PR_SET_PDEATHSIG"},
	{Val: 0x2, Name: "PR_GET_PDEATHSIG"},
	{Val: 0x3, Name: "PR_GET_DUMPABLE"},
	{Val: 0x4, Name: "PR_SET_DUMPABLE"},
	{Val: 0x5, Name: "PR_GET_UNALIGN"},
	{Val: 0x6, Name: "PR_SET_UNALIGN"},
	{Val: 0x7, Name: "PR_GET_KEEPCAPS"},
	{Val: 0x8, Name: "PR_SET_KEEPCAPS"},
	{Val: 0x9, Name: "PR_GET_FPEMU"},
	{Val: 0xa, Name: "PR_SET_FPEMU"},
	{Val: 0xb, Name: "PR_GET_FPEXC"},
	{Val: 0xc, Name: "PR_SET_FPEXC"},
	{Val: 0xd, Name: "PR_GET_TIMING"},
	{Val: 0xe, Name: "PR_SET_TIMING"},
	{Val: 0xf, Name: "PR_SET_NAME"},
	{Val: 0x10, Name: "PR_GET_NAME"},
	{Val: 0x13, Name: "PR_GET_ENDIAN"},
	{Val: 0x14, Name: "PR_SET_ENDIAN"},
	{Val: 0x15, Name: "PR_GET_SECCOMP"},
	{Val: 0x16, Name: "PR_SET_SECCOMP"},
	{Val: 0x17, Name: "PR_CAPBSET_READ"},
	{Val: 0x18, Name: "PR_CAPBSET_DROP"},
	{Val: 0x19, Name: "PR_GET_TSC"},
	{Val: 0x1a, Name: "PR_SET_TSC"},
	{Val: 0x1b, Name: "PR_GET_SECUREBITS"},
	{Val: 0x1c, Name: "PR_SET_SECUREBITS"},
	{Val: 0x1d, Name: "PR_SET_TIMERSLACK"},
	{Val: 0x1e, Name: "PR_GET_TIMERSLACK"},
	{Val: 0x1f, Name: "PR_TASK_PERF_EVENTS_DISABLE"},
	{Val: 0x20, Name: "PR_TASK_PERF_EVENTS_ENABLE"},
	{Val: 0x21, Name: "PR_MCE_KILL"},
	{Val: 0x22, Name: "PR_MCE_KILL_GET"},
	{Val: 0x23, Name: "PR_SET_MM"},
	{Val: 0x24, Name: "PR_SET_CHILD_SUBREAPER"},
	{Val: 0x25, Name: "PR_GET_CHILD_SUBREAPER"},
	{Val: 0x26, Name: "PR_SET_NO_NEW_PRIVS"},
	{Val: 0x27, Name: "PR_GET_NO_NEW_PRIVS"},
	{Val: 0x28, Name: "PR_GET_TID_ADDRESS"},
	{Val: 0x29, Name: "PR_SET_THP_DISABLE"},
	{Val: 0x2a, Name: "PR_GET_THP_DISABLE"},
	{Val: 0x2b, Name: "PR_MPX_ENABLE_MANAGEMENT"},
	{Val: 0x2c, Name: "PR_MPX_DISABLE_MANAGEMENT"},
	{Val: 0x2d, Name: "PR_SET_FP_MODE"},
	{Val: 0x2e, Name: "PR_GET_FP_MODE"},
	{Val: 0x2f, Name: "PR_CAP_AMBIENT"},
	{Val: 0x32, Name: "PR_SVE_SET_VL"},
	{Val: 0x33, Name: "PR_SVE_GET_VL"},
	{Val: 0x34, Name: "PR_GET_SPECULATION_CTRL"},
	{Val: 0x35, Name: "PR_SET_SPECULATION_CTRL"},
	{Val: 0x36, Name: "PR_PAC_RESET_KEYS"},
	{Val: 0x37, Name: "PR_SET_TAGGED_ADDR_CTRL"},
	{Val: 0x38, Name: "PR_GET_TAGGED_ADDR_CTRL"},
	{Val: 0x39, Name: "PR_SET_IO_FLUSHER"},
	{Val: 0x3a, Name: "PR_GET_IO_FLUSHER"},
	{Val: 0x3b, Name: "PR_SET_SYSCALL_USER_DISPATCH"},
	{Val: 0x3c, Name: "PR_PAC_SET_ENABLED_KEYS"},
	{Val: 0x3d, Name: "PR_PAC_GET_ENABLED_KEYS"},
	{Val: 0x3e, Name: "PR_SCHED_CORE"},
	{Val: 0x3f, Name: "PR_SME_SET_VL"},
	{Val: 0x40, Name: "PR_SME_GET_VL"},
	{Val: 0x53564d41, Name: "PR_SET_VMA"},
	{Val: 0x59616d61, Name: "PR_SET_PTRACER"},
}}

var xArchvals = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x1001, Name: "ARCH_SET_GS"},
	{Val: 0x1002, Name: "ARCH_SET_FS"},
	{Val: 0x1003, Name: "ARCH_GET_FS"},
	{Val: 0x1004, Name: "ARCH_GET_GS"},
	{Val: 0x1011, Name: "ARCH_GET_CPUID"},
	{Val: 0x1012, Name: "ARCH_SET_CPUID"},
	{Val: 0x1021, Name: "ARCH_GET_XCOMP_SUPP"},
	{Val: 0x1022, Name: "ARCH_GET_XCOMP_PERM"},
	{Val: 0x1023, Name: "ARCH_REQ_XCOMP_PERM"},
	{Val: 0x1024, Name: "ARCH_GET_XCOMP_GUEST_PERM"},
	{Val: 0x1025, Name: "ARCH_REQ_XCOMP_GUEST_PERM"},
	{Val: 0x2001, Name: "ARCH_MAP_VDSO_X32"},
	{Val: 0x2002, Name: "ARCH_MAP_VDSO_32"},
	{Val: 0x2003, Name: "ARCH_MAP_VDSO_64"},
}}

var xWhenceCodes = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "SEEK_SET"},
	{Val: 0x1, Name: "SEEK_CUR"},
	{Val: 0x2, Name: "SEEK_END"},
	{Val: 0x3, Name: "SEEK_DATA"},
	{Val: 0x4, Name: "SEEK_HOLE"},
}}

var xSocketlayers = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "SOL_IP"},
	{Val: 0x1, Name: "SOL_SOCKET"},
	{Val: 0x6, Name: "SOL_TCP"},
	{Val: 0x11, Name: "SOL_UDP"},
	{Val: 0x28, Name: "AF_VSOCK"},
	{Val: 0x29, Name: "SOL_IPV6"},
	{Val: 0x3a, Name: "SOL_ICMPV6"},
	{Val: 0x64, Name: "SOL_CAN_BASE"},
	{Val: 0x65, Name: "SOL_CAN_RAW"},
	{Val: 0x84, Name: "SOL_SCTP"},
	{Val: 0x88, Name: "SOL_UDPLITE"},
	{Val: 0xff, Name: "SOL_RAW"},
	{Val: 0x100, Name: "SOL_IPX"},
	{Val: 0x101, Name: "SOL_AX25"},
	{Val: 0x102, Name: "SOL_ATALK"},
	{Val: 0x103, Name: "SOL_NETROM"},
	{Val: 0x104, Name: "SOL_ROSE"},
	{Val: 0x105, Name: "SOL_DECNET"},
	{Val: 0x106, Name: "SOL_X25"},
	{Val: 0x107, Name: "SOL_PACKET"},
	{Val: 0x108, Name: "SOL_ATM"},
	{Val: 0x109, Name: "SOL_AAL"},
	{Val: 0x10a, Name: "SOL_IRDA"},
	{Val: 0x10b, Name: "SOL_NETBEUI"},
	{Val: 0x10c, Name: "SOL_LLC"},
	{Val: 0x10d, Name: "SOL_DCCP"},
	{Val: 0x10e, Name: "SOL_NETLINK"},
	{Val: 0x10f, Name: "SOL_TIPC"},
	{Val: 0x110, Name: "SOL_RXRPC"},
	{Val: 0x111, Name: "SOL_PPPOL2TP"},
	{Val: 0x112, Name: "SOL_BLUETOOTH"},
	{Val: 0x113, Name: "SOL_PNPIPE"},
	{Val: 0x114, Name: "SOL_RDS"},
	{Val: 0x115, Name: "SOL_IUCV"},
	{Val: 0x116, Name: "SOL_CAIF"},
	{Val: 0x117, Name: "SOL_ALG"},
	{Val: 0x118, Name: "SOL_NFC"},
	{Val: 0x119, Name: "SOL_KCM"},
	{Val: 0x11a, Name: "SOL_TLS"},
	{Val: 0x11b, Name: "SOL_XDP"},
}}

var xSockOptions = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "SO_DEBUG"},
	{Val: 0x2, Name: "SO_REUSEADDR"},
	{Val: 0x3, Name: "SO_TYPE"},
	{Val: 0x4, Name: "SO_ERROR"},
	{Val: 0x5, Name: "SO_DONTROUTE"},
	{Val: 0x6, Name: "SO_BROADCAST"},
	{Val: 0x7, Name: "SO_SNDBUF"},
	{Val: 0x8, Name: "SO_RCVBUF"},
	{Val: 0x9, Name: "SO_KEEPALIVE"},
	{Val: 0xa, Name: "SO_OOBINLINE"},
	{Val: 0xb, Name: "SO_NO_CHECK"},
	{Val: 0xc, Name: "SO_PRIORITY"},
	{Val: 0xd, Name: "SO_LINGER"},
	{Val: 0xe, Name: "SO_BSDCOMPAT"},
	{Val: 0xf, Name: "SO_REUSEPORT"},
	{Val: 0x10, Name: "SO_PASSCRED"},
	{Val: 0x11, Name: "SO_PEERCRED"},
	{Val: 0x12, Name: "SO_RCVLOWAT"},
	{Val: 0x13, Name: "SO_SNDLOWAT"},
	{Val: 0x14, Name: "SO_RCVTIMEO_OLD"},
	{Val: 0x15, Name: "SO_SNDTIMEO_OLD"},
	{Val: 0x16, Name: "SO_SECURITY_AUTHENTICATION"},
	{Val: 0x17, Name: "SO_SECURITY_ENCRYPTION_TRANSPORT"},
	{Val: 0x18, Name: "SO_SECURITY_ENCRYPTION_NETWORK"},
	{Val: 0x19, Name: "SO_BINDTODEVICE"},
	{Val: 0x1b, Name: "SO_DETACH_FILTER"},
	{Val: 0x1c, Name: "SO_PEERNAME"},
	{Val: 0x1d, Name: "SO_TIMESTAMP_OLD"},
	{Val: 0x1e, Name: "SO_ACCEPTCONN"},
	{Val: 0x1f, Name: "SO_PEERSEC"},
	{Val: 0x20, Name: "SO_SNDBUFFORCE"},
	{Val: 0x21, Name: "SO_RCVBUFFORCE"},
	{Val: 0x22, Name: "SO_PASSSEC"},
	{Val: 0x23, Name: "SO_TIMESTAMPNS_OLD"},
	{Val: 0x24, Name: "SO_MARK"},
	{Val: 0x25, Name: "SO_TIMESTAMPING_OLD"},
	{Val: 0x26, Name: "SO_PROTOCOL"},
	{Val: 0x27, Name: "SO_DOMAIN"},
	{Val: 0x28, Name: "SO_RXQ_OVFL"},
	{Val: 0x29, Name: "SO_WIFI_STATUS"},
	{Val: 0x2a, Name: "SO_PEEK_OFF"},
	{Val: 0x2b, Name: "SO_NOFCS"},
	{Val: 0x2c, Name: "SO_LOCK_FILTER"},
	{Val: 0x2d, Name: "SO_SELECT_ERR_QUEUE"},
	{Val: 0x2e, Name: "SO_BUSY_POLL"},
	{Val: 0x2f, Name: "SO_MAX_PACING_RATE"},
	{Val: 0x30, Name: "SO_BPF_EXTENSIONS"},
	{Val: 0x31, Name: "SO_INCOMING_CPU"},
	{Val: 0x32, Name: "SO_ATTACH_BPF"},
	{Val: 0x33, Name: "SO_ATTACH_REUSEPORT_CBPF"},
	{Val: 0x34, Name: "SO_ATTACH_REUSEPORT_EBPF"},
	{Val: 0x35, Name: "SO_CNX_ADVICE"},
	{Val: 0x37, Name: "SO_MEMINFO"},
	{Val: 0x38, Name: "SO_INCOMING_NAPI_ID"},
	{Val: 0x39, Name: "SO_COOKIE"},
	{Val: 0x3b, Name: "SO_PEERGROUPS"},
	{Val: 0x3c, Name: "SO_ZEROCOPY"},
	{Val: 0x3d, Name: "SO_TXTIME"},
	{Val: 0x3e, Name: "SO_BINDTOIFINDEX"},
	{Val: 0x3f, Name: "SO_TIMESTAMP_NEW"},
	{Val: 0x40, Name: "SO_TIMESTAMPNS_NEW"},
	{Val: 0x41, Name: "SO_TIMESTAMPING_NEW"},
	{Val: 0x42, Name: "SO_RCVTIMEO_NEW"},
	{Val: 0x43, Name: "SO_SNDTIMEO_NEW"},
	{Val: 0x44, Name: "SO_DETACH_REUSEPORT_BPF"},
	{Val: 0x45, Name: "SO_PREFER_BUSY_POLL"},
	{Val: 0x46, Name: "SO_BUSY_POLL_BUDGET"},
	{Val: 0x47, Name: "SO_NETNS_COOKIE"},
	{Val: 0x48, Name: "SO_BUF_LOCK"},
	{Val: 0x49, Name: "SO_RESERVE_MEM"},
	{Val: 0x4a, Name: "SO_TXREHASH"},
	{Val: 0x4b, Name: "SO_RCVMARK"},
}}

var xSockIpOptions = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "IP_TOS"},
	{Val: 0x2, Name: "IP_TTL"},
	{Val: 0x3, Name: "IP_HDRINCL"},
	{Val: 0x4, Name: "IP_OPTIONS"},
	{Val: 0x5, Name: "IP_ROUTER_ALERT"},
	{Val: 0x6, Name: "IP_RECVOPTS"},
	{Val: 0x7, Name: "IP_RETOPTS"},
	{Val: 0x8, Name: "IP_PKTINFO"},
	{Val: 0x9, Name: "IP_PKTOPTIONS"},
	{Val: 0xa, Name: "IP_MTU_DISCOVER"},
	{Val: 0xb, Name: "IP_RECVERR"},
	{Val: 0xc, Name: "IP_RECVTTL"},
	{Val: 0xd, Name: "IP_RECVTOS"},
	{Val: 0xe, Name: "IP_MTU"},
	{Val: 0xf, Name: "IP_FREEBIND"},
	{Val: 0x10, Name: "IP_IPSEC_POLICY"},
	{Val: 0x11, Name: "IP_XFRM_POLICY"},
	{Val: 0x12, Name: "IP_PASSSEC"},
	{Val: 0x13, Name: "IP_TRANSPARENT"},
	{Val: 0x14, Name: "IP_ORIGDSTADDR"},
	{Val: 0x15, Name: "IP_MINTTL"},
	{Val: 0x16, Name: "IP_NODEFRAG"},
	{Val: 0x17, Name: "IP_CHECKSUM"},
	{Val: 0x18, Name: "IP_BIND_ADDRESS_NO_PORT"},
	{Val: 0x19, Name: "IP_RECVFRAGSIZE"},
	{Val: 0x1a, Name: "IP_RECVERR_RFC4884"},
	{Val: 0x20, Name: "IP_MULTICAST_IF"},
	{Val: 0x21, Name: "IP_MULTICAST_TTL"},
	{Val: 0x22, Name: "IP_MULTICAST_LOOP"},
	{Val: 0x23, Name: "IP_ADD_MEMBERSHIP"},
	{Val: 0x24, Name: "IP_DROP_MEMBERSHIP"},
	{Val: 0x25, Name: "IP_UNBLOCK_SOURCE"},
	{Val: 0x26, Name: "IP_BLOCK_SOURCE"},
	{Val: 0x27, Name: "IP_ADD_SOURCE_MEMBERSHIP"},
	{Val: 0x28, Name: "IP_DROP_SOURCE_MEMBERSHIP"},
	{Val: 0x29, Name: "IP_MSFILTER"},
	{Val: 0x2a, Name: "MCAST_JOIN_GROUP"},
	{Val: 0x2b, Name: "MCAST_BLOCK_SOURCE"},
	{Val: 0x2c, Name: "MCAST_UNBLOCK_SOURCE"},
	{Val: 0x2d, Name: "MCAST_LEAVE_GROUP"},
	{Val: 0x2e, Name: "MCAST_JOIN_SOURCE_GROUP"},
	{Val: 0x2f, Name: "MCAST_LEAVE_SOURCE_GROUP"},
	{Val: 0x30, Name: "MCAST_MSFILTER"},
	{Val: 0x31, Name: "IP_MULTICAST_ALL"},
	{Val: 0x32, Name: "IP_UNICAST_IF"},
}}

var xSockIpv6Options = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "IPV6_ADDRFORM"},
	{Val: 0x2, Name: "IPV6_2292PKTINFO"},
	{Val: 0x3, Name: "IPV6_2292HOPOPTS"},
	{Val: 0x4, Name: "IPV6_2292DSTOPTS"},
	{Val: 0x5, Name: "IPV6_2292RTHDR"},
	{Val: 0x6, Name: "IPV6_2292PKTOPTIONS"},
	{Val: 0x7, Name: "IPV6_CHECKSUM"},
	{Val: 0x8, Name: "IPV6_2292HOPLIMIT"},
	{Val: 0x9, Name: "IPV6_NEXTHOP"},
	{Val: 0xa, Name: "IPV6_AUTHHDR"},
	{Val: 0xb, Name: "IPV6_FLOWINFO"},
	{Val: 0x10, Name: "IPV6_UNICAST_HOPS"},
	{Val: 0x11, Name: "IPV6_MULTICAST_IF"},
	{Val: 0x12, Name: "IPV6_MULTICAST_HOPS"},
	{Val: 0x13, Name: "IPV6_MULTICAST_LOOP"},
	{Val: 0x14, Name: "IPV6_ADD_MEMBERSHIP"},
	{Val: 0x15, Name: "IPV6_DROP_MEMBERSHIP"},
	{Val: 0x16, Name: "IPV6_ROUTER_ALERT"},
	{Val: 0x17, Name: "IPV6_MTU_DISCOVER"},
	{Val: 0x18, Name: "IPV6_MTU"},
	{Val: 0x19, Name: "IPV6_RECVERR"},
	{Val: 0x1a, Name: "IPV6_V6ONLY"},
	{Val: 0x1b, Name: "IPV6_JOIN_ANYCAST"},
	{Val: 0x1c, Name: "IPV6_LEAVE_ANYCAST"},
	{Val: 0x1d, Name: "IPV6_MULTICAST_ALL"},
	{Val: 0x1e, Name: "IPV6_ROUTER_ALERT_ISOLATE"},
	{Val: 0x1f, Name: "IPV6_RECVERR_RFC4884"},
	{Val: 0x20, Name: "IPV6_FLOWLABEL_MGR"},
	{Val: 0x21, Name: "IPV6_FLOWINFO_SEND"},
	{Val: 0x22, Name: "IPV6_IPSEC_POLICY"},
	{Val: 0x23, Name: "IPV6_XFRM_POLICY"},
	{Val: 0x24, Name: "IPV6_HDRINCL"},
	{Val: 0x2a, Name: "MCAST_JOIN_GROUP"},
	{Val: 0x2b, Name: "MCAST_BLOCK_SOURCE"},
	{Val: 0x2c, Name: "MCAST_UNBLOCK_SOURCE"},
	{Val: 0x2d, Name: "MCAST_LEAVE_GROUP"},
	{Val: 0x2e, Name: "MCAST_JOIN_SOURCE_GROUP"},
	{Val: 0x2f, Name: "MCAST_LEAVE_SOURCE_GROUP"},
	{Val: 0x30, Name: "MCAST_MSFILTER"},
	{Val: 0x31, Name: "IPV6_RECVPKTINFO"},
	{Val: 0x32, Name: "IPV6_PKTINFO"},
	{Val: 0x33, Name: "IPV6_RECVHOPLIMIT"},
	{Val: 0x34, Name: "IPV6_HOPLIMIT"},
	{Val: 0x35, Name: "IPV6_RECVHOPOPTS"},
	{Val: 0x36, Name: "IPV6_HOPOPTS"},
	{Val: 0x37, Name: "IPV6_RTHDRDSTOPTS"},
	{Val: 0x38, Name: "IPV6_RECVRTHDR"},
	{Val: 0x39, Name: "IPV6_RTHDR"},
	{Val: 0x3a, Name: "IPV6_RECVDSTOPTS"},
	{Val: 0x3b, Name: "IPV6_DSTOPTS"},
	{Val: 0x3c, Name: "IPV6_RECVPATHMTU"},
	{Val: 0x3d, Name: "IPV6_PATHMTU"},
	{Val: 0x3e, Name: "IPV6_DONTFRAG"},
	{Val: 0x3f, Name: "IPV6_USE_MIN_MTU"},
	{Val: 0x42, Name: "IPV6_RECVTCLASS"},
	{Val: 0x43, Name: "IPV6_TCLASS"},
	{Val: 0x46, Name: "IPV6_AUTOFLOWLABEL"},
	{Val: 0x48, Name: "IPV6_ADDR_PREFERENCES"},
	{Val: 0x49, Name: "IPV6_MINHOPCOUNT"},
	{Val: 0x4a, Name: "IPV6_ORIGDSTADDR"},
	{Val: 0x4b, Name: "IPV6_TRANSPARENT"},
	{Val: 0x4c, Name: "IPV6_UNICAST_IF"},
	{Val: 0x4d, Name: "IPV6_RECVFRAGSIZE"},
	{Val: 0x4e, Name: "IPV6_FREEBIND"},
}}

var xSockTcpOptions = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "TCP_NODELAY"},
	{Val: 0x2, Name: "TCP_MAXSEG"},
	{Val: 0x3, Name: "TCP_CORK"},
	{Val: 0x4, Name: "TCP_KEEPIDLE"},
	{Val: 0x5, Name: "TCP_KEEPINTVL"},
	{Val: 0x6, Name: "TCP_KEEPCNT"},
	{Val: 0x7, Name: "TCP_SYNCNT"},
	{Val: 0x8, Name: "TCP_LINGER2"},
	{Val: 0x9, Name: "TCP_DEFER_ACCEPT"},
	{Val: 0xa, Name: "TCP_WINDOW_CLAMP"},
	{Val: 0xb, Name: "TCP_INFO"},
	{Val: 0xc, Name: "TCP_QUICKACK"},
	{Val: 0xd, Name: "TCP_CONGESTION"},
	{Val: 0xe, Name: "TCP_MD5SIG"},
	{Val: 0xf, Name: "TCP_COOKIE_TRANSACTIONS"},
	{Val: 0x10, Name: "TCP_THIN_LINEAR_TIMEOUTS"},
	{Val: 0x11, Name: "TCP_THIN_DUPACK"},
	{Val: 0x12, Name: "TCP_USER_TIMEOUT"},
	{Val: 0x13, Name: "TCP_REPAIR"},
	{Val: 0x14, Name: "TCP_REPAIR_QUEUE"},
	{Val: 0x15, Name: "TCP_QUEUE_SEQ"},
	{Val: 0x16, Name: "TCP_REPAIR_OPTIONS"},
	{Val: 0x17, Name: "TCP_FASTOPEN"},
	{Val: 0x18, Name: "TCP_TIMESTAMP"},
	{Val: 0x19, Name: "TCP_NOTSENT_LOWAT"},
	{Val: 0x1a, Name: "TCP_CC_INFO"},
	{Val: 0x1b, Name: "TCP_SAVE_SYN"},
	{Val: 0x1c, Name: "TCP_SAVED_SYN"},
	{Val: 0x1d, Name: "TCP_REPAIR_WINDOW"},
	{Val: 0x1e, Name: "TCP_FASTOPEN_CONNECT"},
	{Val: 0x1f, Name: "TCP_ULP"},
	{Val: 0x20, Name: "TCP_MD5SIG_EXT"},
	{Val: 0x21, Name: "TCP_FASTOPEN_KEY"},
	{Val: 0x22, Name: "TCP_FASTOPEN_NO_COOKIE"},
	{Val: 0x23, Name: "TCP_ZEROCOPY_RECEIVE"},
	{Val: 0x24, Name: "TCP_INQ"},
	{Val: 0x25, Name: "TCP_TX_DELAY"},
}}

var xMsgFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "MSG_OOB"},
	{Val: 0x2, Name: "MSG_PEEK"},
	{Val: 0x4, Name: "MSG_DONTROUTE"},
	{Val: 0x8, Name: "MSG_CTRUNC"},
	{Val: 0x10, Name: "MSG_PROBE"},
	{Val: 0x20, Name: "MSG_TRUNC"},
	{Val: 0x40, Name: "MSG_DONTWAIT"},
	{Val: 0x80, Name: "MSG_EOR"},
	{Val: 0x100, Name: "MSG_WAITALL"},
	{Val: 0x200, Name: "MSG_FIN"},
	{Val: 0x400, Name: "MSG_SYN"},
	{Val: 0x800, Name: "MSG_CONFIRM"},
	{Val: 0x1000, Name: "MSG_RST"},
	{Val: 0x2000, Name: "MSG_ERRQUEUE"},
	{Val: 0x4000, Name: "MSG_NOSIGNAL"},
	{Val: 0x8000, Name: "MSG_MORE"},
	{Val: 0x10000, Name: "MSG_WAITFORONE"},
	{Val: 0x20000, Name: "MSG_SENDPAGE_NOTLAST"},
	{Val: 0x40000, Name: "MSG_BATCH"},
	{Val: 0x80000, Name: "MSG_NO_SHARED_FRAGS"},
	{Val: 0x4000000, Name: "MSG_ZEROCOPY"},
	{Val: 0x20000000, Name: "MSG_FASTOPEN"},
	{Val: 0x40000000, Name: "MSG_CMSG_CLOEXEC"},
	{Val: 0x80000000, Name: "MSG_CMSG_COMPAT"},
}}

var xShutdownModes = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "SHUT_RD"},
	{Val: 0x1, Name: "SHUT_WR"},
	{Val: 0x2, Name: "SHUT_RDWR"},
}}

var xTimerfdflags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "TFD_TIMER_ABSTIME"},
	{Val: 0x2, Name: "TFD_TIMER_CANCEL_ON_SET"},
	{Val: 0x80000, Name: "TFD_CLOEXEC"},
	{Val: 0x800, Name: "TFD_NONBLOCK"},
}}

var xClocknames = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "CLOCK_REALTIME"},
	{Val: 0x1, Name: "CLOCK_MONOTONIC"},
	{Val: 0x2, Name: "CLOCK_PROCESS_CPUTIME_ID"},
	{Val: 0x3, Name: "CLOCK_THREAD_CPUTIME_ID"},
	{Val: 0x4, Name: "CLOCK_MONOTONIC_RAW"},
	{Val: 0x5, Name: "CLOCK_REALTIME_COARSE"},
	{Val: 0x6, Name: "CLOCK_MONOTONIC_COARSE"},
	{Val: 0x7, Name: "CLOCK_BOOTTIME"},
	{Val: 0x8, Name: "CLOCK_REALTIME_ALARM"},
	{Val: 0x9, Name: "CLOCK_BOOTTIME_ALARM"},
	{Val: 0xa, Name: "CLOCK_SGI_CYCLE"},
	{Val: 0xb, Name: "CLOCK_TAI"},
}}

var xItimerWhich = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "ITIMER_REAL"},
	{Val: 0x1, Name: "ITIMER_VIRTUAL"},
	{Val: 0x2, Name: "ITIMER_PROF"},
}}

var xEfdFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "EFD_SEMAPHORE"},
	{Val: 0x80000, Name: "EFD_CLOEXEC"},
	{Val: 0x800, Name: "EFD_NONBLOCK"},
}}

var xSfdFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x80000, Name: "SFD_CLOEXEC"},
	{Val: 0x800, Name: "SFD_NONBLOCK"},
}}

var xGetrandomFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "GRND_NONBLOCK"},
	{Val: 0x2, Name: "GRND_RANDOM"},
	{Val: 0x4, Name: "GRND_INSECURE"},
}}

var xStatxMasks = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0xfff, Name: "STATX_ALL"},
	{Val: 0x7ff, Name: "STATX_BASIC_STATS"},
	{Val: 0x1, Name: "STATX_TYPE"},
	{Val: 0x2, Name: "STATX_MODE"},
	{Val: 0x4, Name: "STATX_NLINK"},
	{Val: 0x8, Name: "STATX_UID"},
	{Val: 0x10, Name: "STATX_GID"},
	{Val: 0x20, Name: "STATX_ATIME"},
	{Val: 0x40, Name: "STATX_MTIME"},
	{Val: 0x80, Name: "STATX_CTIME"},
	{Val: 0x100, Name: "STATX_INO"},
	{Val: 0x200, Name: "STATX_SIZE"},
	{Val: 0x400, Name: "STATX_BLOCKS"},
	{Val: 0x800, Name: "STATX_BTIME"},
	{Val: 0x1000, Name: "STATX_MNT_ID"},
	{Val: 0x2000, Name: "STATX_DIOALIGN"},
}}

var xStatxAttrs = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x4, Name: "STATX_ATTR_COMPRESSED"},
	{Val: 0x10, Name: "STATX_ATTR_IMMUTABLE"},
	{Val: 0x20, Name: "STATX_ATTR_APPEND"},
	{Val: 0x40, Name: "STATX_ATTR_NODUMP"},
	{Val: 0x800, Name: "STATX_ATTR_ENCRYPTED"},
	{Val: 0x1000, Name: "STATX_ATTR_AUTOMOUNT"},
	{Val: 0x2000, Name: "STATX_ATTR_MOUNT_ROOT"},
	{Val: 0x100000, Name: "STATX_ATTR_VERITY"},
	{Val: 0x200000, Name: "STATX_ATTR_DAX"},
}}

var xAtStatxSyncTypes = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "AT_STATX_SYNC_AS_STAT"},
	{Val: 0x2000, Name: "AT_STATX_FORCE_SYNC"},
	{Val: 0x4000, Name: "AT_STATX_DONT_SYNC"},
	{Val: 0x6000, Name: "AT_STATX_SYNC_TYPE"},
}}

var xUnshareFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x80, Name: "CLONE_NEWTIME"},
	{Val: 0x100, Name: "CLONE_VM"},
	{Val: 0x200, Name: "CLONE_FS"},
	{Val: 0x400, Name: "CLONE_FILES"},
	{Val: 0x800, Name: "CLONE_SIGHAND"},
	{Val: 0x10000, Name: "CLONE_THREAD"},
	{Val: 0x20000, Name: "CLONE_NEWNS"},
	{Val: 0x40000, Name: "CLONE_SYSVSEM"},
	{Val: 0x2000000, Name: "CLONE_NEWCGROUP"},
	{Val: 0x4000000, Name: "CLONE_NEWUTS"},
	{Val: 0x8000000, Name: "CLONE_NEWIPC"},
	{Val: 0x10000000, Name: "CLONE_NEWUSER"},
	{Val: 0x20000000, Name: "CLONE_NEWPID"},
	{Val: 0x40000000, Name: "CLONE_NEWNET"},
}}

var xSchedulers = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "SCHED_OTHER"},
	{Val: 0x1, Name: "SCHED_FIFO"},
	{Val: 0x2, Name: "SCHED_RR"},
	{Val: 0x3, Name: "SCHED_BATCH"},
	{Val: 0x4, Name: "SCHED_ISO"},
	{Val: 0x5, Name: "SCHED_IDLE"},
	{Val: 0x6, Name: "SCHED_DEADLINE"},
}}

var xPriorities = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "PRIO_PROCESS"},
	{Val: 0x1, Name: "PRIO_PGRP"},
	{Val: 0x2, Name: "PRIO_USER"},
}}

var xXattrflags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "XATTR_CREATE"},
	{Val: 0x2, Name: "XATTR_REPLACE"},
}}

var xFallocFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "FALLOC_FL_KEEP_SIZE"},
	{Val: 0x2, Name: "FALLOC_FL_PUNCH_HOLE"},
	{Val: 0x4, Name: "FALLOC_FL_NO_HIDE_STALE"},
	{Val: 0x8, Name: "FALLOC_FL_COLLAPSE_RANGE"},
	{Val: 0x10, Name: "FALLOC_FL_ZERO_RANGE"},
	{Val: 0x20, Name: "FALLOC_FL_INSERT_RANGE"},
	{Val: 0x40, Name: "FALLOC_FL_UNSHARE_RANGE"},
}}

var xSpliceFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "SPLICE_F_MOVE"},
	{Val: 0x2, Name: "SPLICE_F_NONBLOCK"},
	{Val: 0x4, Name: "SPLICE_F_MORE"},
	{Val: 0x8, Name: "SPLICE_F_GIFT"},
}}

var xMemfdCreateFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "MFD_CLOEXEC"},
	{Val: 0x2, Name: "MFD_ALLOW_SEALING"},
	{Val: 0x4, Name: "MFD_HUGETLB"},
}}

var xCloseRangeFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x2, Name: "CLOSE_RANGE_UNSHARE"},
	{Val: 0x4, Name: "CLOSE_RANGE_CLOEXEC"},
}}

var xPidfdOpenFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x800, Name: "PIDFD_NONBLOCK"},
}}

var xUmountFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "MNT_FORCE"},
	{Val: 0x2, Name: "MNT_DETACH"},
	{Val: 0x4, Name: "MNT_EXPIRE"},
	{Val: 0x8, Name: "UMOUNT_NOFOLLOW"},
}}

var xMountFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "MS_RDONLY"},
	{Val: 0x2, Name: "MS_NOSUID"},
	{Val: 0x4, Name: "MS_NODEV"},
	{Val: 0x8, Name: "MS_NOEXEC"},
	{Val: 0x10, Name: "MS_SYNCHRONOUS"},
	{Val: 0x20, Name: "MS_REMOUNT"},
	{Val: 0x40, Name: "MS_MANDLOCK"},
	{Val: 0x80, Name: "MS_DIRSYNC"},
	{Val: 0x100, Name: "MS_NOSYMFOLLOW"},
	{Val: 0x400, Name: "MS_NOATIME"},
	{Val: 0x800, Name: "MS_NODIRATIME"},
	{Val: 0x1000, Name: "MS_BIND"},
	{Val: 0x2000, Name: "MS_MOVE"},
	{Val: 0x4000, Name: "MS_REC"},
	{Val: 0x8000, Name: "MS_SILENT"},
	{Val: 0x10000, Name: "MS_POSIXACL"},
	{Val: 0x20000, Name: "MS_UNBINDABLE"},
	{Val: 0x40000, Name: "MS_PRIVATE"},
	{Val: 0x80000, Name: "MS_SLAVE"},
	{Val: 0x100000, Name: "MS_SHARED"},
	{Val: 0x200000, Name: "MS_RELATIME"},
	{Val: 0x400000, Name: "MS_KERNMOUNT"},
	{Val: 0x800000, Name: "MS_I_VERSION"},
	{Val: 0x1000000, Name: "MS_STRICTATIME"},
	{Val: 0x2000000, Name: "MS_LAZYTIME"},
	{Val: 0x4000000, Name: "MS_SUBMOUNT"},
	{Val: 0x8000000, Name: "MS_NOREMOTELOCK"},
	{Val: 0x10000000, Name: "MS_NOSEC"},
	{Val: 0x20000000, Name: "MS_BORN"},
	{Val: 0x40000000, Name: "MS_ACTIVE"},
	{Val: 0x80000000, Name: "MS_NOUSER"},
}}

var xSigaltstackFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "SS_ONSTACK"},
	{Val: 0x2, Name: "SS_DISABLE"},
	{Val: 0x80000000, Name: "SS_AUTODISARM"},
}}

var xPtraceCmds = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "PTRACE_TRACEME"},
	{Val: 0x1, Name: "PTRACE_PEEKTEXT"},
	{Val: 0x2, Name: "PTRACE_PEEKDATA"},
	{Val: 0x3, Name: "PTRACE_PEEKUSER"},
	{Val: 0x4, Name: "PTRACE_POKETEXT"},
	{Val: 0x5, Name: "PTRACE_POKEDATA"},
	{Val: 0x6, Name: "PTRACE_POKEUSER"},
	{Val: 0x7, Name: "PTRACE_CONT"},
	{Val: 0x8, Name: "PTRACE_KILL"},
	{Val: 0x9, Name: "PTRACE_SINGLESTEP"},
	{Val: 0x10, Name: "PTRACE_ATTACH"},
	{Val: 0x11, Name: "PTRACE_DETACH"},
	{Val: 0x18, Name: "PTRACE_SYSCALL"},
	{Val: 0x4200, Name: "PTRACE_SETOPTIONS"},
	{Val: 0x4201, Name: "PTRACE_GETEVENTMSG"},
	{Val: 0x4202, Name: "PTRACE_GETSIGINFO"},
	{Val: 0x4203, Name: "PTRACE_SETSIGINFO"},
	{Val: 0x4204, Name: "PTRACE_GETREGSET"},
	{Val: 0x4205, Name: "PTRACE_SETREGSET"},
	{Val: 0x4206, Name: "PTRACE_SEIZE"},
	{Val: 0x4207, Name: "PTRACE_INTERRUPT"},
	{Val: 0x4208, Name: "PTRACE_LISTEN"},
	{Val: 0x4209, Name: "PTRACE_PEEKSIGINFO"},
	{Val: 0x420a, Name: "PTRACE_GETSIGMASK"},
	{Val: 0x420b, Name: "PTRACE_SETSIGMASK"},
	{Val: 0x420c, Name: "PTRACE_SECCOMP_GET_FILTER"},
	{Val: 0x420d, Name: "PTRACE_SECCOMP_GET_METADATA"},
	{Val: 0x420e, Name: "PTRACE_GET_SYSCALL_INFO"},
	{Val: 0x420f, Name: "PTRACE_GET_RSEQ_CONFIGURATION"},
	{Val: 0xc, Name: "PTRACE_GETREGS"},
	{Val: 0xd, Name: "PTRACE_SETREGS"},
	{Val: 0xe, Name: "PTRACE_GETFPREGS"},
	{Val: 0xf, Name: "PTRACE_SETFPREGS"},
	{Val: 0x12, Name: "PTRACE_GETFPXREGS"},
	{Val: 0x13, Name: "PTRACE_SETFPXREGS"},
	{Val: 0x15, Name: "PTRACE_OLDSETOPTIONS"},
	{Val: 0x19, Name: "PTRACE_GET_THREAD_AREA"},
	{Val: 0x1a, Name: "PTRACE_SET_THREAD_AREA"},
	{Val: 0x1f, Name: "PTRACE_SYSEMU"},
	{Val: 0x20, Name: "PTRACE_SYSEMU_SINGLESTEP"},
	{Val: 0x21, Name: "PTRACE_SINGLEBLOCK"},
	{Val: 0x1e, Name: "PTRACE_ARCH_PRCTL"},
}}

var xPtraceEvents = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "PTRACE_EVENT_FORK"},
	{Val: 0x2, Name: "PTRACE_EVENT_VFORK"},
	{Val: 0x3, Name: "PTRACE_EVENT_CLONE"},
	{Val: 0x4, Name: "PTRACE_EVENT_EXEC"},
	{Val: 0x5, Name: "PTRACE_EVENT_VFORK_DONE"},
	{Val: 0x6, Name: "PTRACE_EVENT_EXIT"},
	{Val: 0x7, Name: "PTRACE_EVENT_SECCOMP"},
	{Val: 0x80, Name: "PTRACE_EVENT_STOP"},
}}

var xSeccompOps = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "SECCOMP_SET_MODE_STRICT"},
	{Val: 0x1, Name: "SECCOMP_SET_MODE_FILTER"},
	{Val: 0x2, Name: "SECCOMP_GET_ACTION_AVAIL"},
	{Val: 0x3, Name: "SECCOMP_GET_NOTIF_SIZES"},
}}

var xSeccompFilterFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "SECCOMP_FILTER_FLAG_TSYNC"},
	{Val: 0x2, Name: "SECCOMP_FILTER_FLAG_LOG"},
	{Val: 0x4, Name: "SECCOMP_FILTER_FLAG_SPEC_ALLOW"},
	{Val: 0x8, Name: "SECCOMP_FILTER_FLAG_NEW_LISTENER"},
	{Val: 0x10, Name: "SECCOMP_FILTER_FLAG_TSYNC_ESRCH"},
	{Val: 0x20, Name: "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV"},
}}

var xFsmagic = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x2f, Name: "QNX4_SUPER_MAGIC"},
	{Val: 0x33, Name: "Z3FOLD_MAGIC"},
	{Val: 0x187, Name: "AUTOFS_SUPER_MAGIC"},
	{Val: 0x1373, Name: "DEVFS_SUPER_MAGIC"},
	{Val: 0x137d, Name: "EXT_SUPER_MAGIC"},
	{Val: 0x137f, Name: "MINIX_SUPER_MAGIC"},
	{Val: 0x138f, Name: "MINIX_SUPER_MAGIC2"},
	{Val: 0x1cd1, Name: "DEVPTS_SUPER_MAGIC"},
	{Val: 0x2468, Name: "MINIX2_SUPER_MAGIC"},
	{Val: 0x2478, Name: "MINIX2_SUPER_MAGIC2"},
	{Val: 0x3434, Name: "NILFS_SUPER_MAGIC"},
	{Val: 0x4244, Name: "HFS_SUPER_MAGIC"},
	{Val: 0x482b, Name: "HFSPLUS_SUPER_MAGIC"},
	{Val: 0x4d44, Name: "MSDOS_SUPER_MAGIC"},
	{Val: 0x4d5a, Name: "MINIX3_SUPER_MAGIC"},
	{Val: 0x517b, Name: "SMB_SUPER_MAGIC"},
	{Val: 0x564c, Name: "NCP_SUPER_MAGIC"},
	{Val: 0x5df5, Name: "EXOFS_SUPER_MAGIC"},
	{Val: 0x6969, Name: "NFS_SUPER_MAGIC"},
	{Val: 0x7275, Name: "ROMFS_MAGIC"},
	{Val: 0x72b6, Name: "JFFS2_SUPER_MAGIC"},
	{Val: 0x9660, Name: "ISOFS_SUPER_MAGIC"},
	{Val: 0x9fa0, Name: "PROC_SUPER_MAGIC"},
	{Val: 0x9fa1, Name: "OPENPROM_SUPER_MAGIC"},
	{Val: 0x9fa2, Name: "USBDEVICE_SUPER_MAGIC"},
	{Val: 0xadf5, Name: "ADFS_SUPER_MAGIC"},
	{Val: 0xadff, Name: "AFFS_SUPER_MAGIC"},
	{Val: 0xef51, Name: "EXT2_OLD_SUPER_MAGIC"},
	{Val: 0xef53, Name: "EXT2_SUPER_MAGIC"},
	{Val: 0xf15f, Name: "ECRYPTFS_SUPER_MAGIC"},
	{Val: 0x11954, Name: "UFS_MAGIC"},
	{Val: 0x27e0eb, Name: "CGROUP_SUPER_MAGIC"},
	{Val: 0x414a53, Name: "EFS_SUPER_MAGIC"},
	{Val: 0xc0ffee, Name: "HOSTFS_SUPER_MAGIC"},
	{Val: 0xc36400, Name: "CEPH_SUPER_MAGIC"},
	{Val: 0x1021994, Name: "TMPFS_MAGIC"},
	{Val: 0x1021997, Name: "V9FS_MAGIC"},
	{Val: 0x1161970, Name: "GFS2_MAGIC"},
	{Val: 0x12fd16d, Name: "XIAFS_SUPER_MAGIC"},
	{Val: 0x12ff7b4, Name: "XENIX_SUPER_MAGIC"},
	{Val: 0x12ff7b5, Name: "SYSV4_SUPER_MAGIC"},
	{Val: 0x12ff7b6, Name: "SYSV2_SUPER_MAGIC"},
	{Val: 0x12ff7b7, Name: "COH_SUPER_MAGIC"},
	{Val: 0x2011994, Name: "SHMFS_SUPER_MAGIC"},
	{Val: 0x9041934, Name: "ANON_INODE_FS_MAGIC"},
	{Val: 0xbad1dea, Name: "FUTEXFS_SUPER_MAGIC"},
	{Val: 0x11307854, Name: "MTD_INODE_FS_MAGIC"},
	{Val: 0x13661366, Name: "BALLOON_KVM_MAGIC"},
	{Val: 0x15013346, Name: "UDF_SUPER_MAGIC"},
	{Val: 0x1badface, Name: "BFS_MAGIC"},
	{Val: 0x2011bab0, Name: "EXFAT_SUPER_MAGIC"},
	{Val: 0x24051905, Name: "UBIFS_SUPER_MAGIC"},
	{Val: 0x28cd3d45, Name: "CRAMFS_MAGIC"},
	{Val: 0x2fc12fc1, Name: "ZFS_SUPER_MAGIC"},
	{Val: 0x3153464a, Name: "JFS_SUPER_MAGIC"},
	{Val: 0x42465331, Name: "BEFS_SUPER_MAGIC"},
	{Val: 0x42494e4d, Name: "BINFMTFS_MAGIC"},
	{Val: 0x43415d53, Name: "SMACK_MAGIC"},
	{Val: 0x444d4142, Name: "DMA_BUF_MAGIC"},
	{Val: 0x453dcd28, Name: "CRAMFS_MAGIC_WEND"},
	{Val: 0x454d444d, Name: "DEVMEM_MAGIC"},
	{Val: 0x47504653, Name: "GPFS_SUPER_MAGIC"},
	{Val: 0x50495045, Name: "PIPEFS_MAGIC"},
	{Val: 0x52654973, Name: "REISERFS_SUPER_MAGIC"},
	{Val: 0x5345434d, Name: "SECRETMEM_MAGIC"},
	{Val: 0x5346414f, Name: "AFS_SUPER_MAGIC"},
	{Val: 0x5346544e, Name: "NTFS_SB_MAGIC"},
	{Val: 0x534f434b, Name: "SOCKFS_MAGIC"},
	{Val: 0x54190100, Name: "UFS_CIGAM"},
	{Val: 0x565a4653, Name: "VZFS_SUPER_MAGIC"},
	{Val: 0x57ac6e9d, Name: "STACK_END_MAGIC"},
	{Val: 0x58295829, Name: "ZSMALLOC_MAGIC"},
	{Val: 0x58465342, Name: "XFS_SUPER_MAGIC"},
	{Val: 0x5a3c69f0, Name: "AAFS_MAGIC"},
	{Val: 0x5a4f4653, Name: "ZONEFS_MAGIC"},
	{Val: 0x6165676c, Name: "PSTOREFS_MAGIC"},
	{Val: 0x61756673, Name: "AUFS_SUPER_MAGIC"},
	{Val: 0x62646576, Name: "BDEVFS_MAGIC"},
	{Val: 0x62656570, Name: "CONFIGFS_MAGIC"},
	{Val: 0x62656572, Name: "SYSFS_MAGIC"},
	{Val: 0x63677270, Name: "CGROUP2_SUPER_MAGIC"},
	{Val: 0x64626720, Name: "DEBUGFS_MAGIC"},
	{Val: 0x64646178, Name: "DAXFS_MAGIC"},
	{Val: 0x65735543, Name: "FUSE_CTL_SUPER_MAGIC"},
	{Val: 0x65735546, Name: "FUSE_SUPER_MAGIC"},
	{Val: 0x68191122, Name: "QNX6_SUPER_MAGIC"},
	{Val: 0x6b414653, Name: "AFS_FS_MAGIC"},
	{Val: 0x6c6f6f70, Name: "BINDERFS_SUPER_MAGIC"},
	{Val: 0x6e736673, Name: "NSFS_MAGIC"},
	{Val: 0x73636673, Name: "SECURITYFS_MAGIC"},
	{Val: 0x73717368, Name: "SQUASHFS_MAGIC"},
	{Val: 0x73727279, Name: "BTRFS_TEST_MAGIC"},
	{Val: 0x73757245, Name: "CODA_SUPER_MAGIC"},
	{Val: 0x7461636f, Name: "OCFS2_SUPER_MAGIC"},
	{Val: 0x74726163, Name: "TRACEFS_MAGIC"},
	{Val: 0x794c7630, Name: "OVERLAYFS_SUPER_MAGIC"},
	{Val: 0x858458f6, Name: "RAMFS_MAGIC"},
	{Val: 0x9123683e, Name: "BTRFS_SUPER_MAGIC"},
	{Val: 0x958458f6, Name: "HUGETLBFS_MAGIC"},
	{Val: 0xa501fcf5, Name: "VXFS_SUPER_MAGIC"},
	{Val: 0xabba1974, Name: "XENFS_SUPER_MAGIC"},
	{Val: 0xc7571590, Name: "PPC_CMM_MAGIC"},
	{Val: 0xc97e8168, Name: "LOGFS_MAGIC"},
	{Val: 0xcafe4a11, Name: "BPF_FS_MAGIC"},
	{Val: 0xde5e81e4, Name: "EFIVARFS_MAGIC"},
	{Val: 0xe0f5e1e2, Name: "EROFS_SUPER_MAGIC_V1"},
	{Val: 0xf2f52010, Name: "F2FS_SUPER_MAGIC"},
	{Val: 0xf97cff8c, Name: "SELINUX_MAGIC"},
	{Val: 0xf995e849, Name: "HPFS_SUPER_MAGIC"},
	{Val: 0xfe534d42, Name: "SMB2_SUPER_MAGIC"},
	{Val: 0xff534d42, Name: "CIFS_SUPER_MAGIC"},
}}

var xStatfsFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x20, Name: "ST_VALID"},
	{Val: 0x1, Name: "ST_RDONLY"},
	{Val: 0x2, Name: "ST_NOSUID"},
	{Val: 0x4, Name: "ST_NODEV"},
	{Val: 0x8, Name: "ST_NOEXEC"},
	{Val: 0x10, Name: "ST_SYNCHRONOUS"},
	{Val: 0x40, Name: "ST_MANDLOCK"},
	{Val: 0x400, Name: "ST_NOATIME"},
	{Val: 0x800, Name: "ST_NODIRATIME"},
	{Val: 0x1000, Name: "ST_RELATIME"},
	{Val: 0x2000, Name: "ST_NOSYMFOLLOW"},
}}

var xRwfFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "RWF_HIPRI"},
	{Val: 0x2, Name: "RWF_DSYNC"},
	{Val: 0x4, Name: "RWF_SYNC"},
	{Val: 0x8, Name: "RWF_NOWAIT"},
	{Val: 0x10, Name: "RWF_APPEND"},
}}

var xAdvise = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "POSIX_FADV_NORMAL"},
	{Val: 0x1, Name: "POSIX_FADV_RANDOM"},
	{Val: 0x2, Name: "POSIX_FADV_SEQUENTIAL"},
	{Val: 0x3, Name: "POSIX_FADV_WILLNEED"},
	{Val: 0x4, Name: "POSIX_FADV_DONTNEED"},
	{Val: 0x5, Name: "POSIX_FADV_NOREUSE"},
}}

var xDirentTypes = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "DT_UNKNOWN"},
	{Val: 0x1, Name: "DT_FIFO"},
	{Val: 0x2, Name: "DT_CHR"},
	{Val: 0x4, Name: "DT_DIR"},
	{Val: 0x6, Name: "DT_BLK"},
	{Val: 0x8, Name: "DT_REG"},
	{Val: 0xa, Name: "DT_LNK"},
	{Val: 0xc, Name: "DT_SOCK"},
	{Val: 0xe, Name: "DT_WHT"},
}}

var xWaitidTypes = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "P_ALL"},
	{Val: 0x1, Name: "P_PID"},
	{Val: 0x2, Name: "P_PGID"},
	{Val: 0x3, Name: "P_PIDFD"},
}}

var xSchedFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "SCHED_FLAG_RESET_ON_FORK"},
	{Val: 0x2, Name: "SCHED_FLAG_RECLAIM"},
	{Val: 0x4, Name: "SCHED_FLAG_DL_OVERRUN"},
	{Val: 0x8, Name: "SCHED_FLAG_KEEP_POLICY"},
	{Val: 0x10, Name: "SCHED_FLAG_KEEP_PARAMS"},
	{Val: 0x20, Name: "SCHED_FLAG_UTIL_CLAMP_MIN"},
	{Val: 0x40, Name: "SCHED_FLAG_UTIL_CLAMP_MAX"},
}}

var xKcmpTypes = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "KCMP_FILE"},
	{Val: 0x1, Name: "KCMP_VM"},
	{Val: 0x2, Name: "KCMP_FILES"},
	{Val: 0x3, Name: "KCMP_FS"},
	{Val: 0x4, Name: "KCMP_SIGHAND"},
	{Val: 0x5, Name: "KCMP_IO"},
	{Val: 0x6, Name: "KCMP_SYSVSEM"},
	{Val: 0x7, Name: "KCMP_EPOLL_TFD"},
}}

var xIoprioWho = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "IOPRIO_WHO_PROCESS"},
	{Val: 0x2, Name: "IOPRIO_WHO_PGRP"},
	{Val: 0x3, Name: "IOPRIO_WHO_USER"},
}}

var xIoprioClass = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "IOPRIO_CLASS_NONE"},
	{Val: 0x1, Name: "IOPRIO_CLASS_RT"},
	{Val: 0x2, Name: "IOPRIO_CLASS_BE"},
	{Val: 0x3, Name: "IOPRIO_CLASS_IDLE"},
}}

var xMembarrierCmds = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "MEMBARRIER_CMD_QUERY"},
	{Val: 0x1, Name: "MEMBARRIER_CMD_GLOBAL"},
	{Val: 0x2, Name: "MEMBARRIER_CMD_GLOBAL_EXPEDITED"},
	{Val: 0x4, Name: "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED"},
	{Val: 0x8, Name: "MEMBARRIER_CMD_PRIVATE_EXPEDITED"},
	{Val: 0x10, Name: "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED"},
	{Val: 0x20, Name: "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE"},
	{Val: 0x40, Name: "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE"},
	{Val: 0x80, Name: "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ"},
	{Val: 0x100, Name: "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ"},
}}

var xMbindFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "MPOL_MF_STRICT"},
	{Val: 0x2, Name: "MPOL_MF_MOVE"},
	{Val: 0x4, Name: "MPOL_MF_MOVE_ALL"},
}}

var xMpolModes = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "MPOL_DEFAULT"},
	{Val: 0x1, Name: "MPOL_PREFERRED"},
	{Val: 0x2, Name: "MPOL_BIND"},
	{Val: 0x3, Name: "MPOL_INTERLEAVE"},
	{Val: 0x4, Name: "MPOL_LOCAL"},
	{Val: 0x5, Name: "MPOL_PREFERRED_MANY"},
}}

var xMovePagesFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x2, Name: "MPOL_MF_MOVE"},
	{Val: 0x4, Name: "MPOL_MF_MOVE_ALL"},
}}

var xGetMempolicyFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "MPOL_F_NODE"},
	{Val: 0x2, Name: "MPOL_F_ADDR"},
	{Val: 0x4, Name: "MPOL_F_MEMS_ALLOWED"},
}}

var xSwapFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x8000, Name: "SWAP_FLAG_PREFER"},
	{Val: 0x10000, Name: "SWAP_FLAG_DISCARD"},
	{Val: 0x20000, Name: "SWAP_FLAG_DISCARD_ONCE"},
	{Val: 0x40000, Name: "SWAP_FLAG_DISCARD_PAGES"},
}}

var xSyslogActionType = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "SYSLOG_ACTION_CLOSE"},
	{Val: 0x1, Name: "SYSLOG_ACTION_OPEN"},
	{Val: 0x2, Name: "SYSLOG_ACTION_READ"},
	{Val: 0x3, Name: "SYSLOG_ACTION_READ_ALL"},
	{Val: 0x4, Name: "SYSLOG_ACTION_READ_CLEAR"},
	{Val: 0x5, Name: "SYSLOG_ACTION_CLEAR"},
	{Val: 0x6, Name: "SYSLOG_ACTION_CONSOLE_OFF"},
	{Val: 0x7, Name: "SYSLOG_ACTION_CONSOLE_ON"},
	{Val: 0x8, Name: "SYSLOG_ACTION_CONSOLE_LEVEL"},
	{Val: 0x9, Name: "SYSLOG_ACTION_SIZE_UNREAD"},
	{Val: 0xa, Name: "SYSLOG_ACTION_SIZE_BUFFER"},
}}

var xDeleteModuleFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x800, Name: "O_NONBLOCK"},
	{Val: 0x200, Name: "O_TRUNC"},
}}

var xModuleInitFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "MODULE_INIT_IGNORE_MODVERSIONS"},
	{Val: 0x2, Name: "MODULE_INIT_IGNORE_VERMAGIC"},
	{Val: 0x4, Name: "MODULE_INIT_COMPRESSED_FILE"},
}}

var xPersonalityFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x20000, Name: "UNAME26"},
	{Val: 0x40000, Name: "ADDR_NO_RANDOMIZE"},
	{Val: 0x80000, Name: "FDPIC_FUNCPTRS"},
	{Val: 0x100000, Name: "MMAP_PAGE_ZERO"},
	{Val: 0x200000, Name: "ADDR_COMPAT_LAYOUT"},
	{Val: 0x400000, Name: "READ_IMPLIES_EXEC"},
	{Val: 0x800000, Name: "ADDR_LIMIT_32BIT"},
	{Val: 0x1000000, Name: "SHORT_INODE"},
	{Val: 0x2000000, Name: "WHOLE_SECONDS"},
	{Val: 0x4000000, Name: "STICKY_TIMEOUTS"},
	{Val: 0x8000000, Name: "ADDR_LIMIT_3GB"},
}}

var xNetlinkProtocols = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "NETLINK_ROUTE"},
	{Val: 0x1, Name: "NETLINK_UNUSED"},
	{Val: 0x2, Name: "NETLINK_USERSOCK"},
	{Val: 0x3, Name: "NETLINK_FIREWALL"},
	{Val: 0x4, Name: "NETLINK_SOCK_DIAG"},
	{Val: 0x5, Name: "NETLINK_NFLOG"},
	{Val: 0x6, Name: "NETLINK_XFRM"},
	{Val: 0x7, Name: "NETLINK_SELINUX"},
	{Val: 0x8, Name: "NETLINK_ISCSI"},
	{Val: 0x9, Name: "NETLINK_AUDIT"},
	{Val: 0xa, Name: "NETLINK_FIB_LOOKUP"},
	{Val: 0xb, Name: "NETLINK_CONNECTOR"},
	{Val: 0xc, Name: "NETLINK_NETFILTER"},
	{Val: 0xd, Name: "NETLINK_IP6_FW"},
	{Val: 0xe, Name: "NETLINK_DNRTMSG"},
	{Val: 0xf, Name: "NETLINK_KOBJECT_UEVENT"},
	{Val: 0x10, Name: "NETLINK_GENERIC"},
	{Val: 0x12, Name: "NETLINK_SCSITRANSPORT"},
	{Val: 0x13, Name: "NETLINK_ECRYPTFS"},
	{Val: 0x14, Name: "NETLINK_RDMA"},
	{Val: 0x15, Name: "NETLINK_CRYPTO"},
	{Val: 0x16, Name: "NETLINK_SMC"},
}}

var xSetnsTypes = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x80, Name: "CLONE_NEWTIME"},
	{Val: 0x20000, Name: "CLONE_NEWNS"},
	{Val: 0x2000000, Name: "CLONE_NEWCGROUP"},
	{Val: 0x4000000, Name: "CLONE_NEWUTS"},
	{Val: 0x8000000, Name: "CLONE_NEWIPC"},
	{Val: 0x10000000, Name: "CLONE_NEWUSER"},
	{Val: 0x20000000, Name: "CLONE_NEWPID"},
	{Val: 0x40000000, Name: "CLONE_NEWNET"},
}}

var xIpcMsgFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1000, Name: "MSG_NOERROR"},
	{Val: 0x2000, Name: "MSG_EXCEPT"},
	{Val: 0x4000, Name: "MSG_COPY"},
	{Val: 0x800, Name: "IPC_NOWAIT"},
}}

var xIpcPrivate = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "IPC_PRIVATE"},
}}

var xShmFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1000, Name: "SHM_RDONLY"},
	{Val: 0x2000, Name: "SHM_RND"},
	{Val: 0x4000, Name: "SHM_REMAP"},
	{Val: 0x8000, Name: "SHM_EXEC"},
}}

var xShmResourceFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x200, Name: "IPC_CREAT"},
	{Val: 0x400, Name: "IPC_EXCL"},
	{Val: 0x800, Name: "SHM_HUGETLB"},
	{Val: 0x1000, Name: "SHM_NORESERVE"},
}}

var xShmctlFlags = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "IPC_RMID"},
	{Val: 0x1, Name: "IPC_SET"},
	{Val: 0x2, Name: "IPC_STAT"},
	{Val: 0x3, Name: "IPC_INFO"},
	{Val: 0xb, Name: "SHM_LOCK"},
	{Val: 0xc, Name: "SHM_UNLOCK"},
	{Val: 0xd, Name: "SHM_STAT"},
	{Val: 0xe, Name: "SHM_INFO"},
	{Val: 0xf, Name: "SHM_STAT_ANY"},
}}

var xMsgctlFlags = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "IPC_RMID"},
	{Val: 0x1, Name: "IPC_SET"},
	{Val: 0x2, Name: "IPC_STAT"},
	{Val: 0x3, Name: "IPC_INFO"},
	{Val: 0xb, Name: "MSG_STAT"},
	{Val: 0xc, Name: "MSG_INFO"},
	{Val: 0xd, Name: "MSG_STAT_ANY"},
}}

var xSemctlFlags = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "IPC_RMID"},
	{Val: 0x1, Name: "IPC_SET"},
	{Val: 0x2, Name: "IPC_STAT"},
	{Val: 0x3, Name: "IPC_INFO"},
	{Val: 0xb, Name: "GETPID"},
	{Val: 0xc, Name: "GETVAL"},
	{Val: 0xd, Name: "GETALL"},
	{Val: 0xe, Name: "GETNCNT"},
	{Val: 0xf, Name: "GETZCNT"},
	{Val: 0x10, Name: "SETVAL"},
	{Val: 0x11, Name: "SETALL"},
	{Val: 0x12, Name: "SEM_STAT"},
	{Val: 0x13, Name: "SEM_INFO"},
	{Val: 0x14, Name: "SEM_STAT_ANY"},
}}

var xSyncFileRangeFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "SYNC_FILE_RANGE_WAIT_BEFORE"},
	{Val: 0x2, Name: "SYNC_FILE_RANGE_WRITE"},
	{Val: 0x4, Name: "SYNC_FILE_RANGE_WAIT_AFTER"},
}}

var xNameToHandleAtFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x400, Name: "AT_SYMLINK_FOLLOW"},
	{Val: 0x1000, Name: "AT_EMPTY_PATH"},
}}

var xLandlockCreateRulesetFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "LANDLOCK_CREATE_RULESET_VERSION"},
}}

var xUringEnterFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "IORING_ENTER_GETEVENTS"},
	{Val: 0x2, Name: "IORING_ENTER_SQ_WAKEUP"},
	{Val: 0x4, Name: "IORING_ENTER_SQ_WAIT"},
	{Val: 0x8, Name: "IORING_ENTER_EXT_ARG"},
	{Val: 0x10, Name: "IORING_ENTER_REGISTERED_RING"},
}}

var xBootflags1 = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0xfee1dead, Name: "LINUX_REBOOT_MAGIC1"},
}}

var xBootflags2 = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x28121969, Name: "LINUX_REBOOT_MAGIC2"},
	{Val: 0x5121996, Name: "LINUX_REBOOT_MAGIC2A"},
	{Val: 0x16041998, Name: "LINUX_REBOOT_MAGIC2B"},
	{Val: 0x20112000, Name: "LINUX_REBOOT_MAGIC2C"},
}}

var xBootflags3 = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1234567, Name: "LINUX_REBOOT_CMD_RESTART"},
	{Val: 0xcdef0123, Name: "LINUX_REBOOT_CMD_HALT"},
	{Val: 0x89abcdef, Name: "LINUX_REBOOT_CMD_CAD_ON"},
	{Val: 0x0, Name: "LINUX_REBOOT_CMD_CAD_OFF"},
	{Val: 0x4321fedc, Name: "LINUX_REBOOT_CMD_POWER_OFF"},
	{Val: 0xa1b2c3d4, Name: "LINUX_REBOOT_CMD_RESTART2"},
	{Val: 0xd000fce2, Name: "LINUX_REBOOT_CMD_SW_SUSPEND"},
	{Val: 0x45584543, Name: "LINUX_REBOOT_CMD_KEXEC"},
}}

var xPkeyAccess = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "PKEY_DISABLE_ACCESS"},
	{Val: 0x2, Name: "PKEY_DISABLE_WRITE"},
	{Val: 0x4, Name: "PKEY_DISABLE_EXECUTE"},
}}

var xQuotatypes = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "USRQUOTA"},
	{Val: 0x1, Name: "GRPQUOTA"},
	{Val: 0x2, Name: "PRJQUOTA"},
}}

var xFanInitFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "FAN_CLOEXEC"},
	{Val: 0x2, Name: "FAN_NONBLOCK"},
	{Val: 0x10, Name: "FAN_UNLIMITED_QUEUE"},
	{Val: 0x20, Name: "FAN_UNLIMITED_MARKS"},
	{Val: 0x40, Name: "FAN_ENABLE_AUDIT"},
	{Val: 0x80, Name: "FAN_REPORT_PIDFD"},
	{Val: 0x100, Name: "FAN_REPORT_TID"},
	{Val: 0x200, Name: "FAN_REPORT_FID"},
	{Val: 0x400, Name: "FAN_REPORT_DIR_FID"},
	{Val: 0x800, Name: "FAN_REPORT_NAME"},
	{Val: 0x1000, Name: "FAN_REPORT_TARGET_FID"},
}}

var xFanMarkFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "FAN_MARK_ADD"},
	{Val: 0x2, Name: "FAN_MARK_REMOVE"},
	{Val: 0x4, Name: "FAN_MARK_DONT_FOLLOW"},
	{Val: 0x8, Name: "FAN_MARK_ONLYDIR"},
	{Val: 0x10, Name: "FAN_MARK_MOUNT"},
	{Val: 0x20, Name: "FAN_MARK_IGNORED_MASK"},
	{Val: 0x40, Name: "FAN_MARK_IGNORED_SURV_MODIFY"},
	{Val: 0x80, Name: "FAN_MARK_FLUSH"},
	{Val: 0x100, Name: "FAN_MARK_FILESYSTEM"},
	{Val: 0x200, Name: "FAN_MARK_EVICTABLE"},
	{Val: 0x400, Name: "FAN_MARK_IGNORE"},
}}

var xFanEventFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "FAN_ACCESS"},
	{Val: 0x2, Name: "FAN_MODIFY"},
	{Val: 0x4, Name: "FAN_ATTRIB"},
	{Val: 0x8, Name: "FAN_CLOSE_WRITE"},
	{Val: 0x10, Name: "FAN_CLOSE_NOWRITE"},
	{Val: 0x20, Name: "FAN_OPEN"},
	{Val: 0x40, Name: "FAN_MOVED_FROM"},
	{Val: 0x80, Name: "FAN_MOVED_TO"},
	{Val: 0x100, Name: "FAN_CREATE"},
	{Val: 0x200, Name: "FAN_DELETE"},
	{Val: 0x400, Name: "FAN_DELETE_SELF"},
	{Val: 0x800, Name: "FAN_MOVE_SELF"},
	{Val: 0x1000, Name: "FAN_OPEN_EXEC"},
	{Val: 0x4000, Name: "FAN_Q_OVERFLOW"},
	{Val: 0x8000, Name: "FAN_FS_ERROR"},
	{Val: 0x10000, Name: "FAN_OPEN_PERM"},
	{Val: 0x20000, Name: "FAN_ACCESS_PERM"},
	{Val: 0x40000, Name: "FAN_OPEN_EXEC_PERM"},
	{Val: 0x80000, Name: "FAN_DIR_MODIFY"},
	{Val: 0x40000000, Name: "FAN_ONDIR"},
	{Val: 0x8000000, Name: "FAN_EVENT_ON_CHILD"},
	{Val: 0x10000000, Name: "FAN_RENAME"},
}}

var xFanClasses = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "FAN_CLASS_NOTIF"},
	{Val: 0x4, Name: "FAN_CLASS_CONTENT"},
	{Val: 0x8, Name: "FAN_CLASS_PRE_CONTENT"},
}}

var xSemopFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1000, Name: "SEM_UNDO"},
	{Val: 0x800, Name: "IPC_NOWAIT"},
}}

var xMqAttrFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x800, Name: "O_NONBLOCK"},
}}

var xOpenTreeFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "OPEN_TREE_CLONE"},
	{Val: 0x80000, Name: "OPEN_TREE_CLOEXEC"},
	{Val: 0x100, Name: "AT_SYMLINK_NOFOLLOW"},
	{Val: 0x200, Name: "AT_REMOVEDIR"},
	{Val: 0x400, Name: "AT_SYMLINK_FOLLOW"},
	{Val: 0x800, Name: "AT_NO_AUTOMOUNT"},
	{Val: 0x1000, Name: "AT_EMPTY_PATH"},
	{Val: 0x8000, Name: "AT_RECURSIVE"},
}}

var xMoveMountFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "MOVE_MOUNT_F_SYMLINKS"},
	{Val: 0x2, Name: "MOVE_MOUNT_F_AUTOMOUNTS"},
	{Val: 0x4, Name: "MOVE_MOUNT_F_EMPTY_PATH"},
	{Val: 0x10, Name: "MOVE_MOUNT_T_SYMLINKS"},
	{Val: 0x20, Name: "MOVE_MOUNT_T_AUTOMOUNTS"},
	{Val: 0x40, Name: "MOVE_MOUNT_T_EMPTY_PATH"},
	{Val: 0x100, Name: "MOVE_MOUNT_SET_GROUP"},
}}

var xFsopenFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "FSOPEN_CLOEXEC"},
}}

var xFsmountFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "FSMOUNT_CLOEXEC"},
}}

var xFspickFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "FSPICK_CLOEXEC"},
	{Val: 0x2, Name: "FSPICK_SYMLINK_NOFOLLOW"},
	{Val: 0x4, Name: "FSPICK_NO_AUTOMOUNT"},
	{Val: 0x8, Name: "FSPICK_EMPTY_PATH"},
}}

var xFsconfigCmds = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "FSCONFIG_SET_FLAG"},
	{Val: 0x1, Name: "FSCONFIG_SET_STRING"},
	{Val: 0x2, Name: "FSCONFIG_SET_BINARY"},
	{Val: 0x3, Name: "FSCONFIG_SET_PATH"},
	{Val: 0x4, Name: "FSCONFIG_SET_PATH_EMPTY"},
	{Val: 0x5, Name: "FSCONFIG_SET_FD"},
	{Val: 0x6, Name: "FSCONFIG_CMD_CREATE"},
	{Val: 0x7, Name: "FSCONFIG_CMD_RECONFIGURE"},
}}

var xMountSetattrFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x100, Name: "AT_SYMLINK_NOFOLLOW"},
	{Val: 0x800, Name: "AT_NO_AUTOMOUNT"},
	{Val: 0x1000, Name: "AT_EMPTY_PATH"},
	{Val: 0x8000, Name: "AT_RECURSIVE"},
}}

var xKexecLoadFlags = &printers.Xlat{Entries: []printers.XlatEntry{}}

var xKexecFileLoadFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "KEXEC_FILE_UNLOAD"},
	{Val: 0x2, Name: "KEXEC_FILE_ON_CRASH"},
	{Val: 0x4, Name: "KEXEC_FILE_NO_INITRAMFS"},
}}

var xMembarrierFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "MEMBARRIER_CMD_FLAG_CPU"},
}}

var xKeySpec = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0xffffffffffffffff, Name: "KEY_SPEC_THREAD_KEYRING"},
	{Val: 0xfffffffffffffffe, Name: "KEY_SPEC_PROCESS_KEYRING"},
	{Val: 0xfffffffffffffffd, Name: "KEY_SPEC_SESSION_KEYRING"},
	{Val: 0xfffffffffffffffc, Name: "KEY_SPEC_USER_KEYRING"},
	{Val: 0xfffffffffffffffb, Name: "KEY_SPEC_USER_SESSION_KEYRING"},
	{Val: 0xfffffffffffffffa, Name: "KEY_SPEC_GROUP_KEYRING"},
	{Val: 0xfffffffffffffff9, Name: "KEY_SPEC_REQKEY_AUTH_KEY"},
	{Val: 0xfffffffffffffff8, Name: "KEY_SPEC_REQUESTOR_KEYRING"},
}}

var xKeyctlCommands = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "KEYCTL_GET_KEYRING_ID"},
	{Val: 0x1, Name: "KEYCTL_JOIN_SESSION_KEYRING"},
	{Val: 0x2, Name: "KEYCTL_UPDATE"},
	{Val: 0x3, Name: "KEYCTL_REVOKE"},
	{Val: 0x4, Name: "KEYCTL_CHOWN"},
	{Val: 0x5, Name: "KEYCTL_SETPERM"},
	{Val: 0x6, Name: "KEYCTL_DESCRIBE"},
	{Val: 0x7, Name: "KEYCTL_CLEAR"},
	{Val: 0x8, Name: "KEYCTL_LINK"},
	{Val: 0x9, Name: "KEYCTL_UNLINK"},
	{Val: 0xa, Name: "KEYCTL_SEARCH"},
	{Val: 0xb, Name: "KEYCTL_READ"},
	{Val: 0xc, Name: "KEYCTL_INSTANTIATE"},
	{Val: 0xd, Name: "KEYCTL_NEGATE"},
	{Val: 0xe, Name: "KEYCTL_SET_REQKEY_KEYRING"},
	{Val: 0xf, Name: "KEYCTL_SET_TIMEOUT"},
	{Val: 0x10, Name: "KEYCTL_ASSUME_AUTHORITY"},
	{Val: 0x11, Name: "KEYCTL_GET_SECURITY"},
	{Val: 0x12, Name: "KEYCTL_SESSION_TO_PARENT"},
	{Val: 0x13, Name: "KEYCTL_REJECT"},
	{Val: 0x14, Name: "KEYCTL_INSTANTIATE_IOV"},
	{Val: 0x15, Name: "KEYCTL_INVALIDATE"},
	{Val: 0x16, Name: "KEYCTL_GET_PERSISTENT"},
	{Val: 0x17, Name: "KEYCTL_DH_COMPUTE"},
	{Val: 0x18, Name: "KEYCTL_PKEY_QUERY"},
	{Val: 0x19, Name: "KEYCTL_PKEY_ENCRYPT"},
	{Val: 0x1a, Name: "KEYCTL_PKEY_DECRYPT"},
	{Val: 0x1b, Name: "KEYCTL_PKEY_SIGN"},
	{Val: 0x1c, Name: "KEYCTL_PKEY_VERIFY"},
	{Val: 0x1d, Name: "KEYCTL_RESTRICT_KEYRING"},
	{Val: 0x1e, Name: "KEYCTL_MOVE"},
	{Val: 0x1f, Name: "KEYCTL_CAPABILITIES"},
	{Val: 0x20, Name: "KEYCTL_WATCH_KEY"},
}}

var xPrSetMm = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "PR_SET_MM_START_CODE"},
	{Val: 0x2, Name: "PR_SET_MM_END_CODE"},
	{Val: 0x3, Name: "PR_SET_MM_START_DATA"},
	{Val: 0x4, Name: "PR_SET_MM_END_DATA"},
	{Val: 0x5, Name: "PR_SET_MM_START_STACK"},
	{Val: 0x6, Name: "PR_SET_MM_START_BRK"},
	{Val: 0x7, Name: "PR_SET_MM_BRK"},
	{Val: 0x8, Name: "PR_SET_MM_ARG_START"},
	{Val: 0x9, Name: "PR_SET_MM_ARG_END"},
	{Val: 0xa, Name: "PR_SET_MM_ENV_START"},
	{Val: 0xb, Name: "PR_SET_MM_ENV_END"},
	{Val: 0xc, Name: "PR_SET_MM_AUXV"},
	{Val: 0xd, Name: "PR_SET_MM_EXE_FILE"},
	{Val: 0xe, Name: "PR_SET_MM_MAP"},
	{Val: 0xf, Name: "PR_SET_MM_MAP_SIZE"},
}}

var xPrTsc = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "PR_TSC_ENABLE"},
	{Val: 0x2, Name: "PR_TSC_SIGSEGV"},
}}

var xPrDumpable = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "SUID_DUMP_DISABLE"},
	{Val: 0x1, Name: "SUID_DUMP_USER"},
	{Val: 0x2, Name: "SUID_DUMP_ROOT"},
}}

var xSiginfoCodes = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "SI_USER"},
	{Val: 0x80, Name: "SI_KERNEL"},
	{Val: 0xffffffffffffffff, Name: "SI_QUEUE"},
	{Val: 0xfffffffffffffffe, Name: "SI_TIMER"},
	{Val: 0xfffffffffffffffd, Name: "SI_MESGQ"},
	{Val: 0xfffffffffffffffc, Name: "SI_ASYNCIO"},
	{Val: 0xfffffffffffffffb, Name: "SI_SIGIO"},
	{Val: 0xfffffffffffffffa, Name: "SI_TKILL"},
	{Val: 0xfffffffffffffff9, Name: "SI_DETHREAD"},
	{Val: 0xffffffffffffffc4, Name: "SI_ASYNCNL"},
}}

var xCapVersion = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x19980330, Name: "_LINUX_CAPABILITY_VERSION_1"},
	{Val: 0x20071026, Name: "_LINUX_CAPABILITY_VERSION_2"},
	{Val: 0x20080522, Name: "_LINUX_CAPABILITY_VERSION_3"},
}}

var xTermLineDiscs = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "N_TTY"},
	{Val: 0x1, Name: "N_SLIP"},
	{Val: 0x2, Name: "N_MOUSE"},
	{Val: 0x3, Name: "N_PPP"},
	{Val: 0x4, Name: "N_STRIP"},
	{Val: 0x5, Name: "N_AX25"},
	{Val: 0x6, Name: "N_X25"},
	{Val: 0x7, Name: "N_6PACK"},
	{Val: 0x8, Name: "N_MASC"},
	{Val: 0x9, Name: "N_R3964"},
	{Val: 0xa, Name: "N_PROFIBUS_FDL"},
	{Val: 0xb, Name: "N_IRDA"},
	{Val: 0xc, Name: "N_SMSBLOCK"},
	{Val: 0xd, Name: "N_HDLC"},
	{Val: 0xe, Name: "N_SYNC_PPP"},
	{Val: 0xf, Name: "N_HCI"},
	{Val: 0x10, Name: "N_GIGASET_M101"},
	{Val: 0x11, Name: "N_SLCAN"},
	{Val: 0x12, Name: "N_PPS"},
	{Val: 0x13, Name: "N_V253"},
	{Val: 0x14, Name: "N_CAIF"},
	{Val: 0x15, Name: "N_GSM0710"},
	{Val: 0x16, Name: "N_TI_WL"},
	{Val: 0x17, Name: "N_TRACESINK"},
	{Val: 0x18, Name: "N_TRACEROUTER"},
	{Val: 0x19, Name: "N_NCI"},
	{Val: 0x1a, Name: "N_SPEAKUP"},
	{Val: 0x1b, Name: "N_NULL"},
}}

var xTcflshOptions = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "TCIFLUSH"},
	{Val: 0x1, Name: "TCOFLUSH"},
	{Val: 0x2, Name: "TCIOFLUSH"},
}}

var xTcxoncOptions = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "TCOOFF"},
	{Val: 0x1, Name: "TCOON"},
	{Val: 0x2, Name: "TCIOFF"},
	{Val: 0x3, Name: "TCION"},
}}

var xIoctlDirs = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "_IOC_NONE"},
	{Val: 0x2, Name: "_IOC_READ"},
	{Val: 0x1, Name: "_IOC_WRITE"},
}}

var xFOwnerTypes = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "F_OWNER_TID"},
	{Val: 0x1, Name: "F_OWNER_PID"},
	{Val: 0x2, Name: "F_OWNER_PGRP"},
}}

var xLockfcmds = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "F_RDLCK"},
	{Val: 0x1, Name: "F_WRLCK"},
	{Val: 0x2, Name: "F_UNLCK"},
	{Val: 0x4, Name: "F_EXLCK"},
	{Val: 0x8, Name: "F_SHLCK"},
}}

var xNotifyflags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "DN_ACCESS"},
	{Val: 0x2, Name: "DN_MODIFY"},
	{Val: 0x4, Name: "DN_CREATE"},
	{Val: 0x8, Name: "DN_DELETE"},
	{Val: 0x10, Name: "DN_RENAME"},
	{Val: 0x20, Name: "DN_ATTRIB"},
	{Val: 0x80000000, Name: "DN_MULTISHOT"},
}}

var xResourceFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x200, Name: "IPC_CREAT"},
	{Val: 0x400, Name: "IPC_EXCL"},
	{Val: 0x800, Name: "IPC_NOWAIT"},
}}

var xClockflags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "TIMER_ABSTIME"},
}}

var xSockNetlinkOptions = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "NETLINK_ADD_MEMBERSHIP"},
	{Val: 0x2, Name: "NETLINK_DROP_MEMBERSHIP"},
	{Val: 0x3, Name: "NETLINK_PKTINFO"},
	{Val: 0x4, Name: "NETLINK_BROADCAST_ERROR"},
	{Val: 0x5, Name: "NETLINK_NO_ENOBUFS"},
	{Val: 0x6, Name: "NETLINK_RX_RING"},
	{Val: 0x7, Name: "NETLINK_TX_RING"},
	{Val: 0x8, Name: "NETLINK_LISTEN_ALL_NSID"},
	{Val: 0x9, Name: "NETLINK_LIST_MEMBERSHIPS"},
	{Val: 0xa, Name: "NETLINK_CAP_ACK"},
	{Val: 0xb, Name: "NETLINK_EXT_ACK"},
	{Val: 0xc, Name: "NETLINK_GET_STRICT_CHK"},
}}

var xSockUdpOptions = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "UDP_CORK"},
	{Val: 0x64, Name: "UDP_ENCAP"},
	{Val: 0x65, Name: "UDP_NO_CHECK6_TX"},
	{Val: 0x66, Name: "UDP_NO_CHECK6_RX"},
	{Val: 0x67, Name: "UDP_SEGMENT"},
	{Val: 0x68, Name: "UDP_GRO"},
}}

var xSockRawOptions = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "ICMP_FILTER"},
}}

var xSockPacketOptions = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "PACKET_ADD_MEMBERSHIP"},
	{Val: 0x2, Name: "PACKET_DROP_MEMBERSHIP"},
	{Val: 0x3, Name: "PACKET_RECV_OUTPUT"},
	{Val: 0x5, Name: "PACKET_RX_RING"},
	{Val: 0x6, Name: "PACKET_STATISTICS"},
	{Val: 0x7, Name: "PACKET_COPY_THRESH"},
	{Val: 0x8, Name: "PACKET_AUXDATA"},
	{Val: 0x9, Name: "PACKET_ORIGDEV"},
	{Val: 0xa, Name: "PACKET_VERSION"},
	{Val: 0xb, Name: "PACKET_HDRLEN"},
	{Val: 0xc, Name: "PACKET_RESERVE"},
	{Val: 0xd, Name: "PACKET_TX_RING"},
	{Val: 0xe, Name: "PACKET_LOSS"},
	{Val: 0xf, Name: "PACKET_VNET_HDR"},
	{Val: 0x10, Name: "PACKET_TX_TIMESTAMP"},
	{Val: 0x11, Name: "PACKET_TIMESTAMP"},
	{Val: 0x12, Name: "PACKET_FANOUT"},
	{Val: 0x13, Name: "PACKET_TX_HAS_OFF"},
	{Val: 0x14, Name: "PACKET_QDISC_BYPASS"},
	{Val: 0x15, Name: "PACKET_ROLLOVER_STATS"},
	{Val: 0x16, Name: "PACKET_FANOUT_DATA"},
	{Val: 0x17, Name: "PACKET_IGNORE_OUTGOING"},
}}

var xMemfdSecretFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x80000, Name: "O_CLOEXEC"},
}}

var xUffdFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "UFFD_USER_MODE_ONLY"},
	{Val: 0x800, Name: "O_NONBLOCK"},
	{Val: 0x80000, Name: "O_CLOEXEC"},
}}

var xOpenResolveFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "RESOLVE_NO_XDEV"},
	{Val: 0x2, Name: "RESOLVE_NO_MAGICLINKS"},
	{Val: 0x4, Name: "RESOLVE_NO_SYMLINKS"},
	{Val: 0x8, Name: "RESOLVE_BENEATH"},
	{Val: 0x10, Name: "RESOLVE_IN_ROOT"},
	{Val: 0x20, Name: "RESOLVE_CACHED"},
}}

var xCpuclocknames = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "CPUCLOCK_PROF"},
	{Val: 0x1, Name: "CPUCLOCK_VIRT"},
	{Val: 0x2, Name: "CPUCLOCK_SCHED"},
}}

var xIoctls = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "FIBMAP"},
	{Val: 0x2, Name: "FIGETBSZ"},
	{Val: 0x125d, Name: "BLKROSET"},
	{Val: 0x125e, Name: "BLKROGET"},
	{Val: 0x125f, Name: "BLKRRPART"},
	{Val: 0x1260, Name: "BLKGETSIZE"},
	{Val: 0x1261, Name: "BLKFLSBUF"},
	{Val: 0x1262, Name: "BLKRASET"},
	{Val: 0x1263, Name: "BLKRAGET"},
	{Val: 0x1264, Name: "BLKFRASET"},
	{Val: 0x1265, Name: "BLKFRAGET"},
	{Val: 0x1266, Name: "BLKSECTSET"},
	{Val: 0x1267, Name: "BLKSECTGET"},
	{Val: 0x1268, Name: "BLKSSZGET"},
	{Val: 0x1277, Name: "BLKDISCARD"},
	{Val: 0x1278, Name: "BLKIOMIN"},
	{Val: 0x1279, Name: "BLKIOOPT"},
	{Val: 0x127a, Name: "BLKALIGNOFF"},
	{Val: 0x127b, Name: "BLKPBSZGET"},
	{Val: 0x127c, Name: "BLKDISCARDZEROES"},
	{Val: 0x127d, Name: "BLKSECDISCARD"},
	{Val: 0x127e, Name: "BLKROTATIONAL"},
	{Val: 0x127f, Name: "BLKZEROOUT"},
	{Val: 0x2400, Name: "PERF_EVENT_IOC_ENABLE"},
	{Val: 0x2401, Name: "PERF_EVENT_IOC_DISABLE"},
	{Val: 0x2402, Name: "PERF_EVENT_IOC_REFRESH"},
	{Val: 0x2403, Name: "PERF_EVENT_IOC_RESET"},
	{Val: 0x2405, Name: "PERF_EVENT_IOC_SET_OUTPUT"},
	{Val: 0x5401, Name: "TCGETS"},
	{Val: 0x5402, Name: "TCSETS"},
	{Val: 0x5403, Name: "TCSETSW"},
	{Val: 0x5404, Name: "TCSETSF"},
	{Val: 0x5405, Name: "TCGETA"},
	{Val: 0x5406, Name: "TCSETA"},
	{Val: 0x5407, Name: "TCSETAW"},
	{Val: 0x5408, Name: "TCSETAF"},
	{Val: 0x5409, Name: "TCSBRK"},
	{Val: 0x540a, Name: "TCXONC"},
	{Val: 0x540b, Name: "TCFLSH"},
	{Val: 0x540c, Name: "TIOCEXCL"},
	{Val: 0x540d, Name: "TIOCNXCL"},
	{Val: 0x540e, Name: "TIOCSCTTY"},
	{Val: 0x540f, Name: "TIOCGPGRP"},
	{Val: 0x5410, Name: "TIOCSPGRP"},
	{Val: 0x5411, Name: "TIOCOUTQ"},
	{Val: 0x5412, Name: "TIOCSTI"},
	{Val: 0x5413, Name: "TIOCGWINSZ"},
	{Val: 0x5414, Name: "TIOCSWINSZ"},
	{Val: 0x5415, Name: "TIOCMGET"},
	{Val: 0x5416, Name: "TIOCMBIS"},
	{Val: 0x5417, Name: "TIOCMBIC"},
	{Val: 0x5418, Name: "TIOCMSET"},
	{Val: 0x5419, Name: "TIOCGSOFTCAR"},
	{Val: 0x541a, Name: "TIOCSSOFTCAR"},
	{Val: 0x541b, Name: "FIONREAD"},
	{Val: 0x541c, Name: "TIOCLINUX"},
	{Val: 0x541d, Name: "TIOCCONS"},
	{Val: 0x541e, Name: "TIOCGSERIAL"},
	{Val: 0x541f, Name: "TIOCSSERIAL"},
	{Val: 0x5420, Name: "TIOCPKT"},
	{Val: 0x5421, Name: "FIONBIO"},
	{Val: 0x5422, Name: "TIOCNOTTY"},
	{Val: 0x5423, Name: "TIOCSETD"},
	{Val: 0x5424, Name: "TIOCGETD"},
	{Val: 0x5425, Name: "TCSBRKP"},
	{Val: 0x5427, Name: "TIOCSBRK"},
	{Val: 0x5428, Name: "TIOCCBRK"},
	{Val: 0x5429, Name: "TIOCGSID"},
	{Val: 0x5437, Name: "TIOCVHANGUP"},
	{Val: 0x5441, Name: "TIOCGPTPEER"},
	{Val: 0x5450, Name: "FIONCLEX"},
	{Val: 0x5451, Name: "FIOCLEX"},
	{Val: 0x5452, Name: "FIOASYNC"},
	{Val: 0x5456, Name: "TIOCGLCKTRMIOS"},
	{Val: 0x5457, Name: "TIOCSLCKTRMIOS"},
	{Val: 0x5459, Name: "TIOCSERGETLSR"},
	{Val: 0x545c, Name: "TIOCMIWAIT"},
	{Val: 0x545d, Name: "TIOCGICOUNT"},
	{Val: 0x5460, Name: "FIOQSIZE"},
	{Val: 0x8901, Name: "FIOSETOWN"},
	{Val: 0x8902, Name: "SIOCSPGRP"},
	{Val: 0x8903, Name: "FIOGETOWN"},
	{Val: 0x8904, Name: "SIOCGPGRP"},
	{Val: 0x8905, Name: "SIOCATMARK"},
	{Val: 0x8906, Name: "SIOCGSTAMP_OLD"},
	{Val: 0x8907, Name: "SIOCGSTAMPNS_OLD"},
	{Val: 0x890b, Name: "SIOCADDRT"},
	{Val: 0x890c, Name: "SIOCDELRT"},
	{Val: 0x890d, Name: "SIOCRTMSG"},
	{Val: 0x8910, Name: "SIOCGIFNAME"},
	{Val: 0x8911, Name: "SIOCSIFLINK"},
	{Val: 0x8912, Name: "SIOCGIFCONF"},
	{Val: 0x8913, Name: "SIOCGIFFLAGS"},
	{Val: 0x8914, Name: "SIOCSIFFLAGS"},
	{Val: 0x8915, Name: "SIOCGIFADDR"},
	{Val: 0x8916, Name: "SIOCSIFADDR"},
	{Val: 0x8917, Name: "SIOCGIFDSTADDR"},
	{Val: 0x8918, Name: "SIOCSIFDSTADDR"},
	{Val: 0x8919, Name: "SIOCGIFBRDADDR"},
	{Val: 0x891a, Name: "SIOCSIFBRDADDR"},
	{Val: 0x891b, Name: "SIOCGIFNETMASK"},
	{Val: 0x891c, Name: "SIOCSIFNETMASK"},
	{Val: 0x891d, Name: "SIOCGIFMETRIC"},
	{Val: 0x891e, Name: "SIOCSIFMETRIC"},
	{Val: 0x891f, Name: "SIOCGIFMEM"},
	{Val: 0x8920, Name: "SIOCSIFMEM"},
	{Val: 0x8921, Name: "SIOCGIFMTU"},
	{Val: 0x8922, Name: "SIOCSIFMTU"},
	{Val: 0x8923, Name: "SIOCSIFNAME"},
	{Val: 0x8924, Name: "SIOCSIFHWADDR"},
	{Val: 0x8925, Name: "SIOCGIFENCAP"},
	{Val: 0x8926, Name: "SIOCSIFENCAP"},
	{Val: 0x8927, Name: "SIOCGIFHWADDR"},
	{Val: 0x8929, Name: "SIOCGIFSLAVE"},
	{Val: 0x8930, Name: "SIOCSIFSLAVE"},
	{Val: 0x8931, Name: "SIOCADDMULTI"},
	{Val: 0x8932, Name: "SIOCDELMULTI"},
	{Val: 0x8933, Name: "SIOCGIFINDEX"},
	{Val: 0x8934, Name: "SIOCSIFPFLAGS"},
	{Val: 0x8935, Name: "SIOCGIFPFLAGS"},
	{Val: 0x8936, Name: "SIOCDIFADDR"},
	{Val: 0x8937, Name: "SIOCSIFHWBROADCAST"},
	{Val: 0x8938, Name: "SIOCGIFCOUNT"},
	{Val: 0x8940, Name: "SIOCGIFBR"},
	{Val: 0x8941, Name: "SIOCSIFBR"},
	{Val: 0x8942, Name: "SIOCGIFTXQLEN"},
	{Val: 0x8943, Name: "SIOCSIFTXQLEN"},
	{Val: 0x8946, Name: "SIOCETHTOOL"},
	{Val: 0x8947, Name: "SIOCGMIIPHY"},
	{Val: 0x8948, Name: "SIOCGMIIREG"},
	{Val: 0x8949, Name: "SIOCSMIIREG"},
	{Val: 0x894a, Name: "SIOCWANDEV"},
	{Val: 0x894b, Name: "SIOCOUTQNSD"},
	{Val: 0x894c, Name: "SIOCGSKNS"},
	{Val: 0x8953, Name: "SIOCDARP"},
	{Val: 0x8954, Name: "SIOCGARP"},
	{Val: 0x8955, Name: "SIOCSARP"},
	{Val: 0x8960, Name: "SIOCDRARP"},
	{Val: 0x8961, Name: "SIOCGRARP"},
	{Val: 0x8962, Name: "SIOCSRARP"},
	{Val: 0x8970, Name: "SIOCGIFMAP"},
	{Val: 0x8971, Name: "SIOCSIFMAP"},
	{Val: 0x8980, Name: "SIOCADDDLCI"},
	{Val: 0x8981, Name: "SIOCDELDLCI"},
	{Val: 0x8982, Name: "SIOCGIFVLAN"},
	{Val: 0x8983, Name: "SIOCSIFVLAN"},
	{Val: 0x8990, Name: "SIOCBONDENSLAVE"},
	{Val: 0x8991, Name: "SIOCBONDRELEASE"},
	{Val: 0x8992, Name: "SIOCBONDSETHWADDR"},
	{Val: 0x8993, Name: "SIOCBONDSLAVEINFOQUERY"},
	{Val: 0x8994, Name: "SIOCBONDINFOQUERY"},
	{Val: 0x8995, Name: "SIOCBONDCHANGEACTIVE"},
	{Val: 0x89a0, Name: "SIOCBRADDBR"},
	{Val: 0x89a1, Name: "SIOCBRDELBR"},
	{Val: 0x89a2, Name: "SIOCBRADDIF"},
	{Val: 0x89a3, Name: "SIOCBRDELIF"},
	{Val: 0x89b0, Name: "SIOCSHWTSTAMP"},
	{Val: 0x89b1, Name: "SIOCGHWTSTAMP"},
	{Val: 0x40042408, Name: "PERF_EVENT_IOC_SET_BPF"},
	{Val: 0x40042409, Name: "PERF_EVENT_IOC_PAUSE_OUTPUT"},
	{Val: 0x40045431, Name: "TIOCSPTLCK"},
	{Val: 0x400454ca, Name: "TUNSETIFF"},
	{Val: 0x400454cb, Name: "TUNSETPERSIST"},
	{Val: 0x400454cc, Name: "TUNSETOWNER"},
	{Val: 0x40049409, Name: "FICLONE"},
	{Val: 0x40081271, Name: "BLKBSZSET"},
	{Val: 0x40082102, Name: "SECCOMP_IOCTL_NOTIF_ID_VALID"},
	{Val: 0x40082404, Name: "PERF_EVENT_IOC_PERIOD"},
	{Val: 0x40082406, Name: "PERF_EVENT_IOC_SET_FILTER"},
	{Val: 0x4008240b, Name: "PERF_EVENT_IOC_MODIFY_ATTRIBUTES"},
	{Val: 0x40086602, Name: "FS_IOC_SETFLAGS"},
	{Val: 0x40087602, Name: "FS_IOC_SETVERSION"},
	{Val: 0x40182103, Name: "SECCOMP_IOCTL_NOTIF_ADDFD"},
	{Val: 0x4020940d, Name: "FICLONERANGE"},
	{Val: 0x402c542b, Name: "TCSETS2"},
	{Val: 0x402c542c, Name: "TCSETSW2"},
	{Val: 0x402c542d, Name: "TCSETSF2"},
	{Val: 0x80045430, Name: "TIOCGPTN"},
	{Val: 0x80045432, Name: "TIOCGDEV"},
	{Val: 0x80045438, Name: "TIOCGPKT"},
	{Val: 0x80045439, Name: "TIOCGPTLCK"},
	{Val: 0x80045440, Name: "TIOCGEXCL"},
	{Val: 0x800454cf, Name: "TUNGETFEATURES"},
	{Val: 0x800454d2, Name: "TUNGETIFF"},
	{Val: 0x80081270, Name: "BLKBSZGET"},
	{Val: 0x80081272, Name: "BLKGETSIZE64"},
	{Val: 0x80082407, Name: "PERF_EVENT_IOC_ID"},
	{Val: 0x80086601, Name: "FS_IOC_GETFLAGS"},
	{Val: 0x80087601, Name: "FS_IOC_GETVERSION"},
	{Val: 0x802c542a, Name: "TCGETS2"},
	{Val: 0xc0045877, Name: "FIFREEZE"},
	{Val: 0xc0045878, Name: "FITHAW"},
	{Val: 0xc008240a, Name: "PERF_EVENT_IOC_QUERY_BPF"},
	{Val: 0xc0182101, Name: "SECCOMP_IOCTL_NOTIF_SEND"},
	{Val: 0xc0185879, Name: "FITRIM"},
	{Val: 0xc0189436, Name: "FIDEDUPERANGE"},
	{Val: 0xc020660b, Name: "FS_IOC_FIEMAP"},
	{Val: 0xc0502100, Name: "SECCOMP_IOCTL_NOTIF_RECV"},
}}

var xTermIflags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "IGNBRK"},
	{Val: 0x2, Name: "BRKINT"},
	{Val: 0x4, Name: "IGNPAR"},
	{Val: 0x8, Name: "PARMRK"},
	{Val: 0x10, Name: "INPCK"},
	{Val: 0x20, Name: "ISTRIP"},
	{Val: 0x40, Name: "INLCR"},
	{Val: 0x80, Name: "IGNCR"},
	{Val: 0x100, Name: "ICRNL"},
	{Val: 0x200, Name: "IUCLC"},
	{Val: 0x400, Name: "IXON"},
	{Val: 0x800, Name: "IXANY"},
	{Val: 0x1000, Name: "IXOFF"},
	{Val: 0x2000, Name: "IMAXBEL"},
	{Val: 0x4000, Name: "IUTF8"},
}}

var xTermOflags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "OPOST"},
	{Val: 0x2, Name: "OLCUC"},
	{Val: 0x4, Name: "ONLCR"},
	{Val: 0x8, Name: "OCRNL"},
	{Val: 0x10, Name: "ONOCR"},
	{Val: 0x20, Name: "ONLRET"},
	{Val: 0x40, Name: "OFILL"},
	{Val: 0x80, Name: "OFDEL"},
}}

var xTermCflags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x40, Name: "CSTOPB"},
	{Val: 0x80, Name: "CREAD"},
	{Val: 0x100, Name: "PARENB"},
	{Val: 0x200, Name: "PARODD"},
	{Val: 0x400, Name: "HUPCL"},
	{Val: 0x800, Name: "CLOCAL"},
	{Val: 0x40000000, Name: "CMSPAR"},
	{Val: 0x80000000, Name: "CRTSCTS"},
}}

var xTermLflags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "ISIG"},
	{Val: 0x2, Name: "ICANON"},
	{Val: 0x4, Name: "XCASE"},
	{Val: 0x8, Name: "ECHO"},
	{Val: 0x10, Name: "ECHOE"},
	{Val: 0x20, Name: "ECHOK"},
	{Val: 0x40, Name: "ECHONL"},
	{Val: 0x80, Name: "NOFLSH"},
	{Val: 0x8000, Name: "IEXTEN"},
	{Val: 0x200, Name: "ECHOCTL"},
	{Val: 0x400, Name: "ECHOPRT"},
	{Val: 0x800, Name: "ECHOKE"},
	{Val: 0x1000, Name: "FLUSHO"},
	{Val: 0x4000, Name: "PENDIN"},
	{Val: 0x100, Name: "TOSTOP"},
	{Val: 0x10000, Name: "EXTPROC"},
}}

var xBaudOptions = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "B0"},
	{Val: 0x1, Name: "B50"},
	{Val: 0x2, Name: "B75"},
	{Val: 0x3, Name: "B110"},
	{Val: 0x4, Name: "B134"},
	{Val: 0x5, Name: "B150"},
	{Val: 0x6, Name: "B200"},
	{Val: 0x7, Name: "B300"},
	{Val: 0x8, Name: "B600"},
	{Val: 0x9, Name: "B1200"},
	{Val: 0xa, Name: "B1800"},
	{Val: 0xb, Name: "B2400"},
	{Val: 0xc, Name: "B4800"},
	{Val: 0xd, Name: "B9600"},
	{Val: 0xe, Name: "B19200"},
	{Val: 0xf, Name: "B38400"},
	{Val: 0x1001, Name: "B57600"},
	{Val: 0x1002, Name: "B115200"},
	{Val: 0x1003, Name: "B230400"},
	{Val: 0x1004, Name: "B460800"},
	{Val: 0x1005, Name: "B500000"},
	{Val: 0x1006, Name: "B576000"},
	{Val: 0x1007, Name: "B921600"},
	{Val: 0x1008, Name: "B1000000"},
	{Val: 0x1009, Name: "B1152000"},
	{Val: 0x100a, Name: "B1500000"},
	{Val: 0x100b, Name: "B2000000"},
	{Val: 0x100c, Name: "B2500000"},
	{Val: 0x100d, Name: "B3000000"},
	{Val: 0x100e, Name: "B3500000"},
	{Val: 0x100f, Name: "B4000000"},
	{Val: 0xe, Name: "EXTA"},
	{Val: 0xf, Name: "EXTB"},
	{Val: 0x1000, Name: "BOTHER"},
}}

var xTermCflagsCsize = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "CS5"},
	{Val: 0x10, Name: "CS6"},
	{Val: 0x20, Name: "CS7"},
	{Val: 0x30, Name: "CS8"},
}}

var xTermOflagsNldly = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "NL0"},
	{Val: 0x100, Name: "NL1"},
}}

var xTermOflagsCrdly = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "CR0"},
	{Val: 0x200, Name: "CR1"},
	{Val: 0x400, Name: "CR2"},
	{Val: 0x600, Name: "CR3"},
}}

var xTermOflagsTabdly = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1800, Name: "XTABS"},
	{Val: 0x0, Name: "TAB0"},
	{Val: 0x800, Name: "TAB1"},
	{Val: 0x1000, Name: "TAB2"},
	{Val: 0x1800, Name: "TAB3"},
}}

var xTermOflagsBsdly = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x2000, Name: "BS1"},
	{Val: 0x0, Name: "BS0"},
}}

var xTermOflagsVtdly = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "VT0"},
	{Val: 0x4000, Name: "VT1"},
}}

var xTermOflagsFfdly = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "FF0"},
	{Val: 0x8000, Name: "FF1"},
}}

var xTermiosCc = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "VINTR"},
	{Val: 0x1, Name: "VQUIT"},
	{Val: 0x2, Name: "VERASE"},
	{Val: 0x3, Name: "VKILL"},
	{Val: 0x10, Name: "VEOL2"},
	{Val: 0x7, Name: "VSWTC"},
	{Val: 0x8, Name: "VSTART"},
	{Val: 0x9, Name: "VSTOP"},
	{Val: 0xa, Name: "VSUSP"},
	{Val: 0xc, Name: "VREPRINT"},
	{Val: 0xd, Name: "VDISCARD"},
	{Val: 0xe, Name: "VWERASE"},
	{Val: 0xf, Name: "VLNEXT"},
	{Val: 0x6, Name: "VMIN"},
	{Val: 0x5, Name: "VTIME"},
	{Val: 0x4, Name: "VEOF"},
	{Val: 0xb, Name: "VEOL"},
}}

var xGetsockOptions = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1a, Name: "SO_GET_FILTER"},
}}

var xSetsockOptions = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1a, Name: "SO_ATTACH_FILTER"},
}}

var xGetsockIpOptions = &printers.Xlat{Entries: []printers.XlatEntry{}}

var xSetsockIpOptions = &printers.Xlat{Entries: []printers.XlatEntry{}}

var xGetsockIpv6Options = &printers.Xlat{Entries: []printers.XlatEntry{}}

var xSetsockIpv6Options = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x40, Name: "IP6T_SO_SET_REPLACE"},
	{Val: 0x41, Name: "IP6T_SO_SET_ADD_COUNTERS"},
}}

var xPrUnalignFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "PR_UNALIGN_NOPRINT"},
	{Val: 0x2, Name: "PR_UNALIGN_SIGBUS"},
}}

var xSecbits = &printers.Xlat{Entries: []printers.XlatEntry{}}

var xCap = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "CAP_CHOWN"},
	{Val: 0x1, Name: "CAP_DAC_OVERRIDE"},
	{Val: 0x2, Name: "CAP_DAC_READ_SEARCH"},
	{Val: 0x3, Name: "CAP_FOWNER"},
	{Val: 0x4, Name: "CAP_FSETID"},
	{Val: 0x5, Name: "CAP_KILL"},
	{Val: 0x6, Name: "CAP_SETGID"},
	{Val: 0x7, Name: "CAP_SETUID"},
	{Val: 0x8, Name: "CAP_SETPCAP"},
	{Val: 0x9, Name: "CAP_LINUX_IMMUTABLE"},
	{Val: 0xa, Name: "CAP_NET_BIND_SERVICE"},
	{Val: 0xb, Name: "CAP_NET_BROADCAST"},
	{Val: 0xc, Name: "CAP_NET_ADMIN"},
	{Val: 0xd, Name: "CAP_NET_RAW"},
	{Val: 0xe, Name: "CAP_IPC_LOCK"},
	{Val: 0xf, Name: "CAP_IPC_OWNER"},
	{Val: 0x10, Name: "CAP_SYS_MODULE"},
	{Val: 0x11, Name: "CAP_SYS_RAWIO"},
	{Val: 0x12, Name: "CAP_SYS_CHROOT"},
	{Val: 0x13, Name: "CAP_SYS_PTRACE"},
	{Val: 0x14, Name: "CAP_SYS_PACCT"},
	{Val: 0x15, Name: "CAP_SYS_ADMIN"},
	{Val: 0x16, Name: "CAP_SYS_BOOT"},
	{Val: 0x17, Name: "CAP_SYS_NICE"},
	{Val: 0x18, Name: "CAP_SYS_RESOURCE"},
	{Val: 0x19, Name: "CAP_SYS_TIME"},
	{Val: 0x1a, Name: "CAP_SYS_TTY_CONFIG"},
	{Val: 0x1b, Name: "CAP_MKNOD"},
	{Val: 0x1c, Name: "CAP_LEASE"},
	{Val: 0x1d, Name: "CAP_AUDIT_WRITE"},
	{Val: 0x1e, Name: "CAP_AUDIT_CONTROL"},
	{Val: 0x1f, Name: "CAP_SETFCAP"},
	{Val: 0x20, Name: "CAP_MAC_OVERRIDE"},
	{Val: 0x21, Name: "CAP_MAC_ADMIN"},
	{Val: 0x22, Name: "CAP_SYSLOG"},
	{Val: 0x23, Name: "CAP_WAKE_ALARM"},
	{Val: 0x24, Name: "CAP_BLOCK_SUSPEND"},
	{Val: 0x25, Name: "CAP_AUDIT_READ"},
	{Val: 0x26, Name: "CAP_PERFMON"},
	{Val: 0x27, Name: "CAP_BPF"},
	{Val: 0x28, Name: "CAP_CHECKPOINT_RESTORE"},
}}

var xFutexwakeops = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "FUTEX_OP_SET"},
	{Val: 0x1, Name: "FUTEX_OP_ADD"},
	{Val: 0x2, Name: "FUTEX_OP_OR"},
	{Val: 0x3, Name: "FUTEX_OP_ANDN"},
	{Val: 0x4, Name: "FUTEX_OP_XOR"},
}}

var xFutexwakecmps = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "FUTEX_OP_CMP_EQ"},
	{Val: 0x1, Name: "FUTEX_OP_CMP_NE"},
	{Val: 0x2, Name: "FUTEX_OP_CMP_LT"},
	{Val: 0x3, Name: "FUTEX_OP_CMP_LE"},
	{Val: 0x4, Name: "FUTEX_OP_CMP_GT"},
	{Val: 0x5, Name: "FUTEX_OP_CMP_GE"},
}}

var xPerfEventOpenFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "PERF_FLAG_FD_NO_GROUP"},
	{Val: 0x2, Name: "PERF_FLAG_FD_OUTPUT"},
	{Val: 0x4, Name: "PERF_FLAG_PID_CGROUP"},
	{Val: 0x8, Name: "PERF_FLAG_FD_CLOEXEC"},
}}

var xKeyPerms = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1000000, Name: "KEY_POS_VIEW"},
	{Val: 0x2000000, Name: "KEY_POS_READ"},
	{Val: 0x4000000, Name: "KEY_POS_WRITE"},
	{Val: 0x8000000, Name: "KEY_POS_SEARCH"},
	{Val: 0x10000000, Name: "KEY_POS_LINK"},
	{Val: 0x20000000, Name: "KEY_POS_SETATTR"},
	{Val: 0x3f000000, Name: "KEY_POS_ALL"},
	{Val: 0x10000, Name: "KEY_USR_VIEW"},
	{Val: 0x20000, Name: "KEY_USR_READ"},
	{Val: 0x40000, Name: "KEY_USR_WRITE"},
	{Val: 0x80000, Name: "KEY_USR_SEARCH"},
	{Val: 0x100000, Name: "KEY_USR_LINK"},
	{Val: 0x200000, Name: "KEY_USR_SETATTR"},
	{Val: 0x3f0000, Name: "KEY_USR_ALL"},
	{Val: 0x100, Name: "KEY_GRP_VIEW"},
	{Val: 0x200, Name: "KEY_GRP_READ"},
	{Val: 0x400, Name: "KEY_GRP_WRITE"},
	{Val: 0x800, Name: "KEY_GRP_SEARCH"},
	{Val: 0x1000, Name: "KEY_GRP_LINK"},
	{Val: 0x2000, Name: "KEY_GRP_SETATTR"},
	{Val: 0x3f00, Name: "KEY_GRP_ALL"},
	{Val: 0x1, Name: "KEY_OTH_VIEW"},
	{Val: 0x2, Name: "KEY_OTH_READ"},
	{Val: 0x4, Name: "KEY_OTH_WRITE"},
	{Val: 0x8, Name: "KEY_OTH_SEARCH"},
	{Val: 0x10, Name: "KEY_OTH_LINK"},
	{Val: 0x20, Name: "KEY_OTH_SETATTR"},
	{Val: 0x3f, Name: "KEY_OTH_ALL"},
}}

var xKeyReqkeys = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0xffffffffffffffff, Name: "KEY_REQKEY_DEFL_NO_CHANGE"},
	{Val: 0x0, Name: "KEY_REQKEY_DEFL_DEFAULT"},
	{Val: 0x1, Name: "KEY_REQKEY_DEFL_THREAD_KEYRING"},
	{Val: 0x2, Name: "KEY_REQKEY_DEFL_PROCESS_KEYRING"},
	{Val: 0x3, Name: "KEY_REQKEY_DEFL_SESSION_KEYRING"},
	{Val: 0x4, Name: "KEY_REQKEY_DEFL_USER_KEYRING"},
	{Val: 0x5, Name: "KEY_REQKEY_DEFL_USER_SESSION_KEYRING"},
	{Val: 0x6, Name: "KEY_REQKEY_DEFL_GROUP_KEYRING"},
	{Val: 0x7, Name: "KEY_REQKEY_DEFL_REQUESTOR_KEYRING"},
}}

var xKeyctlMoveFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "KEYCTL_MOVE_EXCL"},
}}

var xKeyctlCaps0 = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "KEYCTL_CAPS0_CAPABILITIES"},
	{Val: 0x2, Name: "KEYCTL_CAPS0_PERSISTENT_KEYRINGS"},
	{Val: 0x4, Name: "KEYCTL_CAPS0_DIFFIE_HELLMAN"},
	{Val: 0x8, Name: "KEYCTL_CAPS0_PUBLIC_KEY"},
	{Val: 0x10, Name: "KEYCTL_CAPS0_BIG_KEY"},
	{Val: 0x20, Name: "KEYCTL_CAPS0_INVALIDATE"},
	{Val: 0x40, Name: "KEYCTL_CAPS0_RESTRICT_KEYRING"},
	{Val: 0x80, Name: "KEYCTL_CAPS0_MOVE"},
}}

var xKeyctlCaps1 = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "KEYCTL_CAPS1_NS_KEYRING_NAME"},
	{Val: 0x2, Name: "KEYCTL_CAPS1_NS_KEY_TAG"},
	{Val: 0x4, Name: "KEYCTL_CAPS1_NOTIFICATIONS"},
}}

var xPersonalityTypes = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "PER_LINUX"},
	{Val: 0x800000, Name: "PER_LINUX_32BIT"},
	{Val: 0x80000, Name: "PER_LINUX_FDPIC"},
	{Val: 0x4100001, Name: "PER_SVR4"},
	{Val: 0x5000002, Name: "PER_SVR3"},
	{Val: 0x7000003, Name: "PER_SCOSVR3"},
	{Val: 0x6000003, Name: "PER_OSR5"},
	{Val: 0x5000004, Name: "PER_WYSEV386"},
	{Val: 0x4000005, Name: "PER_ISCR4"},
	{Val: 0x6, Name: "PER_BSD"},
	{Val: 0x4000006, Name: "PER_SUNOS"},
	{Val: 0x5000007, Name: "PER_XENIX"},
	{Val: 0x8, Name: "PER_LINUX32"},
	{Val: 0x8000008, Name: "PER_LINUX32_3GB"},
	{Val: 0x4000009, Name: "PER_IRIX32"},
	{Val: 0x400000a, Name: "PER_IRIXN32"},
	{Val: 0x400000b, Name: "PER_IRIX64"},
	{Val: 0xc, Name: "PER_RISCOS"},
	{Val: 0x400000d, Name: "PER_SOLARIS"},
	{Val: 0x410000e, Name: "PER_UW7"},
	{Val: 0xf, Name: "PER_OSF4"},
	{Val: 0x10, Name: "PER_HPUX"},
	{Val: 0xff, Name: "PER_MASK"},
}}

var xMountAttrFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "MOUNT_ATTR_RDONLY"},
	{Val: 0x2, Name: "MOUNT_ATTR_NOSUID"},
	{Val: 0x4, Name: "MOUNT_ATTR_NODEV"},
	{Val: 0x8, Name: "MOUNT_ATTR_NOEXEC"},
	{Val: 0x10, Name: "MOUNT_ATTR_NOATIME"},
	{Val: 0x20, Name: "MOUNT_ATTR_STRICTATIME"},
	{Val: 0x80, Name: "MOUNT_ATTR_NODIRATIME"},
	{Val: 0x100000, Name: "MOUNT_ATTR_IDMAP"},
	{Val: 0x200000, Name: "MOUNT_ATTR_NOSYMFOLLOW"},
}}

var xUringRegisterOpcodes = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "IORING_REGISTER_BUFFERS"},
	{Val: 0x1, Name: "IORING_UNREGISTER_BUFFERS"},
	{Val: 0x2, Name: "IORING_REGISTER_FILES"},
	{Val: 0x3, Name: "IORING_UNREGISTER_FILES"},
	{Val: 0x4, Name: "IORING_REGISTER_EVENTFD"},
	{Val: 0x5, Name: "IORING_UNREGISTER_EVENTFD"},
	{Val: 0x6, Name: "IORING_REGISTER_FILES_UPDATE"},
	{Val: 0x7, Name: "IORING_REGISTER_EVENTFD_ASYNC"},
	{Val: 0x8, Name: "IORING_REGISTER_PROBE"},
	{Val: 0x9, Name: "IORING_REGISTER_PERSONALITY"},
	{Val: 0xa, Name: "IORING_UNREGISTER_PERSONALITY"},
	{Val: 0xb, Name: "IORING_REGISTER_RESTRICTIONS"},
	{Val: 0xc, Name: "IORING_REGISTER_ENABLE_RINGS"},
	{Val: 0xd, Name: "IORING_REGISTER_FILES2"},
	{Val: 0xe, Name: "IORING_REGISTER_FILES_UPDATE2"},
	{Val: 0xf, Name: "IORING_REGISTER_BUFFERS2"},
	{Val: 0x10, Name: "IORING_REGISTER_BUFFERS_UPDATE"},
	{Val: 0x11, Name: "IORING_REGISTER_IOWQ_AFF"},
	{Val: 0x12, Name: "IORING_UNREGISTER_IOWQ_AFF"},
	{Val: 0x13, Name: "IORING_REGISTER_IOWQ_MAX_WORKERS"},
	{Val: 0x14, Name: "IORING_REGISTER_RING_FDS"},
	{Val: 0x15, Name: "IORING_UNREGISTER_RING_FDS"},
	{Val: 0x16, Name: "IORING_REGISTER_PBUF_RING"},
	{Val: 0x17, Name: "IORING_UNREGISTER_PBUF_RING"},
}}

var xBpfCommands = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "BPF_MAP_CREATE"},
	{Val: 0x1, Name: "BPF_MAP_LOOKUP_ELEM"},
	{Val: 0x2, Name: "BPF_MAP_UPDATE_ELEM"},
	{Val: 0x3, Name: "BPF_MAP_DELETE_ELEM"},
	{Val: 0x4, Name: "BPF_MAP_GET_NEXT_KEY"},
	{Val: 0x5, Name: "BPF_PROG_LOAD"},
	{Val: 0x6, Name: "BPF_OBJ_PIN"},
	{Val: 0x7, Name: "BPF_OBJ_GET"},
	{Val: 0x8, Name: "BPF_PROG_ATTACH"},
	{Val: 0x9, Name: "BPF_PROG_DETACH"},
	{Val: 0xa, Name: "BPF_PROG_TEST_RUN"},
	{Val: 0xb, Name: "BPF_PROG_GET_NEXT_ID"},
	{Val: 0xc, Name: "BPF_MAP_GET_NEXT_ID"},
	{Val: 0xd, Name: "BPF_PROG_GET_FD_BY_ID"},
	{Val: 0xe, Name: "BPF_MAP_GET_FD_BY_ID"},
	{Val: 0xf, Name: "BPF_OBJ_GET_INFO_BY_FD"},
	{Val: 0x10, Name: "BPF_PROG_QUERY"},
	{Val: 0x11, Name: "BPF_RAW_TRACEPOINT_OPEN"},
	{Val: 0x12, Name: "BPF_BTF_LOAD"},
	{Val: 0x13, Name: "BPF_BTF_GET_FD_BY_ID"},
	{Val: 0x14, Name: "BPF_TASK_FD_QUERY"},
	{Val: 0x15, Name: "BPF_MAP_LOOKUP_AND_DELETE_ELEM"},
	{Val: 0x16, Name: "BPF_MAP_FREEZE"},
	{Val: 0x17, Name: "BPF_BTF_GET_NEXT_ID"},
	{Val: 0x18, Name: "BPF_MAP_LOOKUP_BATCH"},
	{Val: 0x19, Name: "BPF_MAP_LOOKUP_AND_DELETE_BATCH"},
	{Val: 0x1a, Name: "BPF_MAP_UPDATE_BATCH"},
	{Val: 0x1b, Name: "BPF_MAP_DELETE_BATCH"},
	{Val: 0x1c, Name: "BPF_LINK_CREATE"},
	{Val: 0x1d, Name: "BPF_LINK_UPDATE"},
	{Val: 0x1e, Name: "BPF_LINK_GET_FD_BY_ID"},
	{Val: 0x1f, Name: "BPF_LINK_GET_NEXT_ID"},
	{Val: 0x20, Name: "BPF_ENABLE_STATS"},
	{Val: 0x21, Name: "BPF_ITER_CREATE"},
	{Val: 0x22, Name: "BPF_LINK_DETACH"},
	{Val: 0x23, Name: "BPF_PROG_BIND_MAP"},
}}

var xQuotaCmds = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x100, Name: "Q_V1_QUOTAON"},
	{Val: 0x200, Name: "Q_V1_QUOTAOFF"},
	{Val: 0x300, Name: "Q_V1_GETQUOTA"},
	{Val: 0x400, Name: "Q_V1_SETQUOTA"},
	{Val: 0x500, Name: "Q_V1_SETUSE"},
	{Val: 0x600, Name: "Q_V1_SYNC"},
	{Val: 0x700, Name: "Q_SETQLIM"},
	{Val: 0x800, Name: "Q_V1_GETSTATS"},
	{Val: 0x1000, Name: "Q_V1_RSQUASH"},
	{Val: 0xd00, Name: "Q_V2_GETQUOTA"},
	{Val: 0xe00, Name: "Q_V2_SETQUOTA"},
	{Val: 0xf00, Name: "Q_V2_SETUSE"},
	{Val: 0x900, Name: "Q_V2_GETINFO"},
	{Val: 0xa00, Name: "Q_V2_SETINFO"},
	{Val: 0xb00, Name: "Q_V2_SETGRACE"},
	{Val: 0xc00, Name: "Q_V2_SETFLAGS"},
	{Val: 0x1100, Name: "Q_V2_GETSTATS"},
	{Val: 0x800001, Name: "Q_SYNC"},
	{Val: 0x800002, Name: "Q_QUOTAON"},
	{Val: 0x800003, Name: "Q_QUOTAOFF"},
	{Val: 0x800004, Name: "Q_GETFMT"},
	{Val: 0x800005, Name: "Q_GETINFO"},
	{Val: 0x800006, Name: "Q_SETINFO"},
	{Val: 0x800007, Name: "Q_GETQUOTA"},
	{Val: 0x800008, Name: "Q_SETQUOTA"},
	{Val: 0x800009, Name: "Q_GETNEXTQUOTA"},
	{Val: 0x5801, Name: "Q_XQUOTAON"},
	{Val: 0x5802, Name: "Q_XQUOTAOFF"},
	{Val: 0x5803, Name: "Q_XGETQUOTA"},
	{Val: 0x5804, Name: "Q_XSETQLIM"},
	{Val: 0x5805, Name: "Q_XGETQSTAT"},
	{Val: 0x5806, Name: "Q_XQUOTARM"},
	{Val: 0x5807, Name: "Q_XQUOTASYNC"},
	{Val: 0x5808, Name: "Q_XGETQSTATV"},
	{Val: 0x5809, Name: "Q_XGETNEXTQUOTA"},
}}

var xQuotaFormats = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "QFMT_VFS_OLD"},
	{Val: 0x2, Name: "QFMT_VFS_V0"},
	{Val: 0x3, Name: "QFMT_OCFS2"},
	{Val: 0x4, Name: "QFMT_VFS_V1"},
}}

var xLandlockRuleTypes = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "LANDLOCK_RULE_PATH_BENEATH"},
}}

var xSyslogConsoleLevels = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0xfffffffffffffffe, Name: "LOGLEVEL_SCHED"},
	{Val: 0xffffffffffffffff, Name: "LOGLEVEL_DEFAULT"},
	{Val: 0x0, Name: "LOGLEVEL_EMERG"},
	{Val: 0x1, Name: "LOGLEVEL_ALERT"},
	{Val: 0x2, Name: "LOGLEVEL_CRIT"},
	{Val: 0x3, Name: "LOGLEVEL_ERR"},
	{Val: 0x4, Name: "LOGLEVEL_WARNING"},
	{Val: 0x5, Name: "LOGLEVEL_NOTICE"},
	{Val: 0x6, Name: "LOGLEVEL_INFO"},
	{Val: 0x7, Name: "LOGLEVEL_DEBUG"},
}}

var xScmvals = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "SCM_RIGHTS"},
	{Val: 0x2, Name: "SCM_CREDENTIALS"},
	{Val: 0x3, Name: "SCM_SECURITY"},
	{Val: 0x29, Name: "SO_WIFI_STATUS"},
	{Val: 0x3d, Name: "SO_TXTIME"},
	{Val: 0x1d, Name: "SO_TIMESTAMP_OLD"},
	{Val: 0x23, Name: "SO_TIMESTAMPNS_OLD"},
	{Val: 0x25, Name: "SO_TIMESTAMPING_OLD"},
	{Val: 0x3f, Name: "SO_TIMESTAMP_NEW"},
	{Val: 0x40, Name: "SO_TIMESTAMPNS_NEW"},
	{Val: 0x41, Name: "SO_TIMESTAMPING_NEW"},
	{Val: 0x36, Name: "SCM_TIMESTAMPING_OPT_STATS"},
	{Val: 0x3a, Name: "SCM_TIMESTAMPING_PKTINFO"},
}}

var xIPCmsgTypes = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "IP_TOS"},
	{Val: 0x2, Name: "IP_TTL"},
	{Val: 0x6, Name: "IP_RECVOPTS"},
	{Val: 0x7, Name: "IP_RETOPTS"},
	{Val: 0x8, Name: "IP_PKTINFO"},
	{Val: 0xb, Name: "IP_RECVERR"},
	{Val: 0x14, Name: "IP_ORIGDSTADDR"},
	{Val: 0x17, Name: "IP_CHECKSUM"},
	{Val: 0x3, Name: "SCM_SECURITY"},
}}

var xSigevNotify = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "SIGEV_SIGNAL"},
	{Val: 0x1, Name: "SIGEV_NONE"},
	{Val: 0x2, Name: "SIGEV_THREAD"},
	{Val: 0x4, Name: "SIGEV_THREAD_ID"},
}}

var xLandlockAccessFs = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "LANDLOCK_ACCESS_FS_EXECUTE"},
	{Val: 0x2, Name: "LANDLOCK_ACCESS_FS_WRITE_FILE"},
	{Val: 0x4, Name: "LANDLOCK_ACCESS_FS_READ_FILE"},
	{Val: 0x8, Name: "LANDLOCK_ACCESS_FS_READ_DIR"},
	{Val: 0x10, Name: "LANDLOCK_ACCESS_FS_REMOVE_DIR"},
	{Val: 0x20, Name: "LANDLOCK_ACCESS_FS_REMOVE_FILE"},
	{Val: 0x40, Name: "LANDLOCK_ACCESS_FS_MAKE_CHAR"},
	{Val: 0x80, Name: "LANDLOCK_ACCESS_FS_MAKE_DIR"},
	{Val: 0x100, Name: "LANDLOCK_ACCESS_FS_MAKE_REG"},
	{Val: 0x200, Name: "LANDLOCK_ACCESS_FS_MAKE_SOCK"},
	{Val: 0x400, Name: "LANDLOCK_ACCESS_FS_MAKE_FIFO"},
	{Val: 0x800, Name: "LANDLOCK_ACCESS_FS_MAKE_BLOCK"},
	{Val: 0x1000, Name: "LANDLOCK_ACCESS_FS_MAKE_SYM"},
	{Val: 0x2000, Name: "LANDLOCK_ACCESS_FS_REFER"},
}}

var xMountPropagation = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x20000, Name: "MS_UNBINDABLE"},
	{Val: 0x40000, Name: "MS_PRIVATE"},
	{Val: 0x80000, Name: "MS_SLAVE"},
	{Val: 0x100000, Name: "MS_SHARED"},
}}

var xUringSetupFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "IORING_SETUP_IOPOLL"},
	{Val: 0x2, Name: "IORING_SETUP_SQPOLL"},
	{Val: 0x4, Name: "IORING_SETUP_SQ_AFF"},
	{Val: 0x8, Name: "IORING_SETUP_CQSIZE"},
	{Val: 0x10, Name: "IORING_SETUP_CLAMP"},
	{Val: 0x20, Name: "IORING_SETUP_ATTACH_WQ"},
	{Val: 0x40, Name: "IORING_SETUP_R_DISABLED"},
	{Val: 0x80, Name: "IORING_SETUP_SUBMIT_ALL"},
	{Val: 0x100, Name: "IORING_SETUP_COOP_TASKRUN"},
	{Val: 0x200, Name: "IORING_SETUP_TASKRUN_FLAG"},
	{Val: 0x400, Name: "IORING_SETUP_SQE128"},
	{Val: 0x800, Name: "IORING_SETUP_CQE32"},
}}

var xUringSetupFeatures = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "IORING_FEAT_SINGLE_MMAP"},
	{Val: 0x2, Name: "IORING_FEAT_NODROP"},
	{Val: 0x4, Name: "IORING_FEAT_SUBMIT_STABLE"},
	{Val: 0x8, Name: "IORING_FEAT_RW_CUR_POS"},
	{Val: 0x10, Name: "IORING_FEAT_CUR_PERSONALITY"},
	{Val: 0x20, Name: "IORING_FEAT_FAST_POLL"},
	{Val: 0x40, Name: "IORING_FEAT_POLL_32BITS"},
	{Val: 0x80, Name: "IORING_FEAT_SQPOLL_NONFIXED"},
	{Val: 0x100, Name: "IORING_FEAT_EXT_ARG"},
	{Val: 0x200, Name: "IORING_FEAT_NATIVE_WORKERS"},
	{Val: 0x400, Name: "IORING_FEAT_RSRC_TAGS"},
	{Val: 0x800, Name: "IORING_FEAT_CQE_SKIP"},
	{Val: 0x1000, Name: "IORING_FEAT_LINKED_FILE"},
}}

var xBpfMapTypes = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "BPF_MAP_TYPE_UNSPEC"},
	{Val: 0x1, Name: "BPF_MAP_TYPE_HASH"},
	{Val: 0x2, Name: "BPF_MAP_TYPE_ARRAY"},
	{Val: 0x3, Name: "BPF_MAP_TYPE_PROG_ARRAY"},
	{Val: 0x4, Name: "BPF_MAP_TYPE_PERF_EVENT_ARRAY"},
	{Val: 0x5, Name: "BPF_MAP_TYPE_PERCPU_HASH"},
	{Val: 0x6, Name: "BPF_MAP_TYPE_PERCPU_ARRAY"},
	{Val: 0x7, Name: "BPF_MAP_TYPE_STACK_TRACE"},
	{Val: 0x8, Name: "BPF_MAP_TYPE_CGROUP_ARRAY"},
	{Val: 0x9, Name: "BPF_MAP_TYPE_LRU_HASH"},
	{Val: 0xa, Name: "BPF_MAP_TYPE_LRU_PERCPU_HASH"},
	{Val: 0xb, Name: "BPF_MAP_TYPE_LPM_TRIE"},
	{Val: 0xc, Name: "BPF_MAP_TYPE_ARRAY_OF_MAPS"},
	{Val: 0xd, Name: "BPF_MAP_TYPE_HASH_OF_MAPS"},
	{Val: 0xe, Name: "BPF_MAP_TYPE_DEVMAP"},
	{Val: 0xf, Name: "BPF_MAP_TYPE_SOCKMAP"},
	{Val: 0x10, Name: "BPF_MAP_TYPE_CPUMAP"},
	{Val: 0x11, Name: "BPF_MAP_TYPE_XSKMAP"},
	{Val: 0x12, Name: "BPF_MAP_TYPE_SOCKHASH"},
	{Val: 0x13, Name: "BPF_MAP_TYPE_CGROUP_STORAGE"},
	{Val: 0x14, Name: "BPF_MAP_TYPE_REUSEPORT_SOCKARRAY"},
	{Val: 0x15, Name: "BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE"},
	{Val: 0x16, Name: "BPF_MAP_TYPE_QUEUE"},
	{Val: 0x17, Name: "BPF_MAP_TYPE_STACK"},
	{Val: 0x18, Name: "BPF_MAP_TYPE_SK_STORAGE"},
	{Val: 0x19, Name: "BPF_MAP_TYPE_DEVMAP_HASH"},
	{Val: 0x1a, Name: "BPF_MAP_TYPE_STRUCT_OPS"},
	{Val: 0x1b, Name: "BPF_MAP_TYPE_RINGBUF"},
	{Val: 0x1c, Name: "BPF_MAP_TYPE_INODE_STORAGE"},
	{Val: 0x1d, Name: "BPF_MAP_TYPE_TASK_STORAGE"},
	{Val: 0x1e, Name: "BPF_MAP_TYPE_BLOOM_FILTER"},
	{Val: 0x1f, Name: "BPF_MAP_TYPE_USER_RINGBUF"},
}}

var xBpfMapFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "BPF_F_NO_PREALLOC"},
	{Val: 0x2, Name: "BPF_F_NO_COMMON_LRU"},
	{Val: 0x4, Name: "BPF_F_NUMA_NODE"},
	{Val: 0x8, Name: "BPF_F_RDONLY"},
	{Val: 0x10, Name: "BPF_F_WRONLY"},
	{Val: 0x20, Name: "BPF_F_STACK_BUILD_ID"},
	{Val: 0x40, Name: "BPF_F_ZERO_SEED"},
	{Val: 0x80, Name: "BPF_F_RDONLY_PROG"},
	{Val: 0x100, Name: "BPF_F_WRONLY_PROG"},
	{Val: 0x200, Name: "BPF_F_CLONE"},
	{Val: 0x400, Name: "BPF_F_MMAPABLE"},
	{Val: 0x800, Name: "BPF_F_PRESERVE_ELEMS"},
	{Val: 0x1000, Name: "BPF_F_INNER_MAP"},
}}

var xBpfProgTypes = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "BPF_PROG_TYPE_UNSPEC"},
	{Val: 0x1, Name: "BPF_PROG_TYPE_SOCKET_FILTER"},
	{Val: 0x2, Name: "BPF_PROG_TYPE_KPROBE"},
	{Val: 0x3, Name: "BPF_PROG_TYPE_SCHED_CLS"},
	{Val: 0x4, Name: "BPF_PROG_TYPE_SCHED_ACT"},
	{Val: 0x5, Name: "BPF_PROG_TYPE_TRACEPOINT"},
	{Val: 0x6, Name: "BPF_PROG_TYPE_XDP"},
	{Val: 0x7, Name: "BPF_PROG_TYPE_PERF_EVENT"},
	{Val: 0x8, Name: "BPF_PROG_TYPE_CGROUP_SKB"},
	{Val: 0x9, Name: "BPF_PROG_TYPE_CGROUP_SOCK"},
	{Val: 0xa, Name: "BPF_PROG_TYPE_LWT_IN"},
	{Val: 0xb, Name: "BPF_PROG_TYPE_LWT_OUT"},
	{Val: 0xc, Name: "BPF_PROG_TYPE_LWT_XMIT"},
	{Val: 0xd, Name: "BPF_PROG_TYPE_SOCK_OPS"},
	{Val: 0xe, Name: "BPF_PROG_TYPE_SK_SKB"},
	{Val: 0xf, Name: "BPF_PROG_TYPE_CGROUP_DEVICE"},
	{Val: 0x10, Name: "BPF_PROG_TYPE_SK_MSG"},
	{Val: 0x11, Name: "BPF_PROG_TYPE_RAW_TRACEPOINT"},
	{Val: 0x12, Name: "BPF_PROG_TYPE_CGROUP_SOCK_ADDR"},
	{Val: 0x13, Name: "BPF_PROG_TYPE_LWT_SEG6LOCAL"},
	{Val: 0x14, Name: "BPF_PROG_TYPE_LIRC_MODE2"},
	{Val: 0x15, Name: "BPF_PROG_TYPE_SK_REUSEPORT"},
	{Val: 0x16, Name: "BPF_PROG_TYPE_FLOW_DISSECTOR"},
	{Val: 0x17, Name: "BPF_PROG_TYPE_CGROUP_SYSCTL"},
	{Val: 0x18, Name: "BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE"},
	{Val: 0x19, Name: "BPF_PROG_TYPE_CGROUP_SOCKOPT"},
	{Val: 0x1a, Name: "BPF_PROG_TYPE_TRACING"},
	{Val: 0x1b, Name: "BPF_PROG_TYPE_STRUCT_OPS"},
	{Val: 0x1c, Name: "BPF_PROG_TYPE_EXT"},
	{Val: 0x1d, Name: "BPF_PROG_TYPE_LSM"},
	{Val: 0x1e, Name: "BPF_PROG_TYPE_SK_LOOKUP"},
	{Val: 0x1f, Name: "BPF_PROG_TYPE_SYSCALL"},
}}

var xBpfProgFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "BPF_F_STRICT_ALIGNMENT"},
	{Val: 0x2, Name: "BPF_F_ANY_ALIGNMENT"},
	{Val: 0x4, Name: "BPF_F_TEST_RND_HI32"},
	{Val: 0x8, Name: "BPF_F_TEST_STATE_FREQ"},
	{Val: 0x10, Name: "BPF_F_SLEEPABLE"},
}}

var xBpfAttachTypes = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "BPF_CGROUP_INET_INGRESS"},
	{Val: 0x1, Name: "BPF_CGROUP_INET_EGRESS"},
	{Val: 0x2, Name: "BPF_CGROUP_INET_SOCK_CREATE"},
	{Val: 0x3, Name: "BPF_CGROUP_SOCK_OPS"},
	{Val: 0x4, Name: "BPF_SK_SKB_STREAM_PARSER"},
	{Val: 0x5, Name: "BPF_SK_SKB_STREAM_VERDICT"},
	{Val: 0x6, Name: "BPF_CGROUP_DEVICE"},
	{Val: 0x7, Name: "BPF_SK_MSG_VERDICT"},
	{Val: 0x8, Name: "BPF_CGROUP_INET4_BIND"},
	{Val: 0x9, Name: "BPF_CGROUP_INET6_BIND"},
	{Val: 0xa, Name: "BPF_CGROUP_INET4_CONNECT"},
	{Val: 0xb, Name: "BPF_CGROUP_INET6_CONNECT"},
	{Val: 0xc, Name: "BPF_CGROUP_INET4_POST_BIND"},
	{Val: 0xd, Name: "BPF_CGROUP_INET6_POST_BIND"},
	{Val: 0xe, Name: "BPF_CGROUP_UDP4_SENDMSG"},
	{Val: 0xf, Name: "BPF_CGROUP_UDP6_SENDMSG"},
	{Val: 0x10, Name: "BPF_LIRC_MODE2"},
	{Val: 0x11, Name: "BPF_FLOW_DISSECTOR"},
	{Val: 0x12, Name: "BPF_CGROUP_SYSCTL"},
	{Val: 0x13, Name: "BPF_CGROUP_UDP4_RECVMSG"},
	{Val: 0x14, Name: "BPF_CGROUP_UDP6_RECVMSG"},
	{Val: 0x15, Name: "BPF_CGROUP_GETSOCKOPT"},
	{Val: 0x16, Name: "BPF_CGROUP_SETSOCKOPT"},
	{Val: 0x17, Name: "BPF_TRACE_RAW_TP"},
	{Val: 0x18, Name: "BPF_TRACE_FENTRY"},
	{Val: 0x19, Name: "BPF_TRACE_FEXIT"},
	{Val: 0x1a, Name: "BPF_MODIFY_RETURN"},
	{Val: 0x1b, Name: "BPF_LSM_MAC"},
	{Val: 0x1c, Name: "BPF_TRACE_ITER"},
	{Val: 0x1d, Name: "BPF_CGROUP_INET4_GETPEERNAME"},
	{Val: 0x1e, Name: "BPF_CGROUP_INET6_GETPEERNAME"},
	{Val: 0x1f, Name: "BPF_CGROUP_INET4_GETSOCKNAME"},
	{Val: 0x20, Name: "BPF_CGROUP_INET6_GETSOCKNAME"},
	{Val: 0x21, Name: "BPF_XDP_DEVMAP"},
	{Val: 0x22, Name: "BPF_CGROUP_INET_SOCK_RELEASE"},
	{Val: 0x23, Name: "BPF_XDP_CPUMAP"},
	{Val: 0x24, Name: "BPF_SK_LOOKUP"},
	{Val: 0x25, Name: "BPF_XDP"},
	{Val: 0x26, Name: "BPF_SK_SKB_VERDICT"},
	{Val: 0x27, Name: "BPF_SK_REUSEPORT_SELECT"},
	{Val: 0x28, Name: "BPF_SK_REUSEPORT_SELECT_OR_MIGRATE"},
	{Val: 0x29, Name: "BPF_PERF_EVENT"},
	{Val: 0x2a, Name: "BPF_TRACE_KPROBE_MULTI"},
	{Val: 0x2b, Name: "BPF_LSM_CGROUP"},
}}

var xBpfAttachFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "BPF_F_ALLOW_OVERRIDE"},
	{Val: 0x2, Name: "BPF_F_ALLOW_MULTI"},
	{Val: 0x4, Name: "BPF_F_REPLACE"},
}}

var xBpfFileModeFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x8, Name: "BPF_F_RDONLY"},
	{Val: 0x10, Name: "BPF_F_WRONLY"},
}}

var xBpfMapLookupElemFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "BPF_ANY"},
	{Val: 0x4, Name: "BPF_F_LOCK"},
}}

var xBpfMapUpdateElemFlags = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "BPF_ANY"},
	{Val: 0x1, Name: "BPF_NOEXIST"},
	{Val: 0x2, Name: "BPF_EXIST"},
	{Val: 0x4, Name: "BPF_F_LOCK"},
}}

var xBpfQueryFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "BPF_F_QUERY_EFFECTIVE"},
}}

var xBpfTestRunFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "BPF_F_TEST_RUN_ON_CPU"},
	{Val: 0x2, Name: "BPF_F_TEST_XDP_LIVE_FRAMES"},
}}

var xBpfTaskFdTypes = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "BPF_FD_TYPE_RAW_TRACEPOINT"},
	{Val: 0x1, Name: "BPF_FD_TYPE_TRACEPOINT"},
	{Val: 0x2, Name: "BPF_FD_TYPE_KPROBE"},
	{Val: 0x3, Name: "BPF_FD_TYPE_KRETPROBE"},
	{Val: 0x4, Name: "BPF_FD_TYPE_UPROBE"},
	{Val: 0x5, Name: "BPF_FD_TYPE_URETPROBE"},
}}

var xNumaNode = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0xffffffff, Name: "NUMA_NO_NODE"},
}}

var xPerfTypes = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "PERF_TYPE_HARDWARE"},
	{Val: 0x1, Name: "PERF_TYPE_SOFTWARE"},
	{Val: 0x2, Name: "PERF_TYPE_TRACEPOINT"},
	{Val: 0x3, Name: "PERF_TYPE_HW_CACHE"},
	{Val: 0x4, Name: "PERF_TYPE_RAW"},
	{Val: 0x5, Name: "PERF_TYPE_BREAKPOINT"},
}}

var xPerfAttrSizes = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x40, Name: "PERF_ATTR_SIZE_VER0"},
	{Val: 0x48, Name: "PERF_ATTR_SIZE_VER1"},
	{Val: 0x50, Name: "PERF_ATTR_SIZE_VER2"},
	{Val: 0x60, Name: "PERF_ATTR_SIZE_VER3"},
	{Val: 0x68, Name: "PERF_ATTR_SIZE_VER4"},
	{Val: 0x70, Name: "PERF_ATTR_SIZE_VER5"},
	{Val: 0x78, Name: "PERF_ATTR_SIZE_VER6"},
	{Val: 0x80, Name: "PERF_ATTR_SIZE_VER7"},
}}

var xPerfHwIDs = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "PERF_COUNT_HW_CPU_CYCLES"},
	{Val: 0x1, Name: "PERF_COUNT_HW_INSTRUCTIONS"},
	{Val: 0x2, Name: "PERF_COUNT_HW_CACHE_REFERENCES"},
	{Val: 0x3, Name: "PERF_COUNT_HW_CACHE_MISSES"},
	{Val: 0x4, Name: "PERF_COUNT_HW_BRANCH_INSTRUCTIONS"},
	{Val: 0x5, Name: "PERF_COUNT_HW_BRANCH_MISSES"},
	{Val: 0x6, Name: "PERF_COUNT_HW_BUS_CYCLES"},
	{Val: 0x7, Name: "PERF_COUNT_HW_STALLED_CYCLES_FRONTEND"},
	{Val: 0x8, Name: "PERF_COUNT_HW_STALLED_CYCLES_BACKEND"},
	{Val: 0x9, Name: "PERF_COUNT_HW_REF_CPU_CYCLES"},
}}

var xPerfSwIDs = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "PERF_COUNT_SW_CPU_CLOCK"},
	{Val: 0x1, Name: "PERF_COUNT_SW_TASK_CLOCK"},
	{Val: 0x2, Name: "PERF_COUNT_SW_PAGE_FAULTS"},
	{Val: 0x3, Name: "PERF_COUNT_SW_CONTEXT_SWITCHES"},
	{Val: 0x4, Name: "PERF_COUNT_SW_CPU_MIGRATIONS"},
	{Val: 0x5, Name: "PERF_COUNT_SW_PAGE_FAULTS_MIN"},
	{Val: 0x6, Name: "PERF_COUNT_SW_PAGE_FAULTS_MAJ"},
	{Val: 0x7, Name: "PERF_COUNT_SW_ALIGNMENT_FAULTS"},
	{Val: 0x8, Name: "PERF_COUNT_SW_EMULATION_FAULTS"},
	{Val: 0x9, Name: "PERF_COUNT_SW_DUMMY"},
	{Val: 0xa, Name: "PERF_COUNT_SW_BPF_OUTPUT"},
	{Val: 0xb, Name: "PERF_COUNT_SW_CGROUP_SWITCHES"},
}}

var xPerfHwCacheIDs = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "PERF_COUNT_HW_CACHE_L1D"},
	{Val: 0x1, Name: "PERF_COUNT_HW_CACHE_L1I"},
	{Val: 0x2, Name: "PERF_COUNT_HW_CACHE_LL"},
	{Val: 0x3, Name: "PERF_COUNT_HW_CACHE_DTLB"},
	{Val: 0x4, Name: "PERF_COUNT_HW_CACHE_ITLB"},
	{Val: 0x5, Name: "PERF_COUNT_HW_CACHE_BPU"},
	{Val: 0x6, Name: "PERF_COUNT_HW_CACHE_NODE"},
}}

var xPerfHwCacheOps = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "PERF_COUNT_HW_CACHE_OP_READ"},
	{Val: 0x1, Name: "PERF_COUNT_HW_CACHE_OP_WRITE"},
	{Val: 0x2, Name: "PERF_COUNT_HW_CACHE_OP_PREFETCH"},
}}

var xPerfHwCacheResults = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "PERF_COUNT_HW_CACHE_RESULT_ACCESS"},
	{Val: 0x1, Name: "PERF_COUNT_HW_CACHE_RESULT_MISS"},
}}

var xPerfSampleFormat = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "PERF_SAMPLE_IP"},
	{Val: 0x2, Name: "PERF_SAMPLE_TID"},
	{Val: 0x4, Name: "PERF_SAMPLE_TIME"},
	{Val: 0x8, Name: "PERF_SAMPLE_ADDR"},
	{Val: 0x10, Name: "PERF_SAMPLE_READ"},
	{Val: 0x20, Name: "PERF_SAMPLE_CALLCHAIN"},
	{Val: 0x40, Name: "PERF_SAMPLE_ID"},
	{Val: 0x80, Name: "PERF_SAMPLE_CPU"},
	{Val: 0x100, Name: "PERF_SAMPLE_PERIOD"},
	{Val: 0x200, Name: "PERF_SAMPLE_STREAM_ID"},
	{Val: 0x400, Name: "PERF_SAMPLE_RAW"},
	{Val: 0x800, Name: "PERF_SAMPLE_BRANCH_STACK"},
	{Val: 0x1000, Name: "PERF_SAMPLE_REGS_USER"},
	{Val: 0x2000, Name: "PERF_SAMPLE_STACK_USER"},
	{Val: 0x4000, Name: "PERF_SAMPLE_WEIGHT"},
	{Val: 0x8000, Name: "PERF_SAMPLE_DATA_SRC"},
	{Val: 0x10000, Name: "PERF_SAMPLE_IDENTIFIER"},
	{Val: 0x20000, Name: "PERF_SAMPLE_TRANSACTION"},
	{Val: 0x40000, Name: "PERF_SAMPLE_REGS_INTR"},
	{Val: 0x80000, Name: "PERF_SAMPLE_PHYS_ADDR"},
	{Val: 0x100000, Name: "PERF_SAMPLE_AUX"},
	{Val: 0x200000, Name: "PERF_SAMPLE_CGROUP"},
	{Val: 0x400000, Name: "PERF_SAMPLE_DATA_PAGE_SIZE"},
	{Val: 0x800000, Name: "PERF_SAMPLE_CODE_PAGE_SIZE"},
	{Val: 0x1000000, Name: "PERF_SAMPLE_WEIGHT_STRUCT"},
}}

var xPerfReadFormat = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "PERF_FORMAT_TOTAL_TIME_ENABLED"},
	{Val: 0x2, Name: "PERF_FORMAT_TOTAL_TIME_RUNNING"},
	{Val: 0x4, Name: "PERF_FORMAT_ID"},
	{Val: 0x8, Name: "PERF_FORMAT_GROUP"},
	{Val: 0x10, Name: "PERF_FORMAT_LOST"},
}}

var xPerfBranchSampleTypes = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "PERF_SAMPLE_BRANCH_USER"},
	{Val: 0x2, Name: "PERF_SAMPLE_BRANCH_KERNEL"},
	{Val: 0x4, Name: "PERF_SAMPLE_BRANCH_HV"},
	{Val: 0x8, Name: "PERF_SAMPLE_BRANCH_ANY"},
	{Val: 0x10, Name: "PERF_SAMPLE_BRANCH_ANY_CALL"},
	{Val: 0x20, Name: "PERF_SAMPLE_BRANCH_ANY_RETURN"},
	{Val: 0x40, Name: "PERF_SAMPLE_BRANCH_IND_CALL"},
	{Val: 0x80, Name: "PERF_SAMPLE_BRANCH_ABORT_TX"},
	{Val: 0x100, Name: "PERF_SAMPLE_BRANCH_IN_TX"},
	{Val: 0x200, Name: "PERF_SAMPLE_BRANCH_NO_TX"},
	{Val: 0x400, Name: "PERF_SAMPLE_BRANCH_COND"},
	{Val: 0x800, Name: "PERF_SAMPLE_BRANCH_CALL_STACK"},
	{Val: 0x1000, Name: "PERF_SAMPLE_BRANCH_IND_JUMP"},
	{Val: 0x2000, Name: "PERF_SAMPLE_BRANCH_CALL"},
	{Val: 0x4000, Name: "PERF_SAMPLE_BRANCH_NO_FLAGS"},
	{Val: 0x8000, Name: "PERF_SAMPLE_BRANCH_NO_CYCLES"},
	{Val: 0x10000, Name: "PERF_SAMPLE_BRANCH_TYPE_SAVE"},
	{Val: 0x20000, Name: "PERF_SAMPLE_BRANCH_HW_INDEX"},
	{Val: 0x40000, Name: "PERF_SAMPLE_BRANCH_PRIV_SAVE"},
}}

var xHwBreakpointTypes = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "HW_BREAKPOINT_EMPTY"},
	{Val: 0x1, Name: "HW_BREAKPOINT_R"},
	{Val: 0x2, Name: "HW_BREAKPOINT_W"},
	{Val: 0x3, Name: "HW_BREAKPOINT_RW"},
	{Val: 0x4, Name: "HW_BREAKPOINT_X"},
}}

var xSeccompRetActions = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x80000000, Name: "SECCOMP_RET_KILL_PROCESS"},
	{Val: 0x0, Name: "SECCOMP_RET_KILL_THREAD"},
	{Val: 0x30000, Name: "SECCOMP_RET_TRAP"},
	{Val: 0x50000, Name: "SECCOMP_RET_ERRNO"},
	{Val: 0x7fc00000, Name: "SECCOMP_RET_USER_NOTIF"},
	{Val: 0x7ff00000, Name: "SECCOMP_RET_TRACE"},
	{Val: 0x7ffc0000, Name: "SECCOMP_RET_LOG"},
	{Val: 0x7fff0000, Name: "SECCOMP_RET_ALLOW"},
}}

var xAioCmds = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "IOCB_CMD_PREAD"},
	{Val: 0x1, Name: "IOCB_CMD_PWRITE"},
	{Val: 0x2, Name: "IOCB_CMD_FSYNC"},
	{Val: 0x3, Name: "IOCB_CMD_FDSYNC"},
	{Val: 0x4, Name: "IOCB_CMD_PREADX"},
	{Val: 0x5, Name: "IOCB_CMD_POLL"},
	{Val: 0x6, Name: "IOCB_CMD_NOOP"},
	{Val: 0x7, Name: "IOCB_CMD_PREADV"},
	{Val: 0x8, Name: "IOCB_CMD_PWRITEV"},
}}

var xAioIocbFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "IOCB_FLAG_RESFD"},
	{Val: 0x2, Name: "IOCB_FLAG_IOPRIO"},
}}

var xBpfClass = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "BPF_LD"},
	{Val: 0x1, Name: "BPF_LDX"},
	{Val: 0x2, Name: "BPF_ST"},
	{Val: 0x3, Name: "BPF_STX"},
	{Val: 0x4, Name: "BPF_ALU"},
	{Val: 0x5, Name: "BPF_JMP"},
	{Val: 0x6, Name: "BPF_RET"},
	{Val: 0x7, Name: "BPF_MISC"},
}}

var xEbpfClass = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "BPF_LD"},
	{Val: 0x1, Name: "BPF_LDX"},
	{Val: 0x2, Name: "BPF_ST"},
	{Val: 0x3, Name: "BPF_STX"},
	{Val: 0x4, Name: "BPF_ALU"},
	{Val: 0x5, Name: "BPF_JMP"},
	{Val: 0x6, Name: "BPF_JMP32"},
	{Val: 0x7, Name: "BPF_ALU64"},
}}

var xBpfMiscop = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x00, Name: "BPF_TAX"},
	{Val: 0x80, Name: "BPF_TXA"},
}}

var xBpfMode = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x00, Name: "BPF_IMM"},
	{Val: 0x20, Name: "BPF_ABS"},
	{Val: 0x40, Name: "BPF_IND"},
	{Val: 0x60, Name: "BPF_MEM"},
	{Val: 0x80, Name: "BPF_LEN"},
	{Val: 0xa0, Name: "BPF_MSH"},
	{Val: 0xc0, Name: "BPF_XADD"},
}}

var xEbpfMode = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x00, Name: "BPF_IMM"},
	{Val: 0x20, Name: "BPF_ABS"},
	{Val: 0x40, Name: "BPF_IND"},
	{Val: 0x60, Name: "BPF_MEM"},
	{Val: 0xc0, Name: "BPF_XADD"},
}}

var xBpfOpAlu = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x00, Name: "BPF_ADD"},
	{Val: 0x10, Name: "BPF_SUB"},
	{Val: 0x20, Name: "BPF_MUL"},
	{Val: 0x30, Name: "BPF_DIV"},
	{Val: 0x40, Name: "BPF_OR"},
	{Val: 0x50, Name: "BPF_AND"},
	{Val: 0x60, Name: "BPF_LSH"},
	{Val: 0x70, Name: "BPF_RSH"},
	{Val: 0x80, Name: "BPF_NEG"},
	{Val: 0x90, Name: "BPF_MOD"},
	{Val: 0xa0, Name: "BPF_XOR"},
	{Val: 0xb0, Name: "BPF_MOV"},
	{Val: 0xc0, Name: "BPF_ARSH"},
	{Val: 0xd0, Name: "BPF_END"},
}}

var xBpfOpJmp = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x00, Name: "BPF_JA"},
	{Val: 0x10, Name: "BPF_JEQ"},
	{Val: 0x20, Name: "BPF_JGT"},
	{Val: 0x30, Name: "BPF_JGE"},
	{Val: 0x40, Name: "BPF_JSET"},
	{Val: 0x50, Name: "BPF_JNE"},
	{Val: 0x60, Name: "BPF_JSGT"},
	{Val: 0x70, Name: "BPF_JSGE"},
	{Val: 0x80, Name: "BPF_CALL"},
	{Val: 0x90, Name: "BPF_EXIT"},
	{Val: 0xa0, Name: "BPF_JLT"},
	{Val: 0xb0, Name: "BPF_JLE"},
	{Val: 0xc0, Name: "BPF_JSLT"},
	{Val: 0xd0, Name: "BPF_JSLE"},
}}

var xBpfRval = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x00, Name: "BPF_K"},
	{Val: 0x08, Name: "BPF_X"},
	{Val: 0x10, Name: "BPF_A"},
}}

var xBpfSize = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x00, Name: "BPF_W"},
	{Val: 0x08, Name: "BPF_H"},
	{Val: 0x10, Name: "BPF_B"},
	{Val: 0x18, Name: "BPF_DW"},
}}

var xBpfSrc = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x00, Name: "BPF_K"},
	{Val: 0x08, Name: "BPF_X"},
}}

var xEbpfRegs = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0, Name: "BPF_REG_0"},
	{Val: 1, Name: "BPF_REG_1"},
	{Val: 2, Name: "BPF_REG_2"},
	{Val: 3, Name: "BPF_REG_3"},
	{Val: 4, Name: "BPF_REG_4"},
	{Val: 5, Name: "BPF_REG_5"},
	{Val: 6, Name: "BPF_REG_6"},
	{Val: 7, Name: "BPF_REG_7"},
	{Val: 8, Name: "BPF_REG_8"},
	{Val: 9, Name: "BPF_REG_9"},
	{Val: 10, Name: "BPF_REG_10"},
}}

var xSockTxrehash = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0, Name: "SOCK_TXREHASH_DISABLED"},
	{Val: 1, Name: "SOCK_TXREHASH_ENABLED"},
	{Val: 255, Name: "SOCK_TXREHASH_DEFAULT"},
}}

var xPacketMreqTypes = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0, Name: "PACKET_MR_MULTICAST"},
	{Val: 1, Name: "PACKET_MR_PROMISC"},
	{Val: 2, Name: "PACKET_MR_ALLMULTI"},
	{Val: 3, Name: "PACKET_MR_UNICAST"},
}}

var xIcmpFilterFlags = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0, Name: "ICMP_ECHOREPLY"},
	{Val: 3, Name: "ICMP_DEST_UNREACH"},
	{Val: 4, Name: "ICMP_SOURCE_QUENCH"},
	{Val: 5, Name: "ICMP_REDIRECT"},
	{Val: 8, Name: "ICMP_ECHO"},
	{Val: 11, Name: "ICMP_TIME_EXCEEDED"},
	{Val: 12, Name: "ICMP_PARAMETERPROB"},
	{Val: 13, Name: "ICMP_TIMESTAMP"},
	{Val: 14, Name: "ICMP_TIMESTAMPREPLY"},
	{Val: 15, Name: "ICMP_INFO_REQUEST"},
	{Val: 16, Name: "ICMP_INFO_REPLY"},
	{Val: 17, Name: "ICMP_ADDRESS"},
	{Val: 18, Name: "ICMP_ADDRESSREPLY"},
}}

var xSkfAd = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0, Name: "SKF_AD_PROTOCOL"},
	{Val: 4, Name: "SKF_AD_PKTTYPE"},
	{Val: 8, Name: "SKF_AD_IFINDEX"},
	{Val: 12, Name: "SKF_AD_NLATTR"},
	{Val: 16, Name: "SKF_AD_NLATTR_NEST"},
	{Val: 20, Name: "SKF_AD_MARK"},
	{Val: 24, Name: "SKF_AD_QUEUE"},
	{Val: 28, Name: "SKF_AD_HATYPE"},
	{Val: 32, Name: "SKF_AD_RXHASH"},
	{Val: 36, Name: "SKF_AD_CPU"},
	{Val: 40, Name: "SKF_AD_ALU_XOR_X"},
	{Val: 44, Name: "SKF_AD_VLAN_TAG"},
	{Val: 48, Name: "SKF_AD_VLAN_TAG_PRESENT"},
	{Val: 52, Name: "SKF_AD_PAY_OFFSET"},
	{Val: 56, Name: "SKF_AD_RANDOM"},
	{Val: 60, Name: "SKF_AD_VLAN_TPID"},
}}
var xArphrd = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "ARPHRD_NETROM"},
	{Val: 0x1, Name: "ARPHRD_ETHER"},
	{Val: 0x2, Name: "ARPHRD_EETHER"},
	{Val: 0x3, Name: "ARPHRD_AX25"},
	{Val: 0x4, Name: "ARPHRD_PRONET"},
	{Val: 0x5, Name: "ARPHRD_CHAOS"},
	{Val: 0x6, Name: "ARPHRD_IEEE802"},
	{Val: 0x7, Name: "ARPHRD_ARCNET"},
	{Val: 0x8, Name: "ARPHRD_APPLETLK"},
	{Val: 0xf, Name: "ARPHRD_DLCI"},
	{Val: 0x13, Name: "ARPHRD_ATM"},
	{Val: 0x17, Name: "ARPHRD_METRICOM"},
	{Val: 0x18, Name: "ARPHRD_IEEE1394"},
	{Val: 0x1b, Name: "ARPHRD_EUI64"},
	{Val: 0x20, Name: "ARPHRD_INFINIBAND"},
	{Val: 0x100, Name: "ARPHRD_SLIP"},
	{Val: 0x101, Name: "ARPHRD_CSLIP"},
	{Val: 0x102, Name: "ARPHRD_SLIP6"},
	{Val: 0x103, Name: "ARPHRD_CSLIP6"},
	{Val: 0x104, Name: "ARPHRD_RSRVD"},
	{Val: 0x108, Name: "ARPHRD_ADAPT"},
	{Val: 0x10e, Name: "ARPHRD_ROSE"},
	{Val: 0x10f, Name: "ARPHRD_X25"},
	{Val: 0x110, Name: "ARPHRD_HWX25"},
	{Val: 0x118, Name: "ARPHRD_CAN"},
	{Val: 0x122, Name: "ARPHRD_MCTP"},
	{Val: 0x200, Name: "ARPHRD_PPP"},
	{Val: 0x201, Name: "ARPHRD_CISCO"},
	{Val: 0x204, Name: "ARPHRD_LAPB"},
	{Val: 0x205, Name: "ARPHRD_DDCMP"},
	{Val: 0x206, Name: "ARPHRD_RAWHDLC"},
	{Val: 0x207, Name: "ARPHRD_RAWIP"},
	{Val: 0x300, Name: "ARPHRD_TUNNEL"},
	{Val: 0x301, Name: "ARPHRD_TUNNEL6"},
	{Val: 0x302, Name: "ARPHRD_FRAD"},
	{Val: 0x303, Name: "ARPHRD_SKIP"},
	{Val: 0x304, Name: "ARPHRD_LOOPBACK"},
	{Val: 0x305, Name: "ARPHRD_LOCALTLK"},
	{Val: 0x306, Name: "ARPHRD_FDDI"},
	{Val: 0x307, Name: "ARPHRD_BIF"},
	{Val: 0x308, Name: "ARPHRD_SIT"},
	{Val: 0x309, Name: "ARPHRD_IPDDP"},
	{Val: 0x30a, Name: "ARPHRD_IPGRE"},
	{Val: 0x30b, Name: "ARPHRD_PIMREG"},
	{Val: 0x30c, Name: "ARPHRD_HIPPI"},
	{Val: 0x30d, Name: "ARPHRD_ASH"},
	{Val: 0x30e, Name: "ARPHRD_ECONET"},
	{Val: 0x30f, Name: "ARPHRD_IRDA"},
	{Val: 0x310, Name: "ARPHRD_FCPP"},
	{Val: 0x311, Name: "ARPHRD_FCAL"},
	{Val: 0x312, Name: "ARPHRD_FCPL"},
	{Val: 0x313, Name: "ARPHRD_FCFABRIC"},
	{Val: 0x320, Name: "ARPHRD_IEEE802_TR"},
	{Val: 0x321, Name: "ARPHRD_IEEE80211"},
	{Val: 0x322, Name: "ARPHRD_IEEE80211_PRISM"},
	{Val: 0x323, Name: "ARPHRD_IEEE80211_RADIOTAP"},
	{Val: 0x324, Name: "ARPHRD_IEEE802154"},
	{Val: 0x325, Name: "ARPHRD_IEEE802154_MONITOR"},
	{Val: 0x334, Name: "ARPHRD_PHONET"},
	{Val: 0x335, Name: "ARPHRD_PHONET_PIPE"},
	{Val: 0x336, Name: "ARPHRD_CAIF"},
	{Val: 0x337, Name: "ARPHRD_IP6GRE"},
	{Val: 0x338, Name: "ARPHRD_NETLINK"},
	{Val: 0x339, Name: "ARPHRD_6LOWPAN"},
	{Val: 0x33a, Name: "ARPHRD_VSOCKMON"},
	{Val: 0xfffe, Name: "ARPHRD_NONE"},
	{Val: 0xffff, Name: "ARPHRD_VOID"},
}}

var xIffFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "IFF_UP"},
	{Val: 0x2, Name: "IFF_BROADCAST"},
	{Val: 0x4, Name: "IFF_DEBUG"},
	{Val: 0x8, Name: "IFF_LOOPBACK"},
	{Val: 0x10, Name: "IFF_POINTOPOINT"},
	{Val: 0x20, Name: "IFF_NOTRAILERS"},
	{Val: 0x40, Name: "IFF_RUNNING"},
	{Val: 0x80, Name: "IFF_NOARP"},
	{Val: 0x100, Name: "IFF_PROMISC"},
	{Val: 0x200, Name: "IFF_ALLMULTI"},
	{Val: 0x400, Name: "IFF_MASTER"},
	{Val: 0x800, Name: "IFF_SLAVE"},
	{Val: 0x1000, Name: "IFF_MULTICAST"},
	{Val: 0x2000, Name: "IFF_PORTSEL"},
	{Val: 0x4000, Name: "IFF_AUTOMEDIA"},
	{Val: 0x8000, Name: "IFF_DYNAMIC"},
	{Val: 0x10000, Name: "IFF_LOWER_UP"},
	{Val: 0x20000, Name: "IFF_DORMANT"},
	{Val: 0x40000, Name: "IFF_ECHO"},
}}

var xModemFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "TIOCM_LE"},
	{Val: 0x2, Name: "TIOCM_DTR"},
	{Val: 0x4, Name: "TIOCM_RTS"},
	{Val: 0x8, Name: "TIOCM_ST"},
	{Val: 0x10, Name: "TIOCM_SR"},
	{Val: 0x20, Name: "TIOCM_CTS"},
	{Val: 0x40, Name: "TIOCM_CAR"},
	{Val: 0x80, Name: "TIOCM_RNG"},
	{Val: 0x100, Name: "TIOCM_DSR"},
	{Val: 0x2000, Name: "TIOCM_OUT1"},
	{Val: 0x4000, Name: "TIOCM_OUT2"},
	{Val: 0x8000, Name: "TIOCM_LOOP"},
}}

var xSeccompModes = &printers.Xlat{Sorted: true, Entries: []printers.XlatEntry{
	{Val: 0, Name: "SECCOMP_MODE_DISABLED"},
	{Val: 1, Name: "SECCOMP_MODE_STRICT"},
	{Val: 2, Name: "SECCOMP_MODE_FILTER"},
}}

var xPerfIoctlFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "PERF_IOC_FLAG_GROUP"},
}}

var xSeccompAddfdFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "SECCOMP_ADDFD_FLAG_SETFD"},
	{Val: 0x2, Name: "SECCOMP_ADDFD_FLAG_SEND"},
}}

var xSeccompRespFlags = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "SECCOMP_USER_NOTIF_FLAG_CONTINUE"},
}}

var xAuditArch = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0xc00000b7, Name: "AUDIT_ARCH_AARCH64"},
	{Val: 0xc0009026, Name: "AUDIT_ARCH_ALPHA"},
	{Val: 0x4000005d, Name: "AUDIT_ARCH_ARCOMPACT"},
	{Val: 0x5d, Name: "AUDIT_ARCH_ARCOMPACTBE"},
	{Val: 0x400000c3, Name: "AUDIT_ARCH_ARCV2"},
	{Val: 0xc3, Name: "AUDIT_ARCH_ARCV2BE"},
	{Val: 0x40000028, Name: "AUDIT_ARCH_ARM"},
	{Val: 0x28, Name: "AUDIT_ARCH_ARMEB"},
	{Val: 0x4000008c, Name: "AUDIT_ARCH_C6X"},
	{Val: 0x8c, Name: "AUDIT_ARCH_C6XBE"},
	{Val: 0x4000004c, Name: "AUDIT_ARCH_CRIS"},
	{Val: 0x400000fc, Name: "AUDIT_ARCH_CSKY"},
	{Val: 0x5441, Name: "AUDIT_ARCH_FRV"},
	{Val: 0x2e, Name: "AUDIT_ARCH_H8300"},
	{Val: 0xa4, Name: "AUDIT_ARCH_HEXAGON"},
	{Val: 0x40000003, Name: "AUDIT_ARCH_I386"},
	{Val: 0xc0000032, Name: "AUDIT_ARCH_IA64"},
	{Val: 0x40000102, Name: "AUDIT_ARCH_LOONGARCH32"},
	{Val: 0xc0000102, Name: "AUDIT_ARCH_LOONGARCH64"},
	{Val: 0x58, Name: "AUDIT_ARCH_M32R"},
	{Val: 0x4, Name: "AUDIT_ARCH_M68K"},
	{Val: 0xbd, Name: "AUDIT_ARCH_MICROBLAZE"},
	{Val: 0x8, Name: "AUDIT_ARCH_MIPS"},
	{Val: 0x80000008, Name: "AUDIT_ARCH_MIPS64"},
	{Val: 0xa0000008, Name: "AUDIT_ARCH_MIPS64N32"},
	{Val: 0x40000008, Name: "AUDIT_ARCH_MIPSEL"},
	{Val: 0xc0000008, Name: "AUDIT_ARCH_MIPSEL64"},
	{Val: 0xe0000008, Name: "AUDIT_ARCH_MIPSEL64N32"},
	{Val: 0x400000a7, Name: "AUDIT_ARCH_NDS32"},
	{Val: 0xa7, Name: "AUDIT_ARCH_NDS32BE"},
	{Val: 0x40000071, Name: "AUDIT_ARCH_NIOS2"},
	{Val: 0x5c, Name: "AUDIT_ARCH_OPENRISC"},
	{Val: 0xf, Name: "AUDIT_ARCH_PARISC"},
	{Val: 0x8000000f, Name: "AUDIT_ARCH_PARISC64"},
	{Val: 0x14, Name: "AUDIT_ARCH_PPC"},
	{Val: 0x80000015, Name: "AUDIT_ARCH_PPC64"},
	{Val: 0xc0000015, Name: "AUDIT_ARCH_PPC64LE"},
	{Val: 0x400000f3, Name: "AUDIT_ARCH_RISCV32"},
	{Val: 0xc00000f3, Name: "AUDIT_ARCH_RISCV64"},
	{Val: 0x16, Name: "AUDIT_ARCH_S390"},
	{Val: 0x80000016, Name: "AUDIT_ARCH_S390X"},
	{Val: 0x2a, Name: "AUDIT_ARCH_SH"},
	{Val: 0x8000002a, Name: "AUDIT_ARCH_SH64"},
	{Val: 0x4000002a, Name: "AUDIT_ARCH_SHEL"},
	{Val: 0xc000002a, Name: "AUDIT_ARCH_SHEL64"},
	{Val: 0x2, Name: "AUDIT_ARCH_SPARC"},
	{Val: 0x8000002b, Name: "AUDIT_ARCH_SPARC64"},
	{Val: 0xc00000bf, Name: "AUDIT_ARCH_TILEGX"},
	{Val: 0x400000bf, Name: "AUDIT_ARCH_TILEGX32"},
	{Val: 0x400000bc, Name: "AUDIT_ARCH_TILEPRO"},
	{Val: 0x4000006e, Name: "AUDIT_ARCH_UNICORE"},
	{Val: 0x40000057, Name: "AUDIT_ARCH_V850"},
	{Val: 0xc000003e, Name: "AUDIT_ARCH_X86_64"},
	{Val: 0x5e, Name: "AUDIT_ARCH_XTENSA"},
}}

var xAdjtimexModes = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0xa001, Name: "ADJ_OFFSET_SS_READ"},
	{Val: 0x8001, Name: "ADJ_OFFSET_SINGLESHOT"},
	{Val: 0x1, Name: "ADJ_OFFSET"},
	{Val: 0x2, Name: "ADJ_FREQUENCY"},
	{Val: 0x4, Name: "ADJ_MAXERROR"},
	{Val: 0x8, Name: "ADJ_ESTERROR"},
	{Val: 0x10, Name: "ADJ_STATUS"},
	{Val: 0x20, Name: "ADJ_TIMECONST"},
	{Val: 0x80, Name: "ADJ_TAI"},
	{Val: 0x100, Name: "ADJ_SETOFFSET"},
	{Val: 0x1000, Name: "ADJ_MICRO"},
	{Val: 0x2000, Name: "ADJ_NANO"},
	{Val: 0x4000, Name: "ADJ_TICK"},
}}

var xAdjtimexStatus = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x1, Name: "STA_PLL"},
	{Val: 0x2, Name: "STA_PPSFREQ"},
	{Val: 0x4, Name: "STA_PPSTIME"},
	{Val: 0x8, Name: "STA_FLL"},
	{Val: 0x10, Name: "STA_INS"},
	{Val: 0x20, Name: "STA_DEL"},
	{Val: 0x40, Name: "STA_UNSYNC"},
	{Val: 0x80, Name: "STA_FREQHOLD"},
	{Val: 0x100, Name: "STA_PPSSIGNAL"},
	{Val: 0x200, Name: "STA_PPSJITTER"},
	{Val: 0x400, Name: "STA_PPSWANDER"},
	{Val: 0x800, Name: "STA_PPSERROR"},
	{Val: 0x1000, Name: "STA_CLOCKERR"},
	{Val: 0x2000, Name: "STA_NANO"},
	{Val: 0x4000, Name: "STA_MODE"},
	{Val: 0x8000, Name: "STA_CLK"},
}}

var xAdjtimexState = &printers.Xlat{Entries: []printers.XlatEntry{
	{Val: 0x0, Name: "TIME_OK"},
	{Val: 0x1, Name: "TIME_INS"},
	{Val: 0x2, Name: "TIME_DEL"},
	{Val: 0x3, Name: "TIME_OOP"},
	{Val: 0x4, Name: "TIME_WAIT"},
	{Val: 0x5, Name: "TIME_ERROR"},
}}
