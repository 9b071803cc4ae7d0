package algo

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// fixture is a small hand-checked graph shared by the tests.
type fixture struct {
	name     string
	n        int
	directed bool
	edges    [][2]int32
}

func (f fixture) csr() *CSR { return FromEdges(f.n, f.directed, f.edges, nil) }

var (
	// path5: 0–1–2–3–4.
	path5 = fixture{"path", 5, false, [][2]int32{{0, 1}, {1, 2}, {2, 3}, {3, 4}}}
	// star5: centre 0, leaves 1..4.
	star5 = fixture{"star", 5, false, [][2]int32{{0, 1}, {0, 2}, {0, 3}, {0, 4}}}
	// cycle6: 0–1–2–3–4–5–0.
	cycle6 = fixture{"cycle", 6, false, [][2]int32{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 0}}}
	// bowtie: triangles 0-1-2 and 2-3-4 joined at node 2.
	bowtie = fixture{"bowtie", 5, false, [][2]int32{{0, 1}, {1, 2}, {0, 2}, {2, 3}, {3, 4}, {2, 4}}}
	// barbell: triangles 0-1-2 and 3-4-5 joined by the bridge 2–3.
	barbell = fixture{"barbell", 6, false, [][2]int32{{0, 1}, {1, 2}, {0, 2}, {2, 3}, {3, 4}, {4, 5}, {3, 5}}}
	// islands: 0–1–2 and 3–4, node 5 alone.
	islands = fixture{"islands", 6, false, [][2]int32{{0, 1}, {1, 2}, {3, 4}}}
	single  = fixture{"single", 1, false, nil}
	// dcycle: the directed cycle 0→1→2→3→0.
	dcycle = fixture{"dcycle", 4, true, [][2]int32{{0, 1}, {1, 2}, {2, 3}, {3, 0}}}
	// diamond: two shortest routes 0→1→3 and 0→2→3, and a long one 0→4→5→3.
	diamond = fixture{"diamond", 6, false, [][2]int32{{0, 1}, {0, 2}, {1, 3}, {2, 3}, {0, 4}, {4, 5}, {5, 3}}}
)

// karate is Zachary's karate club (as networkx.karate_club_graph(), 34 nodes, 78 edges).
var karate = fixture{"karate", 34, false, [][2]int32{
	{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {0, 6}, {0, 7}, {0, 8}, {0, 10}, {0, 11}, {0, 12}, {0, 13},
	{0, 17}, {0, 19}, {0, 21}, {0, 31}, {1, 2}, {1, 3}, {1, 7}, {1, 13}, {1, 17}, {1, 19}, {1, 21}, {1, 30},
	{2, 3}, {2, 7}, {2, 8}, {2, 9}, {2, 13}, {2, 27}, {2, 28}, {2, 32}, {3, 7}, {3, 12}, {3, 13}, {4, 6},
	{4, 10}, {5, 6}, {5, 10}, {5, 16}, {6, 16}, {8, 30}, {8, 32}, {8, 33}, {9, 33}, {13, 33}, {14, 32},
	{14, 33}, {15, 32}, {15, 33}, {18, 32}, {18, 33}, {19, 33}, {20, 32}, {20, 33}, {22, 32}, {22, 33},
	{23, 25}, {23, 27}, {23, 29}, {23, 32}, {23, 33}, {24, 25}, {24, 27}, {24, 31}, {25, 31}, {26, 29},
	{26, 33}, {27, 33}, {28, 31}, {28, 33}, {29, 32}, {29, 33}, {30, 32}, {30, 33}, {31, 32}, {31, 33},
	{32, 33},
}}

// smallDigraph is the directed graph of the NetworkX cross-checks: two directed triangles 0→1→2→0 and
// 3→4→5→3 joined by 2→3, with 4→6→7 and the shortcut 1→6.
var smallDigraph = fixture{"digraph", 8, true, [][2]int32{
	{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 4}, {4, 5}, {5, 3}, {4, 6}, {6, 7}, {1, 6},
}}

// randomGraph returns a reproducible random graph with n nodes and about m edges, with integer costs
// 1..maxCost when maxCost > 0.
func randomGraph(n, m int, directed bool, maxCost int, seed uint64) *CSR {
	r := rand.New(rand.NewPCG(seed, 99))
	edges := make([][2]int32, m)
	var w []float64
	if maxCost > 0 {
		w = make([]float64, m)
	}
	for i := range edges {
		edges[i] = [2]int32{int32(r.IntN(n)), int32(r.IntN(n))}
		if w != nil {
			w[i] = float64(1 + r.IntN(maxCost))
		}
	}
	return FromEdges(n, directed, edges, w)
}

// hubGraph is randomGraph with hubs: one end of every other edge is drawn with a density falling
// steeply with the node number, so the lowest-numbered nodes get hundreds of edges and shortest paths
// run through them, as in the benchmark graphs.
func hubGraph(n, m int, directed bool, seed uint64) *CSR {
	r := rand.New(rand.NewPCG(seed, 98))
	edges := make([][2]int32, m)
	for i := range edges {
		a := int32(r.IntN(n))
		if i%2 == 0 {
			u := r.Float64()
			a = int32(float64(n) * u * u * u * u)
		}
		edges[i] = [2]int32{a, int32(r.IntN(n))}
		if r.IntN(2) == 0 {
			edges[i][0], edges[i][1] = edges[i][1], edges[i][0]
		}
	}
	return FromEdges(n, directed, edges, nil)
}

// refDistances is a textbook breadth-first search over an adjacency test helper.
func refDistances(g *CSR, s int32) []int32 {
	d := make([]int32, g.n)
	for i := range d {
		d[i] = -1
	}
	d[s] = 0
	q := []int32{s}
	for len(q) > 0 {
		u := q[0]
		q = q[1:]
		for _, v := range g.Neighbors(u) {
			if d[v] < 0 {
				d[v] = d[u] + 1
				q = append(q, v)
			}
		}
	}
	return d
}

// refAllPaths enumerates every simple s→t path with at most maxLen edges by plain recursion, sorted
// by length then lexicographically.
func refAllPaths(g *CSR, s, t int32, maxLen int) [][]int32 {
	var out [][]int32
	on := make([]bool, g.n)
	var rec func(p []int32)
	rec = func(p []int32) {
		u := p[len(p)-1]
		if u == t {
			out = append(out, slices.Clone(p))
			return
		}
		if len(p)-1 == maxLen {
			return
		}
		for _, v := range g.Neighbors(u) {
			if !on[v] {
				on[v] = true
				rec(append(p, v))
				on[v] = false
			}
		}
	}
	on[s] = true
	rec([]int32{s})
	slices.SortFunc(out, func(a, b []int32) int {
		if len(a) != len(b) {
			return len(a) - len(b)
		}
		return slices.Compare(a, b)
	})
	return out
}

func equalPaths(a, b [][]int32) bool {
	return slices.EqualFunc(a, b, func(x, y []int32) bool { return slices.Equal(x, y) })
}

func assertValid(t *testing.T, g *CSR) {
	t.Helper()
	if err := g.Validate(); err != nil {
		t.Fatal(err)
	}
}
