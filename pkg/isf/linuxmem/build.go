// Package linuxmem makes the profile of a running Linux guest from its own
// memory, with no file from inside the guest: it finds the kernel image
// through the page tables (KASLR on), decodes the kallsyms tables in its
// read-only data, reads the BTF blob between __start_BTF and __stop_BTF
// and the banner, and has linuxgen build the same Volatility3 ISF profile
// `guestrace profile --kallsyms --btf` builds from files. A cache keyed by
// the banner and the BTF's hash makes a second attach to the same kernel
// cheap.
//
// Guest memory is untrusted: every size is bounded, every offset the
// tables hold is checked against the bytes around it, and nothing here
// panics or loops on any content.
package linuxmem

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/guestrace/guestrace/pkg/guestos/linux"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/isf/linuxgen"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// Sentinel errors. Their text is what the user reads.
var (
	ErrNoKallsyms = errors.New("no kallsyms found in guest memory: pass --profile")
	ErrNoBTF      = errors.New("no BTF found in guest memory (a kernel without CONFIG_DEBUG_INFO_BTF?): pass --profile")
	// ErrCheck means a profile was made but does not describe the guest.
	ErrCheck = errors.New("profile made from guest memory does not check out")
)

// Names the inputs carry in errors and in the profile's metadata.
const (
	kallsymsName = "guest-memory:kallsyms"
	btfName      = "guest-memory:btf"
	bannerName   = "guest-memory:linux_banner"
)

// Bounds.
const (
	maxBTF    = 64 << 20 // a vmlinux BTF is 4-8 MB
	maxBanner = 512
)

// defaultText is where x86-64 kernels link _text (__START_KERNEL with the
// default CONFIG_PHYSICAL_START), used when vmcoreinfo does not say.
const defaultText = 0xffffffff81000000

// Result is a profile made from guest memory, with what was learnt on the
// way.
type Result struct {
	Profile *isf.Profile
	Banner  string // linux_banner, without its newline
	Slide   uint64 // runtime minus profile addresses of the image
	Layout  string // encoding of the kallsyms offsets
	Syms    int
	BTFSize int

	// FromCache says the profile was read from the cache entry Cached;
	// otherwise it was made from memory and Cached is where it was
	// stored ("" when it was not: CacheErr says why, nil with no cache).
	FromCache bool
	Cached    string
	CacheErr  error

	btf []byte // what the profile was made of, for the cache
}

// Build makes the profile of the Linux kernel running in t. It pauses the
// guest while it reads and lets it run again (a target without Pause is
// read as it is). Errors wrap ErrNoKallsyms or ErrNoBTF when the tables
// are missing or do not hold together.
func Build(t vmi.Target) (res *Result, err error) {
	err = paused(t, func() error {
		img, err := findImage(t)
		if err != nil {
			return fmt.Errorf("%w (%v)", ErrNoKallsyms, err)
		}
		res, err = img.build()
		return err
	})
	return res, err
}

// paused runs f with the guest paused.
func paused(t vmi.Target, f func() error) (err error) {
	switch perr := t.Pause(); {
	case perr == nil:
		defer func() {
			if uerr := t.Unpause(); uerr != nil && err == nil {
				err = fmt.Errorf("resuming the guest: %w", uerr)
			}
		}()
	case !errors.Is(perr, vmi.ErrUnsupported):
		return fmt.Errorf("pausing the guest: %w", perr)
	}
	return f()
}

func (img *image) build() (*Result, error) {
	tab, err := img.scanKallsyms()
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrNoKallsyms, err)
	}
	syms := symbolMap(tab.Syms)
	banner, err := img.banner(syms)
	if err != nil {
		return nil, err
	}
	raw, err := img.btf(syms)
	if err != nil {
		return nil, err
	}
	slide := img.text - img.linkText(syms)
	p, err := linuxgen.Generate(linuxgen.Input{
		Kallsyms: kallsymsText(tab.Syms, slide), KallsymsName: kallsymsName,
		BTF: raw, BTFName: btfName,
		Banner: []byte(banner + "\n"), BannerName: bannerName,
	})
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCheck, err)
	}
	if err := img.checkSwapper(p, syms); err != nil {
		return nil, err
	}
	return &Result{Profile: p, Banner: banner, Slide: slide, Layout: tab.Layout, Syms: len(tab.Syms), BTFSize: len(raw), btf: raw}, nil
}

// symbolMap maps names to runtime addresses, the first of each name.
func symbolMap(syms []linuxgen.Sym) map[string]uint64 {
	m := make(map[string]uint64, len(syms))
	for _, s := range syms {
		if _, ok := m[s.Name]; !ok {
			m[s.Name] = s.Addr
		}
	}
	return m
}

