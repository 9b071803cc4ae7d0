package algo

import (
	"fmt"
	"math/bits"
	"slices"
)

// Budget is an allowance of work shared by the path searches it is passed to (AllSimplePathsFunc,
// KShortestPathsFunc): every edge a search examines costs a step, and so does every node of a path it
// builds, so that a search on a dense graph, where the paths asked for may number in the billions,
// ends in a time proportional to its budget. A caller may charge its own work to the same budget with
// Spend. A search checks its budget between units of work (a node's row of edges, one spur search of
// Yen's algorithm), so it may overrun it by one unit. A nil *Budget allows any amount of work.
type Budget struct {
	max, used int64
}

// NewBudget returns a budget of max steps; max ≤ 0 allows none beyond the first unit of work.
func NewBudget(max int64) *Budget { return &Budget{max: max} }

// Spend charges n steps to b and reports whether b still holds steps (its use is at most its max).
func (b *Budget) Spend(n int64) bool {
	if b == nil {
		return true
	}
	b.used += n
	return b.used <= b.max
}

// Exhausted reports whether more steps have been charged to b than it holds.
func (b *Budget) Exhausted() bool { return b != nil && b.used > b.max }

// Used returns the number of steps charged to b (0 for a nil budget).
func (b *Budget) Used() int64 {
	if b == nil {
		return 0
	}
	return b.used
}

// Max returns the number of steps b holds, or -1 for a nil budget (no bound).
func (b *Budget) Max() int64 {
	if b == nil {
		return -1
	}
	return b.max
}

// Stop says how a path search that delivers its paths one at a time ended.
type Stop uint8

const (
	// Finished means the search delivered every path there is.
	Finished Stop = iota
	// Stopped means the caller's yield function asked for no more paths.
	Stopped
	// OutOfSteps means the search used up its Budget: more paths may exist.
	OutOfSteps
)

// String returns the name of the constant.
func (s Stop) String() string {
	switch s {
	case Finished:
		return "Finished"
	case Stopped:
		return "Stopped"
	case OutOfSteps:
		return "OutOfSteps"
	}
	return fmt.Sprintf("Stop(%d)", uint8(s))
}

// Distances returns the number of edges on a shortest path from s to every node, following edge
// directions in a directed graph; -1 marks nodes s cannot reach. O(N + E).
func Distances(g *CSR, s int32) []int32 {
	return ReachableWithin(g, s, -1)
}

// ReachableWithin returns, for every node, its distance in edges from s when it is at most depth, and
// -1 otherwise (unreachable or farther): the levels of s's ego network. A negative depth means no bound.
// The search follows edge directions in a directed graph; pass g.Undirected() for an ego network that
// ignores them. O(N + E) in the worst case, and O(N) plus the edges of the nodes within depth-1.
func ReachableWithin(g *CSR, s int32, depth int) []int32 {
	dist := make([]int32, g.n)
	for i := range dist {
		dist[i] = -1
	}
	dist[s] = 0
	queue := make([]int32, 1, 64)
	queue[0] = s
	for head := 0; head < len(queue); head++ {
		u := queue[head]
		du := dist[u]
		if depth >= 0 && int(du) >= depth {
			break // BFS order: every later node is at least as far
		}
		for _, v := range g.nbr[g.off[u]:g.off[u+1]] {
			if dist[v] < 0 {
				dist[v] = du + 1
				queue = append(queue, v)
			}
		}
	}
	return dist
}

// ShortestPath returns a path from s to t with the fewest edges, as the list of its nodes from s to t,
// or nil when t cannot be reached from s; ShortestPath(g, s, s) is [s]. Edge costs are ignored and a
// directed graph is followed along its edges. Among several shortest paths it returns the
// lexicographically smallest sequence of node ids (at each step, the smallest next node that still lies
// on a shortest path).
//
// An undirected graph is searched from both ends at once, a level at a time from the side whose
// frontier has fewer edges, until the two sides first meet, which on small-world graphs visits a tiny
// part of the graph; a directed graph is searched from s only (use ShortestPathWithReverse to search it
// from both ends). O(N + E) in the worst case. Each call allocates O(N) labels; Searcher.ShortestPath
// keeps them from one search to the next.
func ShortestPath(g *CSR, s, t int32) []int32 {
	return ShortestPathWithReverse(g, g.undirectedSelf(), s, t)
}

// ShortestPathWithReverse is ShortestPath with the reverse of g supplied by the caller (rev =
// g.Reverse(), or g itself when g is undirected), so that a directed graph too is searched from both ends.
// A nil rev searches from s only. The result is the same as ShortestPath's.
func ShortestPathWithReverse(g, rev *CSR, s, t int32) []int32 {
	return newBFS(g, rev).path(s, t)
}

