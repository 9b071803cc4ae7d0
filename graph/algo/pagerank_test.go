package algo

import (
	"math"
	"testing"
)

// Expected values from NetworkX 3.6.1 (its pure-Python power method, which the library's pagerank
// matches):
//
//	from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
//	_pagerank_python(networkx.karate_club_graph(), alpha=0.85, tol=1e-13, max_iter=10000, weight=None)
//	_pagerank_python(networkx.DiGraph(smallDigraph edges), alpha=0.85, tol=1e-13, max_iter=10000)
var (
	karatePageRank = []float64{0.096997285389, 0.052876924061, 0.057078509488, 0.035859857787, 0.021977952365,
		0.029111154679, 0.029111154679, 0.024490497035, 0.029766056081, 0.014309397129, 0.021977952365,
		0.009564745492, 0.014644892012, 0.029536456152, 0.014535993998, 0.014535993998, 0.016784005444,
		0.014558677209, 0.014535993998, 0.019604636326, 0.014535993998, 0.014558677209, 0.014535993998,
		0.031522514776, 0.021076033559, 0.021006197394, 0.015044038083, 0.025639767483, 0.019573459464,
		0.026288537695, 0.024590155248, 0.037158087069, 0.071693226005, 0.100919182332}
	digraphPageRank = []float64{0.068600747529, 0.094476233848, 0.076317997835, 0.162217124416, 0.174050154203,
		0.110136913985, 0.150289313371, 0.163911514814}
)

func TestPageRank(t *testing.T) {
	tests := []struct {
		f    fixture
		want []float64
	}{
		{cycle6, []float64{1. / 6, 1. / 6, 1. / 6, 1. / 6, 1. / 6, 1. / 6}},
		{dcycle, []float64{.25, .25, .25, .25}},
		{single, []float64{1}},
		// Star: the centre gets r0 = 0.15/5 + 0.85·4·r1 and each leaf r1 = 0.15/5 + 0.85·r0/4, so
		// r0 = (0.03 + 0.102)/(1 - 0.7225) and r1 = (1 - r0)/4.
		{star5, func() []float64 {
			r0 := (0.03 + 0.85*4*0.03) / (1 - 0.85*0.85)
			r1 := (1 - r0) / 4
			return []float64{r0, r1, r1, r1, r1}
		}()},
		{karate, karatePageRank},
		{smallDigraph, digraphPageRank},
	}
	for _, tt := range tests {
		got := PageRank(tt.f.csr(), 0.85, 1e-14, 1000)
		for i := range got {
			if math.Abs(got[i]-tt.want[i]) > 1e-9 {
				t.Fatalf("%s: node %d = %.12f, want %.12f", tt.f.name, i, got[i], tt.want[i])
			}
		}
	}
}

func TestPageRankSumsToOne(t *testing.T) {
	for _, g := range []*CSR{
		islands.csr(),
		FromEdges(4, true, [][2]int32{{0, 1}, {1, 2}}, nil), // nodes 2 and 3 are dangling
		randomGraph(2000, 3000, true, 0, 3),
	} {
		pr := PageRank(g, 0.85, 1e-10, 200)
		sum := 0.0
		for _, x := range pr {
			sum += x
			if x <= 0 {
				t.Fatalf("non-positive rank %v", x)
			}
		}
		if math.Abs(sum-1) > 1e-12 {
			t.Fatalf("ranks sum to %v", sum)
		}
	}
	if PageRank(&CSR{off: []int32{0}}, 0.85, 1e-9, 10) != nil {
		t.Fatal("empty graph should have no ranks")
	}
	// A dangling chain 0→1: node 0 only gets the jump and half of 1's dangling rank,
	// r0 = 0.15/2 + 0.85·r1/2 with r1 = 1 - r0, so r0 = 0.5/1.425.
	pr := PageRank(FromEdges(2, true, [][2]int32{{0, 1}}, nil), 0.85, 1e-15, 1000)
	r0 := 0.5 / 1.425
	if math.Abs(pr[0]-r0) > 1e-12 || math.Abs(pr[1]-(1-r0)) > 1e-12 {
		t.Fatalf("dangling chain = %v, want %v", pr, []float64{r0, 1 - r0})
	}
}
