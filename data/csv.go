package data

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/data/disk"
	"github.com/relgraph/relgraph/data/importer"
	"github.com/relgraph/relgraph/data/native"
	"github.com/relgraph/relgraph/graph"
)

// The native CSV pair (DESIGN §2) is the bulk format of a dataset:
//
//   - actors.csv: columns id, name, kind, in, aliases and, optionally, stands_for, start, end, route,
//     route_kind, certainty, sources and attrs;
//   - links.csv: columns kind, from, to, start, end, on, sign, weight, certainty and, optionally, id,
//     sources and attrs.
//
// A header row is required; column names are matched ignoring case and surrounding spaces, and the
// columns may come in any order. Only id and kind (actors) and kind, from and to (links) must be
// present. Every other column is an attribute: its name is the attribute's name, an empty cell means
// the item lacks the attribute. Lists (aliases, route) separate their items with '|', or are a JSON
// list of strings when the cell starts with '['. sources is a JSON list of {"doc","para","note"}
// objects; attrs, a JSON object of strings, carries attributes a column cannot (names that are column
// names, empty values). An empty sign takes the kind's default, an empty weight is 1 and an empty
// certainty is reported.
//
// Problems are reported as file:line:col where line is the line the row starts on and col is the
// number of the field (its column in a spreadsheet); only malformed CSV syntax, NUL bytes and invalid
// UTF-8 are reported at their character column.
//
// Cells that a spreadsheet would run as a formula are escaped by the writer (native.EscapeCell): a
// cell that starts with =, +, -, @, a tab or a carriage return, and is not a plain number like -5 or
// +1.5, is written with an apostrophe in front ('=A1), and so is a cell that starts with apostrophes
// followed by one of those characters (''=A1 for '=A1). The reader takes one apostrophe off any cell
// that starts with one or more apostrophes followed by such a character (native.UnescapeCell), so
// every value comes back as it was; other apostrophes are left alone. A line break inside a quoted field is kept as written
// (CRLF stays CRLF).
//
// A record (a line, or the lines a quoted field spans) may hold at most importer.DefaultMaxLine bytes
// (64 MiB) and importer.MaxFields fields (65,536); a larger one is a problem that stops the reading of
// its file.

// csvMaxProblems bounds the problems reported for one CSV file before the reader gives up on it.
const csvMaxProblems = 1000

// The reserved and the required columns of the pair, from the schema in package native.
var (
	csvActorColumns  = native.ActorNames(native.CSV)
	csvLinkColumns   = native.LinkNames(native.CSV)
	csvActorRequired = native.RequiredActorColumns()
	csvLinkRequired  = native.RequiredLinkColumns()
)

// csvLink is one row of links.csv in compact form: actor ids and kinds are interned in csvFile.names.
type csvLink struct {
	start, end, on graph.Date
	weight         float64
	from, to, kind int32
	extra          int32 // index into csvFile.extras, -1 when the row has no id, attributes or sources
	sign           int8  // signUnset when the sign comes from the kind
	cert           graph.Certainty
}

// csvExtra holds the variable-size parts of a link row.
type csvExtra struct {
	id      string
	attrs   map[string]string
	sources []graph.Source
}

// csvAttrCol is a column that holds an attribute.
type csvAttrCol struct {
	index int
	name  string
}

// csvFile is what one file of the CSV pair contributes to a dataset.
type csvFile struct {
	file    string
	isLinks bool
	col     map[string]int // reserved column name → 1-based field number
	lines   []int32        // the line each item's row starts on

	actors []graph.Actor

	links  []csvLink
	extras []csvExtra
	names  []string // interned actor ids and kind names
	index  map[string]int32
	kinds  []int32  // the first link kinds interned (see internKind)
	last   [2]int32 // the last name interned for from and to
}

// readCSV loads one file of the native CSV pair (actors.csv, links.csv). Which of the two a file is
// comes from its name (…actors.csv, …links.csv) or else from its header (a from and a to column make
// a links file). Problems in the file are returned as Problems; the error is for I/O failures.
func readCSV(fsys fs.FS, file, label string) (part, Problems, error) {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", label, err)
	}
	c, ps := parseCSV(label, path.Base(file), src)
	if c == nil {
		return nil, ps, nil
	}
	return c, ps, nil
}

