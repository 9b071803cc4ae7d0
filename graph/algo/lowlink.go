package algo

import (
	"cmp"
	"slices"
)

// ArticulationPoints returns the cut vertices of g in increasing order: the nodes whose removal leaves
// more connected components than before. Edge directions are ignored: a directed graph is read as its
// undirected view (CSR.Undirected). It is the Hopcroft–Tarjan low-link method with an explicit stack.
// O(N + E), copying a g that is not a *CSR (ToCSR) first.
func ArticulationPoints(g Graph) []int32 {
	cut, _ := lowLink(ToCSR(g).Undirected(), true, false)
	return cut
}

// Bridges returns the edges of g whose removal leaves more connected components than before, each as
// {u, v} with u < v, sorted. Edge directions are ignored as in ArticulationPoints. O(N + E).
func Bridges(g Graph) [][2]int32 {
	_, br := lowLink(ToCSR(g).Undirected(), false, true)
	return br
}

// ArticulationPointsAndBridges returns both, as ArticulationPoints and Bridges do, from one search.
// O(N + E).
func ArticulationPointsAndBridges(g Graph) (points []int32, bridges [][2]int32) {
	return lowLink(ToCSR(g).Undirected(), true, true)
}

// lowLink runs an iterative depth-first search over the undirected graph u, from every unvisited node
// in increasing order, and returns its articulation points and/or bridges, sorted.
func lowLink(u *CSR, wantCut, wantBridges bool) (cut []int32, bridges [][2]int32) {
	n := u.n
	disc := make([]int32, n) // discovery time + 1; 0 = unvisited
	low := make([]int32, n)
	parent := make([]int32, n)
	next := make([]int32, n) // next neighbour index to scan
	isCut := make([]bool, n)
	stack := make([]int32, 0, 64)
	time := int32(0)
	for root := range int32(n) {
		if disc[root] != 0 {
			continue
		}
		time++
		disc[root], low[root], parent[root], next[root] = time, time, -1, u.off[root]
		rootChildren := 0
		stack = append(stack[:0], root)
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			if i := next[x]; i < u.off[x+1] {
				next[x] = i + 1
				y := u.nbr[i]
				switch {
				case disc[y] == 0:
					time++
					disc[y], low[y], parent[y], next[y] = time, time, x, u.off[y]
					stack = append(stack, y)
					if x == root {
						rootChildren++
					}
				case y != parent[x]:
					low[x] = min(low[x], disc[y])
				}
				continue
			}
			// x is finished: report and pass its low-link to its parent.
			stack = stack[:len(stack)-1]
			p := parent[x]
			if p < 0 {
				continue
			}
			low[p] = min(low[p], low[x])
			if p != root && low[x] >= disc[p] {
				isCut[p] = true
			}
			if wantBridges && low[x] > disc[p] {
				bridges = append(bridges, [2]int32{min(p, x), max(p, x)})
			}
		}
		if rootChildren > 1 {
			isCut[root] = true
		}
	}
	if wantCut {
		for v, c := range isCut {
			if c {
				cut = append(cut, int32(v))
			}
		}
	}
	slices.SortFunc(bridges, func(a, b [2]int32) int {
		return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	})
	return cut, bridges
}
