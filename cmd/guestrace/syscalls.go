package main

import (
	"bufio"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/guestrace/guestrace/pkg/printers/linux"
	"github.com/guestrace/guestrace/pkg/printers/windows"
)

func init() { subcommands = append(subcommands, newSyscallsCmd) }

// newSyscallsCmd lists the system calls guestrace decodes for an OS.
func newSyscallsCmd() *cobra.Command {
	var osName string
	cmd := &cobra.Command{
		Use:   "syscalls [--os linux|windows]",
		Short: "List the system calls guestrace decodes, with their class",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			w := bufio.NewWriter(cmd.OutOrStdout())
			switch osName {
			case "linux":
				for _, s := range linux.All() {
					fmt.Fprintf(w, "%-24s %s\n", s.Name, s.Class)
				}
			case "windows":
				for _, s := range windows.All() {
					fmt.Fprintf(w, "%s\n", s.Name)
				}
			default:
				return usagef("--os %s: unknown OS (linux or windows)", osName)
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&osName, "os", "linux", "the guest OS: linux or windows")
	return cmd
}
