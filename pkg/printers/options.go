package printers

// Options are the printing options strace takes on its command line.
type Options struct {
	// StringLimit is strace's -s: the most bytes of a string or buffer
	// printed. Zero or less means strace's default, 32.
	StringLimit int
	// Column is strace's -a: the column at which " = " of the return value
	// is aligned, counted from the start of the line. Zero means strace's
	// default, 40; a negative value turns alignment off.
	Column int
	// Verbose is strace's -v: structures are printed whole rather than
	// abbreviated with "...".
	Verbose bool
	// Hex is strace's -x and -xx: which strings are printed in \xNN form.
	Hex HexStrings
	// Xlat is strace's -X: how named constants print.
	Xlat XlatStyle
	// FDPaths is strace's -y (1) and -yy (2): what each file descriptor
	// refers to, after it: 3</tmp/x>. It needs a Mem that is also an
	// FDPather; without one, descriptors print as numbers.
	FDPaths int
}

// HexStrings is strace's -x level.
type HexStrings uint8

const (
	HexNone     HexStrings = iota // octal escapes for unprintable bytes
	HexNonASCII                   // -x: a string with a non-ASCII byte is all hex
	HexAll                        // -xx: every string in hex
)

// XlatStyle is strace's -X: how a value with a name prints.
type XlatStyle uint8

const (
	XlatAbbrev  XlatStyle = iota // O_RDONLY (strace's default)
	XlatRaw                      // 0
	XlatVerbose                  // 0 /* O_RDONLY */
)

// ParseXlatStyle reads -X's argument.
func ParseXlatStyle(s string) (XlatStyle, bool) {
	switch s {
	case "abbrev":
		return XlatAbbrev, true
	case "raw":
		return XlatRaw, true
	case "verbose":
		return XlatVerbose, true
	}
	return 0, false
}

// DefaultStringLimit and DefaultColumn are strace's defaults for -s and -a.
const (
	DefaultStringLimit = 32
	DefaultColumn      = 40
)

// Limit returns the string limit in force.
func (o *Options) Limit() int {
	if o == nil || o.StringLimit <= 0 {
		return DefaultStringLimit
	}
	return o.StringLimit
}

// Col returns the alignment column in force, or -1 for none.
func (o *Options) Col() int {
	switch {
	case o == nil || o.Column == 0:
		return DefaultColumn
	case o.Column < 0:
		return -1
	}
	return o.Column
}

// IsVerbose reports whether structures are printed whole.
func (o *Options) IsVerbose() bool { return o != nil && o.Verbose }

// HexLevel is the -x level in force.
func (o *Options) HexLevel() HexStrings {
	if o == nil {
		return HexNone
	}
	return o.Hex
}

// Style is the -X style in force.
func (o *Options) Style() XlatStyle {
	if o == nil {
		return XlatAbbrev
	}
	return o.Xlat
}

// PathLevel is the -y level in force.
func (o *Options) PathLevel() int {
	if o == nil {
		return 0
	}
	return o.FDPaths
}
