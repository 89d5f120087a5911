package output

import "bytes"

// Span is one argument's text: line[Start:End].
type Span struct{ Start, End int }

// SplitArgs finds the top-level arguments of a call as the printers print
// it, "NAME(arg, {a=1, b=[2, 3]}, \"x, y\"...) = 0", from start, the index
// just after "NAME(". Separators inside quotes, comments ("/* 3 vars */")
// and brackets do not count. It appends the spans of the arguments to
// spans and returns them with the index just past the closing parenthesis,
// or -1 when the text ends first (the entry part of a split call,
// "read(3, "). Empty arguments at the end are dropped, so "close(" has
// none. The text comes from the guest through the printers: whatever it
// holds, SplitArgs ends, never reads out of bounds, and returns spans in
// order within line.
func SplitArgs(line []byte, start int, spans []Span) ([]Span, int) {
	depth := 0
	argStart := start
	end := -1
	i := start
	add := func(lo, hi int) {
		for lo < hi && line[lo] == ' ' {
			lo++
		}
		if lo < hi {
			spans = append(spans, Span{lo, hi})
		}
	}
scan:
	for i < len(line) {
		c := line[i]
		switch {
		case c == '"':
			i = skipQuoted(line, i+1)
			continue
		case c == '/' && i+1 < len(line) && line[i+1] == '*':
			i = skipComment(line, i+2)
			continue
		case c == '<' && fdAngle(line, i, start):
			// -y's <PATH> after a descriptor (or AT_FDCWD): the path may
			// hold ',' and ')'; its own '<' and '>' are escaped.
			i = skipAngled(line, i+1)
			continue
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' && depth == 0:
			end = i + 1
			break scan
		case c == ')' || c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		case c == ',' && depth == 0:
			add(argStart, i)
			argStart = i + 1
		}
		i++
	}
	if end >= 0 {
		add(argStart, end-1)
	} else {
		add(argStart, len(line))
	}
	return spans, end
}

// skipQuoted returns the index after the closing quote of a string whose
// text starts at i, or len(b) when it is not closed.
func skipQuoted(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case '\\':
			i += 2
			continue
		case '"':
			return i + 1
		}
		i++
	}
	return len(b)
}

// skipComment returns the index after the "*/" that ends a comment whose
// text starts at i, or len(b).
func skipComment(b []byte, i int) int {
	for ; i+1 < len(b); i++ {
		if b[i] == '*' && b[i+1] == '/' {
			return i + 2
		}
	}
	return len(b)
}

// skipAngled returns the index after the '>' that closes a -y path whose
// text starts at i (-yy's <char 1:3> nests in it), or len(b).
func skipAngled(b []byte, i int) int {
	depth := 1
	for ; i < len(b); i++ {
		switch b[i] {
		case '<':
			depth++
		case '>':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return len(b)
}

// fdAngle reports whether the '<' at i opens a -y path: it follows a
// number or AT_FDCWD, and is no shift operator (FUTEX_OP_ADD<<28).
func fdAngle(b []byte, i, start int) bool {
	if i <= start || (i+1 < len(b) && b[i+1] == '<') || b[i-1] == '<' {
		return false
	}
	return b[i-1] >= '0' && b[i-1] <= '9' || bytes.HasSuffix(b[:i], []byte("AT_FDCWD"))
}
