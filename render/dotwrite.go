package render

// This file writes a diagram as DOT: graph, node and edge attributes, labels and tooltips.

import (
	"bufio"
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
