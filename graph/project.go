package graph

import (
	"math"
	"slices"
	"sync"

	"github.com/relgraph/relgraph/graph/algo"
)

// ProjectOptions says how a Graph is seen as a simple graph for the algorithms of package algo.
type ProjectOptions struct {
	// Directed follows link directions: a link of a directed kind u→v gives the edge u→v, a link of an
	// undirected kind gives both u→v and v→u. Otherwise every link joins its ends both ways.
	Directed bool
	// Weighted gives each edge a cost of 1/weight, the smallest over the parallel links it stands for
	// (a stronger tie is a shorter distance); links of weight 0 give no edge. Otherwise the algorithms
	// count hops.
	Weighted bool
	// Multiplicity, instead of costs, puts in W the number of links each edge stands for (for
	// algo.PathCountsMultiplied). It cannot be combined with Weighted.
	Multiplicity bool
}

// projections caches the projections of a graph, each with the searcher that keeps its search buffers;
// a Graph is immutable, so a projection never goes stale.
type projections struct {
	mu    sync.Mutex
	cache map[ProjectOptions]projection
}

// projection is a cached projection and its searcher.
type projection struct {
	csr    *algo.CSR
	search *algo.Searcher
}

// Project returns the simple graph behind g: one node per actor slot (absent actors are isolated), one
// edge per pair of actors joined by at least one link, parallel links collapsed. The result is cached
// and shared (a CSR is immutable). O(N + E log d) the first time, d the largest degree.
func (g *Graph) Project(opts ProjectOptions) *algo.CSR {
	g.proj.mu.Lock()
	defer g.proj.mu.Unlock()
	return g.projectCached(opts).csr
}

// projectCached returns the cached projection for opts, making it first if need be. g.proj.mu must be
// held.
func (g *Graph) projectCached(opts ProjectOptions) projection {
	if p, ok := g.proj.cache[opts]; ok {
		return p
	}
	if g.proj.cache == nil {
		g.proj.cache = map[ProjectOptions]projection{}
	}
	var c *algo.CSR
	if !opts.Weighted && !opts.Multiplicity {
		// The hop-count projection is the multiplicity one without its costs: build that once for both.
		m := opts
		m.Multiplicity = true
		c = g.projectCached(m).csr.Unweighted()
	} else {
		c = g.project(opts, nil)
	}
	p := projection{csr: c, search: algo.NewSearcher(c)}
	g.proj.cache[opts] = p
	return p
}

// Searcher returns a searcher of c: the one kept with c when c is a projection Project returned, so that
// the search buffers of one question serve the next, or a new one for any other CSR (such as one
// ProjectMerged returned). O(1).
func (g *Graph) Searcher(c *algo.CSR) *algo.Searcher {
	g.proj.mu.Lock()
	defer g.proj.mu.Unlock()
	for _, p := range g.proj.cache { // at most one entry per combination of options
		if p.csr == c {
			return p.search
		}
	}
	return algo.NewSearcher(c)
}

// ProjectMerged is Project with groups of actors merged into one node: merge[a] is the node that actor
// a becomes (a itself for most actors). Links inside a group vanish; merged-away actors are isolated.
// The result is not cached.
func (g *Graph) ProjectMerged(opts ProjectOptions, merge []int32) *algo.CSR {
	return g.project(opts, merge)
}

// project builds the projection of g under opts, with actors merged by merge when it is non-nil.
func (g *Graph) project(opts ProjectOptions, merge []int32) *algo.CSR {
	n := len(g.u.actors)
	rep := func(a int32) int32 {
		if merge == nil {
			return a
		}
		return merge[a]
	}
	// members[r] lists the actors merged into node r (only when merging).
	var members [][]int32
	if merge != nil {
		members = make([][]int32, n)
		for a := range n {
			r := merge[a]
			members[r] = append(members[r], int32(a))
		}
	}
	// The arrays of the CSR, filled row by row as the links of each actor are read.
	off, nbr := make([]int32, n+1), make([]int32, 0, len(g.links)*2)
	var w []float64
	withW := opts.Weighted || opts.Multiplicity
	if withW {
		w = make([]float64, 0, len(g.links)*2)
	}
	stamp := make([]int32, n) // stamp[v] == u+1 when v is already a neighbour of u
	at := make([]int32, n)    // position of v in u's segment
	var seg []nbrCost
	for u := range int32(n) {
		start := len(nbr)
		add := func(v int32, l int32) {
			v = rep(v)
			if v == u {
				return
			}
			cost := 1.0
			if opts.Weighted {
				if cost = 1 / g.links[l].weight; math.IsInf(cost, 1) {
					return // a link of weight 0 (or too small to invert) cannot be crossed
				}
			}
			if stamp[v] == u+1 {
				switch {
				case opts.Multiplicity:
					w[at[v]]++
				case opts.Weighted && cost < w[at[v]]:
					w[at[v]] = cost
				}
				return
			}
			stamp[v], at[v] = u+1, int32(len(nbr))
			nbr = append(nbr, v)
			if withW {
				w = append(w, cost)
			}
		}
		srcs := []int32{u}
		if merge != nil {
			srcs = members[u]
		}
		for _, x := range srcs {
			for _, l := range g.Out(x) {
				add(g.links[l].to, l)
			}
			for _, l := range g.In(x) {
				if !opts.Directed || !g.u.kinds.links[g.links[l].kind].Directed {
					add(g.links[l].from, l)
				}
			}
		}
		if nb := nbr[start:]; withW {
			seg = seg[:0]
			for i, v := range nb {
				seg = append(seg, nbrCost{v, w[start+i]})
			}
			slices.SortFunc(seg, func(a, b nbrCost) int { return int(a.v - b.v) })
			for i, s := range seg {
				nb[i], w[start+i] = s.v, s.cost
			}
		} else {
			slices.Sort(nb)
		}
		off[u+1] = int32(len(nbr))
	}
	// Every row is sorted and free of duplicates (stamp) and of loops, every link gives its edge from
	// both ends unless it is followed one way, and costs are positive: the arrays need no check.
	return algo.NewCSRUnchecked(n, off, nbr, w, opts.Directed)
}

type nbrCost struct {
	v    int32
	cost float64
}

// LinksAcross returns the links with one end in set a and the other in set b, in increasing order;
// with b nil, every link touching a. With directed, only links that can be followed from a to b: links
// of directed kinds from a member of a to a member of b, and links of undirected kinds.
func (g *Graph) LinksAcross(a, b []int32, directed bool) []int32 {
	if len(a) == 1 && len(b) == 1 {
		// One actor on each side (a hop of a path): scan the one with fewer links.
		var out []int32
		for _, l := range g.LinksBetween(a[0], b[0]) {
			if !directed || g.links[l].from == a[0] || !g.u.kinds.links[g.links[l].kind].Directed {
				out = append(out, l)
			}
		}
		return out
	}
	var inB map[int32]bool
	if b != nil {
		inB = make(map[int32]bool, len(b))
		for _, x := range b {
			inB[x] = true
		}
	}
	var out []int32
	for _, x := range a {
		for _, l := range g.Out(x) {
			if b == nil || inB[g.links[l].to] {
				out = append(out, l)
			}
		}
		for _, l := range g.In(x) {
			if b == nil || inB[g.links[l].from] && (!directed || !g.u.kinds.links[g.links[l].kind].Directed) {
				out = append(out, l)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