// bfs holds the buffers of a lexicographically-smallest shortest path search, reusable across searches
// on one graph (a Searcher keeps them): every label is reset after use by walking the queues, so a search costs time in
// proportion to what it visits.
type bfs struct {
	g, rev *CSR
	lab    []label // each node's levels from s and to t, side by side
	qs, qt []int32 // labelled nodes in level order
	lvlT   []int   // qt index where each t-level starts

	// Restrictions (Yen's spur searches): blocked nodes are never entered; the edges from blockFrom to
	// the nodes in blockTo are removed.
	blocked   []bool
	blockFrom int32
	blockTo   []int32

	// steps counts the edges the searches examined, for a caller that charges them to a Budget; it
	// only grows, and the caller reads and clears it.
	steps int64
}

// label is a node's level from s and its level to t, -1 when it has none, and, for s-side nodes,
// whether it leads on to t along a shortest path (1), does not (-1) or has not been asked (0): kept
// together, as a search looks at them together.
type label struct {
	s, t int32
	mark int8
}

// newBFS returns clean buffers for searches of g with reverse graph rev (nil: searches from s only).
// O(N).
func newBFS(g, rev *CSR) *bfs {
	b := &bfs{g: g, rev: rev, lab: make([]label, g.n), blockFrom: -1}
	for i := range b.lab {
		b.lab[i] = label{s: -1, t: -1}
	}
	return b
}

// edgeOK reports whether the edge u→v may be used.
func (b *bfs) edgeOK(u, v int32) bool {
	if b.blocked != nil && b.blocked[v] {
		return false
	}
	if u == b.blockFrom {
		for _, x := range b.blockTo {
			if x == v {
				return false
			}
		}
	}
	return true
}

// dtOf returns v's level on the t side: b.lab[v].t, or, without a reverse graph (the t side is t alone),
// 0 for t and -1 otherwise.
func (b *bfs) dtOf(v, t int32) int32 {
	if b.rev != nil {
		return b.lab[v].t
	}
	if v == t {
		return 0
	}
	return -1
}

// meet searches from s and t (s ≠ t) a level at a time until the two sides meet, and returns the
// distance d from s to t (-1 when t is unreachable) and the radii A and B to which each side is fully
// labelled: every node within A of s has its s label, every node within B of t its t label, and
// d = A+1+B. The labels stay set until reset; some nodes of the level being searched when the sides
// met may be labelled too (their labels are exact).
//
// The search stops at the first node where the sides meet, which is enough for the distance: a node
// reached at level A+1 from s with a t label k has k = B, for had it been nearer t, its neighbour at
// level A would have been met when the t side searched its level, before this one (and the same holds
// the other way round).
func (b *bfs) meet(s, t int32) (d, A, B int32) {
	if b.blocked != nil && (b.blocked[s] || b.blocked[t]) {
		return -1, 0, 0
	}
	g := b.g
	free := b.blocked == nil && b.blockFrom < 0 // no restrictions: skip the edge checks
	b.lab[s].s = 0
	b.qs = append(b.qs[:0], s)
	if b.rev != nil {
		b.lab[t].t = 0
		b.qt = append(b.qt[:0], t)
		b.lvlT = append(b.lvlT[:0], 0, 1)
	}
	sHead, tHead := 0, 0 // start of each side's frontier in its queue
	for {
		sFront := len(b.qs) - sHead
		tFront := len(b.qt) - tHead
		if sFront == 0 || (b.rev != nil && tFront == 0) {
			return -1, A, B
		}
		// Expand the side whose frontier has fewer edges to scan: a hub on one frontier makes that side
		// the expensive one even when it has fewer nodes.
		if b.rev == nil || b.sFirst(b.qs[sHead:], b.qt[tHead:]) {
			end := len(b.qs)
			for _, u := range b.qs[sHead:end] {
				b.steps += int64(g.off[u+1] - g.off[u])
				for _, v := range g.nbr[g.off[u]:g.off[u+1]] {
					if !free && !b.edgeOK(u, v) {
						continue
					}
					if b.dtOf(v, t) >= 0 {
						return A + 1 + B, A, B
					}
					if b.lab[v].s < 0 {
						b.lab[v].s = A + 1
						b.qs = append(b.qs, v)
					}
				}
			}
			sHead = end
			A++
		} else {
			r := b.rev
			end := len(b.qt)
			for _, u := range b.qt[tHead:end] {
				b.steps += int64(r.off[u+1] - r.off[u])
				for _, x := range r.nbr[r.off[u]:r.off[u+1]] {
					if !free && !b.edgeOK(x, u) {
						continue
					}
					if b.lab[x].s >= 0 {
						return A + 1 + B, A, B
					}
					if b.lab[x].t < 0 {
						b.lab[x].t = B + 1
						b.qt = append(b.qt, x)
					}
				}
			}
			tHead = end
			B++
			b.lvlT = append(b.lvlT, len(b.qt))
		}
	}
}

