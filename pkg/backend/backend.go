// Package backend is the registry of the ways guestrace reaches a guest's
// hypervisor, chosen by name as Delve chooses its --backend: QEMU's GDB
// stub (pkg/vmi/qemu), Xen through libvmi (pkg/vmi/libvmi), and any other
// package that registers itself. It sits above pkg/vmi and below the CLI:
// the loop takes the vmi.Target a backend opened and never picks one.
//
// Adding a backend: a package implementing vmi.Target that calls Register
// from its init, and one import line in cmd/guestrace/builtin.go.
package backend

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// Spec is the guest the user named.
type Spec struct {
	// Backend is a registered name; empty lets Open choose one among the
	// backends that take domain names.
	Backend string
	// Guest is what the backend reaches: a stub address ("unix:/path"),
	// a domain name.
	Guest string
	// Connect is a hypervisor URI (libvirt's --connect), or empty.
	Connect string
}

// Backend is one way to reach a guest.
type Backend struct {
	// Name is how users choose it (--backend) and messages name it.
	Name string
	// Summary is one line for --help and `guestrace version`.
	Summary string
	// Domains means the backend takes domain names (-d NAME), so that
	// Open may choose it; otherwise it takes an address of its own flag.
	Domains bool
	// Priority orders the domain backends Open tries (lower first).
	Priority int
	// Schemes are the --connect URI schemes that choose this backend
	// ("xen" for xen:///).
	Schemes []string
	// Available is nil when this build and host can use the backend, else
	// why not (a build without libvmi). Nil means always available.
	Available func() error
	// Has reports whether a guest of that name exists for this backend
	// (domain backends; Open asks it to choose).
	Has func(ctx context.Context, s Spec) (bool, error)
	// Open attaches to the guest. On an error the guest is left as it
	// was found.
	Open func(ctx context.Context, s Spec) (*Guest, error)
	// Profile, when set, finds the guest kernel's profile where this
	// backend's users keep it (libvmi.conf for Xen); nil, nil when none.
	Profile func(s Spec) (*isf.Profile, error)
	// Rescue, when set, is what a guard process runs after the tracer died
	// without detaching: remove what it left in the guest and let it run.
	Rescue func(ctx context.Context, s Spec) error
}

// Guest is an opened guest: its target, and what closing it undoes.
type Guest struct {
	vmi.Target
	Spec Spec
	// Desc says what was opened, for status lines ("QEMU GDB stub unix:/x").
	Desc string
	// Cleanup, when set, runs after the target's Close (a libvirt stub is
	// closed again).
	Cleanup func() error
}

// Close closes the target, then undoes what opening it set up.
func (g *Guest) Close() error {
	err := g.Target.Close()
	if g.Cleanup != nil {
		cleanup := g.Cleanup
		g.Cleanup = nil
		err = errors.Join(err, cleanup())
	}
	return err
}

// Sentinel errors, wrapped with %w.
var (
	// ErrUnknown means a backend name that nothing registered.
	ErrUnknown = errors.New("unknown backend")
	// ErrNoGuest means no domain backend has a guest of that name.
	ErrNoGuest = errors.New("no such guest")
)

var (
	mu  sync.RWMutex
	all []*Backend
)

// Register adds a backend. It panics on a second backend of the same name.
func Register(b *Backend) {
	mu.Lock()
	defer mu.Unlock()
	if b.Name == "" || b.Open == nil {
		panic("backend: Register needs Name and Open")
	}
	for _, x := range all {
		if x.Name == b.Name {
			panic("backend: " + b.Name + " registered twice")
		}
	}
	all = append(all, b)
	slices.SortStableFunc(all, func(a, b *Backend) int {
		if a.Priority != b.Priority {
			return a.Priority - b.Priority
		}
		return strings.Compare(a.Name, b.Name)
	})
}

// All lists the registered backends, in the order Open tries them.
func All() []*Backend {
	mu.RLock()
	defer mu.RUnlock()
	return slices.Clone(all)
}

// Names lists the registered backends' names.
func Names() []string {
	var n []string
	for _, b := range All() {
		n = append(n, b.Name)
	}
	return n
}

// Lookup finds a backend by name.
func Lookup(name string) (*Backend, error) {
	for _, b := range All() {
		if b.Name == name {
			return b, nil
		}
	}
	return nil, fmt.Errorf("%w %q (this guestrace has %s)", ErrUnknown, name, strings.Join(Names(), ", "))
}

// Usable is the backend if this build and host can use it.
func (b *Backend) Usable() error {
	if b.Available == nil {
		return nil
	}
	return b.Available()
}

// Resolve picks the backend of a spec: the one named, the one whose URI
// scheme --connect gives, or the first domain backend (by priority) that
// has a guest of that name.
func Resolve(ctx context.Context, s Spec) (*Backend, error) {
	if s.Backend != "" {
		b, err := Lookup(s.Backend)
		if err != nil {
			return nil, err
		}
		return b, b.Usable()
	}
	if s.Connect != "" {
		scheme, _, _ := strings.Cut(s.Connect, ":")
		scheme, _, _ = strings.Cut(scheme, "+")
		var dflt *Backend
		for _, b := range All() {
			if slices.Contains(b.Schemes, scheme) {
				return b, b.Usable()
			}
			if b.Domains && slices.Contains(b.Schemes, "*") {
				dflt = b
			}
		}
		if dflt != nil {
			return dflt, dflt.Usable()
		}
		return nil, fmt.Errorf("--connect %s: no backend takes %q URIs", s.Connect, scheme)
	}
	var why []string
	var unusable error
	for _, b := range All() {
		if !b.Domains {
			continue
		}
		if err := b.Usable(); err != nil {
			why = append(why, fmt.Sprintf("%s: %v", b.Name, err))
			unusable = fmt.Errorf("%s: %w", b.Name, err)
			continue
		}
		if b.Has == nil {
			return b, nil
		}
		ok, err := b.Has(ctx, s)
		if ok {
			return b, nil
		}
		if err != nil {
			why = append(why, fmt.Sprintf("%s: %v", b.Name, err))
		} else {
			why = append(why, fmt.Sprintf("%s: no such domain", b.Name))
		}
	}
	switch {
	case len(why) == 0:
		return nil, fmt.Errorf("%w %q: this guestrace has no backend that takes domain names", ErrNoGuest, s.Guest)
	case len(why) == 1 && unusable != nil:
		// The one backend there is cannot be used: say why alone.
		return nil, unusable
	}
	return nil, fmt.Errorf("%w %q (%s)", ErrNoGuest, s.Guest, strings.Join(why, "; "))
}

// Open resolves the spec's backend and opens the guest.
func Open(ctx context.Context, s Spec) (*Guest, error) {
	b, err := Resolve(ctx, s)
	if err != nil {
		return nil, err
	}
	s.Backend = b.Name
	g, err := b.Open(ctx, s)
	if err != nil {
		return nil, err
	}
	g.Spec = s
	return g, nil
}

// ConfigError marks an error in the user's files or configuration (a
// libvmi.conf entry), as opposed to a failure of the guest: the CLI exits
// with its usage status. Its text is the wrapped error's.
type ConfigError struct{ Err error }

func (e ConfigError) Error() string { return e.Err.Error() }
func (e ConfigError) Unwrap() error { return e.Err }
