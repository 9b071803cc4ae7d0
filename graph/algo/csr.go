package algo

import (
	"errors"
	"fmt"
	"slices"
)

// CSR is an immutable simple graph in compressed sparse row form: nodes 0..NumNodes()-1, the
// neighbours of each node sorted ascending, without duplicates or the node itself, and an undirected
// edge stored in both directions. Edges, when weighted, have positive finite costs. A CSR holds only
// slices that no method modifies, so a CSR value may be copied and shared between goroutines freely;
// the buffers that make repeated searches cheap live in a Searcher instead.
//
// The stored adjacency entries have edge indexes 0..NumEntries()-1, row after row: the entries of u are
// RowStart(u) .. RowStart(u)+Degree(u)-1, in the order of Neighbors(u). EdgeIndex finds the entry of an
// edge, Cost reads its cost, and a caller may keep per-edge values in a slice indexed the same way (as
// Triads' signs are).
//
// A CSR is made by FromEdges (from a list of edges) or NewCSR (from its arrays).
type CSR struct {
	n        int
	off      []int32 // len n+1: the entries of u are nbr[off[u]:off[u+1]]
	nbr      []int32
	w        []float64 // nil = every edge costs 1; else parallel to nbr
	directed bool
}

// ErrInvalidCSR is wrapped by the errors of NewCSR and Validate: the arrays given do not form a CSR.
var ErrInvalidCSR = errors.New("invalid CSR")

// NewCSR returns the CSR on nodes 0..n-1 whose node u has the neighbours nbr[off[u]:off[u+1]], with
// costs w parallel to nbr (nil: every edge costs 1). It checks the arrays as Validate does and returns an
// error wrapping ErrInvalidCSR when they break an invariant. The CSR keeps the slices: the caller must
// not modify them afterwards. O(N + E log deg).
func NewCSR(n int, off, nbr []int32, w []float64, directed bool) (*CSR, error) {
	g := &CSR{n: n, off: off, nbr: nbr, w: w, directed: directed}
	if err := g.Validate(); err != nil {
		return nil, err
	}
	return g, nil
}

// NewCSRUnchecked is NewCSR without the check, for a caller whose arrays keep the invariants by
// construction (rows sorted strictly ascending, ids in range, no self loops, positive finite costs,
// undirected edges stored both ways with equal costs) and that would rather not pay O(E log deg) to
// check them. Arrays that break them make the algorithms' answers wrong; Validate finds out. The CSR
// keeps the slices: the caller must not modify them afterwards. O(1).
func NewCSRUnchecked(n int, off, nbr []int32, w []float64, directed bool) *CSR {
	return &CSR{n: n, off: off, nbr: nbr, w: w, directed: directed}
}

// NumNodes returns the number of nodes: they are 0..NumNodes()-1.
func (g *CSR) NumNodes() int { return g.n }

// Directed reports whether g is directed. An undirected graph stores every edge in both directions.
func (g *CSR) Directed() bool { return g.directed }

// Weighted reports whether g has edge costs; without them every edge costs 1.
func (g *CSR) Weighted() bool { return g.w != nil }

// Neighbors returns the (out-)neighbours of u, sorted ascending. The slice aliases g's storage and must
// not be modified.
func (g *CSR) Neighbors(u int32) []int32 { return g.nbr[g.off[u]:g.off[u+1]] }

// Degree returns the number of (out-)neighbours of u. O(1).
func (g *CSR) Degree(u int32) int { return int(g.off[u+1] - g.off[u]) }

// RowStart returns the edge index of u's first neighbour: u's edges have the indexes RowStart(u) ..
// RowStart(u)+Degree(u)-1, in the order of Neighbors(u). O(1).
func (g *CSR) RowStart(u int32) int { return int(g.off[u]) }

// NumEntries returns the number of stored adjacency entries, the edge indexes being 0..NumEntries()-1:
// the number of edges of a directed graph, twice that of an undirected one.
func (g *CSR) NumEntries() int { return len(g.nbr) }

