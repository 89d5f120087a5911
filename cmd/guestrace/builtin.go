package main

// The backends and guest OSes this guestrace is built with: each package
// registers itself (pkg/backend, pkg/oses). One line adds one.
import (
	_ "github.com/guestrace/guestrace/pkg/backend/libvirt"
	_ "github.com/guestrace/guestrace/pkg/backend/qemu"
	_ "github.com/guestrace/guestrace/pkg/backend/xen"
	_ "github.com/guestrace/guestrace/pkg/oses/linux"
	_ "github.com/guestrace/guestrace/pkg/oses/windows"
)
