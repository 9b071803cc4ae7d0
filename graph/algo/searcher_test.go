package algo

import (
	"slices"
	"sync"
	"testing"
)

// TestSearcherConcurrent runs searches of one Searcher from several goroutines at once, and of copies
// of its CSR, and checks every answer against a search on fresh buffers.
func TestSearcherConcurrent(t *testing.T) {
	edges, w := randomEdges(300, 900, 5)
	for _, directed := range []bool{false, true} {
		g := FromEdges(300, directed, edges, w)
		sr := NewSearcher(g)
		if sr.Graph() != g {
			t.Fatal("Graph is not the searcher's graph")
		}
		copied := *g // a CSR value is safe to copy: it shares only immutable slices
		var wg sync.WaitGroup
		errs := make(chan string, 4)
		for k := range 4 {
			wg.Go(func() {
				for i := range int32(2000) {
					s, u := (i*7+int32(k))%300, (i*13+int32(k)*31)%300
					if got, want := sr.ShortestPath(s, u), ShortestPath(&copied, s, u); !slices.Equal(got, want) {
						errs <- "ShortestPath differs"
						return
					}
					got, gc := sr.Dijkstra(s, u)
					want, wc := Dijkstra(&copied, s, u)
					if !slices.Equal(got, want) || gc != wc {
						errs <- "Dijkstra differs"
						return
					}
					if i%50 == 0 {
						a, b := sr.PathCountsMultiplied(s, u, 1), PathCountsMultiplied(g, s, u, 1)
						if a.Dist != b.Dist || a.Total != b.Total || !slices.Equal(a.Through, b.Through) {
							errs <- "PathCountsMultiplied differs"
							return
						}
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Errorf("directed=%v: %s", directed, e)
		}
	}
}

// TestSearcherWithReverse checks that a directed graph searched from both ends through a Searcher
// answers as a search from s only, with a per-query reverse graph or the kept one.
func TestSearcherWithReverse(t *testing.T) {
	edges, _ := randomEdges(200, 500, 9)
	g := FromEdges(200, true, edges, nil)
	sr := NewSearcher(g)
	rev := g.Reverse()
	for i := range int32(400) {
		s, u := i%200, (i*37)%200
		want := ShortestPath(g, s, u)
		if got := sr.ShortestPathWithReverse(rev, s, u); !slices.Equal(got, want) {
			t.Fatalf("%d→%d: with reverse %v, want %v", s, u, got, want)
		}
		if got := sr.ShortestPathWithReverse(g.Reverse(), s, u); !slices.Equal(got, want) {
			t.Fatalf("%d→%d: with a fresh reverse %v, want %v", s, u, got, want)
		}
		if got := sr.ShortestPath(s, u); !slices.Equal(got, want) {
			t.Fatalf("%d→%d: %v, want %v", s, u, got, want)
		}
	}
}
