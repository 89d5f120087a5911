package linux

import "github.com/guestrace/guestrace/pkg/printers"

// bpf(2) with its union bpf_attr, as strace's bpf.c prints it: per command
// the fields of the structure strace knows, only those the size argument
// reaches (strace stops at the first field a shorter, older structure did
// not have), then ", ..." when bytes beyond strace's structure are set.

// bpfKind is how one field of a bpf_attr prints.
type bpfKind uint8

const (
	bU32     bpfKind = iota // decimal
	bU64                    // decimal, 64 bits
	bX32                    // hex
	bX64                    // hex, 64 bits
	bFD                     // a descriptor
	bAddr                   // a 64-bit address, NULL for 0
	bFlags32                // flags of x
	bFlags64                // flags of x, 64 bits
	bXval32                 // a name of x
	bXval64                 // a name of x, 64 bits
	bName                   // char[16], up to its NUL within the size given
	bIfindex                // an interface index
	bStr                    // the address of a NUL-terminated string
	bStrN                   // the address of a string of at most the u32 at aux bytes
	bStrZ                   // the address of a NUL-terminated string of at most aux bytes
	bBytes                  // the address of bytes, as many as the u32 at aux says
	bPath                   // the address of a path
	bKver                   // KERNEL_VERSION(a, b, c)
	bInsns                  // eBPF instructions, their count the u32 at aux
	bNuma                   // a NUMA node, printed only under BPF_F_NUMA_NODE
)

// bpfField is one field of a command's structure.
type bpfField struct {
	name string
	off  int
	kind bpfKind
	x    *printers.Xlat
	dflt string
	aux  int // the offset of the field holding a length
	// cut: strace stops before this field when the size given does not
	// reach it.
	cut bool
	// ifMask: the field prints only when the u32 at ifOff has one of
	// these bits.
	ifOff  int
	ifMask uint32
}

// bpfCmd is a command's structure.
type bpfCmd struct {
	size   int    // strace's size of it: bytes past it are "extra data"
	outer  string // the name strace wraps it in: {test={...}}
	fields []bpfField
	fd     bool // the call returns a descriptor
}

// bpfAttrMax is the largest structure of bpfCmds; bpfPage is the largest
// size strace reads (a page).
const (
	bpfAttrMax = 128
	bpfPage    = 4096
)

func fU(n string, off int) bpfField  { return bpfField{name: n, off: off, kind: bU32} }
func fFD(n string, off int) bpfField { return bpfField{name: n, off: off, kind: bFD} }
func fA(n string, off int) bpfField  { return bpfField{name: n, off: off, kind: bAddr} }
func fK(n string, off int, k bpfKind, x *printers.Xlat, dflt string) bpfField {
	return bpfField{name: n, off: off, kind: k, x: x, dflt: dflt}
}
func cut(f bpfField) bpfField { f.cut = true; return f }

var (
	bpfMapElem = []bpfField{fFD("map_fd", 0), fA("key", 8), fA("value", 16),
		cut(fK("flags", 24, bFlags64, xBpfMapLookupElemFlags, "BPF_???"))}
	bpfObj = []bpfField{{name: "pathname", off: 0, kind: bPath}, fFD("bpf_fd", 8),
		cut(fK("file_flags", 12, bFlags32, xBpfFileModeFlags, "BPF_F_???"))}
	bpfByID = func(id string) []bpfField {
		return []bpfField{fU(id, 0), fU("next_id", 4), cut(fK("open_flags", 8, bFlags32, xBpfFileModeFlags, "BPF_F_???"))}
	}
)