// csvParser reads one CSV file and collects its problems.
type csvParser struct {
	c        *csvFile
	problems Problems
	line     int  // the line of the current row
	stopped  bool // an error ended the file before its end
}

func (p *csvParser) errAt(line, col int, format string, args ...any) {
	p.problems = append(p.problems, Problem{Position: Position{File: p.c.file, Line: line, Col: col}, Message: fmt.Sprintf(format, args...)})
}

// fieldErr reports a problem in field i (0-based) of the current row.
func (p *csvParser) fieldErr(i int, format string, args ...any) {
	p.errAt(p.line, i+1, format, args...)
}

// parseCSV parses one file of the CSV pair. base is the file's name, which tells actors from links.
// It never panics; it returns a nil file when the file cannot be used at all.
func parseCSV(label, base string, src []byte) (*csvFile, Problems) {
	return parseCSVLimit(label, base, src, importer.DefaultMaxLine)
}

// parseCSVLimit is parseCSV with limit as the longest record, in bytes.
func parseCSVLimit(label, base string, src []byte, limit int) (*csvFile, Problems) {
	p := &csvParser{c: &csvFile{file: label, col: map[string]int{}}}
	if off, what := binaryAt(src); off >= 0 {
		line, col := lineCol(src, off)
		p.errAt(line, col, "not a CSV file: it holds %s", what)
		return nil, p.problems
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if len(bytes.TrimSpace(src)) == 0 {
		p.errAt(0, 0, "empty file: a CSV dataset file starts with a header row naming its columns")
		return nil, p.problems
	}
	text := string(src)
	rows := newQuotedSource(text, 1, -1, limit)
	header, _, err := rows.read()
	if err != nil {
		p.csvError(err)
		return nil, p.problems
	}
	header = slices.Clone(header)
	unescapeCells(header)
	lower := strings.ToLower(base)
	switch {
	case strings.HasSuffix(lower, "links.csv"):
		p.c.isLinks = true
	case strings.HasSuffix(lower, "actors.csv"):
	default:
		has := func(name string) bool {
			return slices.ContainsFunc(header, func(h string) bool { return strings.EqualFold(strings.TrimSpace(h), name) })
		}
		switch {
		case has("from") && has("to"):
			p.c.isLinks = true
		case has("id") && has("kind"):
		default:
			p.errAt(1, 1, "cannot tell whether this file holds actors or links: name it actors.csv or links.csv")
			return nil, p.problems
		}
	}
	attrCols, ok := p.header(header)
	if !ok {
		return nil, p.problems
	}
	if p.c.isLinks {
		p.c.index = map[string]int32{}
		p.c.last = [2]int32{-1, -1}
	}
	width := len(header)
	if quoteFree(src) {
		// Without quotes a record is a line: split the text directly, in parallel for a large links file.
		body, firstLine := text[rows.off:], rows.line
		if w := csvWorkers(len(body)); p.c.isLinks && w > 1 {
			p.readLinksParallel(body, firstLine, width, limit, w, attrCols)
			return p.c, p.problems
		}
		p.readBody(newPlainSource(body, firstLine, width, limit), width, attrCols)
		return p.c, p.problems
	}
	rows.width = width
	p.readBody(rows, width, attrCols)
	return p.c, p.problems
}

// unescapeCells takes the formula escape off the cells of a record (see the top of this file).
func unescapeCells(rec []string) {
	for i, v := range rec {
		if len(v) > 1 && v[0] == '\'' {
			rec[i] = native.UnescapeCell(v)
		}
	}
}

// readBody reads the rows of the file after its header.
func (p *csvParser) readBody(rows rowSource, width int, attrCols []csvAttrCol) {
	if s, ok := rows.(*plainSource); ok {
		n := strings.Count(s.text, "\n") + 1
		p.c.lines = make([]int32, 0, n)
		if p.c.isLinks {
			p.c.links = make([]csvLink, 0, n)
		} else {
			p.c.actors = make([]graph.Actor, 0, n)
		}
	}
	if p.c.isLinks {
		p.readLinks(rows, width, attrCols)
	} else {
		p.readActors(rows, width, attrCols)
	}
}

// csvError reports an error of the CSV reader.
func (p *csvParser) csvError(err error) {
	var pe *csv.ParseError
	var long *importer.LineTooLongError
	var wide *importer.TooManyFieldsError
	switch {
	case errors.As(err, &long):
		p.errAt(long.Line, 0, "the record is longer than %s, the most one CSV record may hold; nothing after it was read", disk.FormatSize(long.Limit))
		return
	case errors.As(err, &wide):
		p.errAt(wide.Line, 0, "the record has more than %d fields, the most one CSV record may have; nothing after it was read", importer.MaxFields)
		return
	}
	if errors.As(err, &pe) {
		p.errAt(pe.Line, pe.Column, "malformed CSV: %v", pe.Err)
		return
	}
	p.errAt(0, 0, "malformed CSV: %v", err)
}

// header maps the header's reserved columns and returns the attribute columns. It reports duplicate,
// unnamed and missing columns.
func (p *csvParser) header(header []string) ([]csvAttrCol, bool) {
	reserved, required, what := csvActorColumns, csvActorRequired, "an actors"
	if p.c.isLinks {
		reserved, required, what = csvLinkColumns, csvLinkRequired, "a links"
	}
	ok := true
	var attrCols []csvAttrCol
	seen := map[string]bool{}
	for i, h := range header {
		name := strings.TrimSpace(h)
		key := strings.ToLower(name)
		switch {
		case name == "":
			p.errAt(1, i+1, "column %d has no name", i+1)
			ok = false
			continue
		case seen[key]:
			p.errAt(1, i+1, "duplicate column %q", name)
			ok = false
			continue
		}
		seen[key] = true
		if slices.Contains(reserved, key) {
			p.c.col[key] = i + 1
		} else {
			attrCols = append(attrCols, csvAttrCol{index: i, name: name})
		}
	}
	for _, need := range required {
		if _, has := p.c.col[need]; has {
			continue
		}
		hint := ""
		var others []string
		for _, ac := range attrCols {
			others = append(others, ac.name)
		}
		if s := graph.Suggest(need, slices.Values(others)); s != "" {
			hint = fmt.Sprintf(" (is %q a misspelling?)", s)
		}
		p.errAt(1, 1, "%s file needs a %q column%s", what, need, hint)
		ok = false
	}
	return attrCols, ok
}

// next reads the next row. It returns false at the end of the file or when the file cannot be read on.
func (p *csvParser) next(rows rowSource, width int) ([]string, bool) {
	for {
		if len(p.problems) >= csvMaxProblems {
			p.errAt(p.line, 0, "too many problems; the rest of the file was not read")
			return nil, false
		}
		rec, line, err := rows.read()
		if err == io.EOF {
			return nil, false
		}
		if err != nil {
			if line, ok := fieldCountError(err); ok {
				p.line = line
				p.errAt(line, 1, "the row has %d fields, the header has %d", len(rec), width)
				continue
			}
			p.csvError(err)
			p.stopped = true
			return nil, false
		}
		unescapeCells(rec)
		p.line = line
		blank := true
		for _, f := range rec {
			if f != "" {
				blank = false
				break
			}
		}
		if blank {
			continue
		}
		return rec, true
	}
}

// fieldCountError reports whether err says that a row has the wrong number of fields, and the row's line.
func fieldCountError(err error) (int, bool) {
	var pe *csv.ParseError
	if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
		return pe.StartLine, true
	}
	return 0, false
}

