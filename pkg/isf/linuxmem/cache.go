package linuxmem

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/guestrace/guestrace/internal/atomicfile"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/vmi"
)

// CacheEnv names the environment variable that overrides the cache's
// directory.
const CacheEnv = "GUESTRACE_CACHE_DIR"

// Bounds on the cache, which is a directory anyone may have written.
const (
	maxEntries     = 1024
	maxKeySize     = 64 << 10
	maxProfileSize = 1 << 30
)

// DefaultCacheDir is $GUESTRACE_CACHE_DIR, else $XDG_CACHE_HOME/guestrace,
// else ~/.cache/guestrace ("" when none can be told).
func DefaultCacheDir() string {
	if d := os.Getenv(CacheEnv); d != "" {
		return d
	}
	if d := os.Getenv("XDG_CACHE_HOME"); d != "" {
		return filepath.Join(d, "guestrace")
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".cache", "guestrace")
	}
	return ""
}

// cacheKey is what a cache entry is for, kept beside its profile (the
// profile itself is tens of megabytes: too much to parse to find out).
// Addresses are the profile's (link-time).
type cacheKey struct {
	Banner      string `json:"banner"`
	BTFSHA256   string `json:"btf_sha256"`
	Text        uint64 `json:"text"`
	LinuxBanner uint64 `json:"linux_banner"`
	StartBTF    uint64 `json:"start_btf"`
	StopBTF     uint64 `json:"stop_btf"`
	// BTFSample hashes the parts of the BTF sample reads (a whole
	// BTF is megabytes: reading it through a GDB stub costs a second).
	BTFSample     string `json:"btf_sample_sha256"`
	ProfileSHA256 string `json:"profile_sha256"`
}

// Sampling of the BTF for the cache check: its size, its first and last
// bytes and sampleCount chunks spread between.
const (
	sampleChunk = 4096
	sampleCount = 16
)

// sampleRanges lists the [off, off+len) ranges of a BTF of size n that
// the cache check reads.
func sampleRanges(n uint64) [][2]uint64 {
	if n <= (sampleCount+2)*sampleChunk {
		return [][2]uint64{{0, n}}
	}
	out := [][2]uint64{{0, sampleChunk}}
	step := (n - sampleChunk) / (sampleCount + 1)
	for i := uint64(1); i <= sampleCount; i++ {
		out = append(out, [2]uint64{i * step, sampleChunk})
	}
	return append(out, [2]uint64{n - sampleChunk, sampleChunk})
}

