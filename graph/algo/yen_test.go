package algo

import (
	"cmp"
	"slices"
	"testing"
)

func TestKShortestPaths(t *testing.T) {
	tests := []struct {
		f    fixture
		s, t int32
		k    int
		want [][]int32
	}{
		{diamond, 0, 3, 5, [][]int32{{0, 1, 3}, {0, 2, 3}, {0, 4, 5, 3}}},
		{diamond, 0, 3, 2, [][]int32{{0, 1, 3}, {0, 2, 3}}},
		{diamond, 0, 3, 0, nil},
		{cycle6, 0, 3, 3, [][]int32{{0, 1, 2, 3}, {0, 5, 4, 3}}},
		{path5, 0, 4, 3, [][]int32{{0, 1, 2, 3, 4}}},
		{islands, 0, 3, 3, nil},
		{single, 0, 0, 3, [][]int32{{0}}},
		{bowtie, 0, 4, 4, [][]int32{{0, 2, 4}, {0, 1, 2, 4}, {0, 2, 3, 4}, {0, 1, 2, 3, 4}}},
		{dcycle, 1, 0, 3, [][]int32{{1, 2, 3, 0}}},
		{smallDigraph, 0, 7, 3, [][]int32{{0, 1, 6, 7}, {0, 1, 2, 3, 4, 6, 7}}},
	}
	for _, tt := range tests {
		got := KShortestPaths(tt.f.csr(), tt.s, tt.t, tt.k)
		if !equalPaths(got, tt.want) {
			t.Errorf("%s: KShortestPaths(%d, %d, %d) = %v, want %v", tt.f.name, tt.s, tt.t, tt.k, got, tt.want)
		}
	}
}

func TestKShortestPathsWeighted(t *testing.T) {
	// Square 0-1-2-3-0 with costs 1, 1, 1, 4 and the diagonal 0–2 costing 2.
	g := FromEdges(4, false, [][2]int32{{0, 1}, {1, 2}, {2, 3}, {3, 0}, {0, 2}}, []float64{1, 1, 1, 4, 2})
	got := KShortestPaths(g, 0, 3, 10)
	want := [][]int32{{0, 1, 2, 3}, {0, 2, 3}, {0, 3}}
	if !equalPaths(got, want) {
		t.Errorf("KShortestPaths = %v, want %v", got, want)
	}
}

// TestKShortestPathsCrossCheck compares Yen's paths with every simple path sorted by cost then
// lexicographically, on small random graphs, with hop counts and with integer costs.
func TestKShortestPathsCrossCheck(t *testing.T) {
	for seed := uint64(1); seed <= 40; seed++ {
		directed := seed%2 == 0
		maxCost := 0
		if seed%3 == 0 {
			maxCost = 3
		}
		g := randomGraph(10, 22, directed, maxCost, seed)
		for s := int32(0); s < 10; s += 3 {
			for tt := int32(1); tt < 10; tt += 4 {
				all := refAllPaths(g, s, tt, g.n)
				slices.SortStableFunc(all, func(a, b []int32) int {
					return cmp.Or(cmp.Compare(g.PathCost(a), g.PathCost(b)), slices.Compare(a, b))
				})
				for _, k := range []int{1, 4, 12} {
					want := all[:min(k, len(all))]
					if len(want) == 0 {
						want = nil
					}
					got := KShortestPaths(g, s, tt, k)
					if !equalPaths(got, want) {
						t.Fatalf("seed %d directed=%v cost=%d: KShortestPaths(%d, %d, %d) = %v, want %v",
							seed, directed, maxCost, s, tt, k, got, want)
					}
				}
			}
		}
	}
}