// bpfCmds are the commands whose structure prints at entry, by number.
var bpfCmds = map[uint32]*bpfCmd{
	0: {size: 72, fd: true, fields: []bpfField{
		fK("map_type", 0, bXval32, xBpfMapTypes, "BPF_MAP_TYPE_???"),
		fU("key_size", 4), fU("value_size", 8), fU("max_entries", 12),
		cut(fK("map_flags", 16, bFlags32, xBpfMapFlags, "BPF_F_???")),
		cut(fFD("inner_map_fd", 20)),
		{name: "numa_node", off: 24, kind: bNuma, cut: true, ifOff: 16, ifMask: 4},
		cut(bpfField{name: "map_name", off: 28, kind: bName}),
		cut(bpfField{name: "map_ifindex", off: 44, kind: bIfindex}),
		cut(fFD("btf_fd", 48)), fU("btf_key_type_id", 52), fU("btf_value_type_id", 56),
		cut(fU("btf_vmlinux_value_type_id", 60)),
		cut(fK("map_extra", 64, bU64, nil, "")),
	}},
	1: {size: 32, fields: bpfMapElem},
	2: {size: 32, fields: []bpfField{fFD("map_fd", 0), fA("key", 8), fA("value", 16),
		fK("flags", 24, bXval64, xBpfMapUpdateElemFlags, "BPF_???")}},
	3: {size: 16, fields: []bpfField{fFD("map_fd", 0), fA("key", 8)}},
	4: {size: 24, fields: []bpfField{fFD("map_fd", 0), fA("key", 8), fA("next_key", 16)}},
	5: {size: 128, fd: true, fields: []bpfField{
		fK("prog_type", 0, bXval32, xBpfProgTypes, "BPF_PROG_TYPE_???"),
		fU("insn_cnt", 4),
		{name: "insns", off: 8, kind: bInsns, aux: 4},
		{name: "license", off: 16, kind: bStr},
		cut(fU("log_level", 24)), fU("log_size", 28),
		{name: "log_buf", off: 32, kind: bStrN, aux: 28},
		cut(bpfField{name: "kern_version", off: 40, kind: bKver}),
		cut(fK("prog_flags", 44, bFlags32, xBpfProgFlags, "BPF_F_???")),
		cut(bpfField{name: "prog_name", off: 48, kind: bName}),
		cut(bpfField{name: "prog_ifindex", off: 64, kind: bIfindex}),
		cut(fK("expected_attach_type", 68, bXval32, xBpfAttachTypes, "BPF_???")),
		cut(fFD("prog_btf_fd", 72)), fU("func_info_rec_size", 76), fA("func_info", 80),
		fU("func_info_cnt", 88), fU("line_info_rec_size", 92), fA("line_info", 96),
		fU("line_info_cnt", 104),
		cut(fU("attach_btf_id", 108)),
		cut(fFD("attach_prog_fd", 112)),
		cut(fA("fd_array", 120)),
	}},
	6: {size: 16, fd: true, fields: bpfObj},
	7: {size: 16, fd: true, fields: bpfObj},
	8: {size: 20, fields: []bpfField{fFD("target_fd", 0), fFD("attach_bpf_fd", 4),
		fK("attach_type", 8, bXval32, xBpfAttachTypes, "BPF_???"),
		fK("attach_flags", 12, bFlags32, xBpfAttachFlags, "BPF_F_???"),
		cut(fFD("replace_bpf_fd", 16))}},
	9: {size: 12, fields: []bpfField{fFD("target_fd", 0),
		fK("attach_type", 8, bXval32, xBpfAttachTypes, "BPF_???")}},
	10: {size: 76, outer: "test", fields: []bpfField{fFD("prog_fd", 0), fU("retval", 4),
		fU("data_size_in", 8), fU("data_size_out", 12), fA("data_in", 16), fA("data_out", 24),
		fU("repeat", 32), fU("duration", 36),
		cut(fU("ctx_size_in", 40)), fU("ctx_size_out", 44), fA("ctx_in", 48), fA("ctx_out", 56),
		cut(fK("flags", 64, bFlags32, xBpfTestRunFlags, "BPF_F_???")), fU("cpu", 68),
		cut(fU("batch_size", 72))}},
	13: {size: 12, fd: true, fields: bpfByID("prog_id")},
	14: {size: 12, fd: true, fields: bpfByID("map_id")},
	17: {size: 12, outer: "raw_tracepoint", fields: []bpfField{
		{name: "name", off: 0, kind: bStrZ, aux: 128}, fFD("prog_fd", 8)}},
	18: {size: 28, fd: true, fields: []bpfField{{name: "btf", off: 0, kind: bBytes, aux: 16},
		fA("btf_log_buf", 8), fU("btf_size", 16), fU("btf_log_size", 20), fU("btf_log_level", 24)}},
	19: {size: 4, fd: true, fields: []bpfField{fU("btf_id", 0)}},
	21: {size: 32, fields: bpfMapElem},
	22: {size: 4, fields: []bpfField{fFD("map_fd", 0)}},
	29: {size: 16, outer: "link_update", fields: []bpfField{fFD("link_fd", 0), fFD("new_prog_fd", 4),
		fK("flags", 8, bFlags32, xBpfAttachFlags, "BPF_F_???"),
		{name: "old_prog_fd", off: 12, kind: bFD, ifOff: 8, ifMask: 4}}},
	30: {size: 4, fd: true, fields: []bpfField{fU("link_id", 0)}},
}

