package algo

import (
	"math"
	"slices"
	"testing"
)

func TestPathCounts(t *testing.T) {
	tests := []struct {
		f       fixture
		s, t    int32
		slack   int
		dist    int
		total   float64
		through []float64
	}{
		// Diamond 0→3: two paths of length 2 (via 1, via 2) and one of length 3 (via 4, 5).
		{diamond, 0, 3, 0, 2, 2, []float64{2, 1, 1, 2, 0, 0}},
		{diamond, 0, 3, 1, 2, 3, []float64{3, 1, 1, 3, 1, 1}},
		// Cycle of 6 from 0 to 2: 0,1,2 only; no path of length 3 (the other way is 4 long).
		{cycle6, 0, 2, 1, 2, 1, []float64{1, 1, 1, 0, 0, 0}},
		// Bowtie 0→4: 0,2,4 and, one longer, 0,1,2,4 and 0,2,3,4.
		{bowtie, 0, 4, 1, 2, 3, []float64{3, 1, 3, 1, 3}},
		{islands, 0, 4, 1, -1, 0, nil},
		{single, 0, 0, 1, 0, 1, []float64{1}},
		// Directed: 0→7 is 0,1,6,7 only; no path of length 4.
		{smallDigraph, 0, 7, 1, 3, 1, []float64{1, 1, 0, 0, 0, 0, 1, 1}},
	}
	for _, tt := range tests {
		pc := PathCounts(tt.f.csr(), tt.s, tt.t, tt.slack)
		if pc.Dist != tt.dist || pc.Total != tt.total || !slices.Equal(pc.Through, tt.through) {
			t.Errorf("%s: PathCounts(%d, %d, %d) = %d, %v, %v, want %d, %v, %v", tt.f.name, tt.s, tt.t, tt.slack,
				pc.Dist, pc.Total, pc.Through, tt.dist, tt.total, tt.through)
		}
		for v, sh := range pc.Shares {
			if sh != pc.Through[v]/pc.Total {
				t.Errorf("%s: share of %d = %v", tt.f.name, v, sh)
			}
		}
	}
}

// TestPathCountsBruteForce checks the walk-counting identity against an enumeration of simple paths:
// in a graph without self loops every walk of length d or d+1 between s and t is a simple path.
func TestPathCountsBruteForce(t *testing.T) {
	for seed := uint64(1); seed <= 60; seed++ {
		n := 9 + int(seed%6)
		g := randomGraph(n, n+int(seed%4)*n/2, seed%3 == 0, 0, seed)
		for s := int32(0); s < int32(n); s += 2 {
			for tt := int32(1); tt < int32(n); tt += 3 {
				for slack := 0; slack <= 1; slack++ {
					pc := PathCounts(g, s, tt, slack)
					d := int(refDistances(g, s)[tt])
					if pc.Dist != d {
						t.Fatalf("seed %d: dist %d, want %d", seed, pc.Dist, d)
					}
					if d < 0 {
						continue
					}
					paths := refAllPaths(g, s, tt, d+slack)
					if s == tt {
						paths = [][]int32{{s}}
					}
					through := make([]float64, g.n)
					for _, p := range paths {
						for _, v := range p {
							through[v]++
						}
					}
					if pc.Total != float64(len(paths)) || !slices.Equal(pc.Through, through) {
						t.Fatalf("seed %d: PathCounts(%d, %d, %d) total %v through %v, want %d %v", seed, s, tt, slack,
							pc.Total, pc.Through, len(paths), through)
					}
				}
			}
		}
	}
}

