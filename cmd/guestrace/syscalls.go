package main

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/guestrace/guestrace/pkg/oses"
	"github.com/spf13/cobra"
)

func init() { subcommands = append(subcommands, newSyscallsCmd) }

// newSyscallsCmd lists the system calls guestrace decodes for an OS.
func newSyscallsCmd() *cobra.Command {
	var osName string
	cmd := &cobra.Command{
		Use:   "syscalls [--os " + strings.Join(oses.Names(), "|") + "]",
		Short: "List the system calls guestrace decodes, with their class",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o, err := oses.Lookup(osName)
			if err != nil {
				return usagef("--os %s: %v", osName, err)
			}
			w := bufio.NewWriter(cmd.OutOrStdout())
			for _, s := range o.List() {
				if o.Class != nil {
					fmt.Fprintf(w, "%-24s %s\n", s.Name, s.Class)
				} else {
					fmt.Fprintf(w, "%s\n", s.Name)
				}
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&osName, "os", "linux", "the guest OS: "+strings.Join(oses.Names(), ", "))
	cmd.RegisterFlagCompletionFunc("os", fixedCompletion(oses.Names()...)) //nolint:errcheck
	return cmd
}
