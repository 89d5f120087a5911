package libvirt

import (
	"path/filepath"
	"strings"
)

// QEMU's HMP replies. virsh (and the RPC) report success even when the
// command failed: only the reply's text tells.
const (
	replyListening = "Waiting for gdb connection"
	replyDisabled  = "Disabled gdbserver"
	replyDenied    = "Permission denied"
	// gdbLabel starts the `info chardev` line of an open stub; a hidden
	// "#chrNNN: filename=gdb" line stays after `gdbserver none` and does
	// not count.
	gdbLabel = "gdb: filename="
)

// sockName is the stub's socket inside its directory.
const sockName = "gdb.sock"

// openCommand and closeCommand are the HMP commands that open a stub on a
// unix socket (wait=off: QEMU keeps running until a client attaches) and
// close it.
func openCommand(sock string) string { return "gdbserver unix:" + sock + ",server=on,wait=off" }

const closeCommand = "gdbserver none"

// gdbChardev returns the chardev description of the open stub in an
// `info chardev` reply, if there is one.
func gdbChardev(info string) (string, bool) {
	for _, line := range strings.Split(info, "\n") {
		line = strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(line, gdbLabel); ok {
			return rest, true
		}
	}
	return "", false
}

// stubSocket returns the unix socket path of a stub's chardev description
// ("disconnected:unix:/d/gdb.sock,server=on", "unix:/d/gdb.sock,server=on
// <-> ..."), if it has one.
func stubSocket(desc string) (string, bool) {
	for _, f := range strings.FieldsFunc(desc, func(r rune) bool { return r == ',' || r == ' ' }) {
		if path, ok := strings.CutPrefix(strings.TrimPrefix(f, "disconnected:"), "unix:"); ok && path != "" {
			return path, true
		}
	}
	return "", false
}

// stubIsIn reports whether a stub's chardev description is a socket in dir.
func stubIsIn(desc, dir string) bool {
	path, ok := stubSocket(desc)
	return ok && path == filepath.Join(dir, sockName)
}

// ourDir returns the socket directory of a stub OpenStub opened, from its
// chardev description.
func ourDir(desc string) (string, bool) {
	path, ok := stubSocket(desc)
	if !ok || filepath.Base(path) != sockName {
		return "", false
	}
	dir := filepath.Dir(path)
	return dir, strings.HasPrefix(filepath.Base(dir), dirPrefix) && filepath.IsAbs(dir)
}

// oneLine shortens a monitor reply for an error message.
func oneLine(reply string) string {
	const max = 200
	s := strings.Join(strings.Fields(reply), " ")
	if len(s) > max {
		s = s[:max] + "..."
	}
	if s == "" {
		s = "(empty reply)"
	}
	return s
}
