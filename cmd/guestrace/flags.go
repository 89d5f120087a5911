package main

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/guestrace/guestrace/pkg/backend"
	"github.com/guestrace/guestrace/pkg/guestos"
	"github.com/guestrace/guestrace/pkg/oses"
	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/printers"
)

// traceFlags are the flags of the trace (root) command.
type traceFlags struct {
	qemu     string
	domain   string
	backend  string
	connect  string
	profile  string
	exprs    []string
	pids     []string
	comms    []string
	output   string
	append   bool
	strsize  int
	stamps   int // -t, -tt, -ttt
	elapsed  bool
	format   string
	summary  bool // -c
	both     bool // -C
	silent   bool
	quiet    bool
	stats    bool
	duration time.Duration
	os       string
	cacheDir string
	printFlags
	// noFollowReset: a guest reset ends the trace (exit 0) instead of
	// attaching to the new kernel.
	noFollowReset bool
	buffer        string // --buffer SIZE: lines may be dropped rather than wait
	bufSize       int    // its bytes, set by validate
	stdoutBuffer  io.Writer
}

// maxComm is the longest process name a kernel keeps.
const maxComm = guestos.CommLen - 1

func addTraceFlags(cmd *cobra.Command, f *traceFlags) {
	fl := cmd.Flags()
	fl.SortFlags = false
	fl.StringVar(&f.qemu, "qemu", "", "QEMU/KVM guest: its GDB stub, unix:PATH or HOST:PORT")
	fl.StringVarP(&f.domain, "domain", "d", "", "the guest by its domain name (Xen through libvmi, or libvirt)")
	fl.StringVar(&f.backend, "backend", "", "how to reach the -d guest: "+strings.Join(backend.Names(), ", ")+" (default: the first that has the domain)")
	fl.StringVar(&f.connect, "connect", "", "the hypervisor's URI, as virsh --connect")
	fl.StringVar(&f.profile, "profile", "", "the guest kernel's profile (Volatility3 ISF JSON); with --qemu and none, made from a Linux guest's memory")
	fl.StringVar(&f.cacheDir, "cache-dir", "", cacheDirUsage)
	fl.StringVar(&f.os, "os", "", "the guest OS, linux or windows (default: what the profile says)")
	fl.StringArrayVarP(&f.exprs, "expr", "e", nil, "trace=SET: calls to trace (names, %file %process %network %signal %ipc %desc %memory, /regex, all; !SET for all but SET);\nstatus=SET: calls to print by how they ended (successful, failed, unfinished, detached);\nread=SET, write=SET: hex dumps of the data read from, written to descriptors in SET")
	fl.StringArrayVarP(&f.pids, "pid", "p", nil, "trace only process (or thread) PID; repeat or give a comma list")
	fl.StringArrayVar(&f.comms, "comm", nil, "trace only processes named NAME; repeatable")
	fl.StringVarP(&f.output, "output", "o", "", "write the trace to FILE instead of standard output")
	fl.BoolVarP(&f.append, "append", "A", false, "with -o, append to FILE rather than truncate it")
	fl.StringVar(&f.format, "format", "text", "text (strace's lines) or json (one object per line)")
	fl.IntVarP(&f.strsize, "string-limit", "s", printers.DefaultStringLimit, "print at most N bytes of each string, as strace -s")
	fl.CountVarP(&f.stamps, "absolute-timestamps", "t", "start lines with the host's time: -t seconds, -tt microseconds, -ttt Unix time")
	fl.BoolVarP(&f.elapsed, "syscall-times", "T", false, "end lines with the time from the call to its return as the tracer saw it\n(host clock, the tracer's own stops included: not time spent in the guest)")
	fl.BoolVarP(&f.summary, "summary-only", "c", false, "print only a table of calls, errors and time per system call, at the end")
	fl.BoolVarP(&f.both, "summary", "C", false, "print the trace and the table at the end")
	fl.BoolVar(&f.silent, "silent", false, "print nothing but the count at exit; no return breakpoints (cheapest)")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "no status messages on standard error")
	fl.BoolVar(&f.stats, "stats", false, "at detach, print on standard error how often the guest stopped per traced call")
	fl.DurationVar(&f.duration, "duration", 0, "detach after this long (30s, 5m) and exit 0; 0 traces until a signal")
	fl.StringVar(&f.buffer, "buffer", "", "keep up to `SIZE` (64M) of lines for a slow reader and drop lines, counted,\nwhen it is full, rather than stall the guest (default: never drop a line)")
	fl.BoolVar(&f.noFollowReset, "no-follow-reset", false, "when the guest is reset or reboots, detach and exit 0\n(default: wait for its new kernel, attach again and go on tracing)")

	addPrintFlags(cmd, &f.printFlags)
	cmd.RegisterFlagCompletionFunc("format", fixedCompletion("text", "json"))                                  //nolint:errcheck
	cmd.RegisterFlagCompletionFunc("os", fixedCompletion(oses.Names()...))                                     //nolint:errcheck
	cmd.RegisterFlagCompletionFunc("backend", fixedCompletion(backend.Names()...))                             //nolint:errcheck
	cmd.RegisterFlagCompletionFunc("expr", fixedCompletion("trace=", "status=", "trace=%", "read=", "write=")) //nolint:errcheck
}

