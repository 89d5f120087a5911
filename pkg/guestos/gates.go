package guestos

// Gated is implemented by an OS whose system-call functions of some ABI
// are entered only through a few dispatchers that the other ABIs never
// pass: Linux's 32-bit (ia32) entry points, reached only through
// ia32_sys_call (or the 32-bit entry paths before it). A tracer can then
// leave those functions unarmed, with one breakpoint per dispatcher (a
// gate), until a call of that ABI first comes: breakpoints are not free
// under every hypervisor (QEMU's TCG checks each of them for every block
// of code it runs), and a guest that runs no 32-bit program never pays for
// its ~570 entry points.
type Gated interface {
	// Gates names the dispatchers a call of fn passes before entering
	// it, or nil when fn is not behind gates (arm it at once).
	Gates(fn string) []string
}
