package export

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/render"
	"github.com/relgraph/relgraph/render/jsonout"
)

type cyNodeData struct {
	ID        string            `json:"id"`
	Name      string            `json:"name"`
	Kind      string            `json:"kind"`
	Aliases   []string          `json:"aliases"`
	In        *string           `json:"in"`
	StandsFor string            `json:"stands_for,omitempty"`
	Start     jsonout.Date      `json:"start,omitempty"`
	End       jsonout.Date      `json:"end,omitempty"`
	Route     []string          `json:"route,omitempty"`
	RouteKind string            `json:"route_kind,omitempty"`
	Certainty graph.Certainty   `json:"certainty,omitempty"`
	Attrs     map[string]string `json:"attrs,omitempty"`
	Sources   []jsonout.Source  `json:"sources,omitempty"`
	Color     string            `json:"color"`
}

type cyEdgeData struct {
	ID        string            `json:"id"`
	Source    string            `json:"source"`
	Target    string            `json:"target"`
	LinkID    string            `json:"link_id,omitempty"`
	Kind      string            `json:"kind"`
	Directed  bool              `json:"directed"`
	Sign      int8              `json:"sign"`
	Weight    float64           `json:"weight"`
	Start     jsonout.Date      `json:"start"`
	End       jsonout.Date      `json:"end"`
	On        jsonout.Date      `json:"on"`
	Certainty graph.Certainty   `json:"certainty"`
	Sources   []jsonout.Source  `json:"sources"`
	Roles     []jsonout.Role    `json:"roles"`
	Attrs     map[string]string `json:"attrs"`
	Color     string            `json:"color"`
}

// WriteCytoscape writes v as Cytoscape.js JSON: {"elements":{"nodes":[{"data":{…}}],"edges":[{"data":
// {…}}]}}, ready for cytoscape({elements: …}) or cy.add. Node data are the actor's fields as in
// relgraph's JSON plus "color" (the actor kind's outline colour in diagrams); edge data are the link's
// fields with "source" and "target" for its ends and "color" (the link kind's colour). Edge ids are link
// ids; a link id that equals an actor id (Cytoscape.js wants every element id unique) becomes
// "link:ID", with the link id kept in "link_id". Absent dates are null. The JSON escapes <, > and &, so
// it can be pasted into an HTML <script> element as it is. O(actors + links).
func WriteCytoscape(w io.Writer, v View) error {
	g := v.Graph
	bw := bufio.NewWriterSize(w, 64<<10)
	nodeIDs := make(map[string]bool, len(v.Actors))
	write := func(s string) {
		_, _ = bw.WriteString(s)
	}
	write(`{"elements":{"nodes":[`)
	for n, ai := range v.Actors {
		a := g.Actor(ai)
		nodeIDs[a.ID] = true
		d := cyNodeData{ID: a.ID, Name: a.Name, Kind: a.Kind, Aliases: a.Aliases, StandsFor: a.StandsFor,
			Start: jsonout.Date(a.Start), End: jsonout.Date(a.End), Route: a.Route, RouteKind: a.RouteKind, Certainty: a.Certainty,
			Attrs: a.Attrs, Sources: jsonout.FromSources(a.Sources), Color: render.StyleOfActorKind(a.Kind).Line}
		if d.Aliases == nil {
			d.Aliases = []string{}
		}
		if a.In != "" {
			d.In = &a.In
		}
		if n > 0 {
			write(",")
		}
		b, err := json.Marshal(d)
		if err != nil {
			return err
		}
		write("\n  {\"data\":")
		_, _ = bw.Write(b)
		write("}")
	}
	write("\n],\n\"edges\":[")
	for n, li := range v.Links {
		l := linkAt(g, li)
		d := cyEdgeData{ID: l.ID, Source: l.From, Target: l.To, Kind: l.Kind, Directed: l.Directed, Sign: l.Sign,
			Weight: l.Weight, Start: jsonout.Date(l.Start), End: jsonout.Date(l.End), On: jsonout.Date(l.On), Certainty: l.Certainty,
			Sources: jsonout.FromSourcesList(l.Sources), Roles: jsonout.FromRoles(l.Roles),
			Attrs: l.Attrs, Color: render.LinkColor(g.KindOf(li))}
		if nodeIDs[l.ID] {
			d.ID, d.LinkID = "link:"+l.ID, l.ID
		}
		if d.Attrs == nil {
			d.Attrs = map[string]string{}
		}
		if n > 0 {
			write(",")
		}
		b, err := json.Marshal(d)
		if err != nil {
			return err
		}
		write("\n  {\"data\":")
		_, _ = bw.Write(b)
		write("}")
	}
	write("\n]}}\n")
	return bw.Flush()
}
