package windows

var (
	pageProtection = newXlat([]xe{
		{0x1, "PAGE_NOACCESS"}, {0x2, "PAGE_READONLY"}, {0x4, "PAGE_READWRITE"}, {0x8, "PAGE_WRITECOPY"},
		{0x10, "PAGE_EXECUTE"}, {0x20, "PAGE_EXECUTE_READ"}, {0x40, "PAGE_EXECUTE_READWRITE"},
		{0x80, "PAGE_EXECUTE_WRITECOPY"}, {0x100, "PAGE_GUARD"}, {0x200, "PAGE_NOCACHE"},
		{0x400, "PAGE_WRITECOMBINE"}, {0x40000000, "PAGE_TARGETS_INVALID"},
	})
	allocationType = newXlat([]xe{
		{0x1000, "MEM_COMMIT"}, {0x2000, "MEM_RESERVE"}, {0x4000, "MEM_REPLACE_PLACEHOLDER"},
		{0x40000, "MEM_RESERVE_PLACEHOLDER"}, {0x80000, "MEM_RESET"}, {0x100000, "MEM_TOP_DOWN"},
		{0x200000, "MEM_WRITE_WATCH"}, {0x400000, "MEM_PHYSICAL"}, {0x800000, "MEM_ROTATE"},
		{0x1000000, "MEM_RESET_UNDO"}, {0x20000000, "MEM_LARGE_PAGES"}, {0x80000000, "MEM_4MB_PAGES"},
	})
	freeType = newXlat([]xe{
		{0x1, "MEM_COALESCE_PLACEHOLDERS"}, {0x2, "MEM_PRESERVE_PLACEHOLDER"},
		{0x4000, "MEM_DECOMMIT"}, {0x8000, "MEM_RELEASE"},
	})
	sectionAttributes = newXlat([]xe{
		{0x11000000, "SEC_IMAGE_NO_EXECUTE"},
		{0x20000, "SEC_HUGE_PAGES"}, {0x40000, "SEC_PARTITION_OWNER_HANDLE"},
		{0x80000, "SEC_64K_PAGES"}, {0x100000, "SEC_DRIVER_IMAGE"}, {0x200000, "SEC_BASED"},
		{0x400000, "SEC_NO_CHANGE"}, {0x800000, "SEC_FILE"}, {0x1000000, "SEC_IMAGE"},
		{0x2000000, "SEC_PROTECTED_IMAGE"}, {0x4000000, "SEC_RESERVE"}, {0x8000000, "SEC_COMMIT"},
		{0x10000000, "SEC_NOCACHE"}, {0x20000000, "SEC_GLOBAL"}, {0x40000000, "SEC_WRITECOMBINE"},
		{0x80000000, "SEC_LARGE_PAGES"},
	})
	sectionInherit  = newSorted([]xe{{1, "ViewShare"}, {2, "ViewUnmap"}})
	memoryInfoClass = newSorted([]xe{
		{0, "MemoryBasicInformation"}, {1, "MemoryWorkingSetInformation"}, {2, "MemoryMappedFilenameInformation"},
		{3, "MemoryRegionInformation"}, {4, "MemoryWorkingSetExInformation"}, {5, "MemorySharedCommitInformation"},
		{6, "MemoryImageInformation"}, {7, "MemoryRegionInformationEx"}, {8, "MemoryPrivilegedBasicInformation"},
		{9, "MemoryEnclaveImageInformation"}, {10, "MemoryBasicInformationCapped"},
	})
	lockType = newXlat([]xe{{0x1, "MAP_PROCESS"}, {0x2, "MAP_SYSTEM"}})
)
