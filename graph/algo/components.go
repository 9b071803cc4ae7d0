package algo

// Components returns the weakly connected components of g: comp[v] is the component of node v, and
// components are numbered 0..count-1 in order of their smallest node. Edge directions are ignored.
// O(N + E·α(N)), by union–find with path halving; no reverse graph is built.
func Components(g Graph) (comp []int32, count int) {
	n := g.NumNodes()
	directed := g.Directed()
	parent := make([]int32, n)
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for u := range int32(n) {
		for _, v := range g.Neighbors(u) {
			if !directed && v < u {
				continue // stored twice
			}
			a, b := find(u), find(v)
			if a != b {
				// The smaller root wins, so every root is its component's smallest node.
				if a < b {
					parent[b] = a
				} else {
					parent[a] = b
				}
			}
		}
	}
	comp = make([]int32, n)
	for v := range int32(n) {
		if r := find(v); r == v {
			comp[v] = int32(count)
			count++
		} else {
			comp[v] = comp[r] // r < v is labelled already
		}
	}
	return comp, count
}