// colIndex returns the 0-based index of a reserved column, or -1 when the file lacks it.
func (p *csvParser) colIndex(name string) int {
	if c, ok := p.c.col[name]; ok {
		return c - 1
	}
	return -1
}

func cell(rec []string, i int) string {
	if i < 0 {
		return ""
	}
	return rec[i]
}

func (p *csvParser) readLinks(rows rowSource, width int, attrCols []csvAttrCol) {
	c := p.c
	iID, iKind, iFrom, iTo := p.colIndex("id"), p.colIndex("kind"), p.colIndex("from"), p.colIndex("to")
	iStart, iEnd, iOn := p.colIndex("start"), p.colIndex("end"), p.colIndex("on")
	iSign, iWeight, iCert := p.colIndex("sign"), p.colIndex("weight"), p.colIndex("certainty")
	iSources, iAttrs := p.colIndex("sources"), p.colIndex("attrs")
	for {
		rec, ok := p.next(rows, width)
		if !ok {
			return
		}
		kind, from, to := strings.TrimSpace(rec[iKind]), strings.TrimSpace(rec[iFrom]), strings.TrimSpace(rec[iTo])
		if kind == "" || from == "" || to == "" {
			for _, f := range [...]struct {
				i    int
				name string
				v    string
			}{{iKind, "kind", kind}, {iFrom, "from", from}, {iTo, "to", to}} {
				if f.v == "" {
					p.fieldErr(f.i, "a link needs %s", f.name)
				}
			}
			continue
		}
		l := csvLink{kind: c.internKind(kind), from: c.internEnd(0, from), to: c.internEnd(1, to), extra: -1, sign: signUnset,
			weight: graph.DefaultWeight} // an empty weight cell is the default; "0" is 0
		l.start = p.date(rec, iStart)
		l.end = p.date(rec, iEnd)
		l.on = p.date(rec, iOn)
		if s := strings.TrimSpace(cell(rec, iSign)); s != "" {
			switch s {
			case "1", "+1":
				l.sign = 1
			case "0", "+0", "-0":
				l.sign = 0
			case "-1":
				l.sign = -1
			default:
				p.fieldErr(iSign, "sign %q is not -1, 0 or 1", s)
			}
		}
		if s := strings.TrimSpace(cell(rec, iWeight)); s != "" {
			w, err := strconv.ParseFloat(s, 64)
			if err != nil || w < 0 || math.IsInf(w, 0) || math.IsNaN(w) {
				p.fieldErr(iWeight, "weight %q is not a non-negative number", s)
				w = graph.DefaultWeight
			}
			l.weight = w
		}
		l.cert = p.certainty(rec, iCert)
		id := strings.TrimSpace(cell(rec, iID))
		srcs := p.sources(rec, iSources)
		attrs := p.attrs(rec, iAttrs, attrCols)
		if id != "" || srcs != nil || attrs != nil {
			l.extra = int32(len(c.extras))
			c.extras = append(c.extras, csvExtra{id: strings.Clone(id), attrs: attrs, sources: srcs})
		}
		c.links = append(c.links, l)
		c.lines = append(c.lines, int32(p.line))
	}
}

