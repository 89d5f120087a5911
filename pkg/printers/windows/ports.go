package windows

import (
	"encoding/binary"

	"github.com/guestrace/guestrace/pkg/printers"
)

var alpcFlags = newXlat([]xe{
	{0x1, "ALPC_MSGFLG_REPLY_MESSAGE"}, {0x2, "ALPC_MSGFLG_LPC_MODE"},
	{0x10000, "ALPC_MSGFLG_RELEASE_MESSAGE"}, {0x20000, "ALPC_MSGFLG_SYNC_REQUEST"},
	{0x40000, "ALPC_MSGFLG_TRACK_PORT_REFERENCES"}, {0x100000, "ALPC_MSGFLG_WAIT_USER_MODE"},
	{0x200000, "ALPC_MSGFLG_WAIT_ALERTABLE"}, {0x80000000, "ALPC_MSGFLG_WOW64_CALL"},
})

// appendPortMessage prints a PORT_MESSAGE header: lengths, who sent it and
// its id; the data after it is the message's own business.
func (c *ctx) appendPortMessage(b []byte, va uint64) []byte {
	var m [0x28]byte
	if !c.read(va, m[:]) {
		return printers.AppendPtr(b, va)
	}
	b = append(b, "{DataLength="...)
	b = printers.AppendUint(b, uint64(binary.LittleEndian.Uint16(m[0:])))
	b = append(b, ", TotalLength="...)
	b = printers.AppendUint(b, uint64(binary.LittleEndian.Uint16(m[2:])))
	b = append(b, ", Type="...)
	b = printers.AppendHex(b, uint64(binary.LittleEndian.Uint16(m[4:])))
	b = append(b, ", ClientId={UniqueProcess="...)
	b = printers.AppendHex(b, binary.LittleEndian.Uint64(m[8:]))
	b = append(b, ", UniqueThread="...)
	b = printers.AppendHex(b, binary.LittleEndian.Uint64(m[16:]))
	b = append(b, "}, MessageId="...)
	b = printers.AppendUint(b, uint64(binary.LittleEndian.Uint32(m[24:])))
	return append(b, '}')
}
