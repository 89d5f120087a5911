package libvirt

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/user"
	"strconv"
	"strings"
)

// qemuConf is where the system daemon's default QEMU user is set.
const qemuConf = "/etc/libvirt/qemu.conf"

// defaultQEMUUser is Debian's QEMU user when nothing says otherwise.
const defaultQEMUUser = "libvirt-qemu"

// owner is the user and group QEMU runs as.
type owner struct {
	uid, gid int
	name     string // for messages
}

// domainXML is the part of a domain's live XML that says who QEMU runs
// as: the DAC security label, "user:group" where each is a name or +id.
type domainXML struct {
	SecLabels []struct {
		Model string `xml:"model,attr"`
		Label string `xml:"label"`
	} `xml:"seclabel"`
}

// dacLabel returns the DAC label of a domain's live XML, if any.
func dacLabel(x string) (string, bool) {
	var d domainXML
	if err := xml.Unmarshal([]byte(x), &d); err != nil {
		return "", false
	}
	for _, s := range d.SecLabels {
		if s.Model == "dac" && s.Label != "" {
			return strings.TrimSpace(s.Label), true
		}
	}
	return "", false
}

// confUser reads user = "..." and group = "..." from qemu.conf.
func confUser(r io.Reader) (usr, grp string) {
	sc := bufio.NewScanner(io.LimitReader(r, 1<<20))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "=")
		if !ok || strings.HasPrefix(strings.TrimSpace(k), "#") {
			continue
		}
		v = strings.Trim(strings.TrimSpace(v), `"`)
		switch strings.TrimSpace(k) {
		case "user":
			usr = v
		case "group":
			grp = v
		}
	}
	return usr, grp
}

// qemuOwner is who the domain's QEMU runs as: its live DAC label, else
// qemu.conf's user and group, else libvirt-qemu.
func qemuOwner(liveXML string) (owner, error) {
	var usr, grp string
	if label, ok := dacLabel(liveXML); ok {
		usr, grp, _ = strings.Cut(label, ":")
	} else {
		if f, err := os.Open(qemuConf); err == nil {
			usr, grp = confUser(f)
			f.Close()
		}
		if usr == "" {
			usr = defaultQEMUUser
		}
	}
	return resolveOwner(usr, grp)
}

// resolveOwner turns libvirt's "name" or "+id" spellings into ids; an
// empty group is the user's primary group.
func resolveOwner(usr, grp string) (owner, error) {
	o := owner{name: usr}
	if id, ok := strings.CutPrefix(usr, "+"); ok {
		n, err := strconv.Atoi(id)
		if err != nil || n < 0 {
			return o, fmt.Errorf("qemu user %q: not a uid", usr)
		}
		o.uid, o.gid = n, -1
		if u, err := user.LookupId(id); err == nil {
			o.name = u.Username
		}
	} else {
		u, err := user.Lookup(usr)
		if err != nil {
			return o, fmt.Errorf("qemu user %q: %w", usr, err)
		}
		o.uid, _ = strconv.Atoi(u.Uid)
		o.gid, _ = strconv.Atoi(u.Gid)
	}
	switch {
	case strings.HasPrefix(grp, "+"):
		n, err := strconv.Atoi(grp[1:])
		if err != nil || n < 0 {
			return o, fmt.Errorf("qemu group %q: not a gid", grp)
		}
		o.gid = n
	case grp != "":
		g, err := user.LookupGroup(grp)
		if err != nil {
			return o, fmt.Errorf("qemu group %q: %w", grp, err)
		}
		o.gid, _ = strconv.Atoi(g.Gid)
	}
	if o.gid < 0 { // +uid with no group: the user's primary group
		if u, err := user.LookupId(strconv.Itoa(o.uid)); err == nil {
			o.gid, _ = strconv.Atoi(u.Gid)
		} else {
			o.gid = o.uid
		}
	}
	return o, nil
}
