package algo

import (
	"fmt"
	"slices"
)

// Builder makes a CSR row by row: the neighbours of node 0, then of node 1, and so on. Within a row
// neighbours may come in any order; the builder sorts each row, with its costs, when the row ends. The
// caller keeps rows free of duplicates and self loops (Len gives the edge index of the next entry, so a
// caller can find a neighbour it added before and change its cost instead), and for an undirected graph
// adds every edge from both ends.
type Builder struct {
	g   CSR
	row int32     // the node whose row is being filled
	seg []nbrCost // scratch for sorting a weighted row
}

// nbrCost is a neighbour with the cost of the edge to it, for sorting a row with its costs.
type nbrCost struct {
	v    int32
	cost float64
}

// NewBuilder returns a builder of a graph on nodes 0..n-1, directed or not, with edge costs when
// weighted; entries is a hint of the number of adjacency entries to come (an undirected edge makes two).
func NewBuilder(n int, directed, weighted bool, entries int) *Builder {
	b := &Builder{g: CSR{n: n, off: make([]int32, n+1), nbr: make([]int32, 0, entries), directed: directed}}
	if weighted {
		b.g.w = make([]float64, 0, entries)
	}
	return b
}

// Row returns the node whose neighbours are being added: the number of rows ended so far.
func (b *Builder) Row() int32 { return b.row }

// Len returns the number of entries added so far, which is the edge index the next Add gives.
func (b *Builder) Len() int { return len(b.g.nbr) }

// Add adds v to the neighbours of the current row's node, by an edge of the given cost (ignored when
// the builder is unweighted).
func (b *Builder) Add(v int32, cost float64) {
	b.g.nbr = append(b.g.nbr, v)
	if b.g.w != nil {
		b.g.w = append(b.g.w, cost)
	}
}

// Cost returns the cost of entry i of the current row (an index Len gave before its Add), 1 when the
// builder is unweighted.
func (b *Builder) Cost(i int) float64 { return b.g.Cost(i) }

// SetCost changes the cost of entry i of the current row (an index Len gave before its Add). It does
// nothing when the builder is unweighted.
func (b *Builder) SetCost(i int, cost float64) {
	if b.g.w != nil {
		b.g.w[i] = cost
	}
}

// EndRow sorts the current row by neighbour, with its costs, and moves on to the next node. It panics
// when every row has ended already.
func (b *Builder) EndRow() {
	if int(b.row) >= b.g.n {
		panic(fmt.Sprintf("algo.Builder: row %d ended on a graph of %d nodes", b.row, b.g.n))
	}
	start := int(b.g.off[b.row])
	nb := b.g.nbr[start:]
	if w := b.g.w; w != nil {
		seg := b.seg[:0]
		for i, v := range nb {
			seg = append(seg, nbrCost{v, w[start+i]})
		}
		slices.SortFunc(seg, func(x, y nbrCost) int { return int(x.v - y.v) })
		for i, s := range seg {
			nb[i], w[start+i] = s.v, s.cost
		}
		b.seg = seg
	} else {
		slices.Sort(nb)
	}
	b.row++
	b.g.off[b.row] = int32(len(b.g.nbr))
}

// Build ends the current row, if it has neighbours, and every row left (as nodes without neighbours),
// checks the graph as CSR.Validate does, and returns it, or an error wrapping ErrInvalidCSR. The
// builder must not be used afterwards. O(N + E log deg).
func (b *Builder) Build() (*CSR, error) {
	g := b.BuildUnchecked()
	if err := g.Validate(); err != nil {
		return nil, err
	}
	return g, nil
}

// BuildUnchecked is Build without the check, for a caller whose rows keep the invariants by
// construction (no duplicates, no self loops, ids in range, positive finite costs, undirected edges from
// both ends with equal costs) and that would rather not pay for checking them. A graph that breaks
// them makes the algorithms' answers wrong. O(N).
func (b *Builder) BuildUnchecked() *CSR {
	if int(b.row) < b.g.n && len(b.g.nbr) > int(b.g.off[b.row]) {
		b.EndRow()
	}
	for int(b.row) < b.g.n {
		b.row++
		b.g.off[b.row] = int32(len(b.g.nbr))
	}
	g := b.g
	g.nbr = slices.Clip(g.nbr)
	if g.w != nil {
		g.w = slices.Clip(g.w)
	}
	b.g, b.seg = CSR{}, nil
	return &g
}

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
