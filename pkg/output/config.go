package output

import (
	"strconv"
	"time"

	"github.com/guestrace/guestrace/pkg/printers"
)

// Config is how a writer prints, beyond the decoders' own options.
type Config struct {
	Print printers.Options
	// Time is strace's -t, -tt and -ttt: the host's clock at each event.
	Time TimeFormat
	// Relative is strace's -r: each line starts with the time since the
	// previous line's (with -t, after the time, as "(+ 0.000123)").
	Relative bool
	// Dump writes -e read= and -e write= dumps after the lines of the
	// calls it dumps; nil dumps nothing.
	Dump Dumper
	// Durations is strace's -T: the time from the call to its return as
	// the tracer saw them (the guest stops at both), after the line.
	Durations bool
	// Status prints only the calls that ended as it says, each whole on
	// one line once it has ended. Zero prints every call as it happens.
	Status Status
	// Colors surround the names of calls and the returns of failed calls.
	Colors Colors
	// Now is the clock for lines that have no event of their own (calls
	// lost at detach); time.Now when nil.
	Now func() time.Time
}

func (c *Config) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// filtered reports whether a status filter is in force.
func (c *Config) filtered() bool { return c.Status != 0 && c.Status != StatusAll }

// TimeFormat is the form of the time stamp that starts each line.
type TimeFormat uint8

const (
	TimeNone    TimeFormat = iota
	TimeSeconds            // -t: 15:04:05
	TimeMicros             // -tt: 15:04:05.123456
	TimeEpoch              // -ttt: 1795906913.565341 (Unix time)
)

// appendStamp appends the time stamp and its space, in t's location.
func appendStamp(b []byte, f TimeFormat, t time.Time) []byte {
	switch f {
	case TimeSeconds:
		b = t.AppendFormat(b, "15:04:05")
	case TimeMicros:
		b = t.AppendFormat(b, "15:04:05.000000")
	case TimeEpoch:
		b = strconv.AppendInt(b, t.Unix(), 10)
		b = append(b, '.')
		b = appendPadded(b, uint64(t.Nanosecond()/1000), 6)
	default:
		return b
	}
	return append(b, ' ')
}

// appendRelative appends -r's stamp: "%6d.%06d " of the time since the
// previous line or, after a -t stamp, "(+%6d.%06d) ".
func appendRelative(b []byte, f TimeFormat, t time.Time, d time.Duration) []byte {
	d = max(d, 0)
	if f != TimeNone {
		b = appendStamp(b, f, t)
		b = append(b, "(+"...)
	}
	var s [20]byte
	secs := strconv.AppendInt(s[:0], int64(d/time.Second), 10)
	for i := len(secs); i < 6; i++ {
		b = append(b, ' ')
	}
	b = append(b, secs...)
	b = append(b, '.')
	b = appendPadded(b, uint64(d%time.Second/time.Microsecond), 6)
	if f != TimeNone {
		b = append(b, ')')
	}
	return append(b, ' ')
}

// appendDuration appends strace's -T field: " <0.000123>".
func appendDuration(b []byte, d time.Duration) []byte {
	d = max(d, 0)
	b = append(b, " <"...)
	b = strconv.AppendInt(b, int64(d/time.Second), 10)
	b = append(b, '.')
	b = appendPadded(b, uint64(d%time.Second/time.Microsecond), 6)
	return append(b, '>')
}

// appendPadded appends v in decimal with leading zeros to width digits.
func appendPadded(b []byte, v uint64, width int) []byte {
	var d [20]byte
	s := strconv.AppendUint(d[:0], v, 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// Status is a set of ways a call can end (strace's -e status=).
type Status uint8

const (
	StatusSuccessful Status = 1 << iota // returned, not an error
	StatusFailed                        // returned an error
	StatusUnfinished                    // never returned: exit_group, thread death
	StatusDetached                      // in progress when guestrace detached
	StatusAll        = StatusSuccessful | StatusFailed | StatusUnfinished | StatusDetached
)

var statusNames = [...]string{"successful", "failed", "unfinished", "detached"}

// ParseStatus returns the status strace calls name; "all" is every one.
func ParseStatus(name string) (Status, bool) {
	if name == "all" {
		return StatusAll, true
	}
	for i, n := range statusNames {
		if n == name {
			return 1 << i, true
		}
	}
	return 0, false
}

func (s Status) String() string {
	var b []byte
	for i, n := range statusNames {
		if s&(1<<i) != 0 {
			if len(b) > 0 {
				b = append(b, ',')
			}
			b = append(b, n...)
		}
	}
	return string(b)
}

func lostStatus(why string) Status {
	if why == "detached" {
		return StatusDetached
	}
	return StatusUnfinished
}

// Colors are terminal escape sequences: each pair starts and ends a
// color. The zero value prints no color.
type Colors struct {
	Name  [2]string // a call's name
	Error [2]string // a failed call's return
}

func (c *Colors) on() bool { return c.Name[0] != "" || c.Error[0] != "" }
