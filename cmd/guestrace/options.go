package main

import (
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/guestrace/guestrace/pkg/output"
	"github.com/guestrace/guestrace/pkg/printers"
	"github.com/guestrace/guestrace/pkg/tracer"
)

// printFlags are strace's options on how calls print and which are
// followed: -x, -X, -v, -y, -r, -f, -P.
type printFlags struct {
	hex      levelFlag // -x, -xx, --strings-in-hex
	xlat     string    // -X
	verbose  bool      // -v
	fdPaths  levelFlag // -y, -yy, --decode-fds
	relative string    // -r: its precision; "" when not given
	follow   bool      // -f
	paths    []string  // -P
	reads    []string  // --read=SET, -e read=SET's long form
	writes   []string  // --write=SET
	dumps    *tracer.Dumps
}

// levelFlag is a flag that counts its short form (-x, -xx) and takes a
// level by name in its long form (--strings-in-hex=all).
type levelFlag struct {
	n     int
	names []string // names[i] sets level i
	flag  string
}

// more is what the short form passes: one level up.
const more = "+1"

func (l *levelFlag) String() string { return strconv.Itoa(l.n) }

// Type is "count", as -t's, so that help shows the flag the same way.
func (l *levelFlag) Type() string { return "count" }

func (l *levelFlag) Set(s string) error {
	if s == more {
		l.n = min(l.n+1, len(l.names)-1)
		return nil
	}
	for i, n := range l.names {
		if n == s {
			l.n = i
			return nil
		}
	}
	return usagef("%s=%s: unknown value (%s)", l.flag, s, strings.Join(l.names, ", "))
}

func addPrintFlags(cmd *cobra.Command, f *printFlags) {
	fl := cmd.Flags()
	f.hex = levelFlag{names: []string{"none", "non-ascii", "all"}, flag: "--strings-in-hex"}
	hx := fl.VarPF(&f.hex, "strings-in-hex", "x", "-x: print non-ASCII strings in hex; -xx, --strings-in-hex[=all]: all strings\n(--strings-in-hex=non-ascii is -x)")
	hx.NoOptDefVal = more
	fl.StringVarP(&f.xlat, "const-print-style", "X", "abbrev", "how named constants and flags print: raw, abbrev or verbose")
	fl.BoolVarP(&f.verbose, "no-abbrev", "v", false, "print structures unabbreviated")
	f.fdPaths = levelFlag{names: []string{"none", "path", "all"}, flag: "--decode-fds"}
	y := fl.VarPF(&f.fdPaths, "decode-fds", "y", "-y: print the path of each file descriptor (3</tmp/x>, socket:[INODE]);\n-yy, --decode-fds=all: and the device of device files (</dev/null<char 1:3>>)")
	y.NoOptDefVal = more
	fl.StringVarP(&f.relative, "relative-timestamps", "r", "", "start lines with the time since the previous line (host clock)")
	fl.Lookup("relative-timestamps").NoOptDefVal = "us"
	fl.BoolVarP(&f.follow, "follow-forks", "f", false, "with -p or --comm, also trace the children of the selected processes, and theirs")
	fl.StringArrayVarP(&f.paths, "trace-path", "P", nil, "trace only calls that name PATH or use a descriptor of PATH (the guest's path); repeatable")
	fl.StringArrayVar(&f.reads, "read", nil, "-e read=SET: dump in hex all data read from the descriptors in SET (3,4 or all)")
	fl.StringArrayVar(&f.writes, "write", nil, "-e write=SET: dump in hex all data written to the descriptors in SET")
	cmd.RegisterFlagCompletionFunc("const-print-style", fixedCompletion("raw", "abbrev", "verbose")) //nolint:errcheck
	cmd.RegisterFlagCompletionFunc("strings-in-hex", fixedCompletion("non-ascii", "all", "none"))    //nolint:errcheck
	cmd.RegisterFlagCompletionFunc("decode-fds", fixedCompletion("path", "all", "none"))             //nolint:errcheck
	cmd.RegisterFlagCompletionFunc("relative-timestamps", fixedCompletion("us"))                     //nolint:errcheck
	cmd.RegisterFlagCompletionFunc("trace-path", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveNoFileComp // a path in the guest, not here
	}) //nolint:errcheck
}

// normalizeArgs gives strace's bare --strings-in-hex its meaning, all
// strings in hex (the short -x counts up from non-ASCII instead).
func normalizeArgs(args []string) []string {
	out := make([]string, 0, len(args))
	for i, a := range args {
		if a == "--" {
			return append(out, args[i:]...)
		}
		if a == "--strings-in-hex" {
			a = "--strings-in-hex=all"
		}
		out = append(out, a)
	}
	return out
}

func (f *printFlags) validate() error {
	if _, ok := printers.ParseXlatStyle(f.xlat); !ok {
		return usagef("-X %s: unknown style (raw, abbrev or verbose)", f.xlat)
	}
	if f.relative != "" && f.relative != "us" {
		return usagef("-r=%s: this guestrace prints relative times in microseconds only (us)", f.relative)
	}
	for _, p := range f.paths {
		if p == "" {
			return usagef("-P: empty path")
		}
	}
	return nil
}

// options are the printing options the flags ask for.
func (f *printFlags) options(strsize int) printers.Options {
	style, _ := printers.ParseXlatStyle(f.xlat)
	return printers.Options{
		StringLimit: strsize,
		Verbose:     f.verbose,
		Hex:         printers.HexStrings(f.hex.n),
		Xlat:        style,
		FDPaths:     f.fdPaths.n,
	}
}

// parseFDSet reads strace's descriptor set of -e read= and -e write=:
// numbers, all, none, with '!' for the complement.
func parseFDSet(expr, set string) (tracer.FDSet, error) {
	var s tracer.FDSet
	s.Not = strings.HasPrefix(set, "!")
	set = strings.TrimPrefix(set, "!")
	for _, tok := range strings.Split(set, ",") {
		tok = strings.TrimSpace(tok)
		switch tok {
		case "all":
			s.All = true
			continue
		case "none":
			continue
		}
		n, err := strconv.ParseUint(tok, 10, 31)
		if err != nil {
			return s, usagef("-e %s: %q is not a file descriptor", expr, tok)
		}
		if s.FDs == nil {
			s.FDs = map[int32]bool{}
		}
		s.FDs[int32(n)] = true
	}
	return s, nil
}

// dumper is the writer's -e read=/write= dumper, or nil.
func (f *printFlags) dumper() output.Dumper {
	if f.dumps == nil {
		return nil
	}
	return f.dumps
}

// exprs are the -e expressions with --read and --write as theirs.
func (f *printFlags) exprs(e []string) []string {
	out := append([]string(nil), e...)
	for _, s := range f.reads {
		out = append(out, "read="+s)
	}
	for _, s := range f.writes {
		out = append(out, "write="+s)
	}
	return out
}
