package libvirt

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"sort"
	"syscall"

	golibvirt "github.com/digitalocean/go-libvirt"
	"github.com/digitalocean/go-libvirt/socket/dialers"
)

// client is one connection to a libvirt daemon, for one operation.
type client struct {
	ep   endpoint
	l    *golibvirt.Libvirt
	stop func() bool // ends the context watch
}

// Dial connects to the libvirt daemon serving uri (see ResolveURI for
// the default), for callers that need more of libvirt's API than this
// package offers; Disconnect it when done. ctx bounds the connection's
// set-up only.
func Dial(ctx context.Context, uri string) (*golibvirt.Libvirt, error) {
	ep, err := parseURI(uri, os.Getenv)
	if err != nil {
		return nil, err
	}
	l, _, err := dialEndpoint(ctx, ep)
	return l, err
}

func dialEndpoint(ctx context.Context, ep endpoint) (*golibvirt.Libvirt, net.Conn, error) {
	var d net.Dialer
	nc, err := d.DialContext(ctx, "unix", ep.socket)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ECONNREFUSED) {
			return nil, nil, fmt.Errorf("libvirt %s: %w at %s (is libvirtd running?)", ep.uri, ErrNoDaemon, ep.socket)
		}
		return nil, nil, fmt.Errorf("libvirt %s: socket %s: %w", ep.uri, ep.socket, err)
	}
	l := golibvirt.NewWithDialer(dialers.NewAlreadyConnected(nc))
	stop := context.AfterFunc(ctx, func() { nc.Close() })
	err = l.ConnectToURI(golibvirt.ConnectURI(ep.open))
	stop()
	if err != nil {
		nc.Close()
		// The daemon answered the socket: it refused the connection.
		return nil, nil, fmt.Errorf("libvirt %s: opening the connection: %w", ep.uri, ctxErr(ctx, err))
	}
	return l, nc, nil
}

// dial connects for one operation. go-libvirt's calls take no context:
// when ctx ends the socket is closed, which fails the call under way.
func dial(ctx context.Context, uri string) (*client, error) {
	ep, err := parseURI(uri, os.Getenv)
	if err != nil {
		return nil, err
	}
	l, nc, err := dialEndpoint(ctx, ep)
	if err != nil {
		return nil, err
	}
	stop := context.AfterFunc(ctx, func() { nc.Close() })
	return &client{ep: ep, l: l, stop: stop}, nil
}

// close disconnects; errors do not matter once the work is done.
func (c *client) close() {
	c.stop()
	c.l.Disconnect()
}

// ctxErr prefers the context's error to the one a closed socket caused.
func ctxErr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

// lookup finds a domain by name; ErrNoDomain lists the running ones.
func (c *client) lookup(ctx context.Context, name string) (golibvirt.Domain, error) {
	dom, err := c.l.DomainLookupByName(name)
	if err == nil {
		return dom, nil
	}
	if golibvirt.IsNotFound(err) {
		running, lerr := c.runningNames()
		list := "none is running"
		if lerr == nil && len(running) > 0 {
			list = fmt.Sprintf("running: %s", joinNames(running))
		}
		return dom, fmt.Errorf("libvirt %s: %w %q (%s)", c.ep.uri, ErrNoDomain, name, list)
	}
	return dom, fmt.Errorf("libvirt %s: domain %q: %w", c.ep.uri, name, ctxErr(ctx, err))
}

// runningNames lists the running domains, sorted.
func (c *client) runningNames() ([]string, error) {
	doms, _, err := c.l.ConnectListAllDomains(1, golibvirt.ConnectListDomainsRunning)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(doms))
	for _, d := range doms {
		names = append(names, d.Name)
	}
	sort.Strings(names)
	return names, nil
}

// joinNames quotes names for a message, at most a few.
func joinNames(names []string) string {
	const max = 10
	s := ""
	for i, n := range names {
		if i == max {
			return s + fmt.Sprintf(", and %d more", len(names)-max)
		}
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%q", n)
	}
	return s
}

// stateNames are libvirt's domain states as virsh prints them.
var stateNames = map[golibvirt.DomainState]string{
	golibvirt.DomainNostate:     "no state",
	golibvirt.DomainRunning:     "running",
	golibvirt.DomainBlocked:     "blocked",
	golibvirt.DomainPaused:      "paused",
	golibvirt.DomainShutdown:    "in shutdown",
	golibvirt.DomainShutoff:     "shut off",
	golibvirt.DomainCrashed:     "crashed",
	golibvirt.DomainPmsuspended: "pmsuspended",
}

// running fails with ErrNotRunning unless the domain runs: tracing a
// paused domain would resume it on detach.
func (c *client) running(ctx context.Context, dom golibvirt.Domain) error {
	state, _, err := c.l.DomainGetState(dom, 0)
	if err != nil {
		return fmt.Errorf("libvirt %s: domain %q: %w", c.ep.uri, dom.Name, ctxErr(ctx, err))
	}
	if s := golibvirt.DomainState(state); s != golibvirt.DomainRunning {
		name, ok := stateNames[s]
		if !ok {
			name = fmt.Sprintf("state %d", s)
		}
		return fmt.Errorf("libvirt %s: domain %q is %s: %w", c.ep.uri, dom.Name, name, ErrNotRunning)
	}
	return nil
}

// hmp runs a human monitor command in the domain's QEMU.
func (c *client) hmp(ctx context.Context, dom golibvirt.Domain, cmd string) (string, error) {
	const flagHMP = 1 // VIR_DOMAIN_QEMU_MONITOR_COMMAND_HMP
	out, err := c.l.QEMUDomainMonitorCommand(dom, cmd, flagHMP)
	if err != nil {
		return "", fmt.Errorf("libvirt %s: domain %q: monitor command %q: %w: %v", c.ep.uri, dom.Name, cmd, ErrMonitor, ctxErr(ctx, err))
	}
	return out, nil
}

// LookupDomain checks that the daemon at uri knows a domain by that name
// (running or not): ErrNoDomain, listing the running ones, when not.
func LookupDomain(ctx context.Context, uri, name string) error {
	c, err := dial(ctx, uri)
	if err != nil {
		return err
	}
	defer c.close()
	_, err = c.lookup(ctx, name)
	return err
}

// DomainExists reports whether the daemon at uri knows a domain by that
// name; an unreachable daemon is an error.
func DomainExists(ctx context.Context, uri, name string) (bool, error) {
	err := LookupDomain(ctx, uri, name)
	if errors.Is(err, ErrNoDomain) {
		return false, nil
	}
	return err == nil, err
}
