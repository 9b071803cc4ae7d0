package render

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render/text"
)

// EdgeLabels says which drawn links carry a text label.
type EdgeLabels uint8

// The label modes. Labels on a large view overlap each other and the lines, so LabelsAuto labels only
// small views: the kind on views of up to AutoKindLabels edges, the kind and the dates on views of up to
// AutoSpanLabels edges, and on a highlighted path view only the path's links.
const (
	LabelsAuto EdgeLabels = iota
	LabelsNone
	LabelsKind // the kind (and "×N" for merged links)
	LabelsFull // the kind and the date span
)

// Thresholds of LabelsAuto, in drawn edges.
const (
	AutoKindLabels = 40
	AutoSpanLabels = 20
)

// ParseEdgeLabels parses "auto", "none", "kind" or "full".
func ParseEdgeLabels(s string) (EdgeLabels, error) {
	for i, n := range edgeLabelNames {
		if s == n {
			return EdgeLabels(i), nil
		}
	}
	return 0, fmt.Errorf("unknown label mode %q (want auto, none, kind or full)", s)
}

var edgeLabelNames = [...]string{"auto", "none", "kind", "full"}

// String returns the mode's name.
func (e EdgeLabels) String() string {
	if int(e) < len(edgeLabelNames) {
		return edgeLabelNames[e]
	}
	return "labels?"
}

// Cluster modes of DOTOptions.Cluster.
const (
	ClusterNone    = ""
	ClusterCountry = "country"
)

// DOTOptions says which part of a graph to draw and how.
//
// Actors, Focus, Highlight and HighlightLinks hold actor and link numbers of the graph given to DOT or
// Diagram.AddGraph.
type DOTOptions struct {
	// Actors are the actors to draw, with every link of the graph between two of them. Nil draws every
	// present actor that has at least one link.
	Actors []int32
	// Title is drawn above the diagram.
	Title string
	// NoLegend leaves out the legend (the kinds, line patterns and statuses drawn).
	NoLegend bool
	// Layout is the Graphviz engine the DOT is tuned for and names: dot (the default), neato, fdp, circo
	// or twopi.
	Layout string
	// Cluster groups actors: ClusterCountry draws the actors that belong to a country (following `in`
	// upwards) inside a box of that country, and leaves out the located_in links that the box shows.
	Cluster string
	// Focus are the actors a view is centred on: drawn with a heavier outline; the first is the centre
	// of a twopi layout.
	Focus []int32
	// Highlight and HighlightLinks are drawn bold (a path); when either is set, everything else is faded.
	Highlight      []int32
	HighlightLinks []int32
	// Labels says which links carry a label; the zero value is LabelsAuto.
	Labels EdgeLabels
	// Bundle draws the links between two actors that span more than Bundle kinds as one line: a cable
	// of thin parallel lines, one in each kind's colour, labelled with the counts. Zero means
	// automatic: AutoBundleKinds on views of more than AutoKindLabels edges, never on smaller ones; a
	// negative value never bundles.
	Bundle int
}

// AutoBundleKinds is the number of kinds between two actors above which a large view bundles their
// links (see DOTOptions.Bundle).
const AutoBundleKinds = 3

// Diagram collects actors and links, possibly from several graphs (as a drawing of the changes
// between two snapshots needs), and writes them as DOT. Actors are identified by id and links by link
// id, so adding an element twice keeps one copy. The zero value is not usable; call NewDiagram.
//
// A Diagram is not safe for concurrent use.
type Diagram struct {
	opts        DOTOptions
	nodes       map[string]*dnode
	links       []dlink           // in the order they were added
	linkIndex   map[string]int32  // link id → index in links
	linkNotes   map[string]string // link id → note
	highlighted bool
	root        string // the first focus actor: the centre of a twopi layout
}

type dnode struct {
	actor       *graph.Actor
	inName      string // name of the actor it lies in, for the tooltip
	country     string // id of the country whose box holds it ("" = none)
	countryName string
	status      Status
	highlight   bool
	focus       bool
	note        string
}

// dlink is a link of the diagram: where it is in its graph, and its marks. Its fields are read from
// the graph as the diagram is written, so that a diagram of a million links holds 32 bytes for each.
type dlink struct {
	id        string
	g         *graph.Graph
	i         int32
	status    Status
	highlight bool
}

// kind returns the link's kind.
func (l *dlink) kind() *graph.LinkKind { return l.g.KindOf(l.i) }

// ends returns the actor ids of the link's ends, from first.
func (l *dlink) ends() (from, to string) {
	f, t := l.g.Ends(l.i)
	return l.g.Actor(f).ID, l.g.Actor(t).ID
}

// certainty returns the link's certainty.
func (l *dlink) certainty() graph.Certainty { return l.g.CertaintyOf(l.i) }

// dates returns the link's dates only: Start and End, or On.
func (l *dlink) dates() graph.Link {
	start, end, on := l.g.SpanOf(l.i)
	return graph.Link{Start: start, End: end, On: on}
}

