package cli

import (
	"bufio"
	"io"

	"github.com/relgraph/relgraph/render/text"
)

// Streamed output. emit holds a command's whole answer before writing it; an answer that may run to
// millions of lines (every path of a dense graph) is written as it is produced instead, with the same
// bytes as emit would write: text through a control-character escaper, JSON in the encoder's layout,
// and -o's file written in full or not at all.

// stream runs write on the command's output: standard output, or -o's file (written whole when write
// succeeds, not at all when it fails: writeFileStream). With isText set, what write writes has its
// control characters escaped (text.NewControlEscaper), as emit escapes text. An error of write's
// own (a query that fails before its first line) is returned as it is, one of the output's with the
// name of the file.
func (p *printer) stream(isText bool, write func(w io.Writer) error) error {
	to := func(w io.Writer) error {
		if !isText {
			return write(w)
		}
		esc := text.NewControlEscaper(w)
		if err := write(esc); err != nil {
			return err
		}
		return esc.Flush()
	}
	if p.toFile() {
		var own error
		err := writeFileStream(p.output, func(w io.Writer) error {
			ow := &outputWriter{w: w}
			err := to(ow)
			if err != nil && ow.err == nil {
				own = err
			}
			return err
		})
		if own != nil {
			return own
		}
		return err
	}
	bw := bufio.NewWriterSize(p.stdout, 1<<16)
	err := to(bw)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	return err
}

// outputWriter remembers the first error of the writer it wraps, so that a failure of the output can
// be told from one of what writes to it.
type outputWriter struct {
	w   io.Writer
	err error
}

func (o *outputWriter) Write(p []byte) (int, error) {
	n, err := o.w.Write(p)
	if err != nil && o.err == nil {
		o.err = err
	}
	return n, err
}
