package simple_test

import (
	"slices"
	"testing"

	dgraph "github.com/dominikbraun/graph"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/simple"
	"github.com/relgraph/relgraph/internal/graphtest"
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

func queryFixture(t testing.TB) *graph.Graph { return graphtest.Small(t) }

func idx(t testing.TB, g *graph.Graph, id string) int32 { return graphtest.Actor(t, g, id) }
