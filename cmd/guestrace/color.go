package main

import (
	"strings"

	"github.com/fatih/color"

	"github.com/guestrace/guestrace/pkg/output"
)

// terminalColors are the colors of a trace printed on a terminal: call
// names in bold, failed returns in red. fatih/color decides: none when
// standard output is not a terminal, TERM is dumb, or NO_COLOR is set.
func terminalColors() output.Colors {
	if color.NoColor {
		return output.Colors{}
	}
	return output.Colors{
		Name:  sequences(color.New(color.Bold)),
		Error: sequences(color.New(color.FgRed)),
	}
}

// sequences are the escape sequences c puts around text.
func sequences(c *color.Color) [2]string {
	c.EnableColor()
	s := c.Sprint("\x00")
	before, after, _ := strings.Cut(s, "\x00")
	return [2]string{before, after}
}
