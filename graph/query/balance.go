package query

import (
	"cmp"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/algo"
)

// Triad is an unbalanced triangle of the signed graph, with the links behind each of its three ties.
type Triad struct {
	// Actors are the three actors in id order.
	Actors [3]string
	// Signs are the net signs of the ties Actors[0]–Actors[1], Actors[0]–Actors[2], Actors[1]–Actors[2].
	Signs [3]int8
	// Links counts the links behind the three ties.
	Links int
}

// BalanceResult is the answer of Balance.
type BalanceResult struct {
	// Index is the share of signed triangles that are balanced (1 when there are none).
	Index      float64
	Balanced   int
	Unbalanced int
	// Triads lists unbalanced triangles, those held by the most links first.
	Triads []Triad
}

// maxTriadsExamined bounds how many unbalanced triangles Balance collects to rank; counts stay exact.
const maxTriadsExamined = 100000

// Balance measures the structural balance of g's signed graph. Each pair of linked actors gets the
// net sign of its links — the sign of the sum of their signs (neutral links count 0), so a pair with
// more cooperative than hostile links is a positive tie — and pairs whose sum is 0 are left out. A
// triangle of signed ties is balanced when the product of its signs is positive (the friend of a
// friend, or the enemy of an enemy, is a friend), unbalanced otherwise (Cartwright and Harary). The
// balance index is the share of balanced triangles. Up to top unbalanced triangles are listed (all when
// top ≤ 0), those backed by the most links first. O(E^1.5).
func Balance(g *graph.Graph, top int) BalanceResult {
	c := g.Project(graph.ProjectOptions{})
	// sign is parallel to the projection's edges, stored row after row (both directions of each).
	sign := make([]int8, 2*c.NumEdges())
	acc := make([]int32, g.NumActors())
	k := 0
	for u := range int32(len(acc)) {
		for _, l := range g.Out(u) {
			_, to := g.Ends(l)
			acc[to] += int32(g.SignOf(l))
		}
		for _, l := range g.In(u) {
			from, _ := g.Ends(l)
			acc[from] += int32(g.SignOf(l))
		}
		for _, v := range c.Neighbors(u) {
			switch {
			case acc[v] > 0:
				sign[k] = 1
			case acc[v] < 0:
				sign[k] = -1
			}
			acc[v] = 0
			k++
		}
	}
	tc, err := algo.Triads(c, sign, maxTriadsExamined)
	if err != nil { // unreachable: the projection is undirected
		return BalanceResult{Index: 1, Triads: []Triad{}}
	}
	res := BalanceResult{Index: tc.Index(), Balanced: tc.Balanced, Unbalanced: tc.Unbalanced, Triads: []Triad{}}
	for _, t := range tc.List {
		n := t.Nodes
		tr := Triad{Actors: [3]string{g.Actor(n[0]).ID, g.Actor(n[1]).ID, g.Actor(n[2]).ID}, Signs: t.Signs,
			Links: len(g.LinksBetween(n[0], n[1])) + len(g.LinksBetween(n[0], n[2])) + len(g.LinksBetween(n[1], n[2]))}
		// Order the actors by id, keeping each sign with its pair.
		res.Triads = append(res.Triads, orderTriad(tr))
	}
	slices.SortFunc(res.Triads, func(x, y Triad) int {
		return cmp.Or(cmp.Compare(y.Links, x.Links), strings.Compare(strings.Join(x.Actors[:], ","), strings.Join(y.Actors[:], ",")))
	})
	if top > 0 && len(res.Triads) > top {
		res.Triads = res.Triads[:top]
	}
	return res
}

// orderTriad sorts a triad's actors by id and permutes its pair signs to match.
func orderTriad(t Triad) Triad {
	pairSign := map[[2]string]int8{}
	pairs := [3][2]int{{0, 1}, {0, 2}, {1, 2}}
	for i, p := range pairs {
		pairSign[[2]string{t.Actors[p[0]], t.Actors[p[1]]}] = t.Signs[i]
		pairSign[[2]string{t.Actors[p[1]], t.Actors[p[0]]}] = t.Signs[i]
	}
	slices.Sort(t.Actors[:])
	for i, p := range pairs {
		t.Signs[i] = pairSign[[2]string{t.Actors[p[0]], t.Actors[p[1]]}]
	}
	return t
}