func (p *csvParser) readActors(rows rowSource, width int, attrCols []csvAttrCol) {
	c := p.c
	iID, iName, iKind, iIn, iAliases := p.colIndex("id"), p.colIndex("name"), p.colIndex("kind"), p.colIndex("in"), p.colIndex("aliases")
	iStands, iStart, iEnd := p.colIndex("stands_for"), p.colIndex("start"), p.colIndex("end")
	iRoute, iRouteKind, iCert := p.colIndex("route"), p.colIndex("route_kind"), p.colIndex("certainty")
	iSources, iAttrs := p.colIndex("sources"), p.colIndex("attrs")
	for {
		rec, ok := p.next(rows, width)
		if !ok {
			return
		}
		a := graph.Actor{ID: strings.TrimSpace(rec[iID]), Kind: strings.TrimSpace(rec[iKind])}
		if a.ID == "" {
			p.fieldErr(iID, "an actor needs an id")
			continue
		}
		if a.Kind == "" {
			p.fieldErr(iKind, "actor %q needs a kind (one of country, region, city, organization, company, person, infrastructure, military-unit)", a.ID)
		}
		a.Name = cell(rec, iName)
		a.In = strings.TrimSpace(cell(rec, iIn))
		a.StandsFor = strings.TrimSpace(cell(rec, iStands))
		a.Aliases = p.list(rec, iAliases)
		a.Route = p.list(rec, iRoute)
		if a.Route != nil || strings.TrimSpace(cell(rec, iRoute)) == "" {
			a.RouteKind = strings.TrimSpace(cell(rec, iRouteKind)) // else the route was reported as malformed
		}
		a.Start = p.date(rec, iStart)
		a.End = p.date(rec, iEnd)
		a.Certainty = p.certainty(rec, iCert)
		a.Sources = p.sources(rec, iSources)
		a.Attrs = p.attrs(rec, iAttrs, attrCols)
		a = cloneActorStrings(a)
		c.actors = append(c.actors, a)
		c.lines = append(c.lines, int32(p.line))
	}
}

