package text

import (
	"bytes"
	"io"
	"text/tabwriter"
)

// NewTable returns a writer of aligned text columns (cells separated by tabs) whose output lines carry
// no trailing spaces. Control characters in cells are escaped before the columns are measured, so that
// an escaped name keeps its column aligned. Callers must Flush it.
func NewTable(w io.Writer) *Table {
	tw := tabwriter.NewWriter(&trimWriter{w: w}, 0, 0, 2, ' ', 0)
	return &Table{ControlEscaper: NewControlEscaper(tw), tw: tw}
}

// Table is the writer NewTable returns.
type Table struct {
	*ControlEscaper
	tw *tabwriter.Writer
}

// Flush writes out the aligned columns.
func (t *Table) Flush() error {
	if err := t.ControlEscaper.Flush(); err != nil {
		return err
	}
	return t.tw.Flush()
}

// trimWriter drops spaces before each newline.
type trimWriter struct {
	w       io.Writer
	pending int // spaces held back
}

func (t *trimWriter) Write(p []byte) (int, error) {
	var out bytes.Buffer
	for _, c := range p {
		switch c {
		case ' ':
			t.pending++
			continue
		case '\n':
			t.pending = 0
		default:
			out.Write(bytes.Repeat([]byte{' '}, t.pending))
			t.pending = 0
		}
		out.WriteByte(c)
	}
	if _, err := t.w.Write(out.Bytes()); err != nil {
		return 0, err
	}
	return len(p), nil
}
