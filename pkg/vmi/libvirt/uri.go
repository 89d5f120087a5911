package libvirt

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// DefaultURI is what virsh connects to when neither --connect nor
// LIBVIRT_DEFAULT_URI says otherwise.
const DefaultURI = "qemu:///system"

// systemSocket is where the system daemon listens.
const systemSocket = "/var/run/libvirt/libvirt-sock"

// endpoint is a local libvirt connection: the socket to dial and the URI
// to open on it.
type endpoint struct {
	uri    string // as given, for messages
	open   string // what ConnectOpen is asked for (no transport, no socket=)
	socket string
	// session: the per-user daemon, whose QEMU runs as the caller.
	session bool
}

// ResolveURI applies virsh's rules: the URI given (--connect), else
// LIBVIRT_DEFAULT_URI, else qemu:///system.
func ResolveURI(uri string) string {
	if uri != "" {
		return uri
	}
	if env := os.Getenv("LIBVIRT_DEFAULT_URI"); env != "" {
		return env
	}
	return DefaultURI
}

// parseURI understands the local QEMU URIs: qemu:///system and
// qemu:///session, with an optional +unix transport and ?socket=PATH. The
// stub's socket is a path on this host, so remote URIs cannot work.
func parseURI(uri string, getenv func(string) string) (endpoint, error) {
	bad := func(why string) (endpoint, error) {
		return endpoint{}, fmt.Errorf("%w %q: %s", ErrURI, uri, why)
	}
	u, err := url.Parse(uri)
	if err != nil {
		return bad(err.Error())
	}
	driver, transport, _ := strings.Cut(u.Scheme, "+")
	if driver != "qemu" {
		return bad("only libvirt's QEMU driver (qemu:///system, qemu:///session) is supported")
	}
	if (transport != "" && transport != "unix") || u.Host != "" || u.User != nil {
		return bad("a remote host cannot reach the gdb stub's socket; run guestrace on the host of the domain")
	}
	e := endpoint{uri: uri, open: "qemu://" + u.Path}
	switch u.Path {
	case "/system":
		e.socket = systemSocket
	case "/session":
		e.session = true
		// libvirt's per-user daemon (virtqemud or libvirtd in session mode).
		if dir := getenv("XDG_RUNTIME_DIR"); dir != "" {
			e.socket = filepath.Join(dir, "libvirt", "libvirt-sock")
		} else {
			e.socket = filepath.Join(getenv("HOME"), ".cache", "libvirt", "libvirt-sock")
		}
	default:
		return bad("the path must be /system or /session")
	}
	for k, v := range u.Query() {
		switch {
		case k == "socket" && len(v) == 1 && filepath.IsAbs(v[0]):
			e.socket = v[0]
		default:
			return bad(fmt.Sprintf("parameter %q is not supported (only socket=/absolute/path)", k))
		}
	}
	return e, nil
}
