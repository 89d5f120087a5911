// Package printers holds the formatting shared by guestrace's system-call
// printers: strings escaped the way strace escapes them, a flag and value
// formatter driven by name tables, error names and texts, and the Mem
// interface through which decoders read the traced process's memory.
//
// Everything read through Mem comes from the traced guest and is untrusted:
// reads are bounded, and every byte is escaped before it is printed.
package printers
