package windows

import (
	"bufio"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/printers"
)

// tables are the package's tables of names, by variable name.
// TestEveryTableListed keeps this list whole.
var tables = map[string]*printers.Xlat{
	"debugAccess": debugAccess, "directoryAccess": directoryAccess, "eventAccess": eventAccess,
	"fileAccess": fileAccess, "genericAccess": genericAccess, "ioCompletionAccess": ioCompletionAccess,
	"jobAccess": jobAccess, "keyAccess": keyAccess, "keyedEventAccess": keyedEventAccess,
	"mutantAccess": mutantAccess, "portAccess": portAccess, "processAccess": processAccess,
	"sectionAccess": sectionAccess, "semaphoreAccess": semaphoreAccess, "symlinkAccess": symlinkAccess,
	"threadAccess": threadAccess, "timerAccess": timerAccess, "tokenAccess": tokenAccess,
	"transactionAccess": transactionAccess, "workerFactoryAccess": workerFactoryAccess,
	"completionFilter": completionFilter, "createDisposition": createDisposition, "createOptions": createOptions,
	"createResult": createResult, "dispositionFlags": dispositionFlags, "fileAttributes": fileAttributes,
	"fileInfoClass": fileInfoClass, "fsInfoClass": fsInfoClass, "ioControlCodes": ioControlCodes,
	"pipeCompletion": pipeCompletion, "pipeReadMode": pipeReadMode, "pipeType": pipeType,
	"renameFlags": renameFlags, "shareAccess": shareAccess, "allocationType": allocationType,
	"freeType": freeType, "lockType": lockType, "memoryInfoClass": memoryInfoClass,
	"pageProtection": pageProtection, "sectionAttributes": sectionAttributes, "sectionInherit": sectionInherit,
	"alpcMessageInfoClass": alpcMessageInfoClass, "alpcPortInfoClass": alpcPortInfoClass, "apcFlags": apcFlags,
	"debugObjectFlags": debugObjectFlags, "efiVariableAttributes": efiVariableAttributes,
	"filterTokenFlags": filterTokenFlags, "getNextFlags": getNextFlags, "keySetInfoClass": keySetInfoClass,
	"regHiveFlags": regHiveFlags, "securityInformation": securityInformation, "sysdbgCommand": sysdbgCommand,
	"timerSetInfoClass": timerSetInfoClass, "transactionOptions": transactionOptions, "unmapFlags": unmapFlags,
	"workerFactoryInfoClass": workerFactoryInfoClass, "duplicateOptions": duplicateOptions,
	"eventType": eventType, "hardErrorResponse": hardErrorResponse, "objectInfoClass": objectInfoClass,
	"shutdownAction": shutdownAction, "systemInfoClass": systemInfoClass, "timerType": timerType,
	"waitType": waitType, "contextFlags": contextFlags, "processCreateFlags": processCreateFlags,
	"processInfoClass": processInfoClass, "threadCreateFlags": threadCreateFlags,
	"threadInfoClass": threadInfoClass, "keyInfoClass": keyInfoClass, "keyValueInfoClass": keyValueInfoClass,
	"regDisposition": regDisposition, "regNotifyFilter": regNotifyFilter, "regOptions": regOptions,
	"regType": regType, "privilegeAttributes": privilegeAttributes, "privileges": privileges,
	"tokenInfoClass": tokenInfoClass, "tokenType": tokenType, "alpcFlags": alpcFlags, "ntStatus": ntStatus,
	"objAttrFlags": objAttrFlags,
}

// TestTablesMatchHeaders checks every name of every table against
// testdata/constants.tsv: each line is a name, its value and the public
// header that defines it (phnt, mingw-w64, ReactOS, Wine), and, when the
// header spells it otherwise, the header's name (SE_DEBUG_PRIVILEGE for
// SeDebugPrivilege). A wrong value or a name no header has fails.
func TestTablesMatchHeaders(t *testing.T) {
	f, err := os.Open("testdata/constants.tsv")
	require.NoError(t, err)
	defer f.Close()
	want := map[string]uint64{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		fields := strings.Split(sc.Text(), "\t")
		require.GreaterOrEqual(t, len(fields), 3, "line %d: name, value, header", n)
		v, err := strconv.ParseUint(fields[1], 0, 64)
		require.NoError(t, err, "line %d", n)
		require.NotEmpty(t, fields[2], "line %d: which header", n)
		_, dup := want[fields[0]]
		require.False(t, dup, "line %d: %s twice", n, fields[0])
		want[fields[0]] = v
	}
	require.NoError(t, sc.Err())
	used := map[string]bool{}
	for table, x := range tables {
		for _, e := range x.Entries {
			v, ok := want[e.Name]
			if assert.True(t, ok, "%s: %s is in no header's list", table, e.Name) {
				assert.Equal(t, v, e.Val, "%s: %s is %#x in the headers, %#x here", table, e.Name, v, e.Val)
			}
			used[e.Name] = true
		}
	}
	for name := range want {
		assert.True(t, used[name], "testdata/constants.tsv: %s is in no table", name)
	}
}

// TestEveryTableListed: every package-level variable made by newXlat,
// newSorted or rights is in tables, so TestTablesMatchHeaders sees it.
func TestEveryTableListed(t *testing.T) {
	fset := token.NewFileSet()
	dir, err := os.ReadDir(".")
	require.NoError(t, err)
	var found []string
	for _, fi := range dir {
		if !strings.HasSuffix(fi.Name(), ".go") || strings.HasSuffix(fi.Name(), "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, fi.Name(), nil, 0)
		require.NoError(t, err)
		found = append(found, tablesIn(file)...)
	}
	require.NotEmpty(t, found)
	for _, name := range found {
		assert.Contains(t, tables, name, "add %s to tables", name)
	}
	assert.Len(t, tables, len(found))
}

// tablesIn lists the package-level variables of file made by newXlat,
// newSorted or rights.
func tablesIn(file *ast.File) []string {
	var names []string
	for _, d := range file.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, v := range vs.Values {
				call, ok := v.(*ast.CallExpr)
				if !ok {
					continue
				}
				if fn, ok := call.Fun.(*ast.Ident); ok && (fn.Name == "newXlat" || fn.Name == "newSorted" || fn.Name == "rights") {
					names = append(names, vs.Names[i].Name)
				}
			}
		}
	}
	return names
}