// full returns the link in full. Its attributes and sources are the graph's own, to be read only.
func (l *dlink) full() graph.Link {
	k := l.kind()
	from, to := l.ends()
	start, end, on := l.g.SpanOf(l.i)
	return graph.Link{ID: l.id, Kind: k.ID, From: from, To: to, Directed: k.Directed, Sign: l.g.SignOf(l.i),
		Start: start, End: end, On: on, Certainty: l.certainty(), Weight: l.g.WeightOf(l.i),
		Attrs: l.g.AttrsOf(l.i), Sources: l.g.SourcesOf(l.i)}
}

// NewDiagram returns an empty diagram drawn with opts' presentation settings (Title, NoLegend, Layout,
// Cluster, Labels). Its view settings (Actors, Focus, Highlight…) apply to AddGraph.
func NewDiagram(opts DOTOptions) *Diagram {
	return &Diagram{opts: opts, nodes: map[string]*dnode{}, linkIndex: map[string]int32{}, linkNotes: map[string]string{}}
}

// DOT writes the view of g that opts selects as a Graphviz digraph in DOT text. The output is
// deterministic: nodes, edges and attributes come in a fixed order. O((actors + links) log links).
func DOT(w io.Writer, g *graph.Graph, opts DOTOptions) error {
	d := NewDiagram(opts)
	d.AddGraph(g)
	return d.WriteDOT(w)
}

// AddGraph adds the view of g that the diagram's options select: the actors of opts.Actors (or every
// present actor that has a link) and every link of g between two of them, marking the focus and the
// highlighted elements.
func (d *Diagram) AddGraph(g *graph.Graph) {
	actors := d.opts.Actors
	if actors == nil {
		for _, a := range g.PresentActors() {
			if g.Degree(a) > 0 {
				actors = append(actors, a)
			}
		}
	}
	in := make(map[int32]bool, len(actors))
	for _, a := range actors {
		if a >= 0 && int(a) < g.NumActors() && g.Present(a) {
			in[a] = true
			d.AddActor(g, a, StatusNone)
		}
	}
	for a := range in {
		for _, l := range g.Out(a) {
			if _, to := g.Ends(l); in[to] {
				d.AddLink(g, l, StatusNone)
			}
		}
	}
	for _, a := range d.opts.Focus {
		if n := d.node(g, a); n != nil {
			n.focus = true
			if d.root == "" {
				d.root = n.actor.ID
			}
		}
	}
	for _, a := range d.opts.Highlight {
		if n := d.node(g, a); n != nil {
			n.highlight = true
			d.highlighted = true
		}
	}
	for _, l := range d.opts.HighlightLinks {
		if l >= 0 && int(l) < g.NumLinks() {
			if k, ok := d.linkIndex[g.LinkID(l)]; ok {
				d.links[k].highlight = true
				d.highlighted = true
			}
		}
	}
}

// node returns the diagram's node of actor a of g, or nil.
func (d *Diagram) node(g *graph.Graph, a int32) *dnode {
	if a < 0 || int(a) >= g.NumActors() {
		return nil
	}
	return d.nodes[g.Actor(a).ID]
}

// AddActor adds actor a of g with a status. Adding an actor already in the diagram sets its status
// (unless st is StatusNone).
func (d *Diagram) AddActor(g *graph.Graph, a int32, st Status) {
	ac := g.Actor(a)
	if n, ok := d.nodes[ac.ID]; ok {
		if st != StatusNone {
			n.status = st
		}
		return
	}
	n := &dnode{actor: ac, status: st}
	if ac.In != "" {
		n.inName = ac.In
		if p, ok := g.ActorIndex(ac.In); ok {
			n.inName = g.Actor(p).Name
		}
	}
	if d.opts.Cluster == ClusterCountry {
		if c, ok := CountryOf(g, a); ok {
			n.country, n.countryName = g.Actor(c).ID, g.Actor(c).Name
		}
	}
	d.nodes[ac.ID] = n
}

// AddLink adds link i of g with a status, and its two actors if they are not in the diagram yet (with
// StatusNone). Adding a link already in the diagram (by id) sets its status (unless st is StatusNone).
func (d *Diagram) AddLink(g *graph.Graph, i int32, st Status) {
	id := g.LinkID(i)
	if k, ok := d.linkIndex[id]; ok {
		if st != StatusNone {
			d.links[k].status = st
		}
		return
	}
	from, to := g.Ends(i)
	d.AddActor(g, from, StatusNone)
	d.AddActor(g, to, StatusNone)
	d.linkIndex[id] = int32(len(d.links))
	d.links = append(d.links, dlink{id: id, g: g, i: i, status: st})
}

// Note adds a line of text to the tooltip of the actor or link with the given id (an actor id is
// tried first), such as what changed. It reports whether the element is in the diagram.
func (d *Diagram) Note(id, line string) bool {
	if n, ok := d.nodes[id]; ok {
		n.note = text.JoinNonEmpty("\n", n.note, line)
		return true
	}
	if _, ok := d.linkIndex[id]; ok {
		d.linkNotes[id] = text.JoinNonEmpty("\n", d.linkNotes[id], line)
		return true
	}
	return false
}

