package algo

// AllSimplePaths returns every simple path from s to t with at most maxLen edges, shortest first and
// paths of equal length in lexicographic order of their node ids, following edge directions in a
// directed graph. When limit > 0 it stops after limit paths and reports truncated = true if at least one
// more path exists; the paths returned are then the first limit of that order. A limit ≤ 0 means no cap.
// AllSimplePaths(g, s, s, …) is [[s]].
//
// It runs one iterative depth-first search per length, from the distance between s and t up to maxLen,
// pruned by the distance of each node to t (a reverse breadth-first search bounded by maxLen), so the
// work is proportional to the paths found times their length, times the fan-out of the dead ends the
// distance bound cannot see. The number of paths grows exponentially with maxLen on dense graphs: keep a
// limit.
func AllSimplePaths(g *CSR, s, t int32, maxLen, limit int) (paths [][]int32, truncated bool) {
	if s == t {
		return [][]int32{{s}}, false
	}
	if maxLen < 1 {
		return nil, false
	}
	dt := ReachableWithin(g.Reverse(), t, maxLen)
	if dt[s] < 0 {
		return nil, false
	}
	onPath := make([]bool, g.N)
	path := make([]int32, 0, maxLen+1)
	next := make([]int32, 0, maxLen+1) // next[i]: index into Nbr of the next edge to try from path[i]
	for L := int(dt[s]); L <= maxLen; L++ {
		path = append(path[:0], s)
		next = append(next[:0], g.Off[s])
		onPath[s] = true
		for len(path) > 0 {
			top := len(path) - 1
			u := path[top]
			rest := int32(L - top - 1) // edges still to walk after the next one
			advanced := false
			for i := next[top]; i < g.Off[u+1]; i++ {
				v := g.Nbr[i]
				if onPath[v] || dt[v] < 0 || dt[v] > rest || (v == t) != (rest == 0) {
					continue
				}
				next[top] = i + 1
				if v == t {
					if limit > 0 && len(paths) == limit {
						for _, x := range path {
							onPath[x] = false
						}
						return paths, true
					}
					p := make([]int32, len(path)+1)
					copy(p, path)
					p[len(path)] = t
					paths = append(paths, p)
					continue
				}
				path = append(path, v)
				next = append(next, g.Off[v])
				onPath[v] = true
				advanced = true
				break
			}
			if !advanced {
				onPath[u] = false
				path = path[:top]
				next = next[:top]
			}
		}
	}
	return paths, false
}
