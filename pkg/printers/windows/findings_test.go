package windows

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/printers"
)

func TestContextFlags(t *testing.T) {
	for v, want := range map[uint32]string{
		0x10000b:  "CONTEXT_FULL",
		0x10001f:  "CONTEXT_ALL",
		0x100003:  "CONTEXT_CONTROL|CONTEXT_INTEGER",
		0x10004b:  "CONTEXT_FULL|CONTEXT_XSTATE",
		0x100000:  "CONTEXT_AMD64",
		0x100100:  "CONTEXT_AMD64|0x100",
		0x8100001: "CONTEXT_CONTROL|CONTEXT_EXCEPTION_ACTIVE",
		0x3:       "0x3", // no CONTEXT_AMD64 bit: not an x64 CONTEXT flag
	} {
		assert.Equal(t, want, string(appendContextFlags(nil, v)), "%#x", v)
	}
}

func TestFlagTables(t *testing.T) {
	for _, c := range []struct {
		x    *printers.Xlat
		v    uint64
		want string
	}{
		{alpcFlags, 0x20002, "ALPC_MSGFLG_LPC_MODE|ALPC_MSGFLG_SYNC_REQUEST"},
		{alpcFlags, 0x80000001, "ALPC_MSGFLG_REPLY_MESSAGE|ALPC_MSGFLG_WOW64_CALL"},
		{pipeType, 0, "FILE_PIPE_BYTE_STREAM_TYPE"},
		{pipeType, 3, "FILE_PIPE_MESSAGE_TYPE|FILE_PIPE_REJECT_REMOTE_CLIENTS"},
		{sectionAttributes, 0x1020000, "SEC_HUGE_PAGES|SEC_IMAGE"},
		{processCreateFlags, 0x204, "PROCESS_CREATE_FLAGS_INHERIT_HANDLES|PROCESS_CREATE_FLAGS_CREATE_SUSPENDED"},
		{timerAccess, 0x1f0003, "TIMER_ALL_ACCESS"},
	} {
		assert.Equal(t, c.want, string(appendFlags(nil, c.x, c.v)))
	}
	for v, want := range map[uint32]string{
		0x8000000d: "STATUS_PARTIAL_COPY", 0xc0000019: "STATUS_NOT_MAPPED_VIEW",
		0xc0000712: "STATUS_PROCESS_IS_PROTECTED", 0xc000012f: "STATUS_INVALID_IMAGE_NOT_MZ",
		0xc0000275: "STATUS_NOT_A_REPARSE_POINT", 0xc00000ef: "STATUS_INVALID_PARAMETER_1",
		0xc00000fa: "STATUS_INVALID_PARAMETER_12", 0xc0000999: "0xc0000999",
	} {
		assert.Equal(t, want, string(AppendStatus(nil, v)))
	}
}

// TestExitCodes: exit codes are numbers, not NTSTATUS names; a negative
// one (an exception code) prints in hex. A call that ends its caller is
// printed whole at the call.
func TestExitCodes(t *testing.T) {
	o := &printers.Options{Column: -1} // no alignment
	m := newFakeMem(0x10000, 16)
	for _, c := range []struct {
		name   string
		h      uint64
		code   uint64
		ends   bool
		output string
	}{
		{"NtTerminateProcess", 0x40, 1, false, "NtTerminateProcess(0x40, 1) = STATUS_SUCCESS"},
		{"NtTerminateProcess", 0, 259, false, "NtTerminateProcess(NULL, 259) = STATUS_SUCCESS"},
		{"NtTerminateProcess", currentProcess, 0xc0000005, true, "NtTerminateProcess(NtCurrentProcess(), 0xc0000005) = ?"},
		{"NtTerminateThread", 0, 0, true, "NtTerminateThread(NULL, 0) = ?"},
		{"NtTerminateThread", currentThread, 3, true, "NtTerminateThread(NtCurrentThread(), 3) = ?"},
		{"NtTerminateThread", 0x44, 3, false, "NtTerminateThread(0x44, 3) = STATUS_SUCCESS"},
	} {
		s, ok := Lookup(c.name)
		require.True(t, ok)
		a := &Args{c.h, c.code}
		assert.Equal(t, c.ends, s.EndsCaller(a), c.output)
		b := s.EnterArgs(nil, a, m, o)
		if c.ends {
			assert.Equal(t, c.output[:len(c.output)-len(" = ?")], string(b), "whole at the call")
		}
		assert.Equal(t, c.output, string(s.ExitArgs(b, a, 0, m, o)))
	}
}

// TestCallsKeepState: Calls finds each call's State by its token, keeps
// at most maxCalls of them (a thread killed in a call never returns), and
// a call whose State is gone still prints.
func TestCallsKeepState(t *testing.T) {
	o := &printers.Options{Column: -1}
	m := newFakeMem(0x10000, 1<<16)
	data := m.put([]byte("at the call"))
	iosb := m.put(make([]byte, 16))
	s, _ := Lookup("NtWriteFile")
	var k Calls
	a := &Args{0x1c, 0, 0, 0, iosb, data, 11}
	var cs printers.CallState
	b := k.Enter(s, nil, a, &cs, m, o)
	assert.True(t, cs.Valid)
	assert.Equal(t, 1, k.Len())
	copy(m.data[data-m.base:], "XXXXXXXXXXX")
	assert.Equal(t, `NtWriteFile(0x1c, NULL, NULL, NULL, {Status=STATUS_SUCCESS, Information=0}, "at the call", 11, NULL, NULL) = STATUS_SUCCESS`,
		string(k.Exit(s, b, a, &cs, 0, m, o)))
	assert.Zero(t, k.Len())

	// Calls that never return: the oldest are dropped.
	var first printers.CallState
	k.Enter(s, nil, a, &first, m, o)
	for i := 0; i < maxCalls+10; i++ {
		var c printers.CallState
		k.Enter(s, nil, a, &c, m, o)
	}
	assert.Equal(t, maxCalls, k.Len())
	// Its State dropped, the call reads its input at the return.
	assert.Contains(t, string(k.Exit(s, nil, a, &first, 0, m, o)), `"XXXXXXXXXXX"`)

	// A call with inputs only is printed whole at the call: no State.
	closeRow, _ := Lookup("NtClose")
	var none printers.CallState
	k.Enter(closeRow, nil, &Args{0x1c}, &none, m, o)
	assert.False(t, none.Valid)
	assert.Equal(t, maxCalls, k.Len())
}

// BenchmarkWriteFileLine prints an NtWriteFile line as the tracer does,
// inputs kept from the call to the return (Calls), against the same
// line read whole at the return (no State).
func BenchmarkWriteFileLine(b *testing.B) {
	o := &printers.Options{}
	m := newFakeMem(0x10000, 1<<16)
	data := m.put([]byte("MZ\x90\x00\x03\x00\x00\x00"))
	iosb := m.put(make([]byte, 16))
	s, _ := Lookup("NtWriteFile")
	a := &Args{0x1c, 0, 0, 0, iosb, data, 8}
	buf := make([]byte, 0, 512)
	b.Run("kept", func(b *testing.B) {
		var k Calls
		b.ReportAllocs()
		for range b.N {
			var cs printers.CallState
			buf = k.Exit(s, k.Enter(s, buf[:0], a, &cs, m, o), a, &cs, 0, m, o)
		}
	})
	b.Run("at-return", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			buf = s.ExitArgs(s.EnterArgs(buf[:0], a, m, o), a, 0, m, o)
		}
	})
}
