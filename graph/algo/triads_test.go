package algo

import (
	"errors"
	"slices"
	"testing"
)

// signedGraph builds an undirected graph and its sign slice from signed edges {u, v, sign}.
func signedGraph(n int, es [][3]int32) (*CSR, []int8) {
	edges := make([][2]int32, len(es))
	for i, e := range es {
		edges[i] = [2]int32{e[0], e[1]}
	}
	g := FromEdges(n, false, edges, nil)
	sign := make([]int8, len(g.nbr))
	for _, e := range es {
		sign[g.EdgeIndex(e[0], e[1])] = int8(e[2])
		sign[g.EdgeIndex(e[1], e[0])] = int8(e[2])
	}
	return g, sign
}

func TestTriads(t *testing.T) {
	// Russia (0) arms Armenia (1) and Azerbaijan (2), who are at war: an unbalanced triad. Turkey (3)
	// allies with Azerbaijan and opposes Armenia: balanced (+, -, -). Node 4's links carry no sign.
	g, sign := signedGraph(5, [][3]int32{
		{0, 1, 1}, {0, 2, 1}, {1, 2, -1},
		{3, 2, 1}, {3, 1, -1},
		{4, 0, 0}, {4, 1, 0},
	})
	c, err := Triads(g, sign, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []Triad{{Nodes: [3]int32{0, 1, 2}, Signs: [3]int8{1, 1, -1}}}
	if c.Balanced != 1 || c.Unbalanced != 1 || !slices.Equal(c.List, want) || c.Index() != 0.5 {
		t.Errorf("Triads = %+v (index %v), want 1 balanced, %v", c, c.Index(), want)
	}
	if _, err := Triads(dcycle.csr(), make([]int8, 4), 0); !errors.Is(err, ErrDirected) {
		t.Errorf("directed graph: err = %v, want ErrDirected", err)
	}
	if _, err := Triads(g, sign[:3], 0); err == nil {
		t.Error("short sign slice accepted")
	}
	if c, _ := Triads(path5.csr(), []int8{1, 1, 1, 1, 1, 1, 1, 1}, 0); c.Index() != 1 || c.Balanced+c.Unbalanced != 0 {
		t.Errorf("no triangles: %+v, index %v", c, c.Index())
	}
}

// TestTriadsBruteForce compares with a check of every triple of nodes, on random signed graphs, with
// and without a limit on the list.
func TestTriadsBruteForce(t *testing.T) {
	for seed := uint64(1); seed <= 20; seed++ {
		g := randomGraph(60, 400+int(seed)*40, false, 0, seed)
		sign := make([]int8, len(g.nbr))
		for u := range int32(g.n) {
			for i := g.off[u]; i < g.off[u+1]; i++ {
				v := g.nbr[i]
				if u < v {
					s := int8([]int8{1, 1, -1, 0}[(int(u)*7+int(v)*13+int(seed))%4])
					sign[i], sign[g.EdgeIndex(v, u)] = s, s
				}
			}
		}
		sg := func(a, b int32) int8 {
			if i := g.EdgeIndex(a, b); i >= 0 {
				return sign[i]
			}
			return 0
		}
		var bal int
		var unbal []Triad
		for a := range int32(g.n) {
			for b := a + 1; b < int32(g.n); b++ {
				for c := b + 1; c < int32(g.n); c++ {
					ab, ac, bc := sg(a, b), sg(a, c), sg(b, c)
					if ab == 0 || ac == 0 || bc == 0 {
						continue
					}
					if ab*ac*bc > 0 {
						bal++
					} else {
						unbal = append(unbal, Triad{Nodes: [3]int32{a, b, c}, Signs: [3]int8{ab, ac, bc}})
					}
				}
			}
		}
		got, err := Triads(g, sign, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got.Balanced != bal || got.Unbalanced != len(unbal) || !slices.Equal(got.List, unbal) {
			t.Fatalf("seed %d: %d balanced %d unbalanced, want %d %d (lists equal: %v)", seed, got.Balanced,
				got.Unbalanced, bal, len(unbal), slices.Equal(got.List, unbal))
		}
		if len(unbal) < 5 {
			t.Fatalf("seed %d: weak test graph, %d unbalanced triads", seed, len(unbal))
		}
		got, _ = Triads(g, sign, 5)
		if got.Unbalanced != len(unbal) || !slices.Equal(got.List, unbal[:5]) {
			t.Fatalf("seed %d: limited list %v, want %v", seed, got.List, unbal[:5])
		}
	}
}
