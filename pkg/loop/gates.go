package loop

import (
	"fmt"
	"strings"

	"github.com/guestrace/guestrace/pkg/guestos"
)

// gate is a set of dispatcher breakpoints (guestos.Gated) holding back
// the callbacks of functions behind them until one of them is hit.
type gate struct {
	addrs   []uint64
	waiting []Callback
	open    bool
}

// deferred holds cb back behind its gates, placing their breakpoints the
// first time. It reports false when cb is to be armed now: the OS has no
// gates for it, a gate is missing, or the gate has opened already.
func (l *Loop) deferred(cb Callback) (bool, error) {
	gd, ok := l.os.(guestos.Gated)
	if !ok {
		return false, nil
	}
	names := gd.Gates(cb.Func)
	if len(names) == 0 {
		return false, nil
	}
	key := strings.Join(names, ",")
	g := l.gates[key]
	if g == nil {
		g = &gate{}
		for _, name := range names {
			addr, ok := l.os.Symbol(name)
			if !ok {
				return false, nil
			}
			g.addrs = append(g.addrs, addr)
		}
		for i, addr := range g.addrs {
			if err := l.t.InsertBreakpoint(addr); err != nil {
				for _, a := range g.addrs[:i] {
					_ = l.t.RemoveBreakpoint(a)
				}
				return false, fmt.Errorf("breakpoint on %s at %#x: %w", names[i], addr, err)
			}
		}
		l.gates[key] = g
		for _, addr := range g.addrs {
			l.gateAt[addr] = g
		}
	}
	if g.open {
		return false, nil
	}
	g.waiting = append(g.waiting, cb)
	return true, nil
}

// openGate arms every function waiting behind g: the call of the event
// passes one of them next. The gate's breakpoints go at the next stop
// (the current event stops at one of them).
func (l *Loop) openGate(g *gate) error {
	l.stats.Gates++
	g.open = true
	for _, addr := range g.addrs {
		delete(l.gateAt, addr)
		l.stale[addr] = struct{}{}
	}
	waiting := g.waiting
	g.waiting = nil
	for _, cb := range waiting {
		if _, err := l.set(cb); err != nil {
			return err
		}
	}
	return nil
}
