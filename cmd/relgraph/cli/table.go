package cli

import (
	"bytes"
	"io"
	"text/tabwriter"
)

// newTable returns a tabwriter for aligned text columns whose output lines carry no trailing spaces.
// Callers must Flush it.
func newTable(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(&trimWriter{w: w}, 0, 0, 2, ' ', 0)
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
