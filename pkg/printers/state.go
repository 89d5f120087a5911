package printers

// CallState is what a decoder keeps from a call's entry for its return:
// a value the kernel overwrites, such as accept's address length before
// the call, printed "[110 => 16]". Whoever holds a call in progress keeps
// its CallState beside its arguments; the zero value means "nothing kept".
type CallState struct {
	V     [2]uint64
	Valid bool
}
