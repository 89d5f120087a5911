package qemu

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/vmi"
)

func fetchDir(dir string) func(string) ([]byte, error) {
	return func(annex string) ([]byte, error) {
		return os.ReadFile(filepath.Join("testdata", dir, annex))
	}
}

func fetchMap(m map[string]string) func(string) ([]byte, error) {
	return func(annex string) ([]byte, error) {
		s, ok := m[annex]
		if !ok {
			return nil, fmt.Errorf("no %s", annex)
		}
		return []byte(s), nil
	}
}

func TestTargetXMLQEMU72(t *testing.T) {
	l, err := parseTargetXML(fetchDir("qemu-7.2-x86_64"))
	require.NoError(t, err)
	want := map[regID][3]int{ // offset, size, regnum
		rRAX: {0, 8, 0}, rRBX: {8, 8, 1}, rRSP: {56, 8, 7}, rR15: {120, 8, 15},
		rRIP: {128, 8, 16}, rRFLAGS: {136, 4, 17}, rCS: {140, 4, 18}, rSS: {144, 4, 19},
		rFSBase: {164, 8, 24}, rGSBase: {172, 8, 25}, rKernelGSBase: {180, 8, 26},
		rCR0: {188, 8, 27}, rCR2: {196, 8, 28}, rCR3: {204, 8, 29}, rCR4: {212, 8, 30},
		rEFER: {228, 8, 32},
	}
	for id, w := range want {
		assert.Equal(t, w, [3]int{l.off[id], l.size[id], l.num[id]}, regNames[id])
	}
	assert.Equal(t, 236, l.gLen)
}

func TestTargetXMLErrors(t *testing.T) {
	const regs = `<reg name="rax" bitsize="64"/>`
	for _, tt := range []struct {
		name  string
		files map[string]string
		err   string
		is    error
	}{
		{"i386", nil, `guest architecture is "i386", not x86-64`, vmi.ErrUnsupported},
		{"no architecture", map[string]string{"target.xml": `<target>` + regs + `</target>`},
			"target.xml names no architecture", vmi.ErrUnsupported},
		{"missing register", map[string]string{"target.xml": `<target><architecture>i386:x86-64</architecture>` + regs + `</target>`},
			`target description has no register "rbx"`, vmi.ErrUnsupported},
		{"32-bit rip", map[string]string{"target.xml": `<target><architecture>i386:x86-64</architecture><reg name="rip" bitsize="32"/></target>`},
			`register "rip" is 32 bits, not 64`, vmi.ErrUnsupported},
		{"include loop", map[string]string{"target.xml": `<target><xi:include href="a.xml"/></target>`, "a.xml": `<feature><xi:include href="target.xml"/></feature>`},
			"target description target.xml includes itself", ErrProtocol},
		{"bad include name", map[string]string{"target.xml": `<target><xi:include href="a:b,c"/></target>`},
			`bad include "a:b,c"`, ErrProtocol},
		{"bad bitsize", map[string]string{"target.xml": `<target><reg name="x" bitsize="7"/></target>`},
			`register "x" has bad bitsize "7"`, ErrProtocol},
		{"duplicate regnum", map[string]string{"target.xml": `<target><architecture>i386:x86-64</architecture><reg name="x" bitsize="8" regnum="3"/><reg name="y" bitsize="8" regnum="3"/></target>`},
			`registers "x" and "y" share number 3`, ErrProtocol},
		{"malformed", map[string]string{"target.xml": `<target><reg`},
			"target description target.xml: XML syntax error", ErrProtocol},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fetch := fetchMap(tt.files)
			if tt.files == nil {
				fetch = fetchDir("qemu-7.2-i386")
			}
			_, err := parseTargetXML(fetch)
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.is)
			assert.Contains(t, err.Error(), tt.err)
		})
	}
}

func TestTargetXMLRegnumOrder(t *testing.T) {
	// Registers listed out of order still lay out by number.
	var b strings.Builder
	b.WriteString(`<target><architecture>i386:x86-64</architecture>`)
	for id := nRegs - 1; id >= 0; id-- {
		fmt.Fprintf(&b, `<reg name="%s" bitsize="64" regnum="%d"/>`, regNames[id], id)
	}
	b.WriteString(`</target>`)
	l, err := parseTargetXML(fetchMap(map[string]string{"target.xml": b.String()}))
	require.NoError(t, err)
	for id := range nRegs {
		assert.Equal(t, int(id)*8, l.off[id], regNames[id])
	}
}
