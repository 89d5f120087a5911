package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/guestrace/guestrace/pkg/printers"
)

// jsonEvent is the documented schema (docs/cli.md).
type jsonEvent struct {
	Time       time.Time `json:"time"`
	Event      string    `json:"event"`
	VCPU       *int      `json:"vcpu"`
	PID        *uint32   `json:"pid"`
	TID        *uint32   `json:"tid"`
	Comm       *string   `json:"comm"`
	Syscall    string    `json:"syscall"`
	Args       []string  `json:"args"`
	RawArgs    []uint64  `json:"raw_args"`
	Ret        *int64    `json:"ret"`
	Errno      string    `json:"errno"`
	DurationNS *int64    `json:"duration_ns"`
	Unfinished bool      `json:"unfinished"`
	Kernel     bool      `json:"kernel"`
}

// TestJSONSchema: every line of the script's trace is one JSON object
// with the fields the schema promises, of their types, and no other.
func TestJSONSchema(t *testing.T) {
	var out bytes.Buffer
	w := NewJSON(&out, Config{})
	script(w)
	require.NoError(t, w.Flush())
	sc := bufio.NewScanner(&out)
	n := 0
	for sc.Scan() {
		n++
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		var e jsonEvent
		require.NoError(t, dec.Decode(&e), sc.Text())
		assert.Contains(t, []string{"complete", "call", "return"}, e.Event)
		assert.NotNil(t, e.VCPU)
		assert.NotNil(t, e.PID)
		assert.NotNil(t, e.Comm)
		assert.NotEmpty(t, e.Syscall)
		assert.NotNil(t, e.Args, "args is [] when empty, never null")
		assert.NotNil(t, e.RawArgs)
		// ret and duration_ns come together, on the end of a call that
		// returned; errno only with a failure.
		assert.Equal(t, e.Ret != nil, e.DurationNS != nil, sc.Text())
		if e.Errno != "" {
			assert.NotNil(t, e.Ret)
		}
		if e.Unfinished || e.Event == "call" {
			assert.Nil(t, e.Ret, sc.Text())
		}
	}
	assert.Equal(t, 12, n)
}

// TestJSONStringsAreValid: whatever bytes a guest string holds, the
// writer's strings are valid JSON and decode to the same text when it
// was UTF-8.
func TestJSONStringsAreValid(t *testing.T) {
	for _, s := range []string{"", "plain", "\"\\", "\x00\x1f\x7f", "h\xc3\xa9", "\xff\xfe", "\xe2\x82", "\u2028"} {
		b := AppendJSONString(nil, []byte(s))
		require.True(t, json.Valid(b), "%q -> %s", s, b)
		var got string
		require.NoError(t, json.Unmarshal(b, &got))
		if utf8.ValidString(s) {
			assert.Equal(t, s, got)
		}
	}
	assert.Equal(t, `"\ufffd\ufffd"`, string(AppendJSONString(nil, "\xff\xfe")))
	assert.Equal(t, `"ev\"il]\\x5c \\xff"`, string(appendCommJSON(nil, []byte("ev\"il]\\ \xff"))))
}

func FuzzAppendJSONString(f *testing.F) {
	f.Add([]byte("\"\\\x00\xff\xe2\x82"))
	f.Fuzz(func(t *testing.T, s []byte) {
		for _, b := range [][]byte{AppendJSONString(nil, s), appendCommJSON(nil, s)} {
			if !json.Valid(b) {
				t.Fatalf("%q -> invalid %s", s, b)
			}
		}
		if utf8.Valid(s) {
			var got string
			if err := json.Unmarshal(AppendJSONString(nil, s), &got); err != nil || got != string(s) {
				t.Fatalf("%q -> %q, %v", s, got, err)
			}
		}
	})
}

