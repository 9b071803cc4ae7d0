package algo

import (
	"math"
	"slices"
	"testing"

	dgraph "github.com/dominikbraun/graph"
)

func TestShortestPath(t *testing.T) {
	tests := []struct {
		f    fixture
		s, t int32
		want []int32
	}{
		{path5, 0, 4, []int32{0, 1, 2, 3, 4}},
		{path5, 4, 1, []int32{4, 3, 2, 1}},
		{star5, 3, 4, []int32{3, 0, 4}},
		{cycle6, 0, 3, []int32{0, 1, 2, 3}}, // two ways round; 0,1,2,3 < 0,5,4,3
		{cycle6, 1, 5, []int32{1, 0, 5}},
		{bowtie, 0, 4, []int32{0, 2, 4}},
		{barbell, 1, 4, []int32{1, 2, 3, 4}},
		{diamond, 0, 3, []int32{0, 1, 3}},
		{diamond, 3, 0, []int32{3, 1, 0}},
		{islands, 0, 4, nil},
		{islands, 5, 5, []int32{5}},
		{single, 0, 0, []int32{0}},
		{dcycle, 0, 3, []int32{0, 1, 2, 3}},
		{dcycle, 3, 0, []int32{3, 0}},
		{dcycle, 2, 1, []int32{2, 3, 0, 1}},
		{smallDigraph, 0, 7, []int32{0, 1, 6, 7}},
		{smallDigraph, 7, 0, nil},
		{karate, 16, 33, []int32{16, 5, 0, 8, 33}},
	}
	for _, tt := range tests {
		g := tt.f.csr()
		if got := ShortestPath(g, tt.s, tt.t); !slices.Equal(got, tt.want) {
			t.Errorf("%s: ShortestPath(%d, %d) = %v, want %v", tt.f.name, tt.s, tt.t, got, tt.want)
		}
		if got := ShortestPathWithReverse(g, g.Reverse(), tt.s, tt.t); !slices.Equal(got, tt.want) {
			t.Errorf("%s: ShortestPathWithReverse(%d, %d) = %v, want %v", tt.f.name, tt.s, tt.t, got, tt.want)
		}
		if got, _ := Dijkstra(g, tt.s, tt.t); !slices.Equal(got, tt.want) {
			t.Errorf("%s: unweighted Dijkstra(%d, %d) = %v, want %v", tt.f.name, tt.s, tt.t, got, tt.want)
		}
	}
}

func TestDistancesAndReachableWithin(t *testing.T) {
	tests := []struct {
		f     fixture
		s     int32
		depth int
		want  []int32
	}{
		{path5, 0, -1, []int32{0, 1, 2, 3, 4}},
		{path5, 2, 1, []int32{-1, 1, 0, 1, -1}},
		{path5, 2, 0, []int32{-1, -1, 0, -1, -1}},
		{cycle6, 0, -1, []int32{0, 1, 2, 3, 2, 1}},
		{islands, 3, -1, []int32{-1, -1, -1, 0, 1, -1}},
		{dcycle, 1, -1, []int32{3, 0, 1, 2}},
		{dcycle, 1, 2, []int32{-1, 0, 1, 2}},
		{single, 0, 5, []int32{0}},
	}
	for _, tt := range tests {
		g := tt.f.csr()
		got := ReachableWithin(g, tt.s, tt.depth)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: ReachableWithin(%d, %d) = %v, want %v", tt.f.name, tt.s, tt.depth, got, tt.want)
		}
		if tt.depth < 0 && !slices.Equal(Distances(g, tt.s), tt.want) {
			t.Errorf("%s: Distances(%d) = %v, want %v", tt.f.name, tt.s, Distances(g, tt.s), tt.want)
		}
	}
}