// TestPathCountsHuge counts the paths across a 40×40 grid from corner to corner: C(78, 39) ≈ 2.7e22
// shortest paths, beyond any integer type, and none of length d+1 (a grid is bipartite).
func TestPathCountsHuge(t *testing.T) {
	const k = 40
	var edges [][2]int32
	for r := range int32(k) {
		for c := range int32(k) {
			v := r*k + c
			if c+1 < k {
				edges = append(edges, [2]int32{v, v + 1})
			}
			if r+1 < k {
				edges = append(edges, [2]int32{v, v + k})
			}
		}
	}
	pc := PathCounts(FromEdges(k*k, false, edges, nil), 0, k*k-1, 1)
	want := 1.0
	for i := 1; i <= k-1; i++ {
		want = want * float64(k-1+i) / float64(i)
	}
	if pc.Dist != 2*(k-1) || math.Abs(pc.Total-want) > 1e-9*want {
		t.Fatalf("grid: dist %d total %g, want %d %g", pc.Dist, pc.Total, 2*(k-1), want)
	}
	// The centre of the anti-diagonal is the busiest node: C(39,19)² of the paths pass it.
	if pc.Shares[0] != 1 || pc.Shares[k-1] >= pc.Shares[19*k+20] {
		t.Fatalf("grid shares: corner %v, other corner %v, centre %v", pc.Shares[0], pc.Shares[k-1], pc.Shares[19*k+20])
	}
}

// TestPathCountsConfined checks the confined searches against unconfined walk counts on larger random
// graphs, where the two searches from s and t cover different parts of the graph.
func TestPathCountsConfined(t *testing.T) {
	all := func(x, dx int32) bool { return true }
	for _, c := range []struct {
		n, m     int
		directed bool
	}{{3000, 4500, false}, {3000, 15000, false}, {2000, 8000, true}} {
		g := randomGraph(c.n, c.m, c.directed, 0, 17)
		for s := int32(0); s < int32(c.n); s += 211 {
			for tt := int32(3); tt < int32(c.n); tt += 401 {
				fs, ft := walkCounts(g, s, false, all), walkCounts(g.Reverse(), tt, false, all)
				d := fs.dist[tt]
				for slack := 0; slack <= 1; slack++ {
					pc := PathCounts(g, s, tt, slack)
					if d < 0 || s == tt {
						continue
					}
					want := make([]float64, g.n)
					for v := range want {
						ds, dt := fs.dist[v], ft.dist[v]
						switch {
						case ds < 0 || dt < 0:
						case ds+dt == d:
							want[v] = fs.w0[v] * ft.w0[v]
							if slack == 1 {
								want[v] += fs.w0[v]*ft.w1[v] + fs.w1[v]*ft.w0[v]
							}
						case ds+dt == d+1 && slack == 1:
							want[v] = fs.w0[v] * ft.w0[v]
						}
					}
					if pc.Dist != int(d) || !slices.Equal(pc.Through, want) {
						t.Fatalf("n=%d m=%d: PathCounts(%d, %d, %d) differs from the unconfined count", c.n, c.m, s, tt, slack)
					}
				}
			}
		}
	}
}

func TestPathCountsMultiplied(t *testing.T) {
	// s=0, a=1, b=2, t=3: s–a has 2 parallel links, a–t 3, s–b and b–t one each, s–t none.
	g := FromEdges(4, false, [][2]int32{{0, 1}, {1, 3}, {0, 2}, {2, 3}}, nil)
	g.w = make([]float64, len(g.nbr))
	mult := map[[2]int32]float64{{0, 1}: 2, {1, 3}: 3, {0, 2}: 1, {2, 3}: 1}
	for u := int32(0); u < 4; u++ {
		for i := g.off[u]; i < g.off[u+1]; i++ {
			v := g.nbr[i]
			g.w[i] = mult[[2]int32{min(u, v), max(u, v)}]
		}
	}
	pc := PathCountsMultiplied(g, 0, 3, 0)
	if pc.Dist != 2 || pc.Total != 7 || pc.Through[1] != 6 || pc.Through[2] != 1 {
		t.Errorf("PathCountsMultiplied = dist %d, total %v, through a %v, b %v; want 2, 7, 6, 1", pc.Dist, pc.Total, pc.Through[1], pc.Through[2])
	}
	if plain := PathCounts(g, 0, 3, 0); plain.Total != 2 || plain.Through[1] != 1 {
		t.Errorf("PathCounts must ignore W: total %v, through a %v", plain.Total, plain.Through[1])
	}
}
