// Package algo holds relgraph's whole-graph algorithms. They run on a CSR: a simple graph (no parallel
// edges, no self loops) in compressed sparse row form with dense int32 node ids, which package graph
// builds as a projection of its typed multigraph for each query. Mapping the answers back to actors and
// links is the caller's job.
//
// Every algorithm is iterative (a path graph of any length cannot overflow the stack), allocates
// O(N) or O(N+E) buffers once per call rather than per step, and is deterministic: where several answers
// are equally good, the one that is smallest by node id, or lexicographically smallest as a sequence of
// node ids, is chosen, and each doc comment says which. Node arguments must lie in 0..N-1. Complexities
// are given in terms of N nodes and E stored adjacency entries (an undirected edge is stored twice).
package algo
