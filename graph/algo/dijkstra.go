package algo

import (
	"cmp"
	"math"
	"slices"
)

// Dijkstra returns a cheapest path from s to t using the edge costs (every edge costs 1 when g is
// unweighted), following edge directions in a directed graph, and its cost; it returns nil and +Inf when
// t cannot be reached, and [s], 0 when s == t. Among paths of equal cost it returns the
// lexicographically smallest sequence of node ids: at each step, the smallest next node that still lies
// on a cheapest path. Costs are compared exactly as float64 sums taken from s outwards, so ties between
// paths whose costs differ only by rounding are broken by that rounding. O((N + E) log N); the search
// stops once every node closer to s than t is settled. Each call allocates O(N) labels;
// Searcher.Dijkstra keeps them from one search to the next.
func Dijkstra(g *CSR, s, t int32) (path []int32, cost float64) {
	return newDijkstra(g).cheapest(s, t)
}

// dijkstra holds the buffers of a cheapest path search, reusable across searches on one graph (a
// Searcher keeps them).
type dijkstra struct {
	g        *CSR
	dist     []float64
	pos      []int32 // settle position, -1 = not settled
	good     []bool
	order    []int32 // settled nodes in settle order
	touched  []int32 // nodes given a tentative distance
	heap     []heapItem
	lastCost float64
	h        []float64 // optional A* heuristic: a consistent lower bound on the cost to t

	blocked   []bool
	blockFrom int32
	blockTo   []int32
	steps     int64 // edges examined, for a caller that charges them to a Budget (see bfs.steps)
}

// heapItem is a node in the heap with its key: the cost from s, plus the heuristic under A*.
type heapItem struct {
	d float64
	v int32
}

// newDijkstra returns clean buffers for cheapest path searches of g. O(N).
func newDijkstra(g *CSR) *dijkstra {
	d := &dijkstra{g: g, dist: make([]float64, g.n), pos: make([]int32, g.n), good: make([]bool, g.n), blockFrom: -1}
	for i := range d.dist {
		d.dist[i] = math.Inf(1)
		d.pos[i] = -1
	}
	return d
}

func (d *dijkstra) edgeOK(u, v int32) bool {
	if d.blocked != nil && d.blocked[v] {
		return false
	}
	if u == d.blockFrom {
		for _, x := range d.blockTo {
			if x == v {
				return false
			}
		}
	}
	return true
}

func less(a, b heapItem) bool { return a.d < b.d || (a.d == b.d && a.v < b.v) }

