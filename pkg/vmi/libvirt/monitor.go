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

// stubIsIn reports whether a stub's chardev description is a socket in dir.
func stubIsIn(desc, dir string) bool {
	sock := filepath.Join(dir, sockName)
	for _, f := range strings.FieldsFunc(desc, func(r rune) bool { return r == ',' || r == ' ' }) {
		f = strings.TrimPrefix(f, "disconnected:")
		if f == "unix:"+sock {
			return true
		}
	}
	return false
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
