package algo

import (
	"fmt"
	"slices"
	"sync"
)

// CSR is a simple graph in compressed sparse row form. Nodes are 0..N-1. A CSR must not be copied
// once searched: it keeps buffers for its searches.
// The neighbours of u are Nbr[Off[u]:Off[u+1]], sorted ascending, without duplicates or u itself.
// An undirected graph stores each edge in both directions. W, when non-nil, is parallel to Nbr and
// holds positive edge costs.
type CSR struct {
	N        int
	Off      []int32 // len N+1
	Nbr      []int32
	W        []float64 // nil = every edge costs 1
	Directed bool

	// scratch keeps the buffers of finished searches on the graph for the next search, so that a
	// query costs time in proportion to what it visits rather than to N.
	scratch scratch
}

// scratch holds reusable search buffers; each is reset by its search before it is put back.
type scratch struct {
	bfs      sync.Pool // of *bfs
	dijkstra sync.Pool // of *dijkstra
}

// getBFS returns clean breadth-first search buffers for g with reverse graph rev (nil: none), from
// the pool when it holds ones made for the same reverse graph.
func (g *CSR) getBFS(rev *CSR) *bfs {
	if b, ok := g.scratch.bfs.Get().(*bfs); ok && b.rev == rev {
		return b
	}
	return newBFS(g, rev)
}

// putBFS returns buffers that getBFS gave out, with their labels reset, to the pool. Buffers made for
// a reverse graph other than g itself are dropped: such a graph is built per query and would be kept
// alive for nothing.
func (g *CSR) putBFS(b *bfs) {
	if b.blocked == nil && b.blockFrom < 0 && (b.rev == nil || b.rev == g) {
		g.scratch.bfs.Put(b)
	}
}

// getDijkstra returns clean cheapest-path search buffers for g, from the pool when it holds some.
func (g *CSR) getDijkstra() *dijkstra {
	if d, ok := g.scratch.dijkstra.Get().(*dijkstra); ok {
		return d
	}
	return newDijkstra(g)
}

// putDijkstra returns buffers that getDijkstra gave out, with their labels reset, to the pool.
func (g *CSR) putDijkstra(d *dijkstra) {
	if d.blocked == nil && d.blockFrom < 0 && d.h == nil {
		g.scratch.dijkstra.Put(d)
	}
}

// Neighbors returns the (out-)neighbours of u, sorted ascending. The slice aliases g.Nbr and must not be
// modified.
func (g *CSR) Neighbors(u int32) []int32 { return g.Nbr[g.Off[u]:g.Off[u+1]] }

// NumEdges returns the number of edges: len(Nbr) for a directed graph, half of it for an undirected one.
func (g *CSR) NumEdges() int {
	if g.Directed {
		return len(g.Nbr)
	}
	return len(g.Nbr) / 2
}

// edgeIndex returns the index in g.Nbr of the edge u→v, or -1 when there is none. O(log deg(u)).
func (g *CSR) edgeIndex(u, v int32) int {
	lo, hi := int(g.Off[u]), int(g.Off[u+1])
	i, ok := slices.BinarySearch(g.Nbr[lo:hi], v)
	if !ok {
		return -1
	}
	return lo + i
}

// HasEdge reports whether g has the edge u→v. O(log deg(u)).
func (g *CSR) HasEdge(u, v int32) bool { return g.edgeIndex(u, v) >= 0 }

// cost returns the cost of the edge at index i of g.Nbr: W[i], or 1 when g is unweighted.
func (g *CSR) cost(i int) float64 {
	if g.W == nil {
		return 1
	}
	return g.W[i]
}

// PathCost returns the cost of path (a sequence of nodes joined by edges of g): the sum of its edge
// costs added from the first edge to the last, or its number of edges when g is unweighted. It returns
// -1 when two consecutive nodes are not joined by an edge. O(len(path)·log deg).
func (g *CSR) PathCost(path []int32) float64 {
	c := 0.0
	for i := 1; i < len(path); i++ {
		e := g.edgeIndex(path[i-1], path[i])
		if e < 0 {
			return -1
		}
		c += g.cost(e)
	}
	return c
}

