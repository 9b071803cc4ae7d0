package query

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// TestWeightedPathZeroWeight checks that a cheapest-path search never crosses a link of weight 0 (its
// cost 1/0 would be infinite), takes a parallel link of positive weight instead, and finds no path when
// only weight-0 links join two actors; the projection keeps its finite costs.
func TestWeightedPathZeroWeight(t *testing.T) {
	b := graph.NewBuilder(nil)
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		b.AddActor(graph.Actor{ID: id, Kind: "country"})
	}
	for _, l := range []graph.Link{
		{Kind: "trade", From: "a", To: "b", Weight: 0}, // the direct way is free of strength
		{Kind: "trade", From: "a", To: "c", Weight: 1},
		{Kind: "trade", From: "c", To: "b", Weight: 1},
		{Kind: "trade", From: "b", To: "d", Weight: 0},
		{Kind: "alliance", From: "b", To: "d", Weight: 4}, // a parallel link that can be crossed
		{Kind: "trade", From: "d", To: "e", Weight: 0},    // the only way to e
	} {
		b.AddLink(&l)
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Project(graph.ProjectOptions{Weighted: true}).Validate(); err != nil {
		t.Errorf("weighted projection: %v", err)
	}
	tests := []struct {
		from, to string
		want     []string // nil: no path
		cost     float64
	}{
		{"a", "b", []string{"a", "c", "b"}, 2},
		{"a", "d", []string{"a", "c", "b", "d"}, 2.25},
		{"a", "e", nil, 0},
	}
	for _, tt := range tests {
		for _, k := range []int{1, 3} {
			from, _ := g.ActorIndex(tt.from)
			to, _ := g.ActorIndex(tt.to)
			res, err := Paths(g, from, to, PathOptions{ProjectOptions: graph.ProjectOptions{Weighted: true}, K: k})
			if err != nil {
				t.Fatalf("%s→%s: %v", tt.from, tt.to, err)
			}
			if tt.want == nil {
				if len(res.Paths) != 0 {
					t.Errorf("%s→%s (k=%d): found %v, want no path", tt.from, tt.to, k, res.Paths[0].Actors)
				}
				continue
			}
			if len(res.Paths) == 0 {
				t.Errorf("%s→%s (k=%d): no path, want %v", tt.from, tt.to, k, tt.want)
				continue
			}
			p := res.Paths[0]
			if !slices.Equal(p.Actors, tt.want) || p.Cost != tt.cost {
				t.Errorf("%s→%s (k=%d): %v at cost %v, want %v at cost %v", tt.from, tt.to, k, p.Actors, p.Cost, tt.want, tt.cost)
			}
			for _, q := range res.Paths {
				if math.IsInf(q.Cost, 0) || math.IsNaN(q.Cost) || strings.Contains(strings.Join(q.Actors, " "), "a b") {
					t.Errorf("%s→%s (k=%d): path %v at cost %v crosses a link of weight 0", tt.from, tt.to, k, q.Actors, q.Cost)
				}
			}
		}
	}
	// Counted by hops, the weight-0 links are links like any other.
	a, _ := g.ActorIndex("a")
	e, _ := g.ActorIndex("e")
	if res, err := Paths(g, a, e, PathOptions{}); err != nil || len(res.Paths) != 1 || res.Paths[0].Length != 3 {
		t.Errorf("a→e by hops: %+v, %v; want a path of 3 hops", res, err)
	}
}