// TestWritersAllocateNothingPerCall: the JSON writer and the text writer
// with every option on reuse their buffers.
func TestWritersAllocateNothingPerCall(t *testing.T) {
	th := thread(1, 1, "x")
	dec := decRead
	args := &Args{1, 2}
	ev := &Event{Time: time.Now()}
	for name, w := range map[string]Writer{
		"json": NewJSON(&bytes.Buffer{}, Config{}),
		"text": NewTextConfig(&bytes.Buffer{}, Config{Time: TimeMicros, Durations: true,
			Colors: Colors{Name: [2]string{"\x1b[1m", "\x1b[0m"}, Error: [2]string{"\x1b[31m", "\x1b[0m"}}}),
		"text-failed": NewTextConfig(&bytes.Buffer{}, Config{Status: StatusFailed}),
	} {
		allocs := testing.AllocsPerRun(1000, func() {
			c := w.CallAt(ev, th, "read", dec, args, nil)
			c2 := w.CallAt(ev, th, "read", dec, args, nil)
			w.ReturnAt(ev, c, -2, nil)
			w.ReturnAt(ev, c2, 5, nil)
			_ = w.Flush()
		})
		assert.Zero(t, allocs, name)
	}
}

var _ = printers.DefaultColumn

// stateDec keeps a value in its call state at entry and prints it at exit.
type stateDec struct{}

func (stateDec) Enter(b []byte, _ *Args, st *printers.CallState, _ printers.Mem, _ *printers.Options) []byte {
	st.V[0], st.Valid = 77, true
	return append(b, "s("...)
}

func (stateDec) Exit(b []byte, _ *Args, st *printers.CallState, _ int64, _ printers.Mem, _ *printers.Options) []byte {
	return append(printers.AppendUint(b, st.V[0]), ") = 0"...)
}

func (stateDec) NoReturn() bool { return false }

// TestDecoderStateReachesExit: what a decoder keeps in its call state at
// entry is there at exit, whatever the writer and its mode.
func TestDecoderStateReachesExit(t *testing.T) {
	for name, mk := range map[string]func(*bytes.Buffer) Writer{
		"text": func(b *bytes.Buffer) Writer { return NewTextConfig(b, Config{Print: printers.Options{Column: -1}}) },
		"text-filtered": func(b *bytes.Buffer) Writer {
			return NewTextConfig(b, Config{Status: StatusSuccessful, Print: printers.Options{Column: -1}})
		},
		"json": func(b *bytes.Buffer) Writer { return NewJSON(b, Config{}) },
	} {
		var out bytes.Buffer
		w := mk(&out)
		ev := &Event{}
		args := &Args{}
		c := w.CallAt(ev, thread(1, 1, "x"), "s", stateDec{}, args, nil)
		*args = Args{} // the tracer reuses its arguments for the next call
		w.ReturnAt(ev, c, 0, nil)
		require.NoError(t, w.Flush())
		assert.Contains(t, out.String(), "77", name)
	}
}

// lineDumper dumps every read as two lines.
type lineDumper struct{}

func (lineDumper) AppendDump(b []byte, name string, _ *Args, ret int64, failed bool, _ printers.Mem) []byte {
	if name != "read" || failed {
		return b
	}
	return append(b, " * 3 bytes in buffer 0\n | 00000  61 62 63    abc |\n"...)
}

// TestJSONDump: under -e read=/write= a returned call's object carries
// strace's dump lines in "dump"; a call not dumped has no such field.
func TestJSONDump(t *testing.T) {
	var out bytes.Buffer
	w := NewJSON(&out, Config{Dump: lineDumper{}})
	ev := &Event{Time: time.Unix(0, 0)}
	th := thread(1, 1, "x")
	w.ReturnAt(ev, w.CallAt(ev, th, "read", decRead, &Args{3, 0x1000, 3}, nil), 3, nil)
	w.ReturnAt(ev, w.CallAt(ev, th, "close", decRead, &Args{3}, nil), 0, nil)
	require.NoError(t, w.Flush())
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 2)
	var rec struct {
		Dump []string `json:"dump"`
	}
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &rec), lines[0])
	assert.Equal(t, []string{" * 3 bytes in buffer 0", " | 00000  61 62 63    abc |"}, rec.Dump)
	assert.NotContains(t, lines[1], `"dump"`)
}
