package algo

import (
	"slices"
	"testing"
)

func TestMinVertexCut(t *testing.T) {
	tests := []struct {
		f    fixture
		s, t int32
		cut  []int32
		ok   bool
	}{
		{path5, 0, 4, []int32{1}, true}, // every inner node cuts; the one closest to 0
		{path5, 4, 0, []int32{3}, true},
		{path5, 0, 1, nil, false}, // adjacent
		{path5, 2, 2, nil, false},
		{star5, 1, 2, []int32{0}, true},
		{cycle6, 0, 3, []int32{1, 5}, true},
		{bowtie, 0, 4, []int32{2}, true},
		{barbell, 0, 5, []int32{2}, true},
		{diamond, 0, 3, []int32{1, 2, 4}, true},
		{diamond, 4, 3, []int32{0, 5}, true},
		{islands, 0, 4, []int32{}, true}, // already disconnected
		{dcycle, 0, 2, []int32{1}, true},
		{dcycle, 2, 0, []int32{3}, true},
		{dcycle, 3, 0, nil, false},
		// NetworkX: minimum_st_node_cut(karate_club_graph(), 0, 33) = {2, 8, 13, 19, 30, 31}, one of
		// several cuts of 6; the one closest to 0 has 1 where that one has 30.
		{karate, 0, 33, []int32{1, 2, 8, 13, 19, 31}, true},
		{karate, 4, 25, []int32{0}, true},
	}
	for _, tt := range tests {
		cut, ok := MinVertexCut(tt.f.csr(), tt.s, tt.t)
		if !slices.Equal(cut, tt.cut) || ok != tt.ok {
			t.Errorf("%s: MinVertexCut(%d, %d) = %v, %v, want %v, %v", tt.f.name, tt.s, tt.t, cut, ok, tt.cut, tt.ok)
		}
		if ok && len(cut) > 0 && !slices.Equal(refCutClosest(tt.f.csr(), tt.s, tt.t), cut) {
			t.Errorf("%s: MinVertexCut(%d, %d) = %v, reference %v", tt.f.name, tt.s, tt.t, cut, refCutClosest(tt.f.csr(), tt.s, tt.t))
		}
	}
}

// refCutClosest computes the cut closest to s with an explicit node-split graph, capacities in a
// matrix and Edmonds–Karp.
func refCutClosest(g *CSR, s, t int32) []int32 {
	n := 2 * g.n
	capa := make([][]int, n)
	for i := range capa {
		capa[i] = make([]int, n)
	}
	const inf = 1 << 20
	for v := range int32(g.n) {
		if v == s || v == t {
			capa[2*v][2*v+1] = inf
		} else {
			capa[2*v][2*v+1] = 1
		}
		for _, w := range g.Neighbors(v) {
			capa[2*v+1][2*w] = inf
		}
	}
	src, sink := int(2*s+1), int(2*t)
	reach := func() []int {
		prev := make([]int, n)
		for i := range prev {
			prev[i] = -1
		}
		prev[src] = src
		q := []int{src}
		for len(q) > 0 {
			x := q[0]
			q = q[1:]
			for y := range n {
				if prev[y] < 0 && capa[x][y] > 0 {
					prev[y] = x
					q = append(q, y)
				}
			}
		}
		return prev
	}
	for {
		prev := reach()
		if prev[sink] < 0 {
			var cut []int32
			for v := range int32(g.n) {
				if v != s && v != t && prev[2*v] >= 0 && prev[2*v+1] < 0 {
					cut = append(cut, v)
				}
			}
			return cut
		}
		for y := sink; y != src; y = prev[y] {
			capa[prev[y]][y]--
			capa[y][prev[y]]++
		}
	}
}

// disconnects reports whether removing cut leaves no s→t path.
func disconnects(g *CSR, s, t int32, cut []int32) bool {
	gone := make([]bool, g.n)
	for _, v := range cut {
		gone[v] = true
	}
	seen := make([]bool, g.n)
	seen[s] = true
	stack := []int32{s}
	for len(stack) > 0 {
		u := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, v := range g.Neighbors(u) {
			if !gone[v] && !seen[v] {
				seen[v] = true
				stack = append(stack, v)
			}
		}
	}
	return !seen[t]
}

func TestMinVertexCutCrossCheck(t *testing.T) {
	for seed := uint64(1); seed <= 60; seed++ {
		n := 8 + int(seed%7)
		g := randomGraph(n, 2*n+int(seed%5)*3, seed%2 == 0, 0, seed)
		for s := int32(0); s < int32(n); s += 3 {
			for tt := int32(1); tt < int32(n); tt += 2 {
				cut, ok := MinVertexCut(g, s, tt)
				if s == tt || g.HasEdge(s, tt) {
					if ok {
						t.Fatalf("seed %d: MinVertexCut(%d, %d) ok for adjacent or equal nodes", seed, s, tt)
					}
					continue
				}
				want := refCutClosest(g, s, tt)
				if want == nil {
					want = []int32{}
				}
				if !ok || !slices.Equal(cut, want) {
					t.Fatalf("seed %d n %d: MinVertexCut(%d, %d) = %v, %v, want %v", seed, n, s, tt, cut, ok, want)
				}
				if !disconnects(g, s, tt, cut) {
					t.Fatalf("seed %d: cut %v does not separate %d from %d", seed, cut, s, tt)
				}
				// No smaller set separates them: try every set of nodes with one node fewer.
				if k := len(cut) - 1; k >= 0 {
					if smaller := findCut(g, s, tt, k); smaller != nil {
						t.Fatalf("seed %d: %v separates %d from %d, smaller than %v", seed, smaller, s, tt, cut)
					}
				}
			}
		}
	}
}

// findCut returns a set of k nodes other than s and t that separates them, or nil.
func findCut(g *CSR, s, t int32, k int) []int32 {
	var cand []int32
	for v := range int32(g.n) {
		if v != s && v != t {
			cand = append(cand, v)
		}
	}
	var pick []int32
	var rec func(i int) []int32
	rec = func(i int) []int32 {
		if len(pick) == k {
			if disconnects(g, s, t, pick) {
				return slices.Clone(pick)
			}
			return nil
		}
		for j := i; j < len(cand); j++ {
			pick = append(pick, cand[j])
			if r := rec(j + 1); r != nil {
				return r
			}
			pick = pick[:len(pick)-1]
		}
		return nil
	}
	return rec(0)
}

func TestMinVertexCutLarger(t *testing.T) {
	for _, directed := range []bool{false, true} {
		g := randomGraph(400, 1600, directed, 0, 21)
		for s := int32(0); s < 400; s += 53 {
			for tt := int32(7); tt < 400; tt += 61 {
				cut, ok := MinVertexCut(g, s, tt)
				if s == tt || g.HasEdge(s, tt) {
					continue
				}
				want := refCutClosest(g, s, tt)
				if want == nil {
					want = []int32{}
				}
				if !ok || !slices.Equal(cut, want) {
					t.Fatalf("directed=%v MinVertexCut(%d, %d) = %v, want %v", directed, s, tt, cut, want)
				}
			}
		}
	}
}
