package data

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/relgraph/relgraph/data/native"
	"github.com/relgraph/relgraph/graph"
)

// Snapshot files are the canonical JSON form of a (filtered) graph, written by WriteSnapshot and read
// back by Load like any dataset file. The layout is fixed so that the same graph always gives the same
// bytes and `git diff` of two snapshots reads well:
//
//	{
//	  "format": "relgraph-snapshot",
//	  "version": 1,
//	  "tool": "relgraph v1.2.0",
//	  "datasets": ["caucasus"],
//	  "filter": [{"at": "2016", "since": null, "until": null, "kinds": [], "exclude_kinds": []}],
//	  "kinds": {"links": [ …declared link kinds… ], "actors": [ …declared actor kinds… ]},
//	  "documents": [ …one document per line, by id… ],
//	  "actors": [ …one actor per line, by id… ],
//	  "links": [ …one link per line, by id… ]
//	}
//
// Every item is one line with every field in a fixed order, so a changed link is one changed line that
// names its id. The header's "filter" lists the filters that cut the graph, oldest first (a snapshot of a
// snapshot adds its own). "kinds" holds the kinds the dataset declares on top of the built-in ones.
//
// A snapshot is self-contained and loses nothing: it holds the actors present in the graph, whole, and
// the actors they refer to (by `in`, `stands_for` or a route) and the actors whose route segments are in
// the graph. Links derived from actors are not written but derived again on loading, and a snapshot
// loaded on its own has the filters of its header applied again, which drops the derived links and the
// actors that those filters had left out: loading gives back the graph that was written.

// SnapshotFormat and SnapshotVersion identify snapshot files; a reader refuses other versions.
const (
	SnapshotFormat  = "relgraph-snapshot"
	SnapshotVersion = 1
)

// SnapshotHeader is the provenance recorded at the top of a snapshot file.
type SnapshotHeader struct {
	// Tool names the program and version that wrote the file ("relgraph v1.2.0").
	Tool string
	// Datasets are the labels of the datasets the graph was loaded from.
	Datasets []string
	// Filters are the filters that cut the snapshot from the datasets, in the order they were applied;
	// zero filters are left out.
	Filters []graph.Filter
}

// ErrNotSnapshot is wrapped by ReadSnapshotHeader's error for a file that is not a relgraph snapshot.
var ErrNotSnapshot = errors.New("not a relgraph snapshot")

// WriteSnapshot writes g as a canonical snapshot file with header h. It streams: memory beyond the
// graph is one link id per link (for sorting). O(L log L) for L links.
func WriteSnapshot(w io.Writer, g *graph.Graph, h SnapshotHeader) error {
	sw := &snapWriter{w: bufio.NewWriterSize(w, 1<<16)}
	sw.header(h)
	sw.kinds(g.Kinds())
	sw.documents(g.Documents())
	if err := sw.graph(g); err != nil {
		return err
	}
	sw.raw("}\n")
	if sw.err != nil {
		return sw.err
	}
	return sw.w.Flush()
}

// snapWriter writes one snapshot; the first write error sticks.
type snapWriter struct {
	w   *bufio.Writer
	buf []byte
	err error
}

func (sw *snapWriter) raw(s string) {
	if sw.err == nil {
		_, sw.err = sw.w.WriteString(s)
	}
}

// flush writes the item in buf.
func (sw *snapWriter) flush() {
	if sw.err == nil {
		_, sw.err = sw.w.Write(sw.buf)
	}
	sw.buf = sw.buf[:0]
}

// list writes a JSON array of n items, one per line, the i-th encoded by item into sw.buf.
func (sw *snapWriter) list(indent string, n int, item func(i int) error) error {
	if n == 0 {
		sw.raw("[]")
		return nil
	}
	sw.raw("[\n")
	for i := range n {
		sw.buf = append(sw.buf, indent...)
		sw.buf = append(sw.buf, "  "...)
		if err := item(i); err != nil {
			return err
		}
		if i < n-1 {
			sw.buf = append(sw.buf, ',')
		}
		sw.buf = append(sw.buf, '\n')
		sw.flush()
		if sw.err != nil {
			return sw.err
		}
	}
	sw.raw(indent + "]")
	return nil
}

func (sw *snapWriter) header(h SnapshotHeader) {
	b := append(sw.buf, "{\n  \"format\": "...)
	b = appendJSONString(b, SnapshotFormat)
	b = append(b, ",\n  \"version\": "...)
	b = strconv.AppendInt(b, SnapshotVersion, 10)
	b = append(b, ",\n  \"tool\": "...)
	b = appendJSONString(b, h.Tool)
	b = append(b, ",\n  \"datasets\": "...)
	b = appendStrings(b, h.Datasets)
	b = append(b, ",\n  \"filter\": ["...)
	n := 0
	for _, f := range h.Filters {
		if f.IsZero() {
			continue
		}
		if n > 0 {
			b = append(b, ", "...)
		}
		n++
		b = append(b, `{"at": `...)
		b = appendDate(b, f.At)
		b = append(b, `, "since": `...)
		b = appendDate(b, f.Since)
		b = append(b, `, "until": `...)
		b = appendDate(b, f.Until)
		b = append(b, `, "kinds": `...)
		b = appendStrings(b, f.Kinds)
		b = append(b, `, "exclude_kinds": `...)
		b = appendStrings(b, f.ExcludeKinds)
		b = append(b, '}')
	}
	b = append(b, "],\n"...)
	sw.buf = b
	sw.flush()
}

