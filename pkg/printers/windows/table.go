package windows

import "github.com/guestrace/guestrace/pkg/printers"

// Argument constructors, short because the table below is long.
func a(k kind) arg                         { return arg{k: k} }
func o(k kind) arg                         { return arg{k: k, d: out} }
func ax(k kind, x *printers.Xlat) arg      { return arg{k: k, x: x} }
func fl(x *printers.Xlat) arg              { return ax(kFlags, x) }
func en(x *printers.Xlat) arg              { return ax(kEnum, x) }
func cls(x *printers.Xlat) arg             { return ax(kClass, x) }
func acc(x *printers.Xlat) arg             { return ax(kAccess, x) }
func buf(length int) arg                   { return arg{k: kBuf, ref: length} }
func obuf(from, ref int) arg               { return arg{k: kOutBuf, d: out, aux: from, ref: ref} }
func iosb(x *printers.Xlat) arg            { return arg{k: kOutIosb, d: out, x: x} }
func oul(x *printers.Xlat) arg             { return arg{k: kOutUlong, d: out, x: x} }
func withRef(k kind, ref, aux int) arg     { return arg{k: k, ref: ref, aux: aux} }
func io(k kind) arg                        { return arg{k: k, d: inout} }
func ofl(x *printers.Xlat) arg             { return arg{k: kOutFlags, d: out, x: x} }
func row(name string, args ...arg) Syscall { return Syscall{Name: name, args: args} }

var (
	h, p, ul, lg, sz, bl, st, hx = a(kHandle), a(kPtr), a(kUlong), a(kLong), a(kSize), a(kBool), a(kStatus), a(kHex)
	objAttr, ustr, li, cid       = a(kObjAttr), a(kUString), a(kLargeInt), a(kClientID)
	oh, ol, osz, op, oli, ocid   = o(kOutHandle), o(kOutLong), o(kOutSize), o(kOutPtr), o(kOutLargeInt), o(kOutClientID)
	oulong, ous, opaque          = oul(nil), o(kOutUString), o(kPtr)
	iop, iosz, ioli              = io(kOutPtr), io(kOutSize), io(kOutLargeInt)
	exitCode, obool, olangid     = a(kExitCode), o(kOutBool), o(kOutUshort)
)

// Handles that stand for the caller: NtCurrentProcess() and
// NtCurrentThread().
const (
	currentProcess = ^uint64(0)
	currentThread  = ^uint64(1)
)

// endsProcess: NtTerminateProcess(NtCurrentProcess(), ...) ends the caller
// (NULL ends every other thread of the process and returns).
func endsProcess(a *Args) bool { return a[0] == currentProcess }

// endsThread: NtTerminateThread(NULL or NtCurrentThread(), ...).
func endsThread(a *Args) bool { return a[0] == 0 || a[0] == currentThread }