func fixedCompletion(words ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return words, cobra.ShellCompDirectiveNoFileComp
	}
}

func (f *traceFlags) validate() error {
	switch {
	case f.qemu == "" && f.domain == "":
		return usagef("no guest: give --qemu unix:PATH (QEMU/KVM) or -d DOMAIN (Xen or libvirt)")
	case f.qemu != "" && f.domain != "":
		return usagef("--qemu and -d each name a guest: give one")
	case f.strsize < 0:
		return usagef("-s %d: the string limit cannot be negative", f.strsize)
	case f.qemu != "" && (f.backend != "" || f.connect != ""):
		return usagef("--qemu names a QEMU GDB stub: --backend and --connect go with -d")
	case f.duration < 0:
		return usagef("--duration %v: cannot be negative", f.duration)
	case f.format != "text" && f.format != "json":
		return usagef("--format %s: unknown format (text or json)", f.format)
	case f.append && f.output == "":
		return usagef("--append: give the file with -o FILE")
	case f.summary && f.both:
		return usagef("-c and -C: give one (-c prints only the table, -C the trace and the table)")
	case f.silent && (f.summary || f.both):
		return usagef("--silent and -c/-C: --silent prints no table")
	case f.silent && f.elapsed:
		return usagef("--silent and -T: --silent does not wait for returns")
	case f.stamps > 3:
		return usagef("-t: at most -ttt")
	}
	if f.buffer != "" {
		n, err := parseSize(f.buffer)
		if err != nil {
			return usagef("--buffer %s: %v", f.buffer, err)
		}
		f.bufSize = n
	}
	if f.os != "" {
		if _, err := oses.Lookup(f.os); err != nil {
			return usagef("--os %s: %v", f.os, err)
		}
	}
	for _, c := range f.comms {
		if c == "" || len(c) > maxComm {
			return usagef("--comm %q: process names are 1 to %d bytes (the kernel keeps no more)", c, maxComm)
		}
	}
	if _, err := f.pidList(); err != nil {
		return err
	}
	return f.printFlags.validate()
}

// spec is the guest the flags name.
func (f *traceFlags) spec() backend.Spec {
	if f.qemu != "" {
		return backend.Spec{Backend: "qemu", Guest: f.qemu}
	}
	return backend.Spec{Backend: f.backend, Guest: f.domain, Connect: f.connect}
}

// pidList reads the -p values: ids, repeated or in comma lists.
func (f *traceFlags) pidList() ([]uint32, error) {
	var pids []uint32
	for _, v := range f.pids {
		for _, s := range strings.Split(v, ",") {
			n, err := strconv.ParseUint(strings.TrimSpace(s), 10, 32)
			if err != nil || n == 0 {
				return nil, usagef("-p %s: %q is not a process id", v, s)
			}
			pids = append(pids, uint32(n))
		}
	}
	return pids, nil
}

// writerConfig is how the trace is printed.
func (f *traceFlags) writerConfig(status output.Status) output.Config {
	return output.Config{
		Print:     f.options(f.strsize),
		Time:      output.TimeFormat(f.stamps),
		Relative:  f.relative != "",
		Durations: f.elapsed,
		Status:    status,
		Dump:      f.dumper(),
	}
}
