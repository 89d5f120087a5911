package windows

import (
	"encoding/binary"

	"github.com/guestrace/guestrace/pkg/printers"
)

var (
	// Privileges by their LUID's LowPart (SE_*_PRIVILEGE in ntseapi.h).
	privileges = newSorted([]xe{
		{2, "SeCreateTokenPrivilege"}, {3, "SeAssignPrimaryTokenPrivilege"}, {4, "SeLockMemoryPrivilege"},
		{5, "SeIncreaseQuotaPrivilege"}, {6, "SeMachineAccountPrivilege"}, {7, "SeTcbPrivilege"},
		{8, "SeSecurityPrivilege"}, {9, "SeTakeOwnershipPrivilege"}, {10, "SeLoadDriverPrivilege"},
		{11, "SeSystemProfilePrivilege"}, {12, "SeSystemtimePrivilege"}, {13, "SeProfileSingleProcessPrivilege"},
		{14, "SeIncreaseBasePriorityPrivilege"}, {15, "SeCreatePagefilePrivilege"},
		{16, "SeCreatePermanentPrivilege"}, {17, "SeBackupPrivilege"}, {18, "SeRestorePrivilege"},
		{19, "SeShutdownPrivilege"}, {20, "SeDebugPrivilege"}, {21, "SeAuditPrivilege"},
		{22, "SeSystemEnvironmentPrivilege"}, {23, "SeChangeNotifyPrivilege"}, {24, "SeRemoteShutdownPrivilege"},
		{25, "SeUndockPrivilege"}, {26, "SeSyncAgentPrivilege"}, {27, "SeEnableDelegationPrivilege"},
		{28, "SeManageVolumePrivilege"}, {29, "SeImpersonatePrivilege"}, {30, "SeCreateGlobalPrivilege"},
		{31, "SeTrustedCredManAccessPrivilege"}, {32, "SeRelabelPrivilege"}, {33, "SeIncreaseWorkingSetPrivilege"},
		{34, "SeTimeZonePrivilege"}, {35, "SeCreateSymbolicLinkPrivilege"},
		{36, "SeDelegateSessionUserImpersonatePrivilege"},
	})
	privilegeAttributes = newXlat([]xe{
		{0x1, "SE_PRIVILEGE_ENABLED_BY_DEFAULT"}, {0x2, "SE_PRIVILEGE_ENABLED"},
		{0x4, "SE_PRIVILEGE_REMOVED"}, {0x80000000, "SE_PRIVILEGE_USED_FOR_ACCESS"},
	})
	tokenType      = newSorted([]xe{{1, "TokenPrimary"}, {2, "TokenImpersonation"}})
	tokenInfoClass = newSorted([]xe{
		{1, "TokenUser"}, {2, "TokenGroups"}, {3, "TokenPrivileges"}, {4, "TokenOwner"},
		{5, "TokenPrimaryGroup"}, {6, "TokenDefaultDacl"}, {7, "TokenSource"}, {8, "TokenType"},
		{9, "TokenImpersonationLevel"}, {10, "TokenStatistics"}, {11, "TokenRestrictedSids"},
		{12, "TokenSessionId"}, {13, "TokenGroupsAndPrivileges"}, {14, "TokenSessionReference"},
		{15, "TokenSandBoxInert"}, {16, "TokenAuditPolicy"}, {17, "TokenOrigin"}, {18, "TokenElevationType"},
		{19, "TokenLinkedToken"}, {20, "TokenElevation"}, {21, "TokenHasRestrictions"},
		{22, "TokenAccessInformation"}, {23, "TokenVirtualizationAllowed"}, {24, "TokenVirtualizationEnabled"},
		{25, "TokenIntegrityLevel"}, {26, "TokenUIAccess"}, {27, "TokenMandatoryPolicy"},
		{28, "TokenLogonSid"}, {29, "TokenIsAppContainer"}, {30, "TokenCapabilities"},
		{31, "TokenAppContainerSid"}, {32, "TokenAppContainerNumber"},
	})
)

// maxPrivileges bounds the entries of a TOKEN_PRIVILEGES printed.
const maxPrivileges = 8

// appendPrivileges prints a TOKEN_PRIVILEGES:
// {PrivilegeCount=1, Privileges=[{SeDebugPrivilege, SE_PRIVILEGE_ENABLED}]}.
func (c *ctx) appendPrivileges(b []byte, va uint64) []byte {
	n, ok := c.read32(va)
	if !ok {
		return printers.AppendPtr(b, va)
	}
	k := min(n, maxPrivileges)
	raw := make([]byte, 12*k) // LUID (LowPart, HighPart), Attributes
	if !c.read(va+4, raw) {
		return printers.AppendPtr(b, va)
	}
	b = append(b, "{PrivilegeCount="...)
	b = printers.AppendUint(b, uint64(n))
	b = append(b, ", Privileges=["...)
	for i := uint32(0); i < k; i++ {
		e := raw[12*i:]
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, '{')
		luid := binary.LittleEndian.Uint64(e)
		b = printers.AppendXval(b, privileges, luid, "")
		b = append(b, ", "...)
		b = appendFlags(b, privilegeAttributes, uint64(binary.LittleEndian.Uint32(e[8:])))
		b = append(b, '}')
	}
	if n > k {
		b = append(b, ", ..."...)
	}
	return append(b, "]}"...)
}
