// Command guestlab boots the lab guest (build/guest, made by `make guest`;
// build/guest-<series> with -kernel) for demonstrations and benchmarks by
// hand: it prints the guest's GDB and QMP sockets, optionally starts a
// workload in the guest, and keeps the guest running until it gets SIGINT
// or SIGTERM.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/guestrace/guestrace/internal/guestlab"
)

func main() {
	kernel := flag.String("kernel", "", "kernel series to boot (5.10, 6.1, 6.12, 7.2; default $"+guestlab.KernelEnv+" or "+guestlab.DefaultKernel+")")
	vcpus := flag.Int("vcpus", 1, "number of vCPUs")
	noKASLR := flag.Bool("nokaslr", false, "boot without KASLR")
	workload := flag.String("run", "", "shell command line to start in the guest, in the background")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	g, err := guestlab.Start(ctx, guestlab.Options{Kernel: *kernel, VCPUs: *vcpus, NoKASLR: *noKASLR})
	if err != nil {
		fmt.Fprintln(os.Stderr, "guestlab:", err)
		os.Exit(1)
	}
	defer g.Close()
	if *workload != "" {
		if _, _, err := g.Exec(ctx, "("+*workload+") >/dev/null 2>&1 &"); err != nil {
			fmt.Fprintln(os.Stderr, "guestlab: starting the workload:", err)
			os.Exit(1)
		}
	}
	fmt.Printf("GDB unix:%s\nQMP unix:%s\nPROFILE %s\n", g.GDBSocket, g.QMPSocket, g.Profile)
	<-ctx.Done()
}
