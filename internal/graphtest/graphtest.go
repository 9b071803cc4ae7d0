// Package graphtest holds the graphs and helpers that the tests of several packages share: a small
// hand-built multigraph, loading a dataset directory, and finding an actor by id.
package graphtest

import (
	"testing"

	"github.com/relgraph/relgraph/data"
	"github.com/relgraph/relgraph/graph"
)

// Small returns a small multigraph with a triangle of signed ties, a pipeline route and a pendant.
//
//	russia ==(arms, alliance)== armenia —(conflict)— azerbaijan ==(arms, trade, dispute)== russia
//	baku → tbilisi → ceyhan (pipeline), baku in azerbaijan, moscow in russia; iran — azerbaijan (trade)
func Small(t testing.TB) *graph.Graph {
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

// Actor returns the number of the actor with the given id, failing the test when there is none.
func Actor(t testing.TB, g *graph.Graph, id string) int32 {
	t.Helper()
	i, ok := g.ActorIndex(id)
	if !ok {
		t.Fatalf("no actor %q", id)
	}
	return i
}

// Load loads the dataset in dir (YAML, native CSV or a snapshot), failing the test on any problem.
func Load(t testing.TB, dir string) *graph.Graph {
	t.Helper()
	in, err := data.PathInput(dir)
	if err != nil {
		t.Fatal(err)
	}
	g, err := data.Load(in)
	if err != nil {
		t.Fatal(err)
	}
	return g
}
