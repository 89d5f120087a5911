package linux

import (
	"context"
	"fmt"

	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/isf/linuxmem"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// fromMemory is Linux's oses.OS.FromMemory: the kernel's kallsyms tables,
// BTF and banner read from guest memory, through linuxmem's cache.
func fromMemory(_ context.Context, t vmi.Target, cacheDir string) (*isf.Profile, string, error) {
	res, err := linuxmem.Get(t, cacheDir)
	if err != nil {
		return nil, "", err
	}
	if res.FromCache {
		return res.Profile, "from the cache, " + res.Cached, nil
	}
	from := fmt.Sprintf("made from guest memory (%d symbols, %d bytes of BTF)", res.Syms, res.BTFSize)
	switch {
	case res.Cached != "":
		from += "; cached in " + res.Cached
	case res.CacheErr != nil:
		from += fmt.Sprintf("; not cached: %v", res.CacheErr)
	}
	return res.Profile, from, nil
}
