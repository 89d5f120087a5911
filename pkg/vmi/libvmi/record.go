package libvmi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
)

// A rescue record says what a Target has changed in its domain, so that
// if guestrace dies without closing it (SIGKILL, a crash), another
// process can undo exactly that (Rescue; the guard runs it). The Target
// rewrites it at each change and removes it once Close has restored the
// domain.

// DefaultStateDir is where Open keeps rescue records, one file per
// domain.
const DefaultStateDir = "/run/guestrace/xen"

// maxRecord bounds a record read back: frames for every page of a large
// kernel's text fit many times.
const maxRecord = 1 << 20

type record struct {
	PID         int      `json:"pid"` // the guestrace that wrote it
	VCPUs       int      `json:"vcpus"`
	Paused      bool     `json:"paused"`       // guestrace holds a pause (or was taking one)
	Monitor     bool     `json:"monitor"`      // events registered: the monitor ring is on
	Altp2mByUs  bool     `json:"altp2m_by_us"` // altp2m was off before
	ViewOn      bool     `json:"view_on"`
	View        uint16   `json:"view"`
	Mapped      []uint64 `json:"mapped"`        // frames mapped to a shadow in the view
	Frames      []uint64 `json:"frames"`        // shadow frames allocated
	MemLimitKiB uint64   `json:"mem_limit_kib"` // the limit to restore; 0: unknown
}

func recordPath(dir, domain string) string {
	return filepath.Join(dir, url.PathEscape(domain)+".json")
}

// snapshot is the record of the target's present state.
func (t *Target) snapshot() record {
	s := &t.s
	r := record{
		PID: os.Getpid(), VCPUs: t.nvcpu, Paused: s.paused, Monitor: s.registered, Altp2mByUs: s.altp2mByUs,
		ViewOn: s.viewOn, View: s.view, Frames: append([]uint64(nil), s.frames...),
		MemLimitKiB: s.memLimit,
	}
	for gfn := range s.pages {
		r.Mapped = append(r.Mapped, gfn)
	}
	if s.mapping != 0 {
		r.Mapped = append(r.Mapped, s.mapping)
	}
	slices.Sort(r.Mapped)
	return r
}

// persist rewrites the record (a no-op without a state directory). A
// failure is kept for Close to report: the domain is fine, only a
// rescue would be less exact.
func (t *Target) persist() {
	if t.stateDir == "" || t.file {
		return
	}
	if err := writeRecord(t.stateDir, t.name, t.snapshot()); err != nil && t.s.recordErr == nil {
		t.s.recordErr = err
	}
}

func writeRecord(dir, domain string, r record) error {
	data, err := json.Marshal(r)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("rescue record: %w", err)
	}
	path := recordPath(dir, domain)
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return fmt.Errorf("rescue record: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("rescue record: %w", err)
	}
	return nil
}

// readRecord reads a domain's record; ok is false when there is none.
func readRecord(dir, domain string) (r record, ok bool, err error) {
	f, err := os.Open(recordPath(dir, domain))
	if errors.Is(err, fs.ErrNotExist) {
		return r, false, nil
	}
	if err != nil {
		return r, false, fmt.Errorf("rescue record: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxRecord+1))
	if err != nil {
		return r, false, fmt.Errorf("rescue record %s: %w", f.Name(), err)
	}
	if len(data) > maxRecord {
		return r, false, fmt.Errorf("rescue record %s: larger than %d bytes", f.Name(), maxRecord)
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return r, false, fmt.Errorf("rescue record %s: %w", f.Name(), err)
	}
	if r.VCPUs < 0 || r.VCPUs > maxVCPUs {
		return r, false, fmt.Errorf("rescue record %s: %d vCPUs", f.Name(), r.VCPUs)
	}
	return r, true, nil
}

func removeRecord(dir, domain string) error {
	if dir == "" {
		return nil
	}
	err := os.Remove(recordPath(dir, domain))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// processAlive reports whether the process pid runs (a zombie has ended).
func processAlive(pid int) bool {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	// pid (comm) STATE ...: comm may hold anything, the state follows
	// its last ')'.
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 || i+2 >= len(stat) {
		return false
	}
	st := stat[i+2]
	return st != 'Z' && st != 'X'
}
