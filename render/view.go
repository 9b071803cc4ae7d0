package render

import (
	"cmp"
	"slices"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/algo"
)

// This file cuts views out of a graph for drawing: an actor's ego network, a shortest path with the
// actors around it, and the country an actor belongs to (for --cluster country).

// project returns g as an undirected simple graph on all actor numbers (absent actors are isolated).
// O(actors + links).
func project(g *graph.Graph) *algo.CSR {
	edges := make([][2]int32, g.NumLinks())
	for i := range edges {
		from, to := g.Ends(int32(i))
		edges[i] = [2]int32{from, to}
	}
	return algo.FromEdges(g.NumActors(), false, edges, nil)
}

// Ego returns the actors of g within depth links of center, link direction ignored, in increasing
// order; center is included when it is present. A negative depth means no bound (center's whole
// component). O(actors + links).
func Ego(g *graph.Graph, center int32, depth int) []int32 {
	if !g.Present(center) {
		return nil
	}
	dist := algo.ReachableWithin(project(g), center, depth)
	var out []int32
	for i, d := range dist {
		if d >= 0 {
			out = append(out, int32(i))
		}
	}
	return out
}

// PathView is a shortest path between two actors and what to draw around it.
type PathView struct {
	// Path lists the actors of the path in order, from the first actor to the second.
	Path []int32
	// Links are the links between consecutive actors of Path (every kind), in increasing order.
	Links []int32
	// Context are actors off the path linked to at least two of its actors (alternative routes and
	// shared partners), the most connected to the path first, at most MaxContext of them, in
	// increasing order.
	Context []int32
}

// MaxContext bounds PathView.Context, so that a path between two hubs stays legible.
const MaxContext = 16

// Actors returns the path's actors followed by its context, in increasing order.
func (p PathView) Actors() []int32 {
	out := slices.Concat(p.Path, p.Context)
	slices.Sort(out)
	return slices.Compact(out)
}

// ShortestPath returns a path between a and b in g with the fewest links, link direction ignored, and
// its context. Among equally short paths it picks the one that is lexicographically smallest by actor
// number (the order actors were loaded in), so the answer is deterministic. ok is false when b cannot
// be reached from a. O(actors + links).
func ShortestPath(g *graph.Graph, a, b int32) (p PathView, ok bool) {
	if !g.Present(a) || !g.Present(b) {
		return PathView{}, false
	}
	p.Path = algo.ShortestPath(project(g), a, b)
	if p.Path == nil {
		return PathView{}, false
	}
	for k := 1; k < len(p.Path); k++ {
		p.Links = append(p.Links, g.LinksBetween(p.Path[k-1], p.Path[k])...)
	}
	slices.Sort(p.Links)

	onPath := make(map[int32]bool, len(p.Path))
	for _, x := range p.Path {
		onPath[x] = true
	}
	touches := map[int32]int{} // off-path actor → number of path actors it is linked to
	for _, x := range p.Path {
		seen := map[int32]bool{}
		for _, l := range g.LinksOf(x) {
			y := g.Other(l, x)
			if !onPath[y] && !seen[y] {
				seen[y] = true
				touches[y]++
			}
		}
	}
	var cands []int32
	for y, n := range touches {
		if n >= 2 {
			cands = append(cands, y)
		}
	}
	slices.SortFunc(cands, func(x, y int32) int {
		return cmp.Or(cmp.Compare(touches[y], touches[x]), cmp.Compare(g.Degree(y), g.Degree(x)), cmp.Compare(x, y))
	})
	if len(cands) > MaxContext {
		cands = cands[:MaxContext]
	}
	slices.Sort(cands)
	p.Context = cands
	return p, true
}

// CountryOf returns the country actor a belongs to: a itself when it is a country, else the first
// country met following `in` upwards. ok is false when the chain reaches no country.
func CountryOf(g *graph.Graph, a int32) (country int32, ok bool) {
	for steps := 0; steps <= g.NumActors(); steps++ { // bounded: `in` chains may not loop, but be safe
		ac := g.Actor(a)
		if ac.Kind == "country" {
			return a, true
		}
		if ac.In == "" {
			return -1, false
		}
		next, found := g.ActorIndex(ac.In)
		if !found {
			return -1, false
		}
		a = next
	}
	return -1, false
}
