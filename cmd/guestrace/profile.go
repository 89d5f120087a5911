package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/guestrace/guestrace/internal/atomicfile"
	"github.com/guestrace/guestrace/pkg/backend"
	"github.com/guestrace/guestrace/pkg/isf"
	"github.com/guestrace/guestrace/pkg/isf/linuxgen"
	"github.com/spf13/cobra"
)

func init() { subcommands = append(subcommands, newProfileCmd) }

func newProfileCmd() *cobra.Command {
	var files linuxgen.Files
	var out, qemuAddr, cache string
	var spec backend.Spec // -d, --backend, --connect
	cmd := &cobra.Command{
		Use:   "profile {--qemu unix:PATH | -d DOMAIN | --kallsyms FILE --btf FILE [--banner FILE]} -o profile.json",
		Short: "Make a Volatility3 ISF profile of a Linux kernel",
		Long: `profile writes a Volatility3 ISF JSON profile of a Linux kernel, which
guestrace, Volatility3 and libvmi read. Its inputs come from the kernel
itself: with --qemu or -d, from the running guest's memory (its kallsyms tables,
BTF and banner; nothing is needed from inside the guest); else from files
of the guest: /proc/kallsyms read as root with kernel.kptr_restrict=0 (and
with nokaslr, for link-time addresses), /sys/kernel/btf/vmlinux, and
/proc/version.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if qemuAddr != "" && spec.Guest != "" {
				return usagef("profile: --qemu and -d each name a guest: give one")
			}
			if qemuAddr != "" || spec.Guest != "" {
				if files != (linuxgen.Files{}) {
					return usagef("profile: a running guest and --kallsyms/--btf/--banner: give one source")
				}
				if out == "" {
					return usagef("profile: -o is required")
				}
				label := "-d " + spec.Guest
				if qemuAddr != "" {
					spec, label = backend.Spec{Backend: "qemu", Guest: qemuAddr}, "--qemu "+qemuAddr
				}
				prof, err := guestProfile(cmd.Context(), spec, label, cache, cmd.ErrOrStderr())
				if err != nil {
					return err
				}
				return writeProfile(out, prof)
			}
			for _, f := range []struct{ flag, val string }{{"--kallsyms", files.Kallsyms}, {"--btf", files.BTF}, {"-o", out}} {
				if f.val == "" {
					return usagef("profile: %s is required", f.flag)
				}
			}
			for _, f := range []struct{ flag, path string }{{"--kallsyms", files.Kallsyms}, {"--btf", files.BTF}, {"--banner", files.Banner}} {
				if f.path == "" {
					continue
				}
				if st, err := os.Stat(f.path); err != nil {
					return usagef("profile: %s %s: no such file", f.flag, f.path)
				} else if st.IsDir() {
					return usagef("profile: %s %s: is a directory", f.flag, f.path)
				}
			}
			prof, err := linuxgen.GenerateFiles(files)
			if err != nil {
				return fmt.Errorf("profile: %w", err)
			}
			return writeProfile(out, prof)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&files.Kallsyms, "kallsyms", "", "the kernel's /proc/kallsyms (or System.map)")
	fl.StringVar(&files.BTF, "btf", "", "the kernel's /sys/kernel/btf/vmlinux")
	fl.StringVar(&files.Banner, "banner", "", "the kernel's /proc/version (optional; lets Volatility3 recognise the kernel)")
	fl.StringVarP(&out, "output", "o", "", "the profile to write (\"-\" for standard output)")
	fl.StringVar(&qemuAddr, "qemu", "", "make the profile from the memory of this running QEMU/KVM guest: its GDB stub, unix:PATH or HOST:PORT")
	fl.StringVarP(&spec.Guest, "domain", "d", "", "make the profile from the memory of this running domain (libvirt or Xen), by name")
	fl.StringVar(&spec.Backend, "backend", "", "with -d: how to reach the domain (as for tracing)")
	fl.StringVar(&spec.Connect, "connect", "", "with -d: the hypervisor's URI, as virsh --connect")
	fl.StringVar(&cache, "cache-dir", "", cacheDirUsage)
	return cmd
}

// writeProfile writes through a temporary file renamed into place, so a
// failed run never leaves a truncated profile behind.
func writeProfile(path string, prof *isf.Profile) error {
	if path == "-" {
		w := bufio.NewWriter(os.Stdout)
		if err := prof.Write(w); err != nil {
			return fmt.Errorf("profile: stdout: %w", err)
		}
		return w.Flush()
	}
	err := atomicfile.Write(path, prof.Write)
	if err != nil {
		return fmt.Errorf("profile: -o %s: %w", path, err)
	}
	return nil
}
