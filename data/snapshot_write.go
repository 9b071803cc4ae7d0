package data

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/relgraph/relgraph/graph"
)

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
		b = append(b, `, "level": `...)
		b = appendRef(b, f.Level)
		b = append(b, '}')
	}
	b = append(b, "],\n"...)
	sw.buf = b
	sw.flush()
}

// kinds writes the kinds that are not built in (or that change a built-in actor kind's meaning), in
// the order the kind table holds them, so that loading them back rebuilds the same table.
func (sw *snapWriter) kinds(k *graph.Kinds) {
	lks, aks, rks := k.Declared()
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
	sw.raw(",\n    \"roles\": ")
	_ = sw.list("    ", len(rks), func(i int) error {
		b := append(sw.buf, `{"id": `...)
		b = appendJSONString(b, rks[i].ID)
		b = append(b, `, "meaning": `...)
		b = appendJSONString(b, rks[i].Meaning)
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
		// A graph rolled up to a level is written as recorded, with its level in the header, which
		// rolls it up again on loading: the recorded ends and the actors roles name are written too.
		from, to := g.RecordedEnds(l)
		write(from)
		write(to)
		for _, ro := range g.RolesOf(l) {
			if r, ok := g.ActorIndex(ro.Actor); ok {
				write(r)
			}
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
	from, to := g.RecordedEnds(l)
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
	b = append(b, `, "roles": `...)
	b = appendRoles(b, g.RolesOf(l))
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

// appendRoles appends a link's roles as a list of {"role", "actor"} objects.
func appendRoles(b []byte, roles []graph.Role) []byte {
	b = append(b, '[')
	for i, r := range roles {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, `{"role": `...)
		b = appendJSONString(b, r.Name)
		b = append(b, `, "actor": `...)
		b = appendJSONString(b, r.Actor)
		b = append(b, '}')
	}
	return append(b, ']')
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
