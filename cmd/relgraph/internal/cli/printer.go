package cli

import (
	"bytes"
	"io"

	"github.com/relgraph/relgraph/render/jsonout"
	"github.com/relgraph/relgraph/render/text"
)

// printer writes a command's answer: to standard output or to -o's file (written in full or not at
// all), as JSON under --format json, else as text with its control characters escaped, coloured when
// the output is a terminal that wants colours. Its settings come from the global flags
// (configure); a stream that may run long goes through stream (stream.go).
type printer struct {
	stdout     io.Writer
	getenv     func(string) string
	isTerminal func(io.Writer) bool

	format  string // "text" or "json"
	output  string // -o: a file name; "" or "-" for standard output
	noColor bool
}

// newPrinter returns the printer of env; configure sets it up from the global flags.
func newPrinter(env Env) *printer {
	return &printer{stdout: env.Stdout, getenv: env.Getenv, isTerminal: env.IsTerminal, format: "text"}
}

// configure takes the output settings of validated global options.
func (p *printer) configure(o *globalOptions) {
	p.format, p.output, p.noColor = o.format, o.output, o.noColor
}

// isJSON reports whether the answer is to be JSON.
func (p *printer) isJSON() bool { return p.format == "json" }

// toFile reports whether -o names a file.
func (p *printer) toFile() bool { return p.output != "" && p.output != "-" }

// stdoutIsTerminal reports whether standard output is a terminal.
func (p *printer) stdoutIsTerminal() bool { return p.isTerminal != nil && p.isTerminal(p.stdout) }

// colour reports whether text output may carry colours: standard output is a terminal, output is not
// going to a file, and neither --no-color nor the NO_COLOR environment variable says otherwise.
func (p *printer) colour() bool {
	if p.noColor || p.toFile() || !p.stdoutIsTerminal() {
		return false
	}
	return p.getenv == nil || p.getenv("NO_COLOR") == ""
}

// toStdout returns a printer like p that writes to standard output whatever -o says (import's -o is
// the dataset it writes, not its answer).
func (p *printer) toStdout() *printer {
	c := *p
	c.output = ""
	return &c
}

// emit writes a command's result: JSON when --format json, else the text the write function produces,
// with control characters escaped (text.EscapeControls). With -o the output goes to a file, written
// in full or not at all.
func (p *printer) emit(v any, text func(w io.Writer) error) error {
	return p.emitStyled(v, text, nil)
}

// emitStyled is emit with a style function (colours) applied to the text after it has been escaped,
// so that the style's own escape sequences are the only ones that reach the terminal.
func (p *printer) emitStyled(v any, write func(w io.Writer) error, style func([]byte) []byte) error {
	var buf bytes.Buffer
	if p.isJSON() {
		if err := jsonout.Encode(&buf, v); err != nil {
			return err
		}
		return p.writeOutput(buf.Bytes())
	}
	if err := write(&buf); err != nil {
		return err
	}
	out := text.EscapeControls(buf.Bytes())
	if style != nil {
		out = style(out)
	}
	return p.writeOutput(out)
}

// writeOutput writes b to -o's file (atomically: a temporary file renamed into place) or to stdout.
func (p *printer) writeOutput(b []byte) error {
	if !p.toFile() {
		_, err := p.stdout.Write(b)
		return err
	}
	return writeFileAtomic(p.output, b)
}

func writeFileAtomic(name string, b []byte) error {
	return writeFileStream(name, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}
