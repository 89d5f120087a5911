package windows

import (
	"github.com/guestrace/guestrace/pkg/printers"
)

var (
	regType = newSorted([]xe{
		{0, "REG_NONE"}, {1, "REG_SZ"}, {2, "REG_EXPAND_SZ"}, {3, "REG_BINARY"}, {4, "REG_DWORD"},
		{5, "REG_DWORD_BIG_ENDIAN"}, {6, "REG_LINK"}, {7, "REG_MULTI_SZ"}, {8, "REG_RESOURCE_LIST"},
		{9, "REG_FULL_RESOURCE_DESCRIPTOR"}, {10, "REG_RESOURCE_REQUIREMENTS_LIST"}, {11, "REG_QWORD"},
	})
	keyValueInfoClass = newSorted([]xe{
		{0, "KeyValueBasicInformation"}, {1, "KeyValueFullInformation"}, {2, "KeyValuePartialInformation"},
		{3, "KeyValueFullInformationAlign64"}, {4, "KeyValuePartialInformationAlign64"},
		{5, "KeyValueLayerInformation"},
	})
	keyInfoClass = newSorted([]xe{
		{0, "KeyBasicInformation"}, {1, "KeyNodeInformation"}, {2, "KeyFullInformation"},
		{3, "KeyNameInformation"}, {4, "KeyCachedInformation"}, {5, "KeyFlagsInformation"},
		{6, "KeyVirtualizationInformation"}, {7, "KeyHandleTagsInformation"}, {8, "KeyTrustInformation"},
		{9, "KeyLayerInformation"},
	})
	regOptions = newXlat([]xe{
		{0x0, "REG_OPTION_NON_VOLATILE"}, {0x1, "REG_OPTION_VOLATILE"}, {0x2, "REG_OPTION_CREATE_LINK"},
		{0x4, "REG_OPTION_BACKUP_RESTORE"}, {0x8, "REG_OPTION_OPEN_LINK"}, {0x10, "REG_OPTION_DONT_VIRTUALIZE"},
	})
	regDisposition = newSorted([]xe{
		{1, "REG_CREATED_NEW_KEY"}, {2, "REG_OPENED_EXISTING_KEY"},
	})
	regNotifyFilter = newXlat([]xe{
		{0x1, "REG_NOTIFY_CHANGE_NAME"}, {0x2, "REG_NOTIFY_CHANGE_ATTRIBUTES"},
		{0x4, "REG_NOTIFY_CHANGE_LAST_SET"}, {0x8, "REG_NOTIFY_CHANGE_SECURITY"},
		{0x10000000, "REG_NOTIFY_THREAD_AGNOSTIC"},
	})
)

// Registry data types decoded.
const (
	regSZ       = 1
	regExpandSZ = 2
	regDword    = 4
	regMultiSZ  = 7
	regQword    = 11
)

// appendRegData prints registry data of type typ and size n: strings as
// strings, numbers as numbers, the rest as bytes.
func (c *ctx) appendRegData(b []byte, va uint64, typ uint32, n uint64) []byte {
	switch {
	case (typ == regSZ || typ == regExpandSZ || typ == regMultiSZ) && n >= 2:
		units := int(min(n/2, uint64(c.o.Limit())+1))
		return c.appendUTF16Data(b, va, units, n/2)
	case typ == regDword && n == 4:
		if v, ok := c.read32(va); ok {
			return append(printers.AppendUint(append(b, '['), uint64(v)), ']')
		}
	case typ == regQword && n == 8:
		if v, ok := c.read64(va); ok {
			return append(printers.AppendUint(append(b, '['), v), ']')
		}
	default:
		return c.appendData(b, va, n)
	}
	return printers.AppendPtr(b, va)
}

// appendUTF16Data prints read units of a UTF-16 buffer of total units,
// cut at the string limit (in bytes of UTF-8 printed).
func (c *ctx) appendUTF16Data(b []byte, va uint64, read int, total uint64) []byte {
	raw := make([]byte, 2*read)
	if !c.read(va, raw) {
		return printers.AppendPtr(b, va)
	}
	s := utf16ToUTF8(raw)
	limit := c.o.Limit()
	return printers.AppendQuoted(b, s, limit, uint64(read) < total)
}
