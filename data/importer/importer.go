package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// MaxReported is how many bad rows an import keeps with their messages; the rest are only counted.
const MaxReported = 20

// Options tune Run.
type Options struct {
	// Open opens an input file as the mapping names it. When nil, files are opened from disk, relative
	// to Dir unless absolute.
	Open func(name string) (io.ReadCloser, error)
	// Dir is the directory relative file names are resolved against when Open is nil ("" = the working
	// directory).
	Dir string
	// Progress, when set, is called while a file is read with the bytes read so far and the file's size
	// (-1 when unknown), and once more at the end of the file.
	Progress func(file string, done, total int64)
	// MaxLine bounds the bytes of one record of an input file (0 means DefaultMaxLine).
	MaxLine int64
}

// RowProblem is a bad row: where it is and what is wrong with it.
type RowProblem struct {
	File string
	Line int
	// Column is the column at fault, "" for the row as a whole.
	Column  string
	Message string
}

// String formats p as `file:line: column "c": message`.
func (p RowProblem) String() string {
	if p.Column == "" {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	}
	return fmt.Sprintf("%s:%d: column %q: %s", p.File, p.Line, p.Column, p.Message)
}

// BadRows is the error Run returns when rows are bad and the mapping does not skip them. It holds the
// first MaxReported problems and the total count.
type BadRows struct {
	Problems []RowProblem
	Count    int
}

// Error implements error: a count, then one problem per line.
func (e *BadRows) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d bad row(s):", e.Count)
	for _, p := range e.Problems {
		b.WriteString("\n")
		b.WriteString(p.String())
	}
	if more := e.Count - len(e.Problems); more > 0 {
		fmt.Fprintf(&b, "\n… and %d more", more)
	}
	return b.String()
}

// Stats counts what an import read and made.
type Stats struct {
	// Files and Bytes are the input files read and their size on disk.
	Files int
	Bytes int64
	// Rows counts the data rows read (headers and blank lines excluded).
	Rows int
	// Filtered counts rows dropped by where rules.
	Filtered int
	// NoKind counts rows none of whose kind rules held (all indicator columns false).
	NoKind int
	// SelfLinks counts links from an actor to itself, which are dropped (a domestic pipeline).
	SelfLinks int
	// Bad counts bad rows; with skip_bad they are skipped, otherwise Run fails.
	Bad int
	// Collapsed counts the dates (years, with yearly rows) merged into an earlier date's spell by
	// collapse_years.
	Collapsed int
	// Repeated counts rows that repeat another row's link: the same kind, ends and date, written the
	// same way round. Repeated rows are data (two transfers in one year): their weights are added to
	// that link's. RepeatedLinks counts the links (with collapse_years, the dates before collapsing)
	// that such sums made.
	Repeated      int
	RepeatedLinks int
	// Mirrored counts rows of an undirected kind that list a pair the other way round from another row
	// of the same date (ATOP lists every dyad in both directions). Such a row is the same fact listed
	// twice: the link takes the larger of the two directions' totals rather than their sum.
	Mirrored int
	// Actors and Links count what the import produced.
	Actors int
	Links  int
}

// rec is the compact form of an imported link.
type rec struct {
	from, to   int32
	start, end graph.Date // an event keeps its date in start
	weight     float64
	attrs      int32 // index into Dataset.attrs, -1 = none
	line       int32
	kind       uint16
	spec       uint16
	sign       int8
	cert       graph.Certainty
	event      bool
	mirror     bool // an undirected pair the row lists the other way round (see normalize)
}

// Dataset is the result of an import: actors and links ready to be written or built into a graph.
type Dataset struct {
	kinds      *graph.Kinds
	declLinks  []LinkKindDecl
	declActors []ActorKindDecl
	linkKinds  []graph.LinkKind // by kind index of rec
	actors     []graph.Actor    // sorted by id
	links      []rec            // sorted by kind, from id, to id, date
	attrs      []map[string]string
	files      []string // by spec index, for messages

	// Stats counts what the import read and made.
	Stats Stats
	// Skipped lists the first MaxReported rows skipped as bad (with skip_bad); Stats.Bad counts them all.
	Skipped []RowProblem
}

