package export

import (
	"bufio"
	"encoding/xml"
	"io"
)

// xmlWriter writes XML by hand, escaping every text and attribute value with encoding/xml. It keeps
// the first write error; callers check it once at the end.
type xmlWriter struct {
	w   *bufio.Writer
	err error
}

func newXMLWriter(w io.Writer) *xmlWriter { return &xmlWriter{w: bufio.NewWriterSize(w, 64<<10)} }

// raw writes s as it is (markup the caller knows to be well-formed).
func (x *xmlWriter) raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

// escaped writes s escaped for XML text and attribute values: &, <, >, quotes, tabs and line breaks
// become character references, so an attribute value keeps its newlines. Characters XML cannot hold
// (most control characters) become U+FFFD.
func (x *xmlWriter) escaped(s string) {
	if x.err == nil {
		x.err = xml.EscapeText(x.w, []byte(s))
	}
}

// attr writes ` name="value"`.
func (x *xmlWriter) attr(name, value string) {
	x.raw(" ")
	x.raw(name)
	x.raw(`="`)
	x.escaped(value)
	x.raw(`"`)
}

// element writes <name>text</name> on its own line, indented.
func (x *xmlWriter) element(indent, name, text string) {
	x.raw(indent + "<" + name + ">")
	x.escaped(text)
	x.raw("</" + name + ">\n")
}

func (x *xmlWriter) flush() error {
	if x.err == nil {
		x.err = x.w.Flush()
	}
	return x.err
}
