package query

import (
	"cmp"
	"slices"

	"github.com/relgraph/relgraph/graph"
)

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

// shortestPath returns a path from a to b in g's projection with opts with the fewest links: among
// equally short paths the lexicographically smallest by actor number (the order actors were loaded
// in), so the answer is deterministic. nil when b cannot be reached from a.
func shortestPath(g *graph.Graph, a, b int32, opts graph.ProjectOptions) []int32 {
	c := g.Project(opts)
	return g.Searcher(c).ShortestPath(a, b)
}

// ShortestPathView returns a path between a and b in g with the fewest links, link direction ignored,
// and its context: the shortest path Paths finds by default, in the form a diagram draws. It fails
// with a *NoPathError when b cannot be reached from a or either is not present in g.
// O(actors + links).
func ShortestPathView(g *graph.Graph, a, b int32) (PathView, error) {
	var p PathView
	if g.Present(a) && g.Present(b) {
		p.Path = shortestPath(g, a, b, graph.ProjectOptions{})
	}
	if p.Path == nil {
		return PathView{}, &NoPathError{From: g.Actor(a).ID, To: g.Actor(b).ID}
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
	return p, nil
}
