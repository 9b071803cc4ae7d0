package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
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
func (a *app) stream(isText bool, write func(w io.Writer) error) error {
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
	if a.output != "" && a.output != "-" {
		var own error
		err := writeFileStream(a.output, func(w io.Writer) error {
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
	bw := bufio.NewWriterSize(a.env.Stdout, 1<<16)
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

// jsonList writes, a part at a time, a JSON object one of whose top-level fields is a list, in the
// layout of emit's encoder (two-space indent, no HTML escaping): Begin writes the fields before the
// list, Add one item, End the fields after it. The object is given to Begin and End with the list
// empty; its other fields before the list must be the same in both.
type jsonList struct {
	w     io.Writer
	field string // the list's JSON name
	n     int    // items written
	begun bool
	buf   bytes.Buffer
}

// errNoListField reports that the object given to a jsonList lacks its list field, or has it filled.
var errNoListField = errors.New("the object has no empty list field to stream into")

// marker returns the bytes of the empty list field in the encoded object.
func (j *jsonList) marker() []byte { return []byte("\n  \"" + j.field + "\": []") }

// encode writes v as emit's encoder would, with every line after the first indented by prefix.
func (j *jsonList) encode(v any, prefix string) ([]byte, error) {
	j.buf.Reset()
	enc := json.NewEncoder(&j.buf)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return j.buf.Bytes(), nil
}

// split encodes v and returns what comes before and after its empty list (the brackets excluded).
func (j *jsonList) split(v any) (before, after []byte, err error) {
	b, err := j.encode(v, "")
	if err != nil {
		return nil, nil, err
	}
	m := j.marker()
	i := bytes.Index(b, m)
	if i < 0 {
		return nil, nil, fmt.Errorf("field %q: %w", j.field, errNoListField)
	}
	cut := i + len(m) - 1 // at the closing bracket
	return b[:cut], b[cut+1:], nil
}

// Begin writes the object v up to the opening bracket of its list. It does nothing when called again.
func (j *jsonList) Begin(v any) error {
	if j.begun {
		return nil
	}
	before, _, err := j.split(v)
	if err != nil {
		return err
	}
	j.begun = true
	_, err = j.w.Write(before)
	return err
}

// Add writes one item of the list.
func (j *jsonList) Add(item any) error {
	b, err := j.encode(item, "    ")
	if err != nil {
		return err
	}
	sep := ",\n    "
	if j.n == 0 {
		sep = "\n    "
	}
	j.n++
	if _, err := io.WriteString(j.w, sep); err != nil {
		return err
	}
	_, err = j.w.Write(bytes.TrimSuffix(b, []byte("\n")))
	return err
}

// End closes the list and writes the rest of the object v (Begin first, if it was not called).
func (j *jsonList) End(v any) error {
	if err := j.Begin(v); err != nil {
		return err
	}
	_, after, err := j.split(v)
	if err != nil {
		return err
	}
	closing := "]"
	if j.n > 0 {
		closing = "\n  ]"
	}
	if _, err := io.WriteString(j.w, closing); err != nil {
		return err
	}
	_, err = j.w.Write(after)
	return err
}
