package windows

import (
	"encoding/binary"

	"github.com/guestrace/guestrace/pkg/printers"
)

var (
	processCreateFlags = newXlat([]xe{
		{0x1, "PROCESS_CREATE_FLAGS_BREAKAWAY"}, {0x2, "PROCESS_CREATE_FLAGS_NO_DEBUG_INHERIT"},
		{0x4, "PROCESS_CREATE_FLAGS_INHERIT_HANDLES"}, {0x8, "PROCESS_CREATE_FLAGS_OVERRIDE_ADDRESS_SPACE"},
		{0x10, "PROCESS_CREATE_FLAGS_LARGE_PAGES"}, {0x20, "PROCESS_CREATE_FLAGS_LARGE_PAGE_SYSTEM_DLL"},
		{0x40, "PROCESS_CREATE_FLAGS_PROTECTED_PROCESS"}, {0x80, "PROCESS_CREATE_FLAGS_CREATE_SESSION"},
		{0x100, "PROCESS_CREATE_FLAGS_INHERIT_FROM_PARENT"}, {0x200, "PROCESS_CREATE_FLAGS_CREATE_SUSPENDED"},
		{0x400, "PROCESS_CREATE_FLAGS_FORCE_BREAKAWAY"}, {0x800, "PROCESS_CREATE_FLAGS_MINIMAL_PROCESS"},
		{0x1000, "PROCESS_CREATE_FLAGS_RELEASE_SECTION"}, {0x2000, "PROCESS_CREATE_FLAGS_CLONE_MINIMAL"},
		{0x4000, "PROCESS_CREATE_FLAGS_CLONE_MINIMAL_REDUCED_COMMIT"}, {0x8000, "PROCESS_CREATE_FLAGS_AUXILIARY_PROCESS"},
		{0x20000, "PROCESS_CREATE_FLAGS_CREATE_STORE"}, {0x40000, "PROCESS_CREATE_FLAGS_USE_PROTECTED_ENVIRONMENT"},
		{0x80000, "PROCESS_CREATE_FLAGS_IMAGE_EXPANSION_MITIGATION_DISABLE"},
		{0x400000, "PROCESS_CREATE_FLAGS_PARTITION_CREATE_SLAB_IDENTITY"},
	})
	threadCreateFlags = newXlat([]xe{
		{0x1, "THREAD_CREATE_FLAGS_CREATE_SUSPENDED"}, {0x2, "THREAD_CREATE_FLAGS_SKIP_THREAD_ATTACH"},
		{0x4, "THREAD_CREATE_FLAGS_HIDE_FROM_DEBUGGER"}, {0x10, "THREAD_CREATE_FLAGS_LOADER_WORKER"},
		{0x20, "THREAD_CREATE_FLAGS_SKIP_LOADER_INIT"}, {0x40, "THREAD_CREATE_FLAGS_BYPASS_PROCESS_FREEZE"},
		{0x80, "THREAD_CREATE_FLAGS_INITIAL_THREAD"},
	})
	processInfoClass = newSorted([]xe{
		{0, "ProcessBasicInformation"}, {1, "ProcessQuotaLimits"}, {2, "ProcessIoCounters"},
		{3, "ProcessVmCounters"}, {4, "ProcessTimes"}, {5, "ProcessBasePriority"}, {6, "ProcessRaisePriority"},
		{7, "ProcessDebugPort"}, {8, "ProcessExceptionPort"}, {9, "ProcessAccessToken"},
		{10, "ProcessLdtInformation"}, {11, "ProcessLdtSize"}, {12, "ProcessDefaultHardErrorMode"},
		{13, "ProcessIoPortHandlers"}, {14, "ProcessPooledUsageAndLimits"}, {15, "ProcessWorkingSetWatch"},
		{16, "ProcessUserModeIOPL"}, {17, "ProcessEnableAlignmentFaultFixup"}, {18, "ProcessPriorityClass"},
		{19, "ProcessWx86Information"}, {20, "ProcessHandleCount"}, {21, "ProcessAffinityMask"},
		{22, "ProcessPriorityBoost"}, {23, "ProcessDeviceMap"}, {24, "ProcessSessionInformation"},
		{25, "ProcessForegroundInformation"}, {26, "ProcessWow64Information"}, {27, "ProcessImageFileName"},
		{28, "ProcessLUIDDeviceMapsEnabled"}, {29, "ProcessBreakOnTermination"}, {30, "ProcessDebugObjectHandle"},
		{31, "ProcessDebugFlags"}, {32, "ProcessHandleTracing"}, {33, "ProcessIoPriority"},
		{34, "ProcessExecuteFlags"}, {35, "ProcessTlsInformation"}, {36, "ProcessCookie"},
		{37, "ProcessImageInformation"}, {38, "ProcessCycleTime"}, {39, "ProcessPagePriority"},
		{40, "ProcessInstrumentationCallback"}, {41, "ProcessThreadStackAllocation"},
		{42, "ProcessWorkingSetWatchEx"}, {43, "ProcessImageFileNameWin32"}, {44, "ProcessImageFileMapping"},
		{45, "ProcessAffinityUpdateMode"}, {46, "ProcessMemoryAllocationMode"}, {47, "ProcessGroupInformation"},
		{48, "ProcessTokenVirtualizationEnabled"}, {49, "ProcessConsoleHostProcess"},
		{50, "ProcessWindowInformation"}, {51, "ProcessHandleInformation"}, {52, "ProcessMitigationPolicy"},
		{53, "ProcessDynamicFunctionTableInformation"}, {54, "ProcessHandleCheckingMode"},
		{55, "ProcessKeepAliveCount"}, {56, "ProcessRevokeFileHandles"}, {57, "ProcessWorkingSetControl"},
		{58, "ProcessHandleTable"}, {59, "ProcessCheckStackExtentsMode"}, {60, "ProcessCommandLineInformation"},
		{61, "ProcessProtectionInformation"},
	})
	threadInfoClass = newSorted([]xe{
		{0, "ThreadBasicInformation"}, {1, "ThreadTimes"}, {2, "ThreadPriority"}, {3, "ThreadBasePriority"},
		{4, "ThreadAffinityMask"}, {5, "ThreadImpersonationToken"}, {6, "ThreadDescriptorTableEntry"},
		{7, "ThreadEnableAlignmentFaultFixup"}, {8, "ThreadEventPair"}, {9, "ThreadQuerySetWin32StartAddress"},
		{10, "ThreadZeroTlsCell"}, {11, "ThreadPerformanceCount"}, {12, "ThreadAmILastThread"},
		{13, "ThreadIdealProcessor"}, {14, "ThreadPriorityBoost"}, {15, "ThreadSetTlsArrayAddress"},
		{16, "ThreadIsIoPending"}, {17, "ThreadHideFromDebugger"}, {18, "ThreadBreakOnTermination"},
		{19, "ThreadSwitchLegacyState"}, {20, "ThreadIsTerminated"}, {21, "ThreadLastSystemCall"},
		{22, "ThreadIoPriority"}, {23, "ThreadCycleTime"}, {24, "ThreadPagePriority"},
		{25, "ThreadActualBasePriority"}, {26, "ThreadTebInformation"}, {27, "ThreadCSwitchMon"},
		{28, "ThreadCSwitchPmu"}, {29, "ThreadWow64Context"}, {30, "ThreadGroupInformation"},
		{31, "ThreadUmsInformation"}, {32, "ThreadCounterProfiling"}, {33, "ThreadIdealProcessorEx"},
		{34, "ThreadCpuAccountingInformation"}, {35, "ThreadSuspendCount"}, {36, "ThreadHeterogeneousCpuPolicy"},
		{37, "ThreadContainerId"}, {38, "ThreadNameInformation"}, {39, "ThreadSelectedCpuSets"},
		{40, "ThreadSystemThreadInformation"}, {41, "ThreadActualGroupAffinity"},
	})
	// CONTEXT flags of x64: each carries the CONTEXT_AMD64 bit.
	contextFlags = newXlat([]xe{
		{0x10001f, "CONTEXT_ALL"}, {0x10000b, "CONTEXT_FULL"},
		{0x100001, "CONTEXT_CONTROL"}, {0x100002, "CONTEXT_INTEGER"}, {0x100004, "CONTEXT_SEGMENTS"},
		{0x100008, "CONTEXT_FLOATING_POINT"}, {0x100010, "CONTEXT_DEBUG_REGISTERS"},
		{0x100040, "CONTEXT_XSTATE"}, {0x100080, "CONTEXT_KERNEL_CET"},
		{0x8000000, "CONTEXT_EXCEPTION_ACTIVE"}, {0x10000000, "CONTEXT_SERVICE_ACTIVE"},
		{0x40000000, "CONTEXT_EXCEPTION_REQUEST"}, {0x80000000, "CONTEXT_EXCEPTION_REPORTING"},
	})
)

