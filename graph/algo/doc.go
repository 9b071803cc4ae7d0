// Package algo holds relgraph's whole-graph algorithms. They run on simple graphs (no parallel edges,
// no self loops) with dense node ids 0..N-1, which package graph builds as projections of its typed
// multigraph. Mapping the answers back to actors and links is the caller's job.
//
// What lives where:
//   - csr.go: CSR, the immutable compressed sparse row graph every algorithm runs on fastest, with its
//     read accessors, its constructors (NewCSR, NewCSRUnchecked, FromEdges), Validate, and the views
//     Unweighted, Reverse and Undirected;
//   - graph.go: Graph, the small interface in front of the algorithms that need nothing but adjacency,
//     ToCSR, and the degree functions;
//   - searcher.go: Searcher, which keeps the buffers of point-to-point searches on one CSR from one
//     search to the next;
//   - one file per family of algorithms: paths (path.go, dijkstra.go, yen.go, allpaths.go, pathcount.go,
//     with Budget and Stop in path.go), centrality (betweenness.go, pagerank.go), structure
//     (components.go, lowlink.go, vertexcut.go) and signed triangles (triads.go).
//
// Components, PageRank, ArticulationPoints, Bridges, ArticulationPointsAndBridges and the degree
// functions take a Graph. Components and the degree functions call Neighbors once per node; the others
// run on the CSR itself, which ToCSR returns as it is for a *CSR and copies any other Graph into. The
// searches and the algorithms whose inner loops walk edges by their index (ShortestPath and the other
// path searches, Distances, ReachableWithin, Betweenness, MinVertexCut, Triads) take a *CSR, where an
// interface call per edge or per visited node would cost time.
//
// A CSR holds only slices that nothing modifies: it may be copied and shared between goroutines. The
// package-level searches allocate their O(N) labels per call; a Searcher reuses them, resetting only
// what a search touched, so that repeated searches on one graph cost time in proportion to what they
// visit.
//
// Every algorithm is iterative (a path graph of any length cannot overflow the stack), allocates
// O(N) or O(N+E) buffers once per call rather than per step, and is deterministic: where several answers
// are equally good, the one that is smallest by node id, or lexicographically smallest as a sequence of
// node ids, is chosen, and each doc comment says which. Node arguments must lie in 0..N-1. Complexities
// are given in terms of N nodes and E stored adjacency entries (an undirected edge is stored twice).
package algo
