package simple_test

import (
	"slices"
	"testing"

	dgraph "github.com/dominikbraun/graph"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/simple"
)

func TestSimple(t *testing.T) {
	g := queryFixture(t)
	sg, err := simple.Of(g, nil, graph.ProjectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := sg.Order(); n != g.NumActors() {
		t.Errorf("order %d, want %d", n, g.NumActors())
	}
	e, err := sg.Edge("azerbaijan", "russia")
	if err != nil {
		t.Fatal(err)
	}
	ids := e.Properties.Data.([]string)
	if e.Properties.Weight != 3 || !slices.Equal(ids, []string{"arms_sale:russia:azerbaijan", "trade:azerbaijan:russia", "dispute:azerbaijan:russia"}) {
		t.Errorf("edge = weight %d, links %v", e.Properties.Weight, ids)
	}
	// The package's own algorithms work on the view and agree with relgraph's.
	p, err := dgraph.ShortestPath(sg, "armenia", "iran")
	if err != nil || !slices.Equal(p, []string{"armenia", "azerbaijan", "iran"}) {
		t.Errorf("ShortestPath = %v, %v", p, err)
	}
	// Directed: the pipeline runs one way, trade both ways.
	dg, _ := simple.Of(g, []int32{idx(t, g, "baku"), idx(t, g, "tbilisi"), idx(t, g, "iran"), idx(t, g, "azerbaijan")}, graph.ProjectOptions{Directed: true})
	if _, err := dg.Edge("baku", "tbilisi"); err != nil {
		t.Error("baku→tbilisi missing")
	}
	if _, err := dg.Edge("tbilisi", "baku"); err == nil {
		t.Error("tbilisi→baku should not exist")
	}
	_, e1 := dg.Edge("iran", "azerbaijan")
	_, e2 := dg.Edge("azerbaijan", "iran")
	if e1 != nil || e2 != nil {
		t.Errorf("trade goes both ways: %v %v", e1, e2)
	}
	if n, _ := dg.Order(); n != 4 {
		t.Errorf("view order %d, want 4", n)
	}
}

// queryFixture is the fixture of package query's tests: a small multigraph with a triangle of signed ties, a pipeline route and a pendant.
//
//	russia ==(arms, alliance)== armenia —(conflict)— azerbaijan ==(arms, trade, dispute)== russia
//	baku → tbilisi → ceyhan (pipeline), baku in azerbaijan, moscow in russia; iran — azerbaijan (trade)
func queryFixture(t testing.TB) *graph.Graph {
	t.Helper()
	b := graph.NewBuilder(nil)
	for _, a := range []graph.Actor{
		{ID: "russia", Name: "Russia", Kind: "country"},
		{ID: "moscow", Name: "Moscow", Kind: "city", In: "russia", StandsFor: "russia"},
		{ID: "armenia", Name: "Armenia", Kind: "country"},
		{ID: "azerbaijan", Name: "Azerbaijan", Kind: "country"},
		{ID: "baku", Name: "Baku", Kind: "city", In: "azerbaijan", StandsFor: "azerbaijan"},
		{ID: "socar", Name: "SOCAR", Kind: "company", In: "azerbaijan"},
		{ID: "tbilisi", Name: "Tbilisi", Kind: "city"},
		{ID: "ceyhan", Name: "Ceyhan", Kind: "city"},
		{ID: "iran", Name: "Iran", Kind: "country"},
		{ID: "btc", Name: "BTC", Kind: "infrastructure", Route: []string{"baku", "tbilisi", "ceyhan"}, RouteKind: "pipeline"},
	} {
		b.AddActor(a)
	}
	for _, l := range []graph.Link{
		{Kind: "arms_sale", From: "russia", To: "armenia", Sign: 1},
		{Kind: "alliance", From: "russia", To: "armenia", Sign: 1},
		{Kind: "arms_sale", From: "russia", To: "azerbaijan", Sign: 1},
		{Kind: "trade", From: "russia", To: "azerbaijan", Sign: 1},
		{Kind: "dispute", From: "russia", To: "azerbaijan", Sign: -1},
		{Kind: "conflict", From: "armenia", To: "azerbaijan", Sign: -1},
		{Kind: "trade", From: "iran", To: "azerbaijan", Sign: 1},
		{Kind: "energy_deal", From: "socar", To: "iran", Sign: 1},
	} {
		b.AddLink(&l)
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func idx(t testing.TB, g *graph.Graph, id string) int32 {
	t.Helper()
	i, ok := g.ActorIndex(id)
	if !ok {
		t.Fatalf("no actor %q", id)
	}
	return i
}
