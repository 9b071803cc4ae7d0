package render

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// The legend is one node with an HTML-like table label, so that every layout engine places it like any
// other node (clusters, the usual alternative, are ignored by neato, circo and twopi). It lists only
// what the drawing shows: the actor kinds present, the link kinds drawn with a sample of their line, the
// line patterns in use, and the statuses of a drawing of changes.

// actorKindOrder is the order of the built-in actor kinds in the legend; other kinds follow by name.
var actorKindOrder = []string{"country", "region", "city", "organization", "company", "person",
	"infrastructure", "military-unit"}

// largeView is the number of actors above which the legend is set in a larger type.
const largeView = 60

// legendItem is one entry: a sample (an HTML cell, already escaped) and a caption (text).
type legendItem struct {
	sample  string
	caption string
	tooltip string
}

// legendAttrs returns the attributes of the legend node for the given drawn edges.
func (d *Diagram) legendAttrs(edges []*edge) attrs {
	var sections [][]legendItem
	var titles []string

	kinds := map[string]bool{}
	for _, n := range d.nodes {
		kinds[n.actor.Kind] = true
	}
	order := slices.Sorted(maps.Keys(kinds))
	slices.SortStableFunc(order, func(a, b string) int {
		ia, ib := slices.Index(actorKindOrder, a), slices.Index(actorKindOrder, b)
		if ia < 0 {
			ia = len(actorKindOrder)
		}
		if ib < 0 {
			ib = len(actorKindOrder)
		}
		return cmp.Compare(ia, ib)
	})
	var actors []legendItem
	for _, k := range order {
		st := StyleOfActorKind(k)
		actors = append(actors, legendItem{
			sample:  boxSample(st),
			caption: k + " (" + shapeWord(st) + ")",
		})
	}
	sections, titles = append(sections, actors), append(titles, "Actors")

	linkKinds := map[string]*graph.LinkKind{}
	patterns := map[string]bool{}
	statuses := map[Status]bool{}
	merged, planned := false, false
	bundled := false
	for _, e := range edges {
		if e.bundle != nil {
			bundled = true
			for _, lk := range e.bundle {
				linkKinds[lk.ID] = lk
			}
		} else {
			linkKinds[e.kind.ID] = e.kind
		}
		patterns[e.pattern] = true
		statuses[e.status] = true
		merged = merged || len(e.links) > 1
		for _, l := range e.links {
			planned = planned || l.certainty() == graph.Planned
		}
	}
	var links []legendItem
	for _, id := range slices.Sorted(maps.Keys(linkKinds)) {
		lk := linkKinds[id]
		width := "2"
		if lk.Style == "bold" {
			width = "3"
		}
		links = append(links, legendItem{
			sample:  lineSample(LinkColor(lk), width, "", lk.Directed),
			caption: id,
			tooltip: lk.Meaning,
		})
	}
	var lines []legendItem
	if patterns[patternDashed] {
		caption := "hostile"
		if planned {
			caption = "hostile, or planned (paler)"
		}
		lines = append(lines, legendItem{sample: lineSample("#555555", "2", patternDashed, false), caption: caption})
	}
	if patterns[patternDotted] {
		lines = append(lines, legendItem{sample: lineSample("#555555", "2", patternDotted, false), caption: "alleged"})
	}
	if merged {
		lines = append(lines, legendItem{sample: lineSample("#555555", "4", "", false), caption: "thicker: several links"})
	}
	if bundled {
		var cable strings.Builder
		cable.WriteString(`<TD ALIGN="LEFT"><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0">`)
		for _, c := range []string{"#2ca02c", "#d62728", "#1f77b4", "#ff7f0e"} {
			cable.WriteString(`<TR><TD BGCOLOR="` + c + `" WIDTH="28" HEIGHT="1.5" FIXEDSIZE="TRUE"></TD></TR>`)
		}
		cable.WriteString(`</TABLE></TD>`)
		lines = append(lines, legendItem{sample: cable.String(),
			caption: "many kinds between two actors"})
	}
	if d.highlighted {
		lines = append(lines, legendItem{sample: lineSample(highlightLine, "4", "", false), caption: "the path; the rest faded"})
	}
	if len(links) > 0 {
		sections, titles = append(sections, links), append(titles, "Links")
	}
	if len(lines) > 0 {
		sections, titles = append(sections, lines), append(titles, "Lines")
	}

	nodeStatus := map[Status]bool{}
	for _, n := range d.nodes {
		nodeStatus[n.status] = true
	}
	var changes []legendItem
	for _, st := range []Status{StatusAdded, StatusRemoved, StatusChanged, StatusUnchanged} {
		if statuses[st] || nodeStatus[st] {
			changes = append(changes, legendItem{sample: lineSample(st.Color(), "3", "", false), caption: st.String()})
		}
	}
	if len(changes) > 0 {
		sections, titles = append(sections, changes), append(titles, "Changes")
	}

	var b strings.Builder
	b.WriteString(`<TABLE BORDER="1" COLOR="#bbbbbb" CELLBORDER="0" CELLSPACING="1" CELLPADDING="2" BGCOLOR="white">`)
	for i, items := range sections {
		perRow := 1
		if len(items) > 10 {
			perRow = 2
		}
		b.WriteString(`<TR><TD ALIGN="LEFT" COLSPAN="` + itoa(2*perRow) + `"><B>` + escHTML(titles[i]) + `</B></TD></TR>`)
		for r := 0; r < len(items); r += perRow {
			b.WriteString("<TR>")
			for c := r; c < r+perRow; c++ {
				if c >= len(items) {
					b.WriteString("<TD></TD><TD></TD>")
					continue
				}
				it := items[c]
				b.WriteString(it.sample)
				b.WriteString(`<TD ALIGN="LEFT"`)
				if it.tooltip != "" {
					b.WriteString(` TOOLTIP="` + escHTML(it.tooltip) + `"`)
				}
				b.WriteString(`>` + escHTML(it.caption) + `</TD>`)
			}
			b.WriteString("</TR>")
		}
	}
	b.WriteString("</TABLE>")

	var a attrs
	a.set("shape", "plain")
	a.text("id", "legend")
	a.text("tooltip", "legend")
	size := "9"
	if len(d.nodes) > largeView { // a large drawing is seen zoomed out: a legend in its scale
		size = "14"
	}
	a.set("fontsize", size)
	a.html("label", b.String())
	return a
}