// NumActors returns the number of actors.
func (d *Dataset) NumActors() int { return len(d.actors) }

// NumLinks returns the number of links.
func (d *Dataset) NumLinks() int { return len(d.links) }

// Actor returns actor i (sorted by id). The result is shared; do not modify it.
func (d *Dataset) Actor(i int) *graph.Actor { return &d.actors[i] }

// Link returns link i in full (links are sorted by kind, ends and date).
func (d *Dataset) Link(i int) graph.Link {
	var l graph.Link
	d.fill(&l, i)
	if l.Attrs != nil {
		l.Attrs = cloneMap(l.Attrs)
	}
	return l
}

// fill sets l to link i; l.Attrs is shared with the dataset.
func (d *Dataset) fill(l *graph.Link, i int) {
	r := &d.links[i]
	lk := &d.linkKinds[r.kind]
	*l = graph.Link{Kind: lk.ID, From: d.actors[r.from].ID, To: d.actors[r.to].ID, Directed: lk.Directed,
		Sign: r.sign, Certainty: r.cert, Weight: r.weight}
	if r.event {
		l.On = r.start
	} else {
		l.Start, l.End = r.start, r.end
	}
	if r.attrs >= 0 {
		l.Attrs = d.attrs[r.attrs]
	}
}

func cloneMap(m map[string]string) map[string]string {
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// Kinds returns the kind table the dataset uses: the built-in kinds plus the mapping's declarations.
func (d *Dataset) Kinds() *graph.Kinds { return d.kinds }

// Build builds the dataset into a graph. Problems the graph builder finds are reported at the row
// each link came from.
func (d *Dataset) Build() (*graph.Graph, error) {
	b := graph.NewBuilder(d.kinds)
	d.Feed(b)
	g, err := b.Build()
	var ps graph.Problems
	if errors.As(err, &ps) {
		msgs := make([]string, 0, min(len(ps), MaxReported)+1)
		for i, p := range ps {
			if i == MaxReported {
				msgs = append(msgs, fmt.Sprintf("… and %d more", len(ps)-i))
				break
			}
			msgs = append(msgs, d.describe(p))
		}
		return nil, fmt.Errorf("%d problem(s) in the imported graph:\n%s", len(ps), strings.Join(msgs, "\n"))
	}
	return g, err
}

func (d *Dataset) describe(p *graph.Problem) string {
	if p.Section == "links" && p.Index >= 0 && p.Index < len(d.links) {
		r := &d.links[p.Index]
		return fmt.Sprintf("%s:%d: %s", d.files[r.spec], r.line, p.Message)
	}
	return p.Error()
}

// Feed adds the dataset's actors and links to b, whose kind table must hold the dataset's Kinds.
func (d *Dataset) Feed(b *graph.Builder) {
	for i := range d.actors {
		b.AddActor(d.actors[i])
	}
	b.Grow(len(d.links))
	var l graph.Link
	for i := range d.links {
		d.fill(&l, i)
		b.AddLink(&l)
	}
}

// Run imports the files a mapping names. Actor tables are read first, then the link files in order.
// When rows are bad and the mapping does not skip them, Run returns *BadRows; errors about the mapping
// wrap ErrMapping; other errors are I/O failures.
func Run(m *Mapping, opts Options) (*Dataset, error) {
	if err := m.Check(); err != nil {
		return nil, err
	}
	kinds, _ := m.kindTable()
	im := &importer{m: m, opts: opts, kinds: kinds,
		reg: registry{byID: map[string]int32{}, byKey: map[string]int32{}, byName: map[string]int32{}, cache: map[string]int32{}, short: map[shortKey]int32{}}}
	im.ds = &Dataset{kinds: kinds, declLinks: m.Kinds.Links, declActors: m.Kinds.Actors, linkKinds: kinds.LinkKinds()}
	im.kindIdx = map[string]uint16{}
	for i, lk := range im.ds.linkKinds {
		im.kindIdx[lk.ID] = uint16(i)
	}
	for i := range m.Actors {
		if err := im.readActors(&m.Actors[i]); err != nil {
			return nil, err
		}
	}
	for i := range m.Links {
		if err := im.readLinks(i, &m.Links[i]); err != nil {
			return nil, err
		}
	}
	if im.ds.Stats.Bad > 0 && !m.SkipBad {
		return nil, &BadRows{Problems: im.problems, Count: im.ds.Stats.Bad}
	}
	im.ds.Skipped = im.problems
	im.finish()
	return im.ds, nil
}

// importer is the state of one Run.
type importer struct {
	m        *Mapping
	opts     Options
	kinds    *graph.Kinds
	kindIdx  map[string]uint16
	reg      registry
	ds       *Dataset
	problems []RowProblem
	recs     []rec
	file     string // the file being read, for problems
}

func (im *importer) bad(line int, column, format string, args ...any) {
	im.ds.Stats.Bad++
	if len(im.problems) < MaxReported {
		im.problems = append(im.problems, RowProblem{File: im.file, Line: line, Column: column, Message: fmt.Sprintf(format, args...)})
	}
}

// input opens one input file.
type input struct {
	name   string
	rc     io.ReadCloser
	count  *countingReader
	size   int64
	rr     *recordReader
	closeZ func() error
	header []string
}

func (im *importer) open(src *Source) (*input, error) {
	delim, err := parseDelimiter(src.Delimiter)
	if err != nil {
		return nil, mappingErr(src.File, "%v", err)
	}
	var rc io.ReadCloser
	if im.opts.Open != nil {
		rc, err = im.opts.Open(src.File)
	} else {
		name := src.File
		if !filepath.IsAbs(name) && im.opts.Dir != "" {
			name = filepath.Join(im.opts.Dir, name)
		}
		rc, err = os.Open(name)
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", src.File, err)
	}
	in := &input{name: src.File, rc: rc, size: -1}
	if st, ok := rc.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := st.Stat(); err == nil {
			in.size = fi.Size()
		}
	}
	in.count = &countingReader{r: rc}
	r, closeZ, err := maybeGunzip(in.count)
	if err != nil {
		rc.Close()
		return nil, fmt.Errorf("reading %s: %w", src.File, err)
	}
	in.closeZ = closeZ
	in.rr = newRecordReader(r, delim, im.opts.MaxLine)
	_, fields, err := in.rr.next()
	switch {
	case err == io.EOF:
		in.close()
		return nil, fmt.Errorf("reading %s: the file is empty (want a header row naming the columns)", src.File)
	case err != nil:
		in.close()
		return nil, fmt.Errorf("reading %s: header: %w", src.File, err)
	}
	for _, f := range fields {
		in.header = append(in.header, strings.TrimSpace(string(f)))
	}
	im.file = src.File
	im.ds.Stats.Files++
	return in, nil
}

