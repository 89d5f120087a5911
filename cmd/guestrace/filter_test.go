package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/oses"
	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/tracer"
)

// guestCalls is a guest kernel's list: x64 and ia32 entry points, and a
// call the printers do not know.
var guestCalls = []guestos.Syscall{
	{Name: "close", ABI: "ia32"}, {Name: "close", ABI: "x64"},
	{Name: "kill", ABI: "x64"},
	{Name: "mmap", ABI: "x64"},
	{Name: "newcall", ABI: "x64"},
	{Name: "openat", ABI: "ia32"}, {Name: "openat", ABI: "x64"},
	{Name: "read", ABI: "x64"},
	{Name: "rt_sigaction", ABI: "x64"},
	{Name: "socket", ABI: "x64"},
	{Name: "socketcall", ABI: "compat"}, // i386's multiplexer
}

func selected(sel callSelection) []string {
	var s []string
	for i := range guestCalls {
		if sel(&guestCalls[i]) {
			s = append(s, guestCalls[i].Name+"/"+string(guestCalls[i].ABI))
		}
	}
	return s
}

// TestTraceSets: what each form of trace=SET selects, as the breakpoints
// it would place.
func TestTraceSets(t *testing.T) {
	for _, tc := range []struct {
		exprs []string
		want  []string
	}{
		{nil, []string{"close/x64", "kill/x64", "mmap/x64", "newcall/x64", "openat/x64", "read/x64", "rt_sigaction/x64", "socket/x64"}},
		{[]string{"trace=openat,close"}, []string{"close/ia32", "close/x64", "openat/ia32", "openat/x64"}},
		{[]string{"read"}, []string{"read/x64"}},
		{[]string{"t=read"}, []string{"read/x64"}},
		{[]string{"trace=%signal"}, []string{"kill/x64", "rt_sigaction/x64"}},
		{[]string{"trace=%network,%memory"}, []string{"mmap/x64", "socket/x64", "socketcall/compat"}},
		{[]string{"trace=%net"}, []string{"socket/x64", "socketcall/compat"}},
		// socket selects i386's socketcall too, which makes it.
		{[]string{"trace=socket"}, []string{"socket/x64", "socketcall/compat"}},
		{[]string{"trace=socketcall"}, []string{"socketcall/compat"}},
		{[]string{"trace=/^(open|rea)"}, []string{"openat/ia32", "openat/x64", "read/x64"}},
		// mmap takes a descriptor: strace puts it in %desc too.
		{[]string{"trace=!%file,%desc,%signal"}, []string{"newcall/x64", "socket/x64"}},
		{[]string{"trace=!read"}, []string{"close/x64", "kill/x64", "mmap/x64", "newcall/x64", "openat/x64", "rt_sigaction/x64", "socket/x64"}},
		{[]string{"trace=all"}, []string{"close/x64", "kill/x64", "mmap/x64", "newcall/x64", "openat/x64", "read/x64", "rt_sigaction/x64", "socket/x64"}},
		{[]string{"trace=none"}, nil},
		{[]string{"trace=?nosuchcall,read"}, []string{"read/x64"}},
		// The last trace= wins, as in strace.
		{[]string{"trace=read", "trace=kill"}, []string{"kill/x64"}},
	} {
		f, err := parseExprs(tc.exprs, osNamed(t, "linux"))
		require.NoError(t, err, "%q", tc.exprs)
		assert.Equal(t, tc.want, selected(f.calls), "%q", tc.exprs)
	}
}

// TestKeepSubcalls: a multiplexer selected for one of its calls keeps
// that call's, and all of them when it is selected itself.
func TestKeepSubcalls(t *testing.T) {
	f, err := parseExprs([]string{"trace=socket,%ipc"}, osNamed(t, "linux"))
	require.NoError(t, err)
	require.NotNil(t, f.keep)
	assert.True(t, f.keep("socket"))
	assert.True(t, f.keep("msgget"))
	assert.False(t, f.keep("connect"))
	assert.False(t, f.keep("socketcall"))
	f, err = parseExprs([]string{"trace=socketcall"}, osNamed(t, "linux"))
	require.NoError(t, err)
	assert.True(t, f.keep("socketcall"))
	f, err = parseExprs([]string{"trace=all"}, osNamed(t, "linux"))
	require.NoError(t, err)
	assert.Nil(t, f.keep, "all: nothing to sort out")
}

func TestStatusSets(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want output.Status
	}{
		{"status=failed", output.StatusFailed},
		{"status=successful,unfinished", output.StatusSuccessful | output.StatusUnfinished},
		{"status=!failed", output.StatusSuccessful | output.StatusUnfinished | output.StatusDetached},
		{"status=all", output.StatusAll},
	} {
		f, err := parseExprs([]string{tc.expr}, osNamed(t, "linux"))
		require.NoError(t, err, tc.expr)
		assert.Equal(t, tc.want, f.status, tc.expr)
	}
}

func TestWindowsHasNoClasses(t *testing.T) {
	_, err := parseExprs([]string{"trace=%file"}, osNamed(t, "windows"))
	assert.EqualError(t, err, "-e trace=%file: %file: windows has no system-call classes")
	f, err := parseExprs([]string{"trace=/^NtClose$"}, osNamed(t, "windows"))
	require.NoError(t, err)
	assert.True(t, f.calls(&guestos.Syscall{Name: "NtClose", ABI: "nt"}))
	assert.False(t, f.calls(&guestos.Syscall{Name: "NtOpenFile", ABI: "nt"}))
}

// osNamed is a registered OS.
func osNamed(t *testing.T, name string) *oses.OS {
	t.Helper()
	o, err := oses.Lookup(name)
	require.NoError(t, err)
	return o
}

func TestModes(t *testing.T) {
	for expr, want := range map[string]tracer.Mode{
		"mode=user": tracer.ModeUser, "mode=kernel": tracer.ModeKernel, "mode=all": tracer.ModeAll,
	} {
		f, err := parseExprs([]string{expr}, osNamed(t, "windows"))
		require.NoError(t, err, expr)
		assert.Equal(t, want, f.mode, expr)
	}
	_, err := parseExprs([]string{"mode=driver"}, osNamed(t, "windows"))
	assert.EqualError(t, err, `-e mode=driver: unknown mode "driver" (user, kernel or all)`)
}
