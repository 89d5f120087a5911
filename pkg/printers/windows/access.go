package windows

import "github.com/guestrace/guestrace/pkg/printers"

// ACCESS_MASK: bits 0-15 are rights specific to the object type, 16-20
// standard rights, 24 ACCESS_SYSTEM_SECURITY, 25 MAXIMUM_ALLOWED, 28-31
// generic rights. Each object type's table lists its composite rights
// before the bits they cover; the standard and generic names follow.

// xe is one name of a table, converted to printers.XlatEntry.
type xe struct {
	v uint64
	n string
}

func entries(es []xe) []printers.XlatEntry {
	out := make([]printers.XlatEntry, len(es))
	for i, e := range es {
		out[i] = printers.XlatEntry{Val: e.v, Name: e.n}
	}
	return out
}

// newXlat makes a table searched in order; newSorted one in value order.
func newXlat(es []xe) *printers.Xlat   { return &printers.Xlat{Entries: entries(es)} }
func newSorted(es []xe) *printers.Xlat { return &printers.Xlat{Entries: entries(es), Sorted: true} }

var standardRights = []xe{
	{0x1f0000, "STANDARD_RIGHTS_ALL"},
	{0x10000, "DELETE"}, {0x20000, "READ_CONTROL"}, {0x40000, "WRITE_DAC"},
	{0x80000, "WRITE_OWNER"}, {0x100000, "SYNCHRONIZE"},
	{0x1000000, "ACCESS_SYSTEM_SECURITY"}, {0x2000000, "MAXIMUM_ALLOWED"},
	{0x10000000, "GENERIC_ALL"}, {0x20000000, "GENERIC_EXECUTE"},
	{0x40000000, "GENERIC_WRITE"}, {0x80000000, "GENERIC_READ"},
}

// rights makes an object type's access table.
func rights(specific ...xe) *printers.Xlat {
	return newXlat(append(specific, standardRights...))
}