// contextAMD64 is the architecture bit every x64 CONTEXT flag includes.
const contextAMD64 = 0x100000

// appendContextFlags prints CONTEXT flags: a flag matches when its own
// bits are set, the shared CONTEXT_AMD64 bit aside, so that
// CONTEXT_CONTROL|CONTEXT_INTEGER does not print as CONTEXT_CONTROL|0x2.
func appendContextFlags(b []byte, v uint32) []byte {
	if v&contextAMD64 == 0 {
		return appendFlags(b, contextFlags, uint64(v))
	}
	rest := uint64(v) &^ contextAMD64
	first := true
	for _, e := range contextFlags.Entries {
		own := e.Val &^ contextAMD64
		if own == 0 || rest&own != own || uint64(v)&e.Val != e.Val {
			continue
		}
		if !first {
			b = append(b, '|')
		}
		b, first, rest = append(b, e.Name...), false, rest&^own
	}
	if first {
		b = append(b, "CONTEXT_AMD64"...)
	}
	if rest != 0 {
		b = printers.AppendHex(append(b, '|'), rest)
	}
	return b
}

// appendProcParams prints the image and command line of the
// RTL_USER_PROCESS_PARAMETERS a new process gets. Unless its Flags say
// it is normalized, its string buffers are offsets from its start.
func (c *ctx) appendProcParams(b []byte, va uint64) []byte {
	var p [0x80]byte
	if !c.read(va, p[:]) {
		return printers.AppendPtr(b, va)
	}
	const normalized = 1
	b = append(b, "{ImagePathName="...)
	for i, off := range []int{0x60, 0x70} {
		if i == 1 {
			b = append(b, ", CommandLine="...)
		}
		n := int(min(binary.LittleEndian.Uint16(p[off:]), binary.LittleEndian.Uint16(p[off+2:])) / 2)
		buf := binary.LittleEndian.Uint64(p[off+8:])
		if binary.LittleEndian.Uint32(p[8:])&normalized == 0 && buf != 0 {
			buf += va
		}
		b = c.appendUTF16(b, buf, n, maxName)
	}
	return append(b, '}')
}

// appendContext prints the registers of a CONTEXT that matter when one
// thread sets another's: where it will run.
func (c *ctx) appendContext(b []byte, va uint64) []byte {
	var ctx [0x100]byte
	if !c.read(va, ctx[:]) {
		return printers.AppendPtr(b, va)
	}
	b = append(b, "{ContextFlags="...)
	b = appendContextFlags(b, binary.LittleEndian.Uint32(ctx[0x30:]))
	for _, r := range []struct {
		name string
		off  int
	}{{"Rip", 0xf8}, {"Rsp", 0x98}, {"Rcx", 0x80}} {
		b = append(b, ", "...)
		b = append(b, r.name...)
		b = append(b, '=')
		b = printers.AppendHex(b, binary.LittleEndian.Uint64(ctx[r.off:]))
	}
	return append(b, '}')
}