// The commands printed at entry and at exit.
const (
	bpfProgGetNextID  = 11
	bpfMapGetNextID   = 12
	bpfObjGetInfo     = 15
	bpfProgQuery      = 16
	bpfTaskFDQuery    = 20
	bpfBTFGetNextID   = 23
	bpfLookupBatch    = 24
	bpfLookupDelBatch = 25
	bpfUpdateBatch    = 26
	bpfDeleteBatch    = 27
	bpfLinkCreate     = 28
	bpfLinkGetNextID  = 31
)

var (
	bpfNextID = []bpfField{fU("start_id", 0), fU("next_id", 4)}
	bpfQuery  = []bpfField{fFD("target_fd", 0), fK("attach_type", 4, bXval32, xBpfAttachTypes, "BPF_???"),
		fK("query_flags", 8, bFlags32, xBpfQueryFlags, "BPF_F_QUERY_???"),
		fK("attach_flags", 12, bFlags32, xBpfAttachFlags, "BPF_F_???")}
	bpfBatch = map[uint32][]bpfField{
		bpfLookupBatch: {fA("in_batch", 0), fA("out_batch", 8), fA("keys", 16), fA("values", 24),
			fU("count", 32), fFD("map_fd", 36),
			fK("elem_flags", 40, bFlags64, xBpfMapLookupElemFlags, "BPF_???"), fK("flags", 48, bX64, nil, "")},
		bpfUpdateBatch: {fA("keys", 16), fA("values", 24), fU("count", 32), fFD("map_fd", 36),
			fK("elem_flags", 40, bFlags64, xBpfMapLookupElemFlags, "BPF_???"), fK("flags", 48, bX64, nil, "")},
		bpfDeleteBatch: {fA("keys", 16), fU("count", 32), fFD("map_fd", 36),
			fK("elem_flags", 40, bFlags64, xBpfMapLookupElemFlags, "BPF_???"), fK("flags", 48, bX64, nil, "")},
	}
)

// bpfAtExit reports whether cmd prints at exit too, and the size of its
// structure.
func bpfAtExit(cmd uint32) (int, bool) {
	switch cmd {
	case bpfProgGetNextID, bpfMapGetNextID, bpfBTFGetNextID, bpfLinkGetNextID:
		return 12, true
	case bpfObjGetInfo:
		return 16, true
	case bpfProgQuery:
		return 28, true
	case bpfTaskFDQuery:
		return 48, true
	case bpfLookupBatch, bpfLookupDelBatch, bpfUpdateBatch, bpfDeleteBatch:
		return 56, true
	}
	return 0, false
}

