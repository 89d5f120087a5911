package linuxgen

import (
	"encoding/binary"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/cilium/ebpf/btf"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/mini.btf and the golden files")

// miniTypes is a tiny kernel's BTF: what the OS layer reads of task_struct
// (list, pointer, int, array members), plus what makes ISF conversion
// interesting: bit-fields of int and enum type, anonymous unions and
// structs, a typedef of an anonymous struct, signed and unsigned enums,
// forward declarations, functions and per-cpu variables.
func miniTypes() []btf.Type {
	i32 := &btf.Int{Name: "int", Size: 4, Encoding: btf.Signed}
	u32 := &btf.Int{Name: "unsigned int", Size: 4}
	i16 := &btf.Int{Name: "short int", Size: 2, Encoding: btf.Signed}
	char := &btf.Int{Name: "char", Size: 1, Encoding: btf.Char}
	ulong := &btf.Int{Name: "long unsigned int", Size: 8}
	boolean := &btf.Int{Name: "_Bool", Size: 1, Encoding: btf.Bool}
	idx := &btf.Int{Name: "__ARRAY_SIZE_TYPE__", Size: 4}

	listHead := &btf.Struct{Name: "list_head", Size: 16}
	listHead.Members = []btf.Member{
		{Name: "next", Type: &btf.Pointer{Target: listHead}, Offset: 0},
		{Name: "prev", Type: &btf.Pointer{Target: listHead}, Offset: 64},
	}
	atomic := &btf.Typedef{Name: "atomic_t", Type: &btf.Struct{Size: 4, Members: []btf.Member{
		{Name: "counter", Type: i32},
	}}}
	pidType := &btf.Enum{Name: "pid_type", Size: 4, Values: []btf.EnumValue{
		{Name: "PIDTYPE_PID", Value: 0}, {Name: "PIDTYPE_TGID", Value: 1}, {Name: "PIDTYPE_MAX", Value: 4294967295},
	}}
	state := &btf.Enum{Size: 4, Signed: true, Values: []btf.EnumValue{
		{Name: "STATE_DEAD", Value: ^uint64(0)}, {Name: "STATE_RUNNING", Value: 1},
	}}
	point := &btf.Struct{Size: 4, Members: []btf.Member{
		{Name: "x", Type: i16, Offset: 0}, {Name: "y", Type: i16, Offset: 16},
	}}
	anonUnion := &btf.Union{Size: 8, Members: []btf.Member{
		{Name: "a", Type: i32},
		{Name: "b", Type: ulong},
		{Type: point}, // anonymous struct inside an anonymous union
	}}
	mm := &btf.Fwd{Name: "mm_struct", Kind: btf.FwdStruct}
	task := &btf.Struct{Name: "task_struct", Size: 72}
	task.Members = []btf.Member{
		{Name: "usage", Type: atomic, Offset: 0},
		{Name: "flags", Type: u32, Offset: 32, BitfieldSize: 4},
		{Name: "in_execve", Type: u32, Offset: 36, BitfieldSize: 1},
		{Name: "state", Type: state, Offset: 56, BitfieldSize: 2},
		{Type: anonUnion, Offset: 64},
		{Name: "tasks", Type: listHead, Offset: 128},
		{Name: "mm", Type: &btf.Pointer{Target: mm}, Offset: 256},
		{Name: "pid", Type: i32, Offset: 320},
		{Name: "tgid", Type: &btf.Typedef{Name: "pid_t", Type: i32}, Offset: 352},
		{Name: "comm", Type: &btf.Array{Index: idx, Type: char, Nelems: 16}, Offset: 384},
		{Name: "exiting", Type: &btf.Volatile{Type: boolean}, Offset: 512},
		{Name: "pid_kind", Type: pidType, Offset: 544},
	}
	regs := &btf.Fwd{Name: "pt_regs", Kind: btf.FwdStruct}
	proto := &btf.FuncProto{Return: i32, Params: []btf.FuncParam{{Name: "regs", Type: &btf.Pointer{Target: &btf.Const{Type: regs}}}}}
	current := &btf.Var{Name: "current_task", Type: &btf.Pointer{Target: task}, Linkage: btf.GlobalVar}
	cpu := &btf.Var{Name: "cpu_number", Type: i32, Linkage: btf.GlobalVar}
	return []btf.Type{
		task, atomic, pidType,
		&btf.Func{Name: "__x64_sys_openat", Type: proto, Linkage: btf.GlobalFunc},
		&btf.Func{Name: "do_exit", Type: proto, Linkage: btf.StaticFunc},
		&btf.Datasec{Name: ".data..percpu", Size: 0x1fb90, Vars: []btf.VarSecinfo{
			{Type: current, Offset: 0x1fb80, Size: 8},
			{Type: cpu, Offset: 0x1fb88, Size: 4},
		}},
	}
}

// miniBTF marshals miniTypes as /sys/kernel/btf/vmlinux would hold it.
func miniBTF(t testing.TB) []byte {
	b, err := btf.NewBuilder(miniTypes(), nil)
	require.NoError(t, err)
	raw, err := b.Marshal(nil, &btf.MarshalOptions{Order: binary.LittleEndian})
	require.NoError(t, err)
	return raw
}

func readTestdata(t testing.TB, name string) []byte {
	data, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return data
}

// TestMiniBTFFixture keeps testdata/mini.btf in step with miniTypes:
// run with -update after changing them.
func TestMiniBTFFixture(t *testing.T) {
	raw := miniBTF(t)
	if *update {
		require.NoError(t, os.WriteFile("testdata/mini.btf", raw, 0o644))
	}
	require.Equal(t, raw, readTestdata(t, "mini.btf"), "testdata/mini.btf is stale: go test -run TestMiniBTFFixture -update")
}

func miniInput(t testing.TB) Input {
	return Input{
		Kallsyms: readTestdata(t, "mini.kallsyms"), KallsymsName: "testdata/mini.kallsyms",
		BTF: readTestdata(t, "mini.btf"), BTFName: "testdata/mini.btf",
		Banner: readTestdata(t, "mini.version"), BannerName: "testdata/mini.version",
	}
}
