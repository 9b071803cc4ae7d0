package query

import (
	"cmp"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/algo"
)

// Bridge is a pair of actors whose links are the only tie between two parts of the graph.
type Bridge struct {
	Ends  [2]string
	Links []graph.Link
}

// ChokepointsResult is the answer of Chokepoints.
type ChokepointsResult struct {
	// ArticulationPoints are the actors whose removal splits the graph, by id.
	ArticulationPoints []string
	// Bridges are the pairs whose links, removed, split the graph, as id pairs sorted.
	Bridges [][2]string
	// BridgeLinks gives the links of each bridge, parallel to Bridges.
	BridgeLinks []Bridge
}

// Chokepoints returns the articulation points and bridges of g with links taken as undirected.
// O(N + E).
func Chokepoints(g *graph.Graph) ChokepointsResult {
	c := g.Project(graph.ProjectOptions{})
	res := ChokepointsResult{ArticulationPoints: []string{}, Bridges: [][2]string{}, BridgeLinks: []Bridge{}}
	for _, x := range algo.ArticulationPoints(c) {
		res.ArticulationPoints = append(res.ArticulationPoints, g.Actor(x).ID)
	}
	slices.Sort(res.ArticulationPoints)
	for _, e := range algo.Bridges(c) {
		ends := [2]string{g.Actor(e[0]).ID, g.Actor(e[1]).ID}
		if ends[1] < ends[0] {
			ends[0], ends[1] = ends[1], ends[0]
		}
		ls := g.LinksBetween(e[0], e[1])
		sortByWhen(g, ls)
		res.Bridges = append(res.Bridges, ends)
		res.BridgeLinks = append(res.BridgeLinks, Bridge{Ends: ends, Links: materialise(g, ls)})
	}
	slices.SortFunc(res.BridgeLinks, func(x, y Bridge) int {
		return cmp.Or(strings.Compare(x.Ends[0], y.Ends[0]), strings.Compare(x.Ends[1], y.Ends[1]))
	})
	for i, b := range res.BridgeLinks {
		res.Bridges[i] = b.Ends
	}
	return res
}

// CutResult is the answer of Cut.
type CutResult struct {
	A string
	B string
	// Cut is a smallest set of actors whose removal disconnects A from B, by id; empty when A and B
	// are not connected at all or are directly linked (see Adjacent).
	Cut []string
	// Through lists, in path order, every actor that lies on all paths from A to B: each one alone
	// is a chokepoint.
	Through []string
	// Adjacent reports that A and B are linked directly, so that no set of other actors separates them.
	Adjacent bool
	// Connected reports whether a path joins A and B at all.
	Connected bool
}

// Cut returns a minimum set of actors whose removal disconnects a from b (links undirected, or
// followed from a to b with directed) — among minimum cuts the one closest to a — and every actor
// that lies on all paths from a to b. O(N + E) for the cut plus O(L·(N + E)) for the L inner actors of
// a shortest path.
func Cut(g *graph.Graph, a, b int32, directed bool) (CutResult, error) {
	res := CutResult{A: g.Actor(a).ID, B: g.Actor(b).ID, Cut: []string{}, Through: []string{}}
	if err := checkPair(g, a, b); err != nil {
		return res, err
	}
	c := g.Project(graph.ProjectOptions{Directed: directed})
	path := g.Searcher(c).ShortestPath(a, b)
	res.Connected = path != nil
	if !res.Connected {
		return res, nil
	}
	// An actor on every path lies on this one: test each inner actor of it.
	seen := make([]int32, g.NumActors())
	for i, v := range path[1 : len(path)-1] {
		if !reachableAvoiding(c, a, b, v, seen, int32(i+1)) {
			res.Through = append(res.Through, g.Actor(v).ID)
		}
	}
	cut, ok := algo.MinVertexCut(c, a, b)
	res.Adjacent = !ok
	for _, x := range cut {
		res.Cut = append(res.Cut, g.Actor(x).ID)
	}
	slices.Sort(res.Cut)
	return res, nil
}

// reachableAvoiding reports whether t can be reached from s without passing through avoid. seen is
// scratch space of one entry per node of c; stamp must differ from every value it held before. O(N + E).
func reachableAvoiding(c *algo.CSR, s, t, avoid int32, seen []int32, stamp int32) bool {
	queue := []int32{s}
	seen[s], seen[avoid] = stamp, stamp
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		for _, v := range c.Neighbors(u) {
			if v == t {
				return true
			}
			if seen[v] != stamp {
				seen[v] = stamp
				queue = append(queue, v)
			}
		}
	}
	return false
}
