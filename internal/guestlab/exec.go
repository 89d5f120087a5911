package guestlab

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// ErrCommandTooLong means a command line that does not fit the guest
// console's line buffer (4095 bytes, base64-encoded on the way).
var ErrCommandTooLong = errors.New("command line too long for the guest console")

// maxInputLine is what the guest's tty accepts in one line, with margin.
const maxInputLine = 4000

// Exec runs a shell command line in the guest (busybox sh, as root, stdin
// from /dev/null) through the console and returns its output (stdout and
// stderr) and exit status. The command travels base64-encoded, so it may
// hold any bytes; its output is framed by markers unique to the call, so
// earlier output does not confuse it. Commands run one at a time; a
// command ending with & starts a background job whose later output goes
// to the console (see WaitConsole). When ctx ends first the command may
// still be running in the guest.
func (g *Guest) Exec(ctx context.Context, cmdline string) (string, int, error) {
	g.execMu.Lock()
	defer g.execMu.Unlock()
	if err := g.alive(); err != nil {
		return "", -1, err
	}
	g.execSeq++
	var nonce [4]byte
	rand.Read(nonce[:])
	id := fmt.Sprintf("%d-%s", g.execSeq, hex.EncodeToString(nonce[:]))
	line := "X " + id + " " + base64.StdEncoding.EncodeToString([]byte(cmdline)) + "\n"
	if len(line) > maxInputLine {
		return "", -1, fmt.Errorf("guestlab: exec: %w (%d bytes encoded, at most %d)", ErrCommandTooLong, len(line), maxInputLine)
	}
	from := g.con.size()
	if dl, ok := ctx.Deadline(); ok {
		g.stdin.SetWriteDeadline(dl)
	} else {
		g.stdin.SetWriteDeadline(time.Now().Add(time.Minute))
	}
	if _, err := io.WriteString(g.stdin, line); err != nil {
		return "", -1, fmt.Errorf("guestlab: exec %q: writing the console: %w", cmdline, err)
	}
	var out string
	status := -1
	err := g.con.wait(ctx, from, func(text string, _ int64) bool {
		var ok bool
		out, status, ok = parseFrame(text, id)
		return ok
	})
	if err != nil {
		return "", -1, fmt.Errorf("guestlab: exec %q: %w; console tail:\n%s", cmdline, err, g.con.tail())
	}
	return out, status, nil
}

// parseFrame finds the output of command id in console text: the text
// between the line "GLB:<id>" and "GLE:<id>:<status>\n" (the end marker
// may follow output that lacks a final newline). The text comes from the
// guest: anything that is not a complete, well-formed frame is not one.
func parseFrame(text, id string) (out string, status int, ok bool) {
	begin, end := "GLB:"+id+"\n", "GLE:"+id+":"
	b := strings.Index(text, begin)
	if b < 0 {
		return "", -1, false
	}
	rest := text[b+len(begin):]
	e := strings.Index(rest, end)
	if e < 0 {
		return "", -1, false
	}
	st, _, found := strings.Cut(rest[e+len(end):], "\n")
	if !found || st == "" || len(st) > 3 || strings.Trim(st, "0123456789") != "" {
		return "", -1, false
	}
	n, err := strconv.Atoi(st)
	if err != nil || n > 255 {
		return "", -1, false
	}
	return rest[:e], n, true
}
