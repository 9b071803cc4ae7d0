package algo

import (
	"slices"
	"testing"
)

// adjacency is a Graph that is not a CSR, with unsorted neighbour lists.
type adjacency struct {
	rows     [][]int32
	directed bool
}

func (a adjacency) NumNodes() int             { return len(a.rows) }
func (a adjacency) Neighbors(u int32) []int32 { return a.rows[u] }
func (a adjacency) Directed() bool            { return a.directed }

// TestGraphInterface runs the algorithms that take a Graph on a graph that is not a CSR, and checks
// them against the same graph as a CSR.
func TestGraphInterface(t *testing.T) {
	// Two triangles joined by the bridge 2–3, each edge listed from both ends, in no order.
	und := adjacency{rows: [][]int32{{2, 1}, {0, 2}, {3, 1, 0}, {5, 2, 4}, {3, 5}, {4, 3}, {}}}
	// A directed graph: 0→1→2, 3→2, and 4 alone.
	dir := adjacency{rows: [][]int32{{1}, {2}, {}, {2}, {}}, directed: true}
	for _, g := range []adjacency{und, dir} {
		c := ToCSR(g)
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
		if ToCSR(c) != c {
			t.Error("ToCSR copied a CSR")
		}
		for name, got := range map[string][2]any{
			"Components":  {fst(Components(g)), fst(Components(c))},
			"PageRank":    {PageRank(g, 0.85, 1e-12, 100), PageRank(c, 0.85, 1e-12, 100)},
			"Articulated": {ArticulationPoints(g), ArticulationPoints(c)},
			"Bridges":     {Bridges(g), Bridges(c)},
			"InDegrees":   {InDegrees(g), InDegrees(c)},
			"Degrees":     {Degrees(g), Degrees(c)},
		} {
			if !equalAny(got[0], got[1]) {
				t.Errorf("directed=%v %s: %v on the Graph, %v on its CSR", g.directed, name, got[0], got[1])
			}
		}
	}
	if got, want := ArticulationPoints(und), []int32{2, 3}; !slices.Equal(got, want) {
		t.Errorf("ArticulationPoints = %v, want %v", got, want)
	}
	if got, want := Degrees(dir), []int32{1, 2, 2, 1, 0}; !slices.Equal(got, want) {
		t.Errorf("Degrees = %v, want %v", got, want)
	}
	if got, want := OutDegrees(und), []int32{2, 2, 3, 3, 2, 2, 0}; !slices.Equal(got, want) {
		t.Errorf("OutDegrees = %v, want %v", got, want)
	}
	// ToCSR merges duplicates, drops loops and stores a one-sided undirected edge both ways.
	messy := ToCSR(adjacency{rows: [][]int32{{1, 1, 0}, {}, {0}}})
	if want := FromEdges(3, false, [][2]int32{{0, 1}, {0, 2}}, nil); !slices.Equal(messy.off, want.off) || !slices.Equal(messy.nbr, want.nbr) {
		t.Errorf("ToCSR of messy lists: off %v nbr %v, want %v %v", messy.off, messy.nbr, want.off, want.nbr)
	}
}

func fst(comp []int32, _ int) []int32 { return comp }

func equalAny(a, b any) bool {
	switch a := a.(type) {
	case []int32:
		return slices.Equal(a, b.([]int32))
	case []float64:
		return slices.Equal(a, b.([]float64))
	case [][2]int32:
		return slices.Equal(a, b.([][2]int32))
	}
	return false
}
