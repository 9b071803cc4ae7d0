package jsonout

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// List writes, a part at a time, a JSON object one of whose top-level fields is a list, in the
// layout of Encode (two-space indent, no HTML escaping): Begin writes the fields before the
// list, Add one item, End the fields after it. The object is given to Begin and End with the list
// empty; its other fields before the list must be the same in both.
type List struct {
	// W receives the object.
	W io.Writer
	// Field is the list's JSON name.
	Field string

	n     int // items written
	begun bool
	buf   bytes.Buffer
}

// ErrNoListField is returned when the object given to a List lacks its list field, or has it filled.
var ErrNoListField = errors.New("the object has no empty list field to stream into")

// marker returns the bytes of the empty list field in the encoded object.
func (j *List) marker() []byte { return []byte("\n  \"" + j.Field + "\": []") }

// encode writes v as Encode would, with every line after the first indented by prefix.
func (j *List) encode(v any, prefix string) ([]byte, error) {
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
func (j *List) split(v any) (before, after []byte, err error) {
	b, err := j.encode(v, "")
	if err != nil {
		return nil, nil, err
	}
	m := j.marker()
	i := bytes.Index(b, m)
	if i < 0 {
		return nil, nil, fmt.Errorf("field %q: %w", j.Field, ErrNoListField)
	}
	cut := i + len(m) - 1 // at the closing bracket
	return b[:cut], b[cut+1:], nil
}

// Begin writes the object v up to the opening bracket of its list. It does nothing when called again.
func (j *List) Begin(v any) error {
	if j.begun {
		return nil
	}
	before, _, err := j.split(v)
	if err != nil {
		return err
	}
	j.begun = true
	_, err = j.W.Write(before)
	return err
}

// Add writes one item of the list.
func (j *List) Add(item any) error {
	b, err := j.encode(item, "    ")
	if err != nil {
		return err
	}
	sep := ",\n    "
	if j.n == 0 {
		sep = "\n    "
	}
	j.n++
	if _, err := io.WriteString(j.W, sep); err != nil {
		return err
	}
	_, err = j.W.Write(bytes.TrimSuffix(b, []byte("\n")))
	return err
}

// End closes the list and writes the rest of the object v (Begin first, if it was not called).
func (j *List) End(v any) error {
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
	if _, err := io.WriteString(j.W, closing); err != nil {
		return err
	}
	_, err = j.W.Write(after)
	return err
}