func decBpf(c *ctx) {
	cmd, addr, size := uint32(c.a[0]), c.a[1], uint32(c.a[2])
	if !c.exiting {
		c.xval(xBpfCommands, uint64(cmd), "BPF_???")
		c.sep()
	}
	d := bpfCmds[cmd]
	twoSize, two := bpfAtExit(cmd)
	known := d != nil || two || cmd == bpfLinkCreate
	if c.exiting {
		// Only the commands strace finishes at exit print there, when
		// their entry could read the attribute.
		if !two || size == 0 || size > bpfPage {
			return
		}
		if _, _, ok := c.saved(); !ok && c.st != nil {
			return
		}
	}
	if size == 0 || size > bpfPage || !known {
		c.ptr(addr)
		c.sep()
		c.uint(uint64(size))
		return
	}
	// strace reads the attribute even at the exit of a failed call.
	var attr [bpfAttrMax]byte
	raw := c.mem(int(size))
	if addr == 0 || printers.ReadFull(c.m, addr, raw) != nil {
		c.ptr(addr)
		c.sep()
		c.uint(uint64(size))
		return
	}
	attrSize := twoSize
	switch {
	case d != nil:
		attrSize = d.size
	case cmd == bpfLinkCreate:
		attrSize = bpfLinkCreateSize
	}
	n := min(copy(attr[:], raw), attrSize)
	clear(attr[n:])
	switch {
	case two:
		c.bpfTwoPhase(cmd, &attr, n)
		// The batches close their structure at entry, the others at
		// exit; none prints the size before the exit.
		if batch := cmd >= bpfLookupBatch && cmd <= bpfDeleteBatch; batch != c.exiting {
			c.bpfEnd(addr, size, attrSize)
		}
		if !c.exiting {
			return
		}
	case cmd == bpfLinkCreate:
		attrSize = c.bpfLinkCreate(&attr, n)
		c.bpfEnd(addr, size, attrSize)
	default:
		if d.outer != "" {
			c.b = append(c.b, '{')
			c.name(d.outer)
		}
		c.b = append(c.b, '{')
		c.bpfFields(&attr, n, d.fields)
		if d.outer != "" {
			c.b = append(c.b, '}')
		}
		c.bpfEnd(addr, size, attrSize)
	}
	c.sep()
	c.uint(uint64(size))
}

// bpfEnd closes the structure: ", ..." (or the extra bytes under -v) when
// bytes past strace's structure are set, then '}'.
func (c *ctx) bpfEnd(addr uint64, size uint32, attrSize int) {
	if int(size) > attrSize {
		extra := c.mem(int(size) - attrSize)
		if printers.ReadFull(c.m, addr+uint64(attrSize), extra) == nil {
			for _, x := range extra {
				if x == 0 {
					continue
				}
				c.sep()
				if !c.verbose() {
					c.str("...")
					break
				}
				c.name("extra_data")
				c.b = printers.AppendHexQuoted(c.b, extra, len(extra), false)
				c.b = printers.AppendComment(c.b, "bytes "+itoa(attrSize)+".."+itoa(int(size)-1))
				break
			}
		}
	}
	c.b = append(c.b, '}')
}

func itoa(v int) string { return string(printers.AppendInt(nil, int64(v))) }

// bpfFields prints fields of attr, whose first n bytes the call gave.
func (c *ctx) bpfFields(attr *[bpfAttrMax]byte, n int, fs []bpfField) {
	printed := 0
	for _, f := range fs {
		if f.cut && n <= f.off {
			return
		}
		if f.ifMask != 0 && le32(attr[f.ifOff:])&f.ifMask == 0 {
			continue
		}
		if printed > 0 {
			c.sep()
		}
		printed++
		c.name(f.name)
		c.bpfField(attr, n, &f)
	}
}

func (c *ctx) bpfField(attr *[bpfAttrMax]byte, n int, f *bpfField) {
	v32 := uint64(le32(attr[f.off:]))
	var v64 uint64
	if f.off+8 <= bpfAttrMax {
		v64 = le64(attr[f.off:])
	}
	switch f.kind {
	case bU32:
		c.uint(v32)
	case bU64:
		c.ulong(v64)
	case bX32:
		c.hex(v32)
	case bX64:
		c.hex(v64)
	case bFD:
		c.fd(v32)
	case bAddr:
		c.ptr(v64)
	case bFlags32:
		c.flags(f.x, v32, f.dflt)
	case bFlags64:
		c.flags(f.x, v64, f.dflt)
	case bXval32:
		c.xval(f.x, v32, f.dflt)
	case bXval64:
		c.xval(f.x, v64, f.dflt)
	case bName:
		s := attr[f.off:max(min(f.off+16, n), f.off)]
		k := 0
		for k < len(s) && s[k] != 0 {
			k++
		}
		c.quote(s[:k], len(s), k == len(s))
	case bIfindex:
		c.uint(v32)
	case bStr:
		c.cstr(v64)
	case bStrN:
		c.cstrN(v64, uint64(le32(attr[f.aux:])))
	case bStrZ:
		c.cstrN(v64, uint64(f.aux))
	case bBytes:
		c.strN(v64, uint64(le32(attr[f.aux:])))
	case bPath:
		c.path(v64)
	case bKver:
		c.kernelVersion(v32)
	case bInsns:
		c.ebpfInsns(v64, uint64(le32(attr[f.aux:])))
	case bNuma:
		c.uint(v32)
		if name, ok := xNumaNode.Lookup(v32); ok && c.o.Style() != printers.XlatRaw {
			c.b = printers.AppendComment(c.b, name)
		}
	}
}