// lineSample returns a cell holding a short line in the given colour, width (in points) and pattern
// ("" for solid), ended by an arrowhead for directed kinds.
func lineSample(color, width, pattern string, directed bool) string {
	c := escHTML(color)
	var b strings.Builder
	b.WriteString(`<TD ALIGN="LEFT"><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>`)
	b.WriteString(`<TD BORDER="` + width + `" SIDES="B" COLOR="` + c + `"`)
	if pattern != "" {
		b.WriteString(` STYLE="` + pattern + `"`)
	}
	b.WriteString(` WIDTH="28" HEIGHT="8" FIXEDSIZE="TRUE"></TD>`)
	if directed {
		// An empty cell here (for undirected kinds) has been seen to crash this Graphviz build.
		b.WriteString(`<TD WIDTH="8" ALIGN="LEFT"><FONT COLOR="` + c + `" POINT-SIZE="7">►</FONT></TD>`)
	}
	b.WriteString(`</TR></TABLE></TD>`)
	return b.String()
}

// boxSample returns a cell filled and outlined like an actor of the given style.
func boxSample(st ActorStyle) string {
	style := ""
	if strings.Contains(st.Extra, "dashed") {
		style = ` STYLE="dashed"`
	}
	return `<TD ALIGN="LEFT" BGCOLOR="` + escHTML(st.Fill) + `" BORDER="1" COLOR="` + escHTML(st.Line) + `"` + style +
		` WIDTH="28" HEIGHT="12" FIXEDSIZE="TRUE"></TD>`
}

// shapeWord names an actor style's shape for a reader.
func shapeWord(st ActorStyle) string {
	word := st.Shape
	switch st.Shape {
	case "ellipse":
		word = "oval"
	case "cds":
		word = "arrow"
	case "component":
		word = "tabbed box"
	}
	switch {
	case strings.Contains(st.Extra, "dashed"):
		word = "dashed " + word
	case strings.Contains(st.Extra, "rounded"):
		word = "rounded " + word
	}
	return word
}