// Validate checks g's invariants: len(Off) = N+1, Off non-decreasing from 0 to len(Nbr), every row
// sorted strictly ascending with ids in 0..N-1 and no self loop, W nil or parallel to Nbr with positive
// finite costs, and, for an undirected graph, every edge stored in both directions with the same cost.
// O(N + E log deg).
func (g *CSR) Validate() error {
	if g.N < 0 || len(g.Off) != g.N+1 {
		return fmt.Errorf("csr: %d offsets for %d nodes", len(g.Off), g.N)
	}
	if g.Off[0] != 0 || int(g.Off[g.N]) != len(g.Nbr) {
		return fmt.Errorf("csr: offsets run from %d to %d over %d neighbours", g.Off[0], g.Off[g.N], len(g.Nbr))
	}
	if g.W != nil && len(g.W) != len(g.Nbr) {
		return fmt.Errorf("csr: %d weights for %d neighbours", len(g.W), len(g.Nbr))
	}
	for u := 0; u < g.N; u++ {
		if g.Off[u] > g.Off[u+1] {
			return fmt.Errorf("csr: offsets of node %d decrease", u)
		}
		prev := int32(-1)
		for i := g.Off[u]; i < g.Off[u+1]; i++ {
			v := g.Nbr[i]
			switch {
			case v < 0 || int(v) >= g.N:
				return fmt.Errorf("csr: node %d has neighbour %d out of range", u, v)
			case v == int32(u):
				return fmt.Errorf("csr: node %d has a self loop", u)
			case v <= prev:
				return fmt.Errorf("csr: neighbours of node %d not strictly ascending", u)
			}
			prev = v
			if g.W != nil && !(g.W[i] > 0 && g.W[i] <= maxCost) {
				return fmt.Errorf("csr: edge %d→%d has cost %v, want positive and finite", u, v, g.W[i])
			}
			if !g.Directed {
				j := g.edgeIndex(v, int32(u))
				if j < 0 {
					return fmt.Errorf("csr: undirected edge %d–%d stored in one direction only", u, v)
				}
				if g.W != nil && g.W[j] != g.W[i] {
					return fmt.Errorf("csr: undirected edge %d–%d has costs %v and %v", u, v, g.W[i], g.W[j])
				}
			}
		}
	}
	return nil
}

// maxCost is the largest finite float64.
const maxCost = 1.7976931348623157e308

// FromEdges builds a CSR on nodes 0..n-1 from a list of edges. Self loops are dropped and duplicate
// edges merged; when w is non-nil (parallel to edges, positive costs) a merged edge keeps the smallest
// cost. For an undirected graph an edge and its reverse are duplicates, and each edge is stored in both
// directions. It panics when an edge names a node outside 0..n-1 or when w is non-nil and not parallel
// to edges. O(n + len(edges)), by two counting sorts.
func FromEdges(n int, directed bool, edges [][2]int32, w []float64) *CSR {
	if w != nil && len(w) != len(edges) {
		panic(fmt.Sprintf("algo.FromEdges: %d weights for %d edges", len(w), len(edges)))
	}
	for _, e := range edges {
		if e[0] < 0 || int(e[0]) >= n || e[1] < 0 || int(e[1]) >= n {
			panic(fmt.Sprintf("algo.FromEdges: edge %d→%d outside 0..%d", e[0], e[1], n-1))
		}
	}
	// Directed entries (u, v, edge index), loops dropped; undirected edges both ways.
	m := 0
	for _, e := range edges {
		if e[0] != e[1] {
			m++
		}
	}
	if !directed {
		m *= 2
	}
	src := make([]int32, 0, m)
	dst := make([]int32, 0, m)
	idx := make([]int32, 0, m)
	for i, e := range edges {
		if e[0] == e[1] {
			continue
		}
		src, dst, idx = append(src, e[0]), append(dst, e[1]), append(idx, int32(i))
		if !directed {
			src, dst, idx = append(src, e[1]), append(dst, e[0]), append(idx, int32(i))
		}
	}
	// Counting sort by target, then a stable counting sort by source: rows come out sorted by target,
	// duplicates adjacent.
	byDst := countingOrder(n, dst)
	off := make([]int32, n+1)
	for _, u := range src {
		off[u+1]++
	}
	for i := 1; i <= n; i++ {
		off[i] += off[i-1]
	}
	next := slices.Clone(off[:n])
	order := make([]int32, m)
	for _, j := range byDst {
		u := src[j]
		order[next[u]] = j
		next[u]++
	}
	// Dedupe each row in place.
	g := &CSR{N: n, Off: make([]int32, n+1), Nbr: make([]int32, 0, m), Directed: directed}
	if w != nil {
		g.W = make([]float64, 0, m)
	}
	for u := 0; u < n; u++ {
		for k := off[u]; k < off[u+1]; k++ {
			j := order[k]
			v := dst[j]
			last := len(g.Nbr) - 1
			if last >= int(g.Off[u]) && g.Nbr[last] == v {
				if w != nil && w[idx[j]] < g.W[last] {
					g.W[last] = w[idx[j]]
				}
				continue
			}
			g.Nbr = append(g.Nbr, v)
			if w != nil {
				g.W = append(g.W, w[idx[j]])
			}
		}
		g.Off[u+1] = int32(len(g.Nbr))
	}
	g.Nbr = slices.Clip(g.Nbr)
	if w != nil {
		g.W = slices.Clip(g.W)
	}
	return g
}

