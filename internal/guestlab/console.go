package guestlab

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
)

// maxConsole bounds what is kept of the console; the oldest half is
// dropped when it is reached (a guest printing in a loop must not eat
// the host's memory).
const maxConsole = 32 << 20

// tailLines is how much of the console error messages quote.
const tailLines = 30

// console collects the guest's serial output and wakes up waiters.
type console struct {
	mu      sync.Mutex
	buf     []byte        // output so far, \r removed
	dropped int64         // bytes dropped from the front of buf
	changed chan struct{} // closed and replaced on every change
	err     error         // set once the output ended (QEMU exited)
}

func newConsole() *console {
	return &console{changed: make(chan struct{})}
}

// pump copies r into the console until it ends; ended is then called to
// learn why (QEMU's exit), and the reason is kept for waiters.
func (c *console) pump(r io.Reader, ended func() error) {
	b := make([]byte, 32<<10)
	for {
		n, err := r.Read(b)
		if n > 0 {
			c.append(b[:n])
		}
		if err != nil {
			break
		}
	}
	why := ended()
	c.mu.Lock()
	c.err = fmt.Errorf("%w: %v", ErrExited, why)
	close(c.changed)
	c.changed = make(chan struct{})
	c.mu.Unlock()
}

func (c *console) append(p []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.buf = append(c.buf, bytes.ReplaceAll(p, []byte("\r"), nil)...)
	if len(c.buf) > maxConsole {
		drop := len(c.buf) - maxConsole/2
		c.buf = append(c.buf[:0], c.buf[drop:]...)
		c.dropped += int64(drop)
	}
	close(c.changed)
	c.changed = make(chan struct{})
}

func (c *console) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return string(c.buf)
}

// tail is the last lines of the console, for error messages.
func (c *console) tail() string {
	s := strings.TrimRight(c.String(), "\n")
	lines := strings.Split(s, "\n")
	if len(lines) > tailLines {
		lines = lines[len(lines)-tailLines:]
	}
	return strings.Join(lines, "\n")
}

// wait calls match on the console's complete lines (everything up to the
// last newline), from absolute offset from on, each time output arrives,
// until match reports true, ctx ends, or the output ends.
func (c *console) wait(ctx context.Context, from int64, match func(text string, base int64) bool) error {
	for {
		c.mu.Lock()
		start := from - c.dropped
		if start < 0 {
			start = 0
		}
		var text string
		if start < int64(len(c.buf)) {
			if end := bytes.LastIndexByte(c.buf[start:], '\n'); end >= 0 {
				text = string(c.buf[start : start+int64(end)+1])
			}
		}
		base := c.dropped + start
		changed, err := c.changed, c.err
		c.mu.Unlock()
		if text != "" && match(text, base) {
			return nil
		}
		if err != nil {
			return err
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// size is the absolute offset of the end of the output so far.
func (c *console) size() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.dropped + int64(len(c.buf))
}

// waitRegexp returns the submatches of the first match of re in the
// console's complete lines from absolute offset from.
func (c *console) waitRegexp(ctx context.Context, from int64, re *regexp.Regexp) ([]string, error) {
	var m []string
	err := c.wait(ctx, from, func(text string, _ int64) bool {
		m = re.FindStringSubmatch(text)
		return m != nil
	})
	return m, err
}
