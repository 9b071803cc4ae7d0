package algo

import "testing"

func TestAllSimplePaths(t *testing.T) {
	tests := []struct {
		f             fixture
		s, t          int32
		maxLen, limit int
		want          [][]int32
		truncated     bool
	}{
		{diamond, 0, 3, 3, 0, [][]int32{{0, 1, 3}, {0, 2, 3}, {0, 4, 5, 3}}, false},
		{diamond, 0, 3, 2, 0, [][]int32{{0, 1, 3}, {0, 2, 3}}, false},
		{diamond, 0, 3, 1, 0, nil, false},
		{diamond, 0, 3, 5, 2, [][]int32{{0, 1, 3}, {0, 2, 3}}, true},
		{diamond, 0, 3, 5, 3, [][]int32{{0, 1, 3}, {0, 2, 3}, {0, 4, 5, 3}}, false},
		{diamond, 1, 2, 5, 0, [][]int32{{1, 0, 2}, {1, 3, 2}, {1, 0, 4, 5, 3, 2}, {1, 3, 5, 4, 0, 2}}, false},
		{cycle6, 0, 3, 3, 0, [][]int32{{0, 1, 2, 3}, {0, 5, 4, 3}}, false},
		{islands, 0, 4, 10, 0, nil, false},
		{single, 0, 0, 3, 0, [][]int32{{0}}, false},
		{dcycle, 0, 3, 5, 0, [][]int32{{0, 1, 2, 3}}, false},
		{dcycle, 3, 2, 2, 0, nil, false},
		{bowtie, 0, 4, 4, 0, [][]int32{{0, 2, 4}, {0, 1, 2, 4}, {0, 2, 3, 4}, {0, 1, 2, 3, 4}}, false},
	}
	for _, tt := range tests {
		got, trunc := AllSimplePaths(tt.f.csr(), tt.s, tt.t, tt.maxLen, tt.limit)
		if !equalPaths(got, tt.want) || trunc != tt.truncated {
			t.Errorf("%s: AllSimplePaths(%d, %d, %d, %d) = %v, %v, want %v, %v", tt.f.name, tt.s, tt.t,
				tt.maxLen, tt.limit, got, trunc, tt.want, tt.truncated)
		}
	}
}

func TestAllSimplePathsCrossCheck(t *testing.T) {
	for seed := uint64(1); seed <= 30; seed++ {
		g := randomGraph(12, 30, seed%2 == 0, 0, seed)
		for s := int32(0); s < 12; s += 5 {
			for tt := int32(1); tt < 12; tt += 3 {
				for _, maxLen := range []int{2, 4, 11} {
					want := refAllPaths(g, s, tt, maxLen)
					if s == tt {
						want = [][]int32{{s}}
					}
					got, trunc := AllSimplePaths(g, s, tt, maxLen, 0)
					if !equalPaths(got, want) || trunc {
						t.Fatalf("seed %d: AllSimplePaths(%d, %d, %d) = %v, want %v", seed, s, tt, maxLen, got, want)
					}
					if len(want) > 3 {
						got, trunc := AllSimplePaths(g, s, tt, maxLen, 3)
						if !equalPaths(got, want[:3]) || !trunc {
							t.Fatalf("seed %d: limited AllSimplePaths(%d, %d, %d) = %v %v, want %v true", seed, s, tt, maxLen, got, trunc, want[:3])
						}
					}
				}
			}
		}
	}
}

// TestAllSimplePathsLongPath runs on a 100,000-node path, deeper than any recursion would go.
func TestAllSimplePathsLongPath(t *testing.T) {
	const n = 100_000
	edges := make([][2]int32, n-1)
	for i := range edges {
		edges[i] = [2]int32{int32(i), int32(i + 1)}
	}
	g := FromEdges(n, false, edges, nil)
	got, trunc := AllSimplePaths(g, 0, n-1, n, 10)
	if trunc || len(got) != 1 || len(got[0]) != n {
		t.Fatalf("got %d paths, truncated %v", len(got), trunc)
	}
	if p := ShortestPath(g, 0, n-1); len(p) != n {
		t.Fatalf("ShortestPath length %d", len(p))
	}
	if ap := ArticulationPoints(g); len(ap) != n-2 {
		t.Fatalf("%d articulation points, want %d", len(ap), n-2)
	}
	if br := Bridges(g); len(br) != n-1 {
		t.Fatalf("%d bridges, want %d", len(br), n-1)
	}
	if cut, ok := MinVertexCut(g, 0, n-1); !ok || len(cut) != 1 || cut[0] != 1 {
		t.Fatalf("MinVertexCut = %v, %v, want [1] true", cut, ok)
	}
	bc := Betweenness(g, BetweennessOptions{Pivots: 64, Seed: 3})
	if bc[0] != 0 || bc[n/2] <= bc[10] {
		t.Fatalf("betweenness on a path: ends %v, middle %v, near end %v", bc[0], bc[n/2], bc[10])
	}
	if pc := PathCounts(g, 0, n-1, 1); pc.Dist != n-1 || pc.Total != 1 || pc.Shares[n/2] != 1 {
		t.Fatalf("PathCounts: dist %d total %v", pc.Dist, pc.Total)
	}
}
