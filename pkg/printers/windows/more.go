package windows

// Flags and classes of the calls analysts look for besides files,
// registry and processes: debugging, jobs, transactions, thread pools,
// tracing, firmware variables.
var (
	unmapFlags = newXlat([]xe{
		{0x1, "MEM_UNMAP_WITH_TRANSIENT_BOOST"}, {0x2, "MEM_PRESERVE_PLACEHOLDER"},
	})
	apcFlags = newXlat([]xe{
		{0x0, "QUEUE_USER_APC_FLAGS_NONE"}, {0x1, "QUEUE_USER_APC_FLAGS_SPECIAL_USER_APC"},
		{0x10000, "QUEUE_USER_APC_FLAGS_CALLBACK_DATA_CONTEXT"},
	})
	getNextFlags     = newXlat([]xe{{0x1, "PROCESS_GET_NEXT_FLAGS_PREVIOUS_PROCESS"}})
	debugObjectFlags = newXlat([]xe{{0x1, "DEBUG_KILL_ON_CLOSE"}})
	sysdbgCommand    = newSorted([]xe{
		{0, "SysDbgQueryModuleInformation"}, {1, "SysDbgQueryTraceInformation"}, {2, "SysDbgSetTracepoint"},
		{3, "SysDbgSetSpecialCall"}, {4, "SysDbgClearSpecialCalls"}, {5, "SysDbgQuerySpecialCalls"},
		{6, "SysDbgBreakPoint"}, {7, "SysDbgQueryVersion"}, {8, "SysDbgReadVirtual"}, {9, "SysDbgWriteVirtual"},
		{10, "SysDbgReadPhysical"}, {11, "SysDbgWritePhysical"}, {12, "SysDbgReadControlSpace"},
		{13, "SysDbgWriteControlSpace"}, {14, "SysDbgReadIoSpace"}, {15, "SysDbgWriteIoSpace"},
		{16, "SysDbgReadMsr"}, {17, "SysDbgWriteMsr"}, {18, "SysDbgReadBusData"}, {19, "SysDbgWriteBusData"},
		{20, "SysDbgCheckLowMemory"}, {21, "SysDbgEnableKernelDebugger"}, {22, "SysDbgDisableKernelDebugger"},
		{23, "SysDbgGetAutoKdEnable"}, {24, "SysDbgSetAutoKdEnable"}, {25, "SysDbgGetPrintBufferSize"},
		{26, "SysDbgSetPrintBufferSize"}, {27, "SysDbgGetKdUmExceptionEnable"},
		{28, "SysDbgSetKdUmExceptionEnable"}, {29, "SysDbgGetTriageDump"}, {30, "SysDbgGetKdBlockEnable"},
		{31, "SysDbgSetKdBlockEnable"}, {32, "SysDbgRegisterForUmBreakInfo"}, {33, "SysDbgGetUmBreakPid"},
		{34, "SysDbgClearUmBreakPid"}, {35, "SysDbgGetUmAttachPid"}, {36, "SysDbgClearUmAttachPid"},
		{37, "SysDbgGetLiveKernelDump"}, {38, "SysDbgKdPullRemoteFile"},
	})
	securityInformation = newXlat([]xe{
		{0x1, "OWNER_SECURITY_INFORMATION"}, {0x2, "GROUP_SECURITY_INFORMATION"},
		{0x4, "DACL_SECURITY_INFORMATION"}, {0x8, "SACL_SECURITY_INFORMATION"},
		{0x10, "LABEL_SECURITY_INFORMATION"}, {0x20, "ATTRIBUTE_SECURITY_INFORMATION"},
		{0x40, "SCOPE_SECURITY_INFORMATION"}, {0x80, "PROCESS_TRUST_LABEL_SECURITY_INFORMATION"},
		{0x10000, "BACKUP_SECURITY_INFORMATION"}, {0x10000000, "UNPROTECTED_SACL_SECURITY_INFORMATION"},
		{0x20000000, "UNPROTECTED_DACL_SECURITY_INFORMATION"}, {0x40000000, "PROTECTED_SACL_SECURITY_INFORMATION"},
		{0x80000000, "PROTECTED_DACL_SECURITY_INFORMATION"},
	})
	workerFactoryInfoClass = newSorted([]xe{
		{0, "WorkerFactoryTimeout"}, {1, "WorkerFactoryRetryTimeout"}, {2, "WorkerFactoryIdleTimeout"},
		{3, "WorkerFactoryBindingCount"}, {4, "WorkerFactoryThreadMinimum"}, {5, "WorkerFactoryThreadMaximum"},
		{6, "WorkerFactoryPaused"}, {7, "WorkerFactoryBasicInformation"}, {8, "WorkerFactoryAdjustThreadGoal"},
		{9, "WorkerFactoryCallbackType"}, {10, "WorkerFactoryStackInformation"},
		{11, "WorkerFactoryThreadBasePriority"}, {12, "WorkerFactoryTimeoutWaiters"}, {13, "WorkerFactoryFlags"},
		{14, "WorkerFactoryThreadSoftMaximum"}, {15, "WorkerFactoryThreadCpuSets"},
	})
	timerSetInfoClass = newSorted([]xe{{0, "TimerSetCoalescableTimer"}})
	keySetInfoClass   = newSorted([]xe{
		{0, "KeyWriteTimeInformation"}, {1, "KeyWow64FlagsInformation"}, {2, "KeyControlFlagsInformation"},
		{3, "KeySetVirtualizationInformation"}, {4, "KeySetDebugInformation"}, {5, "KeySetHandleTagsInformation"},
		{6, "KeySetLayerInformation"},
	})
	// Flags of NtRestoreKey and NtLoadKeyEx.
	regHiveFlags = newXlat([]xe{
		{0x1, "REG_WHOLE_HIVE_VOLATILE"}, {0x2, "REG_REFRESH_HIVE"}, {0x4, "REG_NO_LAZY_FLUSH"},
		{0x8, "REG_FORCE_RESTORE"}, {0x10, "REG_APP_HIVE"}, {0x20, "REG_PROCESS_PRIVATE"},
		{0x40, "REG_START_JOURNAL"}, {0x80, "REG_HIVE_EXACT_FILE_GROWTH"}, {0x100, "REG_HIVE_NO_RM"},
		{0x200, "REG_HIVE_SINGLE_LOG"}, {0x400, "REG_BOOT_HIVE"}, {0x800, "REG_LOAD_HIVE_OPEN_HANDLE"},
		{0x1000, "REG_FLUSH_HIVE_FILE_GROWTH"}, {0x2000, "REG_OPEN_READ_ONLY"},
	})
	filterTokenFlags = newXlat([]xe{
		{0x1, "DISABLE_MAX_PRIVILEGE"}, {0x2, "SANDBOX_INERT"}, {0x4, "LUA_TOKEN"}, {0x8, "WRITE_RESTRICTED"},
	})
	efiVariableAttributes = newXlat([]xe{
		{0x1, "EFI_VARIABLE_NON_VOLATILE"}, {0x2, "EFI_VARIABLE_BOOTSERVICE_ACCESS"},
		{0x4, "EFI_VARIABLE_RUNTIME_ACCESS"}, {0x8, "EFI_VARIABLE_HARDWARE_ERROR_RECORD"},
		{0x10, "EFI_VARIABLE_AUTHENTICATED_WRITE_ACCESS"},
		{0x20, "EFI_VARIABLE_TIME_BASED_AUTHENTICATED_WRITE_ACCESS"}, {0x40, "EFI_VARIABLE_APPEND_WRITE"},
	})
	alpcPortInfoClass = newSorted([]xe{
		{0, "AlpcBasicInformation"}, {1, "AlpcPortInformation"}, {2, "AlpcAssociateCompletionPortInformation"},
		{3, "AlpcConnectedSIDInformation"}, {4, "AlpcServerInformation"}, {5, "AlpcMessageZoneInformation"},
		{6, "AlpcRegisterCompletionListInformation"}, {7, "AlpcUnregisterCompletionListInformation"},
		{8, "AlpcAdjustCompletionListConcurrencyCountInformation"}, {9, "AlpcRegisterCallbackInformation"},
		{10, "AlpcCompletionListRundownInformation"}, {11, "AlpcWaitForPortReferences"},
		{12, "AlpcServerSessionInformation"},
	})
	alpcMessageInfoClass = newSorted([]xe{
		{0, "AlpcMessageSidInformation"}, {1, "AlpcMessageTokenModifiedIdInformation"},
		{2, "AlpcMessageDirectStatusInformation"}, {3, "AlpcMessageHandleInformation"},
	})
	transactionOptions = newXlat([]xe{{0x1, "TRANSACTION_DO_NOT_PROMOTE"}})
)