// kernelVersion prints a version as KERNEL_VERSION(major, minor, patch).
func (c *ctx) kernelVersion(v uint64) {
	abbrev := func() {
		c.str("KERNEL_VERSION(")
		c.uint(v >> 16)
		c.sep()
		c.uint((v >> 8) & 0xff)
		c.sep()
		c.uint(v & 0xff)
		c.b = append(c.b, ')')
	}
	if !c.styled(func() { c.hex(v) }, abbrev) {
		abbrev()
	}
}

// bpfTwoPhase prints what a command that strace finishes at exit prints
// at entry, or at exit.
func (c *ctx) bpfTwoPhase(cmd uint32, attr *[bpfAttrMax]byte, n int) {
	saved, _, _ := c.saved()
	if c.st == nil && c.exiting {
		saved = bpfSavedField(cmd, attr)
	}
	if !c.exiting {
		defer c.save(bpfSavedField(cmd, attr), 1)
	}
	switch cmd {
	case bpfProgGetNextID, bpfMapGetNextID, bpfBTFGetNextID, bpfLinkGetNextID:
		if !c.exiting {
			c.b = append(c.b, '{')
			c.bpfFields(attr, n, bpfNextID)
			return
		}
		if next := uint64(le32(attr[4:])); next != saved {
			c.str(" => ")
			c.uint(next)
		}
		if n > 8 {
			c.sep()
			c.name("open_flags")
			c.flags(xBpfFileModeFlags, uint64(le32(attr[8:])), "BPF_F_???")
		}
	case bpfObjGetInfo:
		if !c.exiting {
			c.str("{info={bpf_fd=")
			c.fd(uint64(le32(attr[0:])))
			c.str(", info_len=")
			c.uint(uint64(le32(attr[4:])))
			return
		}
		if l := uint64(le32(attr[4:])); l != saved {
			c.str(" => ")
			c.uint(l)
		}
		c.str(", info=")
		c.ptr(le64(attr[8:]))
		c.b = append(c.b, '}')
	case bpfProgQuery:
		if !c.exiting {
			c.str("{query={")
			c.bpfFields(attr, n, bpfQuery)
			c.str(", prog_ids=")
			return
		}
		cnt := uint64(le32(attr[24:]))
		c.array(le64(attr[16:]), cnt, 4, true, func(c *ctx, e []byte) bool {
			c.uint(uint64(le32(e)))
			return true
		})
		c.str(", prog_cnt=")
		if cnt != saved {
			c.uint(saved)
			c.str(" => ")
		}
		c.uint(cnt)
		c.b = append(c.b, '}')
	case bpfTaskFDQuery:
		if !c.exiting {
			c.str("{task_fd_query={pid=")
			c.int(uint64(le32(attr[0:])))
			c.str(", fd=")
			c.fd(uint64(le32(attr[4:])))
			c.str(", flags=")
			c.uint(uint64(le32(attr[8:])))
			c.str(", buf_len=")
			c.uint(uint64(le32(attr[12:])))
			return
		}
		l := uint64(le32(attr[12:]))
		if l != saved {
			c.str(" => ")
			c.uint(l)
		}
		c.str(", buf=")
		c.cstrN(le64(attr[16:]), min(l, saved))
		c.str(", prog_id=")
		c.uint(uint64(le32(attr[24:])))
		c.str(", fd_type=")
		c.xval(xBpfTaskFdTypes, uint64(le32(attr[28:])), "BPF_FD_TYPE_???")
		c.str(", probe_offset=")
		c.hex(le64(attr[32:]))
		c.str(", probe_addr=")
		c.hex(le64(attr[40:]))
		c.b = append(c.b, '}')
	default: // the batches
		if !c.exiting {
			fs := bpfBatch[cmd]
			if fs == nil {
				fs = bpfBatch[bpfLookupBatch]
			}
			c.str("{batch={")
			c.bpfFields(attr, n, fs)
			c.b = append(c.b, '}')
			return
		}
		if cnt := uint64(le32(attr[32:])); cnt != saved {
			c.str(" => {batch={count=")
			c.uint(cnt)
			c.str("}}")
		}
	}
}