// kinds writes the kinds that are not built in (or that change a built-in actor kind's meaning), in
// the order the kind table holds them, so that loading them back rebuilds the same table.
func (sw *snapWriter) kinds(k *graph.Kinds) {
	builtin := graph.NewKinds()
	var lks []graph.LinkKind
	for _, lk := range k.LinkKinds() {
		if b, ok := builtin.Link(lk.ID); !ok || b != lk {
			lks = append(lks, lk)
		}
	}
	builtinActors := map[string]graph.ActorKind{}
	for _, ak := range builtin.ActorKinds() {
		builtinActors[ak.ID] = ak
	}
	var aks []graph.ActorKind
	for _, ak := range k.ActorKinds() {
		if b, ok := builtinActors[ak.ID]; !ok || b != ak {
			aks = append(aks, ak)
		}
	}
	sw.raw("  \"kinds\": {\n    \"links\": ")
	_ = sw.list("    ", len(lks), func(i int) error {
		lk := &lks[i]
		b := append(sw.buf, `{"id": `...)
		b = appendJSONString(b, lk.ID)
		b = append(b, `, "directed": `...)
		b = strconv.AppendBool(b, lk.Directed)
		b = append(b, `, "sign": `...)
		b = strconv.AppendInt(b, int64(lk.Sign), 10)
		b = append(b, `, "color": `...)
		b = appendJSONString(b, lk.Color)
		b = append(b, `, "style": `...)
		b = appendJSONString(b, lk.Style)
		b = append(b, `, "meaning": `...)
		b = appendJSONString(b, lk.Meaning)
		b = append(b, `, "transport": `...)
		b = strconv.AppendBool(b, lk.Transport)
		sw.buf = append(b, '}')
		return nil
	})
	sw.raw(",\n    \"actors\": ")
	_ = sw.list("    ", len(aks), func(i int) error {
		b := append(sw.buf, `{"id": `...)
		b = appendJSONString(b, aks[i].ID)
		b = append(b, `, "meaning": `...)
		b = appendJSONString(b, aks[i].Meaning)
		sw.buf = append(b, '}')
		return nil
	})
	sw.raw("\n  },\n")
}

func (sw *snapWriter) documents(docs []graph.Document) {
	slices.SortFunc(docs, func(x, y graph.Document) int { return strings.Compare(x.ID, y.ID) })
	sw.raw("  \"documents\": ")
	_ = sw.list("  ", len(docs), func(i int) error {
		d := &docs[i]
		b := append(sw.buf, `{"id": `...)
		b = appendJSONString(b, d.ID)
		b = append(b, `, "title": `...)
		b = appendJSONString(b, d.Title)
		b = append(b, `, "author": `...)
		b = appendJSONString(b, d.Author)
		b = append(b, `, "publisher": `...)
		b = appendJSONString(b, d.Publisher)
		b = append(b, `, "date": `...)
		b = appendDate(b, d.Date)
		b = append(b, `, "file": `...)
		b = appendJSONString(b, d.File)
		b = append(b, `, "url": `...)
		b = appendJSONString(b, d.URL)
		sw.buf = append(b, '}')
		return nil
	})
	sw.raw(",\n")
}

// graph writes the actors and links of g, leaving out the links that loading derives again.
func (sw *snapWriter) graph(g *graph.Graph) error {
	// Every link id goes into one arena: no string per link. Explicit ids never hold ':' and only the
	// ids of route segments hold '@'.
	type item struct {
		off  int
		n, i int32
	}
	items := make([]item, 0, g.NumLinks())
	var arena []byte
	written := make([]bool, g.NumActors())
	var actors []int32
	write := func(a int32) {
		if !written[a] {
			written[a] = true
			actors = append(actors, a)
		}
	}
	for a := range int32(g.NumActors()) {
		if g.Present(a) {
			write(a)
		}
	}
	for l := range int32(g.NumLinks()) {
		if g.IsDerived(l) {
			// Derived again on loading from its actor: a located_in link from its source's `in`, a
			// segment from the route of the actor named in its "via" attribute.
			from, _ := g.Ends(l)
			if g.KindOf(l).ID == graph.KindLocatedIn {
				write(from)
			} else if v, ok := g.ActorIndex(g.Link(l).Attrs["via"]); ok {
				write(v)
			}
			continue
		}
		off := len(arena)
		arena = g.AppendLinkID(arena, l)
		items = append(items, item{off: off, n: int32(len(arena) - off), i: l})
	}
	// Every actor written refers only to actors written.
	for i := 0; i < len(actors); i++ {
		a := g.Actor(actors[i])
		for _, ref := range append([]string{a.In, a.StandsFor}, a.Route...) {
			if r, ok := g.ActorIndex(ref); ok {
				write(r)
			}
		}
	}
	slices.SortFunc(actors, func(x, y int32) int { return strings.Compare(g.Actor(x).ID, g.Actor(y).ID) })
	sw.raw("  \"actors\": ")
	if err := sw.list("  ", len(actors), func(i int) error {
		a := g.Actor(actors[i])
		sw.buf = appendActor(sw.buf, a, a.In, a.StandsFor, true)
		return nil
	}); err != nil {
		return err
	}
	sw.raw(",\n")

	slices.SortFunc(items, func(x, y item) int {
		return bytes.Compare(arena[x.off:x.off+int(x.n)], arena[y.off:y.off+int(y.n)])
	})
	sw.raw("  \"links\": ")
	if err := sw.list("  ", len(items), func(i int) error {
		it := items[i]
		var err error
		sw.buf, err = appendLink(sw.buf, g, it.i, arena[it.off:it.off+int(it.n)])
		return err
	}); err != nil {
		return err
	}
	sw.raw("\n")
	return nil
}

func appendActor(b []byte, a *graph.Actor, in, standsFor string, withRoute bool) []byte {
	b = append(b, `{"id": `...)
	b = appendJSONString(b, a.ID)
	b = append(b, `, "name": `...)
	b = appendJSONString(b, a.Name)
	b = append(b, `, "kind": `...)
	b = appendJSONString(b, a.Kind)
	b = append(b, `, "aliases": `...)
	b = appendStrings(b, a.Aliases)
	b = append(b, `, "in": `...)
	b = appendRef(b, in)
	b = append(b, `, "stands_for": `...)
	b = appendRef(b, standsFor)
	b = append(b, `, "start": `...)
	b = appendDate(b, a.Start)
	b = append(b, `, "end": `...)
	b = appendDate(b, a.End)
	route, routeKind := []string(nil), ""
	if withRoute {
		route, routeKind = a.Route, a.RouteKind
	}
	b = append(b, `, "route": `...)
	b = appendStrings(b, route)
	b = append(b, `, "route_kind": `...)
	b = appendRef(b, routeKind)
	b = append(b, `, "certainty": `...)
	b = appendJSONString(b, a.Certainty.String())
	b = append(b, `, "attrs": `...)
	b = appendAttrs(b, a.Attrs)
	b = append(b, `, "sources": `...)
	b = appendSources(b, a.Sources)
	return append(b, '}')
}

