package output

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// SummaryRow is one system call's counts for strace's -c table.
type SummaryRow struct {
	Name   string
	Calls  uint64        // calls that returned
	Errors uint64        // of those, failed
	Time   time.Duration // call to return, as the tracer saw them
}

// SortSummary orders rows as strace does: by time, then by name.
func SortSummary(rows []SummaryRow) {
	slices.SortFunc(rows, func(a, b SummaryRow) int {
		return cmp.Or(cmp.Compare(b.Time, a.Time), cmp.Compare(a.Name, b.Name))
	})
}

// WriteSummary writes strace's -c table of rows, in their order, and the
// total row:
//
//	% time     seconds  usecs/call     calls    errors syscall
//	------ ----------- ----------- --------- --------- ----------------
//	 63.75    0.000779          22        35        17 openat
//	------ ----------- ----------- --------- --------- ----------------
//	100.00    0.000779          22        35        17 total
func WriteSummary(w io.Writer, rows []SummaryRow) error {
	bw := bufio.NewWriter(w)
	width := 16
	var total SummaryRow
	for _, r := range rows {
		width = max(width, len(r.Name)+1)
		total.Calls += r.Calls
		total.Errors += r.Errors
		total.Time += r.Time
	}
	total.Name = "total"
	dashes := "------ ----------- ----------- --------- --------- " + strings.Repeat("-", width) + "\n"
	fmt.Fprintf(bw, "%6.6s %11.11s %11.11s %9.9s %9.9s %s\n", "% time", "seconds", "usecs/call", "calls", "errors", "syscall")
	bw.WriteString(dashes) //nolint:errcheck // Flush reports it
	for _, r := range rows {
		pct := 0.0
		if total.Time > 0 {
			pct = 100 * float64(r.Time) / float64(total.Time)
		}
		summaryLine(bw, pct, r)
	}
	bw.WriteString(dashes) //nolint:errcheck
	summaryLine(bw, 100, total)
	return bw.Flush()
}

func summaryLine(w io.Writer, pct float64, r SummaryRow) {
	var perCall uint64
	if r.Calls > 0 {
		perCall = uint64(r.Time/time.Microsecond) / r.Calls
	}
	errs := ""
	if r.Errors > 0 {
		errs = fmt.Sprint(r.Errors)
	}
	fmt.Fprintf(w, "%6.2f %11.6f %11d %9d %9s %s\n", pct, r.Time.Seconds(), perCall, r.Calls, errs, r.Name)
}

// WriteSummaryJSON writes the rows as JSON lines, event "summary", and a
// last one for the total (syscall "total").
func WriteSummaryJSON(w io.Writer, rows []SummaryRow) error {
	bw := bufio.NewWriter(w)
	total := SummaryRow{Name: "total"}
	for _, r := range rows {
		total.Calls += r.Calls
		total.Errors += r.Errors
		total.Time += r.Time
	}
	for _, r := range append(rows, total) {
		b := append([]byte(`{"event":"summary","syscall":`), AppendJSONString(nil, r.Name)...)
		fmt.Fprintf(bw, `%s,"calls":%d,"errors":%d,"time_ns":%d}`+"\n", b, r.Calls, r.Errors, r.Time.Nanoseconds())
	}
	return bw.Flush()
}
