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