// kallsymsText writes the symbols as /proc/kallsyms of a nokaslr boot has
// them: image addresses less the slide, per-cpu offsets as they are.
func kallsymsText(syms []linuxgen.Sym, slide uint64) []byte {
	var b bytes.Buffer
	b.Grow(len(syms) * 40)
	line := make([]byte, 0, 32+maxName)
	for _, s := range syms {
		a := s.Addr
		if linux.InImage(a) {
			a -= slide
		}
		line = line[:0]
		hex := strconv.AppendUint(nil, a, 16)
		for range 16 - len(hex) {
			line = append(line, '0')
		}
		line = append(line, hex...)
		line = append(line, ' ', s.Type, ' ')
		line = append(line, s.Name...)
		line = append(line, '\n')
		b.Write(line)
	}
	return b.Bytes()
}

// banner reads linux_banner: one "Linux version ..." line.
func (img *image) banner(syms map[string]uint64) (string, error) {
	va, ok := syms["linux_banner"]
	if !ok {
		return "", fmt.Errorf("%w (kallsyms has no linux_banner: a kernel without CONFIG_KALLSYMS_ALL?)", ErrNoKallsyms)
	}
	b := make([]byte, maxBanner)
	n, _ := img.read(va, b)
	b = b[:n]
	i := bytes.IndexByte(b, 0)
	if i < 0 {
		return "", fmt.Errorf("%w (linux_banner at %#x is not a string)", ErrNoKallsyms, va)
	}
	s := strings.TrimRight(string(b[:i]), "\n")
	if !strings.HasPrefix(s, "Linux version ") || strings.ContainsAny(s, "\n\r") {
		return "", fmt.Errorf("%w (linux_banner at %#x does not read \"Linux version ...\")", ErrNoKallsyms, va)
	}
	return s, nil
}

// btf reads and checks the blob between __start_BTF and __stop_BTF.
func (img *image) btf(syms map[string]uint64) ([]byte, error) {
	start, ok1 := syms["__start_BTF"]
	stop, ok2 := syms["__stop_BTF"]
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("%w (kallsyms has no __start_BTF and __stop_BTF)", ErrNoBTF)
	}
	if stop <= start || stop-start > maxBTF {
		return nil, fmt.Errorf("%w (__start_BTF %#x to __stop_BTF %#x is not 1 byte to %d MiB)", ErrNoBTF, start, stop, maxBTF>>20)
	}
	raw := make([]byte, stop-start)
	if err := img.readFull("the BTF", start, raw); err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrNoBTF, err)
	}
	if err := CheckBTF(raw); err != nil {
		return nil, fmt.Errorf("%w (at %#x: %v)", ErrNoBTF, start, err)
	}
	return raw, nil
}

// linkText is the link-time address of _text: the runtime one less
// vmcoreinfo's KERNELOFFSET when the guest has it, else x86-64's default.
func (img *image) linkText(syms map[string]uint64) uint64 {
	if off, ok := img.kernelOffset(syms); ok && off <= img.text && linux.InImage(img.text-off) {
		return img.text - off
	}
	if img.text >= defaultText {
		return defaultText
	}
	return img.text
}

// kernelOffset reads KERNELOFFSET from the vmcoreinfo note the kernel
// keeps for crash dumps (vmcoreinfo_data points at its text).
func (img *image) kernelOffset(syms map[string]uint64) (uint64, bool) {
	va, ok := syms["vmcoreinfo_data"]
	if !ok {
		return 0, false
	}
	var p [8]byte
	if img.readFull("vmcoreinfo_data", va, p[:]) != nil {
		return 0, false
	}
	note := make([]byte, 4096)
	n, _ := img.read(binary.LittleEndian.Uint64(p[:]), note)
	note = note[:n]
	if i := bytes.IndexByte(note, 0); i >= 0 {
		note = note[:i]
	}
	for line := range strings.SplitSeq(string(note), "\n") {
		if v, ok := strings.CutPrefix(line, "KERNELOFFSET="); ok {
			off, err := strconv.ParseUint(v, 16, 64)
			return off, err == nil
		}
	}
	return 0, false
}

// checkSwapper checks that init_task's comm reads "swapper/0" where the
// profile puts it, as linux.Attach will.
func (img *image) checkSwapper(p *isf.Profile, syms map[string]uint64) error {
	it, ok := syms["init_task"]
	if !ok {
		return fmt.Errorf("%w: kallsyms has no init_task", ErrCheck)
	}
	off, err := p.FieldOffset("task_struct", "comm")
	if err != nil || off > 1<<16 {
		return fmt.Errorf("%w: BTF has no task_struct.comm", ErrCheck)
	}
	b := make([]byte, 16)
	if err := img.readFull("init_task.comm", it+off, b); err != nil {
		return fmt.Errorf("%w: %v", ErrCheck, err)
	}
	if !bytes.HasPrefix(b, []byte("swapper/0\x00")) && !bytes.HasPrefix(b, []byte("swapper\x00")) {
		return fmt.Errorf("%w: init_task.comm at %#x reads %q, not \"swapper/0\"", ErrCheck, it+off, bytes.TrimRight(b, "\x00"))
	}
	return nil
}