// sample hashes the sampled ranges of a BTF; read fills buf from offset off.
func sample(n uint64, read func(off uint64, buf []byte) bool) (string, bool) {
	h := sha256.New()
	fmt.Fprintf(h, "%d\n", n)
	buf := make([]byte, sampleChunk)
	for _, r := range sampleRanges(n) {
		b := buf[:r[1]]
		if r[1] > sampleChunk {
			b = make([]byte, r[1])
		}
		if !read(r[0], b) {
			return "", false
		}
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

// name is the entry's file name without extension.
func (k *cacheKey) name() string {
	sum := sha256.Sum256([]byte(k.Banner + "\n" + k.BTFSHA256))
	return "linux-" + hex.EncodeToString(sum[:12])
}

// keyOf derives the key of a profile made by build.
func keyOf(p *isf.Profile) (*cacheKey, error) {
	k := &cacheKey{Banner: p.Banner()}
	if md := p.Metadata.Linux; md != nil && len(md.Types) == 1 && md.Types[0].HashType == "sha256" {
		k.BTFSHA256 = md.Types[0].HashValue
	}
	for _, s := range []struct {
		name string
		v    *uint64
	}{{"_text", &k.Text}, {"linux_banner", &k.LinuxBanner}, {"__start_BTF", &k.StartBTF}, {"__stop_BTF", &k.StopBTF}} {
		var ok bool
		if *s.v, ok = p.SymbolAddress(s.name); !ok {
			return nil, fmt.Errorf("profile lacks %s", s.name)
		}
	}
	if k.Banner == "" || k.BTFSHA256 == "" || k.StopBTF <= k.StartBTF || k.StopBTF-k.StartBTF > maxBTF {
		return nil, fmt.Errorf("profile lacks its banner or BTF hash")
	}
	return k, nil
}

// Get returns the profile of the Linux kernel running in t: from the cache
// in dir when an entry there matches the guest's banner and BTF, else
// made from guest memory by Build and stored in dir. dir "" means no
// cache. The guest is paused while it is read. A failure to store is not
// an error: Result.CacheErr says it.
func Get(t vmi.Target, dir string) (res *Result, err error) {
	var pre *preload
	if dir != "" {
		// The entries' profiles load while the guest is read.
		pre = startPreload(dir)
		defer pre.stop()
	}
	err = paused(t, func() error {
		img, err := findImage(t)
		if err != nil {
			return fmt.Errorf("%w (%v)", ErrNoKallsyms, err)
		}
		if pre != nil {
			if res = img.lookup(pre); res != nil {
				return nil
			}
		}
		if res, err = img.build(); err != nil {
			return err
		}
		if dir != "" {
			res.Cached, res.CacheErr = store(dir, res.Profile, res.btf)
		}
		return nil
	})
	return res, err
}

// preload loads the cache's entries in order on a goroutine of its own,
// so that a cached attach parses its profile while the guest is read
// rather than after.
type preload struct {
	keys []string
	done []chan loaded // one per key, filled once
	quit chan struct{}
}

type loaded struct {
	k   *cacheKey
	p   *isf.Profile
	err error
}

func startPreload(dir string) *preload {
	keys, _ := filepath.Glob(filepath.Join(dir, "linux-*.key"))
	if len(keys) > maxEntries {
		keys = keys[:maxEntries]
	}
	pre := &preload{keys: keys, done: make([]chan loaded, len(keys)), quit: make(chan struct{})}
	for i := range pre.done {
		pre.done[i] = make(chan loaded, 1)
	}
	go func() {
		for i, kp := range keys {
			select {
			case <-pre.quit:
				return
			default:
			}
			k, err := readKey(kp)
			if err != nil {
				pre.done[i] <- loaded{err: err}
				continue
			}
			p, err := loadChecked(entryPath(kp), k)
			pre.done[i] <- loaded{k, p, err}
		}
	}()
	return pre
}

// stop ends the loading of entries nobody will ask for.
func (pre *preload) stop() { close(pre.quit) }

func entryPath(key string) string { return strings.TrimSuffix(key, ".key") + ".json" }

// lookup returns the first entry that matches the guest, or nil. Entries
// that do not parse or do not match are passed over: a corrupt entry is
// rebuilt (and overwritten) by the caller, never trusted.
func (img *image) lookup(pre *preload) *Result {
	for i, kp := range pre.keys {
		k, err := readKey(kp)
		if err != nil {
			continue
		}
		slide := img.text - k.Text
		if !img.matches(k, slide) {
			continue
		}
		// The profile must be the one of the key just matched (the
		// directory may change under us).
		l := <-pre.done[i]
		if l.err != nil || *l.k != *k {
			continue
		}
		return &Result{Profile: l.p, Banner: k.Banner, Slide: slide, Cached: entryPath(kp), FromCache: true}
	}
	return nil
}

func readKey(path string) (*cacheKey, error) {
	data, err := readBounded(path, maxKeySize)
	if err != nil {
		return nil, err
	}
	var k cacheKey
	if err := json.Unmarshal(data, &k); err != nil {
		return nil, err
	}
	if k.StopBTF <= k.StartBTF || k.StopBTF-k.StartBTF > maxBTF || k.Banner == "" || k.BTFSample == "" {
		return nil, fmt.Errorf("%s: bad key", path)
	}
	return &k, nil
}

// matches reports whether the guest holds the key's banner and BTF where
// the key says, once slid: the banner whole, the BTF by its sample.
func (img *image) matches(k *cacheKey, slide uint64) bool {
	b := make([]byte, len(k.Banner)+1)
	if img.readFull("linux_banner", k.LinuxBanner+slide, b) != nil || string(b) != k.Banner+"\n" {
		return false
	}
	got, ok := sample(k.StopBTF-k.StartBTF, func(off uint64, b []byte) bool {
		return img.readFull("the BTF", k.StartBTF+slide+off, b) == nil
	})
	return ok && got == k.BTFSample
}

// loadChecked loads an entry's profile if it is the one its key names.
func loadChecked(path string, k *cacheKey) (*isf.Profile, error) {
	data, err := readBounded(path, maxProfileSize)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != k.ProfileSHA256 {
		return nil, fmt.Errorf("%s: not the profile its key hashed", path)
	}
	p, err := isf.Parse(data)
	if err != nil {
		return nil, err
	}
	if pk, err := keyOf(p); err != nil || *pk != (cacheKey{k.Banner, k.BTFSHA256, k.Text, k.LinuxBanner, k.StartBTF, k.StopBTF, "", ""}) {
		return nil, fmt.Errorf("%s: profile and key disagree", path)
	}
	return p, nil
}

func readBounded(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		err = fmt.Errorf("%s: larger than %d bytes", path, limit)
	}
	return data, err
}

// store writes the profile and its key into dir, each through a temporary
// file renamed into place, and returns the profile's path.
func store(dir string, p *isf.Profile, btf []byte) (string, error) {
	k, err := keyOf(p)
	if err != nil {
		return "", fmt.Errorf("caching the profile: %w", err)
	}
	k.BTFSample, _ = sample(uint64(len(btf)), func(off uint64, b []byte) bool {
		copy(b, btf[off:])
		return true
	})
	var buf bytes.Buffer
	if err := p.Write(&buf); err != nil {
		return "", fmt.Errorf("caching the profile: %w", err)
	}
	sum := sha256.Sum256(buf.Bytes())
	k.ProfileSHA256 = hex.EncodeToString(sum[:])
	kj, err := json.Marshal(k)
	if err != nil {
		return "", fmt.Errorf("caching the profile: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("cache %s: %w", dir, err)
	}
	base := filepath.Join(dir, k.name())
	// The key goes last: an entry without its key is never read.
	if err := writeAtomic(base+".json", buf.Bytes()); err != nil {
		return "", err
	}
	if err := writeAtomic(base+".key", append(kj, '\n')); err != nil {
		return "", err
	}
	return base + ".json", nil
}

func writeAtomic(path string, data []byte) error {
	err := atomicfile.Write(path, func(w io.Writer) error { _, err := w.Write(data); return err })
	if err != nil {
		return fmt.Errorf("cache %s: %w", path, err)
	}
	return nil
}
