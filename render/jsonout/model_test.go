package jsonout

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

func date(t *testing.T, s string) graph.Date {
	t.Helper()
	d, err := graph.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func compact(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestShapes(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"bare actor", FromActor(&graph.Actor{ID: "baku", Name: "Baku", Kind: "city"}),
			`{"id":"baku","name":"Baku","kind":"city","aliases":[],"in":null}`},
		{"full actor", FromActor(&graph.Actor{ID: "btc", Name: "BTC", Kind: "infrastructure", Aliases: []string{"Baku–Tbilisi–Ceyhan"},
			In: "azerbaijan", StandsFor: "x", Start: date(t, "2006-05"), Route: []string{"baku", "ceyhan"}, RouteKind: "pipeline",
			Certainty: graph.Planned, Attrs: map[string]string{"length": "1768 km"}, Sources: []graph.Source{{Doc: "d", Para: 3, Note: "n"}}}),
			`{"id":"btc","name":"BTC","kind":"infrastructure","aliases":["Baku–Tbilisi–Ceyhan"],"stands_for":"x","start":"2006-05",` +
				`"route":["baku","ceyhan"],"route_kind":"pipeline","certainty":"planned","attrs":{"length":"1768 km"},` +
				`"sources":[{"doc":"d","para":3,"note":"n"}],"in":"azerbaijan"}`},
		{"bare link", FromLink(&graph.Link{ID: "l", Kind: "visit", From: "a", To: "b", Directed: true, Sign: 1, On: date(t, "2016-08-08"), Weight: 1}),
			`{"id":"l","kind":"visit","from":"a","to":"b","directed":true,"sign":1,"start":null,"end":null,"on":"2016-08-08",` +
				`"certainty":"reported","weight":1,"roles":[],"attrs":{},"sources":[],"recorded":null}`},
		{"link with weight 0", FromLink(&graph.Link{ID: "l", Kind: "trade", From: "a", To: "b", Start: date(t, "1991"), Certainty: graph.Alleged}),
			`{"id":"l","kind":"trade","from":"a","to":"b","directed":false,"sign":0,"start":"1991","end":null,"on":null,` +
				`"certainty":"alleged","weight":0,"roles":[],"attrs":{},"sources":[],"recorded":null}`},
		{"link with roles, rolled up", FromLink(&graph.Link{ID: "l", Kind: "visit", From: "russia", To: "azerbaijan", Directed: true,
			Roles: []graph.Role{{Name: "host", Actor: "aliyev"}}, Recorded: &graph.Ends{From: "putin", To: "azerbaijan"}}),
			`{"id":"l","kind":"visit","from":"russia","to":"azerbaijan","directed":true,"sign":0,"start":null,"end":null,"on":null,` +
				`"certainty":"reported","weight":0,"roles":[{"role":"host","actor":"aliyev"}],"attrs":{},"sources":[],"recorded":{"from":"putin","to":"azerbaijan"}}`},
		{"no links", FromLinks(nil), `[]`},
		{"no actors", FromActors(nil), `[]`},
		{"document", FromDocument(graph.Document{ID: "d", Title: "T", Date: date(t, "2024")}), `{"id":"d","title":"T","date":"2024"}`},
		{"undated document", FromDocument(graph.Document{ID: "d", Title: "T"}), `{"id":"d","title":"T"}`},
		{"link kind", FromLinkKind(graph.LinkKind{ID: "pipeline", Transport: true}), `{"id":"pipeline","directed":false,"sign":0,"transport":true}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := compact(t, tt.v); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestEncodeKeepsMarkupAsText(t *testing.T) {
	var b bytes.Buffer
	if err := Encode(&b, map[string]string{"name": "<b>&"}); err != nil {
		t.Fatal(err)
	}
	if want := "{\n  \"name\": \"<b>&\"\n}\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestChangesShape(t *testing.T) {
	before := graph.Link{ID: "arms-deal", Kind: "arms_sale", From: "russia", To: "azerbaijan", Directed: true, Sign: 1,
		Start: date(t, "2010"), End: date(t, "2013"), Certainty: graph.Alleged, Weight: 2}
	after := before
	after.End, after.Certainty = date(t, "2014"), graph.Confirmed
	c := graph.Changes{
		Actors: graph.ActorChanges{Added: []graph.Actor{}, Removed: []graph.Actor{}},
		Links: graph.LinkChanges{Added: []graph.Link{}, Removed: []graph.Link{},
			Changed: []graph.LinkChange{{ID: "arms-deal", Before: before, After: after, Fields: []string{"end", "certainty"}}}},
	}
	want := `{"actors":{"added":[],"removed":[],"changed":null},"links":{"added":[],"removed":[],"changed":[{"id":"arms-deal",` +
		`"before":{"id":"arms-deal","kind":"arms_sale","from":"russia","to":"azerbaijan","directed":true,"sign":1,"start":"2010","end":"2013","on":null,"certainty":"alleged","weight":2,"roles":[],"attrs":{},"sources":[],"recorded":null},` +
		`"after":{"id":"arms-deal","kind":"arms_sale","from":"russia","to":"azerbaijan","directed":true,"sign":1,"start":"2010","end":"2014","on":null,"certainty":"confirmed","weight":2,"roles":[],"attrs":{},"sources":[],"recorded":null},` +
		`"fields":["end","certainty"]}]}}`
	if got := compact(t, FromChanges(&c)); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