func TestDijkstra(t *testing.T) {
	// 0–1 (1), 1–3 (1), 0–2 (1), 2–3 (1), 0–3 (5), 3–4 (1), 0-4 (2.5): cheapest 0→4 is 0,4 (2.5)
	// and ties between 0,1,3 and 0,2,3 (cost 2) go to the smaller.
	g := FromEdges(5, false, [][2]int32{{0, 1}, {1, 3}, {0, 2}, {2, 3}, {0, 3}, {3, 4}, {0, 4}},
		[]float64{1, 1, 1, 1, 5, 1, 2.5})
	tests := []struct {
		s, t int32
		want []int32
		cost float64
	}{
		{0, 4, []int32{0, 4}, 2.5},
		{0, 3, []int32{0, 1, 3}, 2},
		{3, 0, []int32{3, 1, 0}, 2},
		{2, 4, []int32{2, 3, 4}, 2},
		{2, 2, []int32{2}, 0},
	}
	for _, tt := range tests {
		p, c := Dijkstra(g, tt.s, tt.t)
		if !slices.Equal(p, tt.want) || c != tt.cost {
			t.Errorf("Dijkstra(%d, %d) = %v, %v, want %v, %v", tt.s, tt.t, p, c, tt.want, tt.cost)
		}
	}
	d := FromEdges(3, true, [][2]int32{{0, 1}, {1, 2}, {0, 2}}, []float64{1, 1, 3})
	if p, c := Dijkstra(d, 0, 2); !slices.Equal(p, []int32{0, 1, 2}) || c != 2 {
		t.Errorf("directed Dijkstra(0, 2) = %v, %v", p, c)
	}
	if p, c := Dijkstra(d, 2, 0); p != nil || !math.IsInf(c, 1) {
		t.Errorf("directed Dijkstra(2, 0) = %v, %v, want nil, +Inf", p, c)
	}
}

// refLexShortest returns the lexicographically smallest shortest path by a full breadth-first search
// to t over reversed edges and a greedy walk from s.
func refLexShortest(g *CSR, s, t int32) []int32 {
	dt := refDistances(g.Reverse(), t)
	if dt[s] < 0 {
		return nil
	}
	p := []int32{s}
	for u := s; u != t; {
		for _, v := range g.Neighbors(u) {
			if dt[v] == dt[u]-1 {
				u = v
				break
			}
		}
		p = append(p, u)
	}
	return p
}

// refLexCheapest returns the lexicographically smallest cheapest path (integer costs) by
// Bellman–Ford distances to t and a greedy walk from s.
func refLexCheapest(g *CSR, s, t int32) ([]int32, float64) {
	inf := math.Inf(1)
	dt := make([]float64, g.n)
	for i := range dt {
		dt[i] = inf
	}
	dt[t] = 0
	for changed := true; changed; {
		changed = false
		for u := range int32(g.n) {
			for i := g.off[u]; i < g.off[u+1]; i++ {
				if c := g.w[i] + dt[g.nbr[i]]; c < dt[u] {
					dt[u], changed = c, true
				}
			}
		}
	}
	if math.IsInf(dt[s], 1) {
		return nil, inf
	}
	p := []int32{s}
	for u := s; u != t; {
		for i := g.off[u]; i < g.off[u+1]; i++ {
			if g.w[i]+dt[g.nbr[i]] == dt[u] {
				u = g.nbr[i]
				break
			}
		}
		p = append(p, u)
	}
	return p, dt[s]
}

func TestShortestPathsCrossCheck(t *testing.T) {
	for _, c := range []struct {
		n, m     int
		directed bool
		seed     uint64
	}{
		{3000, 4000, false, 1}, // sparse: long paths, many components
		{3000, 30000, false, 2},
		{3000, 6000, true, 3},
		{2000, 40000, true, 4},
	} {
		g := randomGraph(c.n, c.m, c.directed, 0, c.seed)
		gw := randomGraph(c.n, c.m, c.directed, 4, c.seed)
		rev := g.Reverse()
		checkLexShortest(t, g)
		checkLexShortest(t, hubGraph(c.n, c.m, c.directed, c.seed))
		for s := int32(0); s < int32(c.n); s += 97 {
			want := refDistances(g, s)
			if got := Distances(g, s); !slices.Equal(got, want) {
				t.Fatalf("n=%d m=%d: Distances(%d) differs from the reference", c.n, c.m, s)
			}
			for t0 := int32(5); t0 < int32(c.n); t0 += 331 {
				wantP := refLexShortest(g, s, t0)
				if got := ShortestPath(g, s, t0); !slices.Equal(got, wantP) {
					t.Fatalf("n=%d m=%d directed=%v: ShortestPath(%d, %d) = %v, want %v", c.n, c.m, c.directed, s, t0, got, wantP)
				}
				if got := ShortestPathWithReverse(g, rev, s, t0); !slices.Equal(got, wantP) {
					t.Fatalf("ShortestPathWithReverse(%d, %d) = %v, want %v", s, t0, got, wantP)
				}
				wantW, wantC := refLexCheapest(gw, s, t0)
				if got, cost := Dijkstra(gw, s, t0); !slices.Equal(got, wantW) || cost != wantC {
					t.Fatalf("Dijkstra(%d, %d) = %v %v, want %v %v", s, t0, got, cost, wantW, wantC)
				}
			}
		}
	}
}

