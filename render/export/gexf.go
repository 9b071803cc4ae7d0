package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render"
	"golang.org/x/image/colornames"
)

// gexfAttr is a declared GEXF attribute.
type gexfAttr struct {
	id, title, typ string
}

var (
	gexfNodeAttrs = []gexfAttr{
		{"kind", "kind", "string"}, {"aliases", "aliases", "string"}, {"in", "in", "string"},
		{"stands_for", "stands_for", "string"}, {"start", "start", "string"}, {"end", "end", "string"},
		{"route", "route", "string"}, {"route_kind", "route_kind", "string"}, {"certainty", "certainty", "string"},
		{"sources", "sources", "string"},
	}
	gexfEdgeAttrs = []gexfAttr{
		{"kind", "kind", "string"}, {"directed", "directed", "boolean"}, {"sign", "sign", "integer"},
		{"start", "start", "string"}, {"end", "end", "string"}, {"on", "on", "string"},
		{"certainty", "certainty", "string"}, {"sources", "sources", "string"}, {"roles", "roles", "string"},
	}
)

func attrTitlesOf(attrs []gexfAttr, extra ...string) []string {
	out := append([]string{}, extra...)
	for _, a := range attrs {
		out = append(out, a.title)
	}
	return out
}

// WriteGEXF writes v as GEXF 1.3, dynamic, for Gephi's timeline: timeformat="date", a lasting link is
// an edge with a spell from the first day of its start to the last day of its end (an open end is left
// out), an event is an edge with a spell covering its date (one day for a full date, the month or year
// for a partial one), and an actor with a start or end is a node with a spell. Dates as written
// ("2016-08") are kept as string attributes too. Edges are coloured by link kind and nodes by actor
// kind, with the palette of the diagrams; each edge's GEXF kind is its link kind, so that Gephi keeps
// parallel links of different kinds apart. With opts.Mixed, links of undirected kinds are
// type="undirected"; opts.Window sets the graph's start and end. O(actors + links).
func WriteGEXF(w io.Writer, v View, opts Options) error {
	g := v.Graph
	actorAttrs, linkAttrs := viewAttrNames(v)
	nodeTitles := attrTitles(actorAttrs, attrTitlesOf(gexfNodeAttrs, "id", "label"))
	edgeTitles := attrTitles(linkAttrs, attrTitlesOf(gexfEdgeAttrs, "id", "label", "weight"))

	x := newXMLWriter(w)
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.raw(`<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">` + "\n")
	x.raw("  <meta>\n")
	x.element("    ", "creator", "relgraph")
	if opts.Description != "" {
		x.element("    ", "description", opts.Description)
	}
	x.raw("  </meta>\n")
	x.raw(`  <graph defaultedgetype="directed" mode="dynamic" timeformat="date" timerepresentation="interval"`)
	if opts.Window.From != 0 {
		x.attr("start", isoDay(opts.Window.From.Lo()))
	}
	if opts.Window.To != 0 {
		x.attr("end", isoDay(opts.Window.To.Hi()))
	}
	x.raw(">\n")
	declare := func(class string, fixed []gexfAttr, names []string, titles map[string]string, prefix string) map[string]string {
		ids := make(map[string]string, len(names))
		x.raw(`    <attributes class="` + class + `" mode="static">` + "\n")
		decl := func(a gexfAttr) {
			x.raw("      <attribute")
			x.attr("id", a.id)
			x.attr("title", a.title)
			x.attr("type", a.typ)
			x.raw("/>\n")
		}
		for _, a := range fixed {
			decl(a)
		}
		for i, n := range names {
			ids[n] = fmt.Sprintf("%s%d", prefix, i)
			decl(gexfAttr{ids[n], titles[n], "string"})
		}
		x.raw("    </attributes>\n")
		return ids
	}
	nodeAttrID := declare("node", gexfNodeAttrs, actorAttrs, nodeTitles, "attr-")
	edgeAttrID := declare("edge", gexfEdgeAttrs, linkAttrs, edgeTitles, "attr-")

	attvalues := func(pairs [][2]string, attrs map[string]string, names []string, ids map[string]string) {
		x.raw("        <attvalues>\n")
		for _, p := range pairs {
			if p[1] == "" {
				continue
			}
			x.raw(`          <attvalue for="` + p[0] + `"`)
			x.attr("value", p[1])
			x.raw("/>\n")
		}
		for _, n := range names {
			if val, ok := attrs[n]; ok {
				x.raw(`          <attvalue for="` + ids[n] + `"`)
				x.attr("value", val)
				x.raw("/>\n")
			}
		}
		x.raw("        </attvalues>\n")
	}
	spell := func(lo, hi graph.Date) {
		if lo == 0 && hi == 0 {
			return
		}
		x.raw("        <spells>\n          <spell")
		if lo != 0 {
			x.attr("start", isoDay(lo))
		}
		if hi != 0 {
			x.attr("end", isoDay(hi))
		}
		x.raw("/>\n        </spells>\n")
	}

	x.raw("    <nodes>\n")
	for _, ai := range v.Actors {
		a := g.Actor(ai)
		x.raw("      <node")
		x.attr("id", a.ID)
		x.attr("label", a.Name)
		x.raw(">\n")
		cert := ""
		if a.Certainty != graph.Reported {
			cert = a.Certainty.String()
		}
		attvalues([][2]string{{"kind", a.Kind}, {"aliases", listText(a.Aliases)}, {"in", a.In}, {"stands_for", a.StandsFor},
			{"start", dateText(a.Start)}, {"end", dateText(a.End)}, {"route", listText(a.Route)}, {"route_kind", a.RouteKind},
			{"certainty", cert}, {"sources", sourcesText(a.Sources)}}, a.Attrs, actorAttrs, nodeAttrID)
		spell(a.Start.Lo(), a.End.Hi())
		vizColor(x, render.StyleOfActorKind(a.Kind).Line)
		x.raw("      </node>\n")
	}
	x.raw("    </nodes>\n    <edges>\n")
	for _, li := range v.Links {
		link := linkAt(g, li)
		l := &link
		lk := g.KindOf(li)
		x.raw("      <edge")
		x.attr("id", l.ID)
		x.attr("source", l.From)
		x.attr("target", l.To)
		if opts.Mixed && !l.Directed {
			x.attr("type", "undirected")
		}
		x.attr("kind", l.Kind)
		x.attr("label", l.Kind)
		x.attr("weight", strconv.FormatFloat(l.Weight, 'g', -1, 64))
		x.raw(">\n")
		attvalues([][2]string{{"kind", l.Kind}, {"directed", strconv.FormatBool(l.Directed)}, {"sign", strconv.Itoa(int(l.Sign))},
			{"start", dateText(l.Start)}, {"end", dateText(l.End)}, {"on", dateText(l.On)}, {"certainty", l.Certainty.String()},
			{"sources", sourcesText(l.Sources)}, {"roles", rolesText(l.Roles)}}, l.Attrs, linkAttrs, edgeAttrID)
		spell(span(l))
		vizColor(x, render.LinkColor(lk))
		x.raw("      </edge>\n")
	}
	x.raw("    </edges>\n  </graph>\n</gexf>\n")
	return x.flush()
}

// vizColor writes a <viz:color> element for a colour given as #rrggbb, #rrggbbaa or an SVG colour name.
func vizColor(x *xmlWriter, c string) {
	r, g, b, a, ok := parseColor(c)
	if !ok {
		return
	}
	x.raw(fmt.Sprintf(`        <viz:color r="%d" g="%d" b="%d"`, r, g, b))
	if a != 255 {
		x.raw(fmt.Sprintf(` a="%s"`, strconv.FormatFloat(float64(a)/255, 'f', 2, 64)))
	}
	x.raw("/>\n")
}

// parseColor parses #rrggbb, #rrggbbaa or an SVG colour name.
func parseColor(c string) (r, g, b, a uint8, ok bool) {
	c = strings.ToLower(c)
	if n, found := colornames.Map[c]; found {
		return n.R, n.G, n.B, 255, true
	}
	if !strings.HasPrefix(c, "#") || (len(c) != 7 && len(c) != 9) {
		return 0, 0, 0, 0, false
	}
	v, err := strconv.ParseUint(c[1:], 16, 32)
	if err != nil {
		return 0, 0, 0, 0, false
	}
	if len(c) == 7 {
		v = v<<8 | 0xff
	}
	return uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), uint8(v), true
}
