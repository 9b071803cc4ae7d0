package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"slices"
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
// every value comes back as it was; other apostrophes are left alone. A line break inside a quoted
// field is kept as written (CRLF stays CRLF).
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
	roles   []graph.Role
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

// declared implements part: a CSV file declares no kinds.
func (c *csvFile) declared() declarations { return declarations{} }

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
			l.ID, l.Attrs, l.Sources, l.Roles = x.id, x.attrs, x.sources, x.roles
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