// bpfSavedField is the field a command's exit compares with its value at
// entry.
func bpfSavedField(cmd uint32, attr *[bpfAttrMax]byte) uint64 {
	switch cmd {
	case bpfObjGetInfo:
		return uint64(le32(attr[4:]))
	case bpfProgQuery:
		return uint64(le32(attr[24:]))
	case bpfTaskFDQuery:
		return uint64(le32(attr[12:]))
	case bpfLookupBatch, bpfLookupDelBatch, bpfUpdateBatch, bpfDeleteBatch:
		return uint64(le32(attr[32:]))
	}
	return uint64(le32(attr[4:])) // next_id
}

// The link_create attach types whose union member strace prints, and
// the size of the structure with its largest member.
const (
	bpfLinkCreateSize   = 48
	bpfTraceIter        = 28
	bpfPerfEvent        = 41
	bpfTraceKprobeMulti = 42
)

// bpfLinkCreate prints BPF_LINK_CREATE's structure but its closing brace,
// and returns the size strace checks extra bytes against: that of the
// union member of the attach type.
func (c *ctx) bpfLinkCreate(attr *[bpfAttrMax]byte, n int) int {
	c.str("{link_create={prog_fd=")
	c.fd(uint64(le32(attr[0:])))
	c.str(", target_fd=")
	c.fd(uint64(le32(attr[4:])))
	c.str(", attach_type=")
	typ := le32(attr[8:])
	c.xval(xBpfAttachTypes, uint64(typ), "BPF_???")
	c.str(", flags=")
	c.hex(uint64(le32(attr[12:])))
	size := bpfLinkCreateSize
	if n > 16 {
		switch typ {
		case 0:
			if id := le32(attr[16:]); id != 0 {
				c.str(", target_btf_id=")
				c.uint(uint64(id))
			}
			size = 20
		case bpfTraceIter:
			c.str(", iter_info=")
			l := uint64(le32(attr[24:]))
			c.array(le64(attr[16:]), l, 4, false, func(c *ctx, e []byte) bool {
				c.str("{map={map_fd=")
				c.fd(uint64(le32(e)))
				c.str("}}")
				return true
			})
			c.str(", iter_info_len=")
			c.uint(l)
			size = 28
		case bpfPerfEvent:
			c.str(", perf_event={bpf_cookie=")
			c.hex(le64(attr[16:]))
			c.b = append(c.b, '}')
			size = 24
		case bpfTraceKprobeMulti:
			cnt := uint64(le32(attr[20:]))
			c.str(", kprobe_multi={flags=")
			c.flags(xBpfKprobeMultiFlags, uint64(le32(attr[16:])), "BPF_F_???")
			c.str(", cnt=")
			c.uint(cnt)
			c.str(", syms=")
			c.array(le64(attr[24:]), cnt, 8, false, func(c *ctx, e []byte) bool {
				c.cstr(le64(e))
				return true
			})
			hex := func(c *ctx, e []byte) bool { c.hex(le64(e)); return true }
			c.str(", addrs=")
			c.array(le64(attr[32:]), cnt, 8, false, hex)
			c.str(", cookies=")
			c.array(le64(attr[40:]), cnt, 8, false, hex)
			c.b = append(c.b, '}')
		default:
			size = 16
		}
	}
	c.b = append(c.b, '}')
	return size
}

var xBpfKprobeMultiFlags = &printers.Xlat{Entries: []printers.XlatEntry{{Val: 1, Name: "BPF_F_KPROBE_MULTI_RETURN"}}}

// bpfRet prints bpf's return: a descriptor for the commands that create
// one (under -y with its path).
func bpfRet(c *ctx) {
	if d := bpfCmds[uint32(c.a[0])]; (d != nil && d.fd) || uint32(c.a[0]) == bpfLinkCreate {
		c.fd(uint64(c.ret))
		return
	}
	c.long(uint64(c.ret))
}
