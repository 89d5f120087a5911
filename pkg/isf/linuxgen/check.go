package linuxgen

import (
	"fmt"
	"strings"

	"github.com/cilium/ebpf/btf"
	"github.com/guestrace/guestrace/pkg/isf"
)

// Thresholds of the cross-checks. The same kernel's files disagree a
// little: BTF keeps functions the linker later discarded (__exit code).
// Measured: 0 of 41,605 BTF functions missing from kallsyms for Debian's
// 6.1, 0.6% for a 6.18 host; pairing the two kernels' files, 23% and 43%.
const (
	maxMissingFuncs   = 0.05
	maxPercpuMismatch = 0.10
)

// checkMatch verifies that kallsyms, BTF and banner describe one kernel.
func checkMatch(in Input, ks *Kallsyms, types []btf.Type, banner []byte) error {
	mismatch := func(format string, args ...any) error {
		return fmt.Errorf("kallsyms %s and btf %s: %w: %s", in.KallsymsName, in.BTFName, ErrMismatch, fmt.Sprintf(format, args...))
	}
	if err := checkFuncs(ks, types, mismatch); err != nil {
		return err
	}
	if err := checkPercpu(ks, types, mismatch); err != nil {
		return err
	}
	if banner != nil {
		return checkBanner(in, ks, banner)
	}
	return nil
}

// checkFuncs: BTF describes the functions of the kernel image, so nearly
// all of its FUNC names must be kallsyms text symbols. kallsyms may carry
// compiler suffixes (foo.isra.0, foo.cold) that BTF names lack.
func checkFuncs(ks *Kallsyms, types []btf.Type, mismatch func(string, ...any) error) error {
	text := make(map[string]bool, len(ks.Syms))
	for _, s := range ks.Syms {
		if isText(s.Type) {
			base, _, _ := strings.Cut(s.Name, ".")
			text[base] = true
		}
	}
	funcs := make(map[string]bool)
	for _, t := range types {
		if f, ok := t.(*btf.Func); ok {
			funcs[f.Name] = true
		}
	}
	missing, example := 0, ""
	for name := range funcs {
		if !text[name] {
			missing++
			if example == "" || name < example {
				example = name
			}
		}
	}
	if len(funcs) > 0 && float64(missing) > maxMissingFuncs*float64(len(funcs)) {
		return mismatch("%d of BTF's %d functions (e.g. %s) are not in kallsyms", missing, len(funcs), example)
	}
	return nil
}

// checkPercpu: the per-cpu variables' offsets in BTF's .data..percpu
// section must be their kallsyms addresses, relative to __per_cpu_start
// (zero when per-cpu symbols are zero-based, as on x86-64 before 6.15).
func checkPercpu(ks *Kallsyms, types []btf.Type, mismatch func(string, ...any) error) error {
	var base uint64
	if s, ok := ks.Lookup("__per_cpu_start"); ok {
		base = s.Addr
	}
	checked, bad := 0, 0
	var example string
	for _, t := range types {
		ds, ok := t.(*btf.Datasec)
		if !ok || ds.Name != ".data..percpu" {
			continue
		}
		for _, v := range ds.Vars {
			name := v.Type.TypeName()
			if !ks.Unique(name) {
				continue
			}
			s, _ := ks.Lookup(name)
			checked++
			if s.Addr-base != uint64(v.Offset) {
				bad++
				if example == "" {
					example = fmt.Sprintf("%s is at %#x in kallsyms but %#x in BTF", name, s.Addr-base, v.Offset)
				}
			}
		}
	}
	if bad > 0 && float64(bad) > maxPercpuMismatch*float64(checked) {
		return mismatch("%d of %d per-cpu variables are elsewhere (%s)", bad, checked, example)
	}
	return nil
}

func checkBanner(in Input, ks *Kallsyms, banner []byte) error {
	release := isf.BannerRelease(string(banner[:len(banner)-2]))
	s, ok := ks.Lookup("linux_banner")
	if !ok {
		return fmt.Errorf("banner %s: kallsyms %s has no linux_banner symbol to attach it to (kernel without CONFIG_KALLSYMS_ALL?)", in.BannerName, in.KallsymsName)
	}
	next := ^uint64(0)
	for _, o := range ks.Syms {
		if o.Addr > s.Addr && o.Addr < next {
			next = o.Addr
		}
	}
	if next == ^uint64(0) {
		return nil
	}
	size := uint64(len(banner))
	if gap := next - s.Addr; gap < size {
		return fmt.Errorf("banner %s (release %s) and kallsyms %s: %w: the banner is %d bytes but linux_banner in kallsyms spans %d",
			in.BannerName, release, in.KallsymsName, ErrMismatch, size, gap)
	}
	return nil
}