// checkLexShortest compares ShortestPath, searching from both ends, with the reference on many pairs.
func checkLexShortest(t *testing.T, g *CSR) {
	t.Helper()
	rev := g.Reverse()
	for s := int32(0); s < int32(g.n); s += 89 {
		for t0 := int32(1); t0 < int32(g.n); t0 += 97 {
			want := refLexShortest(g, s, t0)
			if got := ShortestPathWithReverse(g, rev, s, t0); !slices.Equal(got, want) {
				t.Fatalf("n=%d directed=%v: ShortestPathWithReverse(%d, %d) = %v, want %v", g.n, g.directed, s, t0, got, want)
			}
		}
	}
}

// TestAgainstDominikbraun checks path lengths and costs against github.com/dominikbraun/graph, which
// the rest of relgraph uses on small graphs.
func TestAgainstDominikbraun(t *testing.T) {
	for _, directed := range []bool{false, true} {
		g := randomGraph(300, 900, directed, 9, 11)
		var dg dgraph.Graph[int, int]
		if directed {
			dg = dgraph.New(dgraph.IntHash, dgraph.Directed(), dgraph.Weighted())
		} else {
			dg = dgraph.New(dgraph.IntHash, dgraph.Weighted())
		}
		for v := range g.n {
			_ = dg.AddVertex(v)
		}
		for u := range int32(g.n) {
			for i := g.off[u]; i < g.off[u+1]; i++ {
				v := g.nbr[i]
				if directed || u < v {
					_ = dg.AddEdge(int(u), int(v), dgraph.EdgeWeight(int(g.w[i])))
				}
			}
		}
		for s := int32(0); s < 300; s += 37 {
			for tt := int32(1); tt < 300; tt += 41 {
				ref, err := dgraph.ShortestPath(dg, int(s), int(tt))
				p, cost := Dijkstra(g, s, tt)
				if err != nil {
					if p != nil {
						t.Errorf("directed=%v %d→%d: dominikbraun finds no path, Dijkstra %v", directed, s, tt, p)
					}
					continue
				}
				refCost := 0.0
				for i := 1; i < len(ref); i++ {
					e, _ := dg.Edge(ref[i-1], ref[i])
					refCost += float64(e.Properties.Weight)
				}
				if cost != refCost || g.PathCost(p) != cost {
					t.Errorf("directed=%v %d→%d: cost %v (path %v), dominikbraun %v (path %v)", directed, s, tt, cost, p, refCost, ref)
				}
			}
		}
	}
}

// TestSearchBuffersReused checks that searches sharing a Searcher's pooled buffers answer as searches on
// fresh buffers do, whatever ran before them: every pair, in two orders, interleaving hop-count and
// cheapest-path searches.
func TestSearchBuffersReused(t *testing.T) {
	edges, w := randomEdges(120, 300, 3)
	for _, directed := range []bool{false, true} {
		g := FromEdges(120, directed, edges, w)
		sr := NewSearcher(g)
		type answer struct {
			hops, cheap []int32
			cost        float64
		}
		want := map[[2]int32]answer{}
		for s := range int32(120) {
			for u := range int32(120) {
				var rev *CSR
				if !directed {
					rev = g
				}
				cheap, cost := newDijkstra(g).path(s, u), 0.0
				if cheap == nil {
					cost = math.Inf(1)
				} else {
					cost = g.PathCost(cheap)
				}
				want[[2]int32{s, u}] = answer{newBFS(g, rev).path(s, u), cheap, cost}
			}
		}
		for round := range 2 {
			for i := range int32(120 * 120) {
				s, u := i/120, i%120
				if round == 1 {
					s = 119 - s
				}
				got := answer{hops: sr.ShortestPath(s, u)}
				got.cheap, got.cost = sr.Dijkstra(s, u)
				if got.cheap == nil {
					got.cost = math.Inf(1)
				}
				if w := want[[2]int32{s, u}]; !slices.Equal(got.hops, w.hops) || !slices.Equal(got.cheap, w.cheap) || got.cost != w.cost {
					t.Fatalf("directed=%v round %d %d→%d: got %v / %v (%v), want %v / %v (%v)", directed, round, s, u, got.hops, got.cheap, got.cost, w.hops, w.cheap, w.cost)
				}
			}
		}
	}
}