func (in *input) close() error {
	err := in.closeZ()
	if cerr := in.rc.Close(); err == nil {
		err = cerr
	}
	return err
}

// column finds a column of the header: exactly, else ignoring case and punctuation.
func (in *input) column(name, field string) (int, error) {
	for i, h := range in.header {
		if h == name {
			return i, nil
		}
	}
	n := graph.Normalize(name)
	for i, h := range in.header {
		if graph.Normalize(h) == n {
			return i, nil
		}
	}
	shown := in.header
	more := ""
	if len(shown) > 12 {
		shown, more = shown[:12], ", …"
	}
	return -1, mappingErr(in.name, "%s: no column %q%s (columns: %s%s)", field, name, hint(name, in.header), strings.Join(shown, ", "), more)
}

// rows calls fn for each data row with its line number; malformed records are bad rows.
func (im *importer) rows(in *input, fn func(line int, fields [][]byte)) error {
	for n := 0; ; n++ {
		line, fields, err := in.rr.next()
		if err != nil {
			if err == io.EOF {
				break
			}
			if re, ok := err.(*rowError); ok {
				im.ds.Stats.Rows++
				im.bad(re.line, "", "%s", re.msg)
				continue
			}
			return fmt.Errorf("reading %s: %w", in.name, err)
		}
		im.ds.Stats.Rows++
		if n == 1<<14 && in.size > 0 && in.count.n > 0 {
			// Reserve room for the whole file, estimated from the bytes read so far (read-ahead makes it
			// an underestimate), so that a million links are not copied five times over while growing.
			est := int(float64(in.size) / float64(in.count.n) * float64(n))
			im.recs = slices.Grow(im.recs, est)
		}
		if len(fields) != len(in.header) {
			im.bad(line, "", "%d fields, but the header has %d", len(fields), len(in.header))
			continue
		}
		fn(line, fields)
		if im.opts.Progress != nil && n&4095 == 0 {
			im.opts.Progress(in.name, in.count.n, in.size)
		}
	}
	if im.opts.Progress != nil {
		im.opts.Progress(in.name, in.count.n, in.size)
	}
	im.ds.Stats.Bytes += in.count.n
	return nil
}

