package algo

// PathCount holds the number of short s–t paths through each node, as computed by PathCounts.
type PathCount struct {
	// Dist is the length in edges of a shortest s→t path, -1 when t is unreachable.
	Dist int
	// Total is the number of s→t paths of length Dist, or Dist or Dist+1 when slack is 1.
	Total float64
	// Through[v] is the number of those paths that pass through v (s and t included: theirs equal
	// Total). Nil when t is unreachable.
	Through []float64
	// Shares[v] is Through[v]/Total, the share of the paths that pass through v. Nil when t is
	// unreachable.
	Shares []float64
}

// PathCounts counts the s→t paths of length d = dist(s, t), and of length d+1 as well when slack is 1,
// and how many of them pass through each node: the brokers between s and t are the nodes with the
// largest shares. Edge directions are followed in a directed graph; costs are ignored. Counts are
// float64 because they grow exponentially with d. s == t gives d = 0 and the single path [s].
//
// In a graph without self loops a walk of length d or d+1 from s to t never repeats a node — cutting
// out the closed walk between two visits of a node (at least 2 edges long) would leave an s→t walk
// shorter than d — so counting walks counts simple paths. A node v with ds = dist(s,v) and dt =
// dist(v,t) lies on such a walk only if ds+dt ≤ d+slack, at position ds or ds+1, so it is enough to know,
// for every such node, σ0 and σ1, the numbers of walks from s of length ds and ds+1, and τ0 and τ1, those
// to t of length dt and dt+1:
//
//	σ0(v) = Σ σ0(u) over u→v with ds(u) = ds(v)-1
//	σ1(v) = Σ σ1(u) over u→v with ds(u) = ds(v)-1, plus Σ σ0(u) over u→v with ds(u) = ds(v)
//
// and paths of length d through v number σ0τ0 when ds+dt = d; those of length d+1 number σ0τ1 + σ1τ0 when
// ds+dt = d, and σ0τ0 when ds+dt = d+1. The totals are σ0(t) and σ1(t).
//
// Every walk counted stays within the nodes with ds+dt ≤ d+slack, and so do the shortest paths from s
// and to t of those nodes, so the searches are confined to them: a bidirectional search finds d and the
// distances to t near t, which bound the distance to t from below everywhere else; a search from s
// enters only nodes that can still be within d+slack, and a search from t only nodes the first one
// reached. On small-world graphs this touches a small part of the graph. O(N + E) in the worst case,
// plus O(N + E) to reverse a directed graph.
func PathCounts(g *CSR, s, t int32, slack int) PathCount {
	return NewSearcher(g).PathCounts(s, t, slack)
}

// PathCountsMultiplied is PathCounts on a multigraph: the cost of an edge (Cost) is the number of
// parallel edges it stands for, so a path is counted once for every choice of edge along it (the product
// of the multiplicities of its hops). Shortest distances are still counted in hops. On an unweighted
// graph it equals PathCounts.
func PathCountsMultiplied(g *CSR, s, t int32, slack int) PathCount {
	return NewSearcher(g).PathCountsMultiplied(s, t, slack)
}

// pathCounts counts paths as PathCounts does, on sr's graph with sr's buffers for the search that fixes
// the distance; with mult each edge counts as many times as its cost.
func (sr *Searcher) pathCounts(s, t int32, slack int, mult bool) PathCount {
	g := sr.g
	slack = min(max(slack, 0), 1)
	if s == t {
		pc := PathCount{Total: 1, Through: make([]float64, g.n), Shares: make([]float64, g.n)}
		pc.Through[s], pc.Shares[s] = 1, 1
		return pc
	}
	rev := g.Reverse()
	b := sr.getBFS(rev)
	defer func() {
		b.reset()
		sr.putBFS(b)
	}()
	d, _, B := b.meet(s, t)
	if d < 0 {
		return PathCount{Dist: -1}
	}
	limit := d + int32(slack)
	// A node outside the t ball is more than B from t.
	fromS := walkCounts(g, s, mult, func(x, dx int32) bool {
		lb := b.lab[x].t
		if lb < 0 {
			lb = B + 1
		}
		return dx+lb <= limit
	})
	toT := walkCounts(rev, t, mult, func(x, dx int32) bool {
		return fromS.dist[x] >= 0 && fromS.dist[x]+dx <= limit
	})
	pc := PathCount{Dist: int(d), Through: make([]float64, g.n), Shares: make([]float64, g.n)}
	pc.Total = fromS.w0[t]
	if slack == 1 {
		pc.Total += fromS.w1[t]
	}
	for _, v := range fromS.order {
		ds, dt := fromS.dist[v], toT.dist[v]
		if dt < 0 {
			continue
		}
		s0, s1, t0, t1 := fromS.w0[v], fromS.w1[v], toT.w0[v], toT.w1[v]
		var n float64
		switch ds + dt {
		case d:
			n = s0 * t0
			if slack == 1 {
				n += s0*t1 + s1*t0
			}
		case d + 1:
			if slack == 1 {
				n = s0 * t0
			}
		}
		pc.Through[v] = n
		pc.Shares[v] = n / pc.Total
	}
	return pc
}

// walks holds, for the nodes a search reached, their distance from its source and the numbers of walks
// from the source of length dist(v) (w0) and dist(v)+1 (w1), within the nodes reached.
type walks struct {
	dist   []int32
	w0, w1 []float64
	order  []int32 // nodes reached, by distance
}

// walkCounts searches from s along the edges of g, entering a node x at distance dx only when
// admit(x, dx), and counts walks; with mult each edge counts as many times as its cost. O(N) plus the edges of the
// nodes reached.
func walkCounts(g *CSR, s int32, mult bool, admit func(x, dx int32) bool) walks {
	w := walks{dist: make([]int32, g.n), w0: make([]float64, g.n), w1: make([]float64, g.n)}
	for i := range w.dist {
		w.dist[i] = -1
	}
	w.dist[s] = 0
	w.w0[s] = 1
	order := make([]int32, 1, 64)
	order[0] = s
	// When u leaves the queue every node of u's level has been labelled and w0(u) is final, so u
	// passes w0 on to the next level and to its own level's w1.
	for head := 0; head < len(order); head++ {
		u := order[head]
		du := w.dist[u]
		for i := g.off[u]; i < g.off[u+1]; i++ {
			v := g.nbr[i]
			dv := w.dist[v]
			if dv < 0 {
				if !admit(v, du+1) {
					continue
				}
				dv = du + 1
				w.dist[v] = dv
				order = append(order, v)
			}
			m := 1.0
			if mult {
				m = g.w[i]
			}
			switch dv {
			case du + 1:
				w.w0[v] += w.w0[u] * m
			case du:
				w.w1[v] += w.w0[u] * m
			}
		}
	}
	// Then w1 along the levels, in order, so that each node's w1 is complete before it is passed on.
	for _, u := range order {
		du, wu := w.dist[u], w.w1[u]
		if wu == 0 {
			continue
		}
		for i := g.off[u]; i < g.off[u+1]; i++ {
			if v := g.nbr[i]; w.dist[v] == du+1 {
				m := 1.0
				if mult {
					m = g.w[i]
				}
				w.w1[v] += wu * m
			}
		}
	}
	w.order = order
	return w
}