// cloneActorStrings copies the strings of a so that they do not keep the reader's record alive.
func cloneActorStrings(a graph.Actor) graph.Actor {
	a.ID, a.Name, a.Kind = strings.Clone(a.ID), strings.Clone(a.Name), strings.Clone(a.Kind)
	a.In, a.StandsFor, a.RouteKind = strings.Clone(a.In), strings.Clone(a.StandsFor), strings.Clone(a.RouteKind)
	for i := range a.Aliases {
		a.Aliases[i] = strings.Clone(a.Aliases[i])
	}
	for i := range a.Route {
		a.Route[i] = strings.Clone(a.Route[i])
	}
	return a
}

// intern returns the number of s in c.names, adding it when new.
func (c *csvFile) intern(s string) int32 {
	i, ok := c.index[s]
	if !ok {
		s = strings.Clone(s)
		i = int32(len(c.names))
		c.names = append(c.names, s)
		c.index[s] = i
	}
	return i
}

// internEnd interns an actor id of the from (slot 0) or to (slot 1) column. The last id seen in each
// column is remembered: rows sorted by an actor repeat it.
func (c *csvFile) internEnd(slot int, s string) int32 {
	if last := c.last[slot]; last >= 0 && c.names[last] == s {
		return last
	}
	i := c.intern(s)
	c.last[slot] = i
	return i
}

// csvKindCache bounds the link kinds looked up by a linear search before the name index.
const csvKindCache = 16

// internKind interns a link kind. A file has few kinds: they are found among the first ones seen,
// sparing a look-up in the index of every name, which holds all the actors too.
func (c *csvFile) internKind(s string) int32 {
	for _, k := range c.kinds {
		if c.names[k] == s {
			return k
		}
	}
	i := c.intern(s)
	if len(c.kinds) < csvKindCache {
		c.kinds = append(c.kinds, i)
	}
	return i
}

// date parses the date in field i with graph.ParseDate, which parses the common shapes without
// allocating.
func (p *csvParser) date(rec []string, i int) graph.Date {
	s := cell(rec, i)
	if s == "" {
		return 0
	}
	d, err := graph.ParseDate(s)
	if err != nil {
		p.fieldErr(i, "%v", err)
	}
	return d
}

func (p *csvParser) certainty(rec []string, i int) graph.Certainty {
	s := strings.TrimSpace(cell(rec, i))
	if s == "" {
		return graph.Reported
	}
	c, err := graph.ParseCertainty(s)
	if err != nil {
		p.fieldErr(i, "%v", err)
	}
	return c
}

// list splits a list cell: items separated by '|' (trimmed), or a JSON list of strings.
func (p *csvParser) list(rec []string, i int) []string {
	s := cell(rec, i)
	if strings.TrimSpace(s) == "" {
		return nil
	}
	if strings.HasPrefix(strings.TrimSpace(s), "[") {
		var out []string
		if err := json.Unmarshal([]byte(s), &out); err != nil {
			p.fieldErr(i, "want items separated by '|' or a JSON list of strings: %v", err)
			return nil
		}
		return out
	}
	out := strings.Split(s, "|")
	for j := range out {
		out[j] = strings.TrimSpace(out[j])
		if out[j] == "" {
			p.fieldErr(i, "empty item %d in %q", j+1, s)
		}
	}
	return out
}

