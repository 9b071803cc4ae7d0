package graph_test

import (
	"fmt"
	"testing"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/internal/graphtest"
)

// The benchmarks of the model run on the random graphs of graphtest (graph/query's benchmarks use the
// same ones), at 1k, 100k and 1M links; with -short at the smallest only.

func BenchmarkBuild(b *testing.B) {
	sizes := graphtest.Sizes()
	for _, s := range sizes[:min(2, len(sizes))] {
		b.Run(fmt.Sprintf("links=%d", s.M), func(b *testing.B) {
			for b.Loop() {
				graphtest.Random(b, s.N, s.M)
			}
		})
	}
}

func BenchmarkFilterAt(b *testing.B) {
	graphtest.ForSizes(b, func(b *testing.B, g *graph.Graph) {
		for b.Loop() {
			if _, err := g.Filter(graph.Filter{At: graph.NewDate(2016, 0, 0)}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkProject builds the simple-graph projection afresh each time (ProjectMerged with nothing
// to merge bypasses the cache that Project keeps).
func BenchmarkProject(b *testing.B) {
	graphtest.ForSizes(b, func(b *testing.B, g *graph.Graph) {
		for b.Loop() {
			g.ProjectMerged(graph.ProjectOptions{}, nil)
		}
	})
}
