// Package guestos is what the tracing loop needs to know about the guest's
// operating system: its kernel's symbols, who is running on a vCPU, where
// the arguments and return address of a kernel function are, and reads of
// guest virtual memory. Linux and Windows implement OS in their own
// packages; pkg/guestos/x86 holds the page-table walk both share.
package guestos

import (
	"errors"

	"github.com/guestrace/guestrace/pkg/vmi"
)

// Type is the guest's operating system.
type Type int

const (
	Unknown Type = iota
	Linux
	Windows
)

func (t Type) String() string {
	switch t {
	case Linux:
		return "linux"
	case Windows:
		return "windows"
	}
	return "unknown"
}

// Sentinel errors of the OS layer, wrapped with %w.
var (
	// ErrProfileMismatch means the profile does not describe the running
	// guest kernel (no KASLR slide validates, banner differs, ...).
	ErrProfileMismatch = errors.New("profile does not match the running guest")
	// ErrUnmapped means a guest virtual address has no valid translation.
	ErrUnmapped = errors.New("guest address not mapped")
	// ErrBadGuestData means guest memory held something impossible (a
	// corrupt structure, a loop); the guest is untrusted.
	ErrBadGuestData = errors.New("bad guest data")
	// ErrGuestReset means the kernel attached to no longer runs: the guest
	// was reset or rebooted, and a new kernel (at another KASLR slide)
	// runs or is booting.
	ErrGuestReset = vmi.ErrGuestReset
	// ErrUnsupported means the guest's kernel does not offer what was
	// asked (a system-call number without pt_regs).
	ErrUnsupported = errors.New("not supported by this guest")
)

// ResetChecker is implemented by OS layers that can tell when the kernel
// they attached to has been replaced (a reset or reboot). Breakpoints at
// the old kernel's addresses then sit on other code, and resuming past
// one as the old instruction would corrupt the new kernel.
type ResetChecker interface {
	// CheckEvent is cheap enough for every event: it looks only at the
	// registers of the vCPU that stopped, and reads the guest only the
	// first time something it has not seen (a vCPU) shows up. It returns
	// an error wrapping ErrGuestReset when the event cannot come from the
	// attached kernel.
	CheckEvent(regs *vmi.Regs) error
	// CheckKernel reads the guest, through the live page tables of its
	// vCPUs, to tell whether the attached kernel still runs; the guest
	// must be paused or stopped at an event.
	CheckKernel() error
}

// CommLen is the size of a process name as Linux stores it (TASK_COMM_LEN);
// Windows' ImageFileName is 15 bytes and fits too.
const CommLen = 16

// Thread identifies the thread running on a vCPU at an event. It holds no
// pointers so that filling it allocates nothing.
type Thread struct {
	PID  uint32        // process id (Linux tgid, Windows UniqueProcess)
	TID  uint32        // thread id (Linux pid, Windows UniqueThread)
	Comm [CommLen]byte // process name, NUL-padded, untrusted guest bytes
	Key  uint64        // stable identity of the thread (task_struct / ETHREAD address)
	// KernelMode: the call was made by the kernel itself (a driver's
	// Zw* call on Windows: KTHREAD.PreviousMode is KernelMode).
	KernelMode bool
}

// Name returns the process name up to its first NUL (still unescaped).
func (t *Thread) Name() []byte {
	for i, c := range t.Comm {
		if c == 0 {
			return t.Comm[:i]
		}
	}
	return t.Comm[:]
}

// ABI is a system-call convention of a guest OS. Each OS layer declares
// its own as constants (Linux's x64, ia32 and compat; Windows' nt), the one
// place where they are named.
type ABI string

// Syscall is one system-call function of the guest kernel.
type Syscall struct {
	Name   string // as users write it: "openat", "NtCreateFile"
	Symbol string // the kernel function: "__x64_sys_openat"
	Addr   uint64 // its runtime (KASLR-adjusted) address
	ABI    ABI    // which convention enters it
	// NArgs is how many arguments the kernel passes the function, when
	// it says (Windows' service table); 0 when unknown.
	NArgs int
}

