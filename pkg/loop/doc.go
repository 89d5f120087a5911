// Package loop is guestrace's tracing loop: the library API of the original
// guestrace (a loop with per-kernel-function call and return callbacks,
// user data handed from call to return, run, quit, free) in Go.
//
// A Loop owns a vmi.Target and the guest OS attached on it. SetCallback
// places a breakpoint on a kernel function; Run waits for events and calls
// the callbacks, one event at a time, on Run's goroutine. A call's return is
// caught by a breakpoint on its return address, matched by thread and stack
// pointer, so nothing is ever written to the guest's stack: a tracer that
// dies leaves a guest that runs on.
package loop
