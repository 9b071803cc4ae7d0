package native

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/relgraph/relgraph/graph"
)

// The files of a native dataset directory.
const (
	ActorsFile  = "actors.csv"
	LinksFile   = "links.csv"
	DatasetFile = "dataset.yaml"
)

// ListSeparator separates the items of a list cell (aliases, route).
const ListSeparator = "|"

// Options chooses the dialect the writer writes. Both load back the same.
type Options struct {
	// Import writes the CSV pair as an import does: only the columns an import fills (Field.Imported);
	// every attribute in a column of its own; a link's sign, weight and certainty left empty when they
	// are the defaults (the kind's sign, graph.DefaultWeight, reported); cells as they are, without
	// the formula escape; lists joined by '|' without the JSON form; and a cell quoted only when it
	// holds a comma, a quote or a line break or has a space at either end.
	//
	// Without it the writer writes what `relgraph export --as csv` writes: every column; attributes in
	// columns of their own except those the attrs JSON column must carry (see attrColumns); every
	// value; the formula escape on every cell (EscapeCell); a list as a JSON list when an item could
	// not survive '|'; a cell quoted as encoding/csv quotes it (a comma, a quote or a line break, a
	// space first, or the text \.); and the id of a link only when it differs from the id the loader
	// derives.
	Import bool
}

// WriteActors writes actors.csv: a header row, then the row of actor(i) for i in [0, n). actor may
// return the same value each time, filled anew: the writer is done with it before the next call. It
// is called twice for each actor (the first pass collects the attribute names).
func WriteActors(w io.Writer, n int, actor func(i int) *graph.Actor, o Options) error {
	fixed := actorColumns(o)
	seen := map[string]bool{}
	for i := range n {
		for k := range actor(i).Attrs {
			seen[k] = true
		}
	}
	cols, viaJSON := attrColumns(slices.Sorted(maps.Keys(seen)), fixed, o)
	needJSON := false
	for i := 0; i < n && viaJSON != nil && !needJSON; i++ {
		needJSON = hasJSONAttrs(actor(i).Attrs, viaJSON)
	}
	cw := newCSVWriter(w, o)
	cw.header(fixed, cols, needJSON)
	for i := range n {
		a := actor(i)
		cw.field(a.ID)
		cw.field(a.Name)
		cw.field(a.Kind)
		cw.field(a.In)
		cw.list(a.Aliases)
		if !o.Import {
			cw.field(a.StandsFor)
			cw.date(a.Start)
			cw.date(a.End)
			cw.list(a.Route)
			cw.field(a.RouteKind)
			if a.Certainty != graph.Reported {
				cw.field(a.Certainty.String())
			} else {
				cw.empty()
			}
			cw.sources(a.Sources)
		}
		cw.attrs(a.Attrs, cols, needJSON, viaJSON)
		cw.end()
	}
	return cw.flush()
}

// WriteLinks writes links.csv: a header row, then the row of each link that fill(i, l) puts into l,
// for i in [0, n). fill returns the sign of the link's kind, which an import leaves out when the link
// has it. Like WriteActors, it calls fill twice for each link.
func WriteLinks(w io.Writer, n int, fill func(i int, l *graph.Link) (kindSign int8), o Options) error {
	fixed := linkColumns(o)
	var l graph.Link
	seen := map[string]bool{}
	for i := range n {
		fill(i, &l)
		for k := range l.Attrs {
			seen[k] = true
		}
	}
	cols, viaJSON := attrColumns(slices.Sorted(maps.Keys(seen)), fixed, o)
	needJSON := false
	for i := 0; i < n && viaJSON != nil && !needJSON; i++ {
		fill(i, &l)
		needJSON = hasJSONAttrs(l.Attrs, viaJSON)
	}
	cw := newCSVWriter(w, o)
	cw.header(fixed, cols, needJSON)
	for i := range n {
		kindSign := fill(i, &l)
		cw.field(l.Kind)
		cw.field(l.From)
		cw.field(l.To)
		cw.date(l.Start)
		cw.date(l.End)
		cw.date(l.On)
		if o.Import && l.Sign == kindSign {
			cw.empty()
		} else {
			cw.integer(int(l.Sign))
		}
		if o.Import && l.Weight == graph.DefaultWeight {
			cw.empty()
		} else {
			cw.number(l.Weight)
		}
		if o.Import && l.Certainty == graph.Reported {
			cw.empty()
		} else {
			cw.field(l.Certainty.String())
		}
		if !o.Import {
			if l.ID == graph.DeriveLinkID(l.Kind, l.From, l.To, l.Directed, l.When()) {
				cw.empty()
			} else {
				cw.field(l.ID)
			}
			cw.sources(l.Sources)
			cw.field(RolesCell(l.Roles))
		}
		cw.attrs(l.Attrs, cols, needJSON, viaJSON)
		cw.end()
	}
	return cw.flush()
}

// actorColumns and linkColumns return the fixed columns a dialect writes, in order; attrs, which
// comes last when a row needs it, is not among them.
func actorColumns(o Options) []string { return fixedColumns(actorFields[:], o) }

func linkColumns(o Options) []string { return fixedColumns(linkFields[:], o) }

func fixedColumns(fields []Field, o Options) []string {
	return filter(fields, func(f Field) bool { return f.Type != Attrs && (f.Imported || !o.Import) })
}