// NumEdges returns the number of edges: NumEntries() for a directed graph, half of it for an undirected
// one.
func (g *CSR) NumEdges() int {
	if g.directed {
		return len(g.nbr)
	}
	return len(g.nbr) / 2
}

// EdgeIndex returns the edge index of the edge u→v, or -1 when there is none. O(log deg(u)).
func (g *CSR) EdgeIndex(u, v int32) int {
	lo, hi := int(g.off[u]), int(g.off[u+1])
	i, ok := slices.BinarySearch(g.nbr[lo:hi], v)
	if !ok {
		return -1
	}
	return lo + i
}

// HasEdge reports whether g has the edge u→v. O(log deg(u)).
func (g *CSR) HasEdge(u, v int32) bool { return g.EdgeIndex(u, v) >= 0 }

// Cost returns the cost of the edge with edge index i, 1 when g is unweighted.
func (g *CSR) Cost(i int) float64 {
	if g.w == nil {
		return 1
	}
	return g.w[i]
}

// EdgeCost returns the cost of the edge u→v (1 when g is unweighted) and whether there is such an edge.
// O(log deg(u)).
func (g *CSR) EdgeCost(u, v int32) (cost float64, ok bool) {
	i := g.EdgeIndex(u, v)
	if i < 0 {
		return 0, false
	}
	return g.Cost(i), true
}

// PathCost returns the cost of path (a sequence of nodes joined by edges of g): the sum of its edge
// costs added from the first edge to the last, or its number of edges when g is unweighted. It returns
// -1 when two consecutive nodes are not joined by an edge. O(len(path)·log deg).
func (g *CSR) PathCost(path []int32) float64 {
	c := 0.0
	for i := 1; i < len(path); i++ {
		e := g.EdgeIndex(path[i-1], path[i])
		if e < 0 {
			return -1
		}
		c += g.Cost(e)
	}
	return c
}