// appendLink appends link l of g, whose id is given.
func appendLink(b []byte, g *graph.Graph, l int32, id []byte) ([]byte, error) {
	weight := g.WeightOf(l)
	if math.IsInf(weight, 0) || math.IsNaN(weight) {
		return b, fmt.Errorf("snapshot: link %q has weight %v, which JSON cannot hold", id, weight)
	}
	kind := g.KindOf(l)
	from, to := g.Ends(l)
	start, end, on := g.SpanOf(l)
	b = append(b, `{"id": `...)
	b = appendJSONString(b, id)
	b = append(b, `, "kind": `...)
	b = appendJSONString(b, kind.ID)
	b = append(b, `, "from": `...)
	b = appendJSONString(b, g.Actor(from).ID)
	b = append(b, `, "to": `...)
	b = appendJSONString(b, g.Actor(to).ID)
	b = append(b, `, "directed": `...)
	b = strconv.AppendBool(b, kind.Directed)
	b = append(b, `, "sign": `...)
	b = strconv.AppendInt(b, int64(g.SignOf(l)), 10)
	b = append(b, `, "start": `...)
	b = appendDate(b, start)
	b = append(b, `, "end": `...)
	b = appendDate(b, end)
	b = append(b, `, "on": `...)
	b = appendDate(b, on)
	b = append(b, `, "certainty": `...)
	b = appendJSONString(b, g.CertaintyOf(l).String())
	b = append(b, `, "weight": `...)
	b = strconv.AppendFloat(b, weight, 'g', -1, 64)
	b = append(b, `, "attrs": `...)
	b = appendAttrs(b, g.AttrsOf(l))
	b = append(b, `, "sources": `...)
	b = appendSources(b, g.SourcesOf(l))
	return append(b, '}'), nil
}

// appendRef appends an actor or kind reference: a string, or null when empty.
func appendRef(b []byte, s string) []byte {
	if s == "" {
		return append(b, "null"...)
	}
	return appendJSONString(b, s)
}

// appendDate appends a date as a JSON string, or null for the zero date. It formats without fmt.
func appendDate(b []byte, d graph.Date) []byte {
	if d == 0 {
		return append(b, "null"...)
	}
	b = append(b, '"')
	b = d.Append(b)
	return append(b, '"')
}