func (d *dijkstra) push(it heapItem) {
	h := append(d.heap, it)
	i := len(h) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !less(h[i], h[p]) {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
	d.heap = h
}

func (d *dijkstra) pop() heapItem {
	h := d.heap
	top := h[0]
	last := len(h) - 1
	h[0] = h[last]
	h = h[:last]
	i := 0
	for {
		l := 2*i + 1
		if l >= len(h) {
			break
		}
		m := l
		if r := l + 1; r < len(h) && less(h[r], h[l]) {
			m = r
		}
		if !less(h[m], h[i]) {
			break
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
	d.heap = h
	return top
}

// path returns the lexicographically smallest cheapest s→t path avoiding the restrictions, or nil, and
// sets lastCost.
//
// With a heuristic h (a lower bound on the cost to t that never drops by more than an edge's cost
// along it) the search is A*: nodes leave the heap by g+h, where g is the cost from s, and each node's
// g is final when it leaves. The search goes on until every node with g+h up to the cost of t has left
// the heap, since those are all the nodes on cheapest paths; without a heuristic it stops when t
// leaves, as every node on a cheapest path is closer to s. The path is then walked from s through
// tight edges (g(u)+cost = g(v), exactly as float64) towards nodes known to have a tight way on to t,
// taking the smallest such next node each time; g strictly increases along the way, so the walk ends.
func (d *dijkstra) path(s, t int32) []int32 {
	d.lastCost = math.Inf(1)
	if s == t {
		d.lastCost = 0
		return []int32{s}
	}
	if d.blocked != nil && (d.blocked[s] || d.blocked[t]) {
		return nil
	}
	g, h := d.g, d.h
	if h != nil && math.IsInf(h[s], 1) {
		return nil
	}
	defer d.reset()
	d.dist[s] = 0
	d.touched = append(d.touched, s)
	d.push(heapItem{d.hOf(s), s})
	best := math.Inf(1) // g(t) once t has left the heap
	for len(d.heap) > 0 {
		it := d.pop()
		if it.d > best {
			break
		}
		u := it.v
		if d.pos[u] >= 0 || it.d > d.dist[u]+d.hOf(u) {
			continue
		}
		d.pos[u] = int32(len(d.order))
		d.order = append(d.order, u)
		du := d.dist[u]
		d.steps += int64(g.off[u+1] - g.off[u])
		if u == t {
			best = du
			if h == nil {
				break // every node closer to s has left the heap already
			}
			continue
		}
		for i := g.off[u]; i < g.off[u+1]; i++ {
			v := g.nbr[i]
			if d.pos[v] >= 0 || !d.edgeOK(u, v) {
				continue
			}
			nd := du + g.Cost(int(i))
			if nd < d.dist[v] {
				hv := d.hOf(v)
				if math.IsInf(hv, 1) {
					continue // cannot reach t
				}
				if math.IsInf(d.dist[v], 1) {
					d.touched = append(d.touched, v)
				}
				d.dist[v] = nd
				d.push(heapItem{nd + hv, v})
			}
		}
	}
	if d.pos[t] < 0 {
		return nil
	}
	// tight reports whether the edge u→v (index i) lies on a cheapest path towards t through v.
	tight := func(u int32, i int32, v int32) bool {
		return d.good[v] && d.dist[v] > d.dist[u] && d.dist[u]+g.Cost(int(i)) == d.dist[v] && d.edgeOK(u, v)
	}
	// Mark nodes with a tight way to t, in decreasing order of g (a tight edge increases g): the reverse
	// of the order they left the heap in, or under A* that order sorted.
	if h != nil {
		slices.SortFunc(d.order, func(a, b int32) int { return cmp.Compare(d.dist[a], d.dist[b]) })
	}
	d.good[t] = true
	for k := len(d.order) - 1; k >= 0; k-- {
		u := d.order[k]
		if u == t || d.dist[u] >= best {
			continue
		}
		for i := g.off[u]; i < g.off[u+1]; i++ {
			if tight(u, i, g.nbr[i]) {
				d.good[u] = true
				break
			}
		}
	}
	path := []int32{s}
	for u := s; u != t; {
		next := int32(-1)
		for i := g.off[u]; i < g.off[u+1]; i++ {
			if tight(u, i, g.nbr[i]) {
				next = g.nbr[i]
				break
			}
		}
		if next < 0 {
			panic("algo: cheapest path walk lost its way") // unreachable: s has a tight way to t
		}
		path = append(path, next)
		u = next
	}
	d.lastCost = best
	return path
}

// hOf returns the heuristic lower bound on the cost from v to t (0 without a heuristic).
func (d *dijkstra) hOf(v int32) float64 {
	if d.h == nil {
		return 0
	}
	return d.h[v]
}

// costsTo returns the cost of a cheapest path from every node to t, +Inf where t cannot be reached:
// Dijkstra's algorithm from t over the reverse graph rev. O((N + E) log N).
func costsTo(rev *CSR, t int32) []float64 {
	d := newDijkstra(rev)
	d.dist[t] = 0
	d.push(heapItem{0, t})
	for len(d.heap) > 0 {
		it := d.pop()
		u := it.v
		if d.pos[u] >= 0 || it.d > d.dist[u] {
			continue
		}
		d.pos[u] = 0
		for i := rev.off[u]; i < rev.off[u+1]; i++ {
			v := rev.nbr[i]
			if nd := it.d + rev.Cost(int(i)); nd < d.dist[v] {
				d.dist[v] = nd
				d.push(heapItem{nd, v})
			}
		}
	}
	return d.dist
}

func (d *dijkstra) reset() {
	for _, v := range d.touched {
		d.dist[v] = math.Inf(1)
		d.pos[v] = -1
		d.good[v] = false
	}
	d.touched, d.order, d.heap = d.touched[:0], d.order[:0], d.heap[:0]
}