var (
	genericAccess = rights()
	fileAccess    = rights(
		xe{0x1f01ff, "FILE_ALL_ACCESS"}, xe{0x120089, "FILE_GENERIC_READ"},
		xe{0x120116, "FILE_GENERIC_WRITE"}, xe{0x1200a0, "FILE_GENERIC_EXECUTE"},
		xe{0x1, "FILE_READ_DATA"}, xe{0x2, "FILE_WRITE_DATA"}, xe{0x4, "FILE_APPEND_DATA"},
		xe{0x8, "FILE_READ_EA"}, xe{0x10, "FILE_WRITE_EA"}, xe{0x20, "FILE_EXECUTE"},
		xe{0x40, "FILE_DELETE_CHILD"}, xe{0x80, "FILE_READ_ATTRIBUTES"}, xe{0x100, "FILE_WRITE_ATTRIBUTES"})
	processAccess = rights(
		xe{0x1fffff, "PROCESS_ALL_ACCESS"},
		xe{0x1, "PROCESS_TERMINATE"}, xe{0x2, "PROCESS_CREATE_THREAD"}, xe{0x4, "PROCESS_SET_SESSIONID"},
		xe{0x8, "PROCESS_VM_OPERATION"}, xe{0x10, "PROCESS_VM_READ"}, xe{0x20, "PROCESS_VM_WRITE"},
		xe{0x40, "PROCESS_DUP_HANDLE"}, xe{0x80, "PROCESS_CREATE_PROCESS"}, xe{0x100, "PROCESS_SET_QUOTA"},
		xe{0x200, "PROCESS_SET_INFORMATION"}, xe{0x400, "PROCESS_QUERY_INFORMATION"},
		xe{0x800, "PROCESS_SUSPEND_RESUME"}, xe{0x1000, "PROCESS_QUERY_LIMITED_INFORMATION"},
		xe{0x2000, "PROCESS_SET_LIMITED_INFORMATION"})
	threadAccess = rights(
		xe{0x1fffff, "THREAD_ALL_ACCESS"},
		xe{0x1, "THREAD_TERMINATE"}, xe{0x2, "THREAD_SUSPEND_RESUME"}, xe{0x4, "THREAD_ALERT"},
		xe{0x8, "THREAD_GET_CONTEXT"}, xe{0x10, "THREAD_SET_CONTEXT"}, xe{0x20, "THREAD_SET_INFORMATION"},
		xe{0x40, "THREAD_QUERY_INFORMATION"}, xe{0x80, "THREAD_SET_THREAD_TOKEN"}, xe{0x100, "THREAD_IMPERSONATE"},
		xe{0x200, "THREAD_DIRECT_IMPERSONATION"}, xe{0x400, "THREAD_SET_LIMITED_INFORMATION"},
		xe{0x800, "THREAD_QUERY_LIMITED_INFORMATION"}, xe{0x1000, "THREAD_RESUME"})
	keyAccess = rights(
		xe{0xf003f, "KEY_ALL_ACCESS"}, xe{0x20019, "KEY_READ"}, xe{0x20006, "KEY_WRITE"},
		xe{0x1, "KEY_QUERY_VALUE"}, xe{0x2, "KEY_SET_VALUE"}, xe{0x4, "KEY_CREATE_SUB_KEY"},
		xe{0x8, "KEY_ENUMERATE_SUB_KEYS"}, xe{0x10, "KEY_NOTIFY"}, xe{0x20, "KEY_CREATE_LINK"},
		xe{0x100, "KEY_WOW64_64KEY"}, xe{0x200, "KEY_WOW64_32KEY"})
	sectionAccess = rights(
		xe{0xf001f, "SECTION_ALL_ACCESS"},
		xe{0x1, "SECTION_QUERY"}, xe{0x2, "SECTION_MAP_WRITE"}, xe{0x4, "SECTION_MAP_READ"},
		xe{0x8, "SECTION_MAP_EXECUTE"}, xe{0x10, "SECTION_EXTEND_SIZE"}, xe{0x20, "SECTION_MAP_EXECUTE_EXPLICIT"})
	tokenAccess = rights(
		xe{0xf01ff, "TOKEN_ALL_ACCESS"},
		xe{0x1, "TOKEN_ASSIGN_PRIMARY"}, xe{0x2, "TOKEN_DUPLICATE"}, xe{0x4, "TOKEN_IMPERSONATE"},
		xe{0x8, "TOKEN_QUERY"}, xe{0x10, "TOKEN_QUERY_SOURCE"}, xe{0x20, "TOKEN_ADJUST_PRIVILEGES"},
		xe{0x40, "TOKEN_ADJUST_GROUPS"}, xe{0x80, "TOKEN_ADJUST_DEFAULT"}, xe{0x100, "TOKEN_ADJUST_SESSIONID"})
	eventAccess = rights(
		xe{0x1f0003, "EVENT_ALL_ACCESS"}, xe{0x1, "EVENT_QUERY_STATE"}, xe{0x2, "EVENT_MODIFY_STATE"})
	mutantAccess = rights(
		xe{0x1f0001, "MUTANT_ALL_ACCESS"}, xe{0x1, "MUTANT_QUERY_STATE"})
	semaphoreAccess = rights(
		xe{0x1f0003, "SEMAPHORE_ALL_ACCESS"}, xe{0x1, "SEMAPHORE_QUERY_STATE"}, xe{0x2, "SEMAPHORE_MODIFY_STATE"})
	symlinkAccess = rights(
		xe{0xf0001, "SYMBOLIC_LINK_ALL_ACCESS"}, xe{0x1, "SYMBOLIC_LINK_QUERY"})
	directoryAccess = rights(
		xe{0xf000f, "DIRECTORY_ALL_ACCESS"}, xe{0x1, "DIRECTORY_QUERY"}, xe{0x2, "DIRECTORY_TRAVERSE"},
		xe{0x4, "DIRECTORY_CREATE_OBJECT"}, xe{0x8, "DIRECTORY_CREATE_SUBDIRECTORY"})
	portAccess = rights(
		xe{0x1f0001, "PORT_ALL_ACCESS"}, xe{0x1, "PORT_CONNECT"})
	timerAccess = rights(
		xe{0x1f0003, "TIMER_ALL_ACCESS"}, xe{0x1, "TIMER_QUERY_STATE"}, xe{0x2, "TIMER_MODIFY_STATE"})
	jobAccess = rights(
		xe{0x1f003f, "JOB_OBJECT_ALL_ACCESS"}, xe{0x1, "JOB_OBJECT_ASSIGN_PROCESS"},
		xe{0x2, "JOB_OBJECT_SET_ATTRIBUTES"}, xe{0x4, "JOB_OBJECT_QUERY"}, xe{0x8, "JOB_OBJECT_TERMINATE"},
		xe{0x10, "JOB_OBJECT_SET_SECURITY_ATTRIBUTES"}, xe{0x20, "JOB_OBJECT_IMPERSONATE"})
	ioCompletionAccess = rights(
		xe{0x1f0003, "IO_COMPLETION_ALL_ACCESS"}, xe{0x1, "IO_COMPLETION_QUERY_STATE"},
		xe{0x2, "IO_COMPLETION_MODIFY_STATE"})
	debugAccess = rights(
		xe{0x1f000f, "DEBUG_ALL_ACCESS"}, xe{0x1, "DEBUG_READ_EVENT"}, xe{0x2, "DEBUG_PROCESS_ASSIGN"},
		xe{0x4, "DEBUG_SET_INFORMATION"}, xe{0x8, "DEBUG_QUERY_INFORMATION"})
	keyedEventAccess = rights(
		xe{0xf0003, "KEYEDEVENT_ALL_ACCESS"}, xe{0x1, "KEYEDEVENT_WAIT"}, xe{0x2, "KEYEDEVENT_WAKE"})
	workerFactoryAccess = rights(
		xe{0xf003f, "WORKER_FACTORY_ALL_ACCESS"}, xe{0x1, "WORKER_FACTORY_RELEASE_WORKER"},
		xe{0x2, "WORKER_FACTORY_WAIT"}, xe{0x4, "WORKER_FACTORY_SET_INFORMATION"},
		xe{0x8, "WORKER_FACTORY_QUERY_INFORMATION"}, xe{0x10, "WORKER_FACTORY_READY_WORKER"},
		xe{0x20, "WORKER_FACTORY_SHUTDOWN"})
	transactionAccess = rights(
		xe{0x1f003f, "TRANSACTION_ALL_ACCESS"}, xe{0x1, "TRANSACTION_QUERY_INFORMATION"},
		xe{0x2, "TRANSACTION_SET_INFORMATION"}, xe{0x4, "TRANSACTION_ENLIST"}, xe{0x8, "TRANSACTION_COMMIT"},
		xe{0x10, "TRANSACTION_ROLLBACK"}, xe{0x20, "TRANSACTION_PROPAGATE"})
)

// appendAccess prints an ACCESS_MASK with the names of x.
func appendAccess(b []byte, x *printers.Xlat, v uint32) []byte {
	return appendFlags(b, x, uint64(v))
}