func appendStrings(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

func appendAttrs(b []byte, m map[string]string) []byte {
	b = append(b, '{')
	if len(m) == 0 {
		return append(b, '}')
	}
	for i, k := range slices.Sorted(maps.Keys(m)) {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendJSONString(b, k)
		b = append(b, ": "...)
		b = appendJSONString(b, m[k])
	}
	return append(b, '}')
}

func appendSources(b []byte, srcs []graph.Source) []byte {
	b = append(b, '[')
	for i, s := range srcs {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, `{"doc": `...)
		b = appendJSONString(b, s.Doc)
		b = append(b, `, "para": `...)
		b = strconv.AppendInt(b, int64(s.Para), 10)
		b = append(b, `, "note": `...)
		b = appendJSONString(b, s.Note)
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendJSONString appends s as a JSON string. Control characters are escaped, invalid UTF-8 becomes
// U+FFFD; everything else is written as is, so names read naturally.
func appendJSONString[T string | []byte](b []byte, s T) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// ReadSnapshotHeader reads the header of a snapshot file without reading the rest. A file that is not
// a snapshot gives an error wrapping ErrNotSnapshot.
func ReadSnapshotHeader(fsys fs.FS, file string) (SnapshotHeader, error) {
	f, err := fsys.Open(file)
	if err != nil {
		return SnapshotHeader{}, err
	}
	defer f.Close()
	// The header is small and comes first; a snapshot with a header longer than this is not canonical.
	src, err := io.ReadAll(io.LimitReader(f, 1<<20))
	if err != nil {
		return SnapshotHeader{}, fmt.Errorf("reading %s: %w", file, err)
	}
	p := &snapParser{sc: scanner{src: src}}
	p.top(true)
	if p.sc.err != nil {
		pr := p.sc.problem(file)
		if p.sc.err.foreign {
			return SnapshotHeader{}, foreignError{pr}
		}
		return SnapshotHeader{}, pr
	}
	return p.header, nil
}

// foreignError is the problem of a file that is not a snapshot; it wraps ErrNotSnapshot.
type foreignError struct{ Problem }

func (e foreignError) Unwrap() error { return ErrNotSnapshot }

// snapshotFile is a parsed snapshot: what it contributes to a dataset, with the byte offset of every
// item so that problems can be placed.
type snapshotFile struct {
	label      string
	filters    []graph.Filter // the header's, applied again by narrow
	src        []byte
	lines      lineIndex // positions of problems in src
	linkKinds  []graph.LinkKind
	actorKinds []graph.ActorKind
	kindOff    []int
	docs       []graph.Document
	docOff     []int
	actors     []graph.Actor
	actorOff   []int
	links      []graph.Link
	linkOff    []int
}

// readSnapshot loads a snapshot JSON file written by `relgraph snapshot`.
func readSnapshot(fsys fs.FS, file, label string) (part, Problems, error) {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", label, err)
	}
	sf, ps := parseSnapshot(label, src)
	if len(ps) > 0 {
		return nil, ps, nil
	}
	return sf, nil, nil
}

// parseSnapshot parses a snapshot file. A problem stops the parse: JSON has no reliable point at which
// to resume. It never panics on any input.
func parseSnapshot(label string, src []byte) (*snapshotFile, Problems) {
	p := &snapParser{sc: scanner{src: src}, out: &snapshotFile{label: label, src: src, lines: lineIndex{src: src}}, intern: map[string]string{}}
	// Items are one per line in a canonical file: the line count bounds the number of links.
	if lines := bytes.Count(src, []byte{'\n'}); lines > 1000 {
		p.out.links = make([]graph.Link, 0, lines)
		p.out.linkOff = make([]int, 0, lines)
	}
	p.top(false)
	if p.sc.err != nil {
		return nil, Problems{p.sc.problem(label)}
	}
	p.out.filters = p.header.Filters
	return p.out, nil
}

// narrow implements narrower: it applies the header's filters again to the graph built from the
// snapshot alone, dropping the derived links and the actors those filters had left out.
func (sf *snapshotFile) narrow(g *graph.Graph) (*graph.Graph, error) {
	for _, f := range sf.filters {
		var err error
		if g, err = g.Filter(f); err != nil {
			return nil, fmt.Errorf("%s: filter of the header: %w", sf.label, err)
		}
	}
	return g, nil
}

// snapParser reads the snapshot layout on top of a scanner.
type snapParser struct {
	sc     scanner
	out    *snapshotFile
	header SnapshotHeader
	// intern shares one string between the many links that name the same actor or kind; last holds
	// the kind, from and to of the previous link.
	intern map[string]string
	last   [3]string
}

// top reads the top-level object. With headerOnly it stops after the header fields.
func (p *snapParser) top(headerOnly bool) {
	sc := &p.sc
	sc.ws()
	if sc.i == len(sc.src) {
		sc.notSnapshot(0, "empty file: %v", ErrNotSnapshot)
		return
	}
	if sc.src[sc.i] != '{' {
		sc.notSnapshot(sc.i, "%v: a snapshot is a JSON object starting with \"format\": %q", ErrNotSnapshot, SnapshotFormat)
		return
	}
	n := 0
	seen := map[string]bool{}
	sc.object("an object", func(k []byte, keyOff int) bool {
		key := string(k)
		n++
		switch {
		case n == 1 && key != "format":
			sc.notSnapshot(keyOff, "%v: its first field is %q, not \"format\"", ErrNotSnapshot, key)
			return false
		case n == 2 && key != "version":
			sc.fail(keyOff, "snapshot: want \"version\" after \"format\", found %q", key)
			return false
		case seen[key]:
			sc.fail(keyOff, "duplicate field %q", key)
			return false
		}
		seen[key] = true
		switch key {
		case "format":
			off := sc.i
			if f := sc.str(); sc.err == nil && f != SnapshotFormat {
				sc.notSnapshot(off, "%v: format is %q, not %q", ErrNotSnapshot, f, SnapshotFormat)
			}
		case "version":
			off := sc.i
			if v := sc.integer(); sc.err == nil && v != SnapshotVersion {
				sc.fail(off, "snapshot version %d is not supported (this relgraph reads version %d)", v, SnapshotVersion)
			}
		case "tool":
			p.header.Tool = sc.str()
		case "datasets":
			p.header.Datasets = sc.strings()
		case "filter":
			sc.array(func(int) { p.header.Filters = append(p.header.Filters, p.filter()) })
		case "kinds", "documents", "actors", "links":
			if headerOnly {
				return false
			}
			switch key {
			case "kinds":
				p.kinds()
			case "documents":
				sc.array(func(int) { p.document() })
			case "actors":
				sc.array(func(int) { p.actor() })
			case "links":
				sc.array(func(int) { p.link() })
			}
		default:
			sc.unknown(keyOff, "a snapshot", key, "format", "version", "tool", "datasets", "filter", "kinds", "documents", "actors", "links")
		}
		return sc.err == nil
	})
	if sc.err != nil || headerOnly {
		return
	}
	if n == 0 {
		sc.notSnapshot(0, "%v: it has no \"format\" field", ErrNotSnapshot)
		return
	}
	if n < 2 {
		sc.fail(sc.i-1, "snapshot: missing \"version\"")
		return
	}
	sc.ws()
	if sc.i < len(sc.src) {
		sc.fail(sc.i, "unexpected data after the end of the snapshot")
	}
}

func (p *snapParser) filter() graph.Filter {
	var f graph.Filter
	p.sc.fields("a filter", []string{"at", "since", "until", "kinds", "exclude_kinds"}, func(key string) {
		switch key {
		case "at":
			f.At = p.sc.date()
		case "since":
			f.Since = p.sc.date()
		case "until":
			f.Until = p.sc.date()
		case "kinds":
			f.Kinds = p.sc.strings()
		case "exclude_kinds":
			f.ExcludeKinds = p.sc.strings()
		}
	})
	return f
}

func (p *snapParser) kinds() {
	sc := &p.sc
	sc.fields("kinds", []string{"links", "actors"}, func(key string) {
		sc.array(func(int) {
			off := sc.i
			at := map[string]int{} // where each field's value starts, for problems
			if key == "actors" {
				var ak graph.ActorKind
				sc.fields("an actor kind", []string{"id", "meaning"}, func(key string) {
					at[key] = sc.i
					if key == "id" {
						ak.ID = sc.str()
					} else {
						ak.Meaning = sc.str()
					}
				})
				p.checkKind(off, at, ak.Check())
				p.out.actorKinds = append(p.out.actorKinds, ak)
				return
			}
			var lk graph.LinkKind
			sc.fields("a link kind", []string{"id", "directed", "sign", "color", "style", "meaning", "transport"}, func(key string) {
				at[key] = sc.i
				switch key {
				case "id":
					lk.ID = sc.str()
				case "directed":
					lk.Directed = sc.boolean()
				case "sign":
					lk.Sign = sc.sign()
				case "color":
					lk.Color = sc.str()
				case "style":
					lk.Style = sc.str()
				case "meaning":
					lk.Meaning = sc.str()
				case "transport":
					lk.Transport = sc.boolean()
				}
			})
			p.checkKind(off, at, lk.Check())
			p.out.linkKinds = append(p.out.linkKinds, lk)
			p.out.kindOff = append(p.out.kindOff, off)
		})
	})
}

// checkKind turns the error of a kind declaration's check into the scanner's problem, at the field at
// fault (at holds the offsets of the fields read) or else at the declaration (off).
func (p *snapParser) checkKind(off int, at map[string]int, err error) {
	var ke *graph.KindError
	if p.sc.err != nil || !errors.As(err, &ke) {
		return
	}
	if o, ok := at[ke.Field]; ok {
		off = o
	}
	p.sc.fail(off, "%s", ke.Message)
}

func (p *snapParser) document() {
	sc := &p.sc
	off := sc.i
	var d graph.Document
	has := sc.fields("a document", []string{"id", "title", "author", "publisher", "date", "file", "url"}, func(key string) {
		switch key {
		case "id":
			d.ID = sc.str()
		case "title":
			d.Title = sc.str()
		case "author":
			d.Author = sc.str()
		case "publisher":
			d.Publisher = sc.str()
		case "date":
			d.Date = sc.date()
		case "file":
			d.File = sc.str()
		case "url":
			d.URL = sc.str()
		}
	})
	if sc.err == nil && !has.has("id") {
		sc.fail(off, "a document needs \"id\"")
	}
	p.out.docs = append(p.out.docs, d)
	p.out.docOff = append(p.out.docOff, off)
}

func (p *snapParser) actor() {
	sc := &p.sc
	off := sc.i
	var a graph.Actor
	has := sc.fields("an actor", snapActorFields, func(key string) {
		switch key {
		case "id":
			a.ID = p.interned(sc.strBytes())
		case "name":
			a.Name = sc.str()
		case "kind":
			a.Kind = p.interned(sc.strBytes())
		case "aliases":
			a.Aliases = sc.strings()
		case "in":
			a.In = sc.str()
		case "stands_for":
			a.StandsFor = sc.str()
		case "start":
			a.Start = sc.date()
		case "end":
			a.End = sc.date()
		case "route":
			a.Route = sc.strings()
		case "route_kind":
			a.RouteKind = sc.str()
		case "certainty":
			a.Certainty = sc.certainty()
		case "attrs":
			a.Attrs = sc.attrs()
		case "sources":
			a.Sources = sc.sources()
		}
	})
	switch {
	case sc.err != nil:
	case !has.has("id"):
		sc.fail(off, "an actor needs \"id\"")
	case !has.has("kind"):
		sc.fail(off, "actor %q needs \"kind\"", a.ID)
	}
	p.out.actors = append(p.out.actors, a)
	p.out.actorOff = append(p.out.actorOff, off)
}

// snapActorFields and snapLinkFields are the keys of a snapshot's actors and links in the order
// WriteSnapshot writes them, from the schema in package native.
var (
	snapActorFields = native.ActorNames(native.Snapshot)
	snapLinkFields  = native.LinkNames(native.Snapshot)
)

// canonicalLinkSeps are what precedes each field of a link as WriteSnapshot writes it: `{"id": `,
// `, "kind": `…
var canonicalLinkSeps = func() [][]byte {
	seps := make([][]byte, len(snapLinkFields))
	for i, f := range snapLinkFields {
		sep := `, "`
		if i == 0 {
			sep = `{"`
		}
		seps[i] = []byte(sep + f + `": `)
	}
	return seps
}()

func (p *snapParser) link() {
	sc := &p.sc
	sc.ws()
	off := sc.i
	l := graph.Link{Sign: signUnset, Weight: graph.DefaultWeight}
	if !p.canonicalLink(&l) && sc.err == nil {
		// Not in the canonical layout (edited by hand, or written by another program): read it field
		// by field. A link without "weight" has the default weight; "weight": 0 is 0.
		sc.i = off
		l = graph.Link{Sign: signUnset, Weight: graph.DefaultWeight}
		has := sc.fields("a link", snapLinkFields, func(key string) { p.linkField(&l, key) })
		if sc.err == nil {
			for _, need := range []string{"id", "kind", "from", "to"} {
				if !has.has(need) {
					sc.fail(off, "a link needs %q", need)
					break
				}
			}
		}
	}
	p.out.links = append(p.out.links, l)
	p.out.linkOff = append(p.out.linkOff, off)
}

// canonicalLink reads a link in the layout WriteSnapshot writes: every field, in order, with its
// separators. This is most of a snapshot's bytes, and matching the layout is several times faster than
// reading keys. It returns false at the first difference (or problem).
func (p *snapParser) canonicalLink(l *graph.Link) bool {
	sc := &p.sc
	for i, sep := range canonicalLinkSeps {
		if !bytes.HasPrefix(sc.src[sc.i:], sep) {
			return false
		}
		sc.i += len(sep)
		p.linkField(l, snapLinkFields[i])
		if sc.err != nil {
			return false
		}
	}
	if sc.i < len(sc.src) && sc.src[sc.i] == '}' {
		sc.i++
		return true
	}
	return false
}

// linkField reads the value of one field of a link.
func (p *snapParser) linkField(l *graph.Link, key string) {
	sc := &p.sc
	switch key {
	case "id":
		l.ID = sc.str()
	case "kind":
		l.Kind = p.internedAs(sc.strBytes(), &p.last[0])
	case "from":
		l.From = p.internedAs(sc.strBytes(), &p.last[1])
	case "to":
		l.To = p.internedAs(sc.strBytes(), &p.last[2])
	case "directed":
		sc.boolean() // the kind decides; written for readers of the file
	case "sign":
		l.Sign = sc.sign()
	case "start":
		l.Start = sc.date()
	case "end":
		l.End = sc.date()
	case "on":
		l.On = sc.date()
	case "certainty":
		l.Certainty = sc.certainty()
	case "weight":
		l.Weight = sc.number()
		if sc.err == nil && l.Weight < 0 {
			sc.fail(sc.i-1, "weight %v is negative", l.Weight)
		}
	case "attrs":
		l.Attrs = sc.attrs()
	case "sources":
		l.Sources = sc.sources()
	}
}

// internedAs is interned with a one-string cache: links come sorted by id, so consecutive links mostly
// share their kind and first actor.
func (p *snapParser) internedAs(b []byte, last *string) string {
	if string(b) == *last {
		return *last
	}
	*last = p.interned(b)
	return *last
}

// interned returns b as a string shared with earlier equal ones.
func (p *snapParser) interned(b []byte) string {
	if p.intern == nil {
		return string(b)
	}
	if s, ok := p.intern[string(b)]; ok {
		return s
	}
	s := string(b)
	p.intern[s] = s
	return s
}

// declared implements part.
func (sf *snapshotFile) declared() ([]graph.LinkKind, []graph.ActorKind, []Position) {
	pos := make([]Position, len(sf.kindOff))
	for i, off := range sf.kindOff {
		pos[i] = sf.position(off)
	}
	return sf.linkKinds, sf.actorKinds, pos
}

// feed implements part. A link whose id is the one its kind, ends and date derive is added without an
// explicit id, so that it keeps deriving its id as it did in the graph the snapshot was taken from.
func (sf *snapshotFile) feed(b *graph.Builder, k *graph.Kinds) (int, int, int) {
	for _, d := range sf.docs {
		b.AddDocument(d)
	}
	for _, a := range sf.actors {
		b.AddActor(a)
	}
	b.Grow(len(sf.links))
	var buf []byte
	for i := range sf.links {
		l := &sf.links[i]
		lk, ok := k.Link(l.Kind)
		if l.Sign == signUnset {
			l.Sign = lk.Sign
		}
		if ok {
			buf = graph.AppendLinkID(buf[:0], l.Kind, l.From, l.To, lk.Directed, l.When())
			if string(buf) == l.ID {
				l.ID = ""
			}
		}
		b.AddLink(l)
	}
	return len(sf.docs), len(sf.actors), len(sf.links)
}

// locate implements part: it finds the item's field in the file again.
func (sf *snapshotFile) locate(section string, index int, field string) Position {
	var offs []int
	switch section {
	case "sources":
		offs = sf.docOff
	case "actors":
		offs = sf.actorOff
	default:
		offs = sf.linkOff
	}
	if index < 0 || index >= len(offs) {
		return Position{File: sf.label}
	}
	return sf.position(findField(sf.src, offs[index], field))
}

// position turns a byte offset into a file:line:col position.
func (sf *snapshotFile) position(off int) Position {
	line, col := sf.lines.at(off)
	return Position{File: sf.label, Line: line, Col: col}
}

// findField returns the offset of a field path ("sources[1].doc", "route[2]", "from") of the object at
// off, or off itself when the path cannot be followed.
func findField(src []byte, off int, field string) int {
	sc := scanner{src: src, i: off}
	for field != "" && sc.err == nil {
		var name string
		idx := -1
		if field[0] == '[' {
			end := strings.IndexByte(field, ']')
			if end < 0 {
				break
			}
			idx, _ = strconv.Atoi(field[1:end])
			field = strings.TrimPrefix(field[end+1:], ".")
		} else {
			end := strings.IndexAny(field, ".[")
			if end < 0 {
				end = len(field)
			}
			name, field = field[:end], strings.TrimPrefix(field[end:], ".")
		}
		found := -1
		sc.ws()
		at := sc.i
		if name != "" {
			sc.object("an object", func(key []byte, _ int) bool {
				if string(key) == name {
					found = sc.i
					return false
				}
				sc.skip(0)
				return sc.err == nil
			})
		} else {
			sc.array(func(i int) {
				if i == idx {
					found = sc.i
					sc.err = errStop
					return
				}
				sc.skip(0)
			})
		}
		if found < 0 {
			return at
		}
		off = found
		sc = scanner{src: src, i: found}
	}
	return off
}

// errStop ends a scan early without a problem.
var errStop = &scanError{msg: "stop"}

// scanError is a problem at a byte offset of the file being scanned.
type scanError struct {
	off int
	msg string
	// foreign marks a file that is not a snapshot at all.
	foreign bool
}

// scanner is a small strict JSON reader over a byte slice that knows where it is: every problem
// carries a byte offset, turned into line:col for the message. The first problem sticks and turns the
// remaining calls into no-ops. It follows the fixed nesting of the snapshot layout, and skip (which
// reads any value) stops at maxSkipDepth, so no input can exhaust the stack.
type scanner struct {
	src     []byte
	i       int
	err     *scanError
	scratch []byte
}

func (sc *scanner) fail(off int, format string, args ...any) {
	if sc.err == nil {
		sc.err = &scanError{off: off, msg: fmt.Sprintf(format, args...)}
	}
}

// notSnapshot fails for a file that is not a snapshot.
func (sc *scanner) notSnapshot(off int, format string, args ...any) {
	if sc.err == nil {
		sc.fail(off, format, args...)
		sc.err.foreign = true
	}
}

// problem converts the scanner's error to a Problem of file.
func (sc *scanner) problem(file string) Problem {
	line, col := lineCol(sc.src, sc.err.off)
	return Problem{Position: Position{File: file, Line: line, Col: col}, Message: sc.err.msg}
}

func (sc *scanner) ws() {
	for sc.i < len(sc.src) {
		switch sc.src[sc.i] {
		case ' ', '\t', '\n', '\r':
			sc.i++
		default:
			return
		}
	}
}

// found describes the next token for messages.
func (sc *scanner) found() string {
	if sc.i >= len(sc.src) {
		return "the end of the file (is it truncated?)"
	}
	c := sc.src[sc.i]
	switch {
	case c == '"':
		return "a string"
	case c == '{':
		return "an object"
	case c == '[':
		return "a list"
	case c == '-' || (c >= '0' && c <= '9'):
		return "a number"
	case bytes.HasPrefix(sc.src[sc.i:], []byte("null")):
		return "null"
	case bytes.HasPrefix(sc.src[sc.i:], []byte("true")), bytes.HasPrefix(sc.src[sc.i:], []byte("false")):
		return "a boolean"
	}
	r, _ := utf8.DecodeRune(sc.src[sc.i:])
	return fmt.Sprintf("%q", r)
}

// expect consumes byte c (after white space).
func (sc *scanner) expect(c byte, what string) bool {
	if sc.err != nil {
		return false
	}
	sc.ws()
	if sc.i < len(sc.src) && sc.src[sc.i] == c {
		sc.i++
		return true
	}
	sc.fail(sc.i, "want %s, found %s", what, sc.found())
	return false
}

// object reads an object (what names it in messages: "a link"), calling fn with each key, the
// scanner then at its value, which fn must read. The key aliases the input and is valid until the value
// is read. fn returns false to stop early.
func (sc *scanner) object(what string, fn func(key []byte, keyOff int) bool) {
	if !sc.expect('{', what) {
		return
	}
	sc.ws()
	if sc.i < len(sc.src) && sc.src[sc.i] == '}' {
		sc.i++
		return
	}
	for sc.err == nil {
		sc.ws()
		keyOff := sc.i
		if sc.i >= len(sc.src) || sc.src[sc.i] != '"' {
			sc.fail(sc.i, "want a field name in quotes, found %s", sc.found())
			return
		}
		key := sc.strBytes()
		if !sc.expect(':', "':' after a field name") {
			return
		}
		sc.ws()
		if !fn(key, keyOff) || sc.err != nil {
			return
		}
		sc.ws()
		if sc.i < len(sc.src) && sc.src[sc.i] == ',' {
			sc.i++
			continue
		}
		sc.expect('}', "',' or '}'")
		return
	}
}

// fieldSet records which of a list of known fields an object had.
type fieldSet struct {
	known []string
	mask  uint64
}

// has reports whether the object had field name.
func (fs fieldSet) has(name string) bool {
	i := slices.Index(fs.known, name)
	return i >= 0 && fs.mask&(1<<i) != 0
}

// fields reads an object whose keys must be among known (at most 64), each at most once, calling fn
// with the key at its value. what names the object with its article ("a link").
func (sc *scanner) fields(what string, known []string, fn func(key string)) fieldSet {
	set := fieldSet{known: known}
	next := 0 // canonical files list the fields in order: try the one after the last first
	sc.object(what, func(key []byte, keyOff int) bool {
		i := next
		if i >= len(known) || known[i] != string(key) {
			for i = 0; i < len(known) && known[i] != string(key); i++ {
			}
		}
		next = i + 1
		switch {
		case i == len(known):
			sc.unknown(keyOff, what, string(key), known...)
			return false
		case set.mask&(1<<i) != 0:
			sc.fail(keyOff, "duplicate field %q in %s", key, what)
			return false
		}
		set.mask |= 1 << i
		fn(known[i])
		return true
	})
	return set
}

func (sc *scanner) unknown(off int, what, key string, known ...string) {
	hint := fmt.Sprintf(" (known fields: %s)", strings.Join(known, ", "))
	if s := graph.Suggest(key, slices.Values(known)); s != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", s)
	}
	sc.fail(off, "unknown field %q in %s%s", key, what, hint)
}