// table is every call printed, grouped by domain. Prototypes are those of
// the NT native API (ntifs.h, winternl.h and the public phnt headers).
var table = []Syscall{
	// Files.
	row("NtCreateFile", oh, acc(fileAccess), objAttr, iosb(createResult), li, fl(fileAttributes),
		fl(shareAccess), en(createDisposition), fl(createOptions), p, ul),
	row("NtQueryEaFile", h, iosb(nil), obuf(lenFromIosb, 1), ul, bl, p, ul, p, bl),
	row("NtSetEaFile", h, iosb(nil), buf(3), ul),
	row("NtOpenFile", oh, acc(fileAccess), objAttr, iosb(createResult), fl(shareAccess), fl(createOptions)),
	row("NtReadFile", h, h, p, p, iosb(nil), obuf(lenFromIosb, 4), ul, li, p),
	row("NtWriteFile", h, h, p, p, iosb(nil), buf(6), ul, li, p),
	row("NtQueryInformationFile", h, iosb(nil), opaque, ul, cls(fileInfoClass)),
	row("NtSetInformationFile", h, iosb(nil), withRef(kFileInfo, 4, 3), ul, cls(fileInfoClass)),
	row("NtQueryDirectoryFile", h, h, p, p, iosb(nil), opaque, ul, cls(fileInfoClass), bl, ustr, bl),
	row("NtQueryDirectoryFileEx", h, h, p, p, iosb(nil), opaque, ul, cls(fileInfoClass), hx, ustr),
	row("NtDeleteFile", objAttr),
	row("NtClose", h),
	row("NtDeviceIoControlFile", h, h, p, p, iosb(nil), en(ioControlCodes), buf(7), ul, obuf(lenFromIosb, 4), ul),
	row("NtFsControlFile", h, h, p, p, iosb(nil), en(ioControlCodes), buf(7), ul, obuf(lenFromIosb, 4), ul),
	row("NtQueryAttributesFile", objAttr, opaque),
	row("NtQueryFullAttributesFile", objAttr, opaque),
	row("NtQueryVolumeInformationFile", h, iosb(nil), opaque, ul, cls(fsInfoClass)),
	row("NtFlushBuffersFile", h, iosb(nil)),
	row("NtCreateNamedPipeFile", oh, acc(fileAccess), objAttr, iosb(createResult), fl(shareAccess),
		en(createDisposition), fl(createOptions), fl(pipeType), en(pipeReadMode), en(pipeCompletion),
		ul, ul, ul, li),
	row("NtCreateMailslotFile", oh, acc(fileAccess), objAttr, iosb(createResult), fl(createOptions), ul, ul, li),
	row("NtLockFile", h, h, p, p, iosb(nil), li, li, ul, bl, bl),
	row("NtUnlockFile", h, iosb(nil), li, li, ul),
	row("NtNotifyChangeDirectoryFile", h, h, p, p, iosb(nil), opaque, ul, fl(completionFilter), bl),

	// Registry.
	row("NtCreateKey", oh, acc(keyAccess), objAttr, ul, ustr, fl(regOptions), oul(regDisposition)),
	row("NtOpenKey", oh, acc(keyAccess), objAttr),
	row("NtOpenKeyEx", oh, acc(keyAccess), objAttr, fl(regOptions)),
	row("NtSetValueKey", h, ustr, ul, en(regType), withRef(kRegData, 3, 5), ul),
	row("NtQueryValueKey", h, ustr, cls(keyValueInfoClass), opaque, ul, oulong),
	row("NtDeleteKey", h),
	row("NtDeleteValueKey", h, ustr),
	row("NtEnumerateKey", h, ul, cls(keyInfoClass), opaque, ul, oulong),
	row("NtEnumerateValueKey", h, ul, cls(keyValueInfoClass), opaque, ul, oulong),
	row("NtQueryKey", h, cls(keyInfoClass), opaque, ul, oulong),
	row("NtFlushKey", h),
	row("NtRenameKey", h, ustr),
	row("NtSaveKey", h, h),
	row("NtLoadKey", objAttr, objAttr),
	row("NtNotifyChangeKey", h, h, p, p, iosb(nil), fl(regNotifyFilter), bl, opaque, ul, bl),
	row("NtRestoreKey", h, h, fl(regHiveFlags)),
	row("NtReplaceKey", objAttr, h, objAttr),
	row("NtLoadKeyEx", objAttr, objAttr, fl(regHiveFlags), h, h, acc(keyAccess), oh, p),
	row("NtUnloadKey", objAttr),
	row("NtSetInformationKey", h, cls(keySetInfoClass), buf(3), ul),

	// Processes and threads.
	row("NtCreateUserProcess", oh, oh, acc(processAccess), acc(threadAccess), objAttr, objAttr,
		fl(processCreateFlags), fl(threadCreateFlags), a(kProcParams), p, p),
	row("NtCreateProcessEx", oh, acc(processAccess), objAttr, h, fl(processCreateFlags), h, h, h, ul),
	row("NtCreateProcess", oh, acc(processAccess), objAttr, h, bl, h, h, h),
	row("NtGetNextProcess", h, acc(processAccess), fl(handleAttributes), fl(getNextFlags), oh),
	row("NtGetNextThread", h, h, acc(threadAccess), fl(handleAttributes), ul, oh),
	row("NtOpenProcess", oh, acc(processAccess), objAttr, cid),
	{Name: "NtTerminateProcess", args: []arg{h, exitCode}, ends: endsProcess},
	row("NtSuspendProcess", h),
	row("NtResumeProcess", h),
	row("NtCreateThreadEx", oh, acc(threadAccess), objAttr, h, p, p, fl(threadCreateFlags), sz, sz, sz, p),
	row("NtCreateThread", oh, acc(threadAccess), objAttr, h, ocid, a(kContext), p, bl),
	row("NtOpenThread", oh, acc(threadAccess), objAttr, cid),
	{Name: "NtTerminateThread", args: []arg{h, exitCode}, ends: endsThread},
	row("NtSuspendThread", h, oulong),
	row("NtResumeThread", h, oulong),
	row("NtAlertResumeThread", h, oulong),
	row("NtQueueApcThread", h, p, p, p, p),
	row("NtQueueApcThreadEx", h, h, p, p, p, p),
	row("NtQueueApcThreadEx2", h, h, fl(apcFlags), p, p, p, p),
	row("NtGetContextThread", h, opaque),
	row("NtSetContextThread", h, a(kContext)),
	row("NtQueryInformationProcess", h, cls(processInfoClass), opaque, ul, oulong),
	row("NtSetInformationProcess", h, cls(processInfoClass), p, ul),
	row("NtQueryInformationThread", h, cls(threadInfoClass), opaque, ul, oulong),
	row("NtSetInformationThread", h, cls(threadInfoClass), p, ul),
	{Name: "NtContinue", args: []arg{a(kContext), bl}, noReturn: true},
	{Name: "NtRaiseException", args: []arg{p, a(kContext), bl}, noReturn: true},
	row("NtDelayExecution", bl, li),
	row("NtYieldExecution"),
	row("NtTestAlert"),

	// Memory and sections.
	row("NtAllocateVirtualMemory", h, iop, hx, iosz, fl(allocationType), fl(pageProtection)),
	row("NtAllocateVirtualMemoryEx", h, iop, iosz, fl(allocationType), fl(pageProtection), p, ul),
	row("NtFreeVirtualMemory", h, iop, iosz, fl(freeType)),
	row("NtProtectVirtualMemory", h, iop, iosz, fl(pageProtection), ofl(pageProtection)),
	row("NtReadVirtualMemory", h, p, obuf(lenFromOutSizeOrAsked, 4), sz, osz),
	row("NtWriteVirtualMemory", h, p, buf(3), sz, osz),
	row("NtQueryVirtualMemory", h, p, cls(memoryInfoClass), opaque, sz, osz),
	row("NtFlushInstructionCache", h, p, sz),
	row("NtLockVirtualMemory", h, iop, iosz, fl(lockType)),
	row("NtCreateSection", oh, acc(sectionAccess), objAttr, li, fl(pageProtection), fl(sectionAttributes), h),
	row("NtCreateSectionEx", oh, acc(sectionAccess), objAttr, li, fl(pageProtection), fl(sectionAttributes), h, p, ul),
	row("NtOpenSection", oh, acc(sectionAccess), objAttr),
	row("NtMapViewOfSection", h, h, iop, hx, sz, ioli, iosz, en(sectionInherit), fl(allocationType), fl(pageProtection)),
	row("NtMapViewOfSectionEx", h, h, iop, ioli, iosz, fl(allocationType), fl(pageProtection), p, ul),
	row("NtUnmapViewOfSection", h, p),
	row("NtUnmapViewOfSectionEx", h, p, fl(unmapFlags)),
	row("NtExtendSection", h, ioli),

	// Handles and waits.
	row("NtDuplicateObject", h, h, h, oh, acc(genericAccess), fl(handleAttributes), fl(duplicateOptions)),
	row("NtQueryObject", h, cls(objectInfoClass), opaque, ul, oulong),
	row("NtMakeTemporaryObject", h),
	row("NtSetInformationObject", h, cls(objectInfoClass), p, ul),
	row("NtQuerySecurityObject", h, fl(securityInformation), opaque, ul, oulong),
	row("NtSetSecurityObject", h, fl(securityInformation), p),
	row("NtWaitForSingleObject", h, bl, li),
	row("NtWaitForMultipleObjects", ul, withRef(kHandles, 0, 0), en(waitType), bl, li),
	row("NtSignalAndWaitForSingleObject", h, h, bl, li),

	// Tokens and privileges.
	row("NtOpenProcessToken", h, acc(tokenAccess), oh),
	row("NtOpenProcessTokenEx", h, acc(tokenAccess), fl(handleAttributes), oh),
	row("NtOpenThreadToken", h, acc(tokenAccess), bl, oh),
	row("NtOpenThreadTokenEx", h, acc(tokenAccess), bl, fl(handleAttributes), oh),
	row("NtAdjustPrivilegesToken", h, bl, a(kPrivileges), ul, opaque, oulong),
	row("NtDuplicateToken", h, acc(tokenAccess), objAttr, bl, en(tokenType), oh),
	row("NtQueryInformationToken", h, cls(tokenInfoClass), opaque, ul, oulong),
	row("NtSetInformationToken", h, cls(tokenInfoClass), p, ul),
	row("NtImpersonateThread", h, h, p),
	row("NtCreateToken", oh, acc(tokenAccess), objAttr, en(tokenType), p, li, p, p, a(kPrivileges), p, p, p, p),
	row("NtCreateTokenEx", oh, acc(tokenAccess), objAttr, en(tokenType), p, li, p, p, a(kPrivileges),
		p, p, p, p, p, p, p, p),
	row("NtFilterToken", h, fl(filterTokenFlags), p, p, p, oh),
	row("NtAdjustGroupsToken", h, bl, p, ul, opaque, oulong),

	// ALPC and LPC ports.
	row("NtAlpcCreatePort", oh, objAttr, p),
	row("NtAlpcConnectPort", oh, ustr, objAttr, p, fl(alpcFlags), p, a(kPortMsg), p, p, p, li),
	row("NtAlpcAcceptConnectPort", oh, h, fl(alpcFlags), objAttr, p, p, a(kPortMsg), p, bl),
	row("NtAlpcSendWaitReceivePort", h, fl(alpcFlags), a(kPortMsg), p, opaque, p, p, li),
	row("NtAlpcDisconnectPort", h, fl(alpcFlags)),
	row("NtCreatePort", oh, objAttr, ul, ul, ul),
	row("NtConnectPort", oh, ustr, p, p, p, p, p, p),
	row("NtRequestWaitReplyPort", h, a(kPortMsg), opaque),
	row("NtReplyWaitReceivePort", h, op, a(kPortMsg), opaque),
	row("NtRequestPort", h, a(kPortMsg)),
	row("NtSecureConnectPort", oh, ustr, p, p, p, p, oulong, p, p),
	row("NtAlpcCreatePortSection", h, ul, h, sz, op, osz),
	row("NtAlpcDeletePortSection", h, ul, hx),
	row("NtAlpcCreateSectionView", h, ul, p),
	row("NtAlpcDeleteSectionView", h, ul, p),
	row("NtAlpcCreateSecurityContext", h, ul, p),
	row("NtAlpcDeleteSecurityContext", h, ul, hx),
	row("NtAlpcRevokeSecurityContext", h, ul, hx),
	row("NtAlpcImpersonateClientOfPort", h, a(kPortMsg), p),
	row("NtAlpcImpersonateClientContainerOfPort", h, a(kPortMsg), ul),
	row("NtAlpcOpenSenderProcess", oh, h, a(kPortMsg), ul, acc(processAccess), objAttr),
	row("NtAlpcOpenSenderThread", oh, h, a(kPortMsg), ul, acc(threadAccess), objAttr),
	row("NtAlpcQueryInformation", h, cls(alpcPortInfoClass), opaque, ul, oulong),
	row("NtAlpcSetInformation", h, cls(alpcPortInfoClass), p, ul),
	row("NtAlpcQueryInformationMessage", h, a(kPortMsg), cls(alpcMessageInfoClass), opaque, ul, oulong),
	row("NtAlpcCancelMessage", h, ul, p),

	// Events, mutants, semaphores, timers.
	row("NtCreateEvent", oh, acc(eventAccess), objAttr, en(eventType), bl),
	row("NtOpenEvent", oh, acc(eventAccess), objAttr),
	row("NtSetEvent", h, ol),
	row("NtResetEvent", h, ol),
	row("NtClearEvent", h),
	row("NtPulseEvent", h, ol),
	row("NtCreateMutant", oh, acc(mutantAccess), objAttr, bl),
	row("NtOpenMutant", oh, acc(mutantAccess), objAttr),
	row("NtReleaseMutant", h, ol),
	row("NtCreateSemaphore", oh, acc(semaphoreAccess), objAttr, lg, lg),
	row("NtOpenSemaphore", oh, acc(semaphoreAccess), objAttr),
	row("NtReleaseSemaphore", h, lg, ol),
	row("NtCreateTimer", oh, acc(timerAccess), objAttr, en(timerType)),
	row("NtOpenTimer", oh, acc(timerAccess), objAttr),
	row("NtSetTimer", h, li, p, p, bl, lg, obool),
	row("NtSetTimerEx", h, cls(timerSetInfoClass), p, ul),
	row("NtCancelTimer", h, obool),
	row("NtCreateKeyedEvent", oh, acc(keyedEventAccess), objAttr, ul),
	row("NtOpenKeyedEvent", oh, acc(keyedEventAccess), objAttr),

	// I/O completion ports and thread pools.
	row("NtCreateIoCompletion", oh, acc(ioCompletionAccess), objAttr, ul),
	row("NtOpenIoCompletion", oh, acc(ioCompletionAccess), objAttr),
	row("NtSetIoCompletion", h, p, p, st, hx),
	row("NtRemoveIoCompletion", h, op, op, iosb(nil), li),
	row("NtCreateWorkerFactory", oh, acc(workerFactoryAccess), objAttr, h, h, p, p, ul, sz, sz),
	row("NtSetInformationWorkerFactory", h, cls(workerFactoryInfoClass), p, ul),

	// Jobs and transactions.
	row("NtCreateJobObject", oh, acc(jobAccess), objAttr),
	row("NtOpenJobObject", oh, acc(jobAccess), objAttr),
	row("NtAssignProcessToJobObject", h, h),
	row("NtCreateTransaction", oh, acc(transactionAccess), objAttr, p, h, fl(transactionOptions), ul, ul, li, ustr),
	row("NtCommitTransaction", h, bl),
	row("NtRollbackTransaction", h, bl),

	// Debugging.
	row("NtCreateDebugObject", oh, acc(debugAccess), objAttr, fl(debugObjectFlags)),
	row("NtDebugActiveProcess", h, h),
	row("NtRemoveProcessDebug", h, h),
	row("NtSystemDebugControl", en(sysdbgCommand), buf(2), ul, opaque, ul, oulong),

	// Object directories and symbolic links.
	row("NtCreateDirectoryObject", oh, acc(directoryAccess), objAttr),
	row("NtOpenDirectoryObject", oh, acc(directoryAccess), objAttr),
	row("NtCreateSymbolicLinkObject", oh, acc(symlinkAccess), objAttr, ustr),
	row("NtOpenSymbolicLinkObject", oh, acc(symlinkAccess), objAttr),
	row("NtQuerySymbolicLinkObject", h, ous, oulong),
	row("NtQueryDirectoryObject", h, opaque, ul, bl, bl, io(kOutUlong), oulong),

	// Drivers and the system.
	row("NtLoadDriver", ustr),
	row("NtUnloadDriver", ustr),
	row("NtQuerySystemInformation", cls(systemInfoClass), opaque, ul, oulong),
	row("NtSetSystemInformation", cls(systemInfoClass), p, ul),
	row("NtQuerySystemTime", oli),
	row("NtShutdownSystem", en(shutdownAction)),
	row("NtRaiseHardError", st, ul, hx, p, en(hardErrorResponse), oulong),
	row("NtQueryPerformanceCounter", oli, oli),
	row("NtQueryDefaultUILanguage", olangid),
	row("NtQueryInstallUILanguage", olangid),
	row("NtSetSystemEnvironmentValueEx", ustr, p, buf(3), ul, fl(efiVariableAttributes)),
	row("NtTraceEvent", h, hx, ul, p),
	row("NtTraceControl", ul, buf(2), ul, opaque, ul, oulong),
}