// valueReader reads fields with the file's notion of missing values.
type valueReader struct {
	missing []string
}

func newValueReader(src *Source) valueReader {
	list := src.Missing
	if len(list) == 0 {
		list = defaultMissing
	}
	var vr valueReader
	for _, m := range list {
		if m = strings.TrimSpace(m); m != "" {
			vr.missing = append(vr.missing, m)
		}
	}
	return vr
}

// isMissing reports whether a trimmed value means "no value".
func (vr valueReader) isMissing(b []byte) bool {
	if len(b) == 0 {
		return true
	}
	for _, m := range vr.missing {
		if len(m) == len(b) && string(b) == m {
			return true
		}
	}
	return false
}

// get returns the trimmed field, or nil when it is missing.
func (vr valueReader) get(fields [][]byte, col int) []byte {
	b := bytes.TrimSpace(fields[col])
	if vr.isMissing(b) {
		return nil
	}
	return b
}

// compiledWhere is a where rule bound to a column.
type compiledWhere struct {
	col    int
	values []string
	negate bool
}

func (im *importer) compileWhere(in *input, src *Source) ([]compiledWhere, error) {
	var out []compiledWhere
	for _, w := range src.Where {
		rule, _ := parseWhere(w)
		col, err := in.column(rule.col, "where")
		if err != nil {
			return nil, err
		}
		values := make([]string, len(rule.values))
		for i, v := range rule.values {
			values[i] = strings.TrimSpace(v) // cells are compared without the spaces at their ends
		}
		out = append(out, compiledWhere{col: col, values: values, negate: rule.negate})
	}
	return out, nil
}

func keep(rules []compiledWhere, fields [][]byte) bool {
	for _, w := range rules {
		v := bytes.TrimSpace(fields[w.col])
		match := false
		for _, x := range w.values {
			if bytes.EqualFold(v, []byte(x)) {
				match = true
				break
			}
		}
		if match == w.negate {
			return false
		}
	}
	return true
}

// attrCol is an attribute bound to a column.
type attrCol struct {
	col  int
	name string
}

func compileAttrs(in *input, attrs []string) ([]attrCol, error) {
	var out []attrCol
	for _, a := range attrs {
		col, name, _ := parseAttr(a)
		i, err := in.column(col, "attrs")
		if err != nil {
			return nil, err
		}
		out = append(out, attrCol{i, name})
	}
	return out, nil
}
