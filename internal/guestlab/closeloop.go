package guestlab

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
)

var closeloopRE = regexp.MustCompile(`CLOSELOOP n=(\d+) usec_per_call=([0-9.]+)`)

// CloseLoop runs gt-closeloop (close(-1) n times in a tight loop) in the
// guest and returns its own measure of microseconds per call: the guest's
// cost of one system call, whatever the host does meanwhile.
func (g *Guest) CloseLoop(ctx context.Context, n int) (float64, error) {
	out, status, err := g.Exec(ctx, "/bin/gt-closeloop "+strconv.Itoa(n))
	if err != nil {
		return 0, err
	}
	m := closeloopRE.FindStringSubmatch(out)
	if status != 0 || m == nil {
		return 0, fmt.Errorf("guestlab: gt-closeloop %d exited %d: %q", n, status, out)
	}
	return strconv.ParseFloat(m[2], 64)
}