// sFirst reports whether the s frontier has no more edges to scan than the t frontier (out-edges in g
// for the s side, in-edges for the t side). The side with fewer nodes is counted in full and the other
// only until it has more, so that a frontier swollen by a hub is not counted through.
func (b *bfs) sFirst(sFront, tFront []int32) bool {
	if len(sFront) <= len(tFront) {
		n := frontierEdges(b.g, sFront, -1)
		return frontierEdges(b.rev, tFront, n) >= n
	}
	n := frontierEdges(b.rev, tFront, -1)
	return frontierEdges(b.g, sFront, n) <= n
}

// frontierEdges returns the number of edges out of the nodes of a frontier, or, with limit ≥ 0, any
// number above limit once the count passes it.
func frontierEdges(g *CSR, front []int32, limit int) int {
	n := 0
	for _, u := range front {
		n += int(g.off[u+1] - g.off[u])
		if limit >= 0 && n > limit {
			break
		}
	}
	return n
}

// path returns the lexicographically smallest shortest s→t path avoiding the restrictions, or nil.
//
// Once meet has fixed the distance, it walks from s, taking at each step the smallest successor that
// lies on a shortest path (step): only the nodes the walk asks about are settled.
func (b *bfs) path(s, t int32) []int32 {
	if s == t {
		return []int32{s}
	}
	defer b.reset()
	d, _, B := b.meet(s, t)
	if d < 0 {
		return nil
	}
	path := make([]int32, 1, d+1)
	path[0] = s
	for j := int32(1); j <= d; j++ {
		next := b.step(path[j-1], j, d, B, t)
		if next < 0 {
			panic("algo: shortest path walk lost its way") // unreachable: the last node is on a shortest path
		}
		path = append(path, next)
	}
	return path
}

// step returns the smallest successor of u that is at position j of a shortest s→t path of length d,
// or -1. Within B of t (d-j ≤ B) the t labels tell; when the nodes at that distance from t are few next
// to u's successors, each is looked up in u's sorted row instead of scanning it. Nearer s, onPath
// tells.
func (b *bfs) step(u, j, d, B, t int32) int32 {
	g := b.g
	row := g.nbr[g.off[u]:g.off[u+1]]
	if k := d - j; k <= B && b.rev != nil {
		if near := b.qt[b.lvlT[k]:b.lvlT[k+1]]; len(near)*bits.Len(uint(len(row))) < len(row) {
			b.steps += int64(len(near))
			next := int32(-1)
			for _, v := range near {
				if next >= 0 && v >= next {
					continue
				}
				if _, ok := slices.BinarySearch(row, v); ok && b.edgeOK(u, v) {
					next = v
				}
			}
			return next
		}
	}
	for i, v := range row {
		if b.edgeOK(u, v) && b.onPath(v, j, d, B, t) {
			b.steps += int64(i + 1)
			return v
		}
	}
	b.steps += int64(len(row))
	return -1
}

// onPath reports whether v, a successor of a node at position j-1 of a shortest s→t path of length d,
// is at position j of one. Within B of t (d-j ≤ B) its t label says so; nearer s (j ≤ A, where every
// node has its s label) it does when it is at level j from s and has a successor on a shortest path,
// which is searched depth first and remembered in its label.
func (b *bfs) onPath(v, j, d, B, t int32) bool {
	if d-j <= B {
		return b.dtOf(v, t) == d-j
	}
	l := &b.lab[v]
	if l.s != j {
		return false
	}
	if l.mark == 0 {
		l.mark = -1
		if b.step(v, j+1, d, B, t) >= 0 {
			l.mark = 1
		}
	}
	return l.mark > 0
}

// reset clears the labels set by the last search.
func (b *bfs) reset() {
	for _, v := range b.qs {
		b.lab[v].s, b.lab[v].mark = -1, 0
	}
	for _, v := range b.qt {
		b.lab[v].t = -1
	}
	b.qs, b.qt = b.qs[:0], b.qt[:0]
}
