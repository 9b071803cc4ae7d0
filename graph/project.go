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

// projections caches the projections of a graph; a Graph is immutable, so a projection never goes stale.
type projections struct {
	mu    sync.Mutex
	cache map[ProjectOptions]*algo.CSR
}

// Project returns the simple graph behind g: one node per actor slot (absent actors are isolated), one
// edge per pair of actors joined by at least one link, parallel links collapsed. The result is cached
// and shared; callers must not modify it. O(N + E log d) the first time, d the largest degree.
func (g *Graph) Project(opts ProjectOptions) *algo.CSR {
	g.proj.mu.Lock()
	defer g.proj.mu.Unlock()
	if c, ok := g.proj.cache[opts]; ok {
		return c
	}
	if g.proj.cache == nil {
		g.proj.cache = map[ProjectOptions]*algo.CSR{}
	}
	var c *algo.CSR
	if !opts.Weighted && !opts.Multiplicity {
		// The hop-count projection is the multiplicity one without its W: build that once for both.
		m := opts
		m.Multiplicity = true
		cm, ok := g.proj.cache[m]
		if !ok {
			cm = g.project(m, nil)
			g.proj.cache[m] = cm
		}
		c = cm.Unweighted()
	} else {
		c = g.project(opts, nil)
	}
	g.proj.cache[opts] = c
	return c
}

// ProjectMerged is Project with groups of actors merged into one node: merge[a] is the node that actor
// a becomes (a itself for most actors). Links inside a group vanish; merged-away actors are isolated.
// The result is not cached.
func (g *Graph) ProjectMerged(opts ProjectOptions, merge []int32) *algo.CSR {
	return g.project(opts, merge)
}

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
	c := &algo.CSR{N: n, Off: make([]int32, n+1), Directed: opts.Directed}
	c.Nbr = make([]int32, 0, len(g.links)*2)
	withW := opts.Weighted || opts.Multiplicity
	if withW {
		c.W = make([]float64, 0, len(g.links)*2)
	}
	stamp := make([]int32, n) // stamp[v] == u+1 when v is already a neighbour of u
	at := make([]int32, n)    // position of v in u's segment
	var seg []nbrCost
	for u := range int32(n) {
		start := len(c.Nbr)
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
					c.W[at[v]]++
				case opts.Weighted && cost < c.W[at[v]]:
					c.W[at[v]] = cost
				}
				return
			}
			stamp[v], at[v] = u+1, int32(len(c.Nbr))
			c.Nbr = append(c.Nbr, v)
			if withW {
				c.W = append(c.W, cost)
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
		if nb := c.Nbr[start:]; withW {
			seg = seg[:0]
			for i, v := range nb {
				seg = append(seg, nbrCost{v, c.W[start+i]})
			}
			slices.SortFunc(seg, func(a, b nbrCost) int { return int(a.v - b.v) })
			for i, s := range seg {
				nb[i], c.W[start+i] = s.v, s.cost
			}
		} else {
			slices.Sort(nb)
		}
		c.Off[u+1] = int32(len(c.Nbr))
	}
	return c
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
