// Package export writes a relgraph graph in the formats other tools read: GraphML (yEd, Gephi,
// NetworkX, igraph), GEXF 1.3 with time (Gephi's timeline), Cytoscape.js JSON and the bulk-import files of
// Neo4j with a LOAD CSV script. relgraph's own CSV pair, which loads back losslessly, is not a foreign
// format: package data/native writes it.
//
// Every writer takes a View — the actors and links to write — and writes them in the graph's order
// (actor numbers, link numbers), so that the output of a given graph is always the same bytes. Names,
// notes and attributes are escaped for each format: XML entities, CSV quoting, JSON strings, Cypher
// string literals.
package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/query"
	"github.com/relgraph/relgraph/render/jsonout"
)

// Format names an export format.
type Format string

// The export formats.
const (
	GraphML   Format = "graphml"
	GEXF      Format = "gexf"
	Cytoscape Format = "cytoscape"
	Neo4j     Format = "neo4j"
)

// Formats returns every format, in the order help texts show them, as a new slice.
func Formats() []Format { return []Format{GraphML, GEXF, Cytoscape, Neo4j} }

// IsDir reports whether f is written as a directory of files (Neo4j) rather than one file.
func (f Format) IsDir() bool { return f == Neo4j }

// Ext returns the usual file name extension of a single-file format ("" for directory formats).
func (f Format) Ext() string {
	switch f {
	case GraphML:
		return ".graphml"
	case GEXF:
		return ".gexf"
	case Cytoscape:
		return ".json"
	}
	return ""
}

// View is what an export writes: a graph, some of its actors and some of its links. Every link of
// Links must join two actors of Actors. Both lists are in increasing order.
type View struct {
	Graph  *graph.Graph
	Actors []int32
	Links  []int32
}

// Whole returns the view of every present actor and every link of g. O(actors + links).
func Whole(g *graph.Graph) View {
	links := make([]int32, g.NumLinks())
	for i := range links {
		links[i] = int32(i)
	}
	return View{Graph: g, Actors: g.PresentActors(), Links: links}
}

// Focus returns the ego network of center in g (query.Ego): the actors within depth links of it, link
// direction ignored, and every link of g among them. A negative depth means no bound.
// O(actors + links).
func Focus(g *graph.Graph, center int32, depth int) View {
	actors := query.Ego(g, center, depth)
	in := make([]bool, g.NumActors())
	for _, a := range actors {
		in[a] = true
	}
	var links []int32
	for i := range int32(g.NumLinks()) {
		if from, to := g.Ends(i); in[from] && in[to] {
			links = append(links, i)
		}
	}
	return View{Graph: g, Actors: actors, Links: links}
}

// Options tunes the graph formats (GraphML, GEXF).
type Options struct {
	// Mixed marks links of undirected kinds as undirected edges (GraphML directed="false", GEXF
	// type="undirected") in a graph whose edges are directed by default. Gephi reads such mixed graphs;
	// NetworkX refuses them, so by default every edge is directed from→to and carries a boolean
	// "directed" attribute saying whether the direction means anything.
	Mixed bool
	// Window, when not zero, is the span of time the GEXF timeline covers (the graph's start and end).
	Window graph.Window
	// Description is written into the file's metadata where the format has a place for it.
	Description string
}

// File is one file of a directory format.
type File struct {
	Name string
	Data []byte
}

