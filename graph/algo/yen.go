package algo

import (
	"container/heap"
	"slices"
)

// KShortestPaths returns up to k loopless paths from s to t in increasing order of cost, paths of equal
// cost in lexicographic order of their node ids: exactly the first k paths of that order among all
// simple s→t paths. The cost is the number of edges, or the sum of the edge costs when g is weighted (see
// Dijkstra for how float ties are compared). It returns nil when t cannot be reached or k < 1, and [[s]]
// when s == t. See KShortestPathsFunc for the algorithm; KShortestPathsFunc with a Budget bounds its
// work.
func KShortestPaths(g *CSR, s, t int32, k int) [][]int32 {
	if k < 1 {
		return nil
	}
	var paths [][]int32
	KShortestPathsFunc(g, s, t, nil, func(p []int32) bool {
		paths = append(paths, p)
		return len(paths) < k
	})
	return paths
}

// KShortestPathsFunc calls yield with the loopless paths from s to t in the order of KShortestPaths,
// each as soon as it is known, until yield returns false (Stopped), there are no more paths (Finished)
// or the budget runs out (OutOfSteps; the paths delivered are then the first ones of the order). The
// first path is always searched for, whatever the budget. yield may keep the slices it receives but
// must not modify them.
//
// It is Yen's algorithm: each accepted path is taken apart at every node (the spur), and the cheapest
// way from the spur to t that avoids the path's earlier nodes and the next edges of the accepted paths
// with the same beginning becomes a candidate; the best candidate is accepted next. Each spur search is
// the same lexicographically smallest shortest-path search as ShortestPath (bidirectional) or Dijkstra;
// with costs, the searches are A* guided by the cost of the cheapest way to t in the whole graph (one
// Dijkstra from t first), which never overestimates once nodes and edges are removed and confines
// each search to near-cheapest routes. The accepted paths are kept in a prefix tree, so the edges to
// remove at a spur are found among its children rather than by comparing every accepted path.
// O(k·L·S) for k paths of up to L nodes and a search cost S (O(N+E) for hops, O((N+E) log N) with
// costs), plus O(N+E) once to reverse a directed graph. The budget is charged every edge the searches
// examine, every node of every candidate built, and the nodes and edges removed for each spur.
func KShortestPathsFunc(g *CSR, s, t int32, budget *Budget, yield func(path []int32) bool) Stop {
	if s == t {
		budget.Spend(1)
		if !yield([]int32{s}) {
			return Stopped
		}
		return Finished
	}
	var search func(s, t int32) []int32
	var setBlock func(blocked []bool, from int32, to []int32)
	blocked := make([]bool, g.n)
	if g.w == nil {
		b := newBFS(g, g.Reverse())
		search = func(s, t int32) []int32 {
			p := b.path(s, t)
			budget.Spend(b.steps)
			b.steps = 0
			return p
		}
		setBlock = func(bl []bool, from int32, to []int32) { b.blocked, b.blockFrom, b.blockTo = bl, from, to }
	} else {
		d := newDijkstra(g)
		d.h = costsTo(g.Reverse(), t)
		budget.Spend(int64(g.n + len(g.nbr)))
		search = func(s, t int32) []int32 {
			p := d.path(s, t)
			budget.Spend(d.steps)
			d.steps = 0
			return p
		}
		setBlock = func(bl []bool, from int32, to []int32) { d.blocked, d.blockFrom, d.blockTo = bl, from, to }
	}
	first := search(s, t)
	if first == nil {
		return Finished
	}
	var tree prefixTree
	tree.add(first)
	if !yield(first) {
		return Stopped
	}
	seen := map[string]bool{pathKey(first): true}
	cands := &pathHeap{}
	var blockTo []int32
	prev := first
	for {
		if budget.Exhausted() {
			return OutOfSteps
		}
		node := int32(0) // the tree node of prev[:i+1]
		for i := 0; i+1 < len(prev); i++ {
			spur, root := prev[i], prev[:i+1]
			// The accepted paths that begin with root leave it for the children of its tree node.
			blockTo = blockTo[:0]
			child := int32(-1)
			for c := tree.nodes[node].child; c >= 0; c = tree.nodes[c].sibling {
				v := tree.nodes[c].v
				blockTo = append(blockTo, v)
				if v == prev[i+1] {
					child = c
				}
			}
			budget.Spend(int64(len(blockTo) + i))
			for _, v := range root[:i] {
				blocked[v] = true
			}
			setBlock(blocked, spur, blockTo)
			tail := search(spur, t)
			for _, v := range root[:i] {
				blocked[v] = false
			}
			node = child
			if tail != nil {
				p := make([]int32, 0, i+len(tail))
				p = append(append(p, root[:i]...), tail...)
				budget.Spend(int64(len(p)))
				if key := pathKey(p); !seen[key] {
					seen[key] = true
					heap.Push(cands, costPath{g.PathCost(p), p})
				}
			}
			if budget.Exhausted() {
				// The candidates are incomplete: the best of them need not be the next path.
				setBlock(nil, -1, nil)
				return OutOfSteps
			}
		}
		setBlock(nil, -1, nil)
		if cands.Len() == 0 {
			return Finished
		}
		prev = heap.Pop(cands).(costPath).path
		tree.add(prev)
		if !yield(prev) {
			return Stopped
		}
	}
}

// prefixTree holds the accepted paths of Yen's algorithm, which all begin at the same node: node 0 is
// that first node, and the children of the node reached along a path's first i+1 nodes are the nodes
// the accepted paths with that beginning go on to.
type prefixTree struct {
	nodes []treeNode
}

// treeNode is a node of a prefixTree: a graph node, its first child and its next sibling (-1: none).
type treeNode struct {
	v              int32
	child, sibling int32
}

// add inserts path p (which begins at the root's node) into the tree.
func (pt *prefixTree) add(p []int32) {
	if len(pt.nodes) == 0 {
		pt.nodes = append(pt.nodes, treeNode{v: p[0], child: -1, sibling: -1})
	}
	node := int32(0)
	for _, v := range p[1:] {
		c := pt.nodes[node].child
		for c >= 0 && pt.nodes[c].v != v {
			c = pt.nodes[c].sibling
		}
		if c < 0 {
			c = int32(len(pt.nodes))
			pt.nodes = append(pt.nodes, treeNode{v: v, child: -1, sibling: pt.nodes[node].child})
			pt.nodes[node].child = c
		}
		node = c
	}
}

// pathKey encodes a path as a map key.
func pathKey(p []int32) string {
	b := make([]byte, 0, 4*len(p))
	for _, v := range p {
		b = append(b, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
	}
	return string(b)
}

type costPath struct {
	cost float64
	path []int32
}

// pathHeap is a min-heap of paths by cost, then lexicographically.
type pathHeap []costPath

func (h pathHeap) Len() int { return len(h) }
func (h pathHeap) Less(i, j int) bool {
	if h[i].cost != h[j].cost {
		return h[i].cost < h[j].cost
	}
	return slices.Compare(h[i].path, h[j].path) < 0
}
func (h pathHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *pathHeap) Push(x any)   { *h = append(*h, x.(costPath)) }
func (h *pathHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