// NumActors returns the number of actors in the diagram.
func (d *Diagram) NumActors() int { return len(d.nodes) }

// NumLinks returns the number of links in the diagram (before links of one kind between the same two
// actors are merged into one edge).
func (d *Diagram) NumLinks() int { return len(d.links) }

// NumEdges returns the number of lines the diagram draws, which is what a layout engine has to route:
// its links once those of one kind between the same two actors are merged and those of many kinds
// bundled (see Diagram.edges), less the links a country box stands for. O(links log links).
func (d *Diagram) NumEdges() int { return len(d.edges()) }

// edge is one drawn line: the links of one kind between the same two actors that look alike.
type edge struct {
	from, to  string // actor ids; for undirected kinds from < to
	kind      *graph.LinkKind
	pattern   string
	status    Status
	highlight bool
	links     []*dlink // sorted by date, then id
	// bundle lists the kinds of a bundle edge (links of several kinds), sorted by id; nil otherwise.
	bundle []*graph.LinkKind
	// fromRank, toRank and kindRank order ends and kind as their ids do (see Diagram.actorRanks).
	fromRank, toRank, kindRank int32
}

// bundleKind is the kind id of a bundle edge; it cannot clash with a link kind, which is a slug.
const bundleKind = "~bundle"

// compareEdges orders drawn edges: by ends, kind, pattern, status and highlight.
func compareEdges(a, b *edge) int {
	return cmp.Or(strings.Compare(a.from, b.from), strings.Compare(a.to, b.to), strings.Compare(a.kind.ID, b.kind.ID),
		strings.Compare(a.pattern, b.pattern), cmp.Compare(a.status, b.status), compareBool(a.highlight, b.highlight))
}

// edges groups the diagram's links into drawn edges, in a fixed order. Links of one kind between the
// same two actors (in the same direction, for directed kinds) with the same line pattern, status and
// highlight are merged: a multigraph of visits, summits and deals would otherwise draw dozens of
// parallel lines of one colour between two capitals. Links of different kinds stay separate edges,
// because a line's colour tells its kind — except between two actors tied by many kinds in a large
// view, where they become one bundle (see DOTOptions.Bundle).
//
// The links are sorted once by their edge's key, then date and id, so that every edge is a run of
// the sorted links: no map of groups, and no copy of a link. O(links log links).
func (d *Diagram) edges() []*edge {
	ids, ranks := d.actorRanks()
	kinds := d.kindRanks()
	type keyed struct {
		from, to  int32 // actor ranks; for undirected kinds from < to
		kind      int32 // kind rank
		pattern   uint8
		status    Status
		highlight bool
		lo        graph.Date
		l         *dlink
	}
	ks := make([]keyed, 0, len(d.links))
	for i := range d.links {
		l := &d.links[i]
		if d.hidden(l) {
			continue
		}
		k := l.kind()
		f, t := l.g.Ends(l.i)
		from, to := ranks[l.g][f], ranks[l.g][t]
		if !k.Directed && to < from {
			from, to = to, from
		}
		ks = append(ks, keyed{from, to, kinds[k], patternRank(LinePattern(l.g.SignOf(l.i), l.certainty())), l.status,
			l.highlight, l.g.WhenOf(l.i).Lo(), l})
	}
	sameEdge := func(a, b *keyed) int {
		return cmp.Or(cmp.Compare(a.from, b.from), cmp.Compare(a.to, b.to), cmp.Compare(a.kind, b.kind),
			cmp.Compare(a.pattern, b.pattern), cmp.Compare(a.status, b.status), compareBool(a.highlight, b.highlight))
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		if c := sameEdge(&a, &b); c != 0 { // cmp.Or would compare the ids every time
			return c
		}
		if c := cmp.Compare(a.lo, b.lo); c != 0 {
			return c
		}
		return strings.Compare(a.l.id, b.l.id)
	})
	order := make([]*dlink, len(ks))
	for i := range ks {
		order[i] = ks[i].l
	}
	n := 0
	for i := range ks {
		if i == 0 || sameEdge(&ks[i-1], &ks[i]) != 0 {
			n++
		}
	}
	store := make([]edge, 0, n)
	out := make([]*edge, 0, n)
	for lo := 0; lo < len(ks); {
		hi := lo + 1
		first := lo // the link with the smallest id gives the edge its kind
		for hi < len(ks) && sameEdge(&ks[lo], &ks[hi]) == 0 {
			if ks[hi].l.id < ks[first].l.id {
				first = hi
			}
			hi++
		}
		k := &ks[lo]
		store = append(store, edge{from: ids[k.from], to: ids[k.to], kind: ks[first].l.kind(),
			pattern: patternOfRank(k.pattern), status: k.status, highlight: k.highlight, links: order[lo:hi:hi],
			fromRank: k.from, toRank: k.to, kindRank: k.kind})
		out = append(out, &store[len(store)-1])
		lo = hi
	}
	return d.bundle(out)
}

