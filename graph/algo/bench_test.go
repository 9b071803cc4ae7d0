package algo

import (
	"math/rand/v2"
	"sync"
	"testing"
)

// randomEdges draws m edges between uniformly random nodes of 0..n-1 (loops and duplicates included;
// FromEdges drops them) with costs 1..10.
func randomEdges(n, m int, seed uint64) ([][2]int32, []float64) {
	r := rand.New(rand.NewPCG(seed, 1))
	edges := make([][2]int32, m)
	w := make([]float64, m)
	for i := range edges {
		edges[i] = [2]int32{int32(r.IntN(n)), int32(r.IntN(n))}
		w[i] = float64(1 + r.IntN(10))
	}
	return edges, w
}

type benchGraph struct {
	name string
	n, m int
	once sync.Once
	g    *CSR // undirected, unweighted
	gw   *CSR // undirected, weighted
}

var benchGraphs = []*benchGraph{
	{name: "1k", n: 1000, m: 10_000},
	{name: "100k", n: 100_000, m: 1_000_000},
}

func (bg *benchGraph) build() {
	bg.once.Do(func() {
		edges, w := randomEdges(bg.n, bg.m, 42)
		bg.g = FromEdges(bg.n, false, edges, nil)
		bg.gw = FromEdges(bg.n, false, edges, w)
	})
}

// benchPairs returns fixed pseudo-random (s, t) pairs.
func benchPairs(n int) [][2]int32 {
	r := rand.New(rand.NewPCG(7, 7))
	p := make([][2]int32, 16)
	for i := range p {
		p[i] = [2]int32{int32(r.IntN(n)), int32(r.IntN(n))}
	}
	return p
}

// forGraphs runs f on each benchmark graph and reports, besides wall time, the process CPU time per
// operation (cpu-ns/op; with parallel workers it exceeds the wall time).
func forGraphs(b *testing.B, f func(b *testing.B, bg *benchGraph, pairs [][2]int32)) {
	graphs := benchGraphs
	if testing.Short() { // CI runs every benchmark once, on the small graph only
		graphs = graphs[:1]
	}
	for _, bg := range graphs {
		b.Run(bg.name, func(b *testing.B) {
			bg.build()
			pairs := benchPairs(bg.n)
			c0, ok := processCPU()
			b.ResetTimer()
			f(b, bg, pairs)
			b.StopTimer()
			if c1, _ := processCPU(); ok && b.N > 0 {
				b.ReportMetric(float64(c1-c0)/float64(b.N), "cpu-ns/op")
			}
		})
	}
}

func BenchmarkFromEdges(b *testing.B) {
	graphs := benchGraphs
	if testing.Short() {
		graphs = graphs[:1]
	}
	for _, bg := range graphs {
		b.Run(bg.name, func(b *testing.B) {
			edges, _ := randomEdges(bg.n, bg.m, 42)
			b.ResetTimer()
			for b.Loop() {
				FromEdges(bg.n, false, edges, nil)
			}
		})
	}
}

func BenchmarkShortestPath(b *testing.B) {
	forGraphs(b, func(b *testing.B, bg *benchGraph, pairs [][2]int32) {
		sr := NewSearcher(bg.g)
		i := 0
		for b.Loop() {
			p := pairs[i%len(pairs)]
			sr.ShortestPath(p[0], p[1])
			i++
		}
	})
}

func BenchmarkDistances(b *testing.B) {
	forGraphs(b, func(b *testing.B, bg *benchGraph, pairs [][2]int32) {
		for b.Loop() {
			Distances(bg.g, pairs[0][0])
		}
	})
}

func BenchmarkDijkstra(b *testing.B) {
	forGraphs(b, func(b *testing.B, bg *benchGraph, pairs [][2]int32) {
		sr := NewSearcher(bg.gw)
		i := 0
		for b.Loop() {
			p := pairs[i%len(pairs)]
			sr.Dijkstra(p[0], p[1])
			i++
		}
	})
}

func BenchmarkKShortestPaths(b *testing.B) {
	forGraphs(b, func(b *testing.B, bg *benchGraph, pairs [][2]int32) {
		i := 0
		for b.Loop() {
			p := pairs[i%len(pairs)]
			KShortestPaths(bg.g, p[0], p[1], 5)
			i++
		}
	})
}

func BenchmarkKShortestPathsWeighted(b *testing.B) {
	forGraphs(b, func(b *testing.B, bg *benchGraph, pairs [][2]int32) {
		i := 0
		for b.Loop() {
			p := pairs[i%len(pairs)]
			KShortestPaths(bg.gw, p[0], p[1], 5)
			i++
		}
	})
}

func BenchmarkBetweenness(b *testing.B) {
	forGraphs(b, func(b *testing.B, bg *benchGraph, pairs [][2]int32) {
		for b.Loop() {
			Betweenness(bg.g, BetweennessOptions{Pivots: 1000, Seed: 1})
		}
	})
}

func BenchmarkPageRank(b *testing.B) {
	forGraphs(b, func(b *testing.B, bg *benchGraph, pairs [][2]int32) {
		for b.Loop() {
			PageRank(bg.g, 0.85, 1e-6, 100)
		}
	})
}

func BenchmarkArticulationPointsBridges(b *testing.B) {
	forGraphs(b, func(b *testing.B, bg *benchGraph, pairs [][2]int32) {
		for b.Loop() {
			ArticulationPointsAndBridges(bg.g)
		}
	})
}

func BenchmarkMinVertexCut(b *testing.B) {
	forGraphs(b, func(b *testing.B, bg *benchGraph, pairs [][2]int32) {
		i := 0
		for b.Loop() {
			p := pairs[i%len(pairs)]
			MinVertexCut(bg.g, p[0], p[1])
			i++
		}
	})
}

func BenchmarkPathCounts(b *testing.B) {
	forGraphs(b, func(b *testing.B, bg *benchGraph, pairs [][2]int32) {
		sr := NewSearcher(bg.g)
		i := 0
		for b.Loop() {
			p := pairs[i%len(pairs)]
			sr.PathCounts(p[0], p[1], 1)
			i++
		}
	})
}

func BenchmarkAllSimplePaths(b *testing.B) {
	forGraphs(b, func(b *testing.B, bg *benchGraph, pairs [][2]int32) {
		i := 0
		for b.Loop() {
			p := pairs[i%len(pairs)]
			AllSimplePaths(bg.g, p[0], p[1], 5, 100)
			i++
		}
	})
}
