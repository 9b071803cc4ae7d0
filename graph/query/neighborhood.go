package query

import (
	"cmp"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/algo"
)

// This file holds the ego network of an actor: the actors near it (Ego, which diagrams and exports
// draw) and the same ring described actor by actor (Neighborhood).

// reach returns, for every actor slot of g, its distance in hops from center with links taken as
// undirected, or -1 when it lies farther than depth or cannot be reached. A negative depth means no
// bound. O(N + E) over the graph's cached projection.
func reach(g *graph.Graph, center int32, depth int) []int32 {
	return algo.ReachableWithin(g.Project(graph.ProjectOptions{}), center, depth)
}

// Ego returns the actors of g within depth links of center, link direction ignored, in increasing
// order; center is included when it is present, and nothing is returned when it is not. A negative
// depth means no bound (center's whole component). O(actors + links).
func Ego(g *graph.Graph, center int32, depth int) []int32 {
	if !g.Present(center) {
		return nil
	}
	var out []int32
	for i, d := range reach(g, center, depth) {
		if d >= 0 {
			out = append(out, int32(i))
		}
	}
	return out
}

// Neighbor is an actor of an ego network.
type Neighbor struct {
	Actor string
	// Distance is the number of hops from the centre.
	Distance int
	// Via lists the actors one hop closer to the centre that it is linked to.
	Via []string
	// Kinds lists the kinds of those links.
	Kinds []string
	// Links are the links to the actors in Via.
	Links []graph.Link
}

// NeighborhoodResult is the answer of Neighborhood: the ego network of an actor.
type NeighborhoodResult struct {
	Actor     string
	Depth     int
	Neighbors []Neighbor
}

// Neighborhood returns the actors within depth hops of actor a (links taken as undirected), nearest
// first, then those tied by more links to the previous ring, then by name. O(N + E).
func Neighborhood(g *graph.Graph, a int32, depth int) NeighborhoodResult {
	res := NeighborhoodResult{Actor: g.Actor(a).ID, Depth: depth, Neighbors: []Neighbor{}}
	dist := reach(g, a, depth)
	var nodes []int32
	for x, d := range dist {
		if d > 0 {
			nodes = append(nodes, int32(x))
		}
	}
	slices.SortFunc(nodes, func(x, y int32) int {
		return cmp.Or(cmp.Compare(dist[x], dist[y]), strings.Compare(g.Actor(x).Name, g.Actor(y).Name), strings.Compare(g.Actor(x).ID, g.Actor(y).ID))
	})
	for _, x := range nodes {
		n := Neighbor{Actor: g.Actor(x).ID, Distance: int(dist[x]), Via: []string{}, Links: []graph.Link{}}
		var ls []int32
		for _, l := range g.LinksOf(x) {
			if o := g.Other(l, x); dist[o] == dist[x]-1 {
				ls = append(ls, l)
				n.Via = append(n.Via, g.Actor(o).ID)
			}
		}
		slices.Sort(n.Via)
		n.Via = slices.Compact(n.Via)
		sortByWhen(g, ls)
		n.Kinds = kindsOf(g, ls)
		n.Links = materialise(g, ls)
		res.Neighbors = append(res.Neighbors, n)
	}
	slices.SortStableFunc(res.Neighbors, func(x, y Neighbor) int {
		return cmp.Or(cmp.Compare(x.Distance, y.Distance), cmp.Compare(len(y.Links), len(x.Links)))
	})
	return res
}
