package query

import (
	"testing"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/internal/graphtest"
)

func forSizes(b *testing.B, f func(b *testing.B, g *graph.Graph)) { graphtest.ForSizes(b, f) }

// BenchmarkPath is the shortest path query after load (the projection is cached on the graph, as in
// several questions asked of one loaded graph). Target at a million links: 20 ms.
func BenchmarkPath(b *testing.B) {
	forSizes(b, func(b *testing.B, g *graph.Graph) {
		g.Project(graph.ProjectOptions{})
		for i := 1; b.Loop(); i++ {
			x, y := benchPair(i, g.NumActors())
			if _, err := Paths(g, x, y, PathOptions{}); err != nil && x != y {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkConnect asks connect of pairs of actors. Target at a million links: 100 ms.
func BenchmarkConnect(b *testing.B) {
	forSizes(b, func(b *testing.B, g *graph.Graph) {
		for i := 1; b.Loop(); i++ {
			x, y := benchPair(i, g.NumActors())
			if x == y {
				continue
			}
			if _, err := Connect(g, x, nil, y, nil, ConnectOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkRankBetweenness ranks by betweenness: exact up to ExactBetweennessLimit actors, from
// BetweennessPivots pivots above. Target at a million links: 2 s (not met: about 10 s on two cores).
func BenchmarkRankBetweenness(b *testing.B) {
	forSizes(b, func(b *testing.B, g *graph.Graph) {
		for b.Loop() {
			if _, err := Rank(g, ByBetweenness, 10); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkRankPageRank(b *testing.B) {
	forSizes(b, func(b *testing.B, g *graph.Graph) {
		for b.Loop() {
			if _, err := Rank(g, ByPageRank, 10); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkChokepoints finds articulation points and bridges. Target at a million links: 200 ms.
func BenchmarkChokepoints(b *testing.B) {
	forSizes(b, func(b *testing.B, g *graph.Graph) {
		for b.Loop() {
			Chokepoints(g)
		}
	})
}

func BenchmarkBalance(b *testing.B) {
	forSizes(b, func(b *testing.B, g *graph.Graph) {
		for b.Loop() {
			Balance(g, 20)
		}
	})
}

// benchPair returns the i-th pair of actors a benchmark asks about, spread over the n actors. The
// arithmetic is in int, so that no number of iterations overflows it.
func benchPair(i, n int) (int32, int32) {
	return int32(i % n), int32((i*7919 + 13) % n)
}
