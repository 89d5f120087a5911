// Command guestrace is strace for virtual machines: it traces the system
// calls of a guest from outside, through the hypervisor.
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// Exit statuses, documented in the README.
const (
	exitOK    = 0
	exitGuest = 1 // guest or backend failure
	exitUsage = 2 // bad usage
)

// usageError marks an error as the user's (exit status 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usagef makes a usage error; its text names the flag or file at fault.
func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

func main() {
	os.Exit(run(os.Args[1:]))
}

// run executes the command line and maps errors to exit statuses; every
// error is printed as one line, never a stack trace.
func run(args []string) int {
	root := newRootCmd()
	root.SetArgs(normalizeArgs(args))
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(os.Stderr, "guestrace: %v\n", err)
	var ue usageError
	if errors.As(err, &ue) || isFlagError(err) {
		return exitUsage
	}
	return exitGuest
}

// subcommands are added by the files that define them (profile.go, ...).
var subcommands []func() *cobra.Command

func newRootCmd() *cobra.Command {
	var tf traceFlags
	root := &cobra.Command{
		Use:   "guestrace --qemu unix:PATH --profile FILE [-e trace=SET] [-e status=SET] [-p PID] [--comm NAME] [-o FILE] [--format text|json] [-c|-C]",
		Short: "strace for virtual machines",
		Long: `guestrace traces the system calls of a virtual machine from outside,
through the hypervisor, and prints each call and its return as strace does.
Every line starts with "[pid PID/TID COMM] ".

Exit status: 0 after a clean detach (on SIGINT, SIGTERM, SIGHUP or at
the end of --duration), 1 for a failure of the guest or the backend
(the trace so far is kept), 2 for bad usage.`,
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTrace(cmd, &tf)
		},
	}
	addTraceFlags(root, &tf)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return usageError{err}
	})
	for _, mk := range subcommands {
		root.AddCommand(mk())
	}
	return root
}

// isFlagError recognises cobra's own argument errors (unknown command,
// wrong argument count), which are usage errors too.
func isFlagError(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "accepts ", "requires "} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}
