package algo

import (
	"container/heap"
	"slices"
)

// KShortestPaths returns up to k loopless paths from s to t in increasing order of cost, paths of equal
// cost in lexicographic order of their node ids: exactly the first k paths of that order among all
// simple s→t paths. The cost is the number of edges, or the sum of the costs W when g is weighted (see
// Dijkstra for how float ties are compared). It returns nil when t cannot be reached or k < 1, and [[s]]
// when s == t.
//
// It is Yen's algorithm: each accepted path is taken apart at every node (the spur), and the cheapest
// way from the spur to t that avoids the path's earlier nodes and the next edges of the accepted paths
// with the same beginning becomes a candidate; the best candidate is accepted next. Each spur search is
// the same lexicographically smallest shortest-path search as ShortestPath (bidirectional) or Dijkstra;
// with costs, the searches are A* guided by the cost of the cheapest way to t in the whole graph (one
// Dijkstra from t first), which never overestimates once nodes and edges are removed and confines
// each search to near-cheapest routes. O(k·L·S) for paths of up to L nodes and a search cost S (O(N+E)
// for hops, O((N+E) log N) with costs), plus O(N+E) once to reverse a directed graph.
func KShortestPaths(g *CSR, s, t int32, k int) [][]int32 {
	if k < 1 {
		return nil
	}
	if s == t {
		return [][]int32{{s}}
	}
	var search func(s, t int32) []int32
	var setBlock func(blocked []bool, from int32, to []int32)
	blocked := make([]bool, g.N)
	if g.W == nil {
		b := newBFS(g, g.Reverse())
		search = b.path
		setBlock = func(bl []bool, from int32, to []int32) { b.blocked, b.blockFrom, b.blockTo = bl, from, to }
	} else {
		d := newDijkstra(g)
		d.h = costsTo(g.Reverse(), t)
		search = d.path
		setBlock = func(bl []bool, from int32, to []int32) { d.blocked, d.blockFrom, d.blockTo = bl, from, to }
	}
	first := search(s, t)
	if first == nil {
		return nil
	}
	accepted := [][]int32{first}
	seen := map[string]bool{pathKey(first): true}
	cands := &pathHeap{}
	var blockTo []int32
	for len(accepted) < k {
		prev := accepted[len(accepted)-1]
		for i := 0; i+1 < len(prev); i++ {
			spur, root := prev[i], prev[:i+1]
			blockTo = blockTo[:0]
			for _, p := range accepted {
				if len(p) > i+1 && slices.Equal(p[:i+1], root) {
					blockTo = append(blockTo, p[i+1])
				}
			}
			for _, v := range root[:i] {
				blocked[v] = true
			}
			setBlock(blocked, spur, blockTo)
			tail := search(spur, t)
			for _, v := range root[:i] {
				blocked[v] = false
			}
			if tail == nil {
				continue
			}
			p := make([]int32, 0, i+len(tail))
			p = append(append(p, root[:i]...), tail...)
			if key := pathKey(p); !seen[key] {
				seen[key] = true
				heap.Push(cands, costPath{g.PathCost(p), p})
			}
		}
		setBlock(nil, -1, nil)
		if cands.Len() == 0 {
			break
		}
		accepted = append(accepted, heap.Pop(cands).(costPath).path)
	}
	return accepted
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
