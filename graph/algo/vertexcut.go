package algo

// MinVertexCut returns a smallest set of nodes, other than s and t, whose removal leaves no path from s
// to t (along edge directions when g is directed), in increasing order. When t is already unreachable
// the cut is empty. It returns ok = false, and no cut, when s and t are adjacent (s→t in a directed
// graph) or equal: no set of other nodes separates them.
//
// Of all smallest cuts it returns the one closest to s: the nodes whose in-half is reachable from s in
// the residual graph of a maximum flow while their out-half is not. That set does not depend on which
// maximum flow is found, so the answer is deterministic.
//
// The size of the cut is the maximum number of s→t paths that share no node but s and t (Menger). It is
// computed as a maximum flow by Dinic's algorithm on the node-split graph — each node v becomes v_in →
// v_out with capacity 1, each edge u→v becomes u_out → v_in with unbounded capacity — which is never
// built: the split arcs are enumerated from g, and the flow is kept as one flag and one predecessor per
// node. O(E·√N) time, O(N) memory; on graphs with a small cut, a few breadth-first searches.
func MinVertexCut(g *CSR, s, t int32) (cut []int32, ok bool) {
	if s == t || g.HasEdge(s, t) {
		return nil, false
	}
	f := newSplitFlow(g, s, t)
	for f.levels() {
		f.blockingFlow()
	}
	// f.level now marks the residual reach of the last (failed) search.
	cut = []int32{}
	for v := range int32(g.n) {
		if v != s && v != t && f.level[2*v] >= 0 && f.level[2*v+1] < 0 {
			cut = append(cut, v)
		}
	}
	return cut, true
}

// splitFlow is a unit-capacity flow on the implicit node-split graph. State 2v is v_in, 2v+1 is v_out.
// At most one unit enters v_in for v ≠ t (it can only leave by v_in → v_out), so pred records it.
//
// The residual arcs out of a state, in a fixed order (arc indexes are those of the iter pointers):
// out of v_out, the edge to w_in for each out-neighbour w ≠ s (indexes 0..deg-1), then the reverse of
// v_in → v_out when it carries flow (index deg); out of v_in (v ≠ s, t), v_in → v_out when it is free
// (0), then the reverse of the flow arc into v_in (1). Edges have unbounded capacity, so the edge arcs
// are always residual. s_in and t_out are never used.
type splitFlow struct {
	g      *CSR
	s, t   int32
	inFlow []bool  // v_in → v_out carries flow
	pred   []int32 // pred[v] = u when u_out → v_in carries flow (v ≠ t), else -1
	level  []int32 // BFS level of each state, -1 = unreached
	iter   []int32 // next arc to try from each state in the blocking-flow search
	queue  []int32
	stack  []int32
}

func newSplitFlow(g *CSR, s, t int32) *splitFlow {
	f := &splitFlow{g: g, s: s, t: t, inFlow: make([]bool, g.n), pred: make([]int32, g.n),
		level: make([]int32, 2*g.n), iter: make([]int32, 2*g.n)}
	for i := range f.pred {
		f.pred[i] = -1
	}
	for i := range f.level {
		f.level[i] = -1
	}
	return f
}

// levels labels states by breadth-first distance from s_out in the residual graph until t_in is
// labelled, and reports whether it was. When it is not, the labelled states are all those reachable.
func (f *splitFlow) levels() bool {
	g, s, t := f.g, f.s, f.t
	level := f.level
	for _, x := range f.queue {
		level[x] = -1
	}
	src, sink := 2*s+1, 2*t
	queue := append(f.queue[:0], src)
	level[src] = 0
	found := false
	for head := 0; head < len(queue) && !found; head++ {
		x := queue[head]
		ly := level[x] + 1
		v := x >> 1
		if x&1 == 1 {
			for _, w := range g.nbr[g.off[v]:g.off[v+1]] {
				if y := 2 * w; w != s && level[y] < 0 {
					level[y] = ly
					queue = append(queue, y)
					found = found || y == sink
				}
			}
			if v != s && f.inFlow[v] && level[2*v] < 0 {
				level[2*v] = ly
				queue = append(queue, 2*v)
			}
			continue
		}
		if v == s || v == t {
			continue
		}
		if y := 2*v + 1; !f.inFlow[v] && level[y] < 0 {
			level[y] = ly
			queue = append(queue, y)
		}
		if u := f.pred[v]; u >= 0 && u != s && level[2*u+1] < 0 {
			level[2*u+1] = ly
			queue = append(queue, 2*u+1)
		}
	}
	f.queue = queue
	return found
}

// next returns the first residual arc out of state x, from arc index k on, that leads one level up,
// as its index and target state, or the number of arcs and -1.
func (f *splitFlow) next(x, k int32) (int32, int32) {
	g, s := f.g, f.s
	want := f.level[x] + 1
	v := x >> 1
	if x&1 == 1 {
		lo, hi := g.off[v], g.off[v+1]
		deg := hi - lo
		for ; k < deg; k++ {
			if w := g.nbr[lo+k]; w != s && f.level[2*w] == want {
				return k, 2 * w
			}
		}
		if k == deg && v != s && f.inFlow[v] && f.level[2*v] == want {
			return k, 2 * v
		}
		return deg + 1, -1
	}
	if v == s || v == f.t {
		return 2, -1
	}
	if k == 0 {
		if !f.inFlow[v] && f.level[2*v+1] == want {
			return 0, 2*v + 1
		}
		k = 1
	}
	if k == 1 {
		if u := f.pred[v]; u >= 0 && u != s && f.level[2*u+1] == want {
			return 1, 2*u + 1
		}
	}
	return 2, -1
}

// blockingFlow augments along level-increasing residual paths until none is left (Dinic's phase).
// A state that leads nowhere is taken out of the level graph; after an augmentation every state on
// the path but s_out is saturated or leads only to saturated states, so the search restarts from s_out
// with the arc pointers kept.
func (f *splitFlow) blockingFlow() {
	for _, x := range f.queue {
		f.iter[x] = 0
	}
	src, sink := 2*f.s+1, 2*f.t
	f.stack = append(f.stack[:0], src)
	for len(f.stack) > 0 {
		x := f.stack[len(f.stack)-1]
		if x == sink {
			f.augment()
			f.stack = append(f.stack[:0], src)
			continue
		}
		k, y := f.next(x, f.iter[x])
		if y < 0 {
			f.iter[x] = k
			f.level[x] = -2 // dead end for the rest of the phase
			f.stack = f.stack[:len(f.stack)-1]
			continue
		}
		f.iter[x] = k + 1
		f.stack = append(f.stack, y)
	}
}

// augment pushes one unit of flow along the states on the stack, from s_out to t_in.
func (f *splitFlow) augment() {
	p := f.stack
	for i := 0; i+1 < len(p); i++ {
		a, b := p[i], p[i+1]
		u, v := a>>1, b>>1
		switch {
		case u == v && a&1 == 0: // v_in → v_out
			f.inFlow[v] = true
		case u == v: // reverse of v_in → v_out
			f.inFlow[v] = false
		case a&1 == 1: // u_out → v_in, an edge
			if v != f.t {
				f.pred[v] = u
			}
		default: // u_in → v_out: cancels the flow v_out → u_in, unless u_in was entered by a new edge
			// earlier on this path, which has replaced pred[u] already
			if f.pred[u] == v {
				f.pred[u] = -1
			}
		}
	}
}