// patternRank numbers the line patterns in the order of their names; patternOfRank undoes it.
func patternRank(p string) uint8 {
	switch p {
	case patternDashed:
		return 0
	case patternDotted:
		return 1
	}
	return 2
}

// patternOfRank returns the line pattern numbered r by patternRank.
func patternOfRank(r uint8) string {
	switch r {
	case 0:
		return patternDashed
	case 1:
		return patternDotted
	}
	return patternSolid
}

// actorRanks returns the ids of the diagram's actors in increasing order and, for every graph its
// links come from, the rank of each of the graph's actors in that order (-1 for one not drawn), so
// that drawn edges are sorted by numbers rather than strings. O(actors log actors).
func (d *Diagram) actorRanks() (ids []string, ranks map[*graph.Graph][]int32) {
	ids = slices.Sorted(maps.Keys(d.nodes))
	ranks = map[*graph.Graph][]int32{}
	for i := range d.links {
		g := d.links[i].g
		if ranks[g] != nil {
			continue
		}
		r := make([]int32, g.NumActors())
		for j := range r {
			r[j] = -1
		}
		for k, id := range ids {
			if a, ok := g.ActorIndex(id); ok {
				r[a] = int32(k)
			}
		}
		ranks[g] = r
	}
	return ids, ranks
}

// kindRanks numbers the link kinds of the diagram's links in the order of their ids; kinds of several
// graphs with the same id share a number.
func (d *Diagram) kindRanks() map[*graph.LinkKind]int32 {
	ranks := map[*graph.LinkKind]int32{}
	for i := range d.links {
		ranks[d.links[i].kind()] = 0
	}
	byID := map[string][]*graph.LinkKind{}
	for k := range ranks {
		byID[k.ID] = append(byID[k.ID], k)
	}
	for r, id := range slices.Sorted(maps.Keys(byID)) {
		for _, k := range byID[id] {
			ranks[k] = int32(r)
		}
	}
	return ranks
}

// bundle replaces, between every two actors tied by more kinds than the Bundle option allows, their
// unmarked edges (no status, no highlight) by one bundle edge. edges are in compareEdges order, and so
// is the result. O(edges log edges).
func (d *Diagram) bundle(edges []*edge) []*edge {
	limit := d.opts.Bundle
	if limit == 0 {
		if len(edges) <= AutoKindLabels {
			return edges
		}
		limit = AutoBundleKinds
	}
	if limit < 0 {
		return edges
	}
	// Only unmarked and unchanged edges are bundled: an added, removed, changed or highlighted link
	// keeps its own line.
	type member struct {
		a, b, kind int32 // ranks: the two actors (a < b) and the kind
		status     Status
		e          *edge
	}
	var ms []member
	for _, e := range edges {
		if e.highlight || (e.status != StatusNone && e.status != StatusUnchanged) {
			continue
		}
		ms = append(ms, member{min(e.fromRank, e.toRank), max(e.fromRank, e.toRank), e.kindRank, e.status, e})
	}
	group := func(x, y *member) int {
		return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b), cmp.Compare(x.status, y.status))
	}
	slices.SortFunc(ms, func(x, y member) int {
		return cmp.Or(group(&x, &y), cmp.Compare(x.kind, y.kind))
	})
	bundleOf := map[*edge]*edge{}
	for lo := 0; lo < len(ms); {
		hi, kinds := lo+1, 1
		for hi < len(ms) && group(&ms[lo], &ms[hi]) == 0 {
			if ms[hi].kind != ms[hi-1].kind {
				kinds++
			}
			hi++
		}
		if kinds > limit {
			m := &ms[lo]
			from, to := m.e.from, m.e.to
			if m.e.toRank < m.e.fromRank {
				from, to = to, from
			}
			b := &edge{from: from, to: to, kind: &graph.LinkKind{ID: bundleKind}, pattern: patternSolid, status: m.status,
				fromRank: m.a, toRank: m.b, kindRank: -1}
			for i := lo; i < hi; i++ {
				if i == lo || ms[i].kind != ms[i-1].kind {
					b.bundle = append(b.bundle, ms[i].e.kind)
				}
				b.links = append(b.links, ms[i].e.links...)
				bundleOf[ms[i].e] = b
			}
			slices.SortFunc(b.links, func(x, y *dlink) int {
				return cmp.Or(cmp.Compare(x.g.WhenOf(x.i).Lo(), y.g.WhenOf(y.i).Lo()), strings.Compare(x.id, y.id))
			})
		}
		lo = hi
	}
	if len(bundleOf) == 0 {
		return edges
	}
	out := edges[:0:0]
	added := map[*edge]bool{}
	for _, e := range edges {
		b := bundleOf[e]
		switch {
		case b == nil:
			out = append(out, e)
		case !added[b]:
			added[b] = true
			out = append(out, b)
		}
	}
	slices.SortFunc(out, compareEdges)
	return out
}

