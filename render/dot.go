package render

import (
	"fmt"
	"io"

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
