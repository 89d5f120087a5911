package windows_test

import (
	"testing"

	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/guestos/windows"
	"github.com/guestrace/guestrace/pkg/guestos/windows/wintest"
	"github.com/guestrace/guestrace/pkg/isf"
)

// FuzzCurrent fills the KPCR's neighbourhood, the thread and the stack
// with random bytes: Current and ArgsN return or fail, never panic or
// read unbounded.
func FuzzCurrent(f *testing.F) {
	p, err := isf.Load(fixture)
	if err != nil {
		f.Fatal(err)
	}
	g, err := wintest.New(p, 1)
	if err != nil {
		f.Fatal(err)
	}
	tg := wintest.NewTarget(g, 1)
	w, err := windows.Attach(tg, p)
	if err != nil {
		f.Fatal(err)
	}
	th, top := g.Thread(g.Process(4, "System"), 4, 8)
	f.Add(make([]byte, 64), uint64(0), uint64(0x800))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, uint64(0x180), uint64(0))
	f.Fuzz(func(t *testing.T, data []byte, kpcrOff, threadOff uint64) {
		if len(data) > 4096 {
			data = data[:4096]
		}
		g.WriteVirt(g.KPCR[0]+kpcrOff%0xb000, data)
		g.WriteVirt(th+threadOff%0x800, data)
		g.WriteVirt(top-0x200, data[:min(len(data), 0x200)])
		regs := g.Regs(0)
		regs.RSP = top - 0x200
		tg.Mem.Reads = 0
		var cur guestos.Thread
		_ = w.Current(&regs, &cur)
		args := make([]uint64, guestos.MaxArgs)
		_ = w.ArgsN(&regs, args)
		_, _ = w.ReturnAddress(&regs)
		if tg.Mem.Reads > 64 {
			t.Fatalf("%d physical reads for one event", tg.Mem.Reads)
		}
	})
}