// hidden reports whether a link is left out of the drawing: a located_in link inside one country's box
// (the box already says it), unless it is marked.
func (d *Diagram) hidden(l *dlink) bool {
	if d.opts.Cluster != ClusterCountry || l.highlight || (l.status != StatusNone && l.status != StatusUnchanged) ||
		l.kind().ID != graph.KindLocatedIn {
		return false
	}
	from, to := l.ends()
	a, b := d.nodes[from], d.nodes[to]
	return a != nil && b != nil && a.country != "" && a.country == b.country
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// WriteDOT writes the diagram as a Graphviz digraph. Every name, label and tooltip is written as an
// escaped DOT string (see escape.go), so no input can change the structure of the DOT or put markup
// into an SVG drawn from it. The output is deterministic. It is written a statement at a time through
// a buffer, so that a diagram of a million links needs no memory for its text.
func (d *Diagram) WriteDOT(w io.Writer) error {
	edges := d.edges()
	labels := d.labelMode(len(edges))

	bw := bufio.NewWriterSize(w, 64<<10)
	var b strings.Builder // one statement at a time
	put := func() error {
		_, err := bw.WriteString(b.String())
		b.Reset()
		return err
	}
	b.WriteString("digraph relgraph {\n")
	writeStmt(&b, "\t", "graph", d.graphAttrs(edges))
	var nodeDefaults, edgeDefaults attrs
	nodeDefaults.set("fontname", FontName)
	nodeDefaults.set("fontsize", "11")
	nodeDefaults.set("margin", "0.08,0.04")
	nodeDefaults.set("height", "0.3")
	writeStmt(&b, "\t", "node", nodeDefaults)
	edgeDefaults.set("fontname", FontName)
	edgeDefaults.set("fontsize", "9")
	edgeDefaults.set("fontcolor", "#444444")
	edgeDefaults.set("arrowsize", "0.6")
	writeStmt(&b, "\t", "edge", edgeDefaults)
	if err := put(); err != nil {
		return err
	}

	ids := slices.Sorted(maps.Keys(d.nodes))
	clusters := map[string][]string{}
	if d.opts.Cluster == ClusterCountry {
		for _, id := range ids {
			if c := d.nodes[id].country; c != "" {
				clusters[c] = append(clusters[c], id)
			}
		}
	}
	for _, c := range slices.Sorted(maps.Keys(clusters)) {
		members := clusters[c]
		if len(members) < 2 {
			continue
		}
		fmt.Fprintf(&b, "\tsubgraph %s {\n", quote("cluster_"+c))
		var ca attrs
		ca.text("label", d.nodes[members[0]].countryName)
		ca.text("id", "country:"+c)
		ca.set("style", "rounded,filled")
		ca.set("fillcolor", "#f5f8fc")
		ca.set("color", "#9fb7d4")
		ca.set("fontsize", "12")
		ca.set("fontcolor", "#4a78a8")
		ca.set("labeljust", "l")
		ca.set("margin", "10")
		writeStmt(&b, "\t\t", "graph", ca)
		for _, id := range members {
			d.writeNode(&b, "\t\t", id)
			if err := put(); err != nil {
				return err
			}
		}
		b.WriteString("\t}\n")
	}
	for _, id := range ids {
		if n := d.nodes[id]; n.country == "" || len(clusters[n.country]) < 2 {
			d.writeNode(&b, "\t", id)
			if err := put(); err != nil {
				return err
			}
		}
	}
	if !d.opts.NoLegend && len(d.nodes) > 0 {
		writeStmt(&b, "\t", quote(legendNode), d.legendAttrs(edges))
	}
	for _, e := range edges {
		b.WriteByte('\t')
		b.WriteString(quote(e.from))
		b.WriteString(" -> ")
		b.WriteString(quote(e.to))
		b.WriteByte(' ')
		writeAttrs(&b, d.edgeAttrs(e, labels))
		b.WriteString(";\n")
		if err := put(); err != nil {
			return err
		}
	}
	b.WriteString("}\n")
	if err := put(); err != nil {
		return err
	}
	return bw.Flush()
}

// legendNode is the DOT name of the legend; it cannot clash with an actor id, which is a slug.
const legendNode = "_legend"

// labelMode resolves LabelsAuto for a drawing of n edges.
func (d *Diagram) labelMode(n int) EdgeLabels {
	if d.opts.Labels != LabelsAuto {
		return d.opts.Labels
	}
	switch {
	case d.highlighted:
		return LabelsAuto // resolved per edge: only highlighted edges are labelled
	case n <= AutoSpanLabels:
		return LabelsFull
	case n <= AutoKindLabels:
		return LabelsKind
	}
	return LabelsNone
}

// graphAttrs are the graph-wide attributes, tuned for the layout engine.
func (d *Diagram) graphAttrs(edges []*edge) attrs {
	layout := d.opts.Layout
	if layout == "" {
		layout = "dot"
	}
	var a attrs
	a.set("layout", layout)
	a.set("fontname", FontName)
	a.set("bgcolor", "white")
	a.set("pad", "0.3")
	a.set("outputorder", "edgesfirst")
	a.set("splines", "true")
	if d.opts.Title != "" {
		a.text("label", d.opts.Title)
		a.text("tooltip", d.opts.Title)
		a.set("labelloc", "t")
		a.set("fontsize", "18")
	}
	switch layout {
	case "dot":
		a.set("rankdir", "LR")
		a.set("nodesep", "0.18")
		a.set("ranksep", "0.9")
		a.set("newrank", "true")
	case "neato":
		a.set("overlap", "false")
		a.set("sep", "+10")
		a.set("esep", "+4")
		a.set("mode", "major")
	case "fdp":
		a.set("overlap", "false")
		a.set("sep", "+10")
		a.set("K", "0.9")
		a.set("splines", "line") // routing splines around nodes takes minutes in fdp on a hundred nodes
	case "circo":
		a.set("mindist", "0.6")
		a.set("overlap", "false")
	case "twopi":
		// Removing overlaps after a radial layout takes minutes on a hundred nodes, so the rings are
		// made wide enough for their actors instead.
		root, ranksep := d.rings(edges)
		if root != "" {
			a.text("root", root) // a node attribute root=true gives an empty drawing in this Graphviz build
		}
		a.set("ranksep", ranksep)
		a.set("splines", "line") // spline routing has been seen to take minutes on wide rings
	}
	return a
}

// rings returns the centre of a radial layout (the first focus actor, else the actor with the most
// drawn edges) and twopi's ranksep: the distances between successive rings, each ring wide enough to
// hold the actors at that many links from the centre side by side.
func (d *Diagram) rings(edges []*edge) (root, ranksep string) {
	adj := map[string][]string{}
	for _, e := range edges {
		adj[e.from] = append(adj[e.from], e.to)
		adj[e.to] = append(adj[e.to], e.from)
	}
	root = d.root
	if root == "" {
		for _, id := range slices.Sorted(maps.Keys(adj)) {
			if root == "" || len(adj[id]) > len(adj[root]) {
				root = id
			}
		}
	}
	if root == "" {
		return "", "1.2"
	}
	level := map[string]int{root: 0}
	var width []float64 // per ring: the actors' widths, in inches
	for queue := []string{root}; len(queue) > 0; queue = queue[1:] {
		u := queue[0]
		for _, v := range adj[u] {
			if _, seen := level[v]; seen {
				continue
			}
			level[v] = level[u] + 1
			queue = append(queue, v)
			for len(width) < level[v] {
				width = append(width, 0)
			}
			// About 0.085 in per character at 11 pt, the node's margins, and a gap.
			width[level[v]-1] += 0.085*float64(min(len([]rune(displayName(d.nodes[v].actor))), 20)) + 0.6
		}
	}
	seps := make([]string, 0, len(width))
	radius := 0.0
	for _, w := range width {
		r := max(radius+1.2, 1.15*w/(2*math.Pi))
		seps = append(seps, fmtFloat(r-radius))
		radius = r
	}
	if len(seps) == 0 {
		return root, "1.2"
	}
	return root, strings.Join(seps, ":")
}

// writeNode writes the node statement of actor id.
func (d *Diagram) writeNode(b *strings.Builder, indent, id string) {
	n := d.nodes[id]
	ac := n.actor
	st := StyleOfActorKind(ac.Kind)
	fill, line, font := st.Fill, st.Line, "#1a1a1a"
	penwidth := 1.0
	styles := []string{"filled"}
	if st.Extra != "" {
		styles = append(styles, st.Extra)
	}
	switch {
	case n.status != StatusNone:
		line, penwidth = n.status.Color(), 2.5
		if n.status == StatusRemoved || n.status == StatusUnchanged {
			fill, font = withAlpha(fill, "80"), "#666666"
		}
	case d.highlighted && n.highlight:
		line, penwidth = highlightLine, 2.5
	case d.highlighted:
		fill, line, font = withAlpha(fill, fadeAlpha), withAlpha(line, fadeAlpha), fadedText
	}
	if n.focus {
		penwidth = max(penwidth, 3)
	}
	fontsize := "11"
	switch ac.Kind {
	case "country":
		fontsize = "13"
	case "city", "person":
		fontsize = "10"
	}
	label := wrap(displayName(ac), 20)
	var a attrs
	a.text("id", "actor:"+ac.ID)
	a.text("label", label)
	a.text("tooltip", d.actorTooltip(n))
	a.set("shape", st.Shape)
	a.set("style", strings.Join(styles, ","))
	a.set("fillcolor", fill)
	a.set("color", line)
	a.set("fontcolor", font)
	a.set("fontsize", fontsize)
	if penwidth != 1 {
		a.set("penwidth", fmtFloat(penwidth))
	}
	if st.Shape == "cds" {
		a.set("margin", cdsMargin)
	}
	writeStmt(b, indent, quote(ac.ID), a)
}

func displayName(a *graph.Actor) string {
	if a.Name != "" {
		return a.Name
	}
	return a.ID
}

// actorTooltip describes an actor: name, kind, where it lies, aliases, dates, attributes, and a note.
func (d *Diagram) actorTooltip(n *dnode) string {
	ac := n.actor
	lines := []string{displayName(ac)}
	kind := ac.Kind
	if n.inName != "" {
		kind += " in " + n.inName
	}
	lines = append(lines, kind)
	if len(ac.Aliases) > 0 {
		lines = append(lines, "also: "+strings.Join(ac.Aliases, ", "))
	}
	if ac.Start != 0 || ac.End != 0 {
		lines = append(lines, text.Span(&graph.Link{Start: ac.Start, End: ac.End}))
	}
	if at := text.Attrs(ac.Attrs); at != "" {
		lines = append(lines, at)
	}
	if n.status != StatusNone {
		lines = append(lines, n.status.String())
	}
	if n.note != "" {
		lines = append(lines, n.note)
	}
	return strings.Join(lines, "\n")
}

// edgeAttrs returns the attributes of a drawn edge.
func (d *Diagram) edgeAttrs(e *edge, labels EdgeLabels) attrs {
	if e.bundle != nil {
		return d.bundleAttrs(e, labels)
	}
	color := LinkColor(e.kind)
	penwidth := 1.2
	if e.kind.Style == "bold" {
		penwidth = 2
	}
	if n := len(e.links); n > 1 {
		penwidth += 0.6 * math.Log2(float64(n))
	}
	if e.links[0].certainty() == graph.Planned {
		color = withAlpha(color, plannedAlpha)
	}
	switch {
	case e.status != StatusNone:
		color = e.status.Color()
	case d.highlighted && e.highlight:
		penwidth = max(penwidth, 3.2)
	case d.highlighted:
		color, penwidth = withAlpha(color, fadeAlpha), 1
	case d.root != "" && !d.nodes[e.from].focus && !d.nodes[e.to].focus:
		color = withAlpha(color, contextAlpha) // a focus view: links among the neighbours are context
	}
	ids := make([]string, len(e.links))
	for i, l := range e.links {
		ids[i] = l.id
	}
	var a attrs
	a.text("id", "link:"+strings.Join(ids, "+"))
	a.text("tooltip", d.edgeTooltip(e))
	a.set("color", color)
	a.set("style", e.pattern)
	a.set("penwidth", fmtFloat(penwidth))
	if !e.kind.Directed {
		a.set("dir", "none")
	}
	if e.kind.ID == graph.KindLocatedIn {
		a.set("weight", "3")
	}
	mode := labels
	if mode == LabelsAuto { // a highlighted view: label the highlighted edges in full
		mode = LabelsNone
		if e.highlight {
			mode = LabelsFull
		}
	}
	if e.kind.ID == graph.KindLocatedIn && !e.highlight {
		mode = LabelsNone // the thin grey line says it; its label would crowd the small views
	}
	if text := edgeLabel(e, mode); text != "" {
		a.text("label", text)
		if d.highlighted && !e.highlight {
			a.set("fontcolor", fadedText)
		}
	}
	return a
}

// bundleAttrs returns the attributes of a bundle edge: one thin parallel line per kind, in the kinds'
// colours, undirected, labelled with the counts unless labels are off.
func (d *Diagram) bundleAttrs(e *edge, labels EdgeLabels) attrs {
	colors := make([]string, len(e.bundle))
	for i := range e.bundle {
		colors[i] = LinkColor(e.bundle[i])
	}
	if e.status != StatusNone {
		colors = []string{e.status.Color()}
	}
	alpha := ""
	switch {
	case d.highlighted:
		alpha = fadeAlpha
	case d.root != "" && !d.nodes[e.from].focus && !d.nodes[e.to].focus:
		alpha = contextAlpha
	}
	if alpha != "" {
		for i := range colors {
			colors[i] = withAlpha(colors[i], alpha)
		}
	}
	ids := make([]string, len(e.links))
	for i, l := range e.links {
		ids[i] = l.id
	}
	slices.Sort(ids)
	var a attrs
	a.text("id", "link:"+strings.Join(ids, "+"))
	a.text("tooltip", d.bundleTooltip(e))
	a.set("color", strings.Join(colors, ":"))
	a.set("style", patternSolid)
	if len(colors) == 1 {
		a.set("penwidth", fmtFloat(1.2+0.6*math.Log2(float64(len(e.links)))))
	} else {
		a.set("penwidth", "1")
	}
	a.set("dir", "none")
	if labels != LabelsNone {
		a.text("label", fmt.Sprintf("%d links\n%d kinds", len(e.links), len(e.bundle)))
		if d.highlighted {
			a.set("fontcolor", fadedText)
		}
	}
	return a
}

// bundleTooltip sums a bundle up kind by kind: how many links, over which dates.
func (d *Diagram) bundleTooltip(e *edge) string {
	lines := []string{fmt.Sprintf("%s — %s: %d links of %d kinds", d.name(e.from), d.name(e.to), len(e.links), len(e.bundle))}
	byKind := map[string][]*dlink{}
	for _, l := range e.links {
		id := l.kind().ID
		byKind[id] = append(byKind[id], l)
	}
	for _, lk := range e.bundle {
		ls := byKind[lk.ID]
		line := lk.ID
		if len(ls) > 1 {
			line += " ×" + strconv.Itoa(len(ls))
		}
		if span := groupSpan(ls); span != "" {
			line += ": " + span
		}
		lines = append(lines, line)
	}
	lines = append(lines, "(relgraph links "+e.from+" "+e.to+" --literal lists them)")
	return strings.Join(lines, "\n")
}

// name returns the display name of an actor of the diagram.
func (d *Diagram) name(id string) string {
	if n := d.nodes[id]; n != nil {
		return displayName(n.actor)
	}
	return id
}

// edgeLabel returns the label of an edge in the given mode: "kind", "kind ×3", plus the dates on a
// second line in LabelsFull.
func edgeLabel(e *edge, mode EdgeLabels) string {
	if mode != LabelsKind && mode != LabelsFull {
		return ""
	}
	s := e.kind.ID
	if n := len(e.links); n > 1 {
		s += " ×" + strconv.Itoa(n)
	}
	if mode == LabelsFull {
		if span := groupSpan(e.links); span != "" {
			s += "\n" + span
		}
	}
	return s
}

// groupSpan sums up the dates of merged links: the one link's span, or "first – last" over all of them
// ("since first" when one of them is still in force), or "" when none is dated.
func groupSpan(ls []*dlink) string {
	if len(ls) == 1 {
		dates := ls[0].dates()
		if span := text.Span(&dates); span != "undated" {
			return span
		}
		return ""
	}
	var first, last graph.Date
	ongoing := false
	for _, l := range ls {
		dates := l.dates()
		when := dates.When()
		if when != 0 && (first == 0 || when.Lo() < first.Lo()) {
			first = when
		}
		end := dates.End
		if end == 0 {
			end = when
			if !dates.IsEvent() && dates.Start != 0 {
				ongoing = true
			}
		}
		if end != 0 && end.Hi() > last.Hi() {
			last = end
		}
	}
	switch {
	case first == 0:
		return ""
	case ongoing:
		return "since " + first.String()
	case last == 0 || last == first:
		return first.String()
	}
	return first.String() + " – " + last.String()
}

// maxTooltipLinks bounds the links listed in one edge's tooltip.
const maxTooltipLinks = 12

// edgeTooltip lists an edge's links: kind and ends, then for each link its dates, qualifiers,
// attributes and sources with their notes.
func (d *Diagram) edgeTooltip(e *edge) string {
	name := d.name
	arrow := " — "
	if e.kind.Directed {
		arrow = " → "
	}
	var lines []string
	head := e.kind.ID + ": " + name(e.from) + arrow + name(e.to)
	if len(e.links) > 1 {
		head += fmt.Sprintf(" (%d links)", len(e.links))
	}
	if e.status != StatusNone {
		head += " [" + e.status.String() + "]"
	}
	lines = append(lines, head)
	for i, l := range e.links {
		if i == maxTooltipLinks {
			lines = append(lines, fmt.Sprintf("… and %d more", len(e.links)-i))
			break
		}
		full := l.full()
		ln := &full
		line := text.Span(ln)
		if line == "undated" {
			line = ""
		}
		var q []string
		if ln.Certainty != graph.Reported {
			q = append(q, ln.Certainty.String())
		}
		if ln.Sign != l.kind().Sign {
			q = append(q, text.SignWord(ln.Sign))
		}
		if len(q) > 0 {
			line = text.JoinNonEmpty(" ", line, "("+strings.Join(q, ", ")+")")
		}
		line = text.JoinNonEmpty("; ", line, text.Attrs(ln.Attrs, "derived"))
		if line != "" {
			lines = append(lines, line)
		}
		for _, s := range ln.Sources {
			src := "• " + text.SourceRef(s)
			if s.Note != "" {
				src += ": " + s.Note
			}
			lines = append(lines, src)
		}
		if note := d.linkNotes[l.id]; note != "" {
			lines = append(lines, note)
		}
	}
	return strings.Join(lines, "\n")
}

// cdsMargin is the node margin of the "cds" shape, whose arrow point takes part of the width that
// Graphviz measured for the label.
const cdsMargin = "0.14,0.04"

// wrap breaks s into lines of at most width runes at spaces (a longer word keeps its own line).
func wrap(s string, width int) string {
	if len([]rune(s)) <= width {
		return s
	}
	var lines []string
	var cur []rune
	for _, word := range strings.Fields(s) {
		wr := []rune(word)
		if len(cur) > 0 && len(cur)+1+len(wr) > width {
			lines = append(lines, string(cur))
			cur = cur[:0]
		}
		if len(cur) > 0 {
			cur = append(cur, ' ')
		}
		cur = append(cur, wr...)
	}
	if len(cur) > 0 {
		lines = append(lines, string(cur))
	}
	return strings.Join(lines, "\n")
}

// fmtFloat formats f with at most two decimals.
func fmtFloat(f float64) string { return strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64) }

func itoa(n int) string { return strconv.Itoa(n) }