// Validate checks g's invariants and returns an error wrapping ErrInvalidCSR when one is broken: n+1
// offsets, non-decreasing from 0 to the number of entries; every row sorted strictly ascending, with ids
// in 0..n-1 and no self loop; costs absent or one per entry, positive and finite; and, for an undirected
// graph, every edge stored in both directions with the same cost. A CSR made by FromEdges or NewCSR always
// passes; NewCSRUnchecked relies on its caller. O(N + E log deg).
func (g *CSR) Validate() error {
	if g.n < 0 || len(g.off) != g.n+1 {
		return fmt.Errorf("%w: %d offsets for %d nodes", ErrInvalidCSR, len(g.off), g.n)
	}
	if g.off[0] != 0 || int(g.off[g.n]) != len(g.nbr) {
		return fmt.Errorf("%w: offsets run from %d to %d over %d neighbours", ErrInvalidCSR, g.off[0], g.off[g.n], len(g.nbr))
	}
	if g.w != nil && len(g.w) != len(g.nbr) {
		return fmt.Errorf("%w: %d weights for %d neighbours", ErrInvalidCSR, len(g.w), len(g.nbr))
	}
	for u := 0; u < g.n; u++ {
		if g.off[u] > g.off[u+1] {
			return fmt.Errorf("%w: offsets of node %d decrease", ErrInvalidCSR, u)
		}
		prev := int32(-1)
		for i := g.off[u]; i < g.off[u+1]; i++ {
			v := g.nbr[i]
			switch {
			case v < 0 || int(v) >= g.n:
				return fmt.Errorf("%w: node %d has neighbour %d out of range", ErrInvalidCSR, u, v)
			case v == int32(u):
				return fmt.Errorf("%w: node %d has a self loop", ErrInvalidCSR, u)
			case v <= prev:
				return fmt.Errorf("%w: neighbours of node %d not strictly ascending", ErrInvalidCSR, u)
			}
			prev = v
			if g.w != nil && !(g.w[i] > 0 && g.w[i] <= maxCost) {
				return fmt.Errorf("%w: edge %d→%d has cost %v, want positive and finite", ErrInvalidCSR, u, v, g.w[i])
			}
			if !g.directed {
				j := g.EdgeIndex(v, int32(u))
				if j < 0 {
					return fmt.Errorf("%w: undirected edge %d–%d stored in one direction only", ErrInvalidCSR, u, v)
				}
				if g.w != nil && g.w[j] != g.w[i] {
					return fmt.Errorf("%w: undirected edge %d–%d has costs %v and %v", ErrInvalidCSR, u, v, g.w[i], g.w[j])
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
	g := &CSR{n: n, off: make([]int32, n+1), nbr: make([]int32, 0, m), directed: directed}
	if w != nil {
		g.w = make([]float64, 0, m)
	}
	for u := 0; u < n; u++ {
		for k := off[u]; k < off[u+1]; k++ {
			j := order[k]
			v := dst[j]
			last := len(g.nbr) - 1
			if last >= int(g.off[u]) && g.nbr[last] == v {
				if w != nil && w[idx[j]] < g.w[last] {
					g.w[last] = w[idx[j]]
				}
				continue
			}
			g.nbr = append(g.nbr, v)
			if w != nil {
				g.w = append(g.w, w[idx[j]])
			}
		}
		g.off[u+1] = int32(len(g.nbr))
	}
	g.nbr = slices.Clip(g.nbr)
	if w != nil {
		g.w = slices.Clip(g.w)
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
	if g.w == nil {
		return g
	}
	return &CSR{n: g.n, off: g.off, nbr: g.nbr, directed: g.directed}
}

// Reverse returns the graph of in-edges: u→v in g becomes v→u, with the same cost. For an undirected
// graph, which is its own reverse, it returns g itself. O(N + E).
func (g *CSR) Reverse() *CSR {
	if !g.directed {
		return g
	}
	r := &CSR{n: g.n, off: make([]int32, g.n+1), nbr: make([]int32, len(g.nbr)), directed: true}
	if g.w != nil {
		r.w = make([]float64, len(g.w))
	}
	for _, v := range g.nbr {
		r.off[v+1]++
	}
	for i := 1; i <= g.n; i++ {
		r.off[i] += r.off[i-1]
	}
	next := slices.Clone(r.off[:g.n])
	// Sources are visited in ascending order, so every reversed row comes out sorted.
	for u := 0; u < g.n; u++ {
		for i := g.off[u]; i < g.off[u+1]; i++ {
			v := g.nbr[i]
			r.nbr[next[v]] = int32(u)
			if g.w != nil {
				r.w[next[v]] = g.w[i]
			}
			next[v]++
		}
	}
	return r
}

// Undirected returns the undirected view of g: u–v is an edge when g has u→v or v→u, costing the
// smaller of the two costs. For an undirected graph it returns g itself. O(N + E).
func (g *CSR) Undirected() *CSR {
	if !g.directed {
		return g
	}
	r := g.Reverse()
	u := &CSR{n: g.n, off: make([]int32, g.n+1), nbr: make([]int32, 0, 2*len(g.nbr))}
	if g.w != nil {
		u.w = make([]float64, 0, 2*len(g.nbr))
	}
	// Merge the sorted out- and in-rows of each node.
	for x := 0; x < g.n; x++ {
		i, iEnd := int(g.off[x]), int(g.off[x+1])
		j, jEnd := int(r.off[x]), int(r.off[x+1])
		for i < iEnd || j < jEnd {
			switch {
			case j == jEnd || (i < iEnd && g.nbr[i] < r.nbr[j]):
				u.nbr = append(u.nbr, g.nbr[i])
				if g.w != nil {
					u.w = append(u.w, g.w[i])
				}
				i++
			case i == iEnd || r.nbr[j] < g.nbr[i]:
				u.nbr = append(u.nbr, r.nbr[j])
				if g.w != nil {
					u.w = append(u.w, r.w[j])
				}
				j++
			default:
				u.nbr = append(u.nbr, g.nbr[i])
				if g.w != nil {
					u.w = append(u.w, min(g.w[i], r.w[j]))
				}
				i++
				j++
			}
		}
		u.off[x+1] = int32(len(u.nbr))
	}
	u.nbr = slices.Clip(u.nbr)
	if u.w != nil {
		u.w = slices.Clip(u.w)
	}
	return u
}