// jsonText encodes v as compact JSON without HTML escaping (the formats escape it themselves).
func jsonText(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil { // unreachable for the types encoded here
		panic(fmt.Sprintf("export: encoding %T: %v", v, err))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// sourcesText returns sources as a JSON list, or "" when there are none.
func sourcesText(s []graph.Source) string {
	if len(s) == 0 {
		return ""
	}
	return jsonText(jsonout.FromSources(s))
}

// rolesText returns a link's roles as a JSON list of {"role", "actor"} objects, the shape of
// relgraph's JSON, or "" when there are none.
func rolesText(roles []graph.Role) string {
	if len(roles) == 0 {
		return ""
	}
	return jsonText(jsonout.FromRoles(roles))
}

// listText returns a list of strings as a JSON list, or "" when it is empty.
func listText(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return jsonText(s)
}

// materialize returns the view's links in full, in order. Writers materialise them once: a Link is
// built from the graph's compact records on every call.
func materialize(v View) []graph.Link {
	out := make([]graph.Link, len(v.Links))
	for i, li := range v.Links {
		out[i] = v.Graph.Link(li)
	}
	return out
}

// linkAt returns link li of g in full, as g.Link does, except that its attributes, sources and roles are the
// graph's own, not copies: the streaming writers read them once and keep nothing of a link, so that
// writing a million links takes no memory beyond the graph's.
func linkAt(g *graph.Graph, li int32) graph.Link {
	k := g.KindOf(li)
	from, to := g.Ends(li)
	start, end, on := g.SpanOf(li)
	return graph.Link{ID: g.LinkID(li), Kind: k.ID, From: g.Actor(from).ID, To: g.Actor(to).ID, Directed: k.Directed,
		Sign: g.SignOf(li), Start: start, End: end, On: on, Certainty: g.CertaintyOf(li), Weight: g.WeightOf(li),
		Attrs: g.AttrsOf(li), Sources: g.SourcesOf(li), Roles: g.RolesOf(li)}
}

// viewAttrNames returns the sorted attribute names used by the view's actors and by its links, read
// from the graph without materialising a link.
func viewAttrNames(v View) (actorAttrs, linkAttrs []string) {
	actorAttrs, _ = attrNames(v, nil)
	seen := map[string]bool{}
	for _, li := range v.Links {
		for k := range v.Graph.AttrsOf(li) {
			seen[k] = true
		}
	}
	return actorAttrs, slices.Sorted(maps.Keys(seen))
}

// attrNames returns the sorted attribute names used by the view's actors and by the given links.
func attrNames(v View, links []graph.Link) (actorAttrs, linkAttrs []string) {
	seen := map[string]bool{}
	for _, a := range v.Actors {
		for k := range v.Graph.Actor(a).Attrs {
			seen[k] = true
		}
	}
	actorAttrs = slices.Sorted(maps.Keys(seen))
	seen = map[string]bool{}
	for i := range links {
		for k := range links[i].Attrs {
			seen[k] = true
		}
	}
	return actorAttrs, slices.Sorted(maps.Keys(seen))
}

// attrTitles names the columns that carry attributes: an attribute keeps its own name unless that is a
// reserved field name, in which case it is called "attrs.NAME".
func attrTitles(names, reserved []string) map[string]string {
	out := make(map[string]string, len(names))
	taken := map[string]bool{}
	for _, r := range reserved {
		taken[r] = true
	}
	for _, n := range names {
		if taken[n] {
			out[n] = "attrs." + n
		} else {
			out[n] = n
		}
	}
	return out
}

// dateText formats d as written ("2016", "2016-08", "2016-08-08"), "" when absent. It is
// graph.Date.String without fmt, which a large export calls millions of times.
func dateText(d graph.Date) string {
	if d == 0 {
		return ""
	}
	var b [10]byte
	n := 4
	put := func(at, v, width int) {
		for i := at + width - 1; i >= at; i-- {
			b[i] = byte('0' + v%10)
			v /= 10
		}
	}
	if d.Year() < 1 || d.Year() > 9999 || d.Month() > 12 || d.Month() < 0 || d.Day() < 0 {
		return d.String()
	}
	put(0, d.Year(), 4)
	if m := d.Month(); m != 0 {
		b[4] = '-'
		put(5, m, 2)
		n = 7
		if day := d.Day(); day != 0 {
			b[7] = '-'
			put(8, day, 2)
			n = 10
		}
	}
	return string(b[:n])
}

// span returns the first and last day a link covers: its event's day(s), or its start's first day and
// its end's last day (zero when open).
func span(l *graph.Link) (lo, hi graph.Date) {
	if l.On != 0 {
		return l.On.Lo(), l.On.Hi()
	}
	return l.Start.Lo(), l.End.Hi()
}

// isoDay formats a full date as YYYY-MM-DD ("" when zero).
func isoDay(d graph.Date) string { return dateText(d) }
