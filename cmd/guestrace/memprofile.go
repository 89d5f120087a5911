package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/guestrace/guestrace/pkg/backend"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/isf/linuxmem"
	"github.com/guestrace/guestrace/pkg/oses"
	"github.com/guestrace/guestrace/pkg/vmi"
	"github.com/guestrace/guestrace/pkg/vmi/qemu"
)

// cacheDirUsage documents --cache-dir for both commands that have it.
var cacheDirUsage = fmt.Sprintf("where profiles made from guest memory are cached (default $%s, else $XDG_CACHE_HOME/guestrace or ~/.cache/guestrace; \"none\": no cache)", linuxmem.CacheEnv)

// cacheDir resolves --cache-dir.
func cacheDir(flag string) string {
	switch flag {
	case "":
		return linuxmem.DefaultCacheDir()
	case "none":
		return ""
	}
	return flag
}

// memoryOS is the OS whose profile is made from guest memory when none
// is given: --os's, else the one OS that can.
func memoryOS(name string) (*oses.OS, error) {
	if name != "" {
		o, err := oses.Lookup(name)
		if err != nil {
			return nil, usagef("--os %s: %v", name, err)
		}
		if o.FromMemory == nil {
			return nil, usagef("--os %s: a %s guest's profile cannot be made from its memory: pass --profile", name, name)
		}
		return o, nil
	}
	var can []*oses.OS
	for _, n := range oses.Names() {
		if o, err := oses.Lookup(n); err == nil && o.FromMemory != nil {
			can = append(can, o)
		}
	}
	if len(can) != 1 {
		return nil, usagef("no --profile: pass --profile FILE, or --os for a profile made from guest memory")
	}
	return can[0], nil
}

// memoryProfile makes the profile of the guest from its memory, or reads
// it from the cache, and says on status where it came from and how long
// it took.
func memoryProfile(ctx context.Context, osd *oses.OS, t vmi.Target, cacheFlag string, status io.Writer) (*isf.Profile, error) {
	start := time.Now()
	p, from, err := osd.FromMemory(ctx, t, cacheDir(cacheFlag))
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(status, "guestrace: profile in %v: %s\n", time.Since(start).Round(time.Millisecond), from)
	return p, nil
}

// guestProfile opens a guest (label names it: "--qemu unix:PATH",
// "-d NAME"), makes (or reads from the cache) its profile, and leaves the
// guest running. A guard resumes the guest if guestrace dies while it is
// paused.
func guestProfile(ctx context.Context, spec backend.Spec, label, cacheFlag string, status io.Writer) (*isf.Profile, error) {
	osd, err := memoryOS("linux")
	if err != nil {
		return nil, err
	}
	be, err := backend.Resolve(ctx, spec)
	if errors.Is(err, backend.ErrUnknown) {
		return nil, usagef("--backend %s: %v", spec.Backend, err)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", label, err)
	}
	spec.Backend = be.Name
	g, err := be.Open(ctx, spec)
	if err != nil {
		var busy *qemu.BusyError
		if errors.As(err, &busy) {
			if herr := handOver(busy); herr != nil {
				return nil, fmt.Errorf("%s: %w (and handing the queued connection over: %v)", label, err, herr)
			}
		}
		return nil, fmt.Errorf("%s: %w", label, err)
	}
	var gd *guard
	if be.Rescue != nil {
		if gd, err = startGuard(spec); err != nil {
			g.Close()
			return nil, err
		}
	}
	prof, err := memoryProfile(ctx, osd, g, cacheFlag, status)
	cerr := g.Close()
	gd.done(cerr == nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", label, err)
	}
	if cerr != nil {
		return nil, fmt.Errorf("%s: detaching: %w", label, cerr)
	}
	return prof, nil
}
