//go:build libvmi

package libvmi

/*
#cgo pkg-config: libvmi
#include "shim.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"unsafe"
)

// maxProcesses bounds the task-list walk: the list is guest memory.
const maxProcesses = 1 << 16

// Process is one task as libvmi's own OS support finds it.
type Process struct {
	PID  uint32
	Name string // up to its first NUL, unescaped guest bytes
	Addr uint64 // the task_struct
}

// LibVMIProcesses initialises libvmi's own Linux support from the
// libvmi.conf file conf (its entry named like the domain, for a dump like
// the dump's file name: libvmi's rules) and lists the tasks the way
// libvmi's process-list example does, from init_task along
// task_struct.tasks. It exists to check guestrace's OS layer against
// libvmi's: it uses libvmi's symbol lookup, KASLR detection and page-table
// walk, none of guestrace's.
func (t *Target) LibVMIProcesses(conf string) ([]Process, error) {
	var procs []Process
	err := t.call(func() error {
		d, ok := t.drv.(*cdriver)
		if !ok {
			return errors.New("not a libvmi target")
		}
		var err error
		procs, err = d.processes(conf)
		if err != nil {
			return fmt.Errorf("%s: libvmi's process list: %w", t.name, err)
		}
		return nil
	})
	return procs, err
}

func (d *cdriver) processes(conf string) ([]Process, error) {
	cconf := C.CString(conf)
	defer C.free(unsafe.Pointer(cconf))
	var ierr C.vmi_init_error_t
	if os := C.vmi_init_os(d.vmi, C.VMI_CONFIG_FILE_PATH, unsafe.Pointer(cconf), &ierr); os != C.VMI_OS_LINUX {
		return nil, fmt.Errorf("vmi_init_os with %s: not a Linux guest to libvmi (os %d, init error %d)", conf, os, ierr)
	}
	offset := func(name string) (uint64, error) {
		cs := C.CString(name)
		defer C.free(unsafe.Pointer(cs))
		var off C.addr_t
		if C.vmi_get_offset(d.vmi, cs, &off) != C.VMI_SUCCESS {
			return 0, fmt.Errorf("vmi_get_offset %s failed", name)
		}
		return uint64(off), nil
	}
	tasks, err := offset("linux_tasks")
	if err != nil {
		return nil, err
	}
	nameOff, err := offset("linux_name")
	if err != nil {
		return nil, err
	}
	pidOff, err := offset("linux_pid")
	if err != nil {
		return nil, err
	}
	sym := C.CString("init_task")
	defer C.free(unsafe.Pointer(sym))
	var initTask C.addr_t
	if C.vmi_translate_ksym2v(d.vmi, sym, &initTask) != C.VMI_SUCCESS {
		return nil, errors.New("vmi_translate_ksym2v init_task failed")
	}
	head := uint64(initTask) + tasks
	var procs []Process
	seen := map[uint64]bool{}
	for cur := head; len(procs) < maxProcesses; {
		if seen[cur] {
			return procs, fmt.Errorf("task list loops at %#x", cur)
		}
		seen[cur] = true
		task := cur - tasks
		var pid C.uint32_t
		if C.vmi_read_32_va(d.vmi, C.addr_t(task+pidOff), 0, &pid) != C.VMI_SUCCESS {
			return procs, fmt.Errorf("reading the pid of task %#x failed", task)
		}
		var comm [16]byte
		var n C.size_t
		if C.vmi_read_va(d.vmi, C.addr_t(task+nameOff), 0, C.size_t(len(comm)), unsafe.Pointer(&comm[0]), &n) != C.VMI_SUCCESS {
			return procs, fmt.Errorf("reading the name of task %#x failed", task)
		}
		name := comm[:]
		for i, c := range comm {
			if c == 0 {
				name = comm[:i]
				break
			}
		}
		procs = append(procs, Process{PID: uint32(pid), Name: string(name), Addr: task})
		var next C.addr_t
		if C.vmi_read_addr_va(d.vmi, C.addr_t(cur), 0, &next) != C.VMI_SUCCESS {
			return procs, fmt.Errorf("reading the next task after %#x failed", task)
		}
		if cur = uint64(next); cur == head {
			return procs, nil
		}
	}
	return procs, fmt.Errorf("more than %d tasks", maxProcesses)
}