// OS is one attached guest operating system.
type OS interface {
	Type() Type
	// Release is the kernel's release/version as the profile and guest say.
	Release() string
	// Slide is the KASLR displacement found at attach (0 without KASLR).
	Slide() uint64
	// Symbol is the runtime address of a kernel symbol.
	Symbol(name string) (uint64, bool)
	// Syscalls lists the guest kernel's system-call functions.
	Syscalls() []Syscall

	// Current fills th with the thread running on the vCPU whose
	// registers are regs.
	Current(regs *vmi.Regs, th *Thread) error
	// Args reads the six system-call arguments at the entry of a
	// system-call function (pt_regs or register convention, per kernel).
	Args(regs *vmi.Regs, args *[6]uint64) error
	// ReturnAddress reads the return address at the entry of a function.
	ReturnAddress(regs *vmi.Regs) (uint64, error)
	// ReturnValue is the function's result at its return address.
	ReturnValue(regs *vmi.Regs) int64
	// ReadVirt reads guest virtual memory in the address space of regs
	// (its CR3). It returns how many bytes it read: fewer than len(buf)
	// with an error wrapping ErrUnmapped when the range runs into an
	// unmapped page.
	ReadVirt(regs *vmi.Regs, va uint64, buf []byte) (int, error)
}

// ErrNotOpen means a file descriptor is not open in the process.
var ErrNotOpen = errors.New("file descriptor not open")

// FDInfo is what a process's file descriptor refers to.
type FDInfo struct {
	// Path is the kernel's name of the file: a path, or socket:[INODE],
	// pipe:[INODE], anon_inode:[eventfd]. Untrusted guest bytes.
	Path []byte
	Mode uint32 // the inode's mode (S_IFCHR...); 0 when not read
	Rdev uint32 // a device's number, the kernel's (major<<20 | minor)
	// Deleted says the file has no name any more (unlinked, or made
	// without one, as memfd's): the kernel's d_path adds " (deleted)".
	Deleted bool
}

// FDPather is an OS that can say what a thread's file descriptors refer
// to (strace's -y). It is optional: tracers check for it.
type FDPather interface {
	// FDPath describes descriptor fd of thread th (-100, AT_FDCWD: its
	// current directory), appending the path to buf.
	FDPath(th *Thread, fd int32, buf []byte) (FDInfo, error)
}

// SockInfo is what a socket descriptor is, as the kernel's sock_diag
// would report it (strace's -yy). Untrusted guest values.
type SockInfo struct {
	Ino      uint64   // the socket's inode number
	Proto    [32]byte // its protocol's name (sk_prot->name: "TCP", "UNIX-STREAM"...), NUL-padded
	Family   uint16   // AF_INET, AF_UNIX...
	Protocol uint16   // sk_protocol (netlink: NETLINK_ROUTE...)
	// Bound says sock_diag lists the socket: an inet socket with a
	// local port, a netlink socket with a port id.
	Bound        bool
	Src, Dst     [16]byte // inet: local and remote address (IPv4 in the first 4 bytes)
	Sport, Dport uint16   // inet: local and remote port
	Peer         uint64   // unix: the peer's inode number (0: none)
	// NameLen is the length of a bound unix socket's sun_path as the
	// kernel keeps it (0: not bound); Name holds its first bytes.
	NameLen int
	Name    [108]byte
	Portid  uint32 // netlink: the port id
}

// SocketReader is an OS that can say what a socket descriptor is bound
// and connected to (strace's -yy). It is optional.
type SocketReader interface {
	// Socket fills s for descriptor fd of thread th; an error when fd is
	// not a socket or its structures cannot be read.
	Socket(th *Thread, fd int32, s *SockInfo) error
}

// Parenter is an OS that knows the parent process of a thread's process
// (strace's -f, following children). It is optional.
type Parenter interface {
	// Parent fills parent with the thread that created th's process.
	Parent(th *Thread, parent *Thread) error
}