// countingOrder returns the indexes 0..len(key)-1 stably sorted by key (values in 0..n-1).
func countingOrder(n int, key []int32) []int32 {
	off := make([]int32, n+1)
	for _, k := range key {
		off[k+1]++
	}
	for i := 1; i <= n; i++ {
		off[i] += off[i-1]
	}
	out := make([]int32, len(key))
	for j, k := range key {
		out[off[k]] = int32(j)
		off[k]++
	}
	return out
}

// Unweighted returns g without its edge costs: a graph sharing g's nodes and edges in which every edge
// costs 1. It is g itself when g is unweighted. O(1).
func (g *CSR) Unweighted() *CSR {
	if g.W == nil {
		return g
	}
	return &CSR{N: g.N, Off: g.Off, Nbr: g.Nbr, Directed: g.Directed}
}

// Reverse returns the graph of in-edges: u→v in g becomes v→u, with the same cost. For an undirected
// graph, which is its own reverse, it returns g itself. O(N + E).
func (g *CSR) Reverse() *CSR {
	if !g.Directed {
		return g
	}
	r := &CSR{N: g.N, Off: make([]int32, g.N+1), Nbr: make([]int32, len(g.Nbr)), Directed: true}
	if g.W != nil {
		r.W = make([]float64, len(g.W))
	}
	for _, v := range g.Nbr {
		r.Off[v+1]++
	}
	for i := 1; i <= g.N; i++ {
		r.Off[i] += r.Off[i-1]
	}
	next := slices.Clone(r.Off[:g.N])
	// Sources are visited in ascending order, so every reversed row comes out sorted.
	for u := 0; u < g.N; u++ {
		for i := g.Off[u]; i < g.Off[u+1]; i++ {
			v := g.Nbr[i]
			r.Nbr[next[v]] = int32(u)
			if g.W != nil {
				r.W[next[v]] = g.W[i]
			}
			next[v]++
		}
	}
	return r
}

// Undirected returns the undirected view of g: u–v is an edge when g has u→v or v→u, costing the
// smaller of the two costs. For an undirected graph it returns g itself. O(N + E).
func (g *CSR) Undirected() *CSR {
	if !g.Directed {
		return g
	}
	r := g.Reverse()
	u := &CSR{N: g.N, Off: make([]int32, g.N+1), Nbr: make([]int32, 0, 2*len(g.Nbr))}
	if g.W != nil {
		u.W = make([]float64, 0, 2*len(g.Nbr))
	}
	// Merge the sorted out- and in-rows of each node.
	for x := 0; x < g.N; x++ {
		i, iEnd := int(g.Off[x]), int(g.Off[x+1])
		j, jEnd := int(r.Off[x]), int(r.Off[x+1])
		for i < iEnd || j < jEnd {
			switch {
			case j == jEnd || (i < iEnd && g.Nbr[i] < r.Nbr[j]):
				u.Nbr = append(u.Nbr, g.Nbr[i])
				if g.W != nil {
					u.W = append(u.W, g.W[i])
				}
				i++
			case i == iEnd || r.Nbr[j] < g.Nbr[i]:
				u.Nbr = append(u.Nbr, r.Nbr[j])
				if g.W != nil {
					u.W = append(u.W, r.W[j])
				}
				j++
			default:
				u.Nbr = append(u.Nbr, g.Nbr[i])
				if g.W != nil {
					u.W = append(u.W, min(g.W[i], r.W[j]))
				}
				i++
				j++
			}
		}
		u.Off[x+1] = int32(len(u.Nbr))
	}
	u.Nbr = slices.Clip(u.Nbr)
	if u.W != nil {
		u.W = slices.Clip(u.W)
	}
	return u
}

// OutDegrees returns the number of out-neighbours of every node (all neighbours for an undirected
// graph). O(N).
func OutDegrees(g *CSR) []int32 {
	d := make([]int32, g.N)
	for u := range d {
		d[u] = g.Off[u+1] - g.Off[u]
	}
	return d
}

// InDegrees returns the number of in-neighbours of every node (all neighbours for an undirected graph).
// O(N + E).
func InDegrees(g *CSR) []int32 {
	if !g.Directed {
		return OutDegrees(g)
	}
	d := make([]int32, g.N)
	for _, v := range g.Nbr {
		d[v]++
	}
	return d
}

// Degrees returns the total degree of every node: in-degree plus out-degree for a directed graph (a
// pair joined both ways counts twice), the number of neighbours for an undirected one. O(N + E).
func Degrees(g *CSR) []int32 {
	d := OutDegrees(g)
	if g.Directed {
		for _, v := range g.Nbr {
			d[v]++
		}
	}
	return d
}
