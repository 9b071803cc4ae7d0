package algo

import "math"

// PageRank returns the PageRank of every node: the stationary distribution of a walk that follows a
// uniformly chosen out-edge with probability damping and jumps to a uniformly chosen node otherwise. A
// node without out-edges (dangling) passes all of its rank to every node uniformly. An undirected graph
// is walked along each edge in both directions. Edge costs are ignored. The ranks sum to 1.
//
// It is the power method from the uniform vector, stopping when the L1 norm of the change in one
// iteration falls below tol or after maxIter iterations (≤ 0 means 100). An empty graph has no ranks.
// O(maxIter·(N+E)), plus O(N + E) to copy a g that is not a *CSR (ToCSR).
func PageRank(gr Graph, damping, tol float64, maxIter int) []float64 {
	g := ToCSR(gr)
	n := g.n
	if n == 0 {
		return nil
	}
	if maxIter <= 0 {
		maxIter = 100
	}
	rank := make([]float64, n)
	next := make([]float64, n)
	share := make([]float64, n) // rank[u]/outdeg(u) of the current iteration
	for i := range rank {
		rank[i] = 1 / float64(n)
	}
	for range maxIter {
		dangling := 0.0
		for u := range n {
			d := g.off[u+1] - g.off[u]
			if d == 0 {
				dangling += rank[u]
				share[u] = 0
			} else {
				share[u] = rank[u] / float64(d)
			}
		}
		base := (1-damping)/float64(n) + damping*dangling/float64(n)
		for i := range next {
			next[i] = base
		}
		// Push along out-edges: each row is read once, in order.
		for u := range n {
			su := damping * share[u]
			if su == 0 {
				continue
			}
			for _, v := range g.nbr[g.off[u]:g.off[u+1]] {
				next[v] += su
			}
		}
		// Renormalise against rounding drift and measure the change.
		sum := 0.0
		for _, x := range next {
			sum += x
		}
		diff := 0.0
		for i, x := range next {
			x /= sum
			next[i] = x
			diff += math.Abs(x - rank[i])
		}
		rank, next = next, rank
		if diff < tol {
			break
		}
	}
	return rank
}
