package algo

import (
	"slices"
	"testing"
)

func TestArticulationPointsAndBridges(t *testing.T) {
	tests := []struct {
		f       fixture
		cut     []int32
		bridges [][2]int32
	}{
		{path5, []int32{1, 2, 3}, [][2]int32{{0, 1}, {1, 2}, {2, 3}, {3, 4}}},
		{star5, []int32{0}, [][2]int32{{0, 1}, {0, 2}, {0, 3}, {0, 4}}},
		{cycle6, nil, nil},
		{bowtie, []int32{2}, nil},
		{barbell, []int32{2, 3}, [][2]int32{{2, 3}}},
		{islands, []int32{1}, [][2]int32{{0, 1}, {1, 2}, {3, 4}}},
		{single, nil, nil},
		{diamond, nil, nil},
		// A directed graph is read as undirected: the cycle has no cut vertex, and in the digraph the
		// shortcut 1→6 closes the cycle 1,2,3,4,6 so that only 6 (and 6–7) cut off node 7.
		{dcycle, nil, nil},
		{smallDigraph, []int32{6}, [][2]int32{{6, 7}}},
		// NetworkX: articulation_points(karate_club_graph()) = [0], bridges = [(0, 11)].
		{karate, []int32{0}, [][2]int32{{0, 11}}},
	}
	for _, tt := range tests {
		g := tt.f.csr()
		if got := ArticulationPoints(g); !slices.Equal(got, tt.cut) {
			t.Errorf("%s: ArticulationPoints = %v, want %v", tt.f.name, got, tt.cut)
		}
		if got := Bridges(g); !slices.Equal(got, tt.bridges) {
			t.Errorf("%s: Bridges = %v, want %v", tt.f.name, got, tt.bridges)
		}
		if cut, br := ArticulationPointsAndBridges(g); !slices.Equal(cut, tt.cut) || !slices.Equal(br, tt.bridges) {
			t.Errorf("%s: ArticulationPointsAndBridges = %v, %v", tt.f.name, cut, br)
		}
	}
}

// countComponents counts the components of the undirected view of g without node skip (-1: none) and
// without the edge {a, b}.
func countComponents(g *CSR, skip int32, a, b int32) int {
	seen := make([]bool, g.n)
	n := 0
	for s := range int32(g.n) {
		if s == skip || seen[s] {
			continue
		}
		n++
		seen[s] = true
		stack := []int32{s}
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, v := range g.Neighbors(u) {
				if v == skip || seen[v] || (u == a && v == b) || (u == b && v == a) {
					continue
				}
				seen[v] = true
				stack = append(stack, v)
			}
		}
	}
	return n
}

func TestArticulationPointsCrossCheck(t *testing.T) {
	for _, c := range []struct {
		n, m     int
		directed bool
		seed     uint64
	}{
		{2000, 1800, false, 1}, // a forest-like graph: many cut vertices and bridges
		{2000, 2500, false, 2},
		{2000, 2200, true, 3},
		{1000, 5000, false, 4},
	} {
		g := randomGraph(c.n, c.m, c.directed, 0, c.seed)
		u := g.Undirected()
		base := countComponents(u, -1, -1, -1)
		var wantCut []int32
		for v := range int32(u.n) {
			// Removing v removes its own component when it is isolated.
			isolated := u.off[v] == u.off[v+1]
			after := countComponents(u, v, -1, -1)
			if !isolated && after > base {
				wantCut = append(wantCut, v)
			}
		}
		var wantBridges [][2]int32
		for a := range int32(u.n) {
			for _, b := range u.Neighbors(a) {
				if a < b && countComponents(u, -1, a, b) > base {
					wantBridges = append(wantBridges, [2]int32{a, b})
				}
			}
		}
		if got := ArticulationPoints(g); !slices.Equal(got, wantCut) {
			t.Errorf("n=%d m=%d: %d articulation points, want %d", c.n, c.m, len(got), len(wantCut))
		}
		if got := Bridges(g); !slices.Equal(got, wantBridges) {
			t.Errorf("n=%d m=%d: %d bridges, want %d", c.n, c.m, len(got), len(wantBridges))
		}
		if len(wantCut) == 0 || len(wantBridges) == 0 {
			t.Errorf("n=%d m=%d: weak test graph (%d cut vertices, %d bridges)", c.n, c.m, len(wantCut), len(wantBridges))
		}
	}
}

func TestComponents(t *testing.T) {
	tests := []struct {
		f     fixture
		comp  []int32
		count int
	}{
		{islands, []int32{0, 0, 0, 1, 1, 2}, 3},
		{path5, []int32{0, 0, 0, 0, 0}, 1},
		{single, []int32{0}, 1},
		{fixture{"empty", 0, false, nil}, []int32{}, 0},
		// Weakly connected: 2→0 joins node 2 to 0's component though 0 cannot reach it.
		{fixture{"weak", 5, true, [][2]int32{{2, 0}, {4, 3}}}, []int32{0, 1, 0, 2, 2}, 3},
	}
	for _, tt := range tests {
		comp, n := Components(tt.f.csr())
		if !slices.Equal(comp, tt.comp) || n != tt.count {
			t.Errorf("%s: Components = %v, %d, want %v, %d", tt.f.name, comp, n, tt.comp, tt.count)
		}
	}
	g := randomGraph(3000, 2000, true, 0, 8)
	comp, n := Components(g)
	if want := countComponents(g.Undirected(), -1, -1, -1); n != want {
		t.Fatalf("Components counts %d, reference %d", n, want)
	}
	u := g.Undirected()
	for v := range int32(u.n) {
		for _, w := range u.Neighbors(v) {
			if comp[v] != comp[w] {
				t.Fatalf("neighbours %d and %d in components %d and %d", v, w, comp[v], comp[w])
			}
		}
	}
}
