package algo

import (
	"container/heap"
	"errors"
	"fmt"
	"slices"
)

// Triad is a triangle of a signed graph: three nodes in increasing order and the signs of the edges
// between them, Signs = {sign(Nodes[0],Nodes[1]), sign(Nodes[0],Nodes[2]), sign(Nodes[1],Nodes[2])}.
type Triad struct {
	Nodes [3]int32
	Signs [3]int8
}

// TriadCount is the result of Triads.
type TriadCount struct {
	Balanced   int // triangles whose sign product is positive
	Unbalanced int // triangles whose sign product is negative
	// List holds unbalanced triangles in increasing order of Nodes: all of them, or the first limit.
	List []Triad
}

// Index returns the balance index, the share of signed triangles that are balanced, and 1 when there
// are none (no triangle contradicts balance).
func (c TriadCount) Index() float64 {
	if c.Balanced+c.Unbalanced == 0 {
		return 1
	}
	return float64(c.Balanced) / float64(c.Balanced+c.Unbalanced)
}

// ErrDirected is returned by functions that need an undirected graph when given a directed one.
var ErrDirected = errors.New("graph is directed")

// Triads counts the triangles of the signed undirected graph g whose three edges all carry a sign, and
// lists the unbalanced ones. sign holds the sign of each edge by its edge index (one per entry of g,
// see CSR) with values -1 and +1; edges with sign 0 are ignored, and both stored directions of an edge must carry the same sign. A triangle is balanced when
// the product of its signs is positive (Cartwright and Harary: a friend of a friend, an enemy of an
// enemy and so on are friends) and unbalanced otherwise. When limit > 0, List keeps only the first limit
// unbalanced triangles while the counts stay exact.
//
// Each signed edge is oriented from the endpoint of lower degree (ties by id) to the other, and each
// triangle is found once from its lowest node by intersecting oriented lists. O(E^1.5) time, O(N + E)
// memory, plus O(U log limit) to keep U unbalanced triangles.
func Triads(g *CSR, sign []int8, limit int) (TriadCount, error) {
	if g.directed {
		return TriadCount{}, fmt.Errorf("triads: %w", ErrDirected)
	}
	if len(sign) != len(g.nbr) {
		return TriadCount{}, fmt.Errorf("triads: %d signs for %d edges", len(sign), len(g.nbr))
	}
	n := g.n
	deg := make([]int32, n)
	for u := range n {
		for i := g.off[u]; i < g.off[u+1]; i++ {
			if sign[i] != 0 {
				deg[u]++
			}
		}
	}
	before := func(u, v int32) bool { return deg[u] < deg[v] || (deg[u] == deg[v] && u < v) }
	// Oriented adjacency: u → v for each signed edge with u before v.
	off := make([]int32, n+1)
	for u := range int32(n) {
		for i := g.off[u]; i < g.off[u+1]; i++ {
			if sign[i] != 0 && before(u, g.nbr[i]) {
				off[u+1]++
			}
		}
	}
	for i := 1; i <= n; i++ {
		off[i] += off[i-1]
	}
	nbr := make([]int32, off[n])
	sg := make([]int8, off[n])
	k := 0
	for u := range int32(n) {
		for i := g.off[u]; i < g.off[u+1]; i++ {
			if sign[i] != 0 && before(u, g.nbr[i]) {
				nbr[k], sg[k] = g.nbr[i], sign[i]
				k++
			}
		}
	}
	var c TriadCount
	keep := &triadHeap{}
	mark := make([]int8, n) // sign of u→x for the current u's out-neighbours x, 0 = none
	for u := range int32(n) {
		row := nbr[off[u]:off[u+1]]
		for j, x := range row {
			mark[x] = sg[off[u]+int32(j)]
		}
		for j, v := range row {
			suv := sg[off[u]+int32(j)]
			for i := off[v]; i < off[v+1]; i++ {
				w := nbr[i]
				suw := mark[w]
				if suw == 0 {
					continue
				}
				svw := sg[i]
				if suv*suw*svw > 0 {
					c.Balanced++
					continue
				}
				c.Unbalanced++
				keep.add(makeTriad(u, v, w, suv, suw, svw), limit)
			}
		}
		for _, x := range row {
			mark[x] = 0
		}
	}
	c.List = []Triad(*keep)
	slices.SortFunc(c.List, compareTriads)
	return c, nil
}

// makeTriad returns the triangle u, v, w with edge signs s(u,v), s(u,w), s(v,w), nodes sorted.
func makeTriad(u, v, w int32, suv, suw, svw int8) Triad {
	nodes := [3]int32{u, v, w}
	slices.Sort(nodes[:])
	signOf := func(a, b int32) int8 {
		switch {
		case (a == u && b == v) || (a == v && b == u):
			return suv
		case (a == u && b == w) || (a == w && b == u):
			return suw
		}
		return svw
	}
	return Triad{Nodes: nodes, Signs: [3]int8{signOf(nodes[0], nodes[1]), signOf(nodes[0], nodes[2]),
		signOf(nodes[1], nodes[2])}}
}

func compareTriads(a, b Triad) int { return slices.Compare(a.Nodes[:], b.Nodes[:]) }

// triadHeap is a max-heap by Nodes, holding the smallest triangles seen.
type triadHeap []Triad

func (h triadHeap) Len() int           { return len(h) }
func (h triadHeap) Less(i, j int) bool { return compareTriads(h[i], h[j]) > 0 }
func (h triadHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *triadHeap) Push(x any)        { *h = append(*h, x.(Triad)) }
func (h *triadHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// add keeps t if it is among the limit smallest (all when limit ≤ 0).
func (h *triadHeap) add(t Triad, limit int) {
	switch {
	case limit <= 0:
		*h = append(*h, t)
	case h.Len() < limit:
		heap.Push(h, t)
	case compareTriads(t, (*h)[0]) < 0:
		(*h)[0] = t
		heap.Fix(h, 0)
	}
}