// sources parses a JSON list of {"doc","para","note"} objects.
func (p *csvParser) sources(rec []string, i int) []graph.Source {
	s := cell(rec, i)
	if strings.TrimSpace(s) == "" {
		return nil
	}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	var out []graph.Source
	if err := dec.Decode(&out); err != nil {
		p.fieldErr(i, "sources: want a JSON list like [{\"doc\":\"d\",\"para\":3,\"note\":\"…\"}]: %v", err)
		return nil
	}
	if dec.More() {
		p.fieldErr(i, "sources: unexpected text after the JSON list")
		return nil
	}
	for j, src := range out {
		if src.Doc == "" {
			p.fieldErr(i, "sources[%d]: a source needs doc (a document id)", j)
		}
	}
	return out
}

// attrs collects the attribute columns and the attrs JSON object of a row; nil when there are none.
func (p *csvParser) attrs(rec []string, iAttrs int, cols []csvAttrCol) map[string]string {
	var m map[string]string
	if s := cell(rec, iAttrs); strings.TrimSpace(s) != "" {
		m = p.attrsJSON(s, iAttrs)
	}
	for _, ac := range cols {
		v := rec[ac.index]
		if v == "" {
			continue
		}
		if m == nil {
			m = make(map[string]string, len(cols))
		}
		if _, dup := m[ac.name]; dup {
			p.fieldErr(ac.index, "attribute %q is given both in its column and in attrs", ac.name)
		}
		m[ac.name] = strings.Clone(v)
	}
	return m
}

// attrsJSON parses the attrs column of a row: a JSON object of strings.
func (p *csvParser) attrsJSON(s string, i int) map[string]string {
	var m map[string]string
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		p.fieldErr(i, "attrs: want a JSON object of strings like {\"value\":\"$1 billion\"}: %v", err)
		return nil
	}
	return m
}

// declared implements part: a CSV file declares no kinds.
func (c *csvFile) declared() ([]graph.LinkKind, []graph.ActorKind, []Position) { return nil, nil, nil }

// feed implements part. Links go to the builder through one reused Link value.
func (c *csvFile) feed(b *graph.Builder, k *graph.Kinds) (int, int, int) {
	b.GrowActors(len(c.actors))
	for _, a := range c.actors {
		b.AddActor(a)
	}
	if len(c.links) == 0 {
		return 0, len(c.actors), 0
	}
	b.Grow(len(c.links))
	const unknown = math.MinInt8 + 1
	defaultSign := make([]int8, len(c.names)) // by interned kind name; unknown until looked up
	for i := range defaultSign {
		defaultSign[i] = unknown
	}
	// The builder's number of each interned name that is an actor id known by now, looked up once per
	// name rather than twice per link; -1 for names it does not know (yet), which AddLink resolves.
	num := make([]int32, len(c.names))
	for i, name := range c.names {
		if n, ok := b.ActorNumber(name); ok {
			num[i] = n
		} else {
			num[i] = -1
		}
	}
	var l graph.Link
	for i := range c.links {
		r := &c.links[i]
		l = graph.Link{Kind: c.names[r.kind], From: c.names[r.from], To: c.names[r.to],
			Start: r.start, End: r.end, On: r.on, Sign: r.sign, Weight: r.weight, Certainty: r.cert}
		if l.Sign == signUnset {
			if defaultSign[r.kind] == unknown {
				lk, _ := k.Link(l.Kind)
				defaultSign[r.kind] = lk.Sign
			}
			l.Sign = defaultSign[r.kind]
		}
		if r.extra >= 0 {
			x := &c.extras[r.extra]
			l.ID, l.Attrs, l.Sources = x.id, x.attrs, x.sources
		}
		if f, t := num[r.from], num[r.to]; f >= 0 && t >= 0 {
			b.AddLinkBetween(f, t, &l)
		} else {
			b.AddLink(&l)
		}
	}
	return 0, len(c.actors), len(c.links)
}

// locate implements part: the line of the item's row and the field's column.
func (c *csvFile) locate(section string, index int, field string) Position {
	if (section == "links") != c.isLinks || index < 0 || index >= len(c.lines) {
		return Position{File: c.file}
	}
	if i := strings.IndexAny(field, ".["); i >= 0 {
		field = field[:i]
	}
	col, ok := c.col[field]
	if !ok {
		col = 1
	}
	return Position{File: c.file, Line: int(c.lines[index]), Col: col}
}
