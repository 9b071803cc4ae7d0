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
// built: the split arcs are enumerated from g, and the flow is kept as one predecessor and one successor
// per node. O(E·√N) time, O(N) memory; on graphs with a small cut, a few breadth-first searches.
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
	for v := range int32(g.N) {
		if v != s && v != t && f.level[2*v] >= 0 && f.level[2*v+1] < 0 {
			cut = append(cut, v)
		}
	}
	return cut, true
}

// splitFlow is a unit-capacity flow on the implicit node-split graph. State 2v is v_in, 2v+1 is v_out.
type splitFlow struct {
	g      *CSR
	s, t   int32
	inFlow []bool  // v_in → v_out carries flow
	pred   []int32 // pred[v] = u when u_out → v_in carries flow (v ≠ t), else -1
	succ   []int32 // succ[u] = v when u_out → v_in carries flow (u ≠ s), else -1
	level  []int32 // BFS level of each state, -1 = unreached
	iter   []int32 // next arc to try from each state in the blocking-flow search
	queue  []int32
	stack  []int32
}

func newSplitFlow(g *CSR, s, t int32) *splitFlow {
	f := &splitFlow{g: g, s: s, t: t, inFlow: make([]bool, g.N), pred: make([]int32, g.N),
		succ: make([]int32, g.N), level: make([]int32, 2*g.N), iter: make([]int32, 2*g.N)}
	for i := range f.pred {
		f.pred[i], f.succ[i] = -1, -1
	}
	for i := range f.level {
		f.level[i] = -1
	}
	return f
}

// arcs calls visit with each residual arc out of state x, in a fixed order, starting at arc index k,
// until visit returns false; it returns the index of the arc visit stopped at, or the number of arcs.
// Arcs of v_out: the edges to w_in for each out-neighbour w ≠ s (indexes 0..deg-1), then the reverse of
// v_in → v_out when it carries flow (index deg). Arcs of v_in: v_in → v_out when free (0), the reverse of
// the flow arc into v_in (1).
func (f *splitFlow) arcs(x int32, k int32, visit func(y int32) bool) int32 {
	g := f.g
	v := x >> 1
	if x&1 == 1 {
		lo, hi := g.Off[v], g.Off[v+1]
		deg := hi - lo
		for ; k < deg; k++ {
			w := g.Nbr[lo+k]
			if w != f.s && !visit(2*w) {
				return k
			}
		}
		if k == deg {
			if v != f.s && f.inFlow[v] && !visit(2*v) {
				return k
			}
			k++
		}
		return k
	}
	if v == f.s || v == f.t {
		return 2
	}
	if k == 0 {
		if !f.inFlow[v] && !visit(2*v+1) {
			return 0
		}
		k++
	}
	if k == 1 {
		if u := f.pred[v]; u >= 0 && u != f.s && !visit(2*u+1) {
			return 1
		}
		k++
	}
	return k
}

// levels labels states by breadth-first distance from s_out in the residual graph, up to t_in's level,
// and reports whether t_in was reached.
func (f *splitFlow) levels() bool {
	for _, x := range f.queue {
		f.level[x] = -1
	}
	src, sink := 2*f.s+1, 2*f.t
	f.queue = append(f.queue[:0], src)
	f.level[src] = 0
	sinkLevel := int32(-1)
	for head := 0; head < len(f.queue); head++ {
		x := f.queue[head]
		lx := f.level[x]
		if sinkLevel >= 0 && lx >= sinkLevel {
			break
		}
		f.arcs(x, 0, func(y int32) bool {
			if f.level[y] < 0 {
				f.level[y] = lx + 1
				f.queue = append(f.queue, y)
				if y == sink {
					sinkLevel = lx + 1
				}
			}
			return true
		})
	}
	return sinkLevel >= 0
}

// blockingFlow augments along level-increasing residual paths until none is left (Dinic's phase).
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
		lx := f.level[x]
		next := int32(-1)
		f.iter[x] = f.arcs(x, f.iter[x], func(y int32) bool {
			if f.level[y] == lx+1 {
				next = y
				return false
			}
			return true
		})
		if next < 0 {
			f.level[x] = -2 // dead end for the rest of the phase
			f.stack = f.stack[:len(f.stack)-1]
			continue
		}
		f.iter[x]++ // the arc is used up or leads to a state that will be dead after augmenting
		f.stack = append(f.stack, next)
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
			if u != f.s {
				f.succ[u] = v
			}
			if v != f.t {
				f.pred[v] = u
			}
		default: // u_in → v_out: cancels the flow v_out → u_in
			if f.pred[u] == v {
				f.pred[u] = -1
			}
			if f.succ[v] == u {
				f.succ[v] = -1
			}
		}
	}
}
