package algo

// Graph is the view of a graph that the algorithms needing nothing but adjacency accept: a simple
// graph on nodes 0..NumNodes()-1, each with its out-neighbours (all of its neighbours when the graph is
// undirected, in which case an edge is listed from both of its ends), in any order but without
// duplicates or the node itself. *CSR implements it, and is what the algorithms run on fastest; see the
// package documentation for which take a Graph and which a *CSR.
type Graph interface {
	// NumNodes returns the number of nodes: they are 0..NumNodes()-1.
	NumNodes() int
	// Neighbors returns the (out-)neighbours of u, each in 0..NumNodes()-1. The caller must not modify
	// the slice.
	Neighbors(u int32) []int32
	// Directed reports whether edges have a direction.
	Directed() bool
}

var _ Graph = (*CSR)(nil)

// ToCSR returns g as a CSR: g itself when it is one, otherwise a copy of its adjacency in which
// neighbour lists are sorted, duplicates merged and self loops dropped (and, for an undirected graph, an
// edge listed from one end only is stored from both). It panics when a neighbour lies outside
// 0..NumNodes()-1. O(1) for a *CSR, O(N + E) otherwise.
func ToCSR(g Graph) *CSR {
	if c, ok := g.(*CSR); ok {
		return c
	}
	n := g.NumNodes()
	var edges [][2]int32
	for u := range int32(n) {
		for _, v := range g.Neighbors(u) {
			edges = append(edges, [2]int32{u, v})
		}
	}
	return FromEdges(n, g.Directed(), edges, nil)
}

// OutDegrees returns the number of out-neighbours of every node (all neighbours for an undirected
// graph). O(N).
func OutDegrees(g Graph) []int32 {
	d := make([]int32, g.NumNodes())
	for u := range d {
		d[u] = int32(len(g.Neighbors(int32(u))))
	}
	return d
}

// InDegrees returns the number of in-neighbours of every node (all neighbours for an undirected graph).
// O(N + E).
func InDegrees(g Graph) []int32 {
	if !g.Directed() {
		return OutDegrees(g)
	}
	d := make([]int32, g.NumNodes())
	for u := range int32(len(d)) {
		for _, v := range g.Neighbors(u) {
			d[v]++
		}
	}
	return d
}

// Degrees returns the total degree of every node: in-degree plus out-degree for a directed graph (a
// pair joined both ways counts twice), the number of neighbours for an undirected one. O(N + E).
func Degrees(g Graph) []int32 {
	d := OutDegrees(g)
	if g.Directed() {
		for u := range int32(len(d)) {
			for _, v := range g.Neighbors(u) {
				d[v]++
			}
		}
	}
	return d
}
