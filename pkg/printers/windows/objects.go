package windows

var (
	eventType        = newSorted([]xe{{0, "NotificationEvent"}, {1, "SynchronizationEvent"}})
	timerType        = newSorted([]xe{{0, "NotificationTimer"}, {1, "SynchronizationTimer"}})
	waitType         = newSorted([]xe{{0, "WaitAll"}, {1, "WaitAny"}})
	duplicateOptions = newXlat([]xe{
		{0x1, "DUPLICATE_CLOSE_SOURCE"}, {0x2, "DUPLICATE_SAME_ACCESS"}, {0x4, "DUPLICATE_SAME_ATTRIBUTES"},
	})
	handleAttributes = objAttrFlags
	objectInfoClass  = newSorted([]xe{
		{0, "ObjectBasicInformation"}, {1, "ObjectNameInformation"}, {2, "ObjectTypeInformation"},
		{3, "ObjectTypesInformation"}, {4, "ObjectHandleFlagInformation"}, {5, "ObjectSessionInformation"},
		{6, "ObjectSessionObjectInformation"},
	})
	shutdownAction = newSorted([]xe{
		{0, "ShutdownNoReboot"}, {1, "ShutdownReboot"}, {2, "ShutdownPowerOff"},
	})
	hardErrorResponse = newSorted([]xe{
		{0, "OptionAbortRetryIgnore"}, {1, "OptionOk"}, {2, "OptionOkCancel"}, {3, "OptionRetryCancel"},
		{4, "OptionYesNo"}, {5, "OptionYesNoCancel"}, {6, "OptionShutdownSystem"},
		{7, "OptionOkNoWait"}, {8, "OptionCancelTryContinue"},
	})
	systemInfoClass = newSorted([]xe{
		{0, "SystemBasicInformation"}, {1, "SystemProcessorInformation"}, {2, "SystemPerformanceInformation"},
		{3, "SystemTimeOfDayInformation"}, {4, "SystemPathInformation"}, {5, "SystemProcessInformation"},
		{6, "SystemCallCountInformation"}, {7, "SystemDeviceInformation"},
		{8, "SystemProcessorPerformanceInformation"}, {9, "SystemFlagsInformation"},
		{10, "SystemCallTimeInformation"}, {11, "SystemModuleInformation"}, {12, "SystemLocksInformation"},
		{13, "SystemStackTraceInformation"}, {14, "SystemPagedPoolInformation"},
		{15, "SystemNonPagedPoolInformation"}, {16, "SystemHandleInformation"},
		{17, "SystemObjectInformation"}, {18, "SystemPageFileInformation"}, {19, "SystemVdmInstemulInformation"},
		{20, "SystemVdmBopInformation"}, {21, "SystemFileCacheInformation"}, {22, "SystemPoolTagInformation"},
		{23, "SystemInterruptInformation"}, {24, "SystemDpcBehaviorInformation"},
		{25, "SystemFullMemoryInformation"}, {26, "SystemLoadGdiDriverInformation"},
		{27, "SystemUnloadGdiDriverInformation"}, {28, "SystemTimeAdjustmentInformation"},
		{29, "SystemSummaryMemoryInformation"}, {30, "SystemMirrorMemoryInformation"},
		{31, "SystemPerformanceTraceInformation"}, {32, "SystemObsolete0"},
		{33, "SystemExceptionInformation"}, {34, "SystemCrashDumpStateInformation"},
		{35, "SystemKernelDebuggerInformation"}, {36, "SystemContextSwitchInformation"},
		{37, "SystemRegistryQuotaInformation"}, {38, "SystemExtendServiceTableInformation"},
		{39, "SystemPrioritySeparation"}, {40, "SystemVerifierAddDriverInformation"},
		{41, "SystemVerifierRemoveDriverInformation"}, {42, "SystemProcessorIdleInformation"},
		{43, "SystemLegacyDriverInformation"}, {44, "SystemCurrentTimeZoneInformation"},
		{45, "SystemLookasideInformation"}, {46, "SystemTimeSlipNotification"},
		{47, "SystemSessionCreate"}, {48, "SystemSessionDetach"}, {49, "SystemSessionInformation"},
		{50, "SystemRangeStartInformation"}, {51, "SystemVerifierInformation"},
		{52, "SystemVerifierThunkExtend"}, {53, "SystemSessionProcessInformation"},
		{54, "SystemLoadGdiDriverInSystemSpace"}, {55, "SystemNumaProcessorMap"},
		{56, "SystemPrefetcherInformation"}, {57, "SystemExtendedProcessInformation"},
		{58, "SystemRecommendedSharedDataAlignment"}, {59, "SystemComPlusPackage"},
		{60, "SystemNumaAvailableMemory"}, {61, "SystemProcessorPowerInformation"},
		{62, "SystemEmulationBasicInformation"}, {63, "SystemEmulationProcessorInformation"},
		{64, "SystemExtendedHandleInformation"}, {65, "SystemLostDelayedWriteInformation"},
		{66, "SystemBigPoolInformation"}, {67, "SystemSessionPoolTagInformation"},
		{68, "SystemSessionMappedViewInformation"}, {69, "SystemHotpatchInformation"},
		{70, "SystemObjectSecurityMode"}, {71, "SystemWatchdogTimerHandler"},
		{72, "SystemWatchdogTimerInformation"}, {73, "SystemLogicalProcessorInformation"},
		{74, "SystemWow64SharedInformationObsolete"}, {75, "SystemRegisterFirmwareTableInformationHandler"},
		{76, "SystemFirmwareTableInformation"}, {77, "SystemModuleInformationEx"},
		{78, "SystemVerifierTriageInformation"}, {79, "SystemSuperfetchInformation"},
		{80, "SystemMemoryListInformation"}, {81, "SystemFileCacheInformationEx"},
		{82, "SystemThreadPriorityClientIdInformation"}, {83, "SystemProcessorIdleCycleTimeInformation"},
		{84, "SystemVerifierCancellationInformation"}, {85, "SystemProcessorPowerInformationEx"},
		{86, "SystemRefTraceInformation"}, {87, "SystemSpecialPoolInformation"},
		{88, "SystemProcessIdInformation"}, {89, "SystemErrorPortInformation"},
		{90, "SystemBootEnvironmentInformation"}, {91, "SystemHypervisorInformation"},
		{92, "SystemVerifierInformationEx"}, {93, "SystemTimeZoneInformation"},
		{94, "SystemImageFileExecutionOptionsInformation"}, {95, "SystemCoverageInformation"},
		{96, "SystemPrefetchPatchInformation"}, {97, "SystemVerifierFaultsInformation"},
		{98, "SystemSystemPartitionInformation"}, {99, "SystemSystemDiskInformation"},
		{100, "SystemProcessorPerformanceDistribution"}, {101, "SystemNumaProximityNodeInformation"},
		{102, "SystemDynamicTimeZoneInformation"}, {103, "SystemCodeIntegrityInformation"},
	})
)
