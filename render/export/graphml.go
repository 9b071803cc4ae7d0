package export

import (
	"fmt"
	"io"
	"strconv"

	"github.com/relgraph/relgraph/graph"
)

// graphmlKey is a declared GraphML attribute.
type graphmlKey struct {
	id, name, typ string
}

// The fields every node and edge may carry, in the order they are declared and written.
var (
	graphmlNodeFields = []graphmlKey{
		{"n_label", "label", "string"}, {"n_kind", "kind", "string"}, {"n_name", "name", "string"},
		{"n_aliases", "aliases", "string"}, {"n_in", "in", "string"}, {"n_stands_for", "stands_for", "string"},
		{"n_start", "start", "string"}, {"n_end", "end", "string"}, {"n_route", "route", "string"},
		{"n_route_kind", "route_kind", "string"}, {"n_certainty", "certainty", "string"}, {"n_sources", "sources", "string"},
	}
	graphmlEdgeFields = []graphmlKey{
		{"e_label", "label", "string"}, {"e_kind", "kind", "string"}, {"e_directed", "directed", "boolean"},
		{"e_sign", "sign", "int"}, {"e_weight", "weight", "double"}, {"e_start", "start", "string"},
		{"e_end", "end", "string"}, {"e_on", "on", "string"}, {"e_certainty", "certainty", "string"},
		{"e_sources", "sources", "string"}, {"e_roles", "roles", "string"},
	}
)

func keyNames(keys []graphmlKey) []string {
	out := []string{"id"}
	for _, k := range keys {
		out = append(out, k.name)
	}
	return out
}

// WriteGraphML writes v as GraphML. Every actor and link field has a declared <key>; attributes get
// one key each (named after the attribute, or "attrs.NAME" when the name is a field's), lists
// (aliases, route) and sources are JSON strings, dates are strings as written ("2016", "2016-08").
// Actors are nodes with their ids; every link is its own <edge> with its link id, so parallel links
// stay apart. The graph is directed (edgedefault="directed"); each edge has a boolean "directed" data
// field, and with opts.Mixed links of undirected kinds also get the XML attribute directed="false".
// Empty fields are left out. O(actors + links).
func WriteGraphML(w io.Writer, v View, opts Options) error {
	g := v.Graph
	actorAttrs, linkAttrs := viewAttrNames(v)
	nodeTitles := attrTitles(actorAttrs, keyNames(graphmlNodeFields))
	edgeTitles := attrTitles(linkAttrs, keyNames(graphmlEdgeFields))
	nodeAttrKey := make(map[string]string, len(actorAttrs))
	edgeAttrKey := make(map[string]string, len(linkAttrs))

	x := newXMLWriter(w)
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.raw(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	declare := func(forWhat string, k graphmlKey) {
		x.raw("  <key")
		x.attr("id", k.id)
		x.attr("for", forWhat)
		x.attr("attr.name", k.name)
		x.attr("attr.type", k.typ)
		x.raw("/>\n")
	}
	for _, k := range graphmlNodeFields {
		declare("node", k)
	}
	for i, n := range actorAttrs {
		nodeAttrKey[n] = fmt.Sprintf("n_attr%d", i)
		declare("node", graphmlKey{nodeAttrKey[n], nodeTitles[n], "string"})
	}
	for _, k := range graphmlEdgeFields {
		declare("edge", k)
	}
	for i, n := range linkAttrs {
		edgeAttrKey[n] = fmt.Sprintf("e_attr%d", i)
		declare("edge", graphmlKey{edgeAttrKey[n], edgeTitles[n], "string"})
	}
	x.raw(`  <graph id="relgraph" edgedefault="directed">` + "\n")
	if opts.Description != "" {
		x.element("    ", "desc", opts.Description)
	}
	data := func(key, value string) {
		if value == "" {
			return
		}
		x.raw(`      <data key="` + key + `">`)
		x.escaped(value)
		x.raw("</data>\n")
	}
	for _, ai := range v.Actors {
		a := g.Actor(ai)
		x.raw("    <node")
		x.attr("id", a.ID)
		x.raw(">\n")
		data("n_label", a.Name)
		data("n_kind", a.Kind)
		data("n_name", a.Name)
		data("n_aliases", listText(a.Aliases))
		data("n_in", a.In)
		data("n_stands_for", a.StandsFor)
		data("n_start", dateText(a.Start))
		data("n_end", dateText(a.End))
		data("n_route", listText(a.Route))
		data("n_route_kind", a.RouteKind)
		if a.Certainty != graph.Reported {
			data("n_certainty", a.Certainty.String())
		}
		data("n_sources", sourcesText(a.Sources))
		for _, n := range actorAttrs {
			if val, ok := a.Attrs[n]; ok {
				x.raw(`      <data key="` + nodeAttrKey[n] + `">`)
				x.escaped(val)
				x.raw("</data>\n")
			}
		}
		x.raw("    </node>\n")
	}
	for _, li := range v.Links {
		link := linkAt(g, li)
		l := &link
		x.raw("    <edge")
		x.attr("id", l.ID)
		x.attr("source", l.From)
		x.attr("target", l.To)
		if opts.Mixed && !l.Directed {
			x.attr("directed", "false")
		}
		x.raw(">\n")
		data("e_label", l.Kind)
		data("e_kind", l.Kind)
		data("e_directed", strconv.FormatBool(l.Directed))
		data("e_sign", strconv.Itoa(int(l.Sign)))
		data("e_weight", strconv.FormatFloat(l.Weight, 'g', -1, 64))
		data("e_start", dateText(l.Start))
		data("e_end", dateText(l.End))
		data("e_on", dateText(l.On))
		data("e_certainty", l.Certainty.String())
		data("e_sources", sourcesText(l.Sources))
		data("e_roles", rolesText(l.Roles))
		for _, n := range linkAttrs {
			if val, ok := l.Attrs[n]; ok {
				x.raw(`      <data key="` + edgeAttrKey[n] + `">`)
				x.escaped(val)
				x.raw("</data>\n")
			}
		}
		x.raw("    </edge>\n")
	}
	x.raw("  </graph>\n</graphml>\n")
	return x.flush()
}