// array reads a list, calling fn for each item with the scanner at the item. null is an empty list.
func (sc *scanner) array(fn func(i int)) {
	if sc.null() {
		return
	}
	if !sc.expect('[', "a list") {
		return
	}
	sc.ws()
	if sc.i < len(sc.src) && sc.src[sc.i] == ']' {
		sc.i++
		return
	}
	for i := 0; sc.err == nil; i++ {
		sc.ws()
		fn(i)
		if sc.err != nil {
			return
		}
		sc.ws()
		if sc.i < len(sc.src) && sc.src[sc.i] == ',' {
			sc.i++
			continue
		}
		sc.expect(']', "',' or ']'")
		return
	}
}

// null consumes a null and reports whether there was one.
func (sc *scanner) null() bool {
	if sc.err != nil {
		return false
	}
	sc.ws()
	if bytes.HasPrefix(sc.src[sc.i:], []byte("null")) {
		sc.i += 4
		return true
	}
	return false
}

// strBytes reads a string (null reads as empty). The result aliases the file or a scratch buffer and
// is valid until the next call.
func (sc *scanner) strBytes() []byte {
	if sc.err != nil {
		return nil
	}
	sc.ws()
	if sc.i >= len(sc.src) || sc.src[sc.i] != '"' {
		if !sc.null() {
			sc.fail(sc.i, "want a string, found %s", sc.found())
		}
		return nil
	}
	start := sc.i + 1
	ascii := true
	for i := start; i < len(sc.src); i++ {
		c := sc.src[i]
		switch {
		case c == '"':
			sc.i = i + 1
			s := sc.src[start:i]
			if !ascii && !utf8.Valid(s) {
				sc.fail(start, "a string holds invalid UTF-8")
				return nil
			}
			return s
		case c == '\\':
			return sc.escaped(start, i)
		case c < 0x20:
			sc.fail(i, "a control character in a string must be escaped")
			return nil
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	sc.fail(len(sc.src), "unterminated string: the file ends inside it (is it truncated?)")
	return nil
}

// escaped decodes a string holding escapes, from its start; i is the first backslash.
func (sc *scanner) escaped(start, i int) []byte {
	b := append(sc.scratch[:0], sc.src[start:i]...)
	for i < len(sc.src) {
		c := sc.src[i]
		switch {
		case c == '"':
			sc.i = i + 1
			sc.scratch = b
			if !utf8.Valid(b) {
				sc.fail(start, "a string holds invalid UTF-8")
				return nil
			}
			return b
		case c < 0x20:
			sc.fail(i, "a control character in a string must be escaped")
			return nil
		case c != '\\':
			b = append(b, c)
			i++
			continue
		}
		if i+1 >= len(sc.src) {
			break
		}
		switch e := sc.src[i+1]; e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, ok := hex4(sc.src[i+2:])
			if !ok {
				sc.fail(i, `bad \u escape: want four hex digits`)
				return nil
			}
			i += 4
			if utf16.IsSurrogate(r) {
				// A pair of escapes \uD83D\uDE00 is one character; a lone half is U+FFFD.
				if i+7 < len(sc.src) && sc.src[i+2] == '\\' && sc.src[i+3] == 'u' {
					if lo, ok := hex4(sc.src[i+4:]); ok {
						if d := utf16.DecodeRune(r, lo); d != utf8.RuneError {
							r = d
							i += 6
						}
					}
				}
				if utf16.IsSurrogate(r) {
					r = utf8.RuneError
				}
			}
			b = utf8.AppendRune(b, r)
		default:
			sc.fail(i, "bad escape \\%c in a string", e)
			return nil
		}
		i += 2
	}
	sc.fail(len(sc.src), "unterminated string: the file ends inside it (is it truncated?)")
	return nil
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// str reads a string (null reads as empty).
func (sc *scanner) str() string { return string(sc.strBytes()) }

// strings reads a list of strings (null is an empty list).
func (sc *scanner) strings() []string {
	var out []string
	sc.array(func(int) { out = append(out, sc.str()) })
	return out
}

// numberText reads the text of a JSON number.
func (sc *scanner) numberText() []byte {
	if sc.err != nil {
		return nil
	}
	sc.ws()
	start, i := sc.i, sc.i
	digits := func() int {
		n := 0
		for i < len(sc.src) && sc.src[i] >= '0' && sc.src[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(sc.src) && sc.src[i] == '-' {
		i++
	}
	lead := i
	if digits() == 0 {
		sc.fail(start, "want a number, found %s", sc.found())
		return nil
	}
	if sc.src[lead] == '0' && i-lead > 1 {
		sc.fail(start, "a number cannot start with 0")
		return nil
	}
	if i < len(sc.src) && sc.src[i] == '.' {
		i++
		if digits() == 0 {
			sc.fail(i, "want digits after '.'")
			return nil
		}
	}
	if i < len(sc.src) && (sc.src[i] == 'e' || sc.src[i] == 'E') {
		i++
		if i < len(sc.src) && (sc.src[i] == '+' || sc.src[i] == '-') {
			i++
		}
		if digits() == 0 {
			sc.fail(i, "want digits in the exponent")
			return nil
		}
	}
	sc.i = i
	return sc.src[start:i]
}

// number reads a finite JSON number.
func (sc *scanner) number() float64 {
	off := sc.i
	t := sc.numberText()
	if sc.err != nil {
		return 0
	}
	v, err := strconv.ParseFloat(string(t), 64)
	if err != nil || math.IsInf(v, 0) {
		sc.fail(off, "number %s is out of range", t)
	}
	return v
}

// integer reads a whole number that fits an int32.
func (sc *scanner) integer() int {
	sc.ws()
	off := sc.i
	t := sc.numberText()
	if sc.err != nil {
		return 0
	}
	v, err := strconv.ParseInt(string(t), 10, 32)
	if err != nil {
		sc.fail(off, "want a whole number, found %s", t)
	}
	return int(v)
}

func (sc *scanner) sign() int8 {
	sc.ws()
	off := sc.i
	v := sc.integer()
	if sc.err == nil && (v < -1 || v > 1) {
		sc.fail(off, "sign %d is not -1, 0 or 1", v)
	}
	return int8(v)
}

func (sc *scanner) boolean() bool {
	if sc.err != nil {
		return false
	}
	sc.ws()
	switch {
	case bytes.HasPrefix(sc.src[sc.i:], []byte("true")):
		sc.i += 4
		return true
	case bytes.HasPrefix(sc.src[sc.i:], []byte("false")):
		sc.i += 5
		return false
	}
	sc.fail(sc.i, "want true or false, found %s", sc.found())
	return false
}

func (sc *scanner) date() graph.Date {
	sc.ws()
	off := sc.i
	b := sc.strBytes()
	if sc.err != nil || len(b) == 0 {
		return 0
	}
	d, err := graph.ParseDateBytes(b)
	if err != nil {
		sc.fail(off, "%v", err)
	}
	return d
}

func (sc *scanner) certainty() graph.Certainty {
	sc.ws()
	off := sc.i
	b := sc.strBytes()
	if sc.err != nil {
		return 0
	}
	switch string(b) {
	case "", "reported":
		return graph.Reported
	case "alleged":
		return graph.Alleged
	case "confirmed":
		return graph.Confirmed
	case "planned":
		return graph.Planned
	}
	c, err := graph.ParseCertainty(string(b))
	if err != nil {
		sc.fail(off, "%v", err)
	}
	return c
}

func (sc *scanner) attrs() map[string]string {
	var m map[string]string
	if sc.null() {
		return nil
	}
	sc.object("an object of attributes", func(k []byte, keyOff int) bool {
		key := string(k)
		if m == nil {
			m = map[string]string{}
		}
		if _, dup := m[key]; dup {
			sc.fail(keyOff, "duplicate attribute %q", key)
			return false
		}
		m[key] = sc.str()
		return true
	})
	return m
}

func (sc *scanner) sources() []graph.Source {
	var out []graph.Source
	sc.array(func(int) {
		off := sc.i
		var s graph.Source
		has := sc.fields("a source", []string{"doc", "para", "note"}, func(key string) {
			switch key {
			case "doc":
				s.Doc = sc.str()
			case "para":
				s.Para = sc.integer()
			case "note":
				s.Note = sc.str()
			}
		})
		if sc.err == nil && !has.has("doc") {
			sc.fail(off, "a source needs \"doc\"")
		}
		out = append(out, s)
	})
	return out
}

// maxSkipDepth bounds the nesting skip follows, so that no input can exhaust the stack.
const maxSkipDepth = 64

// skip reads over any value.
func (sc *scanner) skip(depth int) {
	if sc.err != nil {
		return
	}
	if depth > maxSkipDepth {
		sc.fail(sc.i, "too deeply nested")
		return
	}
	sc.ws()
	if sc.i >= len(sc.src) {
		sc.fail(sc.i, "want a value, found %s", sc.found())
		return
	}
	switch c := sc.src[sc.i]; {
	case c == '{':
		sc.object("an object", func([]byte, int) bool { sc.skip(depth + 1); return sc.err == nil })
	case c == '[':
		sc.array(func(int) { sc.skip(depth + 1) })
	case c == '"':
		sc.strBytes()
	case c == 't' || c == 'f':
		sc.boolean()
	case c == 'n':
		if !sc.null() {
			sc.fail(sc.i, "want a value, found %s", sc.found())
		}
	default:
		sc.numberText()
	}
}
