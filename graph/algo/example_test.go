package algo_test

import (
	"fmt"

	"github.com/relgraph/relgraph/graph/algo"
)

// Two triangles joined by the bridge 2–3.
func barbell() *algo.CSR {
	return algo.FromEdges(6, false, [][2]int32{{0, 1}, {1, 2}, {0, 2}, {2, 3}, {3, 4}, {4, 5}, {3, 5}}, nil)
}

func ExampleShortestPath() {
	g := barbell()
	fmt.Println(algo.ShortestPath(g, 0, 5))
	fmt.Println(algo.ShortestPath(g, 5, 0))
	// Output:
	// [0 2 3 5]
	// [5 3 2 0]
}

func ExampleBetweenness() {
	bc := algo.Betweenness(barbell(), algo.BetweennessOptions{})
	fmt.Println(bc)
	// Output: [0 0 6 6 0 0]
}

func ExampleArticulationPoints() {
	g := barbell()
	fmt.Println(algo.ArticulationPoints(g), algo.Bridges(g))
	// Output: [2 3] [[2 3]]
}

func ExampleMinVertexCut() {
	cut, ok := algo.MinVertexCut(barbell(), 0, 5)
	fmt.Println(cut, ok)
	// Output: [2] true
}

func ExamplePathCounts() {
	// A square 0–1–3–2–0 with a tail 3–4: two shortest paths from 0 to 4, one through 1, one through 2.
	g := algo.FromEdges(5, false, [][2]int32{{0, 1}, {1, 3}, {0, 2}, {2, 3}, {3, 4}}, nil)
	pc := algo.PathCounts(g, 0, 4, 1)
	fmt.Println(pc.Dist, pc.Total, pc.Shares)
	// Output: 3 2 [1 0.5 0.5 1 1]
}

func ExampleTriads() {
	// 0 arms 1 and 2 (+), who fight each other (−): an unbalanced triad.
	g := algo.FromEdges(3, false, [][2]int32{{0, 1}, {0, 2}, {1, 2}}, nil)
	sign := []int8{+1, +1, +1, -1, +1, -1} // by edge index: 0→1, 0→2, 1→0, 1→2, 2→0, 2→1
	c, _ := algo.Triads(g, sign, 0)
	fmt.Println(c.Balanced, c.Unbalanced, c.List, c.Index())
	// Output: 0 1 [{[0 1 2] [1 1 -1]}] 0
}
