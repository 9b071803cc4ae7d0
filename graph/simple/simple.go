// Package simple views a relgraph graph as a github.com/dominikbraun/graph graph, for library users who
// want that package's API (traversals, topological sort, its DOT writer) on a small view of the graph.
// It lives apart from package graph so that the core model does not depend on that library.
package simple

import (
	"fmt"

	dgraph "github.com/dominikbraun/graph"

	"github.com/relgraph/relgraph/graph"
)

// Of returns a view of g as a github.com/dominikbraun/graph graph: one vertex per actor (keyed by actor
// id, the *graph.Actor as value) and one edge per linked pair — directed with opts.Directed,
// undirected kinds then going both ways — with the ids of the links it stands for as edge data
// ([]string) and their number as edge weight. actors limits the view (nil: every present actor). It
// copies the view into maps, so keep it small: relgraph's own queries run on compact projections
// (graph.Graph.Project), which scale to millions of links. O(V + E) map insertions.
func Of(g *graph.Graph, actors []int32, opts graph.ProjectOptions) (dgraph.Graph[string, *graph.Actor], error) {
	traits := []func(*dgraph.Traits){dgraph.Weighted()}
	if opts.Directed {
		traits = append(traits, dgraph.Directed())
	}
	sg := dgraph.New(func(a *graph.Actor) string { return a.ID }, traits...)
	if actors == nil {
		actors = g.PresentActors()
	}
	in := make(map[int32]bool, len(actors))
	for _, a := range actors {
		in[a] = true
		if err := sg.AddVertex(g.Actor(a)); err != nil {
			return nil, fmt.Errorf("actor %q: %w", g.Actor(a).ID, err)
		}
	}
	c := g.Project(graph.ProjectOptions{Directed: opts.Directed})
	for _, u := range actors {
		for _, v := range c.Neighbors(u) {
			if !in[v] || (!opts.Directed && v < u) {
				continue
			}
			ls := g.LinksAcross([]int32{u}, []int32{v}, opts.Directed)
			ids := make([]string, len(ls))
			for i, l := range ls {
				ids[i] = g.LinkID(l)
			}
			if err := sg.AddEdge(g.Actor(u).ID, g.Actor(v).ID, dgraph.EdgeWeight(len(ids)), dgraph.EdgeData(ids)); err != nil {
				return nil, fmt.Errorf("edge %s–%s: %w", g.Actor(u).ID, g.Actor(v).ID, err)
			}
		}
	}
	return sg, nil
}
