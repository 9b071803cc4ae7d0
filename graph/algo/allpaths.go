package algo

// AllSimplePaths returns every simple path from s to t with at most maxLen edges, shortest first and
// paths of equal length in lexicographic order of their node ids, following edge directions in a
// directed graph. When limit > 0 it stops after limit paths and reports truncated = true if at least one
// more path exists; the paths returned are then the first limit of that order. A limit ≤ 0 means no cap:
// the number of paths grows exponentially with maxLen on dense graphs, so keep a limit, or use
// AllSimplePathsFunc with a Budget. AllSimplePaths(g, s, s, …) is [[s]].
func AllSimplePaths(g *CSR, s, t int32, maxLen, limit int) (paths [][]int32, truncated bool) {
	AllSimplePathsFunc(g, s, t, maxLen, nil, func(p []int32) bool {
		if limit > 0 && len(paths) == limit {
			truncated = true
			return false
		}
		paths = append(paths, append([]int32(nil), p...))
		return true
	})
	return paths, truncated
}

// AllSimplePathsFunc calls yield with every simple path from s to t of at most maxLen edges, in the
// order of AllSimplePaths, as it finds them, and never holds more than the path being built: the
// slice yield receives is reused for the next path, so yield must copy what it keeps. It returns
// Stopped as soon as yield returns false, OutOfSteps when the budget runs out (the paths delivered are
// then the first ones of the order), and Finished otherwise. A maxLen above N-1 is taken as N-1 (no
// simple path is longer).
//
// It runs one iterative depth-first search per length, from the distance between s and t up to maxLen,
// pruned by the distance of each node to t (a reverse breadth-first search bounded by maxLen), so the
// work is proportional to the paths found times their length, times the fan-out of the dead ends the
// distance bound cannot see. The budget is charged every edge the searches examine (the reverse search
// included) and every node of every path delivered.
func AllSimplePathsFunc(g *CSR, s, t int32, maxLen int, budget *Budget, yield func(path []int32) bool) Stop {
	if s == t {
		budget.Spend(1)
		if !yield([]int32{s}) {
			return Stopped
		}
		return Finished
	}
	maxLen = min(maxLen, g.n-1)
	if maxLen < 1 {
		return Finished
	}
	rev := g.Reverse()
	dt := ReachableWithin(rev, t, maxLen)
	if budget != nil {
		budget.Spend(reachCost(rev, dt, maxLen))
	}
	if dt[s] < 0 {
		return Finished
	}
	if budget.Exhausted() {
		return OutOfSteps
	}
	onPath := make([]bool, g.n)
	path := make([]int32, 0, maxLen+1)
	next := make([]int32, 0, maxLen+1) // next[i]: edge index of the next edge to try from path[i]
	for L := int(dt[s]); L <= maxLen; L++ {
		path = append(path[:0], s)
		next = append(next[:0], g.off[s])
		onPath[s] = true
		for len(path) > 0 {
			top := len(path) - 1
			u := path[top]
			rest := int32(L - top - 1) // edges still to walk after the next one
			advanced := false
			first, i := next[top], next[top]
			for ; i < g.off[u+1]; i++ {
				v := g.nbr[i]
				if onPath[v] || dt[v] < 0 || dt[v] > rest || (v == t) != (rest == 0) {
					continue
				}
				if v == t {
					// path has room for t: its capacity is maxLen+1 and L ≤ maxLen.
					p := append(path, t)
					budget.Spend(int64(len(p)))
					if !yield(p[:len(p):len(p)]) {
						return Stopped
					}
					continue
				}
				next[top] = i + 1
				path = append(path, v)
				next = append(next, g.off[v])
				onPath[v] = true
				advanced = true
				break
			}
			if !budget.Spend(int64(i - first + 1)) {
				return OutOfSteps
			}
			if !advanced {
				onPath[u] = false
				path = path[:top]
				next = next[:top]
			}
		}
	}
	return Finished
}

// reachCost returns the number of edges ReachableWithin(rev, t, depth) examined to compute dist: the
// rows of the nodes it reached nearer than depth.
func reachCost(rev *CSR, dist []int32, depth int) int64 {
	var n int64
	for u, d := range dist {
		if d >= 0 && int(d) < depth {
			n += int64(rev.off[u+1] - rev.off[u])
		}
	}
	return n
}
