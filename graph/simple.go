package graph

import (
	"fmt"

	dgraph "github.com/dominikbraun/graph"
)

// Simple returns a view of g as a github.com/dominikbraun/graph graph, for library users who want that
// package's API (traversals, topological sort, its DOT writer) on a small view: one vertex per actor
// (keyed by actor id, the *Actor as value) and one edge per linked pair — directed with opts.Directed,
// undirected kinds then going both ways — with the ids of the links it stands for as edge data
// ([]string) and their number as edge weight. actors limits the view (nil: every present actor). It
// copies the view into maps, so keep it small: relgraph's own queries run on compact projections
// (Project), which scale to millions of links. O(V + E) map insertions.
func (g *Graph) Simple(actors []int32, opts ProjectOptions) (dgraph.Graph[string, *Actor], error) {
	traits := []func(*dgraph.Traits){dgraph.Weighted()}
	if opts.Directed {
		traits = append(traits, dgraph.Directed())
	}
	sg := dgraph.New(func(a *Actor) string { return a.ID }, traits...)
	if actors == nil {
		actors = g.PresentActors()
	}
	in := make(map[int32]bool, len(actors))
	for _, a := range actors {
		in[a] = true
		if err := sg.AddVertex(&g.u.actors[a]); err != nil {
			return nil, fmt.Errorf("actor %q: %w", g.u.actors[a].ID, err)
		}
	}
	c := g.Project(ProjectOptions{Directed: opts.Directed})
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
			if err := sg.AddEdge(g.u.actors[u].ID, g.u.actors[v].ID, dgraph.EdgeWeight(len(ids)), dgraph.EdgeData(ids)); err != nil {
				return nil, fmt.Errorf("edge %s–%s: %w", g.u.actors[u].ID, g.u.actors[v].ID, err)
			}
		}
	}
	return sg, nil
}
