package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/isf/linuxmem"
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

// memoryProfile makes the profile of a Linux guest from its memory, or
// reads it from the cache, and says on status where it came from and how
// long it took.
func memoryProfile(t vmi.Target, cacheFlag string, status io.Writer) (*isf.Profile, error) {
	start := time.Now()
	res, err := linuxmem.Get(t, cacheDir(cacheFlag))
	if err != nil {
		return nil, err
	}
	took := time.Since(start).Round(time.Millisecond)
	if res.FromCache {
		fmt.Fprintf(status, "guestrace: profile from the cache, %s, in %v\n", res.Cached, took)
		return res.Profile, nil
	}
	fmt.Fprintf(status, "guestrace: profile made from guest memory in %v: %d symbols, %d bytes of BTF", took, res.Syms, res.BTFSize)
	switch {
	case res.Cached != "":
		fmt.Fprintf(status, "; cached in %s\n", res.Cached)
	case res.CacheErr != nil:
		fmt.Fprintf(status, "; not cached: %v\n", res.CacheErr)
	default:
		fmt.Fprintln(status)
	}
	return res.Profile, nil
}

// qemuProfile connects to a QEMU guest's stub, makes (or reads from the
// cache) its profile, and leaves the guest running. A guard resumes the
// guest if guestrace dies while it is paused.
func qemuProfile(ctx context.Context, addr, cacheFlag string, status io.Writer) (*isf.Profile, error) {
	t, err := qemu.Dial(ctx, addr)
	if err != nil {
		var busy *qemu.BusyError
		if errors.As(err, &busy) {
			if herr := handOver(busy); herr != nil {
				return nil, fmt.Errorf("--qemu %s: %w (and handing the queued connection over: %v)", addr, err, herr)
			}
		}
		return nil, fmt.Errorf("--qemu %s: %w", addr, err)
	}
	g, err := startGuard(addr)
	if err != nil {
		t.Close()
		return nil, err
	}
	prof, err := memoryProfile(t, cacheFlag, status)
	cerr := t.Close()
	g.done(cerr == nil)
	if err != nil {
		return nil, fmt.Errorf("--qemu %s: %w", addr, err)
	}
	if cerr != nil {
		return nil, fmt.Errorf("--qemu %s: detaching: %w", addr, cerr)
	}
	return prof, nil
}