// attrColumns splits attribute names into those that get a column of their own and those that go into
// the attrs JSON column: names that a reader would take for a fixed column (ignoring case and
// surrounding spaces), that repeat another column's name in another case, or that are empty. With
// o.Import every name gets a column (an import's attribute names are never column names). viaJSON is
// nil when no name goes to the attrs column and no value needs it.
func attrColumns(names, fixed []string, o Options) (cols []string, viaJSON map[string]bool) {
	if o.Import {
		return names, nil
	}
	taken := map[string]bool{"attrs": true}
	for _, f := range fixed {
		taken[f] = true
	}
	viaJSON = map[string]bool{}
	for _, n := range names {
		key := strings.ToLower(n)
		if n == "" || n != strings.TrimSpace(n) || taken[key] {
			viaJSON[n] = true
			continue
		}
		taken[key] = true
		cols = append(cols, n)
	}
	return cols, viaJSON
}

// hasJSONAttrs reports whether attrs holds an attribute the attrs JSON column must carry: one without
// a column of its own, or one whose value is empty (an empty cell means the item lacks the attribute).
func hasJSONAttrs(attrs map[string]string, viaJSON map[string]bool) bool {
	for k, v := range attrs {
		if viaJSON[k] || v == "" {
			return true
		}
	}
	return false
}

// jsonAttrs returns the attrs-column JSON of attrs (see hasJSONAttrs), or "" when there is nothing for it.
func jsonAttrs(attrs map[string]string, viaJSON map[string]bool) string {
	var m map[string]string
	for k, v := range attrs {
		if viaJSON[k] || v == "" {
			if m == nil {
				m = map[string]string{}
			}
			m[k] = v
		}
	}
	if m == nil {
		return ""
	}
	return jsonText(m)
}

// jsonText encodes v as compact JSON without HTML escaping.
func jsonText(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil { // unreachable for the types encoded here
		panic(fmt.Sprintf("native: encoding %T: %v", v, err))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// csvWriter writes RFC 4180 records in one of the dialects. Fields are appended to a line buffer and
// the line is written by end.
type csvWriter struct {
	w   *bufio.Writer
	o   Options
	buf []byte
	n   int // fields in buf
}

func newCSVWriter(w io.Writer, o Options) *csvWriter {
	return &csvWriter{w: bufio.NewWriterSize(w, 1<<16), o: o}
}

// needsQuotes reports whether a cell must be quoted in the writer's dialect.
func (c *csvWriter) needsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if c.o.Import {
		if f[0] == ' ' || f[len(f)-1] == ' ' {
			return true
		}
	} else if f == `\.` {
		return true
	}
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case ',', '"', '\r', '\n':
			return true
		}
	}
	if c.o.Import {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f)
	return unicode.IsSpace(r)
}

func (c *csvWriter) sep() {
	if c.n > 0 {
		c.buf = append(c.buf, ',')
	}
	c.n++
}

// field appends a text cell, escaped and quoted as the dialect wants.
func (c *csvWriter) field(f string) {
	if !c.o.Import {
		f = EscapeCell(f)
	}
	c.sep()
	if !c.needsQuotes(f) {
		c.buf = append(c.buf, f...)
		return
	}
	c.buf = append(c.buf, '"')
	for j := 0; j < len(f); j++ {
		if f[j] == '"' {
			c.buf = append(c.buf, '"')
		}
		c.buf = append(c.buf, f[j])
	}
	c.buf = append(c.buf, '"')
}

// date appends d as written in datasets (2016, 2016-08, 2016-08-08); the zero Date is empty.
func (c *csvWriter) date(d graph.Date) {
	c.sep()
	c.buf = d.Append(c.buf)
}

func (c *csvWriter) number(f float64) {
	c.sep()
	c.buf = strconv.AppendFloat(c.buf, f, 'g', -1, 64)
}

func (c *csvWriter) integer(n int) {
	c.sep()
	c.buf = strconv.AppendInt(c.buf, int64(n), 10)
}

func (c *csvWriter) empty() { c.sep() }

// list appends a list cell (see listCell).
func (c *csvWriter) list(items []string) { c.field(listCell(items, c.o)) }

// listCell returns a list cell: items joined by '|' or, outside the import dialect, a JSON list when
// an item could not survive that (it holds '|', starts the list with '[', has surrounding spaces, or
// is empty).
func listCell(items []string, o Options) string {
	if len(items) == 0 {
		return ""
	}
	if !o.Import {
		for i, s := range items {
			if !plainItem(s, i == 0) {
				return jsonText(items)
			}
		}
	}
	return strings.Join(items, ListSeparator)
}

// plainItem reports whether a list item survives being joined by '|'.
func plainItem(s string, first bool) bool {
	return s != "" && s == strings.TrimSpace(s) && !strings.Contains(s, ListSeparator) && !(first && strings.HasPrefix(s, "["))
}

// sources appends a sources cell: a JSON list, or empty when there are none.
func (c *csvWriter) sources(s []graph.Source) {
	if len(s) == 0 {
		c.empty()
		return
	}
	c.field(jsonText(CellSources(s)))
}

// attrs appends the attribute cells of a row: one per column in cols and, with needJSON, the attrs
// JSON cell for what the columns cannot hold.
func (c *csvWriter) attrs(attrs map[string]string, cols []string, needJSON bool, viaJSON map[string]bool) {
	for _, k := range cols {
		c.field(attrs[k])
	}
	if needJSON {
		c.field(jsonAttrs(attrs, viaJSON))
	}
}

// header writes the header row.
func (c *csvWriter) header(fixed, cols []string, needJSON bool) {
	for _, f := range fixed {
		c.field(f)
	}
	for _, f := range cols {
		c.field(f)
	}
	if needJSON {
		c.field("attrs")
	}
	c.end()
}

// end writes the line. A line of one empty field is written as "" so that it is not a blank line.
func (c *csvWriter) end() {
	if c.n == 1 && len(c.buf) == 0 {
		c.buf = append(c.buf, `""`...)
	}
	c.buf = append(c.buf, '\n')
	c.w.Write(c.buf)
	c.buf, c.n = c.buf[:0], 0
}

func (c *csvWriter) flush() error { return c.w.Flush() }
