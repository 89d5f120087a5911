package loop

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/guestrace/guestrace/pkg/guestos"
)

// A guest reset replaces the kernel under the breakpoints: they now sit
// on other code of the new kernel, where resuming as the old instruction
// would corrupt it. When the OS layer can tell (guestos.ResetChecker),
// every event is checked before it is handled or resumed, and the kernel
// is checked every CheckInterval while no event comes (a reset whose new
// kernel never runs the old addresses). Run then returns an error
// wrapping guestos.ErrGuestReset with the guest stopped; Close removes
// every breakpoint and lets the new kernel run untouched.

// CheckInterval is how often Run checks that the attached kernel still
// runs while it waits for events.
const CheckInterval = time.Second

// waitCtx is the context of one Wait: it also ends when the next kernel
// check is due. The deadline context is made once per interval, so the
// event path does not allocate.
func (l *Loop) waitCtx(ctx context.Context) context.Context {
	rc, ok := l.os.(guestos.ResetChecker)
	if !ok {
		return ctx
	}
	if l.check.ctx == nil || l.check.parent != ctx {
		l.check.parent, l.check.rc = ctx, rc
		l.check.ctx, l.check.cancel = context.WithTimeout(ctx, CheckInterval)
	}
	return l.check.ctx
}

// checkDue reports whether Wait ended because a kernel check is due.
func (l *Loop) checkDue(err error) bool {
	return l.check.ctx != nil && errors.Is(err, context.DeadlineExceeded) && l.check.ctx.Err() != nil
}

// checkKernel checks the paused guest and starts the next interval.
func (l *Loop) checkKernel() error {
	l.check.cancel()
	l.check.ctx = nil
	if err := l.check.rc.CheckKernel(); err != nil {
		return l.resetErr(err)
	}
	return nil
}

// checkEvent checks that the event comes from the attached kernel.
func (l *Loop) checkEvent() error {
	if l.check.rc == nil {
		return nil
	}
	if err := l.check.rc.CheckEvent(&l.ev.Regs); err != nil {
		return l.resetErr(err)
	}
	l.postponeCheck()
	return nil
}

// postponeCheck moves the next kernel check to CheckInterval after an
// event that passed CheckEvent: the kernel is checked only while no event
// comes, so a busy guest is never stopped for a check (each such stop is
// also a window in which QEMU drops another monitor's pause). The
// deadline context is remade at most twice per interval.
func (l *Loop) postponeCheck() {
	if l.check.ctx == nil {
		return
	}
	if d, _ := l.check.ctx.Deadline(); time.Until(d) < CheckInterval/2 {
		l.check.cancel()
		l.check.ctx = nil
	}
}

// resetErr passes on a reset; other errors of a check (a register read
// that failed) are the backend's and end the loop as theirs would.
func (l *Loop) resetErr(err error) error {
	l.stats.Resets++
	if errors.Is(err, guestos.ErrGuestReset) {
		return err
	}
	return fmt.Errorf("checking the guest kernel: %w", err)
}

// resetCheck is the state of the kernel checks.
type resetCheck struct {
	rc     guestos.ResetChecker
	parent context.Context
	ctx    context.Context // ends when the next check is due
	cancel context.CancelFunc
}
