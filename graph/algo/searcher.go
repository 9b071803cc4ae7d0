package algo

import (
	"math"
	"sync"
)

// Searcher runs point-to-point searches on one CSR and keeps the buffers of each finished search for
// the next, so that after the first a search costs time in proportion to what it visits rather than to
// the number of nodes. The package-level ShortestPath, ShortestPathWithReverse, Dijkstra and
// PathCounts functions give the same answers with buffers of their own, allocated for the one call.
//
// A Searcher is safe for concurrent use: each search takes buffers no other search holds. It must not
// be copied after first use; its CSR may be.
type Searcher struct {
	g        *CSR
	bfs      sync.Pool // of *bfs
	dijkstra sync.Pool // of *dijkstra
}

// NewSearcher returns a searcher of g. It allocates no buffers until it first searches. O(1).
func NewSearcher(g *CSR) *Searcher { return &Searcher{g: g} }

// Graph returns the graph the searcher searches.
func (s *Searcher) Graph() *CSR { return s.g }

// ShortestPath is the package-level ShortestPath on the searcher's graph.
func (s *Searcher) ShortestPath(from, to int32) []int32 {
	return s.ShortestPathWithReverse(s.g.undirectedSelf(), from, to)
}

// ShortestPathWithReverse is the package-level ShortestPathWithReverse on the searcher's graph. The
// buffers are kept for the next search when rev is nil or the graph itself (an undirected graph is its
// own reverse): those made for another reverse graph, typically built for one query, are dropped.
func (s *Searcher) ShortestPathWithReverse(rev *CSR, from, to int32) []int32 {
	b := s.getBFS(rev)
	defer s.putBFS(b)
	return b.path(from, to)
}

// Dijkstra is the package-level Dijkstra on the searcher's graph.
func (s *Searcher) Dijkstra(from, to int32) (path []int32, cost float64) {
	d := s.getDijkstra()
	defer s.putDijkstra(d)
	return d.cheapest(from, to)
}

// PathCounts is the package-level PathCounts on the searcher's graph.
func (s *Searcher) PathCounts(from, to int32, slack int) PathCount {
	return s.pathCounts(from, to, slack, false)
}

// PathCountsMultiplied is the package-level PathCountsMultiplied on the searcher's graph.
func (s *Searcher) PathCountsMultiplied(from, to int32, slack int) PathCount {
	return s.pathCounts(from, to, slack, s.g.w != nil)
}

// getBFS returns clean breadth-first search buffers for s's graph with reverse graph rev (nil: none),
// from the pool when it holds ones made for the same reverse graph.
func (s *Searcher) getBFS(rev *CSR) *bfs {
	if b, ok := s.bfs.Get().(*bfs); ok && b.rev == rev {
		return b
	}
	return newBFS(s.g, rev)
}

// putBFS returns buffers that getBFS gave out, with their labels reset, to the pool. Buffers made for
// a reverse graph other than the graph itself are dropped: such a graph is built per query and would be
// kept alive for nothing.
func (s *Searcher) putBFS(b *bfs) {
	if b.blocked == nil && b.blockFrom < 0 && (b.rev == nil || b.rev == s.g) {
		s.bfs.Put(b)
	}
}

// getDijkstra returns clean cheapest-path search buffers for s's graph, from the pool when it holds
// some.
func (s *Searcher) getDijkstra() *dijkstra {
	if d, ok := s.dijkstra.Get().(*dijkstra); ok {
		return d
	}
	return newDijkstra(s.g)
}

// putDijkstra returns buffers that getDijkstra gave out, with their labels reset, to the pool.
func (s *Searcher) putDijkstra(d *dijkstra) {
	if d.blocked == nil && d.blockFrom < 0 && d.h == nil {
		s.dijkstra.Put(d)
	}
}

// undirectedSelf returns g when it is undirected (its own reverse, for a search from both ends), nil
// when it is directed.
func (g *CSR) undirectedSelf() *CSR {
	if g.directed {
		return nil
	}
	return g
}

// cheapest runs the search of Dijkstra with d's buffers and returns its answer.
func (d *dijkstra) cheapest(s, t int32) ([]int32, float64) {
	path := d.path(s, t)
	if path == nil {
		return nil, math.Inf(1)
	}
	return path, d.lastCost
}
